/*
 * The browser pass of `miaw-readiness probe --browser`: each page in headless Chromium (playwright-core driving the
 * system's Chromium), because the Enhanced Chat launcher mounts at run time and a fetch of the HTML cannot show
 * whether it renders. Per page it records what the browser itself reports — CSP violations, failed requests (CORS
 * included), console errors, the scripts in the live DOM (tag managers included), whether onEmbeddedMessagingReady
 * fired and the chat button became visible — as a BrowserPageObservation that the engine's WEB-10..WEB-14 judge.
 * A page that cannot be opened gets a plain-words error and the run goes on; only a missing Chromium stops it.
 * How it works, its traps and timings: docs/website-probe-browser.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, ConsoleMessage, Page, Request, Response } from 'playwright-core';
import type { BrowserPageObservation } from '../../force-app/main/default/lwc/miawReadinessEngine/websitePage';

export type { BrowserPageObservation };

export interface BrowserPassOptions {
    /** The Chromium (or Chrome) binary; default CHROMIUM_PATH, then /usr/bin/chromium. */
    chromiumPath?: string;
    /** Milliseconds for the page to load, and again for the ready event and the button after it loaded. */
    timeoutMs?: number;
    /** Where to write one PNG per page (created if missing); none when absent. */
    screenshotDir?: string;
    /** Chromium's --host-resolver-rules, e.g. "MAP acme.my.site.com 127.0.0.1:8443" (tests point hosts at local servers). */
    hostResolverRules?: string;
    /** Accept any TLS certificate (tests with a self-signed certificate only). */
    ignoreHttpsErrors?: boolean;
}

/** No usable Chromium: the one error that stops the browser pass. Its message is for the admin, as is. */
export class BrowserUnavailableError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'BrowserUnavailableError';
    }
}

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The launcher Enhanced Web Chat renders (id and class seen on live deployments; the fake bootstrap mirrors them). */
export const CHAT_BUTTON_SELECTOR = '#embeddedMessagingConversationButton, .embeddedMessagingConversationButton';

const INLINE_SCRIPT_CHARS = 2_000;
const POLL_MS = 100;
/**
 * Pages open at once. A page whose widget never starts spends the whole timeout idle, so a few in parallel keep a
 * long URL list from costing timeout × pages; more would make pages compete for a small machine's CPU and skew
 * the very wait they measure.
 */
const PAGES_AT_ONCE = 3;
const REPORT_BINDING = '__miawProbeReport';

/*
 * Runs in every frame before any page script (so a ready event fired during the page's own load is not missed, and
 * the page's CSP cannot block it). Only the page's own policy counts: a violation in a cross-origin frame (the
 * widget's Salesforce-served frame has its own policy) is not the site's to fix, and a Content-Security-Policy-Report-Only
 * violation (disposition "report") blocks nothing. The widget dispatches its events on the top window. A plain
 * string: the CLI's TypeScript has no DOM types, and nothing here may be rewritten by a bundler.
 */
const INIT_SCRIPT = `(() => {
    const report = window.${REPORT_BINDING};
    if (typeof report !== 'function') return;
    let pagePolicy = true;
    try {
        pagePolicy = window === window.top || window.top.location.origin === window.location.origin;
    } catch (e) {
        pagePolicy = false;
    }
    if (pagePolicy) {
        document.addEventListener('securitypolicyviolation', (e) => {
            if (e.disposition === 'report') return;
            report('csp', { blockedUri: String(e.blockedURI || ''), effectiveDirective: String(e.effectiveDirective || e.violatedDirective || ''), originalPolicy: String(e.originalPolicy || '') });
        }, true);
    }
    if (window === window.top) window.addEventListener('onEmbeddedMessagingReady', () => report('ready', {}));
})();`;

const LIVE_SCRIPTS = `Array.from(document.scripts).map((s) => s.src ? { src: s.src } : { inline: (s.textContent || '').slice(0, ${INLINE_SCRIPT_CHARS}) })`;

/** The first line of an error message, without Playwright's "page.goto: " prefix or its call log. */
function firstLine(message: string): string {
    return (message.split('\n')[0] ?? '').replace(/^[a-zA-Z.]+: /, '').trim();
}

function hostOf(url: string): string {
    try {
        return new URL(url).host;
    } catch {
        return url;
    }
}

/**
 * A navigation failure in plain words for the admin: what went wrong and with which host, Chromium's code in
 * brackets for whoever debugs it. Never a stack trace.
 */
