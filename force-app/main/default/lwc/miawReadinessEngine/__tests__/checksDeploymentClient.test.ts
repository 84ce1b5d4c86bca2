import { runDeploymentClientChecks } from '../checksDeploymentClient';
import type { CheckResult } from '../result';
import type { EmbeddedServiceDeployment, OrgSnapshot } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runDeploymentClientChecks(contextFor(snapshot, plan));
}

function only(results: CheckResult[]): CheckResult {
    expect(results).toHaveLength(1);
    expect(results[0].checkId).toBe('DP-09');
    return results[0];
}

function deployment(s: OrgSnapshot): EmbeddedServiceDeployment {
    return s.deployments.items[0];
}

describe('DP-09 the deployment states its web client version', () => {
    it('passes when the deployment is on Enhanced Web Chat v2 (as exported: <clientVersion>WebV2</clientVersion>)', () => {
        const s = healthySnapshot();
        deployment(s).clientVersion = 'WebV2';
        const r = only(run(s));
        expect(r).toMatchObject({ status: 'pass', subject: 'Web_Chat_Site', severity: 'info' });
        expect(r.message).toBe('Deployment "Web_Chat_Site" uses Enhanced Web Chat v2.');
    });

    it('fails, as information only, when the deployment is on Enhanced Web Chat v1', () => {
        const s = healthySnapshot();
        deployment(s).clientVersion = 'WebV1';
        const r = only(run(s));
        expect(r).toMatchObject({ status: 'fail', severity: 'info' });
        expect(r.message).toContain('uses Enhanced Web Chat v1 (clientVersion WebV1)');
        expect(r.remediation).toContain('created by a script or a metadata deploy');
        expect(r.location?.file).toBe('EmbeddedServiceConfig/Web_Chat_Site.EmbeddedServiceConfig-meta.xml');
    });

    it('is not evaluated when the deployment does not state its client version', () => {
        const r = only(run(healthySnapshot()));
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('does not state which web client it uses');
    });

    it('has nothing to check on a mobile deployment', () => {
        const s = healthySnapshot();
        deployment(s).deploymentType = 'Mobile';
        const r = only(run(s));
        expect(r.status).toBe('pass');
        expect(r.message).toMatch(/^Nothing to check: deployment "Web_Chat_Site" is a Mobile deployment/);
    });

    it('has nothing to check when no MIAW deployment is in scope', () => {
        const s = healthySnapshot();
        s.deployments.items = [];
        const r = only(run(s));
        expect(r.status).toBe('pass');
        expect(r.message).toMatch(/^Nothing to check: /);
    });

    it('is not evaluated when the deployments were not read', () => {
        expect(only(run(withUnread(healthySnapshot(), 'deployments'))).status).toBe('not_evaluated');
    });
});
