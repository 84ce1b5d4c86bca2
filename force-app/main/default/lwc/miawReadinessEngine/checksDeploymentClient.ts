/*
 * DP-09 — which web client a deployment serves: Enhanced Web Chat v1 or v2 (EmbeddedServiceConfig `clientVersion`,
 * WebV1 | WebV2). Help documents the two as separate products; a deployment written by a script or a plain
 * metadata deploy may not be on the client the admin set up and tested. Informational: no source says v1 blocks
 * go-live, so a v1 deployment is surfaced for confirmation, never counted against the verdict.
 */
import { fail, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { EmbeddedServiceDeployment } from './snapshot';
import { deploymentSetupPath } from './setupPaths';

const CHECK_ID = 'DP-09';
const CLIENT_NAMES: Readonly<Record<string, string>> = {
    WebV1: 'Enhanced Web Chat v1',
    WebV2: 'Enhanced Web Chat v2'
};

export function runDeploymentClientChecks(ctx: CheckContext): CheckResult[] {
    const subject = ctx.plan.deployment ?? 'org';
    const unread = unreadSections(ctx, [CHECK_ID], ['deployments'], subject);
    if (unread) return unread;
    const deployments = ctx.index.deploymentsInScope;
    if (deployments.length === 0) {
        return [
            pass(
                CHECK_ID,
                subject,
                'Nothing to check: no Messaging for In-App and Web deployment is in scope (see DP-01).'
            )
        ];
    }
    return deployments.map(checkClientVersion);
}

// DP-09
/** Per web deployment: the client version is stated, and v1 is called out for confirmation. */
export function checkClientVersion(deployment: EmbeddedServiceDeployment): CheckResult {
    const name = deployment.developerName;
    const options = { setupPath: deploymentSetupPath(deployment.source?.recordId), location: deployment.source };
    if (deployment.deploymentType !== undefined && deployment.deploymentType !== 'Web') {
        return pass(
            CHECK_ID,
            name,
            `Nothing to check: deployment "${name}" is a ${deployment.deploymentType} deployment; the web client version applies to web deployments.`,
            options
        );
    }
    const version = deployment.clientVersion;
    if (version === undefined) {
        return notEvaluated(
            CHECK_ID,
            name,
            `Not evaluated: deployment "${name}" does not state which web client it uses (Enhanced Web Chat v1 or v2).`,
            `Open Setup > Embedded Service Deployments > ${name} and check which Enhanced Web Chat version it uses; the code snippet on the website must be the one that deployment generates.`,
            options
        );
    }
    const client = CLIENT_NAMES[version] ?? `web client "${version}"`;
    if (version === 'WebV2') {
        return pass(CHECK_ID, name, `Deployment "${name}" uses ${client}.`, options);
    }
    return fail(
        CHECK_ID,
        name,
        `Deployment "${name}" uses ${client} (clientVersion ${version}), not Enhanced Web Chat v2. Salesforce documents the two versions separately, so features and setup steps written for v2 may not apply to it.`,
        `Confirm that ${client} is the client you intend, especially if the deployment was created by a script or a metadata deploy rather than in Setup. If you set up and tested v2, switch or recreate the deployment on Enhanced Web Chat v2 (Setup > Embedded Service Deployments), publish it, and put the code snippet it generates on the website.`,
        options
    );
}
