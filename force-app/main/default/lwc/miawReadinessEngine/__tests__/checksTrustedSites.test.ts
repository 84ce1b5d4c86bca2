import fc from 'fast-check';
import { runTrustedSiteChecks } from '../checksTrustedSites';
import type { CheckResult } from '../result';
import { readSection } from '../snapshot';
import type { CorsEntry, CspTrustedSite, EmbeddedServiceDeployment, OrgSnapshot } from '../snapshot';
import type { SetupPlan } from '../setupPlan';
import { buildIndex } from '../snapshotIndex';
import { contextFor, healthyPlan, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot = healthySnapshot(), plan: SetupPlan = healthyPlan()): CheckResult[] {
    return runTrustedSiteChecks(contextFor(snapshot, plan));
}

function only(results: CheckResult[], checkId: string, subject?: string): CheckResult {
    const matching = resultsFor(results, checkId).filter((r) => subject === undefined || r.subject === subject);
    if (matching.length !== 1)
        throw new Error(`expected one ${checkId} ${subject ?? ''}, got ${JSON.stringify(matching)}`);
    return matching[0];
}

function planWith(origins: unknown[]): SetupPlan {
    return healthyPlan({ widgetOrigins: origins });
}

function withCors(snapshot: OrgSnapshot, entries: CorsEntry[]): OrgSnapshot {
    snapshot.corsEntries = readSection(entries);
    return snapshot;
}

function withCsp(snapshot: OrgSnapshot, sites: CspTrustedSite[]): OrgSnapshot {
    snapshot.cspTrustedSites = readSection(sites);
    return snapshot;
}

function cspSite(developerName: string, endpointUrl: string, overrides: Partial<CspTrustedSite> = {}): CspTrustedSite {
    return {
        developerName,
        endpointUrl,
        isActive: true,
        context: 'All',
        isApplicableToConnectSrc: true,
        source: { file: `cspTrustedSites/${developerName}.cspTrustedSite-meta.xml` },
        ...overrides
    };
}

function corsEntry(developerName: string, urlPattern: string): CorsEntry {
    return {
        developerName,
        urlPattern,
        source: { file: `corsWhitelistOrigins/${developerName}.corsWhitelistOrigin-meta.xml` }
    };
}

/** The healthy deployment turned into an Experience Cloud deployment, optionally with a known Domain. */
function experienceSnapshot(deploymentOverrides: Partial<EmbeddedServiceDeployment> = {}): OrgSnapshot {
    const snapshot = healthySnapshot();
    snapshot.deployments = readSection(
        snapshot.deployments.items.map((d) => ({ ...d, isExperienceSite: true, ...deploymentOverrides }))
    );
    return snapshot;
}

const SCRT_SITE = cspSite('scrt2URL', 'https://ruby-dream-7222-dev-ed.scratch.my.salesforce-scrt.com');

// The shared corpus's peticavictor__ndax trusted sites, as the metadata reader would deliver them.
function ndaxSnapshot(): OrgSnapshot {
    const snapshot = healthySnapshot();
    withCors(snapshot, [
        corsEntry('Chat_Setup_Flow_CORS', 'https://ndax.io'),
        corsEntry('https_ds_ndax_io', 'https://ds.ndax.io'),
        corsEntry('https_ndax_dev01_c_sandbox_vf_force_com', 'https://ndax--dev01--c.sandbox.vf.force.com'),
        corsEntry(
            'https_ndax_dev01_sandbox_my_salesforce_scrt_com',
            'https://ndax--dev01.sandbox.my.salesforce-scrt.com'
        ),
        corsEntry('https_ndax_dev01_sandbox_my_site_com', 'https://ndax--dev01.sandbox.my.site.com'),
        corsEntry('https_portal_dev_ndax_io', 'https://portal-dev.ndax.io'),
        corsEntry('https_portal_ndax_io', 'https://portal.ndax.io'),
        corsEntry('https_portal_qa2_ndax_io', 'https://portal-qa2.ndax.io'),
        corsEntry('https_vf_force_com', 'https://*.vf.force.com')
    ]);
    withCsp(snapshot, [
        cspSite('Self', 'https://ndax--dev01.sandbox.my.site.com'),
        cspSite('WebDemo', 'https://ndax--dev01.sandbox.my.salesforce-scrt.com'),
        cspSite('dev', 'https://ds.ndax.io'),
        cspSite('dev2', 'http://localhost:63342'),
        cspSite('ndax', 'https://ndax.io')
    ]);
    return snapshot;
}

