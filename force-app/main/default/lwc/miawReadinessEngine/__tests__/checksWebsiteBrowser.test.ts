/*
 * WEB-10..WEB-14 on observations shaped as headless Chromium reported them against the local test site
 * (test/probeBrowser.test.ts produces the real ones): a correct page, a CSP that lacks the SCRT host, an origin the
 * CORS allowlist lacks, a bootstrap URL that answers 404, and a page the browser could not open.
 */
import { evaluateBrowserObservation } from '../checksWebsiteBrowser';
import type { CheckResult } from '../result';
import type { BrowserPageObservation, WidgetHosts } from '../websitePage';

const PAGE = 'https://www.acme.example/support';
const SITE_URL = 'https://acme.my.site.com/ESWWebChat1700000000000';
const BOOTSTRAP = `${SITE_URL}/assets/js/bootstrap.min.js`;
const SCRT = 'https://acme.my.salesforce-scrt.com';
const SCRT_CALL = `${SCRT}/embeddedservice/v1/businesshours?orgId=00D5g000004SPcdEAG`;
const HOSTS: WidgetHosts = { siteUrl: SITE_URL, scrt2Url: SCRT };
const POLICY =
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://acme.my.site.com; connect-src 'self' ; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
const INIT_INLINE =
    "\n    function initEmbeddedMessaging() {\n        try {\n            embeddedservice_bootstrap.init('00D…')";

/** The correct page as Chromium saw it: ready event and button within a few hundred milliseconds. */
function working(overrides: Partial<BrowserPageObservation> = {}): BrowserPageObservation {
    return {
        url: PAGE,
        finalUrl: PAGE,
        cspViolations: [],
        failedRequests: [],
        consoleErrors: [
            'Failed to load resource: the server responded with a status of 404 (Not Found) (at https://www.acme.example/favicon.ico)'
        ],
        liveScripts: [{ inline: INIT_INLINE }, { src: BOOTSTRAP }],
        bootstrapLoaded: true,
        readyEventFired: true,
        chatButtonVisible: true,
        waitedMs: 201,
        ...overrides
    };
}

/** A page whose widget never started: the probe waited the whole timeout. */
function stalled(overrides: Partial<BrowserPageObservation>): BrowserPageObservation {
    return working({ readyEventFired: false, chatButtonVisible: false, waitedMs: 4034, ...overrides });
}

function byId(results: CheckResult[], id: string): CheckResult {
    const found = results.filter((r) => r.checkId === id);
    expect(found).toHaveLength(1);
    return found[0];
}

const run = (o: BrowserPageObservation, hosts: WidgetHosts = HOSTS) => evaluateBrowserObservation(o, hosts);

describe('the browser pass on a correct page', () => {
    it('passes WEB-10..WEB-14, one result each about the page, with website evidence', () => {
        const results = run(working());
        expect(results.map((r) => [r.checkId, r.status])).toEqual([
            ['WEB-10', 'pass'],
            ['WEB-11', 'pass'],
            ['WEB-12', 'pass'],
            ['WEB-13', 'pass'],
            ['WEB-14', 'pass']
        ]);
        for (const r of results) {
            expect(r).toMatchObject({ subject: PAGE, area: 'WEB', evidence: 'website', remediation: '' });
        }
        expect(byId(results, 'WEB-13').message).toBe(
            `onEmbeddedMessagingReady fired on ${PAGE}: the Enhanced Chat API is ready.`
        );
    });

    it('ignores problems of other hosts: a 404 favicon, a CSP block of an analytics script', () => {
        const results = run(
            working({
                cspViolations: [
                    {
                        blockedUri: 'https://www.googletagmanager.com/gtag/js',
                        effectiveDirective: 'script-src-elem',
                        originalPolicy: POLICY
                    }
                ],
                failedRequests: [
                    {
                        url: 'https://www.acme.example/favicon.ico',
                        resourceType: 'other',
                        status: 404,
                        corsBlocked: false
                    }
                ]
            })
        );
        expect(results.every((r) => r.status === 'pass')).toBe(true);
        expect(byId(results, 'WEB-10').message).toContain("(1 violation for other hosts, not the widget's)");
    });
});

