/*
 * Fetches one page for the static probe: redirects followed by hand (each hop reported, loops caught), a time limit
 * for the whole page, a size cap enforced while streaming, and every failure said in plain words — a DNS failure, a
 * refused connection, a self-signed certificate — never a stack trace. node:http(s) rather than fetch, because
 * --insecure needs the TLS option per request.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { PageRedirect } from '../../force-app/main/default/lwc/miawReadinessEngine/websitePage';

export interface FetchOptions {
    /** For the whole page, redirects included. */
    timeoutMs: number;
    /** Larger bodies are not read: the snippet sits before </body>, so half a page would be a false "missing". */
    maxBytes: number;
    maxRedirects: number;
    /** Accept certificates Node cannot verify (self-signed test sites). */
    insecure: boolean;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
    timeoutMs: 20_000,
    maxBytes: 10 * 1024 * 1024,
    maxRedirects: 10,
    insecure: false
};

export interface FetchedPage {
    url: string;
    finalUrl: string;
    redirects: PageRedirect[];
    status?: number;
    contentType?: string;
    /** Content-Security-Policy header values (Report-Only ones block nothing and are left out). */
    headerCsp: string[];
    html?: string;
    error?: string;
    errorHint?: string;
}

const USER_AGENT = 'miaw-readiness-probe (+https://github.com/)';

class PageError extends Error {
    readonly hint?: string;

    constructor(message: string, hint?: string) {
        super(message);
        this.hint = hint;
    }
}

interface Answer {
    status: number;
    headers: http.IncomingHttpHeaders;
    body?: string;
}

const TLS_CODES: Readonly<Record<string, string>> = {
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the server certificate is self-signed',
    SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in a self-signed certificate',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate cannot be verified (missing intermediate certificate?)',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate issuer is not trusted',
    CERT_HAS_EXPIRED: 'the certificate has expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is not valid for this host name'
};

/** A Node network error in plain words, with what to do. */
export function describeNetworkError(error: unknown, url: URL, timeoutMs: number): PageError {
    const e = error as NodeJS.ErrnoException & { name?: string };
    const code = e.code ?? '';
    const host = url.hostname;
    if (e.name === 'AbortError' || e.name === 'TimeoutError' || code === 'ABORT_ERR') {
        return new PageError(
            `no complete answer within ${Math.round(timeoutMs / 1000)} s (timeout)`,
            'Check the page loads in a browser; give more time with --timeout <seconds>.'
        );
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return new PageError(
            `DNS lookup failed: the host ${host} was not found`,
            'Check the spelling of the host name.'
        );
    }
    if (code === 'ECONNREFUSED') {
        return new PageError(
            `the connection to ${host}:${url.port || (url.protocol === 'https:' ? 443 : 80)} was refused (nothing listens there)`,
            'Check the host and port, and that the site is up.'
        );
    }
    if (code === 'ECONNRESET' || code === 'EPIPE') {
        return new PageError(`${host} closed the connection before answering`, 'Try again; check the site is up.');
    }
    if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
        return new PageError(
            `${host} cannot be reached from this machine (${code})`,
            'Check the network, proxy or firewall.'
        );
    }
    if (TLS_CODES[code]) {
        return new PageError(
            `TLS error: ${TLS_CODES[code]} (${code}); visitors' browsers refuse it too`,
            'Install a certificate from a trusted authority. For a test site, --insecure probes it anyway.'
        );
    }
    if (code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /ssl|tls|certificate/i.test(e.message ?? '')) {
        return new PageError(
            `TLS error: ${e.message}`,
            "Check the site's HTTPS setup; for a test site, --insecure probes it anyway."
        );
    }
    return new PageError(
        `the request failed: ${e.message ?? String(error)}`,
        'Check the URL opens in a browser from this machine.'
    );
}

