/*
 * Text: what an admin reads in a terminal. Verdict first, then what to fix (by area, blockers first),
 * then what could not be checked, what a person must confirm, and files the reader could not parse.
 * Lines are wrapped at 100 columns; colour is decided by the caller (TTY, --no-color, NO_COLOR).
 */
import { AREA_TITLES } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import type {
    CheckResult,
    ReadinessReport,
    Severity
} from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import {
    checkLabel,
    countsSentence,
    failingInfo,
    failuresByArea,
    fileRef,
    notEvaluatedByReason,
    plural,
    scannedSentence,
    verdictHeadline,
    verdictWords
} from './formatContext';
import type { FormatContext } from './formatContext';

const WIDTH = 100;
const DETAIL_INDENT = '      ';
/** "Subject: " is the longest detail label. */
const LABEL_WIDTH = 9;

type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'green' | 'cyan';
const ANSI: Record<Style, string> = { bold: '1', dim: '2', red: '31', yellow: '33', green: '32', cyan: '36' };

type Paint = (style: Style, text: string) => string;

function painter(color: boolean): Paint {
    return color ? (style, text) => `\u001b[${ANSI[style]}m${text}\u001b[0m` : (_style, text) => text;
}

/**
 * Word-wraps plain text to `width`, first line after `first`, following lines after `rest`. Words longer
 * than a line (URLs, paths) stay whole: a broken URL is worse than a long line.
 */
export function wrap(text: string, first: string, rest: string, width = WIDTH): string[] {
    const out: string[] = [];
    let prefix = first;
    for (const paragraph of text.split(/\r?\n/)) {
        let line = prefix;
        let empty = true;
        for (const word of paragraph.split(/\s+/).filter(Boolean)) {
            if (!empty && line.length + 1 + word.length > width) {
                out.push(line);
                line = rest + word;
            } else {
                line += (empty ? '' : ' ') + word;
            }
            empty = false;
        }
        out.push(line.trimEnd());
        prefix = rest;
    }
    return out;
}

const SEVERITY_STYLE: Record<Severity, Style> = { blocker: 'red', warning: 'yellow', info: 'cyan' };

/** "Fix:   …" with the label coloured and the text wrapped under itself. */
function labelled(paint: Paint, label: string, text: string): string[] {
    const head = `${DETAIL_INDENT}${label.padEnd(LABEL_WIDTH)}`;
    const lines = wrap(text, head, ' '.repeat(head.length));
    lines[0] = DETAIL_INDENT + paint('dim', label.padEnd(LABEL_WIDTH)) + lines[0].slice(head.length);
    return lines;
}

function failureLines(r: CheckResult, paint: Paint): string[] {
    const tag = `[${r.severity.toUpperCase()}]`;
    const heading = wrap(`${tag} ${r.checkId} ${r.title}`, '  ', '  ' + ' '.repeat(tag.length + 1));
    heading[0] = '  ' + paint(SEVERITY_STYLE[r.severity], tag) + paint('bold', heading[0].slice(2 + tag.length));
    const lines = [...heading];
    if (r.subject && r.subject !== 'org') lines.push(...labelled(paint, 'Subject:', r.subject));
    lines.push(...wrap(r.message, DETAIL_INDENT, DETAIL_INDENT));
    if (r.remediation) lines.push(...labelled(paint, 'Fix:', r.remediation));
    if (r.setupPath) lines.push(...labelled(paint, 'Setup:', r.setupPath));
    const file = fileRef(r.location);
    if (file) lines.push(...labelled(paint, 'File:', file));
    return lines;
}

function headerLines(report: ReadinessReport, ctx: FormatContext, paint: Paint): string[] {
    const s = report.summary;
    const colour: Style = s.verdict === 'ready' ? 'green' : s.verdict === 'incomplete' ? 'yellow' : 'red';
    const verdict = paint(colour, paint('bold', verdictWords(s)));
    const info = failingInfo(report);
    const counts = countsSentence(s) + (info ? ` (+${info} info)` : '');
    const lines = [`${verdict}  ${counts}`, ...wrap(verdictHeadline(s), '', '  ')];
    const scanned = ctx.sourceDirs.length ? `Scanned ${ctx.sourceDirs.join(', ')}` : 'Scanned';
    const what = ctx.pages
        ? scannedSentence(ctx)
        : ctx.planFile
          ? `${scanned} with plan ${ctx.planFile}`
          : `${scanned} without a plan file`;
    lines.push(...wrap(what, '', '  ').map((l) => paint('dim', l)));
    return lines;
}

