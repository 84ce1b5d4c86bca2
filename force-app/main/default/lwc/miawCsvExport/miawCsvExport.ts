/*
 * Exports of a readiness report: CSV through papaparse (loaded from the static resource, so quoting, embedded
 * newlines and spreadsheet formulas are handled by the library, not by hand) and JSON in the CLI's shape
 * ({schemaVersion, summary, results}), handed to the browser as a file through a blob URL.
 */
import { loadScript } from 'lightning/platformResourceLoader';
import PAPAPARSE_URL from '@salesforce/resourceUrl/papaparse';
import type { LightningElement } from 'lwc';
import type { ReadinessReport, ReportSummary } from 'c/miawReadinessEngine';
import { AREA_TITLES, REPORT_SCHEMA_VERSION } from 'c/miawReadinessEngine';
import type { ReportResult } from 'c/miawReportModel';
import { SEVERITY_LABELS, STATUS_LABELS, isoDay } from 'c/miawReportModel';

/** The part of papaparse used here. */
export interface PapaUnparser {
    unparse(
        data: { fields: string[]; data: string[][] },
        config?: { quotes?: boolean; escapeFormulae?: boolean; newline?: string }
    ): string;
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
    'Run verdict'
];

/** One row per result, in the columns of CSV_FIELDS. */
export function csvRows(results: readonly ReportResult[], verdict = ''): string[][] {
    return results.map((r) => [
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
        verdict
    ]);
}

/**
 * The CSV text. escapeFormulae: a subject or message starting with "=", "+", "-" or "@" (an origin, a flow
 * name) must stay text when the file is opened in a spreadsheet. The byte order mark makes Excel read UTF-8.
 */
export function buildCsv(papa: PapaUnparser, results: readonly ReportResult[], verdict = ''): string {
    const csv = papa.unparse(
        { fields: [...CSV_FIELDS], data: csvRows(results, verdict) },
        { escapeFormulae: true, newline: '\r\n' }
    );
    return `\uFEFF${csv}`;
}

/** Who saved and signed the run, added to the JSON of a saved run (the schema allows added fields). */
export interface ExportedRun {
    name: string;
    runAt: string;
    runByName: string;
    isSignedOff: boolean;
    signedOffByName?: string;
    signedOffAt?: string;
    signOffComment?: string;
}

export interface ExportedReport extends ReadinessReport {
    run?: ExportedRun;
}

/** The CLI's --format json shape; a saved run adds `run`. */
export function buildJson(summary: ReportSummary, results: readonly ReportResult[], run?: ExportedRun): string {
    const report: ExportedReport = { schemaVersion: REPORT_SCHEMA_VERSION, summary, results: [...results] };
    if (run) report.run = run;
    return `${JSON.stringify(report, null, 2)}\n`;
}

/** miaw-readiness-2026-11-20.csv, dated by when the results were checked. */
export function exportFileName(extension: 'csv' | 'json', checkedAt: string | Date): string {
    return `miaw-readiness-${isoDay(checkedAt)}.${extension}`;
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
