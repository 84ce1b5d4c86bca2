/*
 * scripts/release.cjs, offline: the sf commands the release path runs with one Dev Hub given once (DEVHUB, --dev-hub
 * or the sf default), and its refusals when no Dev Hub is given or authorised. sf itself is replaced by
 * test/support/fakeSf.cjs; nothing here calls Salesforce.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts/release.cjs');
const FAKE_SF = path.join(ROOT, 'test/support/fakeSf.cjs');

function release(args: string[], env: Record<string, string | undefined> = {}) {
    const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'release-test-')), 'sf.log');
    const base: Record<string, string | undefined> = { ...process.env, SF_BIN: FAKE_SF, FAKE_SF_LOG: log };
    delete base.DEVHUB;
    delete base.SCRATCH_ORG;
    delete base.PACKAGE_VERSION_ID;
    const run = spawnSync(process.execPath, [SCRIPT, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...base, ...env }
    });
    const sfCalls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
    const wouldRun = run.stdout
        .split('\n')
        .filter((l) => l.startsWith('release: would run: '))
        .map((l) => l.replace('release: would run: ', ''));
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, wouldRun, sfCalls };
}

const VERIFY = (hub: string) => [
    'npm run release:build',
    `sf org create scratch --definition-file config/project-scratch-def.json --alias miaw-scratch --target-dev-hub ${hub} --duration-days 1 --wait 30`,
    '(in build) sf project deploy start --source-dir force-app --target-org miaw-scratch --wait 30',
    'sf org assign permset --name Miaw_Setup_Assistant_User --target-org miaw-scratch',
    'sf apex run test --target-org miaw-scratch --test-level RunLocalTests --code-coverage --result-format human --output-dir build/apex-tests --wait 30'
];

describe('release path (scripts/release.cjs)', () => {
    it('verify --dry-run prints the whole path with the Dev Hub given once in DEVHUB', () => {
        const r = release(['verify', '--dry-run'], { DEVHUB: 'my-hub' });
        expect(r.status).toBe(0);
        expect(r.wouldRun).toEqual(VERIFY('my-hub'));
        expect(r.stdout).toContain('release: would check: sf org display --target-org my-hub --json');
        expect(r.stderr).toContain('Dev Hub "my-hub" (from DEVHUB)');
        expect(r.sfCalls).toEqual([]);
    });

    it('takes the sf default Dev Hub when none is given, and --dev-hub over both', () => {
        const fromDefault = release(['verify', '--dry-run'], { FAKE_SF_DEFAULT_HUB: 'team-hub' });
        expect(fromDefault.status).toBe(0);
        expect(fromDefault.wouldRun[1]).toContain('--target-dev-hub team-hub');
        expect(fromDefault.sfCalls).toEqual(['sf config get target-dev-hub --json']);
        const explicit = release(['--dev-hub', 'other-hub', 'verify', '--dry-run'], { DEVHUB: 'my-hub' });
        expect(explicit.wouldRun[1]).toContain('--target-dev-hub other-hub');
    });

    it('refuses in words when no Dev Hub is given or set as the default', () => {
        const r = release(['verify', '--dry-run']);
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('release: No Dev Hub given. Name it once: DEVHUB=<alias> npm run release:verify');
        expect(r.wouldRun).toEqual([]);
    });

    it('fails fast, before building, when the Dev Hub is not authorised', () => {
        const r = release(['verify'], { DEVHUB: 'stale-hub' });
        expect(r.status).toBe(2);
        expect(r.stderr).toContain('The Dev Hub "stale-hub" is not authorised on this machine.');
        expect(r.stderr).toContain('No authorization information found for stale-hub.');
        expect(r.stderr).toContain('sf org login web --alias stale-hub --set-default-dev-hub');
        expect(r.sfCalls).toEqual(['sf org display --target-org stale-hub --json']);
        expect(r.stderr).not.toContain('release: build:');
    });

    it('resumes at a step, and names the steps when the step is unknown', () => {
        expect(release(['verify', '--dry-run', '--from', 'deploy'], { DEVHUB: 'h' }).wouldRun).toEqual(
            VERIFY('h').slice(2)
        );
        const bad = release(['verify', '--dry-run', '--from', 'deplyo'], { DEVHUB: 'h' });
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain('--from deplyo: no such step (steps: build, scratch, deploy, permset, test)');
    });

    it('packages, promotes and cleans up with the same Dev Hub and scratch alias', () => {
        const pkg = release(['--dry-run', 'package', '--json'], { DEVHUB: 'my-hub' });
        expect(pkg.wouldRun).toEqual([
            '(in build) sf package version create --package "MIAW Setup Assistant" --definition-file ../config/project-scratch-def.json --installation-key-bypass --code-coverage --target-dev-hub my-hub --wait 90 --json'
        ]);
        const promote = release(['--dry-run', 'promote'], {
            DEVHUB: 'my-hub',
            PACKAGE_VERSION_ID: '04t000000000001AAA'
        });
        expect(promote.wouldRun).toEqual([
            'sf package version promote --package 04t000000000001AAA --target-dev-hub my-hub --no-prompt'
        ]);
        expect(release(['--dry-run', 'promote'], { DEVHUB: 'my-hub' }).stderr).toContain(
            'PACKAGE_VERSION_ID is not set'
        );
        expect(release(['--dry-run', 'cleanup'], { SCRATCH_ORG: 'my-scratch' }).wouldRun).toEqual([
            'sf org delete scratch --target-org my-scratch --no-prompt'
        ]);
    });

    it('is what npm runs for each release script', () => {
        const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<
            string,
            string
        >;
        expect(scripts['release:verify']).toBe('node scripts/release.cjs verify');
        expect(scripts['release:package']).toBe('node scripts/release.cjs package');
        expect(scripts['release:promote']).toBe('node scripts/release.cjs promote');
        expect(scripts['release:cleanup']).toBe('node scripts/release.cjs cleanup');
        expect(Object.values(scripts).join('\n')).not.toMatch(/miaw-devhub/);
    });
});
