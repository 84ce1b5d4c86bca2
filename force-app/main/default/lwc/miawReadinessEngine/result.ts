/*
 * The result model (CHECKS.md "Result model") and the report the CLI prints as JSON
 * (ARCHITECTURE.md; fields may be added, never removed or renamed). Schema 2 added the `incomplete`
 * verdict, the per-result `evidence` and the summary's scope fields: a consumer that switched on
 * ready/not_ready must handle the third value, hence the major bump.
 */
import type { SourceRef } from './snapshot';

export type Severity = 'blocker' | 'warning' | 'info';
export type CheckStatus = 'pass' | 'fail' | 'not_evaluated' | 'manual';
export type Area = 'PRE' | 'CH' | 'RT' | 'PC' | 'DP' | 'TS' | 'CP' | 'AG' | 'OPS' | 'GL' | 'WEB';
/**
 * ready: every blocker in the run's scope was evaluated and passed. not_ready: a blocker fails.
 * incomplete: no blocker fails, but at least one in-scope blocker could not be evaluated — the tool
 * cannot say ready without that evidence.
 */
export type Verdict = 'ready' | 'not_ready' | 'incomplete';
/**
 * What a check needs to be evaluated: `metadata` (a retrieved source folder is enough), `org` (only
 * records or state read live in the org), `manual` (only a person can confirm it), `website` (the live web page,
 * read by `miaw-readiness probe`; the scan and the in-org report never run these checks).
 */
export type Evidence = 'metadata' | 'org' | 'manual' | 'website';

export const REPORT_SCHEMA_VERSION = 2;

/** A metadata scan (the CLI) can evaluate metadata checks only. */
export const METADATA_SCOPE: readonly Evidence[] = ['metadata'];
/** A read in the org covers metadata and org checks; manual ones are never computed. */
export const ORG_SCOPE: readonly Evidence[] = ['metadata', 'org'];

/** A website probe judges pages (with the org's metadata when given): its verdict counts the WEB checks only. */
export const WEBSITE_SCOPE: readonly Evidence[] = ['website'];

/** The evidence a run can reach, by what read the snapshot. */
export function scopeForOrigin(kind: 'metadata' | 'org'): Evidence[] {
    return [...(kind === 'metadata' ? METADATA_SCOPE : ORG_SCOPE)];
}

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
    /** The public documents the check rests on, by title and URL, e.g. "Salesforce Help: Configure Salesforce CORS Allowlist (https://…)". */
    source: string;
    /** Where the finding comes from, when it comes from a metadata file or an org record. */
    location?: SourceRef;
    /** What the check needs to be evaluated (the catalog's evaluatedIn); set on every engine result. */
    evidence?: Evidence;
}

/**
 * A saved run's result: a manual item carries who confirmed it and when, once a person (or, for GL-01, the
 * deploy-and-test checklist) did. The report, the exports, Guided Setup and the Apex DTO share this one shape.
 */
export interface AttestedResult extends CheckResult {
    attestedByName?: string;
    attestedAt?: string;
    attestationNote?: string;
}

/** An in-scope blocker that was not evaluated: why, and how to get its data. */
export interface UnevaluatedBlocker {
    checkId: string;
    title: string;
    subject: string;
    /** Why it was not evaluated (the result message). */
    reason: string;
    /** How to get the data (the result remediation). */
    how: string;
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
    /** The evidence this run could reach: ['metadata'] for a folder scan, ['metadata', 'org'] in the org. */
    scope: Evidence[];
    /** In-scope blocker results that were not evaluated (each makes the verdict at best incomplete). */
    blockersNotEvaluated: number;
    unevaluatedBlockers: UnevaluatedBlocker[];
    /** Checks (distinct IDs) that need evidence outside this run's scope, manual ones excluded. */
    outOfScope: number;
    outOfScopeChecks: Array<{ checkId: string; title: string; evidence: Evidence }>;
}

export interface ReadinessReport {
    schemaVersion: number;
    summary: ReportSummary;
    results: CheckResult[];
}

/** A result without an evidence field (an older stored run) is taken as metadata, or manual when it is manual. */
export function evidenceOf(r: CheckResult): Evidence {
    return r.evidence ?? (r.status === 'manual' ? 'manual' : 'metadata');
}

/**
 * Counts as ARCHITECTURE.md defines them (failing info results count in none of them) and the verdict:
 * not_ready when a blocker fails; else incomplete when an in-scope blocker was not evaluated; else ready.
 * Manual (person-scope) checks never enter the computed verdict; sign-off gates on them separately.
 */
export function summarize(results: readonly CheckResult[], scope: readonly Evidence[] = ORG_SCOPE): ReportSummary {
    let blockers = 0;
    let warnings = 0;
    let passed = 0;
    let notEvaluated = 0;
    let manual = 0;
    const unevaluatedBlockers: UnevaluatedBlocker[] = [];
    const outOfScopeChecks = new Map<string, { checkId: string; title: string; evidence: Evidence }>();
    for (const r of results) {
        const evidence = evidenceOf(r);
        const inScope = scope.includes(evidence);
        if (!inScope && evidence !== 'manual' && !outOfScopeChecks.has(r.checkId)) {
            outOfScopeChecks.set(r.checkId, { checkId: r.checkId, title: r.title, evidence });
        }
        if (r.status === 'fail') {
            if (r.severity === 'blocker') blockers++;
            else if (r.severity === 'warning') warnings++;
        } else if (r.status === 'pass') passed++;
        else if (r.status === 'not_evaluated') {
            notEvaluated++;
            if (inScope && r.severity === 'blocker') {
                unevaluatedBlockers.push({
                    checkId: r.checkId,
                    title: r.title,
                    subject: r.subject,
                    reason: r.message,
                    how: r.remediation
                });
            }
        } else manual++;
    }
    const verdict: Verdict = blockers > 0 ? 'not_ready' : unevaluatedBlockers.length > 0 ? 'incomplete' : 'ready';
    return {
        verdict,
        blockers,
        warnings,
        passed,
        notEvaluated,
        manual,
        scope: [...scope],
        blockersNotEvaluated: unevaluatedBlockers.length,
        unevaluatedBlockers,
        outOfScope: outOfScopeChecks.size,
        outOfScopeChecks: [...outOfScopeChecks.values()]
    };
}

const SEVERITY_RANK: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };

/** True when a failing result is at or above the threshold (`never` is never reached). */
export function failsAt(result: CheckResult, threshold: Severity | 'never'): boolean {
    if (threshold === 'never' || result.status !== 'fail') return false;
    return SEVERITY_RANK[result.severity] <= SEVERITY_RANK[threshold];
}
