/*
 * WEB-01..WEB-09 on hand-built page models (the shape the CLI's parser and an LWC's DOMParser both fill), and the
 * CSP matching rules of the W3C Content Security Policy Level 3 recommendation (https://www.w3.org/TR/CSP3/).
 */
import { runWebsiteChecks, runWebsiteReport } from '../checksWebsite';
import type { WebsiteOrg } from '../checksWebsite';
import type { CheckResult } from '../result';
import { emptyPlan } from '../setupPlan';
import { emptySnapshot, readSection } from '../snapshot';
import type { OrgSnapshot } from '../snapshot';
import {
    blockingPolicies,
    findSnippet,
    pagePolicies,
    parseSerializedPolicy,
    readInitCall,
    sourceMatches
} from '../websitePage';
import type { PageScript, WebPageModel } from '../websitePage';

const SITE = 'https://acme.my.site.com/ESWWebChat1700000000000';
const SCRT = 'https://acme.my.salesforce-scrt.com';
const PAGE = 'https://www.acme.example/help';

function initScript(
    args = `'00D5g000004ACME', 'Web_Chat', '${SITE}', { scrt2URL: '${SCRT}' }`,
    language = 'en_US'
): string {
    return `function initEmbeddedMessaging() {
        try {
            embeddedservice_bootstrap.settings.language = '${language}';
            embeddedservice_bootstrap.init(${args});
        } catch (err) { console.error('Error loading Embedded Messaging: ', err); }
    };`;
}

function snippetScripts(
    overrides: { inline?: string; src?: string; onload?: string | null; location?: 'head' | 'body' } = {}
): PageScript[] {
    const location = overrides.location ?? 'body';
    const tag: PageScript = {
        src: overrides.src ?? `${SITE}/assets/js/bootstrap.min.js`,
        location,
        index: 1,
        afterLastBodyElement: location === 'body'
    };
    if (overrides.onload !== null) tag.onload = overrides.onload ?? 'initEmbeddedMessaging()';
    return [{ inline: overrides.inline ?? initScript(), location, index: 0 }, tag];
}

function page(overrides: Partial<WebPageModel> = {}): WebPageModel {
    return {
        url: PAGE,
        finalUrl: PAGE,
        redirects: [],
        status: 200,
        contentType: 'text/html',
        scripts: snippetScripts(),
        metaCsp: [],
        headerCsp: [],
        mixedContent: [],
        ...overrides
    };
}

function org(overrides: Partial<OrgSnapshot> = {}, orgId?: string): WebsiteOrg {
    const snapshot = emptySnapshot({ kind: 'metadata', label: 'force-app' });
    snapshot.deployments = readSection([
        {
            developerName: 'Web_Chat',
            deploymentFeature: 'EmbeddedMessaging',
            deploymentType: 'Web',
            isEnabled: true,
            site: 'ESW_Web_Chat_1700000000000',
            messagingChannel: { messagingChannel: 'Web_Chat', isEnabled: true },
            preChatForms: []
        }
    ]);
    snapshot.messagingChannels = readSection([
        {
            developerName: 'Web_Chat',
            customParameters: [],
            standardParameters: [],
            automatedResponseTypes: [],
            isActive: true
        }
    ]);
    snapshot.corsEntries = readSection([{ developerName: 'WWW', urlPattern: 'https://www.acme.example' }]);
    return { snapshot: Object.assign(snapshot, overrides), plan: emptyPlan(), orgId };
}

function only(id: string, results: CheckResult[]): CheckResult {
    const found = results.filter((r) => r.checkId === id);
    expect(found).toHaveLength(1);
    return found[0];
}

const run = (p: WebPageModel, o?: WebsiteOrg): CheckResult[] => runWebsiteChecks({ pages: [p], org: o });

