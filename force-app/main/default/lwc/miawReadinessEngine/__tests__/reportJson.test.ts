import { runReadiness } from '../miawReadinessEngine';
import { TOOL_VERSION, formatJsonReport, toJsonReport } from '../reportJson';
import { toPlanFile } from '../setupPlan';
import { healthyPlan, healthySnapshot } from './fixtures';

describe('toJsonReport (the one builder of the CLI JSON and the app export)', () => {
    const plan = healthyPlan();
    const report = runReadiness(healthySnapshot(), plan);

    it('writes only schemaVersion, summary and results when nothing else is known', () => {
        const json = toJsonReport(report);
        expect(Object.keys(json)).toEqual(['schemaVersion', 'summary', 'results']);
        expect(json.results).toHaveLength(report.results.length);
        expect(json.summary).toEqual(report.summary);
    });

    it('orders the blocks as they are read: who wrote it, which org, which run, the verdict, the plan, the detail', () => {
        const json = toJsonReport(report, {
            tool: { name: 'MIAW Setup Assistant', version: TOOL_VERSION },
            org: { id: '00D000000000001EAA', name: 'Acme', myDomain: 'https://acme.my.salesforce.com' },
            run: {
                saved: false,
                checkedAt: '2026-03-02T09:30:00.000Z',
                verdictLabel: 'Ready',
                apiAccess: true,
                resultsNeedingApiAccess: 0,
                isSignedOff: false
            },
            plan: toPlanFile(plan),
            problems: []
        });
        expect(Object.keys(json)).toEqual([
            'schemaVersion',
            'tool',
            'org',
            'run',
            'summary',
            'plan',
            'results',
            'problems'
        ]);
    });

    it('keeps a person’s confirmation on a manual result and drops fields outside the contract', () => {
        const manual = report.results.find((r) => r.status === 'manual')!;
        const extra = { ...manual, attestedByName: 'Ada Admin', attestedAt: '2026-03-02T09:40:00Z', internal: 1 };
        const [out] = toJsonReport({ ...report, results: [extra] }).results;
        expect(out).toMatchObject({ attestedByName: 'Ada Admin', attestedAt: '2026-03-02T09:40:00Z' });
        expect(out).not.toHaveProperty('internal');
        expect(out).not.toHaveProperty('attestationNote');
    });

    it('copies what it is given, so a later change to the report does not change the file', () => {
        const given = toPlanFile(plan);
        const json = toJsonReport(report, { plan: given });
        given.widgetOrigins.push('https://late.example.com');
        expect(json.plan?.widgetOrigins).not.toContain('https://late.example.com');
        expect(formatJsonReport(report).endsWith('}\n')).toBe(true);
    });
});
