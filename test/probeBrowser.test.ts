/**
 * @jest-environment node
 */
/*
 * The browser pass against real headless Chromium, offline: the host resolver points the customer's site, the
 * Salesforce site host and the messaging (SCRT) host at local HTTPS servers (test/support/browserFixtures), so the
 * CSP block, the CORS rejection and the ready event are what Chromium itself reports. One browser launch for all
 * pages. Skipped, not failed, on a machine without Chromium (like the e2e in scripts/ci.sh).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateBrowserObservation } from '../force-app/main/default/lwc/miawReadinessEngine/checksWebsiteBrowser';
import type { CheckResult } from '../force-app/main/default/lwc/miawReadinessEngine/result';
import { runWebsiteChecks } from '../force-app/main/default/lwc/miawReadinessEngine/checksWebsite';
import type { WebPageModel } from '../force-app/main/default/lwc/miawReadinessEngine/websitePage';
import { withInjectedScripts } from '../cli/probe/runProbe';
import {
    BrowserUnavailableError,
    describeNavigationError,
    observePages,
    type BrowserPageObservation
} from '../cli/probe/browserPass';
import {
    DOWN_HOST,
    MISSING_HOST,
    OTHER_SITE_HOST,
    SCRT_URL,
    SITE_URL,
    startBrowserFixtures,
    type BrowserFixtures
} from './support/browserFixtures/server';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
const HOSTS = { siteUrl: SITE_URL, scrt2Url: SCRT_URL };
// Long enough for the correct page on a busy machine (it takes a few hundred ms), short enough that the four pages
// that wait the whole timeout keep the suite well under 30 s.
const TIMEOUT_MS = 3_000;

if (!HAVE_CHROMIUM) {
    console.warn(
        `probeBrowser SKIPPED: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`
    );
}
const describeWithChromium = HAVE_CHROMIUM ? describe : describe.skip;

function status(results: CheckResult[]): Record<string, string> {
    return Object.fromEntries(results.map((r) => [r.checkId, r.status]));
}

function result(results: CheckResult[], id: string): CheckResult {
    const found = results.find((r) => r.checkId === id);
    if (!found) throw new Error(`no ${id} result`);
    return found;
}

describeWithChromium('probe --browser in headless Chromium against the local test site', () => {
    let fixtures: BrowserFixtures;
    let screenshotDir: string;
    let pages: Record<string, BrowserPageObservation>;
    let order: string[];

    beforeAll(async () => {
        fixtures = await startBrowserFixtures();
        screenshotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-probe-shots-'));
        const urls: Record<string, string> = {
            correct: fixtures.url('/correct'),
            cspMissingScrt: fixtures.url('/csp-missing-scrt'),
            cspReportOnly: fixtures.url('/csp-report-only'),
            salesforceFrame: fixtures.url('/with-salesforce-frame'),
            corsRejected: fixtures.url('/correct', OTHER_SITE_HOST),
            bootstrap404: fixtures.url('/bootstrap-404'),
            tagManager: fixtures.url('/tag-manager'),
            neverFinishes: fixtures.url('/never-finishes'),
            refused: fixtures.url('/', DOWN_HOST),
            dnsFailure: fixtures.url('/', MISSING_HOST),
            notFound: fixtures.url('/no-such-page'),
            notAUrl: 'www.acme.example/contact',
            notTheWeb: 'ftp://www.acme.example/contact',
            // the same correct page after three failures: the run went on
            correctAgain: fixtures.url('/correct')
        };
        order = Object.keys(urls);
        const observed = await observePages(Object.values(urls), {
            chromiumPath: CHROMIUM,
            hostResolverRules: fixtures.hostResolverRules,
            ignoreHttpsErrors: true,
            timeoutMs: TIMEOUT_MS,
            screenshotDir
        });
        pages = Object.fromEntries(order.map((name, i) => [name, observed[i]]));
    }, 60_000);

    afterAll(async () => {
        await fixtures?.close();
        if (screenshotDir) fs.rmSync(screenshotDir, { recursive: true, force: true });
    });

    it('returns one observation per URL, in order', () => {
        expect(order.map((name) => pages[name].url)).toEqual([
            'https://www.acme.example/correct',
            'https://www.acme.example/csp-missing-scrt',
            'https://www.acme.example/csp-report-only',
            'https://www.acme.example/with-salesforce-frame',
            'https://shop.acme.example/correct',
            'https://www.acme.example/bootstrap-404',
            'https://www.acme.example/tag-manager',
            'https://www.acme.example/never-finishes',
            'https://down.acme.example/',
            'https://nowhere.acme.example/',
            'https://www.acme.example/no-such-page',
            'www.acme.example/contact',
            'ftp://www.acme.example/contact',
            'https://www.acme.example/correct'
        ]);
    });

    it('(a) correct page: the ready event fires, the button shows, no violation: WEB-10..WEB-14 pass', () => {
        const o = pages.correct;
        expect(o).toMatchObject({
            finalUrl: 'https://www.acme.example/correct',
            bootstrapLoaded: true,
            readyEventFired: true,
            chatButtonVisible: true,
            cspViolations: []
        });
        expect(o.error).toBeUndefined();
        expect(status(evaluateBrowserObservation(o, HOSTS))).toEqual({
            'WEB-10': 'pass',
            'WEB-11': 'pass',
            'WEB-12': 'pass',
            'WEB-13': 'pass',
            'WEB-14': 'pass'
        });
    });

    it('writes a PNG screenshot per page when asked', () => {
        const file = pages.correct.screenshotPath ?? '';
        expect(path.dirname(file)).toBe(screenshotDir);
        expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
    });

    it('(b) CSP without the SCRT host in connect-src: the violation comes from the browser itself', () => {
        const o = pages.cspMissingScrt;
        expect(o.cspViolations).toEqual([
            expect.objectContaining({
                blockedUri: expect.stringMatching(/^https:\/\/acme\.my\.salesforce-scrt\.com\/embeddedservice\//),
                effectiveDirective: 'connect-src',
                originalPolicy: expect.stringContaining("connect-src 'self'")
            })
        ]);
        expect(o).toMatchObject({ bootstrapLoaded: true, readyEventFired: false, chatButtonVisible: false });
        const results = evaluateBrowserObservation(o, HOSTS);
        expect(status(results)).toMatchObject({ 'WEB-10': 'fail', 'WEB-13': 'fail', 'WEB-14': 'fail' });
        expect(result(results, 'WEB-10').remediation).toContain(
            'add https://acme.my.salesforce-scrt.com to connect-src'
        );
    });

    it('a Report-Only policy that would block the SCRT host blocks nothing: no violation, the widget starts', () => {
        const o = pages.cspReportOnly;
        expect(o.cspViolations).toEqual([]);
        expect(o).toMatchObject({ readyEventFired: true, chatButtonVisible: true });
        expect(status(evaluateBrowserObservation(o, HOSTS))['WEB-10']).toBe('pass');
    });

    it("a violation inside a cross-origin Salesforce frame is that frame's policy, not the page's: WEB-10 passes", () => {
        const o = pages.salesforceFrame;
        expect(o.cspViolations).toEqual([]);
        expect(o).toMatchObject({ readyEventFired: true, chatButtonVisible: true });
        expect(status(evaluateBrowserObservation(o, HOSTS))['WEB-10']).toBe('pass');
    });

    it('(c) SCRT host that does not allow the origin: Chromium reports net::ERR_FAILED and a CORS console line', () => {
        const o = pages.corsRejected;
        const scrtFailures = o.failedRequests.filter((r) => r.url.startsWith(SCRT_URL));
        expect(scrtFailures).toEqual([
            expect.objectContaining({ resourceType: 'fetch', failure: 'net::ERR_FAILED', corsBlocked: true })
        ]);
        expect(o.consoleErrors.some((t) => t.includes('has been blocked by CORS policy'))).toBe(true);
        expect(o.cspViolations).toEqual([]);
        const results = evaluateBrowserObservation(o, HOSTS);
        expect(status(results)).toMatchObject({ 'WEB-10': 'pass', 'WEB-11': 'fail', 'WEB-13': 'fail' });
        expect(result(results, 'WEB-11').remediation).toContain(
            'Add https://shop.acme.example to the CORS allowlist in Setup'
        );
    });

    it('(d) bootstrap 404: a failed request, no ready event, no button', () => {
        const o = pages.bootstrap404;
        expect(o.failedRequests).toContainEqual(
            expect.objectContaining({
                url: 'https://acme.my.site.com/ESWWrongDeployment1700000000001/assets/js/bootstrap.min.js',
                status: 404
            })
        );
        expect(o).toMatchObject({ bootstrapLoaded: false, readyEventFired: false, chatButtonVisible: false });
        expect(status(evaluateBrowserObservation(o, HOSTS))).toMatchObject({
            'WEB-11': 'fail',
            'WEB-13': 'fail',
            'WEB-14': 'fail'
        });
    });

    it('(e) snippet injected at run time by a tag manager: the live DOM scripts include it and the widget starts', () => {
        const o = pages.tagManager;
        expect(o.liveScripts.map((s) => s.src).filter(Boolean)).toEqual([
            'https://www.acme.example/tag-manager.js',
            `${SITE_URL}/assets/js/bootstrap.min.js`
        ]);
        expect(o.liveScripts.some((s) => s.inline?.includes('embeddedservice_bootstrap.init('))).toBe(true);
        expect(o).toMatchObject({ readyEventFired: true, chatButtonVisible: true });
    });

    it('(e) with --browser, the injected snippet counts for the static checks: WEB-01 passes, placement does not apply', () => {
        const html: WebPageModel = {
            url: pages.tagManager.url,
            finalUrl: pages.tagManager.url,
            redirects: [],
            status: 200,
            contentType: 'text/html',
            scripts: [{ src: 'https://www.acme.example/tag-manager.js', location: 'head', index: 0 }],
            metaCsp: [],
            headerCsp: [],
            mixedContent: []
        };
        const before = runWebsiteChecks({ pages: [html] });
        expect(status(before)['WEB-01']).toBe('fail');
        const merged = withInjectedScripts(html, pages.tagManager);
        const after = runWebsiteChecks({ pages: [merged] });
        expect(status(after)).toMatchObject({ 'WEB-01': 'pass', 'WEB-06': 'pass' });
        expect(result(after, 'WEB-01').message).toContain('added at run time by another script');
        expect(result(after, 'WEB-06').message).toMatch(/^Nothing to check/);
    });

    it('(f) a page that never finishes, a refused connection, a DNS failure, a 404 page, not a web URL: a plain per-URL error, the run goes on', () => {
        expect(pages.neverFinishes.error).toBe('the page did not finish loading within 3 s (timeout)');
        expect(pages.refused.error).toBe(
            'connection refused: nothing answers at down.acme.example (net::ERR_CONNECTION_REFUSED)'
        );
        expect(pages.dnsFailure.error).toBe(
            'DNS failure: the host name nowhere.acme.example could not be resolved (net::ERR_NAME_NOT_RESOLVED)'
        );
        expect(pages.notFound.error).toBe('the page answered HTTP 404');
        expect(pages.notAUrl.error).toBe('not a URL (expected e.g. https://www.example.com/contact)');
        expect(pages.notTheWeb.error).toBe('not a web page address (ftp: instead of https: or http:)');
        for (const o of [
            pages.neverFinishes,
            pages.refused,
            pages.dnsFailure,
            pages.notFound,
            pages.notAUrl,
            pages.notTheWeb
        ]) {
            expect(o.error).not.toMatch(/\n|\bat .*:\d+:\d+|Call log/);
            expect(o.finalUrl).toBeUndefined();
            expect(evaluateBrowserObservation(o, HOSTS).map((r) => r.status)).toEqual(Array(5).fill('not_evaluated'));
        }
        expect(pages.correctAgain).toMatchObject({ readyEventFired: true, chatButtonVisible: true });
    });

    it('reports a TLS error in plain words when the certificate is not trusted', async () => {
        const [o] = await observePages([fixtures.url('/correct')], {
            chromiumPath: CHROMIUM,
            hostResolverRules: fixtures.hostResolverRules,
            timeoutMs: TIMEOUT_MS
        });
        expect(o.error).toMatch(
            /^TLS error: the browser did not accept the HTTPS connection to www\.acme\.example \(net::ERR_CERT_[A-Z_]+\)$/
        );
    }, 30_000);
});

describe('observePages without a working browser', () => {
    it('rejects with one clear error naming CHROMIUM_PATH when the binary is not a Chromium that starts', async () => {
        const attempt = observePages(['https://www.acme.example/'], { chromiumPath: '/bin/false' });
        await expect(attempt).rejects.toBeInstanceOf(BrowserUnavailableError);
        await expect(attempt).rejects.toThrow(
            /^Chromium at \/bin\/false could not be started \(.*\)\. Set CHROMIUM_PATH/
        );
    }, 30_000);

    it('rejects with one clear error naming CHROMIUM_PATH when there is no Chromium', async () => {
        const missing = path.join(os.tmpdir(), 'no-such-dir', 'chromium');
        const attempt = observePages(['https://www.acme.example/'], { chromiumPath: missing });
        await expect(attempt).rejects.toBeInstanceOf(BrowserUnavailableError);
        await expect(attempt).rejects.toThrow(`No Chromium at ${missing}`);
        await expect(attempt).rejects.toThrow('set CHROMIUM_PATH');
    });
});

describe('navigation errors in plain words', () => {
    const url = 'https://www.acme.example/contact';
    it.each([
        [
            'an expired certificate',
            'page.goto: net::ERR_CERT_DATE_INVALID at https://www.acme.example/contact\nCall log:\n  - navigating',
            'TLS error: the browser did not accept the HTTPS connection to www.acme.example (net::ERR_CERT_DATE_INVALID)'
        ],
        [
            'a redirect loop',
            'page.goto: net::ERR_TOO_MANY_REDIRECTS at https://www.acme.example/contact',
            'redirect loop: www.acme.example keeps redirecting (net::ERR_TOO_MANY_REDIRECTS)'
        ],
        [
            'an unreachable host',
            'page.goto: net::ERR_ADDRESS_UNREACHABLE at https://www.acme.example/contact',
            'host unreachable: www.acme.example did not answer (net::ERR_ADDRESS_UNREACHABLE)'
        ],
        [
            'a timeout',
            'page.goto: Timeout 15000ms exceeded.\nCall log:\n  - navigating to "https://www.acme.example/contact"',
            'the page did not finish loading within 15 s (timeout)'
        ],
        [
            'a download instead of a page',
            'page.goto: net::ERR_ABORTED at https://www.acme.example/contact',
            'the browser did not open the address as a page (a download, or not HTML) (net::ERR_ABORTED)'
        ]
    ])('%s', (_label, message, expected) => {
        expect(describeNavigationError(message, url)).toBe(expected);
    });
});