describe('runTrustedSiteChecks on the healthy fixture', () => {
    const results = run();

    it('gives one result per check per subject, all TS checks present', () => {
        const keys = results.map((r) => `${r.checkId} ${r.subject}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect([...new Set(results.map((r) => r.checkId))]).toEqual([
            'TS-01',
            'TS-03',
            'TS-04',
            'TS-05',
            'TS-06',
            'TS-07'
        ]);
    });

    it('passes every metadata-evaluable check', () => {
        expect(results.filter((r) => r.status === 'fail')).toEqual([]);
        expect(statuses(results, 'TS-01')).toEqual([
            'pass https://www.example.com',
            'pass https://staging.example.com'
        ]);
        expect(statuses(results, 'TS-04')).toEqual([
            'pass https://*.example.com',
            'pass https://example.com',
            'pass https://www.example.com',
            'pass https://staging.example.com'
        ]);
    });

    it('leaves TS-07 not evaluated: the deployment Domain is not in metadata', () => {
        expect(statuses(results, 'TS-07')).toEqual([
            'not_evaluated https://www.example.com',
            'not_evaluated https://staging.example.com'
        ]);
    });
});

describe('TS-01 CORS allowlist covers each widget origin', () => {
    it('passes and names the covering entry and its file', () => {
        const snapshot = withCors(healthySnapshot(), [corsEntry('Example_Web', 'https://*.example.com')]);
        const result = only(run(snapshot), 'TS-01', 'https://www.example.com');
        expect(result.status).toBe('pass');
        expect(result.message).toBe(
            'https://www.example.com is allowed by the CORS allowlist entry "Example_Web" (https://*.example.com).'
        );
        expect(result.location).toEqual({ file: 'corsWhitelistOrigins/Example_Web.corsWhitelistOrigin-meta.xml' });
    });

    it('normalises what the admin typed: case, trailing dot and slash, default port', () => {
        const results = run(healthySnapshot(), planWith(['HTTPS://WWW.Example.com.:443/']));
        expect(statuses(results, 'TS-01')).toEqual(['pass https://www.example.com']);
    });

    it('matches IDN origins against punycode entries', () => {
        const snapshot = withCors(healthySnapshot(), [corsEntry('Buecher', 'https://xn--bcher-kva.example')]);
        expect(statuses(run(snapshot, planWith(['https://bücher.example'])), 'TS-01')).toEqual([
            'pass https://xn--bcher-kva.example'
        ]);
    });

    it('fails for an origin no entry covers, with the entry to add', () => {
        const result = only(run(healthySnapshot(), planWith(['https://shop.example.org'])), 'TS-01');
        expect(result).toMatchObject({
            status: 'fail',
            severity: 'blocker',
            subject: 'https://shop.example.org',
            message:
                "https://shop.example.org is not on the CORS allowlist: no entry covers it, so the browser blocks the chat's calls to Salesforce from this site.",
            remediation:
                'Add a CORS allowlist entry for https://shop.example.org (Setup > CORS > New), or a wildcard https://*.example.org to cover every subdomain of example.org.',
            setupPath: '/lightning/setup/CorsWhitelistEntries/home',
            source: expect.stringContaining('Salesforce Help: Configure Salesforce CORS Allowlist (https://')
        });
    });

    it('explains a wildcard that does not cover its own apex', () => {
        const snapshot = withCors(healthySnapshot(), [corsEntry('Example_Web', 'https://*.example.com')]);
        const result = only(run(snapshot, planWith(['https://example.com'])), 'TS-01');
        expect(result.status).toBe('fail');
        expect(result.message).toContain(
            'Near misses: "Example_Web" (https://*.example.com) covers only subdomains of example.com, not example.com itself.'
        );
        expect(result.remediation).toBe('Add a CORS allowlist entry for https://example.com (Setup > CORS > New).');
    });

    it('does not let a look-alike or an IP stand in for the host', () => {
        const snapshot = withCors(healthySnapshot(), [
            corsEntry('Example_Web', 'https://*.example.com'),
            corsEntry('Local_Name', 'http://localhost:3000')
        ]);
        const results = run(
            snapshot,
            planWith(['https://evil-example.com', 'https://example.com.evil.io', 'http://127.0.0.1:3000'])
        );
        expect(statuses(results, 'TS-01')).toEqual([
            'fail https://evil-example.com',
            'fail https://example.com.evil.io',
            'fail http://127.0.0.1:3000'
        ]);
    });

    it('fails for an origin the plan cannot parse, naming it and the problem', () => {
        const plan = planWith(['https://www.example.com']);
        plan.widgetOrigins.push({
            origin: 'www.example.org/chat',
            environment: 'production',
            environmentSource: 'plan'
        });
        const result = only(run(healthySnapshot(), plan), 'TS-01', 'www.example.org/chat');
        expect(result.status).toBe('fail');
        expect(result.message).toBe(
            'The widget origin cannot be checked: "www.example.org/chat" has no scheme: write https://www.example.org.'
        );
        expect(result.remediation).toContain('write it as scheme://host[:port], e.g. https://www.example.com');
        expect(only(run(healthySnapshot(), plan), 'TS-07', 'www.example.org/chat').status).toBe('not_evaluated');
    });

    it('is not evaluated per origin when the CORS allowlist was not read', () => {
        const results = run(withUnread(healthySnapshot(), 'corsEntries'));
        expect(statuses(results, 'TS-01')).toEqual([
            'not_evaluated https://www.example.com',
            'not_evaluated https://staging.example.com'
        ]);
        expect(only(results, 'TS-01', 'https://www.example.com').message).toBe(
            'Not evaluated: CORS allowlist (CorsWhitelistOrigin) not in the scanned source (not in source).'
        );
    });

    it('is not evaluated when the plan names no widget origins', () => {
        const result = only(run(healthySnapshot(), planWith([])), 'TS-01');
        expect(result).toMatchObject({ status: 'not_evaluated', subject: 'widget origins' });
        expect(result.remediation).toContain('--domain https://www.example.com');
        expect(result.remediation).toContain('widgetOrigins');
    });
});

describe('TS-02 is retired: a widget origin needs no Trusted URL', () => {
    it('emits no TS-02 result, and a widget origin without a CSP Trusted Site fails nothing', () => {
        const results = run(withCsp(healthySnapshot(), []));
        expect(resultsFor(results, 'TS-02')).toEqual([]);
        expect(results.filter((r) => r.status === 'fail')).toEqual([]);
    });
});

describe('TS-03 Experience/Commerce sites', () => {
    const SITE = 'https://acme.my.site.com';

    it('passes when the plan embeds the chat only on external websites, and says how to check a custom-domain site', () => {
        const result = only(run(), 'TS-03');
        expect(result).toMatchObject({ status: 'pass', subject: 'Experience/Commerce sites' });
        expect(result.message).toMatch(
            /^Nothing to check: the setup plan embeds web deployment\(s\) "Web_Chat_Site" on /
        );
        expect(result.message).toContain('none of which is on a Salesforce site domain');
        expect(result.message).toContain('If one of these is an Experience Cloud or Commerce site on a custom domain');
    });

    it('is not evaluated when no widget origin is known: nothing says where the web deployment is embedded', () => {
        const result = only(run(healthySnapshot(), healthyPlan({ widgetOrigins: [] })), 'TS-03');
        expect(result).toMatchObject({ status: 'not_evaluated', subject: 'Experience/Commerce sites' });
        expect(result.message).toBe(
            'Not evaluated: nothing Salesforce returns for web deployment(s) "Web_Chat_Site" says whether an Experience Cloud or Commerce site embeds them (the Embedded Messaging component is placed in Experience Builder), and no widget origin is on a Salesforce site domain (my.site.com).'
        );
        expect(result.remediation).toContain(
            "add the site's URL (e.g. https://yourcompany.my.site.com) to the widget origins"
        );
        expect(result.remediation).toContain('If the chat runs only on external websites, nothing is needed here.');
    });

    it('says so when the SCRT Trusted URL is already there, still without a pass', () => {
        const plan = healthyPlan({ widgetOrigins: [] });
        const result = only(run(withCsp(healthySnapshot(), [SCRT_SITE]), plan), 'TS-03');
        expect(result.status).toBe('not_evaluated');
        expect(result.message).toContain(
            'The Trusted URL "scrt2URL" (https://ruby-dream-7222-dev-ed.scratch.my.salesforce-scrt.com) already allows connect-src'
        );
    });

    it('passes when no web deployment is in scope: only web deployments are embedded in sites', () => {
        const snapshot = healthySnapshot();
        snapshot.deployments = readSection(snapshot.deployments.items.map((d) => ({ ...d, deploymentType: 'Mobile' })));
        expect(only(run(snapshot), 'TS-03')).toMatchObject({
            status: 'pass',
            subject: 'Experience/Commerce sites',
            message: expect.stringContaining(
                'Nothing to check: no web deployment is in scope and no widget origin is on a Salesforce site domain'
            )
        });
    });

    it('evaluates a widget origin on a Salesforce site domain: passes with the SCRT Trusted URL and a CORS entry', () => {
        const snapshot = withCors(withCsp(healthySnapshot(), [SCRT_SITE]), [corsEntry('Acme_Site', SITE)]);
        const result = only(run(snapshot, planWith([SITE])), 'TS-03', SITE);
        expect(result.status).toBe('pass');
        expect(result.message).toBe(
            'Experience/Commerce site https://acme.my.site.com (a Salesforce site domain): the Trusted URL "scrt2URL" (https://ruby-dream-7222-dev-ed.scratch.my.salesforce-scrt.com) allows connect-src to the messaging service. The site domain https://acme.my.site.com is allowed by CORS entry "Acme_Site" (https://acme.my.site.com).'
        );
    });

    it('fails a site origin without the SCRT Trusted URL, saying what to add and where', () => {
        const snapshot = withCors(withCsp(healthySnapshot(), []), [corsEntry('Acme_Site', SITE)]);
        const result = only(run(snapshot, planWith([SITE, 'https://www.example.com'])), 'TS-03', SITE);
        expect(result).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(result.message).toContain(
            'no active Trusted URL for the messaging service (*.my.salesforce-scrt.com) allows connect-src'
        );
        expect(result.remediation).toContain('https://yourcompany.my.salesforce-scrt.com');
        expect(result.remediation).toContain('Setup > Trusted URLs > New Trusted URL');
        expect(result.setupPath).toBe('/lightning/setup/SecurityCspTrustedSite/home');
    });

    it('fails a site origin missing from CORS, with the live-preview hint', () => {
        const snapshot = withCsp(healthySnapshot(), [SCRT_SITE]);
        const result = only(run(snapshot, planWith(['https://acme--uat.sandbox.my.site.com'])), 'TS-03');
        expect(result.status).toBe('fail');
        expect(result.message).toContain(
            'the site domain https://acme--uat.sandbox.my.site.com is not on the CORS allowlist'
        );
        expect(result.remediation).toContain('live-preview domain');
    });

    it('checks a deployment flagged as an Experience deployment, with the SCRT Trusted URL', () => {
        const snapshot = withCsp(experienceSnapshot(), [SCRT_SITE]);
        const result = only(run(snapshot), 'TS-03', 'Web_Chat_Site');
        expect(result.status).toBe('pass');
        expect(result.message).toContain(
            'the Trusted URL "scrt2URL" (https://ruby-dream-7222-dev-ed.scratch.my.salesforce-scrt.com) allows connect-src'
        );
        expect(result.message).toContain('The site domain is not known here: confirm it is on the CORS allowlist');
    });

    it('fails when the SCRT Trusted URL does not allow connect-src', () => {
        const snapshot = withCsp(experienceSnapshot(), [{ ...SCRT_SITE, isApplicableToConnectSrc: false }]);
        const result = only(run(snapshot), 'TS-03', 'Web_Chat_Site');
        expect(result.status).toBe('fail');
        expect(result.severity).toBe('blocker');
        expect(result.message).toContain(
            '("scrt2URL" (https://ruby-dream-7222-dev-ed.scratch.my.salesforce-scrt.com) does not allow connect-src)'
        );
        expect(result.remediation).toContain('"connect-src"');
        expect(result.location).toEqual({ file: 'EmbeddedServiceConfig/Web_Chat_Site.EmbeddedServiceConfig-meta.xml' });
    });

    it('fails when the only SCRT Trusted URL applies to Lightning Experience only', () => {
        const snapshot = withCsp(experienceSnapshot(), [{ ...SCRT_SITE, context: 'LEX' }]);
        expect(only(run(snapshot), 'TS-03', 'Web_Chat_Site').message).toContain(
            'applies to the "LEX" context only, not to Experience Builder sites'
        );
    });

    it('fails on the corpus placeholder SCRT site and points at TS-04', () => {
        const snapshot = withCsp(experienceSnapshot(), [
            cspSite('NW_Messaging_SCRT', 'https://__MY_DOMAIN__.my.salesforce-scrt.com')
        ]);
        const result = only(run(snapshot), 'TS-03', 'Web_Chat_Site');
        expect(result.status).toBe('fail');
        expect(result.message).toContain(
            '"NW_Messaging_SCRT" (https://__MY_DOMAIN__.my.salesforce-scrt.com) is malformed (see TS-04)'
        );
    });

    it('checks the site domain in CORS when the Domain is known', () => {
        const missing = withCsp(experienceSnapshot({ domain: 'acme.my.site.com' }), [SCRT_SITE]);
        const failed = only(run(missing), 'TS-03', 'Web_Chat_Site');
        expect(failed.status).toBe('fail');
        expect(failed.message).toContain('the site domain https://acme.my.site.com is not on the CORS allowlist');
        expect(failed.remediation).toContain('Add https://acme.my.site.com to the CORS allowlist');

        const covered = withCors(missing, [corsEntry('Acme_Site', 'https://acme.my.site.com')]);
        const passed = only(run(covered), 'TS-03', 'Web_Chat_Site');
        expect(passed.status).toBe('pass');
        expect(passed.message).toContain(
            'The site domain https://acme.my.site.com is allowed by CORS entry "Acme_Site"'
        );
    });

    it('is not evaluated when the deployments or Trusted URLs were not read', () => {
        expect(statuses(run(withUnread(healthySnapshot(), 'deployments')), 'TS-03')).toEqual([
            'not_evaluated Experience/Commerce sites'
        ]);
        expect(statuses(run(withUnread(experienceSnapshot(), 'cspTrustedSites')), 'TS-03')).toEqual([
            'not_evaluated Web_Chat_Site'
        ]);
        expect(statuses(run(withUnread(healthySnapshot(), 'cspTrustedSites'), planWith([SITE])), 'TS-03')).toEqual([
            `not_evaluated ${SITE}`
        ]);
    });
});

describe('TS-04 allowlist entries are well formed', () => {
    it('reports the corpus placeholder entry as malformed, with its file', () => {
        const results = run(ndaxSnapshot());
        expect(resultsFor(results, 'TS-04').every((r) => r.status === 'pass')).toBe(true);
        const snapshot = withCors(healthySnapshot(), [
            corsEntry('NW_Messaging_SCRT_Origin', 'https://__MY_DOMAIN__.my.salesforce-scrt.com')
        ]);
        const result = only(run(snapshot), 'TS-04', 'https://__MY_DOMAIN__.my.salesforce-scrt.com');
        expect(result).toMatchObject({
            status: 'fail',
            message:
                'CORS allowlist entry "NW_Messaging_SCRT_Origin" is malformed: "https://__MY_DOMAIN__.my.salesforce-scrt.com" contains the placeholder "__MY_DOMAIN__" that was never replaced with a real value.',
            location: { file: 'corsWhitelistOrigins/NW_Messaging_SCRT_Origin.corsWhitelistOrigin-meta.xml' }
        });
        expect(result.remediation).toContain('Replace the placeholder with the real host');
    });

    it('flags a path, a missing scheme, a misplaced wildcard and http off localhost', () => {
        const snapshot = withCors(healthySnapshot(), [
            corsEntry('With_Path', 'https://www.example.com/chat'),
            corsEntry('No_Scheme', 'www.example.com'),
            corsEntry('Mid_Wildcard', 'https://www.*.example.com'),
            corsEntry('Plain_Http', 'http://www.example.com'),
            corsEntry('Localhost', 'http://localhost:63342')
        ]);
        const results = run(withCsp(snapshot, []));
        expect(statuses(results, 'TS-04')).toEqual([
            'fail https://www.example.com/chat',
            'fail www.example.com',
            'fail https://www.*.example.com',
            'fail http://www.example.com',
            'pass http://localhost:63342'
        ]);
        expect(only(results, 'TS-04', 'http://www.example.com').message).toBe(
            'CORS allowlist entry "Plain_Http" is not well formed: "http://www.example.com" uses http:// on www.example.com: only localhost may use plain http; every other site needs https.'
        );
    });

    it('checks CSP Trusted Sites in their own dialect (no scheme and a path are fine)', () => {
        const snapshot = withCsp(healthySnapshot(), [
            cspSite('Live_Preview', '*.salesforce-experience.com'),
            cspSite('Assets', 'https://cdn.example.com/assets/'),
            cspSite('Portal', 'https://__MY_DOMAIN__.my.site.com')
        ]);
        expect(statuses(run(snapshot), 'TS-04').slice(2)).toEqual([
            'pass *.salesforce-experience.com',
            'pass https://cdn.example.com/assets/',
            'fail https://__MY_DOMAIN__.my.site.com'
        ]);
    });

    it('passes once when there are no entries at all', () => {
        const snapshot = withCsp(withCors(healthySnapshot(), []), []);
        expect(statuses(run(snapshot), 'TS-04')).toEqual(['pass allowlist entries']);
    });

    it('is not evaluated for a section that was not read', () => {
        const results = run(withUnread(healthySnapshot(), 'cspTrustedSites'));
        expect(statuses(results, 'TS-04')).toEqual([
            'not_evaluated CSP Trusted Sites',
            'pass https://*.example.com',
            'pass https://example.com'
        ]);
    });
});

describe('TS-05 no over-broad entry', () => {
    it('flags the corpus wildcards over shared Salesforce domains', () => {
        const snapshot = withCors(healthySnapshot(), [
            corsEntry('https_scratch_com', 'https://*.scratch.my.salesforce.com'),
            corsEntry('https_sites_com_two', 'https://*.scratch.my.site.com'),
            corsEntry('Example_Web', 'https://*.example.com')
        ]);
        const results = run(withCsp(snapshot, [cspSite('scrtSite', '*.my.salesforce-scrt.com')]));
        expect(statuses(results, 'TS-05')).toEqual([
            'fail https://*.scratch.my.salesforce.com',
            'fail https://*.scratch.my.site.com',
            'pass https://*.example.com',
            'fail *.my.salesforce-scrt.com'
        ]);
        const result = only(results, 'TS-05', 'https://*.scratch.my.site.com');
        expect(result.message).toContain('CORS allowlist entry "https_sites_com_two" is over-broad');
        expect(result.message).toContain("other companies' sites match it too");
        expect(result.remediation).toContain('https://yourcompany.scratch.my.site.com');
        expect(result.location).toEqual({
            file: 'corsWhitelistOrigins/https_sites_com_two.corsWhitelistOrigin-meta.xml'
        });
    });

    it('flags a bare "*", a wildcard over a public suffix and plain http on a public host', () => {
        const snapshot = withCors(healthySnapshot(), [
            corsEntry('Everything', '*'),
            corsEntry('Dot_Com', 'https://*.com'),
            corsEntry('UK', 'https://*.co.uk'),
            corsEntry('Plain', 'http://shop.example.com')
        ]);
        const results = run(withCsp(snapshot, []));
        expect(statuses(results, 'TS-05')).toEqual([
            'fail *',
            'fail https://*.com',
            'fail https://*.co.uk',
            'fail http://shop.example.com'
        ]);
        expect(only(results, 'TS-05', 'https://*.co.uk').message).toContain('public suffix ".co.uk"');
    });

    it('passes the healthy entries and is not evaluated for unread sections', () => {
        expect(resultsFor(run(), 'TS-05').every((r) => r.status === 'pass')).toBe(true);
        expect(statuses(run(withUnread(healthySnapshot(), 'corsEntries')), 'TS-05')[0]).toBe(
            'not_evaluated CORS allowlist'
        );
    });
});

describe('TS-06 non-production origins are covered too', () => {
    it('passes a covered staging origin', () => {
        const result = only(run(), 'TS-06', 'https://staging.example.com');
        expect(result.status).toBe('pass');
        expect(result.message).toBe(
            'The staging origin https://staging.example.com is allowed by the CORS allowlist entry "Example_Web" (https://*.example.com).'
        );
    });

    it('fails (info) for an uncovered sandbox origin', () => {
        const plan = planWith(['https://www.example.com', 'https://acme--uat.sandbox.my.site.com']);
        const result = only(run(healthySnapshot(), plan), 'TS-06', 'https://acme--uat.sandbox.my.site.com');
        expect(result).toMatchObject({ status: 'fail', severity: 'info' });
        expect(result.message).toBe(
            'The sandbox origin https://acme--uat.sandbox.my.site.com is not on the CORS allowlist: no entry covers it, so the chat will fail there even when production works.'
        );
        expect(result.remediation).toBe(
            'Add a CORS allowlist entry for https://acme--uat.sandbox.my.site.com (Setup > CORS > New).'
        );
    });

    it('recommends naming non-production origins when the plan has none', () => {
        const result = only(run(healthySnapshot(), planWith(['https://www.example.com'])), 'TS-06');
        expect(result).toMatchObject({ status: 'fail', severity: 'info', subject: 'non-production origins' });
        expect(result.message).toContain('The plan lists only production origins ("https://www.example.com")');
        expect(result.remediation).toContain('Add the staging, preview and sandbox sites');
    });

    it('is not evaluated when CORS was not read or no origins are given', () => {
        expect(statuses(run(withUnread(healthySnapshot(), 'corsEntries')), 'TS-06')).toEqual([
            'not_evaluated https://staging.example.com'
        ]);
        expect(statuses(run(healthySnapshot(), planWith([])), 'TS-06')).toEqual(['not_evaluated widget origins']);
    });
});

describe("TS-07 widget origins fall under the deployment's Domain", () => {
    it('is not evaluated from metadata, saying where the Domain lives', () => {
        const result = only(run(), 'TS-07', 'https://www.example.com');
        expect(result.status).toBe('not_evaluated');
        expect(result.message).toBe(
            'Not evaluated: the Domain of web deployment "Web_Chat_Site" is shown only in Setup; no Salesforce API this check reads returns it, so it cannot be compared with https://www.example.com.'
        );
        expect(result.message).not.toContain('retrieved metadata');
        expect(result.remediation).not.toContain('evaluates this automatically');
        expect(result.remediation).toContain('confirm its Domain (e.g. example.com) covers www.example.com');
        expect(only(run(), 'TS-07', 'https://staging.example.com').remediation).toContain(
            'confirm its Domain (e.g. example.com) covers staging.example.com'
        );
    });

    it('passes an origin under the Domain (subdomains included) and fails one outside it', () => {
        const snapshot = experienceSnapshot({ isExperienceSite: false, domain: 'example.com' });
        const results = run(
            snapshot,
            planWith(['https://www.example.com', 'https://example.com', 'https://shop.example.org'])
        );
        expect(statuses(results, 'TS-07')).toEqual([
            'pass https://www.example.com',
            'pass https://example.com',
            'fail https://shop.example.org'
        ]);
        const failed = only(results, 'TS-07', 'https://shop.example.org');
        expect(failed.message).toBe(
            'https://shop.example.org is not under the Domain of any deployment in scope: "Web_Chat_Site" has Domain example.com.'
        );
        expect(failed.remediation).toContain("Set the deployment's Domain to the site's top-level domain");
        expect(only(results, 'TS-07', 'https://www.example.com').message).toBe(
            'https://www.example.com falls under the Domain example.com of deployment "Web_Chat_Site".'
        );
    });

    it('does not treat a look-alike as under the Domain', () => {
        const snapshot = experienceSnapshot({ isExperienceSite: false, domain: 'https://Example.com/' });
        expect(statuses(run(snapshot, planWith(['https://evil-example.com'])), 'TS-07')).toEqual([
            'fail https://evil-example.com'
        ]);
    });

    it('is not evaluated when deployments were not read or none is in scope', () => {
        expect(statuses(run(withUnread(healthySnapshot(), 'deployments')), 'TS-07')).toEqual([
            'not_evaluated https://www.example.com',
            'not_evaluated https://staging.example.com'
        ]);
        const plan = healthyPlan({ deployment: 'Missing_Deployment' });
        expect(only(run(healthySnapshot(), plan), 'TS-07', 'https://www.example.com').message).toContain(
            'no Messaging for In-App and Web deployment of type Web is in scope (the plan names "Missing_Deployment")'
        );
    });

    it('skips mobile deployments: an In-App deployment has no Domain', () => {
        const snapshot = experienceSnapshot({
            isExperienceSite: false,
            domain: 'example.com',
            deploymentType: 'Mobile'
        });
        const result = only(run(snapshot, planWith(['https://www.example.com'])), 'TS-07');
        expect(result.status).toBe('not_evaluated');
        expect(result.message).toContain('no Messaging for In-App and Web deployment of type Web is in scope');
    });
});

describe('every failing result is actionable', () => {
    it('names the subject, says what to do and links a Setup page', () => {
        const snapshot = ndaxSnapshot();
        snapshot.corsEntries.items.push(corsEntry('NW_Portal_Site_Origin', 'https://__MY_DOMAIN__.my.site.com'));
        snapshot.corsEntries.items.push(corsEntry('Scratch', 'https://*.scratch.my.salesforce.com'));
        const plan = planWith([
            'https://ndax.io',
            'https://portal.ndax.io',
            'https://app.ndax.io',
            'http://localhost:63342'
        ]);
        const results = run(snapshot, plan);
        const failing = results.filter((r) => r.status === 'fail');
        expect(failing.length).toBeGreaterThan(3);
        for (const r of failing) {
            expect(r.message).toContain(
                r.subject.startsWith('https://') || r.subject.startsWith('http://') ? r.subject.replace(/\/$/, '') : ''
            );
            expect(r.remediation.length).toBeGreaterThan(10);
            expect(r.setupPath).toMatch(/^\/lightning\/setup\//);
        }
        expect(statuses(results, 'TS-01')).toEqual([
            'pass https://ndax.io',
            'pass https://portal.ndax.io',
            'fail https://app.ndax.io',
            'fail http://localhost:63342'
        ]);
        // https://ndax.io is both a CORS entry and a CSP site: the entry name keeps the subjects apart.
        expect(statuses(results, 'TS-04')).toContain(
            'pass https://ndax.io (CORS allowlist entry "Chat_Setup_Flow_CORS")'
        );
        expect(statuses(results, 'TS-04')).toContain('pass https://ndax.io (CSP Trusted Site "ndax")');
        const keys = results.map((r) => `${r.checkId} ${r.subject}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(only(results, 'TS-05', 'https://__MY_DOMAIN__.my.site.com').message).toBe(
            'CORS allowlist entry "NW_Portal_Site_Origin" (https://__MY_DOMAIN__.my.site.com) is malformed (see TS-04), so it matches nothing.'
        );
        // TS-04/05 results about Trusted URLs link the Trusted URLs page, CORS entries the CORS page.
        expect(only(results, 'TS-04', 'https://ds.ndax.io (CSP Trusted Site "dev")').setupPath).toBe(
            '/lightning/setup/SecurityCspTrustedSite/home'
        );
        expect(only(results, 'TS-04', 'https://ds.ndax.io (CORS allowlist entry "https_ds_ndax_io")').setupPath).toBe(
            '/lightning/setup/CorsWhitelistEntries/home'
        );
        expect(only(results, 'TS-05', 'http://localhost:63342').setupPath).toBe(
            '/lightning/setup/SecurityCspTrustedSite/home'
        );
    });
});

describe('fuzz: the runner never throws', () => {
    it('10,000 generated snapshots and plans with arbitrary entry and origin strings', () => {
        const text = fc.oneof(
            fc.string({ maxLength: 30 }),
            fc.string({ unit: 'binary', maxLength: 30 }),
            fc.webUrl(),
            fc.constantFrom(
                '*',
                'https://*.example.com',
                'https://*.com',
                'https://__MY_DOMAIN__.my.salesforce-scrt.com',
                '*.my.salesforce-scrt.com',
                'http://localhost:63342',
                'https://www.example.com/',
                'chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed',
                'https://bücher.example',
                'example.com'
            )
        );
        const environment = fc.constantFrom('production', 'staging', 'preview', 'sandbox', 'development' as const);
        const scenario = fc.record({
            cors: fc.array(text, { maxLength: 3 }),
            csp: fc.array(fc.tuple(text, fc.boolean(), fc.option(fc.boolean(), { nil: undefined })), { maxLength: 3 }),
            origins: fc.array(fc.tuple(text, environment), { maxLength: 3 }),
            experience: fc.boolean(),
            domain: fc.option(text, { nil: undefined }),
            unread: fc.subarray(['corsEntries', 'cspTrustedSites', 'deployments'] as const)
        });
        const base = healthySnapshot();
        fc.assert(
            fc.property(scenario, ({ cors, csp, origins, experience, domain, unread }) => {
                let snapshot: OrgSnapshot = {
                    ...base,
                    corsEntries: readSection(cors.map((urlPattern, i) => ({ developerName: `C${i}`, urlPattern }))),
                    cspTrustedSites: readSection(
                        csp.map(([endpointUrl, isActive, connect], i) => ({
                            developerName: `S${i}`,
                            endpointUrl,
                            isActive,
                            isApplicableToConnectSrc: connect
                        }))
                    ),
                    deployments: readSection(
                        base.deployments.items.map((d) => ({ ...d, isExperienceSite: experience, domain }))
                    )
                };
                for (const section of unread)
                    snapshot = withUnread(snapshot, section, 'unavailable', 'needs API access');
                const plan: SetupPlan = {
                    ...healthyPlan(),
                    widgetOrigins: origins.map(([origin, env]) => ({
                        origin,
                        environment: env,
                        environmentSource: 'plan' as const
                    }))
                };
                const results = runTrustedSiteChecks({ snapshot, plan, index: buildIndex(snapshot, plan) });
                // Plain checks, not expect(): jest matchers per result would dominate the run time.
                const checkIds = new Set(results.map((r) => r.checkId));
                const wellFormed = results.every(
                    (r) =>
                        /^TS-0[134567]$/.test(r.checkId) &&
                        r.message.length > 0 &&
                        (r.status !== 'fail' || r.remediation.length > 0)
                );
                const keys = results.map((r) => `${r.checkId}\u0000${r.subject}`);
                return wellFormed && checkIds.size === 6 && new Set(keys).size === keys.length;
            }),
            { numRuns: 10000 }
        );
        expect(runTrustedSiteChecks(contextFor(base)).length).toBeGreaterThan(0);
    });
});
