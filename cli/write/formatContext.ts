/*
 * What every formatter gets besides the report, and the small helpers they share (grouping, ordering,
 * counts). Formatters are pure: report + context in, text out — main.ts decides where the text goes.
 */
import { AREA_ORDER } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import type {
    Area,
    CheckResult,
    ReadinessReport,
    ReportSummary,
    Severity
} from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import type { ReadProblem } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { SetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';

export type OutputFormat = 'text' | 'json' | 'junit' | 'sarif' | 'markdown';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'junit', 'sarif', 'markdown'];

export interface FormatContext {
    /** miaw-readiness version (package.json), for SARIF tool.driver.version. */
    toolVersion: string;
    /** Scanned folders as shown to the user: relative to cwd with forward slashes when inside it. */
    sourceDirs: string[];
    /** The plan file as shown to the user, when one was given. */
    planFile?: string;
    /** The plan the scan used (the plan file plus --domain origins); the JSON report carries it. */
    plan?: SetupPlan;
    /** `miaw-readiness probe`: the pages probed, as given. The report is then about the website, not a folder. */
    pages?: string[];
    /** Read problems from the snapshot; paths already relative to cwd like result locations. */
    problems: ReadProblem[];
    /** ANSI colour in the text format (TTY, no --no-color, no NO_COLOR). */
    color: boolean;
    /**
     * SARIF: the file to anchor results that have no file of their own (GitHub code scanning drops
     * results without a location). Relative to cwd; absent when there is no sensible file.
     */
    anchorFile?: string;
}

export const SEVERITY_ORDER: readonly Severity[] = ['blocker', 'warning', 'info'];

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };

/** Stable sort: blockers, then warnings, then info; engine order within a severity. */
export function bySeverity(results: readonly CheckResult[]): CheckResult[] {
    return results
        .map((r, i) => ({ r, i }))
        .sort((a, b) => SEVERITY_RANK[a.r.severity] - SEVERITY_RANK[b.r.severity] || a.i - b.i)
        .map((x) => x.r);
}

/** Results grouped by area in catalog order; empty areas are left out. Unknown areas go last. */
export function groupByArea(results: readonly CheckResult[]): Array<[Area, CheckResult[]]> {
    const groups = new Map<Area, CheckResult[]>();
    for (const r of results) {
        const list = groups.get(r.area) ?? [];
        list.push(r);
        groups.set(r.area, list);
    }
    const rank = (a: Area): number => {
        const i = AREA_ORDER.indexOf(a);
        return i < 0 ? AREA_ORDER.length : i;
    };
    return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}

/** Failing results grouped by area, blockers first within each area. */
export function failuresByArea(report: ReadinessReport): Array<[Area, CheckResult[]]> {
    return groupByArea(report.results.filter((r) => r.status === 'fail')).map(([area, list]) => [
        area,
        bySeverity(list)
    ]);
}

export interface ReasonGroup {
    /** Why the checks were not evaluated (the result message). */
    reason: string;
    /** How to get the data (the result remediation). */
    how: string;
    results: CheckResult[];
}

/**
 * not_evaluated results grouped by identical reason + how-to: one unread section typically produces
 * the same reason for many checks, and repeating it per check drowns the report.
 */
export function notEvaluatedByReason(report: ReadinessReport): ReasonGroup[] {
    const groups = new Map<string, ReasonGroup>();
    for (const r of report.results) {
        if (r.status !== 'not_evaluated') continue;
        const key = `${r.message}\u0000${r.remediation}`;
        const group = groups.get(key) ?? { reason: r.message, how: r.remediation, results: [] };
        group.results.push(r);
        groups.set(key, group);
    }
    return [...groups.values()];
}

/** "TS-01" or "TS-01 (https://x)" when the subject is not the whole org. */
export function checkLabel(r: CheckResult): string {
    return r.subject && r.subject !== 'org' ? `${r.checkId} (${r.subject})` : r.checkId;
}

export function plural(n: number, one: string, many = `${one}s`): string {
    return `${n} ${n === 1 ? one : many}`;
}

