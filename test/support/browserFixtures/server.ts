/*
 * Local stand-ins for the hosts the browser pass visits, so test/probeBrowser.test.ts runs real Chromium against
 * real HTTPS, CSP and CORS without the internet. Three HTTPS servers (one self-signed certificate, generated at
 * test time with openssl) play the customer's website, the Salesforce site host that serves the widget's
 * bootstrap.min.js, and the messaging (SCRT) host; Chromium's --host-resolver-rules maps the public host names to
 * them and every other name to "not found", so nothing leaves the machine.
 *
 * The website's pages, each with one planted defect:
 *   /correct             CSP allows the site host for scripts and the SCRT host for connections; snippet in the page
 *   /csp-missing-scrt    same page, but connect-src lacks the SCRT host
 *   /csp-report-only     the correct policy, plus a Report-Only policy without the SCRT host (blocks nothing)
 *   /bootstrap-404       the snippet names a deployment path the site host does not serve (404)
 *   /with-salesforce-frame  the correct page plus a Salesforce-served frame whose own CSP blocks a request
 *   /tag-manager         no snippet in the HTML: a tag-manager script injects it after load
 *   /never-finishes      sends its head and never ends the response
 * The SCRT host allows one origin (https://www.acme.example, as the org's CORS allowlist would): the same /correct
 * page served from https://shop.acme.example is rejected by CORS.
 */
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { selfSignedCertificate } from '../selfSignedCertificate';

export const SITE_HOST = 'www.acme.example';
export const OTHER_SITE_HOST = 'shop.acme.example';
export const SALESFORCE_SITE_HOST = 'acme.my.site.com';
export const SCRT_HOST = 'acme.my.salesforce-scrt.com';
/** Mapped to a local port nothing listens on: connection refused. */
export const DOWN_HOST = 'down.acme.example';
/** Not mapped: DNS failure. */
export const MISSING_HOST = 'nowhere.acme.example';

export const ORG_ID = '00D5g000004SPcdEAG';
export const DEPLOYMENT = 'Web_Chat_Site';
export const SITE_URL = `https://${SALESFORCE_SITE_HOST}/ESWWebChat1700000000000`;
export const SCRT_URL = `https://${SCRT_HOST}`;
/** What the org's CORS allowlist holds in this story. */
export const ALLOWED_ORIGINS: readonly string[] = [`https://${SITE_HOST}`];

const BOOTSTRAP_JS = fs.readFileSync(path.join(__dirname, 'fakeBootstrap.js'), 'utf8');

/** The inline half of the Enhanced Web Chat code snippet (Setup > Embedded Service Deployments > Code Snippet). */
function initFunction(siteUrl: string): string {
    return `
    function initEmbeddedMessaging() {
        try {
            embeddedservice_bootstrap.settings.language = 'en_US';
            embeddedservice_bootstrap.init(
                '${ORG_ID}',
                '${DEPLOYMENT}',
                '${siteUrl}',
                { scrt2URL: '${SCRT_URL}' }
            );
        } catch (err) {
            console.error('Error loading Embedded Messaging: ', err);
        }
    };
`;
}

/** The whole snippet as Setup writes it: the init function, then the bootstrap script that calls it on load. */
export function snippet(siteUrl = SITE_URL): string {
    return `<script type='text/javascript'>${initFunction(siteUrl)}</script>
<script type='text/javascript' src='${siteUrl}/assets/js/bootstrap.min.js' onload='initEmbeddedMessaging()'></script>`;
}

function page(title: string, body: string): string {
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title></head>
<body>
<main><h1>${title}</h1><p>Questions? Chat with us.</p></main>
${body}
</body>
</html>`;
}

/** A strict-enough policy: the snippet is inline, so script-src needs 'unsafe-inline' (or a hash) as well. */
function csp(connect: string): string {
    return [
        "default-src 'self'",
        `script-src 'self' 'unsafe-inline' https://${SALESFORCE_SITE_HOST}`,
        `connect-src 'self' ${connect}`,
        `frame-src https://${SALESFORCE_SITE_HOST}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:"
    ].join('; ');
}

/** What a tag manager's "custom HTML" tag does: adds the snippet's two scripts to the live DOM after load. */
const TAG_MANAGER_JS = `(function () {
    setTimeout(function () {
        var init = document.createElement('script');
        init.text = ${JSON.stringify(initFunction(SITE_URL))};
        document.body.appendChild(init);
        var bootstrap = document.createElement('script');
        bootstrap.src = ${JSON.stringify(`${SITE_URL}/assets/js/bootstrap.min.js`)};
        bootstrap.onload = function () { window.initEmbeddedMessaging(); };
        document.body.appendChild(bootstrap);
    }, 200);
})();`;

type Handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;

function websiteHandler(): Handler {
    return (req, res) => {
        const url = new URL(req.url ?? '/', `https://${req.headers.host ?? SITE_HOST}`);
        const html = (status: number, body: string, policy?: string) => {
            const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
            if (policy) headers['content-security-policy'] = policy;
            res.writeHead(status, headers);
            res.end(body);
        };
        switch (url.pathname) {
            case '/correct':
                return html(200, page('Acme support', snippet()), csp(SCRT_URL));
            case '/csp-missing-scrt':
                return html(200, page('Acme support', snippet()), csp(''));
            case '/csp-report-only': {
                // The enforced policy allows the widget; a stricter trial policy only reports, it blocks nothing.
                res.setHeader('content-security-policy-report-only', csp(''));
                return html(200, page('Acme support', snippet()), csp(SCRT_URL));
            }
            case '/bootstrap-404':
                return html(
                    200,
                    page('Acme support', snippet(`https://${SALESFORCE_SITE_HOST}/ESWWrongDeployment1700000000001`)),
                    csp(SCRT_URL)
                );
            case '/with-salesforce-frame':
                return html(
                    200,
                    page(
                        'Acme support',
                        `${snippet()}\n<iframe title="Salesforce frame" src="${SITE_URL}/frame.html"></iframe>`
                    ),
                    csp(SCRT_URL)
                );
            case '/tag-manager':
                return html(200, page('Acme support', '<script src="/tag-manager.js" async></script>'), csp(SCRT_URL));
            case '/tag-manager.js':
                res.writeHead(200, { 'content-type': 'application/javascript' });
                return res.end(TAG_MANAGER_JS);
            case '/never-finishes':
                // Headers and the start of the page, then nothing: the load event never comes.
                res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
                res.write('<!doctype html><html><head><title>Loading forever</title></head><body><p>Loading');
                return;
            default:
                return html(404, page('Not found', ''));
        }
    };
}