export function describeNavigationError(message: string, url: string): string {
    const host = hostOf(url);
    const timeout = /Timeout (\d+)ms exceeded/.exec(message);
    if (timeout) {
        return `the page did not finish loading within ${Math.round(Number(timeout[1]) / 1000)} s (timeout)`;
    }
    const code = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
    if (!code) return firstLine(message) || 'the browser could not open the page';
    const net = `net::${code}`;
    if (code === 'ERR_NAME_NOT_RESOLVED' || code === 'ERR_NAME_RESOLUTION_FAILED') {
        return `DNS failure: the host name ${host} could not be resolved (${net})`;
    }
    if (code === 'ERR_CONNECTION_REFUSED') return `connection refused: nothing answers at ${host} (${net})`;
    if (/^ERR_(CERT_|SSL_|BAD_SSL|TLS)/.test(code)) {
        return `TLS error: the browser did not accept the HTTPS connection to ${host} (${net})`;
    }
    if (/^ERR_(CONNECTION_TIMED_OUT|TIMED_OUT|ADDRESS_UNREACHABLE|INTERNET_DISCONNECTED|NETWORK_CHANGED)$/.test(code)) {
        return `host unreachable: ${host} did not answer (${net})`;
    }
    if (code === 'ERR_CONNECTION_RESET' || code === 'ERR_CONNECTION_CLOSED' || code === 'ERR_EMPTY_RESPONSE') {
        return `the connection to ${host} was closed before the page arrived (${net})`;
    }
    if (code === 'ERR_TOO_MANY_REDIRECTS') return `redirect loop: ${host} keeps redirecting (${net})`;
    if (code === 'ERR_ABORTED') {
        return `the browser did not open the address as a page (a download, or not HTML) (${net})`;
    }
    return `the browser could not open the page at ${host} (${net})`;
}

function resolveChromium(options: BrowserPassOptions): string {
    const chromiumPath = options.chromiumPath ?? process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH;
    try {
        fs.accessSync(chromiumPath, fs.constants.X_OK);
    } catch {
        throw new BrowserUnavailableError(
            `No Chromium at ${chromiumPath}: the browser pass needs one. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`
        );
    }
    return chromiumPath;
}

