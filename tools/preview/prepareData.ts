/*
 * Writes build/preview/data/<org>.json for the preview's fake org: the snapshot getSnapshot serves and the plan
 * getSetupPlan serves as already saved.
 * - needs-work, ready: test/fixtures/org-snapshots/<org>.json (the Apex-shaped fixtures) when present, else the
 *   CLI's metadata reader on examples/<org>/force-app; the plan is examples/<org>/miaw-plan.json.
 * - large: bench/syntheticOrg.ts at a scale that yields about 1,000 results, to measure the report.
 * Run with tsx: `npx tsx tools/preview/prepareData.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readMetadataFolder } from '../../cli/read/metadataReader';
import { runReadiness } from '../../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import { parseSetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { OrgSnapshot } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { SetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import { syntheticPlan, syntheticSnapshot } from '../../bench/syntheticOrg';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(path.resolve(process.env.PREVIEW_OUT || path.join(ROOT, 'build', 'preview')), 'data');
/** Scale of bench/syntheticOrg.ts giving ~1,000 results with a 50-origin plan. */
const LARGE_SCALE = 0.005;

interface PreviewOrg {
    label: string;
    source: string;
    context: { myDomain: string; organizationId: string };
    snapshot: OrgSnapshot;
    /** As saved by saveSetupPlan: origins as {origin, environment}, no derived fields. */
    plan: Record<string, unknown>;
}

/** The plan as the screens would save it: the engine's environmentSource is derived, not stored. */
function storedPlan(plan: SetupPlan): Record<string, unknown> {
    return JSON.parse(
        JSON.stringify({
            ...plan,
            widgetOrigins: plan.widgetOrigins.map((o) => ({ origin: o.origin, environment: o.environment }))
        })
    ) as Record<string, unknown>;
}

function demoOrg(name: 'needs-work' | 'ready', label: string): PreviewOrg {
    const fixture = path.join(ROOT, 'test', 'fixtures', 'org-snapshots', `${name}.json`);
    const example = path.join(ROOT, 'examples', name);
    const fromFixture = fs.existsSync(fixture);
    const snapshot = fromFixture
        ? (JSON.parse(fs.readFileSync(fixture, 'utf8')) as OrgSnapshot)
        : readMetadataFolder(path.join(example, 'force-app'));
    const planInput: unknown = JSON.parse(fs.readFileSync(path.join(example, 'miaw-plan.json'), 'utf8'));
    return {
        label,
        source: fromFixture
            ? path.relative(ROOT, fixture)
            : `${path.relative(ROOT, example)}/force-app (CLI reader; no fixture yet)`,
        context: { myDomain: 'acme-outdoor', organizationId: '00D5e000000AcmeEAQ' },
        snapshot,
        plan: storedPlan(parseSetupPlan(planInput))
    };
}

function largeOrg(): PreviewOrg {
    const { snapshot } = syntheticSnapshot(LARGE_SCALE);
    return {
        label: 'Large synthetic org',
        source: `bench/syntheticOrg.ts at scale ${LARGE_SCALE}`,
        context: { myDomain: 'brand-portfolio', organizationId: '00D5e000000BrndEAQ' },
        snapshot,
        plan: storedPlan(syntheticPlan(50))
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