function request(url: URL, options: FetchOptions, signal: AbortSignal): Promise<Answer> {
    return new Promise((resolve, reject) => {
        const client = url.protocol === 'https:' ? https : http;
        const req = client.request(
            url,
            {
                method: 'GET',
                signal,
                headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
                ...(url.protocol === 'https:' ? { rejectUnauthorized: !options.insecure } : {})
            },
            (res) => {
                const status = res.statusCode ?? 0;
                if (status >= 300 && status < 400 && res.headers.location) {
                    res.resume();
                    resolve({ status, headers: res.headers });
                    return;
                }
                const declared = Number(res.headers['content-length'] ?? NaN);
                const tooLarge = (): PageError =>
                    new PageError(
                        `the page is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB; the probe stops reading there rather than judge half a page`,
                        'Probe a smaller page that carries the snippet, or check this one with --browser.'
                    );
                if (declared > options.maxBytes) {
                    res.destroy();
                    reject(tooLarge());
                    return;
                }
                const chunks: Buffer[] = [];
                let size = 0;
                res.on('data', (chunk: Buffer) => {
                    size += chunk.length;
                    if (size > options.maxBytes) {
                        res.destroy();
                        reject(tooLarge());
                        return;
                    }
                    chunks.push(chunk);
                });
                res.on('end', () =>
                    resolve({ status, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') })
                );
                res.on('error', reject);
            }
        );
        req.on('error', reject);
        req.end();
    });
}

function headerValues(value: string | string[] | undefined): string[] {
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
}

/** Fetches the page, following redirects; never throws for a network or HTTP problem (they are in `error`). */
export async function fetchPage(url: string, options: FetchOptions = DEFAULT_FETCH_OPTIONS): Promise<FetchedPage> {
    const page: FetchedPage = { url, finalUrl: url, redirects: [], headerCsp: [] };
    const signal = AbortSignal.timeout(options.timeoutMs);
    let current = new URL(url);
    const seen = new Set<string>([current.href]);
    try {
        for (;;) {
            let answer: Answer;
            try {
                answer = await request(current, options, signal);
            } catch (e) {
                if (e instanceof PageError) throw e;
                throw describeNetworkError(
                    signal.aborted ? Object.assign(new Error('timeout'), { name: 'TimeoutError' }) : e,
                    current,
                    options.timeoutMs
                );
            }
            page.status = answer.status;
            page.finalUrl = current.href;
            const location = answer.headers.location;
            if (answer.status >= 300 && answer.status < 400 && location) {
                const next = new URL(location, current);
                page.redirects.push({ from: current.href, status: answer.status, to: next.href });
                if (seen.has(next.href)) {
                    throw new PageError(
                        `redirect loop: ${[...page.redirects.map((r) => r.from), next.href].join(' → ')}`,
                        'Fix the redirect rules of the site so the page ends somewhere.'
                    );
                }
                if (page.redirects.length > options.maxRedirects) {
                    throw new PageError(
                        `more than ${options.maxRedirects} redirects`,
                        'Probe the final address directly.'
                    );
                }
                if (next.protocol !== 'http:' && next.protocol !== 'https:') {
                    throw new PageError(`redirected to ${next.href}, which is not a web page`);
                }
                seen.add(next.href);
                current = next;
                continue;
            }
            page.contentType = answer.headers['content-type'];
            page.headerCsp = headerValues(answer.headers['content-security-policy']);
            if (answer.status >= 400) {
                throw new PageError(
                    `the server answered HTTP ${answer.status}`,
                    'Check the URL: the page must load for visitors.'
                );
            }
            const type = (page.contentType ?? '').split(';')[0].trim().toLowerCase();
            if (type !== '' && type !== 'text/html' && type !== 'application/xhtml+xml') {
                throw new PageError(
                    `not an HTML page (Content-Type ${type})`,
                    'Probe the web page where the chat should appear, not a file or an API.'
                );
            }
            page.html = answer.body ?? '';
            return page;
        }
    } catch (e) {
        const problem = e instanceof PageError ? e : describeNetworkError(e, current, options.timeoutMs);
        page.error = problem.message;
        page.errorHint = problem.hint;
        return page;
    }
}
