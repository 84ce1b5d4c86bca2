import { emptyPlan, runReadiness } from 'c/miawReadinessEngine';
import type { CheckResult, OrgSnapshot } from 'c/miawReadinessEngine';
import { demoPlan, demoSnapshot } from '../../miawGuidedSetup/__tests__/demoFixtures';
import {
    buildFixFiles,
    cspOriginsToCreate,
    developerNameFor,
    existingEntryNames,
    hasMissing,
    metadataAsText,
    missingEntries,
    originCoverage,
    packageXml,
    scrtCspNeeded
} from '../trustedSiteFix';

const SCRT = 'https://acme.my.salesforce-scrt.com';

function ts03Fail(): CheckResult[] {
    const snapshot = demoSnapshot('needs-work');
    return runReadiness(snapshot, demoPlan('needs-work')).results.map((r) => {
        return r.checkId === 'TS-03' ? { ...r, status: 'fail' as const } : r;
    });
}

describe('originCoverage', () => {
    it('says which demo origins the CORS allowlist and CSP Trusted Sites cover', () => {
        const rows = originCoverage(demoPlan('needs-work'), demoSnapshot('needs-work'));
        const byOrigin = Object.fromEntries(rows.map((r) => [r.origin, `${r.cors}/${r.csp}`]));
        expect(byOrigin).toEqual({
            'https://www.acme-outdoor.example': 'covered/covered',
            'https://shop.acme-outdoor.example': 'missing/missing',
            'https://staging.acme-outdoor.example': 'missing/missing',
            'https://preview.acme-outdoor.example': 'covered/covered',
            'https://acme-outdoor.my.site.com': 'covered/missing'
        });
        expect(rows[0].corsBy.length).toBeGreaterThan(0);
    });

    it('marks coverage unknown, never missing, when a section was not read', () => {
        const snapshot = demoSnapshot('needs-work');
        snapshot.corsEntries = { state: 'unavailable', reason: 'needs API access', items: [] };
        const rows = originCoverage(demoPlan('needs-work'), snapshot);
        expect(rows.every((r) => r.cors === 'unknown')).toBe(true);
        expect(missingEntries(rows, null).cors).toEqual([]);
    });

    it('reports an origin that does not parse with the engine reason, and skips it when fixing', () => {
        const plan = {
            ...emptyPlan(),
            widgetOrigins: [
                {
                    origin: 'https://x.example/path',
                    environment: 'production' as const,
                    environmentSource: 'plan' as const
                }
            ]
        };
        const rows = originCoverage(plan, demoSnapshot('needs-work'));
        expect(rows[0].valid).toBe(false);
        expect(rows[0].error).toMatch(/https:\/\/x\.example\/path/);
        expect(hasMissing(missingEntries(rows, null))).toBe(false);
    });
});

describe('scrtCspNeeded', () => {
    it('asks for the SCRT URL only when TS-03 fails and no connect-src site covers it', () => {
        const snapshot = demoSnapshot('needs-work');
        expect(scrtCspNeeded(ts03Fail(), snapshot, SCRT)).toBe(SCRT);
        expect(scrtCspNeeded(ts03Fail(), snapshot, undefined)).toBeNull();
        const passing = ts03Fail().map((r) => {
            return r.checkId === 'TS-03' ? { ...r, status: 'pass' as const } : r;
        });
        expect(scrtCspNeeded(passing, snapshot, SCRT)).toBeNull();
    });

    it('is not needed when an active CSP Trusted Site with connect-src covers it', () => {
        const snapshot: OrgSnapshot = demoSnapshot('needs-work');
        snapshot.cspTrustedSites.items.push({
            developerName: 'SCRT',
            endpointUrl: 'https://*.my.salesforce-scrt.com',
            isActive: true,
            isApplicableToConnectSrc: true
        });
        expect(scrtCspNeeded(ts03Fail(), snapshot, SCRT)).toBeNull();
    });

    it('is still needed when the only covering Trusted URL applies to Lightning Experience only', () => {
        const snapshot: OrgSnapshot = demoSnapshot('needs-work');
        snapshot.cspTrustedSites.items.push({
            developerName: 'SCRT_LEX',
            endpointUrl: SCRT,
            isActive: true,
            context: 'LEX',
            isApplicableToConnectSrc: true
        });
        expect(scrtCspNeeded(ts03Fail(), snapshot, SCRT)).toBe(SCRT);
    });
});