function salesforceSiteHandler(): Handler {
    return (req, res) => {
        const pathname = new URL(req.url ?? '/', `https://${SALESFORCE_SITE_HOST}`).pathname;
        if (pathname === `${new URL(SITE_URL).pathname}/assets/js/bootstrap.min.js`) {
            res.writeHead(200, { 'content-type': 'application/javascript' });
            return res.end(BOOTSTRAP_JS);
        }
        if (pathname === `${new URL(SITE_URL).pathname}/frame.html`) {
            // A Salesforce-served frame under its own, stricter policy: its violations are not the website's to fix.
            res.writeHead(200, {
                'content-type': 'text/html; charset=utf-8',
                'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; connect-src 'none'"
            });
            return res.end(
                `<!doctype html><html><body><script>fetch('${SCRT_URL}/embeddedservice/v1/frame').catch(function () {});</script></body></html>`
            );
        }
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('Not found');
    };
}

/** Answers CORS only for an allowed origin, as Salesforce does for an origin on the org's CORS allowlist. */
function scrtHandler(): Handler {
    return (req, res) => {
        const origin = req.headers.origin;
        const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'Origin' };
        if (origin && ALLOWED_ORIGINS.includes(origin)) headers['access-control-allow-origin'] = origin;
        if (req.method === 'OPTIONS') {
            res.writeHead(204, headers);
            return res.end();
        }
        res.writeHead(200, headers);
        return res.end(JSON.stringify({ businessHoursInfo: { isWithinBusinessHours: true } }));
    };
}

async function listen(server: https.Server | net.Server): Promise<number> {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
}

/** A port that was free a moment ago and nothing listens on now: connecting to it is refused. */
async function closedPort(): Promise<number> {
    const probe = net.createServer();
    const port = await listen(probe);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return port;
}

export interface BrowserFixtures {
    /** For BrowserPassOptions.hostResolverRules. */
    hostResolverRules: string;
    url(pathname: string, host?: string): string;
    close(): Promise<void>;
}

export async function startBrowserFixtures(): Promise<BrowserFixtures> {
    const tls = selfSignedCertificate(
        [SITE_HOST, OTHER_SITE_HOST, SALESFORCE_SITE_HOST, SCRT_HOST].map((h) => `DNS:${h}`)
    );
    const servers = [websiteHandler(), salesforceSiteHandler(), scrtHandler()].map((h) => https.createServer(tls, h));
    const sockets = new Set<Duplex>();
    for (const s of servers)
        s.on('connection', (socket) => {
            sockets.add(socket);
            socket.on('close', () => sockets.delete(socket));
        });
    const [sitePort, salesforcePort, scrtPort] = await Promise.all(servers.map((s) => listen(s)));
    const downPort = await closedPort();
    const rules = [
        `MAP ${SITE_HOST} 127.0.0.1:${sitePort}`,
        `MAP ${OTHER_SITE_HOST} 127.0.0.1:${sitePort}`,
        `MAP ${SALESFORCE_SITE_HOST} 127.0.0.1:${salesforcePort}`,
        `MAP ${SCRT_HOST} 127.0.0.1:${scrtPort}`,
        `MAP ${DOWN_HOST} 127.0.0.1:${downPort}`,
        // everything else, the missing host included, does not resolve: no test reaches the internet
        'MAP * ~NOTFOUND'
    ].join(', ');
    return {
        hostResolverRules: rules,
        url: (pathname: string, host = SITE_HOST) => `https://${host}${pathname}`,
        async close() {
            // /never-finishes leaves a response open: end its socket so close() returns
            for (const socket of sockets) socket.destroy();
            await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
        }
    };
}
