/*
 * Every object and field MiawQueryCatalog names exists in test/fixtures/salesforce-objects (Salesforce's published field lists): dynamic SOQL hides
 * them from the Apex compiler, so this is the gate that catches a typo before an org does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkCatalog, checkSoql, extractCatalogQueries, loadReference, SUPPLEMENT } from './support/soqlCatalog';

const ROOT = path.resolve(__dirname, '..');
const CATALOG = fs.readFileSync(path.join(ROOT, 'force-app/main/default/classes/MiawQueryCatalog.cls'), 'utf8');
const REFERENCE = path.join(ROOT, 'test/fixtures/salesforce-objects');
const DATA_LAYER_DOC = fs.readFileSync(path.join(ROOT, 'docs/apex-data-layer.md'), 'utf8');

describe('MiawQueryCatalog against the reference field lists', () => {
    const queries = extractCatalogQueries(CATALOG);

    it('finds every statement of the catalog', () => {
        const names = queries.map((q) => q.name);
        expect(names).toEqual(
            expect.arrayContaining([
                'MESSAGING_CHANNELS',
                'PERMISSION_SETS',
                'AGENTS',
                'SESSION_SIGNALS_BASE',
                'toolingFlowBody'
            ])
        );
        expect(queries.length).toBeGreaterThanOrEqual(18);
    });

    it('names only objects, fields and relationships the reference knows', () => {
        expect(checkCatalog(CATALOG, REFERENCE)).toEqual([]);
    });

    it('resolves a relationship path through the lookup', () => {
        const data = loadReference(REFERENCE, 'data');
        expect(
            checkSoql(
                data,
                'SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.PermissionsEmbeddedMessagingAgent = true',
                'q'
            )
        ).toEqual([]);
        expect(
            checkSoql(
                data,
                'SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.PermissionsMadeUp = true',
                'q'
            )
        ).toEqual(['q: PermissionSet.PermissionsMadeUp is not in the reference']);
    });

    it('fails on a made-up field, object or child relationship', () => {
        const bogusField = CATALOG.replace('UrlPattern FROM CorsWhitelistEntry', 'UrlPatern FROM CorsWhitelistEntry');
        expect(checkCatalog(bogusField, REFERENCE)).toEqual([
            'CORS_ENTRIES: CorsWhitelistEntry.UrlPatern is not in the reference'
        ]);
        const bogusObject = CATALOG.replace('FROM BusinessHours', 'FROM BusinessHour');
        expect(checkCatalog(bogusObject, REFERENCE)).toEqual([
            'BUSINESS_HOURS: object BusinessHour is not in the reference'
        ]);
        const bogusChild = CATALOG.replace('FROM QueueSobjects', 'FROM QueueObjects');
        expect(checkCatalog(bogusChild, REFERENCE)[0]).toMatch(/Group.QueueObjects is not a child relationship/);
    });

    it('uses the supplement only for objects the reference lacks', () => {
        for (const [name, extra] of Object.entries(SUPPLEMENT)) {
            const dir = extra.api === 'data' ? 'data-api' : 'tooling-api';
            expect(fs.existsSync(path.join(REFERENCE, dir, `${name}.json`))).toBe(false);
            expect(extra.source).toMatch(/^https:\/\/developer\.salesforce\.com\//);
        }
    });

    it('keeps the statement count the snapshot runs within the documented budget', () => {
        const count = Number(/QUERY_COUNT = (\d+);/.exec(CATALOG)?.[1]);
        const documented = Number(/## Queries \(fixed count: (\d+) SOQL per snapshot/.exec(DATA_LAYER_DOC)?.[1]);
        expect(documented).toBe(20);
        expect(count).toBeLessThanOrEqual(documented);
        const dataQueries = queries.filter((q) => q.api === 'data').length;
        expect(dataQueries).toBe(count);
    });

    it('names the reason for every statement above the target of 15, and only for those', () => {
        const section = DATA_LAYER_DOC.split('### Why not 15')[1].split('\n## ')[0];
        const reasons = [...section.matchAll(/^\| `(\w+)` \| (.+) \|$/gm)].map((m) => ({ name: m[1], why: m[2] }));
        const dataNames = new Set(queries.filter((q) => q.api === 'data').map((q) => q.name));
        const count = Number(/QUERY_COUNT = (\d+);/.exec(CATALOG)?.[1]);
        expect(reasons.length).toBe(count - 15);
        for (const reason of reasons) {
            expect(dataNames.has(reason.name)).toBe(true);
            expect(reason.why.length).toBeGreaterThan(80);
        }
    });

    it('has a self-test path for every statement of the snapshot read', () => {
        const selfTest = fs.readFileSync(
            path.join(ROOT, 'force-app/main/default/classes/MiawSelfTestService.cls'),
            'utf8'
        );
        const missing = queries
            .filter((q) => q.api === 'data')
            .map((q) => (q.name === 'SESSION_SIGNALS_BASE' ? 'sessionSignals' : q.name))
            .filter((name) => !selfTest.includes(`MiawQueryCatalog.${name}`));
        expect(missing).toEqual([]);
    });
});
