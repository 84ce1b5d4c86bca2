import { runReadiness } from '../miawReadinessEngine';
import { CHECK_SPECS } from '../checkCatalog';
import { readSection } from '../snapshot';
import { healthyPlan, healthySnapshot, withUnread } from './fixtures';

describe('runReadiness', () => {
    it('reports a ready verdict on the healthy org, counting results as the JSON contract says', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan());
        expect(report.schemaVersion).toBe(2);
        expect(report.summary.verdict).toBe('ready');
        expect(report.summary.blockers).toBe(0);
        expect(report.summary.passed).toBe(report.results.filter((r) => r.status === 'pass').length);
    });

    it('gives every check of the catalog at least one result, except the website ones the probe runs', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan());
        const ids = new Set(report.results.map((r) => r.checkId));
        const orgChecks = CHECK_SPECS.filter((s) => s.evaluatedIn !== 'website');
        expect(orgChecks.filter((s) => !ids.has(s.id)).map((s) => s.id)).toEqual([]);
        // a scan or an in-org report never carries (or counts as out of scope) a check only `probe` can run
        expect(report.results.filter((r) => r.area === 'WEB')).toEqual([]);
        expect(report.summary.outOfScopeChecks.filter((c) => c.checkId.startsWith('WEB-'))).toEqual([]);
    });

    it('says why a check had nothing to check instead of dropping it', () => {
        // The plan names a deployment that does not exist: DP-01 fails, the deployment checks have no subject.
        const report = runReadiness(healthySnapshot(), healthyPlan({ deployment: 'No_Such_Deployment' }));
        expect(report.results.find((r) => r.checkId === 'DP-01')?.status).toBe('fail');
        const pc04 = report.results.filter((r) => r.checkId === 'PC-04');
        expect(pc04).toEqual([
            expect.objectContaining({
                status: 'not_evaluated',
                subject: 'scope',
                message: 'Not evaluated: no Messaging for In-App and Web deployment is in scope (DP-01 says why).'
            })
        ]);
        expect(report.summary.verdict).toBe('not_ready');
    });

    it('keeps results grouped by area in catalog order', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan({ deployment: 'No_Such_Deployment' }));
        const areas = report.results.map((r) => r.area);
        const order = ['PRE', 'CH', 'RT', 'PC', 'DP', 'TS', 'CP', 'AG', 'OPS', 'GL'];
        const ranks = areas.map((a) => order.indexOf(a));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
});

describe('the verdict reflects what was actually known', () => {
    it('tags every result with the evidence its check needs (the catalog value)', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan());
        const byId = new Map(CHECK_SPECS.map((c) => [c.id, c.evaluatedIn]));
        for (const r of report.results) expect(r.evidence).toBe(byId.get(r.checkId));
        expect(report.results.find((r) => r.checkId === 'AG-03')?.evidence).toBe('org');
    });

    it('a metadata scan is ready as far as the metadata shows and names the checks that need the org', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan());
        expect(report.summary).toMatchObject({ verdict: 'ready', scope: ['metadata'], blockersNotEvaluated: 0 });
        expect(report.summary.outOfScopeChecks.map((c) => c.checkId)).toEqual(['CH-02', 'AG-03', 'OPS-01', 'OPS-02']);
        expect(report.summary.outOfScope).toBe(4);
    });

    it('is incomplete, not ready, when a blocker in scope could not be read (here: no permission sets in the folder)', () => {
        const report = runReadiness(withUnread(healthySnapshot(), 'permissionSets'), healthyPlan());
        expect(report.summary.blockers).toBe(0);
        expect(report.summary.verdict).toBe('incomplete');
        expect(report.summary.unevaluatedBlockers.map((b) => b.checkId)).toEqual(['CP-04', 'AG-05', 'AG-06']);
        expect(report.summary.unevaluatedBlockers[0].how).toContain('Retrieve the permission sets');
    });

    it('is incomplete when an org read could not reach the API (org-scope blockers count)', () => {
        const s = withUnread(healthySnapshot(), 'agents', 'unavailable', 'no API connection');
        s.origin = { kind: 'org', label: 'fixture org' };
        const report = runReadiness(s, healthyPlan());
        expect(report.summary.scope).toEqual(['metadata', 'org']);
        expect(report.summary.verdict).toBe('incomplete');
        expect(report.summary.unevaluatedBlockers.map((b) => b.checkId)).toContain('AG-03');
    });

    it('is not ready when a blocker fails, even with other blockers unknown', () => {
        const s = withUnread(healthySnapshot(), 'permissionSets');
        s.omniChannelSettings = readSection([{ enableOmniChannel: false }]);
        const report = runReadiness(s, healthyPlan());
        expect(report.summary.verdict).toBe('not_ready');
        expect(report.summary.blockersNotEvaluated).toBeGreaterThan(0);
    });

    it('an empty folder is incomplete, never ready', () => {
        const s = healthySnapshot();
        for (const name of ['omniChannelSettings', 'messagingChannels', 'deployments', 'queues'] as const) {
            withUnread(s, name);
        }
        const report = runReadiness(s, healthyPlan());
        expect(report.summary.verdict).toBe('incomplete');
        expect(report.summary.unevaluatedBlockers.map((b) => b.checkId)).toContain('CH-01');
    });

    it('leaves manual (person) checks out of the verdict', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan());
        expect(report.summary.manual).toBeGreaterThan(0);
        expect(report.summary.verdict).toBe('ready');
        expect(report.summary.outOfScopeChecks.some((c) => c.evidence === 'manual')).toBe(false);
    });

    it('keeps a queue-routed channel complete: its flow checks say "Nothing to check", the org is ready', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([
            { ...s.messagingChannels.items[0], sessionHandlerType: 'Queue', sessionHandlerFlow: undefined }
        ]);
        const report = runReadiness(s, healthyPlan({ routing: 'queue', preChatFields: [] }));
        const ch05 = report.results.find((r) => r.checkId === 'CH-05');
        expect(ch05?.message).toMatch(/^Nothing to check: /);
        expect(report.summary.unevaluatedBlockers).toEqual([]);
    });
});
