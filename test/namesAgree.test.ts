/*
 * Names and numbers that several places state must agree, or a new admin trips over them: the check count in the
 * READMEs and the catalog, the tool version in the exports and the packages, the packaged credential's name in the
 * preview's connection messages and in the package itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CHECK_SPECS } from '../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import { TOOL_VERSION } from '../force-app/main/default/lwc/miawReadinessEngine/reportJson';
import { runReadiness } from '../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import { parseSetupPlan } from '../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { OrgSnapshot } from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { evaluate } from '../cli/evaluate/evaluate';
import { blockersOnlyInOrg, cliBlockerNote } from '../tools/preview/blockerNote';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** Every "<n> checks" a README states. */
function statedCheckCounts(text: string): number[] {
    return [...text.matchAll(/\b(\d+) checks\s+with\s+stable\s+IDs/g)].map((m) => Number(m[1]));
}

describe('names and numbers agree everywhere', () => {
    it.each(['README.md', 'packages/miaw-readiness/README.md'])('%s states the catalog’s check count', (file) => {
        const counts = statedCheckCounts(read(file));
        expect(counts.length).toBeGreaterThan(0);
        expect(counts).toEqual(counts.map(() => CHECK_SPECS.length));
    });

    it('notices a README that states another count', () => {
        expect(statedCheckCounts('runs the review checklist: 60 checks with stable IDs')).toEqual([60]);
    });

    it('the exports’ tool version is the version of both packages', () => {
        expect(JSON.parse(read('package.json')).version).toBe(TOOL_VERSION);
        expect(JSON.parse(read('packages/miaw-readiness/package.json')).version).toBe(TOOL_VERSION);
        const versionNumber: string = JSON.parse(read('sfdx-project.json')).packageDirectories[0].versionNumber;
        expect(versionNumber.replace(/\.NEXT$|\.\d+$/, '')).toBe(TOOL_VERSION);
    });

    it('the preview names the credential as the package does', () => {
        const packaged = fs
            .readdirSync(path.join(ROOT, 'force-app/main/default/externalCredentials'))
            .map((f) => f.replace(/\.externalCredential-meta\.xml$/, ''));
        expect(packaged).toEqual(['MiawSetupAssistant']);
        const preview = read('tools/preview/fakes/apex/orgState.js');
        const named = [...preview.matchAll(/External Credentials? (?:> )?"?(Miaw\w+)"?/g)].map((m) => m[1]);
        expect(named.length).toBeGreaterThan(0);
        for (const name of named) expect(packaged).toContain(name);
        expect(preview).not.toMatch(/Miaw_Setup_Assistant\b(?!_User)/);
    });

    describe('blocker counts of the CLI and the preview on the needs-work demo', () => {
        const cli = evaluate({
            cwd: ROOT,
            sourceDirs: ['examples/needs-work/force-app'],
            planFile: 'examples/needs-work/miaw-plan.json',
            domains: []
        }).report;
        const snapshot = JSON.parse(read('test/fixtures/org-snapshots/needs-work.json')) as OrgSnapshot;
        const org = runReadiness(snapshot, parseSetupPlan(JSON.parse(read('examples/needs-work/miaw-plan.json'))));
        const readme = read('README.md').replace(/\s+/g, ' ');

        it('the README states both counts and the blockers only the org shows', () => {
            const stated =
                /`npm run demo` counts (\d+) failing blockers and the preview's needs-work org \(an org snapshot of the same demo\) (\d+): (.+?) fails in the org/.exec(
                    readme
                );
            expect(stated).not.toBeNull();
            expect(Number(stated![1])).toBe(cli.summary.blockers);
            expect(Number(stated![2])).toBe(org.summary.blockers);
            const only = blockersOnlyInOrg(cli, org);
            expect(only.map((o) => o.result.checkId)).toEqual(['RT-03']);
            expect(only[0].result.subject).toBe('Acme_Order_Support');
            expect(only[0].cli?.status).toBe('not_evaluated');
            expect(stated![3]).toContain(only[0].result.checkId);
            expect(stated![3]).toContain(only[0].result.subject);
        });

        it('the preview strip explains the difference in words', () => {
            expect(cliBlockerNote(cli, org, 'needs-work')).toBe(
                `The CLI on examples/needs-work (metadata only) finds ${cli.summary.blockers} failing blockers; this org read finds ${org.summary.blockers}. Only the org shows RT-03 (Acme_Order_Support), which needs data the metadata folder does not hold (the CLI reports it not evaluated).`
            );
        });
    });
});