describe('the correct page', () => {
    it('passes WEB-01..WEB-09 and the probe says ready', () => {
        const report = runWebsiteReport({ pages: [page()], org: org() });
        expect(report.results.map((r) => `${r.checkId} ${r.status}`)).toEqual(
            ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `WEB-${n} pass`)
        );
        expect(report.summary).toMatchObject({ verdict: 'ready', scope: ['website'] });
        expect(report.results.every((r) => r.evidence === 'website' && r.area === 'WEB')).toBe(true);
    });
});

describe('WEB-01 snippet present', () => {
    it('fails without the snippet, pointing at the tag-manager case', () => {
        const r = only('WEB-01', run(page({ scripts: [] })));
        expect(r.status).toBe('fail');
        expect(r.message).toContain('--browser');
    });
    it('fails on the retired legacy Chat snippet', () => {
        const legacy = [
            { src: 'https://service.force.com/embeddedservice/5.0/esw.min.js', location: 'body' as const, index: 0 }
        ];
        expect(only('WEB-01', run(page({ scripts: legacy }))).message).toContain('legacy Chat');
    });
    it('is not evaluated, with the error and its hint, when the page could not be read', () => {
        const r = only('WEB-01', run(page({ scripts: [], error: 'DNS lookup failed', errorHint: 'Check the host.' })));
        expect(r).toMatchObject({ status: 'not_evaluated', remediation: 'Check the host.' });
        expect(r.message).toContain('DNS lookup failed');
        expect(run(page({ scripts: [], error: 'x' })).filter((x) => x.status !== 'not_evaluated')).toEqual([]);
    });
});

describe('WEB-02 well formed', () => {
    it('fails on three arguments, a bootstrap off the site URL and a missing onload', () => {
        const scripts = snippetScripts({
            inline: `embeddedservice_bootstrap.init('00D5g000004ACME', 'Web_Chat', '${SITE}');`,
            src: 'https://cdn.example.com/ESW/assets/js/bootstrap.min.js',
            onload: null
        });
        const r = only('WEB-02', run(page({ scripts })));
        expect(r.status).toBe('fail');
        expect(r.message).toMatch(/3 arguments.*not under the site URL.*no onload/);
    });
    it('fails when onload calls another function than the one holding init, or the org Id is not one', () => {
        const scripts = snippetScripts({
            onload: 'startChat()',
            inline: initScript(`'ORG', 'Web_Chat', '${SITE}', { scrt2URL: '${SCRT}' }`)
        });
        const r = only('WEB-02', run(page({ scripts })));
        expect(r.message).toContain(
            'calls startChat(), but embeddedservice_bootstrap.init is inside initEmbeddedMessaging()'
        );
        expect(r.message).toContain('"ORG" is not an org Id');
    });
    it('fails when the site URL and scrt2URL name different My Domains', () => {
        const scripts = snippetScripts({
            inline: initScript(
                `'00D5g000004ACME', 'Web_Chat', '${SITE}', { scrt2URL: 'https://other.my.salesforce-scrt.com' }`
            )
        });
        expect(only('WEB-02', run(page({ scripts }))).message).toContain('My Domain "acme"');
    });
    it('is not evaluated without a snippet', () => {
        expect(only('WEB-02', run(page({ scripts: [] }))).status).toBe('not_evaluated');
    });
});

describe('WEB-03 deployment', () => {
    it('fails on a name that differs only in case, and on a disabled In-App deployment', () => {
        const wrongCase = snippetScripts({
            inline: initScript(`'00D5g000004ACME', 'web_chat', '${SITE}', { scrt2URL: '${SCRT}' }`)
        });
        expect(only('WEB-03', run(page({ scripts: wrongCase }), org())).message).toContain('including case');
        const o = org();
        o.snapshot.deployments.items[0] = {
            ...o.snapshot.deployments.items[0],
            deploymentType: 'Mobile',
            isEnabled: false
        };
        const r = only('WEB-03', run(page(), o));
        expect(r.status).toBe('fail');
        expect(r.message).toMatch(/Mobile deployment.*disabled/);
    });
    it('fails when the channel is inactive, and says CH-02 decides when the metadata cannot tell', () => {
        const o = org();
        o.snapshot.messagingChannels.items[0].isActive = false;
        expect(only('WEB-03', run(page(), o)).message).toContain('inactive');
        o.snapshot.messagingChannels.items[0].isActive = undefined;
        const r = only('WEB-03', run(page(), o));
        expect(r.status).toBe('pass');
        expect(r.message).toContain('CH-02');
    });
    it('is not evaluated without the org, saying how to add it, or when deployments were not retrieved', () => {
        expect(only('WEB-03', run(page())).remediation).toContain('--source-dir');
        const o = org({ deployments: { state: 'not_in_source', reason: 'not read', items: [] } });
        expect(only('WEB-03', run(page(), o)).status).toBe('not_evaluated');
    });
});

