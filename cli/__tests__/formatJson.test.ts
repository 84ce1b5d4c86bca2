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
    it('prints exactly the ARCHITECTURE.md shape: schemaVersion, summary, results (+ problems)', () => {
        const json = JSON.parse(formatJson(mixedReport(), context())) as Record<string, unknown>;
        expect(Object.keys(json)).toEqual(['schemaVersion', 'summary', 'results', 'problems']);
        expect(json.schemaVersion).toBe(1);
        expect(Object.keys(json.summary as object)).toEqual([
            'verdict',
            'blockers',
            'warnings',
            'passed',
            'notEvaluated',
            'manual'
        ]);
        expect(json.summary).toEqual({
            verdict: 'not_ready',
            blockers: 2,
            warnings: 1,
            passed: 1,
            notEvaluated: 2,
            manual: 1
        });
    });

    it('keeps every contract field of each result, in order, and adds location only when present', () => {
        const json = JSON.parse(formatJson(mixedReport(), context())) as { results: Array<Record<string, unknown>> };
        for (const r of json.results) {
            const keys = Object.keys(r);
            expect(keys.slice(0, RESULT_KEYS.length)).toEqual(RESULT_KEYS);
            expect(keys.slice(RESULT_KEYS.length).every((k) => k === 'location')).toBe(true);
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

    it('is deterministic: same input, same bytes', () => {
        expect(formatJson(mixedReport(), context())).toBe(formatJson(mixedReport(), context()));
    });
});
