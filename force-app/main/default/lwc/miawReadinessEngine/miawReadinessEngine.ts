/*
 * The readiness engine: snapshot + plan in, report out. Pure functions, no platform imports — the
 * Lightning pages run it in the org and the miaw-readiness CLI runs the same source.
 */
import { runAgentChecks } from './checksAgents';
import { runCapacityChecks } from './checksCapacity';
import { runChannelChecks } from './checksChannel';
import { runConsoleChecks } from './checksConsole';
import { runChannelVerificationChecks } from './checksChannelVerification';
import { runDeploymentChecks } from './checksDeployment';
import { runDeploymentClientChecks } from './checksDeploymentClient';
import { runGoLiveChecks } from './checksGoLive';
import { runOperationsChecks } from './checksOperations';
import { runPreChatChecks } from './checksPreChat';
import { runPrerequisiteChecks } from './checksPrerequisites';
import { runRoutingChecks } from './checksRouting';
import { runSessionRecordChecks } from './checksSessionRecords';
import { runRoutingFlowPathChecks } from './checksRoutingFlowPaths';
import { runTrustedSiteChecks } from './checksTrustedSites';
import { AREA_ORDER, CHECK_SPECS } from './checkCatalog';
import { notEvaluated } from './checkKit';
import type { CheckContext, CheckRunner } from './checkKit';
import { REPORT_SCHEMA_VERSION, scopeForOrigin, summarize } from './result';
import type { Area, CheckResult, ReadinessReport } from './result';
import type { OrgSnapshot } from './snapshot';
import type { SetupPlan } from './setupPlan';
import { buildIndex } from './snapshotIndex';

export * from './checkCatalog';
export * from './checkKit';
export * from './checksWebsite';
export * from './corsOriginMatcher';
export * from './originParser';
export * from './result';
export * from './reportJson';
export * from './setupPaths';
export * from './setupPlan';
export * from './snapshot';
export * from './snapshotIndex';
export * from './websitePage';
export * from './pageElements';

/** Area runners in catalog order; the report keeps this order. */
export const AREA_RUNNERS: readonly CheckRunner[] = [
    runPrerequisiteChecks,
    runChannelChecks,
    runChannelVerificationChecks,
    runRoutingFlowPathChecks,
    runRoutingChecks,
    runPreChatChecks,
    runDeploymentChecks,
    runDeploymentClientChecks,
    runTrustedSiteChecks,
    runCapacityChecks,
    runAgentChecks,
    runConsoleChecks,
    runOperationsChecks,
    runSessionRecordChecks,
    runGoLiveChecks
];

/** What an area's checks need in scope; said when a check found no subject at all. */
const EMPTY_SCOPE: Readonly<Record<Area, string>> = {
    PRE: 'no org-wide setting was found',
    CH: 'no Messaging for In-App and Web channel is in scope (CH-01 says why)',
    RT: 'no queue is used by the channels in scope (CH-03, CH-04 and CH-07 name their routing)',
    PC: 'no Messaging for In-App and Web deployment is in scope (DP-01 says why)',
    DP: 'no Messaging for In-App and Web deployment is in scope (DP-01 says why)',
    TS: 'no widget origin or allowlist entry is in scope',
    CP: 'no presence data is in scope',
    AG: 'no agent, agent permission set or Messaging Session page is in scope',
    OPS: 'no session data is in scope',
    GL: 'no go-live item is in scope',
    WEB: 'no web page was probed'
};

/**
 * A check that found no subject would otherwise vanish from the report; it says instead that there was
 * nothing to check and why — never a silent pass.
 */
function withEmptyScopes(outputs: readonly CheckResult[][]): CheckResult[] {
    // Each runner's output goes to its area whole (75,000 results on the largest bench org: regrouping them one
    // by one was a visible cost); a result of another area, if any, still lands in its own area.
    const seen = new Set<string>();
    const byArea = new Map<Area, CheckResult[][]>(AREA_ORDER.map((a) => [a, []]));
    for (const output of outputs) {
        const area = output.length > 0 ? output[0].area : undefined;
        let uniform = true;
        let last = '';
        for (const r of output) {
            if (r.checkId !== last) {
                seen.add(r.checkId);
                last = r.checkId;
            }
            if (r.area !== area) uniform = false;
        }
        if (area && uniform) byArea.get(area)?.push(output);
        else for (const r of output) byArea.get(r.area)?.push([r]);
    }
    for (const spec of CHECK_SPECS) {
        // website checks run only in `miaw-readiness probe` (runWebsiteReport), never in a scan of the org
        if (seen.has(spec.id) || spec.evaluatedIn === 'website') continue;
        byArea
            .get(spec.area)
            ?.push([
                notEvaluated(
                    spec.id,
                    'scope',
                    `Not evaluated: ${EMPTY_SCOPE[spec.area]}.`,
                    'Name the channel and deployment in the setup plan, or retrieve them into the scanned folder, and run the check again.'
                )
            ]);
    }
    return ([] as CheckResult[]).concat(...AREA_ORDER.flatMap((a) => byArea.get(a) ?? []));
}

export function runReadiness(snapshot: OrgSnapshot, plan: SetupPlan): ReadinessReport {
    const ctx: CheckContext = { snapshot, plan, index: buildIndex(snapshot, plan) };
    const results = withEmptyScopes(AREA_RUNNERS.map((run) => run(ctx)));
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        summary: summarize(results, scopeForOrigin(snapshot.origin.kind)),
        results
    };
}
