/*
 * The readiness engine: snapshot + plan in, report out. Pure functions, no platform imports — the
 * Lightning pages run it in the org and the miaw-readiness CLI runs the same source.
 */
import { runAgentChecks } from './checksAgents';
import { runCapacityChecks } from './checksCapacity';
import { runChannelChecks } from './checksChannel';
import { runDeploymentChecks } from './checksDeployment';
import { runGoLiveChecks } from './checksGoLive';
import { runOperationsChecks } from './checksOperations';
import { runPreChatChecks } from './checksPreChat';
import { runPrerequisiteChecks } from './checksPrerequisites';
import { runRoutingChecks } from './checksRouting';
import { runTrustedSiteChecks } from './checksTrustedSites';
import type { CheckContext, CheckRunner } from './checkKit';
import { REPORT_SCHEMA_VERSION, summarize } from './result';
import type { ReadinessReport } from './result';
import type { OrgSnapshot } from './snapshot';
import type { SetupPlan } from './setupPlan';
import { buildIndex } from './snapshotIndex';

export * from './checkCatalog';
export * from './checkKit';
export * from './corsOriginMatcher';
export * from './originParser';
export * from './result';
export * from './setupPaths';
export * from './setupPlan';
export * from './snapshot';
export * from './snapshotIndex';

/** Area runners in catalog order; the report keeps this order. */
export const AREA_RUNNERS: readonly CheckRunner[] = [
    runPrerequisiteChecks,
    runChannelChecks,
    runRoutingChecks,
    runPreChatChecks,
    runDeploymentChecks,
    runTrustedSiteChecks,
    runCapacityChecks,
    runAgentChecks,
    runOperationsChecks,
    runGoLiveChecks
];

export function runReadiness(snapshot: OrgSnapshot, plan: SetupPlan): ReadinessReport {
    const ctx: CheckContext = { snapshot, plan, index: buildIndex(snapshot, plan) };
    const results = AREA_RUNNERS.flatMap((run) => run(ctx));
    return { schemaVersion: REPORT_SCHEMA_VERSION, summary: summarize(results), results };
}
