/*
 * Exports of a readiness report, each carrying what the run was: the org (Id, name, My Domain), the run (saved run
 * Id and name, when it was checked, the tool and its version), the verdict with its scope (what was in scope, the
 * blockers not evaluated, whether the app had API access) and the setup plan.
 * - JSON: the CLI's `--format json` shape, built by the engine's toJsonReport (one builder for both tools), plus
 *   the `org` and `run` blocks and `plan`.
 * - CSV (papaparse from the static resource, so quoting, embedded newlines and spreadsheet formulas are handled by
 *   the library): one row per result, the run's metadata repeated on every row in columns of their own. A "# key,
 *   value" header block is not CSV to most readers (a spreadsheet shows it as data rows, a CSV parser takes its
 *   first line for the header), and a second file would need a second download the browser may block; repeated
 *   columns keep one valid file in which a row that was sorted, filtered or pasted elsewhere still says which org,
 *   run and verdict it belongs to.
 */
import { loadScript } from 'lightning/platformResourceLoader';
import PAPAPARSE_URL from '@salesforce/resourceUrl/papaparse';
import type { LightningElement } from 'lwc';
import type { JsonOrg, JsonReport, JsonRun, ReportSummary, SetupPlan } from 'c/miawReadinessEngine';
import {
    APP_TOOL_NAME,
    AREA_TITLES,
    REPORT_SCHEMA_VERSION,
    TOOL_VERSION,
    toJsonReport,
    toPlanFile
} from 'c/miawReadinessEngine';
import type { ReportResult } from 'c/miawReportModel';
import { SEVERITY_LABELS, STATUS_LABELS, isoDay, needsApiAccess, plural } from 'c/miawReportModel';

/** The part of papaparse used here. */
export interface PapaUnparser {
    unparse(
        data: { fields: string[]; data: string[][] },
        config?: { quotes?: boolean; escapeFormulae?: boolean; newline?: string }
    ): string;
}

/** What an export says about the run besides its results. */
export interface ExportedRun {
    recordId: string;
    name: string;
    runAt: string;
    runByName: string;
    isSignedOff: boolean;
    signedOffByName?: string;
    signedOffAt?: string;
    signOffComment?: string;
}

/** The plan the export carries, and when it was saved (to say when it changed after a saved run). */
export interface ExportedPlan {
    plan: SetupPlan;
    lastModifiedDate?: string;
    lastModifiedByName?: string;
}

export interface ExportInput {
    summary: ReportSummary;
    results: readonly ReportResult[];
    /** When the org was checked: the live check's time, or the saved run's. */
    checkedAt: string | Date;
    /** The org, when its context could be read. */
    org?: OrgContextLike | null;
    /** The saved run on screen; absent for live, unsaved results. */
    run?: ExportedRun | null;
    plan?: ExportedPlan | null;
}

/** The part of the org context an export names the org by. */
export interface OrgContextLike {
    organizationId: string;
    organizationName?: string;
    myDomainUrl: string;
}

export const CSV_FIELDS: readonly string[] = [
    'Check ID',
    'Title',
    'Area',
    'Severity',
    'Status',
    'Subject',
    'Message',
    'Remediation',
    'Setup page',
    'Source',
    'Confirmed by',
    'Confirmed at',
    // added with report schema 2: what the check needs, and the run's verdict (the same on every row, so a
    // spreadsheet filtered to a few rows still says whether the run was ready, not ready or incomplete)
    'Evidence',
    'Run verdict',
    // the run's metadata, the same on every row for the same reason
    'Verdict detail',
    'Run scope',
    'Blockers not evaluated',
    'Org ID',
    'Org name',
    'My Domain',
    'Run ID',
    'Run name',
    'Checked at',
    'Tool version',
    'Setup plan'
];

// Spreadsheets cut a cell at 32,767 characters; a longer value says where the whole of it is instead.
const MAX_CELL = 32000;
const MAX_NAMED = 20;

const SCOPE_WORDS: Record<string, string> = { metadata: 'metadata', org: 'org', manual: 'manual' };

