/*
 * The check catalog as the product's public document (docs/checks.md). Generated from checkCatalog.ts so the two
 * cannot drift: `npm run docs:checks` rewrites the file and test/checksDoc.test.ts fails when it is stale.
 */
import {
    AREA_ORDER,
    AREA_TITLES,
    CHECK_SPECS,
    RETIRED_CHECKS,
    type CheckSpec
} from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';

const EVIDENCE: Record<CheckSpec['evaluatedIn'], string> = {
    metadata: 'metadata',
    org: 'org data',
    manual: 'a person',
    website: 'the website (`probe`)'
};

/** A table cell: pipes would end the cell, line breaks the row. */
function cell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function areaTable(specs: readonly CheckSpec[]): string[] {
    const rows = specs.map(
        (s) =>
            `| ${s.id} | ${s.severity} | ${cell(s.title)} | ${EVIDENCE[s.evaluatedIn]} | \`${s.setupPath}\` | ${cell(s.source)} |`
    );
    return ['| ID | Severity | Check | Evidence | Setup page | Source |', '|---|---|---|---|---|---|', ...rows];
}

const INTRO = `# The readiness check catalog

<!-- Generated from force-app/main/default/lwc/miawReadinessEngine/checkCatalog.ts by \`npm run docs:checks\`.
     Do not edit by hand: test/checksDoc.test.ts fails when this file and the catalog disagree. -->

Every check MIAW Setup Assistant runs, in the Readiness Report and in the \`miaw-readiness\` CLI, with a stable ID.
The IDs are a public contract: the JSON output, the sign-off history and pipelines name checks by ID. An ID is never
reused: a check whose meaning changes gets a new ID and the old one is listed under "Retired IDs".

## Results

- **One result per check per subject** (a channel, a deployment, a widget origin, a queue…), so a report says *which*
  domain lacks a CORS entry, not only that one does. A check with nothing in scope still reports one result saying so.
- **Severity**: \`blocker\` — the chat will not work or sessions will be lost; \`warning\` — it works, against guidance
  or fragile; \`info\` — worth knowing.
- **Status**: \`pass\`, \`fail\`, \`not_evaluated\` (the data could not be read: the message says why and how to get it),
  \`manual\` (only a person can confirm it; the sign-off records who and when).
- A failing result carries the subject, what was found, the fix in plain words, the Setup page and the source.

## Evidence

Each check needs one kind of evidence:

- **metadata** — configuration a retrieved metadata folder holds; the CLI and the org both evaluate it.
- **org data** — only the org knows it (active flags, assignments, licences, live sessions); evaluated in the org.
- **a person** — an attestation confirmed at sign-off.
- **the website** — the live web page where the chat should appear, read by \`miaw-readiness probe <url>\` (WEB
  checks; compared with the org's metadata when the probe is given \`--source-dir\`). The scan and the in-org report
  never run them.

Each result carries it as \`evidence\` (\`metadata\`, \`org\`, \`manual\` or \`website\`). A run's **scope** follows what
read the configuration: a metadata scan (the CLI) covers \`metadata\` checks; a read in the org covers \`metadata\` and
\`org\` checks; a website probe covers \`website\` checks only. Person checks are never part of the computed verdict:
they gate the sign-off separately.

A check that has nothing to check because the configuration does not use its feature (a channel that routes to a
queue has no routing flow; a deployment without a pre-chat form) passes with a message that starts "Nothing to
check:", so a complete configuration is not reported as incomplete.

## Verdict

- **ready** — every blocker in the run's scope was evaluated and passed. From a metadata scan this means "ready as far
  as the metadata shows"; the report names the checks that need the org.
- **not_ready** — at least one blocker fails.
- **incomplete** — no blocker fails, but at least one blocker in scope could not be evaluated (its metadata type is not
  in the folder, the org's API connection is missing…). The report names each one and how to get its data. The CLI
  exits 1 on it unless \`--allow-incomplete\` is given; the app refuses sign-off.

The JSON report is \`schemaVersion: 2\`: version 2 added the \`incomplete\` verdict (a consumer that switched on
\`ready\`/\`not_ready\` must handle it), \`evidence\` on each result, and \`scope\`, \`blockersNotEvaluated\`,
\`unevaluatedBlockers\`, \`outOfScope\` and \`outOfScopeChecks\` in the summary. No field was removed or renamed.
`;

export function formatCatalogMarkdown(): string {
    const lines: string[] = [INTRO];
    lines.push(`## Checks (${CHECK_SPECS.length})`, '');
    for (const area of AREA_ORDER) {
        const specs = CHECK_SPECS.filter((s) => s.area === area);
        if (specs.length === 0) continue;
        lines.push(`### ${area} — ${AREA_TITLES[area]}`, '', ...areaTable(specs), '');
    }
    lines.push('## Retired IDs', '');
    if (RETIRED_CHECKS.length === 0) {
        lines.push('None yet.', '');
    } else {
        lines.push('| ID | Was | Why | Replaced by |', '|---|---|---|---|');
        for (const r of RETIRED_CHECKS) {
            lines.push(`| ${r.id} | ${cell(r.title)} | ${cell(r.reason)} | ${r.replacedBy ?? '—'} |`);
        }
        lines.push('');
    }
    return lines.join('\n');
}