/** Failing info results (counted nowhere in the summary), so the text can still mention them. */
export function failingInfo(report: ReadinessReport): number {
    return report.results.filter((r) => r.status === 'fail' && r.severity === 'info').length;
}

/** "2 blockers, 1 warning failing; 40 passed, 5 not evaluated, 5 manual" */
export function countsSentence(summary: ReportSummary): string {
    const failing = `${plural(summary.blockers, 'blocker')}, ${plural(summary.warnings, 'warning')} failing`;
    return `${failing}; ${summary.passed} passed, ${summary.notEvaluated} not evaluated, ${summary.manual} manual`;
}

const VERDICT_WORDS: Record<ReportSummary['verdict'], string> = {
    ready: 'READY',
    not_ready: 'NOT READY',
    incomplete: 'INCOMPLETE'
};

export function verdictWords(summary: ReportSummary): string {
    return VERDICT_WORDS[summary.verdict] ?? summary.verdict.toUpperCase();
}

const EVIDENCE_WORDS: Record<string, string> = {
    metadata: 'the metadata',
    org: 'the org',
    manual: 'a person',
    website: 'the website'
};

/**
 * The verdict in one sentence that says what it rests on:
 * "READY as far as the metadata shows — 3 checks need the org: CH-02 (The messaging channel is active), …"
 * "INCOMPLETE — 2 blocker checks could not be evaluated: CH-01 (org), …"
 */
export function verdictHeadline(summary: ReportSummary): string {
    const words = verdictWords(summary);
    const manual = summary.manual > 0 ? ` ${plural(summary.manual, 'manual check')} remain to confirm.` : '';
    if (summary.verdict === 'not_ready') {
        const unknown = summary.blockersNotEvaluated
            ? `; ${plural(summary.blockersNotEvaluated, 'more blocker check')} could not be evaluated`
            : '';
        return `${words} — ${plural(summary.blockers, 'blocker')} failing${unknown}.${manual}`;
    }
    if (summary.verdict === 'incomplete') {
        const list = summary.unevaluatedBlockers
            .map((b) => (b.subject && b.subject !== 'org' ? `${b.checkId} (${b.subject})` : b.checkId))
            .join(', ');
        return `${words} — ${plural(summary.blockersNotEvaluated, 'blocker check')} could not be evaluated: ${list}. No blocker fails, but ready needs them evaluated.${manual}`;
    }
    const outside = summary.outOfScopeChecks ?? [];
    if (outside.length === 0) return `${words} — every blocker was evaluated and passed.${manual}`;
    const shown = summary.scope.map((e) => EVIDENCE_WORDS[e] ?? e).join(' and ');
    const needs = [...new Set(outside.map((c) => c.evidence))].map((e) => EVIDENCE_WORDS[e] ?? e).join(' or ');
    const list = outside.map((c) => `${c.checkId} (${c.title})`).join(', ');
    return `${words} as far as ${shown} shows — ${plural(outside.length, 'check')} ${outside.length === 1 ? 'needs' : 'need'} ${needs}: ${list}.${manual}`;
}

/** The probe's "what was looked at": "Probed 2 pages (https://a, https://b) against force-app with plan p.json". */
export function scannedSentence(ctx: FormatContext, show: (text: string) => string = (t) => t): string {
    const pages = ctx.pages ?? [];
    const plan = ctx.planFile ? ` with plan ${show(ctx.planFile)}` : '';
    const org = ctx.sourceDirs.length
        ? ` against ${ctx.sourceDirs.map(show).join(', ')}${plan}`
        : `${plan}, without the org's metadata`;
    return `Probed ${plural(pages.length, 'page')} (${pages.map(show).join(', ')})${org}`;
}

/** "file:line" for a location or problem, or undefined when it has no file. */
export function fileRef(loc: { file?: string; line?: number } | undefined): string | undefined {
    if (!loc?.file) return undefined;
    return loc.line ? `${loc.file}:${loc.line}` : loc.file;
}