function isoTime(value: string | Date): string {
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

function nameSome(items: readonly string[]): string {
    const shown = items.slice(0, MAX_NAMED).join(', ');
    return items.length > MAX_NAMED ? `${shown} and ${items.length - MAX_NAMED} more` : shown;
}

function blockerLabel(b: { checkId: string; subject: string }): string {
    return b.subject && b.subject !== 'org' ? `${b.checkId} (${b.subject})` : b.checkId;
}

/** "metadata and org": what the run could reach. */
export function scopeText(summary: ReportSummary): string {
    return (summary.scope ?? []).map((e) => SCOPE_WORDS[e] ?? e).join(' and ');
}

/**
 * The verdict in words with what it rests on. A run checked without API access is labelled incomplete even when
 * no blocker depended on it: results the app could not read never back a "ready".
 */
export function verdictLabel(summary: ReportSummary, resultsNeedingApiAccess: number): string {
    const unknown = [...new Set(summary.unevaluatedBlockers.map(blockerLabel))];
    const noApi =
        resultsNeedingApiAccess > 0
            ? ` Checked without API access: ${plural(resultsNeedingApiAccess, 'result')} could not be evaluated; connect the app to the org's API (Guided Setup, step 1) and check again.`
            : '';
    if (summary.verdict === 'not_ready') {
        const more = unknown.length
            ? `; ${plural(unknown.length, 'more blocker check')} could not be evaluated: ${nameSome(unknown)}`
            : '';
        return `Not ready: ${plural(summary.blockers, 'blocker')} ${summary.blockers === 1 ? 'fails' : 'fail'}${more}.${noApi}`;
    }
    if (summary.verdict === 'incomplete' || resultsNeedingApiAccess > 0) {
        const why = unknown.length
            ? ` ${plural(unknown.length, 'blocker check')} could not be evaluated: ${nameSome(unknown)}.`
            : '';
        return `Incomplete, not known to be ready:${why}${noApi}`;
    }
    return `Ready: every blocker in scope (${scopeText(summary)}) was evaluated and passed.`;
}

/** Where the plan comes from, and a warning when it changed after the saved run. */
function planSource(input: ExportInput): string | undefined {
    const saved = input.plan;
    if (!saved) return undefined;
    if (!saved.lastModifiedDate) return 'The setup plan the checks used.';
    const by = saved.lastModifiedByName ? ` by ${saved.lastModifiedByName}` : '';
    const base = `The setup plan saved ${saved.lastModifiedDate}${by}.`;
    const run = input.run;
    if (run && new Date(saved.lastModifiedDate).getTime() > new Date(run.runAt).getTime()) {
        return `${base} It changed after ${run.name} was saved, so the run may have used an earlier plan.`;
    }
    return base;
}

/** The `run` block of the JSON, and the source of the CSV's run columns. */
export function exportRun(input: ExportInput): JsonRun {
    const apiNeeded = input.results.filter(needsApiAccess).length;
    const run = input.run;
    const out: JsonRun = {
        saved: Boolean(run),
        checkedAt: isoTime(run?.runAt ?? input.checkedAt),
        verdictLabel: verdictLabel(input.summary, apiNeeded),
        apiAccess: apiNeeded === 0,
        resultsNeedingApiAccess: apiNeeded,
        isSignedOff: Boolean(run?.isSignedOff)
    };
    if (run) {
        out.id = run.recordId;
        out.name = run.name;
        out.runByName = run.runByName;
        if (run.signedOffByName) out.signedOffByName = run.signedOffByName;
        if (run.signedOffAt) out.signedOffAt = run.signedOffAt;
        if (run.signOffComment) out.signOffComment = run.signOffComment;
    }
    const source = planSource(input);
    if (source) out.planSource = source;
    return out;
}

export function exportOrg(org: OrgContextLike | null | undefined): JsonOrg | undefined {
    if (!org) return undefined;
    return { id: org.organizationId, name: org.organizationName ?? '', myDomain: org.myDomainUrl };
}

/** The JSON export as an object: the CLI's report shape plus org, run and plan. */
export function exportReport(input: ExportInput): JsonReport {
    return toJsonReport(
        { schemaVersion: REPORT_SCHEMA_VERSION, summary: input.summary, results: input.results },
        {
            tool: { name: APP_TOOL_NAME, version: TOOL_VERSION },
            org: exportOrg(input.org),
            run: exportRun(input),
            plan: input.plan ? toPlanFile(input.plan.plan) : undefined
        }
    );
}

export function buildJson(input: ExportInput): string {
    return `${JSON.stringify(exportReport(input), null, 2)}\n`;
}

function cell(text: string, whole: string): string {
    return text.length > MAX_CELL ? `Too long for a spreadsheet cell: see ${whole} in the JSON export.` : text;
}

/** The run's metadata, the same on every row: the columns after "Run verdict". */
function runColumns(input: ExportInput): string[] {
    const run = exportRun(input);
    const org = exportOrg(input.org);
    const unknown = [...new Set(input.summary.unevaluatedBlockers.map(blockerLabel))];
    const plan = input.plan ? JSON.stringify(toPlanFile(input.plan.plan)) : '';
    return [
        run.verdictLabel,
        scopeText(input.summary),
        cell(unknown.join('; '), 'summary.unevaluatedBlockers'),
        org?.id ?? '',
        org?.name ?? '',
        org?.myDomain ?? '',
        run.id ?? 'not saved',
        run.name ?? '',
        run.checkedAt,
        `${APP_TOOL_NAME} ${TOOL_VERSION}`,
        cell(plan, 'plan')
    ];
}

/** One row per result, in the columns of CSV_FIELDS. */
export function csvRows(input: ExportInput): string[][] {
    const meta = runColumns(input);
    const verdict = input.summary.verdict;
    return input.results.map((r) => [
        r.checkId,
        r.title,
        AREA_TITLES[r.area] ?? r.area,
        SEVERITY_LABELS[r.severity] ?? r.severity,
        STATUS_LABELS[r.status] ?? r.status,
        r.subject,
        r.message,
        r.remediation,
        r.setupPath,
        r.source,
        r.attestedByName ?? '',
        r.attestedAt ?? '',
        r.evidence ?? '',
        verdict,
        ...meta
    ]);
}

/**
 * The CSV text. escapeFormulae: a subject or message starting with "=", "+", "-" or "@" (an origin, a flow
 * name) must stay text when the file is opened in a spreadsheet. The byte order mark makes Excel read UTF-8.
 */
export function buildCsv(papa: PapaUnparser, input: ExportInput): string {
    const csv = papa.unparse(
        { fields: [...CSV_FIELDS], data: csvRows(input) },
        { escapeFormulae: true, newline: '\r\n' }
    );
    return `\uFEFF${csv}`;
}

/** miaw-readiness-2026-11-20.csv, dated by when the results were checked; a saved run adds its name. */
export function exportFileName(extension: 'csv' | 'json', checkedAt: string | Date, runName?: string): string {
    const run = runName ? `-${runName.replace(/[^A-Za-z0-9-]+/g, '_')}` : '';
    return `miaw-readiness-${isoDay(checkedAt)}${run}.${extension}`;
}

/** Loads papaparse from the static resource once per page and returns it. */
export async function loadPapa(component: LightningElement): Promise<PapaUnparser> {
    const host = window as unknown as { Papa?: PapaUnparser };
    if (!host.Papa) await loadScript(component, PAPAPARSE_URL);
    if (!host.Papa || typeof host.Papa.unparse !== 'function') {
        throw new Error('The CSV library (static resource "papaparse") did not load; reload the page and try again.');
    }
    return host.Papa;
}

// Long enough for the browser to start reading the blob after the click; the URL is then released.
const REVOKE_DELAY_MS = 10000;

/** Saves `content` as a file: a temporary <a download> on a blob URL (no markup is built from text). */
export function downloadFile(fileName: string, content: string, mimeType: string): void {
    const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the blob must outlive the click that reads it
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
}
