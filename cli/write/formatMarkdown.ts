/*
 * Markdown for a pull-request comment (GitHub, GitLab): verdict line in words (no emoji), a summary
 * table, failures per area as tables, not-evaluated and manual items folded in <details>, read problems.
 * Everything from metadata or the plan is escaped: a `|` would split a table cell, `<` could open HTML,
 * `@` would mention someone. GitHub rejects comments over 65,536 characters, so the output is cut at a
 * row boundary with a note saying how many results were left out.
 */
import { AREA_TITLES } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import type { CheckResult, ReadinessReport } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import {
    checkLabel,
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

export const MARKDOWN_LIMIT = 65536;

/**
 * Escapes text for inline Markdown (including table cells): backslash-escapes CommonMark punctuation that
 * can start markup, turns newlines into <br> so a cell stays on its row.
 */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\\`*_[\]<>|~@#&]/g, (c) => `\\${c}`).replace(/\r?\n/g, '<br>');
}

/** A Setup path or file path as code; `|` still needs escaping inside a GFM table cell, backticks cannot appear. */
function code(text: string): string {
    return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;
}

/** A block the size cap may cut: `open` and `close` are kept whole, `items` are cut at an item boundary. */
interface Block {
    open: string;
    items: string[];
    close: string;
    /** How many results each item stands for, to count what a cut left out. */
    weights?: number[];
}

function summaryBlock(report: ReadinessReport, ctx: FormatContext): Block {
    const s = report.summary;
    const info = failingInfo(report);
    const scanned = ctx.sourceDirs.map(code).join(', ') || 'the source folder';
    const plan = ctx.planFile ? ` with plan ${code(ctx.planFile)}` : ' without a plan file';
    const rows = [
        `| Blockers failing | ${s.blockers} |`,
        `| Warnings failing | ${s.warnings} |`,
        ...(info ? [`| Info failing | ${info} |`] : []),
        `| Passed | ${s.passed} |`,
        `| Not evaluated | ${s.notEvaluated} |`,
        `| Blockers not evaluated | ${s.blockersNotEvaluated} |`,
        `| Manual | ${s.manual} |`,
        ...(ctx.problems.length ? [`| Read problems | ${ctx.problems.length} |`] : [])
    ];
    return {
        open: [
            `## MIAW readiness: ${verdictWords(s)}`,
            '',
            `**Verdict: ${verdictWords(s)}** (${plural(s.blockers, 'blocker')} and ${plural(s.warnings, 'warning')} failing). ${ctx.pages ? scannedSentence(ctx, code) : `Scanned ${scanned}${plan}`}.`,
            '',
            escapeMarkdown(verdictHeadline(s)),
            '',
            '| Result | Count |',
            '| --- | ---: |',
            ...rows,
            '',
            ''
        ].join('\n'),
        items: [],
        close: ''
    };
}

function failureRow(r: CheckResult): string {
    const finding = [escapeMarkdown(r.message)];
    const file = fileRef(r.location);
    if (file) finding.push(`File: ${code(file)}`);
    const fix = [escapeMarkdown(r.remediation || '-')];
    if (r.setupPath) fix.push(`Setup: ${code(r.setupPath)}`);
    const severity = r.severity[0].toUpperCase() + r.severity.slice(1);
    return `| ${severity} | **${r.checkId}** ${escapeMarkdown(r.title)} | ${escapeMarkdown(r.subject)} | ${finding.join('<br>')} | ${fix.join('<br>')} |\n`;
}

function failureBlocks(report: ReadinessReport): Block[] {
    const groups = failuresByArea(report);
    if (groups.length === 0) return [{ open: '### Failing checks\n\nNo failing checks.\n\n', items: [], close: '' }];
    return groups.map(([area, list], i) => ({
        open:
            (i === 0 ? '### Failing checks\n\n' : '') +
            `#### ${escapeMarkdown(AREA_TITLES[area] ?? area)}\n\n| Severity | Check | Subject | Finding | Fix |\n| --- | --- | --- | --- | --- |\n`,
        items: list.map(failureRow),
        close: '\n'
    }));
}