describe('developerNameFor', () => {
    it('makes a valid, unique name from the origin', () => {
        const taken = new Set(['miaw_cors_shop_acme_outdoor_example']);
        expect(developerNameFor('cors', 'https://shop.acme-outdoor.example', taken)).toBe(
            'Miaw_Cors_shop_acme_outdoor_example_2'
        );
        expect(developerNameFor('cors', 'http://localhost:8080', taken)).toBe('Miaw_Cors_localhost_8080');
        const long = developerNameFor('csp', `https://${'a'.repeat(120)}.example`, taken);
        expect(long.length).toBeLessThanOrEqual(80);
        expect(long).toMatch(/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/);
    });

    // The same examples as MiawTrustedSiteServiceTest.namesEntriesLikeTheZip: "Create missing entries" (Apex) and
    // the zip/copy metadata give an entry the same name, so an admin who used one then the other finds one entry.
    it.each([
        ['cors', 'https://www.example.com', 'Miaw_Cors_www_example_com'],
        ['csp', 'https://acme.my.salesforce-scrt.com', 'Miaw_Csp_acme_my_salesforce_scrt_com'],
        ['cors', 'http://localhost:8080', 'Miaw_Cors_localhost_8080'],
        ['cors', 'https://[::1]:8443', 'Miaw_Cors_1_8443']
    ] as const)('names the %s entry for %s %s, as Apex does', (kind, origin, name) => {
        expect(developerNameFor(kind, origin)).toBe(name);
    });
});

describe('buildFixFiles', () => {
    const rows = originCoverage(demoPlan('needs-work'), demoSnapshot('needs-work'));
    const missing = missingEntries(rows, SCRT);
    const files = buildFixFiles(missing, existingEntryNames(demoSnapshot('needs-work')));
    const byPath = Object.fromEntries(files.map((f) => [f.path, f.content]));

    it('writes one source-format file per missing entry plus package.xml', () => {
        expect(Object.keys(byPath).sort()).toEqual([
            'README.txt',
            'corsWhitelistOrigins/Miaw_Cors_shop_acme_outdoor_example.corsWhitelistOrigin-meta.xml',
            'corsWhitelistOrigins/Miaw_Cors_staging_acme_outdoor_example.corsWhitelistOrigin-meta.xml',
            'cspTrustedSites/Miaw_Csp_acme_my_salesforce_scrt_com.cspTrustedSite-meta.xml',
            'package.xml'
        ]);
        // Widget origins never get a Trusted URL: only the messaging service an Experience site calls does.
        expect(cspOriginsToCreate(missing)).toEqual([SCRT]);
        expect(cspOriginsToCreate(missingEntries(rows, null))).toEqual([]);
    });

    it('uses the Metadata API element names; the SCRT Trusted URL allows connect-src, not frame-src', () => {
        expect(
            byPath['corsWhitelistOrigins/Miaw_Cors_shop_acme_outdoor_example.corsWhitelistOrigin-meta.xml']
        ).toContain('<urlPattern>https://shop.acme-outdoor.example</urlPattern>');
        const scrt = byPath['cspTrustedSites/Miaw_Csp_acme_my_salesforce_scrt_com.cspTrustedSite-meta.xml'];
        expect(scrt).toContain(`<endpointUrl>${SCRT}</endpointUrl>`);
        expect(scrt).toContain('<isActive>true</isActive>');
        expect(scrt).toContain('<context>All</context>');
        expect(scrt).toContain('<isApplicableToConnectSrc>true</isApplicableToConnectSrc>');
        expect(scrt).toContain('<isApplicableToFrameSrc>false</isApplicableToFrameSrc>');
    });

    it('lists exactly the generated members in package.xml at API 65.0', () => {
        const pkg = byPath['package.xml'];
        expect(pkg).toContain('<members>Miaw_Cors_shop_acme_outdoor_example</members>');
        expect(pkg).toContain('<name>CorsWhitelistOrigin</name>');
        expect(pkg).toContain('<name>CspTrustedSite</name>');
        expect(pkg).toContain('<version>65.0</version>');
        expect(pkg.match(/<members>/g)).toHaveLength(3);
    });

    it('never reuses a developer name that already exists in the org', () => {
        const taken = buildFixFiles(
            { cors: ['https://shop.acme-outdoor.example'], scrt: null },
            { cors: ['Miaw_Cors_shop_acme_outdoor_example'], csp: [] }
        );
        expect(taken.map((f) => f.path)).toContain(
            'corsWhitelistOrigins/Miaw_Cors_shop_acme_outdoor_example_2.corsWhitelistOrigin-meta.xml'
        );
    });

    it('generates nothing when nothing is missing, and escapes XML', () => {
        expect(buildFixFiles({ cors: [], scrt: null }, { cors: [], csp: [] })).toEqual([]);
        expect(packageXml({ cors: ['A&B'], csp: [] })).toContain('<members>A&amp;B</members>');
    });

    it('joins the files into one text for copying, each under its path', () => {
        const text = metadataAsText(files);
        expect(text).toContain('<!-- package.xml -->');
        expect(text).toContain('<!-- cspTrustedSites/Miaw_Csp_acme_my_salesforce_scrt_com.cspTrustedSite-meta.xml -->');
    });
});
