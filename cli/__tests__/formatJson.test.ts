import { parseSetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import { formatJson } from '../write/formatJson';
import { context, mixedReport, problem, report, result } from './cliTestKit';

const RESULT_KEYS = [
    'checkId',
    'title',
    'area',
    'severity',
    'status',
    'subject',
    'message',
    'remediation',
    'setupPath',
    'source'
];

describe('formatJson', () => {
    it('prints exactly the README shape: schemaVersion, tool, summary, results (+ problems)', () => {
        const json = JSON.parse(formatJson(mixedReport(), context())) as Record<string, unknown>;
        expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'summary', 'results', 'problems']);
        expect(json.schemaVersion).toBe(2);
        expect(json.tool).toEqual({ name: 'miaw-readiness', version: '9.9.9' });
        // schema 2 adds fields after the schema 1 ones; none is removed or renamed
        expect(Object.keys(json.summary as object)).toEqual([
            'verdict',
            'blockers',
            'warnings',
            'passed',
            'notEvaluated',
            'manual',
            'scope',
            'blockersNotEvaluated',
            'unevaluatedBlockers',
            'outOfScope',
            'outOfScopeChecks'
        ]);
        expect(json.summary).toEqual({
            verdict: 'not_ready',
            blockers: 2,
            warnings: 1,
            passed: 1,
            notEvaluated: 2,
            manual: 1,
            scope: ['metadata'],
            blockersNotEvaluated: 2,
            unevaluatedBlockers: [
                {
                    checkId: 'CH-05',
                    title: 'The routing flow exists, is active and is an Omni-Channel flow',
                    subject: 'org',
                    reason: 'Not evaluated: flows not in the scanned source.',
                    how: 'Retrieve the flows.'
                },
                {
                    checkId: 'CH-06',
                    title: 'The routing flow declares the recordId input variable',
                    subject: 'org',
                    reason: 'Not evaluated: flows not in the scanned source.',
                    how: 'Retrieve the flows.'
                }
            ],
            outOfScope: 1,
            outOfScopeChecks: [{ checkId: 'CH-02', title: 'The messaging channel is active', evidence: 'org' }]
        });
    });

    it('says incomplete when no blocker fails but one in scope was not evaluated', () => {
        const fixed = report([result('PRE-01', 'pass'), result('CH-05', 'not_evaluated')]);
        const json = JSON.parse(formatJson(fixed, context())) as { summary: Record<string, unknown> };
        expect(json.summary).toMatchObject({ verdict: 'incomplete', blockers: 0, blockersNotEvaluated: 1 });
    });

    it('keeps every contract field of each result, in order, and adds location only when present', () => {
        const json = JSON.parse(formatJson(mixedReport(), context())) as { results: Array<Record<string, unknown>> };
        for (const r of json.results) {
            const keys = Object.keys(r);
            expect(keys.slice(0, RESULT_KEYS.length)).toEqual(RESULT_KEYS);
            expect(keys.slice(RESULT_KEYS.length).every((k) => k === 'location' || k === 'evidence')).toBe(true);
            expect(['metadata', 'org', 'manual']).toContain(r.evidence);
        }
        const ts01 = json.results.find((r) => r.checkId === 'TS-01');
        expect(ts01?.location).toEqual({
            file: 'force-app/main/default/corsWhitelistOrigins/Example.corsWhitelistOrigin-meta.xml',
            line: 3
        });
        expect(json.results.find((r) => r.checkId === 'PRE-01')).not.toHaveProperty('location');
    });

    it('does not leak engine-internal fields and lists read problems', () => {
        const extra = { ...result('CH-01', 'pass'), internal: 1 } as ReturnType<typeof result>;
        const json = JSON.parse(formatJson(report([extra]), context({ problems: [problem()] }))) as {
            results: Array<Record<string, unknown>>;
            problems: unknown[];
        };
        expect(json.results[0]).not.toHaveProperty('internal');
        expect(json.problems).toEqual([problem()]);
    });

    it('carries the plan the scan used, --domain origins included, in the --plan file shape', () => {
        const plan = parseSetupPlan({
            widgetOrigins: [
                'https://shop.example.com',
                { origin: 'https://staging.example.com', environment: 'staging' }
            ],
            channel: 'Web_Chat',
            routing: 'flow'
        });
        const json = JSON.parse(formatJson(mixedReport(), context({ plan }))) as Record<string, unknown>;
        expect(Object.keys(json)).toEqual(['schemaVersion', 'tool', 'summary', 'plan', 'results', 'problems']);
        expect(json.plan).toMatchObject({
            widgetOrigins: [
                'https://shop.example.com',
                { origin: 'https://staging.example.com', environment: 'staging' }
            ],
            channel: 'Web_Chat',
            routing: 'flow'
        });
        // what the file says is what --plan reads back
        expect(parseSetupPlan(json.plan)).toEqual(plan);
        // a folder scan knows neither its org nor a saved run: those blocks are the app's
        expect(json).not.toHaveProperty('org');
        expect(json).not.toHaveProperty('run');
    });

    it('is deterministic: same input, same bytes', () => {
        expect(formatJson(mixedReport(), context())).toBe(formatJson(mixedReport(), context()));
    });
});
