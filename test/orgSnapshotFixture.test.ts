/*
 * The org-snapshot fixtures (what MiawSnapshotController.getSnapshot returns, connected, for the two demo orgs) are
 * valid OrgSnapshots and lead the engine to the same verdict as the CLI on the demos' metadata. The local preview
 * serves them as the fake getSnapshot.
 */
import { readDemo, readDemoPlan } from './support/demoOrgs';
import type { Demo } from './support/demoOrgs';
import { CHECK_SPECS, runReadiness } from '../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import type { ReadinessReport } from '../force-app/main/default/lwc/miawReadinessEngine/result';
import { SNAPSHOT_SECTIONS } from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { OrgSnapshot } from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import needsWork from './fixtures/org-snapshots/needs-work.json';
import ready from './fixtures/org-snapshots/ready.json';

// Typed imports: tsc -p tsconfig.cli.json rejects a fixture whose shape drifts from OrgSnapshot.
const FIXTURES: Record<Demo, OrgSnapshot> = {
    'needs-work': needsWork as OrgSnapshot,
    ready: ready as OrgSnapshot
};

const STATES = ['read', 'not_in_source', 'unavailable', 'not_present', 'no_permission', 'error'];
const METADATA_CHECKS = new Set(CHECK_SPECS.filter((s) => s.evaluatedIn === 'metadata').map((s) => s.id));
const BLOCKERS = new Set(CHECK_SPECS.filter((s) => s.severity === 'blocker').map((s) => s.id));

function failingBlockers(report: ReadinessReport): string[] {
    return [
        ...new Set(
            report.results
                .filter((r) => r.status === 'fail' && BLOCKERS.has(r.checkId) && METADATA_CHECKS.has(r.checkId))
                .map((r) => r.checkId)
        )
    ].sort();
}

describe.each(Object.keys(FIXTURES) as Demo[])('org snapshot fixture %s', (example) => {
    const fixture = FIXTURES[example];

    it('is an org snapshot with every section in a known state and record Ids as sources', () => {
        expect(fixture.origin.kind).toBe('org');
        expect(fixture.schemaVersion).toBe(1);
        for (const name of SNAPSHOT_SECTIONS) {
            const section = fixture[name];
            expect(STATES).toContain(section.state);
            expect(Array.isArray(section.items)).toBe(true);
        }
        const unexplained = SNAPSHOT_SECTIONS.filter((name) => fixture[name].state !== 'read' && !fixture[name].reason);
        expect(unexplained).toEqual([]);
        for (const queue of fixture.queues.items) {
            expect(queue.id).toMatch(/^00G[0-9A-Za-z]{15}$/);
            expect(queue.memberCount).toEqual(expect.any(Number));
        }
        for (const ps of fixture.permissionSets.items) expect(ps.assigneeCount).toEqual(expect.any(Number));
        for (const agent of fixture.agents.items) expect(agent.source?.recordId).toMatch(/^005/);
        expect(fixture.sessionSignals.state).toBe('read');
        expect(JSON.stringify(fixture)).not.toMatch(/"file":/);
    });

    it('gives the CLI verdict on the demo metadata, with the same failing blockers', () => {
        const demo = readDemo(example);
        const fromMetadata = runReadiness(demo.snapshot, demo.plan);
        const fromOrg = runReadiness(fixture, demo.plan);
        expect(fromOrg.summary.verdict).toBe(fromMetadata.summary.verdict);
        // Queue membership is org data: the org fails RT-03 where the demo metadata (no queueMembers) cannot tell.
        const orgOnly = example === 'needs-work' ? ['RT-03'] : [];
        expect(failingBlockers(fromOrg).filter((id) => !orgOnly.includes(id))).toEqual(failingBlockers(fromMetadata));
        for (const id of orgOnly) expect(failingBlockers(fromOrg)).toContain(id);
        // The org reads apps, required fields, validation rules and triggers too: same AG-08/OPS-03/OPS-04 answers.
        const statusOf = (report: ReadinessReport, id: string) =>
            report.results.filter((r) => r.checkId === id).map((r) => r.status);
        for (const id of ['AG-08', 'OPS-03', 'OPS-04']) {
            expect(statusOf(fromOrg, id)).toEqual(statusOf(fromMetadata, id));
        }
    });
});

it('the ready fixture is ready and evaluates what only the org can answer', () => {
    const report = runReadiness(FIXTURES.ready, readDemoPlan('ready'));
    expect(report.summary.verdict).toBe('ready');
    const statusOf = (id: string) => report.results.filter((r) => r.checkId === id).map((r) => r.status);
    expect(statusOf('AG-03')).toEqual(['pass']);
    expect(statusOf('OPS-01')).toEqual(['pass']);
    expect(statusOf('CH-02')).not.toContain('not_evaluated');
});

it('the needs-work fixture reports its live signals', () => {
    const report = runReadiness(FIXTURES['needs-work'], readDemoPlan('needs-work'));
    expect(report.results.find((r) => r.checkId === 'OPS-01')?.status).toBe('fail');
    expect(report.results.find((r) => r.checkId === 'OPS-02')?.status).toBe('fail');
});

it('reports agents per permission set and per gap, not one result per agent', () => {
    const subjects = (example: Demo, id: string) =>
        runReadiness(FIXTURES[example], readDemoPlan(example))
            .results.filter((r) => r.checkId === id)
            .map((r) => `${r.status} ${r.subject}`);
    expect(subjects('ready', 'AG-05')).toEqual(['pass Permission set Acme_Chat_Agent']);
    expect(subjects('ready', 'AG-06')).toEqual(['pass Permission set Acme_Chat_Agent']);
    expect(subjects('ready', 'CP-04')).toEqual(['pass Acme_Chat_Agent', 'pass agents']);
    // The planted Messaging User gap (read without edit on Acme_Chat_Agent) names its three agents in one warning.
    expect(subjects('needs-work', 'AG-07')).toEqual(['fail Agents without edit on Messaging Users']);
});