function failureSection(report: ReadinessReport, paint: Paint): string[] {
    const groups = failuresByArea(report);
    if (groups.length === 0) return ['', paint('green', 'No failing checks.')];
    const total = groups.reduce((n, [, list]) => n + list.length, 0);
    const lines = ['', paint('bold', `Failing checks (${total})`)];
    for (const [area, list] of groups) {
        lines.push('', paint('bold', AREA_TITLES[area] ?? area));
        for (const r of list) lines.push(...failureLines(r, paint));
    }
    return lines;
}

function notEvaluatedSection(report: ReadinessReport, paint: Paint): string[] {
    const groups = notEvaluatedByReason(report);
    if (groups.length === 0) return [];
    const count = groups.reduce((n, g) => n + g.results.length, 0);
    const lines = ['', paint('bold', `Not evaluated (${count})`)];
    for (const g of groups) {
        lines.push(...wrap(g.reason, '  - ', '    '));
        lines.push(
            ...wrap(`Checks: ${g.results.map(checkLabel).join(', ')}`, '    ', '    ').map((l) => paint('dim', l))
        );
        if (g.how) lines.push(...wrap(`How: ${g.how}`, '    ', '    '));
    }
    return lines;
}

function manualSection(report: ReadinessReport, paint: Paint): string[] {
    const manual = report.results.filter((r) => r.status === 'manual');
    if (manual.length === 0) return [];
    const lines = ['', paint('bold', `Manual checks (${manual.length}): confirm these before go-live`)];
    for (const r of manual) {
        const subject = r.subject && r.subject !== 'org' ? ` (${r.subject})` : '';
        lines.push(...wrap(`[ ] ${r.checkId} ${r.title}${subject} [${r.severity}]`, '  ', '      '));
        const todo = r.remediation || r.message;
        if (todo) lines.push(...wrap(todo, DETAIL_INDENT, DETAIL_INDENT).map((l) => paint('dim', l)));
    }
    return lines;
}

function problemSection(ctx: FormatContext, paint: Paint): string[] {
    if (ctx.problems.length === 0) return [];
    const lines = [
        '',
        paint('bold', `Read problems (${ctx.problems.length})`),
        ...wrap('These files could not be read; checks that need them are not evaluated.', '  ', '  ').map((l) =>
            paint('dim', l)
        )
    ];
    for (const p of ctx.problems) {
        const ref = fileRef(p) ?? p.file;
        const wrapped = wrap(`${ref}: ${p.message}`, '  - ', '    ');
        // a path with spaces may have been wrapped; then it stays uncoloured rather than mis-coloured
        if (wrapped[0].startsWith(`  - ${ref}`)) {
            wrapped[0] = '  - ' + paint('yellow', ref) + wrapped[0].slice(4 + ref.length);
        }
        lines.push(...wrapped);
    }
    return lines;
}

export function formatText(report: ReadinessReport, ctx: FormatContext): string {
    const paint = painter(ctx.color);
    const lines = [
        ...headerLines(report, ctx, paint),
        ...failureSection(report, paint),
        ...notEvaluatedSection(report, paint),
        ...manualSection(report, paint),
        ...problemSection(ctx, paint)
    ];
    const s = report.summary;
    const closing = s.verdict === 'ready' ? 'Ready' : s.verdict === 'incomplete' ? 'Incomplete' : 'Not ready';
    const unknown = s.blockersNotEvaluated ? `, ${plural(s.blockersNotEvaluated, 'blocker')} not evaluated` : '';
    lines.push('', `${closing}: ${plural(s.blockers, 'blocker')}, ${plural(s.warnings, 'warning')}${unknown}.`);
    return lines.join('\n') + '\n';
}
