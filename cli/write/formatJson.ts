/*
 * JSON: the ARCHITECTURE.md shape (schemaVersion 2: the incomplete verdict, `evidence` on results, the
 * summary's scope, blockersNotEvaluated/unevaluatedBlockers and outOfScope/outOfScopeChecks). Fields may be added, never removed or renamed —
 * so results are rebuilt field by field in contract order instead of serialising whatever the engine
 * object holds. Added: `location` on results that have one, top-level `problems` (read problems).
 * Nothing time- or machine-dependent, so two runs on the same input print the same bytes.
 */
import type { CheckResult, ReadinessReport } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import type { ReadProblem, SourceRef } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { FormatContext } from './formatContext';

export interface JsonResult {
    checkId: string;
    title: string;
    area: string;
    severity: string;
    status: string;
    subject: string;
    message: string;
    remediation: string;
    setupPath: string;
    source: string;
    location?: SourceRef;
    /** What the check needs: metadata, org or manual. */
    evidence?: string;
}

export interface JsonReport {
    schemaVersion: number;
    summary: ReadinessReport['summary'];
    results: JsonResult[];
    problems: ReadProblem[];
}

function jsonResult(r: CheckResult): JsonResult {
    const out: JsonResult = {
        checkId: r.checkId,
        title: r.title,
        area: r.area,
        severity: r.severity,
        status: r.status,
        subject: r.subject,
        message: r.message,
        remediation: r.remediation,
        setupPath: r.setupPath,
        source: r.source
    };
    if (r.location) out.location = { ...r.location };
    if (r.evidence) out.evidence = r.evidence;
    return out;
}

export function toJsonReport(report: ReadinessReport, ctx: Pick<FormatContext, 'problems' | 'pages'>): JsonReport {
    const s = report.summary;
    return {
        schemaVersion: report.schemaVersion,
        summary: {
            verdict: s.verdict,
            blockers: s.blockers,
            warnings: s.warnings,
            passed: s.passed,
            notEvaluated: s.notEvaluated,
            manual: s.manual,
            scope: [...s.scope],
            blockersNotEvaluated: s.blockersNotEvaluated,
            unevaluatedBlockers: s.unevaluatedBlockers.map((b) => ({ ...b })),
            outOfScope: s.outOfScope,
            outOfScopeChecks: s.outOfScopeChecks.map((c) => ({ ...c })),
            // the probe's report says which pages it is about
            ...(ctx.pages ? { pages: [...ctx.pages] } : {})
        },
        results: report.results.map(jsonResult),
        problems: ctx.problems.map((p) => ({ ...p }))
    };
}

export function formatJson(report: ReadinessReport, ctx: FormatContext): string {
    return JSON.stringify(toJsonReport(report, ctx), null, 2) + '\n';
}