describe('WEB-04 site URL and org Id', () => {
    it('fails on a site URL from another deployment and on another org Id', () => {
        const scripts = snippetScripts({
            inline: initScript(
                `'00D5g000004ACME', 'Web_Chat', 'https://acme.my.site.com/ESWWebChat1699999999999', { scrt2URL: '${SCRT}' }`
            ),
            src: 'https://acme.my.site.com/ESWWebChat1699999999999/assets/js/bootstrap.min.js'
        });
        expect(only('WEB-04', run(page({ scripts }), org())).message).toContain('ESW_Web_Chat_1700000000000');
        expect(only('WEB-04', run(page(), org({}, '00D000000000OTH'))).message).toContain("not this org's");
    });
    it('passes and says the org Id was not compared when the metadata lacks it', () => {
        const r = only('WEB-04', run(page(), org()));
        expect(r.status).toBe('pass');
        expect(r.message).toContain('org Id was not compared');
    });
    it('is not evaluated without the org', () => {
        expect(only('WEB-04', run(page())).status).toBe('not_evaluated');
    });
});

describe('WEB-05 language', () => {
    it.each(['en', 'en-US', 'en_US', 'pt_BR', 'zh-Hant'])('accepts %s', (code) => {
        const scripts = snippetScripts({ inline: initScript(undefined, code) });
        expect(only('WEB-05', run(page({ scripts }))).status).toBe('pass');
    });
    it.each(['English', '', 'en-us-x'])('fails on "%s"', (code) => {
        const scripts = snippetScripts({ inline: initScript(undefined, code) });
        expect(only('WEB-05', run(page({ scripts }))).status).toBe('fail');
    });
    it('is not evaluated without a snippet', () => {
        expect(only('WEB-05', run(page({ scripts: [] }))).status).toBe('not_evaluated');
    });
});

describe('WEB-06 placement', () => {
    it('fails in <head>, passes in <body>, is not evaluated without a snippet', () => {
        expect(only('WEB-06', run(page({ scripts: snippetScripts({ location: 'head' }) }))).status).toBe('fail');
        expect(only('WEB-06', run(page())).message).toContain('before </body>');
        expect(only('WEB-06', run(page({ scripts: [] }))).status).toBe('not_evaluated');
    });
});

describe('WEB-07 CORS', () => {
    it('passes an allowlisted origin, fails another, is not evaluated without the org', () => {
        expect(only('WEB-07', run(page(), org())).status).toBe('pass');
        const other = page({ url: 'https://shop.acme.example/', finalUrl: 'https://shop.acme.example/' });
        const r = only('WEB-07', run(other, org()));
        expect(r.status).toBe('fail');
        expect(r.remediation).toContain('https://shop.acme.example');
        expect(only('WEB-07', run(page())).status).toBe('not_evaluated');
    });
});

