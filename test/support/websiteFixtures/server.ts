/*
 * The website probe's local test site: the pages in ./pages (one planted defect each, and a correct one) plus the
 * ways a page can fail to load, served over HTTP and over HTTPS with a self-signed certificate generated at test
 * time (openssl). Both servers listen on 127.0.0.1, port 0. Used by cli/__tests__/probe.test.ts.
 *
 * The snippets name the Acme_Web_Chat deployment of examples/ready (site ESW_Acme_Web_Chat_17302856409121).
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { selfSignedCertificate } from '../selfSignedCertificate';

export const PAGES_DIR = path.join(__dirname, 'pages');

/** The Content-Security-Policy header of the correct page: what the widget needs, and nothing more. */
export const CORRECT_CSP =
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://acme-outdoor.my.site.com; frame-src https://acme-outdoor.my.site.com; connect-src 'self' https://acme-outdoor.my.salesforce-scrt.com; img-src 'self' data:";

/** Extra response headers per page. */
const HEADERS: Readonly<Record<string, Record<string, string>>> = {
    '/correct.html': { 'content-security-policy': CORRECT_CSP },
    '/wrong-site.html': { 'content-security-policy-report-only': "default-src 'none'" }
};

export interface WebsiteFixtures {
    /** http://127.0.0.1:<port> */
    httpUrl: string;
    /** https://localhost:<port> (self-signed) */
    httpsUrl: string;
    /** A port on which nothing listens. */
    closedPortUrl: string;
    close(): Promise<void>;
}

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const route = url.pathname;
    switch (route) {
        case '/redirect':
            res.writeHead(301, { location: '/correct.html' }).end();
            return;
        case '/loop-a':
            res.writeHead(302, { location: '/loop-b' }).end();
            return;
        case '/loop-b':
            res.writeHead(302, { location: '/loop-a' }).end();
            return;
        case '/never-finishes':
            // headers and a first chunk, then nothing: a page that never finishes loading
            res.writeHead(200, { 'content-type': 'text/html' });
            res.write('<!DOCTYPE html><html><body><p>Loading');
            return;
        case '/huge.html': {
            // 11 MB without a Content-Length: the cap must hold while streaming
            res.writeHead(200, { 'content-type': 'text/html' });
            const chunk = `<p>${'x'.repeat(1024 * 1024)}</p>`;
            let sent = 0;
            const more = (): void => {
                while (sent < 11) {
                    sent++;
                    if (!res.write(chunk)) {
                        res.once('drain', more);
                        return;
                    }
                }
                res.end();
            };
            res.on('close', () => {
                sent = 11;
            });
            more();
            return;
        }
        case '/data.json':
            res.writeHead(200, { 'content-type': 'application/json' }).end('{"chat":false}');
            return;
        default:
            break;
    }
    const file = path.join(PAGES_DIR, path.basename(route));
    if (!route.endsWith('.html') || !fs.existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
        return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(HEADERS[route] ?? {}) });
    res.end(fs.readFileSync(file));
}

function listen(server: http.Server | https.Server, host: string): Promise<number> {
    return new Promise((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
}

export async function startWebsiteFixtures(): Promise<WebsiteFixtures> {
    const plain = http.createServer(handler);
    const secure = https.createServer(selfSignedCertificate(['DNS:localhost', 'IP:127.0.0.1']), handler);
    const sockets = new Set<import('node:net').Socket>();
    for (const s of [plain, secure]) {
        s.on('connection', (socket) => {
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
        });
    }
    const httpPort = await listen(plain, '127.0.0.1');
    const httpsPort = await listen(secure, '127.0.0.1');
    // a port that was free a moment ago: nothing listens there
    const spare = http.createServer();
    const closedPort = await listen(spare, '127.0.0.1');
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    return {
        httpUrl: `http://127.0.0.1:${httpPort}`,
        httpsUrl: `https://localhost:${httpsPort}`,
        closedPortUrl: `http://127.0.0.1:${closedPort}`,
        close: async () => {
            for (const socket of sockets) socket.destroy();
            await Promise.all([plain, secure].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
        }
    };
}