describe('WEB-10 no CSP violation for the widget hosts', () => {
    it('fails when connect-src lacks the SCRT host, and says exactly what to add to which directive', () => {
        const r = byId(
            run(
                stalled({
                    cspViolations: [
                        { blockedUri: SCRT_CALL, effectiveDirective: 'connect-src', originalPolicy: POLICY }
                    ]
                })
            ),
            'WEB-10'
        );
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(r.message).toContain(`${SCRT_CALL} blocked by connect-src`);
        expect(r.remediation).toContain(`add ${SCRT} to connect-src`);
    });

    it('names the directive the policy has: a script blocked under script-src-elem is fixed in script-src', () => {
        const r = byId(
            run(
                stalled({
                    bootstrapLoaded: false,
                    cspViolations: [
                        {
                            blockedUri: BOOTSTRAP,
                            effectiveDirective: 'script-src-elem',
                            originalPolicy: "default-src 'self'; script-src 'self' 'unsafe-inline'"
                        }
                    ]
                })
            ),
            'WEB-10'
        );
        expect(r.status).toBe('fail');
        expect(r.remediation).toContain('add https://acme.my.site.com to script-src.');
    });

    it('is not evaluated when the page loaded no Enhanced Chat snippet at all', () => {
        const r = byId(
            run(stalled({ bootstrapLoaded: false, liveScripts: [{ src: 'https://www.acme.example/app.js' }] }), {}),
            'WEB-10'
        );
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('loaded no Enhanced Chat snippet');
    });
});

describe('WEB-11 requests to the Salesforce hosts succeed', () => {
    it('fails on a CORS rejection and says to add the page origin to the CORS allowlist', () => {
        const results = run(
            stalled({
                url: 'https://shop.acme.example/support',
                finalUrl: 'https://shop.acme.example/support',
                failedRequests: [
                    { url: SCRT_CALL, resourceType: 'fetch', failure: 'net::ERR_FAILED', corsBlocked: true }
                ]
            })
        );
        const r = byId(results, 'WEB-11');
        expect(r).toMatchObject({
            status: 'fail',
            severity: 'blocker',
            setupPath: '/lightning/setup/CorsWhitelistEntries/home'
        });
        expect(r.message).toContain('rejected by CORS (the host did not allow the origin https://shop.acme.example)');
        expect(r.remediation).toContain('Add https://shop.acme.example to the CORS allowlist in Setup');
        // the CSP check is not blamed for a CORS failure
        expect(byId(results, 'WEB-10').status).toBe('pass');
    });

    it('fails on a bootstrap that answers 404 and points at the snippet, not at CORS', () => {
        const wrong = 'https://acme.my.site.com/ESWWrongDeployment1700000000001/assets/js/bootstrap.min.js';
        const r = byId(
            run(
                stalled({
                    bootstrapLoaded: false,
                    liveScripts: [{ inline: INIT_INLINE }, { src: wrong }],
                    failedRequests: [
                        { url: wrong, resourceType: 'script', status: 404, corsBlocked: false },
                        { url: wrong, resourceType: 'script', failure: 'net::ERR_ABORTED', corsBlocked: false }
                    ]
                })
            ),
            'WEB-11'
        );
        expect(r.status).toBe('fail');
        expect(r.message).toBe(`Requests from ${PAGE} to the widget's hosts failed: ${wrong} answered HTTP 404.`);
        expect(r.remediation).toContain('copy the code snippet again');
        expect(r.remediation).not.toContain('CORS');
    });

    it('fails on a 503 from the SCRT host and sends the admin to Salesforce Trust, not to the snippet', () => {
        const r = byId(
            run(
                stalled({
                    failedRequests: [{ url: SCRT_CALL, resourceType: 'fetch', status: 503, corsBlocked: false }]
                })
            ),
            'WEB-11'
        );
        expect(r.status).toBe('fail');
        expect(r.message).toContain(`${SCRT_CALL} answered HTTP 503`);
        expect(r.remediation).toContain('Salesforce Trust');
        expect(r.remediation).not.toContain('copy the code snippet');
    });

    it('recognises a Salesforce host even when the snippet hosts are unknown', () => {
        const r = byId(
            run(
                stalled({
                    failedRequests: [
                        {
                            url: SCRT_CALL,
                            resourceType: 'fetch',
                            failure: 'net::ERR_BLOCKED_BY_CLIENT',
                            corsBlocked: false
                        }
                    ]
                }),
                {}
            ),
            'WEB-11'
        );
        expect(r.status).toBe('fail');
        expect(r.message).toContain('failed (net::ERR_BLOCKED_BY_CLIENT)');
    });

    it('is not evaluated when the page could not be opened, with the reason and what to try', () => {
        const results = run({
            ...stalled({}),
            finalUrl: undefined,
            liveScripts: [],
            bootstrapLoaded: false,
            waitedMs: 0,
            error: 'DNS failure: the host name nowhere.acme.example could not be resolved (net::ERR_NAME_NOT_RESOLVED)'
        });
        expect(results.map((r) => r.status)).toEqual(Array(5).fill('not_evaluated'));
        const r = byId(results, 'WEB-11');
        expect(r.message).toBe(
            `Not evaluated: the browser could not open ${PAGE}: DNS failure: the host name nowhere.acme.example could not be resolved (net::ERR_NAME_NOT_RESOLVED).`
        );
        expect(r.remediation).toContain('opens in a browser on this machine');
    });
});