function notEvaluatedBlock(report: ReadinessReport): Block | undefined {
    const groups = notEvaluatedByReason(report);
    if (groups.length === 0) return undefined;
    const count = groups.reduce((n, g) => n + g.results.length, 0);
    return {
        open: `<details>\n<summary>Not evaluated (${count})</summary>\n\n`,
        items: groups.map(
            (g) =>
                `- ${escapeMarkdown(g.reason)}<br>Checks: ${g.results.map((r) => escapeMarkdown(checkLabel(r))).join(', ')}` +
                (g.how ? `<br>How: ${escapeMarkdown(g.how)}` : '') +
                '\n'
        ),
        weights: groups.map((g) => g.results.length),
        close: '\n</details>\n\n'
    };
}

function manualBlock(report: ReadinessReport): Block | undefined {
    const manual = report.results.filter((r) => r.status === 'manual');
    if (manual.length === 0) return undefined;
    return {
        open: `<details>\n<summary>Manual checks to confirm before go-live (${manual.length})</summary>\n\n`,
        items: manual.map((r) => {
            const subject = r.subject && r.subject !== 'org' ? ` (${escapeMarkdown(r.subject)})` : '';
            const todo = r.remediation || r.message;
            return `- [ ] **${r.checkId}** ${escapeMarkdown(r.title)}${subject}, ${r.severity}${todo ? `: ${escapeMarkdown(todo)}` : ''}\n`;
        }),
        close: '\n</details>\n\n'
    };
}

function problemBlock(ctx: FormatContext): Block | undefined {
    if (ctx.problems.length === 0) return undefined;
    return {
        open: `### Read problems (${ctx.problems.length})\n\nThese files could not be read; checks that need them are not evaluated.\n\n`,
        items: ctx.problems.map((p) => `- ${code(fileRef(p) ?? p.file)}: ${escapeMarkdown(p.message)}\n`),
        weights: ctx.problems.map(() => 0),
        close: '\n'
    };
}

/**
 * Joins blocks up to `limit` characters. A block that does not fit keeps its opening, as many items as
 * fit and its closing (so a <details> is always closed); later blocks are dropped. The note says how
 * many results are not shown.
 */
export function fitBlocks(blocks: readonly Block[], limit: number): string {
    const full = blocks.map((b) => b.open + b.items.join('') + b.close).join('');
    if (full.length <= limit) return full;
    const note = (n: number): string =>
        `\n_Report truncated to fit a comment: ${n} more result(s) not shown. Run miaw-readiness --format json for the full report._\n`;
    const reserve = note(999999).length;
    let out = '';
    let omitted = 0;
    let cut = false;
    for (const b of blocks) {
        const weight = (i: number): number => b.weights?.[i] ?? 1;
        if (cut || out.length + b.open.length + b.close.length + reserve > limit) {
            cut = true;
            omitted += b.items.reduce((n, _item, i) => n + weight(i), 0);
            continue;
        }
        out += b.open;
        let i = 0;
        while (i < b.items.length && out.length + b.items[i].length + b.close.length + reserve <= limit) {
            out += b.items[i];
            i++;
        }
        for (let j = i; j < b.items.length; j++) omitted += weight(j);
        if (i < b.items.length) cut = true;
        out += b.close;
    }
    return out + note(omitted);
}

export function formatMarkdown(report: ReadinessReport, ctx: FormatContext, limit = MARKDOWN_LIMIT): string {
    const blocks: Block[] = [summaryBlock(report, ctx), ...failureBlocks(report)];
    for (const b of [notEvaluatedBlock(report), manualBlock(report), problemBlock(ctx)]) if (b) blocks.push(b);
    return fitBlocks(blocks, limit);
}
