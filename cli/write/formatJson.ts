/*
 * JSON: the README "JSON output" shape (schemaVersion 2), built by the engine's toJsonReport — the same function
 * the in-org Readiness Report exports with, so the CLI and the app write one schema. The CLI adds `tool` (name and
 * version), `plan` (the plan the scan used, --domain origins included, in the --plan file shape) and `problems`
 * (read problems); the probe adds `summary.pages` (the pages it looked at); `org` and `run` are the app's (a folder scan knows neither its org nor a saved run). Nothing
 * time- or machine-dependent, so two runs on the same input print the same bytes.
 */
import { toJsonReport } from '../../force-app/main/default/lwc/miawReadinessEngine/reportJson';
import type { JsonReport } from '../../force-app/main/default/lwc/miawReadinessEngine/reportJson';
import type { ReadinessReport } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import { toPlanFile } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { FormatContext } from './formatContext';

export type { JsonReport, JsonResult } from '../../force-app/main/default/lwc/miawReadinessEngine/reportJson';

/** The name in the report's `tool` block. */
export const CLI_TOOL_NAME = 'miaw-readiness';

export function cliJsonReport(
    report: ReadinessReport,
    ctx: Pick<FormatContext, 'problems'> & Partial<Pick<FormatContext, 'toolVersion' | 'plan' | 'pages'>>
): JsonReport {
    return toJsonReport(report, {
        tool: ctx.toolVersion ? { name: CLI_TOOL_NAME, version: ctx.toolVersion } : undefined,
        plan: ctx.plan ? toPlanFile(ctx.plan) : undefined,
        // the probe's report says which pages it is about
        pages: ctx.pages,
        problems: ctx.problems
    });
}

export function formatJson(report: ReadinessReport, ctx: FormatContext): string {
    return JSON.stringify(cliJsonReport(report, ctx), null, 2) + '\n';
}