describe('WEB-08 CSP', () => {
    it('fails once per blocked request, naming the policy and the directive to change', () => {
        const p = page({ headerCsp: ["default-src 'self'; script-src 'self' 'unsafe-inline' https://*.my.site.com"] });
        const fails = run(p).filter((r) => r.checkId === 'WEB-08');
        expect(fails.map((r) => r.subject)).toEqual([
            `${PAGE} — frame https://acme.my.site.com`,
            `${PAGE} — connection to https://acme.my.salesforce-scrt.com`
        ]);
        expect(fails[1].remediation).toContain('https://acme.my.salesforce-scrt.com to connect-src');
    });
    it('needs every policy to allow: a permissive header does not outvote a strict <meta>', () => {
        const p = page({ headerCsp: ["default-src * 'unsafe-inline'"], metaCsp: ["connect-src 'self'"] });
        const r = run(p).filter((x) => x.checkId === 'WEB-08');
        expect(r.map((x) => x.subject)).toEqual([`${PAGE} — connection to https://acme.my.salesforce-scrt.com`]);
        expect(r[0].message).toContain('<meta http-equiv="Content-Security-Policy">');
    });
    it('passes without a policy and with one that allows the widget', () => {
        expect(only('WEB-08', run(page())).status).toBe('pass');
        const csp = `script-src 'self' 'unsafe-inline' https://acme.my.site.com; frame-src https://*.my.site.com; connect-src ${SCRT}`;
        expect(only('WEB-08', run(page({ headerCsp: [csp] }))).status).toBe('pass');
    });
    it('is not evaluated when inline code is allowed only by hash, and without a snippet', () => {
        const csp = `script-src 'sha256-abc=' https://acme.my.site.com 'unsafe-hashes'`;
        const r = run(page({ headerCsp: [csp] })).filter((x) => x.checkId === 'WEB-08' && x.status === 'not_evaluated');
        expect(r.length).toBeGreaterThan(0);
        expect(r[0].remediation).toContain('--browser');
        expect(only('WEB-08', run(page({ scripts: [] }))).status).toBe('not_evaluated');
    });
});

describe('WEB-09 HTTPS', () => {
    it('fails an http page as a blocker, mixed content that is not the widget as a warning', () => {
        const http = page({ url: 'http://www.acme.example/', finalUrl: 'http://www.acme.example/' });
        expect(only('WEB-09', run(http))).toMatchObject({ status: 'fail', severity: 'blocker' });
        const mixed = page({ mixedContent: ['http://img.acme.example/a.png'] });
        expect(only('WEB-09', run(mixed))).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(only('WEB-09', run(page()))).toMatchObject({ status: 'pass' });
        expect(only('WEB-09', run(page({ error: 'timeout', scripts: [] }))).status).toBe('not_evaluated');
    });
});

