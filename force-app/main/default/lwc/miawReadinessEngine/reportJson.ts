/*
 * The report JSON (schemaVersion 2) that both the CLI (`--format json`) and the in-org Readiness Report ("Export
 * JSON") write, built by this one function so the two cannot drift apart. Fields may be added, never removed or
 * renamed — so results are rebuilt field by field in contract order instead of serialising whatever the engine
 * object holds.
 *
 * Blocks beyond summary and results, each present only when the writer knows it:
 * - `tool`: who wrote the file and its version (the CLI: miaw-readiness; the app: MIAW Setup Assistant).
 * - `org`: the org the run read (Id, name, My Domain) — the app only; a folder scan does not know its org.
 * - `run`: when it was checked, the saved run's Id and name, who ran and signed it, and the verdict in words with
 *   what it rests on (`verdictLabel`, `apiAccess`) — the app only; the CLI stays byte-stable for the same input.
 * - `plan`: the setup plan the run used, in the plan-file shape `--plan` reads.
 * - `problems`: what could not be read (files or sections).
 */
import type { AttestedResult, ReportSummary } from './result';
import type { ReadProblem, SourceRef } from './snapshot';
import type { SetupPlanFile } from './setupPlan';

/**
 * The version of the engine and the tools built on it (the CLI package and the app): package.json "version", the
 * CLI's package.json and sfdx-project.json's versionNumber (test/toolVersion.test.ts holds them equal).
 */
export const TOOL_VERSION = '0.1.0';
/** The in-org app, as named in exports. */
export const APP_TOOL_NAME = 'MIAW Setup Assistant';

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
    /** A saved run's manual item, once a person confirmed it. */
    attestedByName?: string;
    attestedAt?: string;
    attestationNote?: string;
}

/** A result as the app holds it: possibly with its attestation. */
export type ExportableResult = AttestedResult;

export interface JsonTool {
    name: string;
    version: string;
}

export interface JsonOrg {
    /** The 18-character organization Id. */
    id: string;
    name: string;
    /** https://<mydomain>.my.salesforce.com */
    myDomain: string;
}

export interface JsonRun {
    /** Record Id of the saved run; absent while the results are live and unsaved. */
    id?: string;
    /** Autonumber of the saved run, e.g. RUN-000042. */
    name?: string;
    saved: boolean;
    /** ISO 8601: when the org was checked (a saved run: when it was saved). */
    checkedAt: string;
    runByName?: string;
    /** The verdict in words with what it rests on, e.g. "Incomplete: 3 blocker checks could not be evaluated …". */
    verdictLabel: string;
    /** False when results could not be evaluated because the app had no API access to the org. */
    apiAccess: boolean;
    /** How many results were not evaluated for want of API access. */
    resultsNeedingApiAccess: number;
    isSignedOff: boolean;
    signedOffByName?: string;
    signedOffAt?: string;
    signOffComment?: string;
    /** Which setup plan `plan` is, and whether it changed after the run was saved. */
    planSource?: string;
}

/** The summary as written: the report's, plus the pages a website probe looked at. */
export interface JsonSummary extends ReportSummary {
    pages?: string[];
}

export interface JsonReport {
    schemaVersion: number;
    tool?: JsonTool;
    org?: JsonOrg;
    run?: JsonRun;
    summary: JsonSummary;
    plan?: SetupPlanFile;
    results: JsonResult[];
    problems?: ReadProblem[];
}

export interface JsonReportInput {
    schemaVersion: number;
    summary: ReportSummary;
    results: readonly ExportableResult[];
}

export interface JsonReportExtras {
    tool?: JsonTool;
    org?: JsonOrg;
    run?: JsonRun;
    plan?: SetupPlanFile;
    /** `miaw-readiness probe`: the pages probed, written as `summary.pages`. */
    pages?: readonly string[];
    problems?: readonly ReadProblem[];
}

function jsonResult(r: ExportableResult): JsonResult {
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
    if (r.attestedByName) out.attestedByName = r.attestedByName;
    if (r.attestedAt) out.attestedAt = r.attestedAt;
    if (r.attestationNote) out.attestationNote = r.attestationNote;
    return out;
}

function jsonSummary(s: ReportSummary, pages: readonly string[] | undefined): JsonSummary {
    const out: JsonSummary = {
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
        outOfScopeChecks: s.outOfScopeChecks.map((c) => ({ ...c }))
    };
    if (pages) out.pages = [...pages];
    return out;
}

/** The report JSON object; key order is the documented order (schemaVersion, tool, org, run, summary, plan, results, problems). */
export function toJsonReport(report: JsonReportInput, extras: JsonReportExtras = {}): JsonReport {
    // Key order is the reading order: who wrote it, which org, which run, the verdict, then the detail.
    const out = { schemaVersion: report.schemaVersion } as JsonReport;
    if (extras.tool) out.tool = { ...extras.tool };
    if (extras.org) out.org = { ...extras.org };
    if (extras.run) out.run = { ...extras.run };
    out.summary = jsonSummary(report.summary, extras.pages);
    if (extras.plan) out.plan = JSON.parse(JSON.stringify(extras.plan)) as SetupPlanFile;
    out.results = report.results.map(jsonResult);
    if (extras.problems) out.problems = extras.problems.map((p) => ({ ...p }));
    return out;
}

/** Pretty-printed with a final newline, as both tools write it. */
export function formatJsonReport(report: JsonReportInput, extras: JsonReportExtras = {}): string {
    return `${JSON.stringify(toJsonReport(report, extras), null, 2)}\n`;
}