describe('WEB-12 no console errors from the bootstrap', () => {
    it('warns with the bootstrap error text, leaving CSP and CORS lines to WEB-10 and WEB-11', () => {
        const r = byId(
            run(
                stalled({
                    consoleErrors: [
                        `Access to fetch at '${SCRT_CALL}' from origin 'https://shop.acme.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource. (at https://shop.acme.example/support)`,
                        `Failed to load resource: net::ERR_FAILED (at ${SCRT_CALL})`,
                        `embeddedservice_bootstrap: could not reach the messaging service: Failed to fetch (at ${BOOTSTRAP})`
                    ]
                })
            ),
            'WEB-12'
        );
        expect(r).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(r.message).toBe(
            `The chat bootstrap logged an error in the browser console on ${PAGE}: "embeddedservice_bootstrap: could not reach the messaging service: Failed to fetch (at ${BOOTSTRAP})".`
        );
    });

    it("passes when the only console errors are the page's own", () => {
        const r = byId(
            run(
                working({
                    consoleErrors: ['Uncaught TypeError: carousel is undefined (at https://www.acme.example/app.js)']
                })
            ),
            'WEB-12'
        );
        expect(r.status).toBe('pass');
    });

    it('is not evaluated on a page without the snippet', () => {
        expect(byId(run(stalled({ bootstrapLoaded: false, liveScripts: [] }), {}), 'WEB-12').status).toBe(
            'not_evaluated'
        );
    });
});

describe('WEB-13 onEmbeddedMessagingReady fires', () => {
    it('fails when the bootstrap never loaded, saying how long the probe waited and where to look', () => {
        const r = byId(run(stalled({ bootstrapLoaded: false })), 'WEB-13');
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(r.message).toContain('did not fire on https://www.acme.example/support within 4 s of the page loading');
        expect(r.message).toContain('The bootstrap script never ran');
    });

    it('names an inline-script CSP block as the likely cause when the bootstrap loaded but init never ran', () => {
        const r = byId(
            run(
                stalled({
                    cspViolations: [
                        { blockedUri: 'inline', effectiveDirective: 'script-src-attr', originalPolicy: POLICY }
                    ]
                })
            ),
            'WEB-13'
        );
        expect(r.status).toBe('fail');
        expect(r.message).toContain("script-src needs 'unsafe-inline'");
    });

    it('fails, not "not evaluated", on a page with no snippet: the chat does not start there', () => {
        const r = byId(run(stalled({ bootstrapLoaded: false, liveScripts: [] }), {}), 'WEB-13');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('The page has no Enhanced Chat snippet');
    });

    it('is not evaluated when navigation timed out', () => {
        const r = byId(
            run({ ...stalled({}), finalUrl: undefined, error: 'the page did not finish loading within 4 s (timeout)' }),
            'WEB-13'
        );
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('the page did not finish loading within 4 s (timeout)');
    });
});

describe('WEB-14 the chat button is visible', () => {
    it('fails with business hours as the likely cause when the API was ready but no button showed', () => {
        const r = byId(run(working({ chatButtonVisible: false, waitedMs: 4000 })), 'WEB-14');
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(r.message).toContain('outside the business hours set on the deployment');
        expect(r.remediation).toContain('#embeddedMessagingConversationButton');
    });

    it('fails pointing back at WEB-10..WEB-13 when the widget never started', () => {
        const r = byId(
            run(
                stalled({
                    cspViolations: [
                        { blockedUri: SCRT_CALL, effectiveDirective: 'connect-src', originalPolicy: POLICY }
                    ]
                })
            ),
            'WEB-14'
        );
        expect(r.status).toBe('fail');
        expect(r.message).toContain('could not reach Salesforce: see WEB-10 and WEB-11');
    });

    it('is not evaluated when the page answered an error', () => {
        const r = byId(run({ ...stalled({}), finalUrl: undefined, error: 'the page answered HTTP 500' }), 'WEB-14');
        expect(r.status).toBe('not_evaluated');
    });
});
