/*
 * The result model (CHECKS.md "Result model") and the report the CLI prints as JSON
 * (ARCHITECTURE.md: schemaVersion 1; fields may be added, never removed or renamed).
 */
import type { SourceRef } from './snapshot';

export type Severity = 'blocker' | 'warning' | 'info';
export type CheckStatus = 'pass' | 'fail' | 'not_evaluated' | 'manual';
export type Area = 'PRE' | 'CH' | 'RT' | 'PC' | 'DP' | 'TS' | 'CP' | 'AG' | 'OPS' | 'GL';
export type Verdict = 'ready' | 'not_ready';

export const REPORT_SCHEMA_VERSION = 1;

export interface CheckResult {
    checkId: string;
    title: string;
    area: Area;
    severity: Severity;
    status: CheckStatus;
    /** What the result is about: a channel, a deployment, a widget origin, a queue… ("org" when org-wide). */
    subject: string;
    /** Names the subject and says what was found. For not_evaluated: why, and how to get the data. */
    message: string;
    /** What to do, in plain words (empty on a pass). */
    remediation: string;
    /** Setup page path to fix it, e.g. /lightning/setup/CorsWhitelistEntries/home. */
    setupPath: string;
    /** Source reference: seed/guide lines, e.g. "000 checklist; 002 L973-981". */
    source: string;
    /** Where the finding comes from, when it comes from a metadata file or an org record. */
    location?: SourceRef;
}

export interface ReportSummary {
    verdict: Verdict;
    /** Failing results of severity blocker. */
    blockers: number;
    /** Failing results of severity warning. */
    warnings: number;
    passed: number;
    notEvaluated: number;
    manual: number;
}

export interface ReadinessReport {
    schemaVersion: number;
    summary: ReportSummary;
    results: CheckResult[];
}

/** Counts as ARCHITECTURE.md defines them: failing info results count in none of them. */
export function summarize(results: readonly CheckResult[]): ReportSummary {
    let blockers = 0;
    let warnings = 0;
    let passed = 0;
    let notEvaluated = 0;
    let manual = 0;
    for (const r of results) {
        if (r.status === 'fail') {
            if (r.severity === 'blocker') blockers++;
            else if (r.severity === 'warning') warnings++;
        } else if (r.status === 'pass') passed++;
        else if (r.status === 'not_evaluated') notEvaluated++;
        else manual++;
    }
    return { verdict: blockers > 0 ? 'not_ready' : 'ready', blockers, warnings, passed, notEvaluated, manual };
}

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };

/** True when a failing result is at or above the threshold (`never` is never reached). */
export function failsAt(result: CheckResult, threshold: Severity | 'never'): boolean {
    if (threshold === 'never' || result.status !== 'fail') return false;
    return SEVERITY_RANK[result.severity] <= SEVERITY_RANK[threshold];
}
