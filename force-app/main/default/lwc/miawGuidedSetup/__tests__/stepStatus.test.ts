import { countStep, stepStatus } from '../stepStatus';
import type { CheckResult } from 'c/miawReadinessEngine';
import { runReadiness } from 'c/miawReadinessEngine';
import { STEPS, resultsForStep } from '../guidedSetupSteps';
import { demoPlan, demoSnapshot } from './demoFixtures';

function result(checkId: string, status: CheckResult['status'], severity: CheckResult['severity']): CheckResult {
    return {
        checkId,
        title: `${checkId} title`,
        area: 'TS',
        severity,
        status,
        subject: 'org',
        message: '',
        remediation: '',
        setupPath: '',
        source: ''
    };
}

describe('stepStatus', () => {
    it('is done only when every check of the step passes', () => {
        expect(stepStatus([result('TS-01', 'pass', 'blocker'), result('TS-02', 'pass', 'warning')])).toMatchObject({
            state: 'done',
            label: 'Done',
            detail: 'all 2 checks pass',
            icon: 'utility:success'
        });
    });

    it('is blocked when a blocker fails, whatever else passes', () => {
        const status = stepStatus([
            result('TS-01', 'fail', 'blocker'),
            result('TS-01', 'fail', 'blocker'),
            result('TS-02', 'fail', 'warning'),
            result('TS-03', 'pass', 'blocker')
        ]);
        expect(status).toMatchObject({
            state: 'blocked',
            label: 'Blocked',
            detail: '2 blockers fail, 1 warning fails'
        });
        expect(status.icon).toBe('utility:error');
    });

    it('needs attention when only warnings or info checks fail', () => {
        expect(stepStatus([result('TS-02', 'fail', 'warning'), result('TS-03', 'fail', 'info')])).toMatchObject({
            state: 'attention',
            detail: '1 warning fails, 1 info check fails'
        });
    });

    it('is not evaluated when something could not be read, never done', () => {
        expect(
            stepStatus([result('TS-01', 'pass', 'blocker'), result('TS-05', 'not_evaluated', 'blocker')])
        ).toMatchObject({
            state: 'not_evaluated',
            detail: '1 check could not be read, 1 blocker among them',
            icon: 'utility:question'
        });
    });

    it('is "to confirm" while a manual item is unconfirmed, naming blocker attestations', () => {
        const gl = [
            result('GL-01', 'manual', 'blocker'),
            result('GL-02', 'manual', 'warning'),
            result('GL-03', 'manual', 'blocker'),
            result('GL-05', 'manual', 'blocker')
        ];
        expect(stepStatus(gl)).toMatchObject({
            state: 'to_confirm',
            detail: '3 blocker items to confirm (GL-01, GL-03, GL-05), 1 more'
        });
        expect(countStep(gl)).toMatchObject({ toConfirm: 4, blockersToConfirm: 3 });
        // Confirmed items (a saved run) count as done.
        const confirmed = gl.map((r) => ({ ...r, attestedAt: '2026-11-20T10:00:00.000Z' }));
        expect(stepStatus(confirmed).state).toBe('done');
    });

    it('is "not checked" before the org was read', () => {
        expect(stepStatus([], false)).toMatchObject({ state: 'not_checked', label: 'Not checked' });
    });

    it('on the needs-work demo: the trusted-sites step is blocked and the review step counts GL-01/03/05', () => {
        const results = runReadiness(demoSnapshot('needs-work'), demoPlan('needs-work')).results;
        const byStep = new Map(STEPS.map((s) => [s.id, stepStatus(resultsForStep(s, results))]));
        expect(byStep.get('trustedSites')!.state).toBe('blocked');
        const review = byStep.get('review')!;
        expect(review.state).toBe('to_confirm');
        expect(review.detail).toMatch(/^3 blocker items to confirm \(GL-01, GL-03, GL-05\)/);
        expect(
            [...byStep.values()].some((s) => s.state === 'done' && s.detail === 'no checks belong to this step')
        ).toBe(false);
    });
});
