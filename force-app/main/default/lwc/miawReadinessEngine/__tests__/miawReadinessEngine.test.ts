import { runReadiness } from '../miawReadinessEngine';
import { CHECK_SPECS } from '../checkCatalog';
import { healthyPlan, healthySnapshot } from './fixtures';

describe('runReadiness', () => {
    it('reports a ready verdict on the healthy org, counting results as the JSON contract says', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan());
        expect(report.schemaVersion).toBe(1);
        expect(report.summary.verdict).toBe('ready');
        expect(report.summary.blockers).toBe(0);
        expect(report.summary.passed).toBe(report.results.filter((r) => r.status === 'pass').length);
    });

    it('gives every check of the catalog at least one result', () => {
        const report = runReadiness(healthySnapshot(), healthyPlan());
        const ids = new Set(report.results.map((r) => r.checkId));
        expect(CHECK_SPECS.filter((s) => !ids.has(s.id)).map((s) => s.id)).toEqual([]);
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