async function launch(chromiumPath: string, options: BrowserPassOptions): Promise<Browser> {
    const args = options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`] : [];
    try {
        return await chromium.launch({ executablePath: chromiumPath, headless: true, args });
    } catch (err) {
        throw new BrowserUnavailableError(
            `Chromium at ${chromiumPath} could not be started (${firstLine((err as Error).message)}). Set CHROMIUM_PATH to a working Chromium or Chrome binary.`
        );
    }
}

function emptyObservation(url: string): BrowserPageObservation {
    return {
        url,
        cspViolations: [],
        failedRequests: [],
        consoleErrors: [],
        liveScripts: [],
        bootstrapLoaded: false,
        readyEventFired: false,
        chatButtonVisible: false,
        waitedMs: 0
    };
}

/** A file name for the page's screenshot: its position (URLs may repeat) and host and path, safe on any disk. */
function screenshotName(index: number, url: string): string {
    let slug = url;
    try {
        const u = new URL(url);
        slug = `${u.host}${u.pathname}`;
    } catch {
        // not a URL: the raw text, sanitised below
    }
    const safe = slug
        .replace(/[^a-zA-Z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 80);
    return `${String(index + 1).padStart(2, '0')}-${safe || 'page'}.png`;
}

async function buttonVisible(page: Page): Promise<boolean> {
    try {
        return await page.locator(CHAT_BUTTON_SELECTOR).first().isVisible();
    } catch {
        return false;
    }
}

/** Opens one page in a fresh context (no cookies or storage carried between pages) and records what happened. */
async function observePage(
    browser: Browser,
    url: string,
    index: number,
    options: BrowserPassOptions
): Promise<BrowserPageObservation> {
    const observation = emptyObservation(url);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return { ...observation, error: 'not a URL (expected e.g. https://www.example.com/contact)' };
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        return { ...observation, error: `not a web page address (${parsed.protocol} instead of https: or http:)` };
    }

    const context = await browser.newContext({
        ignoreHTTPSErrors: options.ignoreHttpsErrors === true,
        viewport: { width: 1280, height: 800 },
        // a service worker would answer requests out of sight of the request events
        serviceWorkers: 'block'
    });
    let readyFired = false;
    try {
        await context.exposeBinding(REPORT_BINDING, (_source, kind: string, payload: unknown) => {
            if (kind === 'ready') readyFired = true;
            else if (kind === 'csp') {
                const v = payload as BrowserPageObservation['cspViolations'][number];
                observation.cspViolations.push({
                    blockedUri: String(v.blockedUri),
                    effectiveDirective: String(v.effectiveDirective),
                    originalPolicy: String(v.originalPolicy)
                });
            }
        });
        await context.addInitScript({ content: INIT_SCRIPT });
        const page = await context.newPage();
        page.on('console', (msg: ConsoleMessage) => {
            if (msg.type() !== 'error') return;
            const where = msg.location()?.url;
            observation.consoleErrors.push(where ? `${msg.text()} (at ${where})` : msg.text());
        });
        page.on('pageerror', (err: Error) => {
            observation.consoleErrors.push(`Uncaught ${err.name}: ${err.message}`);
        });
        page.on('requestfailed', (request: Request) => {
            observation.failedRequests.push({
                url: request.url(),
                resourceType: request.resourceType(),
                failure: request.failure()?.errorText ?? 'failed',
                corsBlocked: false
            });
        });
        page.on('response', (response: Response) => {
            if (response.status() < 400) return;
            observation.failedRequests.push({
                url: response.url(),
                resourceType: response.request().resourceType(),
                status: response.status(),
                corsBlocked: false
            });
        });

        let mainResponse: Response | null;
        try {
            mainResponse = await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
        } catch (err) {
            return { ...observation, error: describeNavigationError((err as Error).message, url) };
        }
        if (mainResponse && mainResponse.status() >= 400) {
            return { ...observation, error: `the page answered HTTP ${mainResponse.status()}` };
        }
        observation.finalUrl = page.url();

        // The launcher mounts after load: wait for the ready event and the button, up to the timeout.
        const started = Date.now();
        let visible = await buttonVisible(page);
        while (!(readyFired && visible) && Date.now() - started < timeoutMs) {
            await page.waitForTimeout(POLL_MS);
            visible = await buttonVisible(page);
        }
        observation.waitedMs = Date.now() - started;
        observation.readyEventFired = readyFired;
        observation.chatButtonVisible = visible;
        observation.bootstrapLoaded = (await page.evaluate(
            "typeof window.embeddedservice_bootstrap !== 'undefined'"
        )) as boolean;
        observation.liveScripts = (await page.evaluate(LIVE_SCRIPTS)) as BrowserPageObservation['liveScripts'];
        if (options.screenshotDir) {
            fs.mkdirSync(options.screenshotDir, { recursive: true });
            const file = path.resolve(options.screenshotDir, screenshotName(index, url));
            await page.screenshot({ path: file });
            observation.screenshotPath = file;
        }
        return markCorsFailures(observation);
    } catch (err) {
        // Anything else (the page crashed, the browser went away): this page's error, the run goes on.
        return {
            ...observation,
            error: `the browser could not inspect the page (${firstLine((err as Error).message)})`
        };
    } finally {
        await context.close().catch(() => undefined);
    }
}

/**
 * Chromium reports a CORS rejection as a failed request with the bare net::ERR_FAILED; only its console line
 * ("Access to fetch at '<url>' from origin '<origin>' has been blocked by CORS policy: …") says why.
 */
function markCorsFailures(observation: BrowserPageObservation): BrowserPageObservation {
    const corsLines = observation.consoleErrors.filter((t) => t.includes('has been blocked by CORS policy'));
    for (const request of observation.failedRequests) {
        request.corsBlocked = corsLines.some((line) => line.includes(`'${request.url}'`));
    }
    return observation;
}

/**
 * Opens each URL in headless Chromium (one browser, up to PAGES_AT_ONCE pages at a time, each in its own context) and
 * returns one observation per URL in the same order. A page that cannot be opened carries `error` and the others are
 * still probed; a missing or broken Chromium rejects with BrowserUnavailableError before any page is opened.
 */
export async function observePages(
    urls: string[],
    options: BrowserPassOptions = {}
): Promise<BrowserPageObservation[]> {
    const chromiumPath = resolveChromium(options);
    const browser = await launch(chromiumPath, options);
    try {
        const observations: BrowserPageObservation[] = new Array(urls.length);
        let next = 0;
        const worker = async (): Promise<void> => {
            while (next < urls.length) {
                const index = next++;
                observations[index] = await observePage(browser, urls[index], index, options);
            }
        };
        await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, urls.length) }, worker));
        return observations;
    } finally {
        await browser.close().catch(() => undefined);
    }
}
