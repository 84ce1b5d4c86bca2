/*
 * Writes build/preview/data/<org>.json for the preview's fake org: the snapshot getSnapshot serves and the plan
 * getSetupPlan serves as already saved.
 * - needs-work, ready: test/fixtures/org-snapshots/<org>.json (what the Apex layer returns for the demo orgs); the
 *   plan is examples/<org>/miaw-plan.json.
 * - large: bench/syntheticOrg.ts at a scale that yields about 1,000 results, to measure the report.
 * Run with tsx: `npx tsx tools/preview/prepareData.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runReadiness } from '../../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import { parseSetupPlan, toPlanFile } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { OrgSnapshot } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { SetupPlanFile } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import { syntheticPlan, syntheticSnapshot } from '../../bench/syntheticOrg';
import { evaluate } from '../../cli/evaluate/evaluate';
import { cliBlockerNote } from './blockerNote';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(path.resolve(process.env.PREVIEW_OUT || path.join(ROOT, 'build', 'preview')), 'data');
/**
 * Scale of bench/syntheticOrg.ts giving ~1,000 results with a 50-origin plan: 20 channels, 50 trusted sites and 500
 * agents (the most the in-org read lists one by one), whose results are grouped per permission set.
 */
const LARGE_SCALE = 0.01;

interface PreviewOrg {
    label: string;
    source: string;
    context: { myDomain: string; organizationId: string; organizationName: string };
    snapshot: OrgSnapshot;
    /** As saveSetupPlan stores it: the plan-file shape. */
    plan: SetupPlanFile;
    /** Why the CLI on the demo's metadata counts other blockers than the org read (shown in the preview strip). */
    cliNote?: string;
}

function demoOrg(name: 'needs-work' | 'ready', label: string): PreviewOrg {
    const fixture = path.join('test', 'fixtures', 'org-snapshots', `${name}.json`);
    const planFile = path.join(ROOT, 'examples', name, 'miaw-plan.json');
    const snapshot = JSON.parse(fs.readFileSync(path.join(ROOT, fixture), 'utf8')) as OrgSnapshot;
    const plan = parseSetupPlan(JSON.parse(fs.readFileSync(planFile, 'utf8')));
    const cli = evaluate({
        cwd: ROOT,
        sourceDirs: [path.join('examples', name, 'force-app')],
        planFile: path.join('examples', name, 'miaw-plan.json'),
        domains: []
    }).report;
    return {
        cliNote: cliBlockerNote(cli, runReadiness(snapshot, plan), name),
        label,
        source: fixture,
        context: { myDomain: 'acme-outdoor', organizationId: '00D5e000000AcmeEAQ', organizationName: 'Acme Outdoor' },
        snapshot,
        plan: toPlanFile(plan)
    };
}

function largeOrg(): PreviewOrg {
    const { snapshot } = syntheticSnapshot(LARGE_SCALE);
    return {
        label: 'Large synthetic org',
        source: `bench/syntheticOrg.ts at scale ${LARGE_SCALE}`,
        context: {
            myDomain: 'brand-portfolio',
            organizationId: '00D5e000000BrndEAQ',
            organizationName: 'Brand Portfolio Holdings'
        },
        snapshot,
        plan: toPlanFile(syntheticPlan(50))
    };
}

fs.mkdirSync(OUT, { recursive: true });
const orgs: Record<string, PreviewOrg> = {
    'needs-work': demoOrg('needs-work', 'Acme Outdoor (needs work)'),
    ready: demoOrg('ready', 'Acme Outdoor (ready)'),
    large: largeOrg()
};
for (const [name, org] of Object.entries(orgs)) {
    const report = runReadiness(org.snapshot, parseSetupPlan(org.plan));
    const s = report.summary;
    // What the screens must show for this org, for the e2e (the fakes ignore it).
    const failing = report.results.filter((r) => r.status === 'fail' && r.severity === 'blocker');
    const named = failing.find((r) => r.subject && r.subject !== 'org') ?? failing[0];
    const expected = {
        summary: s,
        results: report.results.length,
        manualTitles: report.results.filter((r) => r.status === 'manual').map((r) => r.title),
        failingBlocker: named ? { checkId: named.checkId, title: named.title, subject: named.subject } : null
    };
    fs.writeFileSync(path.join(OUT, `${name}.json`), JSON.stringify({ ...org, expected }));
    console.log(
        `preview data: ${name} from ${org.source}: ${report.results.length} results, ${s.verdict} ` +
            `(${s.blockers} blockers, ${s.warnings} warnings, ${s.passed} passed, ${s.notEvaluated} not evaluated, ${s.manual} manual)`
    );
}
