/*
 * SARIF 2.1.0 for GitHub code scanning (and any SARIF viewer). Only failing results become SARIF
 * results; every catalog check is a rule so alerts keep their rule text even when nothing fails.
 *
 * Locations: GitHub shows a result only when it has a physical location with region.startLine, and maps
 * artifactLocation.uri relative to the repository root (%SRCROOT%). Paths in the report are already
 * relative to the working directory (main.ts runs from the repo root in CI). A result without a file
 * of its own (org-wide findings, missing components) is anchored to the project's sfdx-project.json,
 * line 1 — the file that declares the scanned package directories — so it is still shown; when there
 * is no such file it gets no location (valid SARIF, but GitHub will not list it).
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Location, Log, Notification, ReportingConfiguration, ReportingDescriptor, Result } from 'sarif';
import { AREA_TITLES, CHECK_SPECS } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import type { CheckSpec } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import type {
    CheckResult,
    ReadinessReport,
    Severity,
    UnevaluatedBlocker
} from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import type { ReadProblem } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { FormatContext } from './formatContext';

export const SARIF_SCHEMA_URI =
    'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const FINGERPRINT_KEY = 'miawReadinessFinding/v1';

const LEVELS: Record<Severity, ReportingConfiguration.level> = { blocker: 'error', warning: 'warning', info: 'note' };

/** "The widget origin is on the CORS allowlist" → "TheWidgetOriginIsOnTheCorsAllowlist" (SARIF rule name). */
export function ruleName(title: string): string {
    return title
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase())
        .join('');
}

/**
 * A report path as a SARIF uri: relative paths percent-encoded per segment with forward slashes (so
 * GitHub maps them under %SRCROOT%); absolute paths (outside the working directory) as file:// URIs.
 */
export function artifactUri(file: string): { uri: string; uriBaseId?: string } {
    if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return { uri: pathToFileURL(file).href };
    const segments = file.replace(/\\/g, '/').replace(/^\.\//, '').split('/');
    return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function physical(file: string, line: number | undefined, message?: string): Location {
    const location: Location = {
        physicalLocation: { artifactLocation: artifactUri(file), region: { startLine: line && line > 0 ? line : 1 } }
    };
    if (message) location.message = { text: message };
    return location;
}

/** Stable across runs and line moves: the same check on the same subject is the same alert. */
export function fingerprint(r: Pick<CheckResult, 'checkId' | 'subject'>): string {
    return createHash('sha256').update(`${r.checkId}\u0000${r.subject}`).digest('hex').slice(0, 32);
}

function rule(s: CheckSpec): ReportingDescriptor {
    const area = AREA_TITLES[s.area] ?? s.area;
    const help = `${s.title}. Area: ${area}. Severity: ${s.severity}. Fix it in Setup: ${s.setupPath}. Reference: ${s.source}.`;
    return {
        id: s.id,
        name: ruleName(s.title),
        shortDescription: { text: s.title },
        fullDescription: { text: `${s.id} (${area}): ${s.title}` },
        help: {
            text: help,
            markdown: `**${s.title}**\n\nArea: ${area}. Severity: ${s.severity}.\n\nFix it in Setup: \`${s.setupPath}\`\n\nReference: ${s.source}`
        },
        defaultConfiguration: { level: LEVELS[s.severity] },
        properties: { tags: ['miaw', s.area], severity: s.severity, evaluatedIn: s.evaluatedIn }
    };
}

function resultText(r: CheckResult): string {
    const parts = [r.message];
    if (r.remediation) parts.push(`Fix: ${r.remediation}`);
    if (r.setupPath) parts.push(`Setup: ${r.setupPath}`);
    return parts.join('\n');
}

function sarifResult(r: CheckResult, ruleIndex: number, anchorFile: string | undefined): Result {
    const result: Result = {
        ruleId: r.checkId,
        level: LEVELS[r.severity],
        message: { text: resultText(r) },
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(r) },
        properties: { subject: r.subject, severity: r.severity, area: r.area, setupPath: r.setupPath }
    };
    if (ruleIndex >= 0) result.ruleIndex = ruleIndex;
    if (r.location?.file) {
        result.locations = [physical(r.location.file, r.location.line)];
    } else if (anchorFile) {
        result.locations = [physical(anchorFile, 1, `No file of its own: ${r.subject}`)];
    }
    return result;
}

function notification(p: ReadProblem): Notification {
    return {
        level: 'warning',
        message: { text: `Could not read ${p.file}: ${p.message}` },
        locations: [physical(p.file, p.line)]
    };
}

/**
 * An in-scope blocker that was not evaluated is not a finding in a file (no result, which code scanning
 * would show as an alert on a line), but the run must say it: a notification at level error, so the
 * run's verdict (incomplete) is explained where SARIF viewers list tool messages.
 */
function unevaluatedNotification(b: UnevaluatedBlocker): Notification {
    const subject = b.subject && b.subject !== 'org' ? ` (${b.subject})` : '';
    return {
        level: 'error',
        message: {
            text: `${b.checkId}${subject} was not evaluated, so the verdict is incomplete: ${b.reason} ${b.how}`.trim()
        },
        descriptor: { id: b.checkId }
    };
}

export function toSarif(report: ReadinessReport, ctx: FormatContext): Log {
    const rules = CHECK_SPECS.map(rule);
    const index = new Map(CHECK_SPECS.map((s, i) => [s.id, i]));
    const results = report.results
        .filter((r) => r.status === 'fail')
        .map((r) => sarifResult(r, index.get(r.checkId) ?? -1, ctx.anchorFile));
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: { driver: { name: 'miaw-readiness', version: ctx.toolVersion, rules } },
                invocations: [
                    {
                        executionSuccessful: true,
                        toolExecutionNotifications: [
                            ...report.summary.unevaluatedBlockers.map(unevaluatedNotification),
                            ...ctx.problems.map(notification)
                        ]
                    }
                ],
                results,
                properties: { verdict: report.summary.verdict, summary: { ...report.summary } }
            }
        ]
    };
}

export function formatSarif(report: ReadinessReport, ctx: FormatContext): string {
    return JSON.stringify(toSarif(report, ctx), null, 2) + '\n';
}