describe("source: 'paste' (Guided Setup's paste-and-check)", () => {
    const paste = (p: WebPageModel, o: WebsiteOrg = org()): CheckResult[] =>
        runWebsiteChecks({ pages: [p], org: o, source: 'paste' });
    const pasted = (overrides: Partial<WebPageModel> = {}) =>
        page({
            url: 'Pasted HTML',
            finalUrl: '',
            redirects: [],
            status: undefined,
            contentType: undefined,
            ...overrides
        });

    it('never says a page was loaded or fetched, and asks for the page address for WEB-07 and WEB-09', () => {
        const results = paste(pasted());
        expect(only('WEB-01', results)).toMatchObject({ status: 'pass' });
        expect(only('WEB-01', results).message).toMatch(/^The pasted HTML has the script tag for/);
        for (const id of ['WEB-07', 'WEB-09']) {
            const r = only(id, results);
            expect(r.status).toBe('not_evaluated');
            expect(r.message).toContain('add the page address');
        }
        expect(results.map((r) => `${r.message} ${r.remediation ?? ''}`).join(' ')).not.toMatch(
            /\bprobe again|run the probe again|The page \S+ loads/
        );
    });

    it('does not pass WEB-08 on a paste without a <meta> policy: the HTTP headers are not in it', () => {
        const r = only('WEB-08', paste(pasted()));
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain(
            'HTTP headers are not in pasted HTML: run the miaw-readiness probe command on the page address (miaw-readiness probe <url>) to read them'
        );
        // the same page fetched with no policy at all passes
        expect(only('WEB-08', run(page(), org())).status).toBe('pass');
    });

    it('fails WEB-08 when the pasted <meta> policy blocks the widget, and tells the admin to check again', () => {
        const results = paste(pasted({ finalUrl: PAGE, url: PAGE, metaCsp: ["default-src 'self'"] }));
        const fails = results.filter((r) => r.checkId === 'WEB-08' && r.status === 'fail');
        expect(fails.length).toBeGreaterThan(0);
        expect(fails[0].remediation).toContain('check again');
        expect(fails[0].remediation).not.toContain('probe again');
    });

    it('evaluates WEB-07 and WEB-09 against the page address when given', () => {
        const results = paste(pasted({ url: PAGE, finalUrl: PAGE }));
        expect(only('WEB-07', results).status).toBe('pass');
        expect(only('WEB-09', results).status).toBe('pass');
        const http = paste(pasted({ url: 'http://www.acme.example/help', finalUrl: 'http://www.acme.example/help' }));
        expect(only('WEB-09', http).status).toBe('fail');
        expect(only('WEB-09', http).remediation).toContain('give its https:// address');
    });

    it('says "in the pasted HTML" where the probe says "on <url>"', () => {
        const broken = snippetScripts({ onload: null });
        expect(only('WEB-02', paste(pasted({ scripts: broken }))).message).toMatch(
            /^The snippet in the pasted HTML is not as Salesforce generates it/
        );
        expect(only('WEB-02', run(page({ scripts: broken }))).message).toMatch(
            /^The snippet on https:\/\/www\.acme\.example\/help is not as Salesforce generates it/
        );
    });

    it('does not judge the placement (WEB-06) of a snippet pasted without its page', () => {
        const r = only('WEB-06', runWebsiteChecks({ pages: [pasted()], org: org(), source: 'paste', fragment: true }));
        expect(r.status).toBe('not_evaluated');
        expect(r.remediation).toContain("Paste the whole page's HTML");
        expect(only('WEB-06', paste(pasted())).status).toBe('pass');
        // fragment means nothing to the probe, which always reads whole pages
        expect(only('WEB-06', runWebsiteChecks({ pages: [page()], org: org(), fragment: true })).status).toBe('pass');
    });

    it('fails WEB-01 on a paste without the snippet, pointing at pasting the snippet itself', () => {
        const r = only('WEB-01', paste(pasted({ scripts: [] })));
        expect(r.status).toBe('fail');
        expect(r.message).toMatch(/^The pasted HTML has no Enhanced Chat snippet/);
        expect(r.message).toContain('paste the snippet itself');
        expect(only('WEB-03', paste(pasted({ scripts: [] }))).remediation).toContain('paste the snippet itself');
    });
});

describe('snippet reading', () => {
    it('reads the four arguments through comments and nested objects', () => {
        const call = readInitCall(
            `embeddedservice_bootstrap.init(/* org */ '00D5g000004ACME', "Web_Chat", \`${SITE}\`, { scrt2URL: '${SCRT}', other: { a: [1, 2] } });`
        );
        expect(call).toMatchObject({
            argumentCount: 4,
            orgId: '00D5g000004ACME',
            deploymentName: 'Web_Chat',
            siteUrl: SITE,
            scrt2Url: SCRT
        });
        expect(findSnippet(snippetScripts()).enclosingFunction).toBe('initEmbeddedMessaging');
        for (const head of [
            'window.startChat = function () {',
            'const startChat = () => {',
            'let startChat = async () => {'
        ]) {
            const inline = `${head} embeddedservice_bootstrap.init('00D5g000004ACME', 'Web_Chat', '${SITE}', { scrt2URL: '${SCRT}' }); };`;
            const scripts = snippetScripts({ inline, onload: 'startChat()' });
            expect({ head, enclosing: findSnippet(scripts).enclosingFunction }).toEqual({
                head,
                enclosing: 'startChat'
            });
            expect(only('WEB-02', run(page({ scripts }))).status).toBe('pass');
        }
    });
});

// CSP3 §2.2.1, §6.7.2 — https://www.w3.org/TR/CSP3/
describe('CSP Level 3 parsing and matching', () => {
    it('parses directives case-insensitively, keeping the first of a repeated name (§2.2.1)', () => {
        const d = parseSerializedPolicy("Script-Src 'self' ; script-src *; ;img-src data:");
        expect([...d.entries()]).toEqual([
            ['script-src', ["'self'"]],
            ['img-src', ['data:']]
        ]);
    });
    it('splits a header value into comma-separated policies and drops frame-ancestors from <meta> (§2.2.2, §3.3)', () => {
        const policies = pagePolicies({
            headerCsp: ["default-src 'self', connect-src *"],
            metaCsp: ["frame-ancestors 'none'"]
        });
        expect(policies.map((p) => [p.origin, [...p.directives.keys()]])).toEqual([
            ['header', ['default-src']],
            ['header', ['connect-src']],
            ['meta', []]
        ]);
    });
    it.each([
        ['https://*.my.site.com', 'https://acme.my.site.com/x', true],
        ['https://*.my.site.com', 'https://my.site.com/', false],
        ['acme.my.site.com', 'https://acme.my.site.com/', true],
        ['http://acme.example', 'https://acme.example/', true],
        ['https://acme.example', 'http://acme.example/', false],
        ['https:', 'https://anything.example/', true],
        ['http:', 'https://anything.example/', true],
        ['*', 'https://anything.example/', true],
        ['*', 'data:text/plain,x', false],
        ["'self'", 'https://www.acme.example/x', true],
        ["'self'", 'https://acme.example/x', false],
        ["'none'", 'https://www.acme.example/x', false],
        ['https://acme.example:8443', 'https://acme.example/', false],
        ['https://acme.example:*', 'https://acme.example:8443/', true],
        ['https://acme.example/js/', 'https://acme.example/js/a.js', true],
        ['https://acme.example/js', 'https://acme.example/js/a.js', false],
        ['wss://acme.example', 'https://acme.example/', true]
    ])('%s matches %s: %s (§6.7.2)', (expr, url, expected) => {
        expect(sourceMatches(expr, url, PAGE)).toBe(expected);
    });
    it('falls back from script-src-elem to script-src to default-src, and frame-src to child-src (§6.7.1)', () => {
        const policies = pagePolicies({ headerCsp: ["default-src 'none'; child-src https://a.example"], metaCsp: [] });
        expect(blockingPolicies(policies, { kind: 'frame-src', url: 'https://a.example/' }, PAGE)).toEqual([]);
        expect(
            blockingPolicies(policies, { kind: 'script-src-elem', url: 'https://a.example/x.js' }, PAGE)
        ).toHaveLength(1);
    });
    it("ignores 'unsafe-inline' when a nonce is present, and honours the script's nonce; 'strict-dynamic' ignores hosts", () => {
        const policies = pagePolicies({
            headerCsp: ["script-src 'nonce-abc' 'unsafe-inline' https://a.example"],
            metaCsp: []
        });
        expect(blockingPolicies(policies, { kind: 'inline-script' }, PAGE)).toHaveLength(1);
        expect(blockingPolicies(policies, { kind: 'inline-script', nonce: 'abc' }, PAGE)).toEqual([]);
        const strict = pagePolicies({
            headerCsp: ["script-src 'strict-dynamic' 'nonce-n' https://a.example"],
            metaCsp: []
        });
        expect(blockingPolicies(strict, { kind: 'script-src-elem', url: 'https://a.example/x.js' }, PAGE)).toHaveLength(
            1
        );
        expect(
            blockingPolicies(strict, { kind: 'script-src-elem', url: 'https://a.example/x.js', nonce: 'n' }, PAGE)
        ).toEqual([]);
    });
});
