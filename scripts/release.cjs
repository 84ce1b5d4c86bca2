#!/usr/bin/env node
// The release path with one Dev Hub, given once (docs/release.md):
//   DEVHUB=my-hub npm run release:verify        (or: node scripts/release.cjs verify --dev-hub my-hub)
//   npm run release:verify                      (no DEVHUB: the sf default, `sf config set target-dev-hub=my-hub`)
// verify: checks the Dev Hub is authorised, builds, creates the scratch org, deploys build/force-app, assigns the
// permission set, runs the local Apex tests with coverage. package / promote / cleanup use the same Dev Hub.
// --dry-run prints each sf command (and its folder) instead of running it; test/release.test.ts asserts them.
// Every sf flag here was checked against the Salesforce CLI Command Reference (docs/sources.md, "Package self-test").
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { Command } = require('commander');

const ROOT = path.resolve(__dirname, '..');
const BUILD = path.join(ROOT, 'build');
const PACKAGE_NAME = 'MIAW Setup Assistant';
const PERMISSION_SET = 'Miaw_Setup_Assistant_User';
const SCRATCH_DEFINITION = 'config/project-scratch-def.json';
const DEFAULT_SCRATCH = 'miaw-scratch';

class ReleaseError extends Error {
    constructor(message, exitCode = 1) {
        super(message);
        this.exitCode = exitCode;
    }
}

const sfBin = () => process.env.SF_BIN || 'sf';
/** Progress goes to stderr, so `release:package -- --json` leaves stdout to sf's JSON (release.yml reads it). */
const say = (line) => console.error(`release: ${line}`);

/** Runs sf for its JSON answer (read-only calls: config, org display); null when sf is missing or fails. */
function sfJson(args) {
    const run = spawnSync(sfBin(), [...args, '--json'], { cwd: ROOT, encoding: 'utf8' });
    if (run.error && run.error.code === 'ENOENT') {
        throw new ReleaseError(
            'The Salesforce CLI (sf) is not installed or not on PATH. Install it on Node 22: ' +
                'npm install --global @salesforce/cli (docs/release.md, "The Salesforce CLI").',
            2
        );
    }
    try {
        return { status: run.status, json: JSON.parse(run.stdout) };
    } catch {
        return { status: run.status, json: null };
    }
}

/** --dev-hub, else DEVHUB, else the sf default target-dev-hub; a clear refusal when none is set. */
function resolveDevHub(option) {
    if (option) return { devHub: option, from: '--dev-hub' };
    if (process.env.DEVHUB) return { devHub: process.env.DEVHUB, from: 'DEVHUB' };
    const answer = sfJson(['config', 'get', 'target-dev-hub']);
    const entry = Array.isArray(answer.json?.result)
        ? answer.json.result.find((r) => r && r.name === 'target-dev-hub')
        : null;
    if (entry && typeof entry.value === 'string' && entry.value) {
        return { devHub: entry.value, from: 'sf config target-dev-hub' };
    }
    throw new ReleaseError(
        'No Dev Hub given. Name it once: DEVHUB=<alias> npm run release:verify, or make it the sf default: ' +
            'sf org login web --alias <alias> --set-default-dev-hub (docs/release.md, "One-time setup").',
        2
    );
}

/** Fails fast, before building anything, when the Dev Hub is not authorised on this machine. */
function checkDevHub(devHub) {
    const answer = sfJson(['org', 'display', '--target-org', devHub]);
    if (answer.status !== 0 || !answer.json || answer.json.status !== 0) {
        const said = answer.json?.message ? ` sf said: ${answer.json.message}` : '';
        throw new ReleaseError(
            `The Dev Hub "${devHub}" is not authorised on this machine.${said} Log in once: ` +
                `sf org login web --alias ${devHub} --set-default-dev-hub (docs/release.md, "One-time setup").`,
            2
        );
    }
}

/** The verify path: each step's command, in order. cwd is relative to the repository. */
function verifySteps(devHub, scratch) {
    return [
        { name: 'build', cmd: 'npm', args: ['run', 'release:build'], cwd: '.' },
        {
            name: 'scratch',
            cmd: 'sf',
            args: [
                'org',
                'create',
                'scratch',
                '--definition-file',
                SCRATCH_DEFINITION,
                '--alias',
                scratch,
                '--target-dev-hub',
                devHub,
                '--duration-days',
                '1',
                '--wait',
                '30'
            ],
            cwd: '.'
        },
        {
            name: 'deploy',
            cmd: 'sf',
            args: ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', scratch, '--wait', '30'],
            cwd: 'build'
        },
        {
            name: 'permset',
            cmd: 'sf',
            args: ['org', 'assign', 'permset', '--name', PERMISSION_SET, '--target-org', scratch],
            cwd: '.'
        },
        {
            name: 'test',
            cmd: 'sf',
            args: [
                'apex',
                'run',
                'test',
                '--target-org',
                scratch,
                '--test-level',
                'RunLocalTests',
                '--code-coverage',
                '--result-format',
                'human',
                '--output-dir',
                'build/apex-tests',
                '--wait',
                '30'
            ],
            cwd: '.'
        }
    ];
}

function packageSteps(devHub, extra) {
    return [
        {
            name: 'package',
            cmd: 'sf',
            args: [
                'package',
                'version',
                'create',
                '--package',
                PACKAGE_NAME,
                '--definition-file',
                `../${SCRATCH_DEFINITION}`,
                '--installation-key-bypass',
                '--code-coverage',
                '--target-dev-hub',
                devHub,
                '--wait',
                '90',
                ...extra
            ],
            cwd: 'build'
        }
    ];
}

function promoteSteps(devHub, versionId) {
    if (!versionId) {
        throw new ReleaseError('PACKAGE_VERSION_ID is not set: PACKAGE_VERSION_ID=04t… npm run release:promote', 2);
    }
    return [
        {
            name: 'promote',
            cmd: 'sf',
            args: ['package', 'version', 'promote', '--package', versionId, '--target-dev-hub', devHub, '--no-prompt'],
            cwd: '.'
        }
    ];
}

function cleanupSteps(scratch) {
    return [
        {
            name: 'cleanup',
            cmd: 'sf',
            args: ['org', 'delete', 'scratch', '--target-org', scratch, '--no-prompt'],
            cwd: '.'
        }
    ];
}

/** One printable line per step: `(in build) sf project deploy start …`, arguments with spaces quoted. */
function describe(step) {
    const quote = (a) => (/[\s"']/.test(a) ? JSON.stringify(a) : a);
    return `${step.cwd === '.' ? '' : `(in ${step.cwd}) `}${[step.cmd, ...step.args].map(quote).join(' ')}`;
}

function run(steps, { dryRun, from }) {
    let start = 0;
    if (from) {
        start = steps.findIndex((s) => s.name === from);
        if (start < 0) {
            throw new ReleaseError(`--from ${from}: no such step (steps: ${steps.map((s) => s.name).join(', ')})`, 2);
        }
    }
    for (const step of steps.slice(start)) {
        if (dryRun) {
            console.log(`release: would run: ${describe(step)}`);
            continue;
        }
        say(`${step.name}: ${describe(step)}`);
        const cmd = step.cmd === 'sf' ? sfBin() : step.cmd;
        const result = spawnSync(cmd, step.args, { cwd: path.join(ROOT, step.cwd), stdio: 'inherit' });
        if (result.error || result.status !== 0) {
            const why = result.error ? result.error.message : `exit code ${result.status}`;
            throw new ReleaseError(
                `step "${step.name}" failed (${why}). Fix it, then resume with: npm run release:verify -- --from ${step.name}`
            );
        }
    }
}

function main(argv) {
    const program = new Command()
        .name('release')
        .description('Build, verify in a scratch org, package and promote, with one Dev Hub (docs/release.md).')
        .option('--dev-hub <alias>', 'Dev Hub alias or username (default: $DEVHUB, then sf config target-dev-hub)')
        .option('--scratch <alias>', 'scratch org alias', process.env.SCRATCH_ORG || DEFAULT_SCRATCH)
        .option('--dry-run', 'print the commands instead of running them')
        .exitOverride();
    const hubFor = (dryRun) => {
        const { devHub, from } = resolveDevHub(program.opts().devHub);
        say(`Dev Hub "${devHub}" (from ${from})`);
        if (dryRun) console.log(`release: would check: sf org display --target-org ${devHub} --json`);
        else checkDevHub(devHub);
        return devHub;
    };
    program
        .command('verify')
        .description('build, scratch org, deploy, permission set, Apex tests with coverage')
        .option('--from <step>', 'resume at a step: build, scratch, deploy, permset, test')
        .action((options) => {
            const dryRun = Boolean(program.opts().dryRun);
            const devHub = hubFor(dryRun);
            run(verifySteps(devHub, program.opts().scratch), { dryRun, from: options.from });
            if (!dryRun) {
                say(
                    `verified. Open the org (sf org open --target-org ${program.opts().scratch}) and do the ` +
                        'first-run checks in docs/release.md ("First time in a real org").'
                );
            }
        });
    program
        .command('package')
        .description('create a package version from build/ (extra arguments go to sf, e.g. -- --json)')
        .allowUnknownOption()
        .argument('[sfArgs...]')
        .action((sfArgs) => {
            const dryRun = Boolean(program.opts().dryRun);
            run(packageSteps(hubFor(dryRun), sfArgs), { dryRun });
        });
    program
        .command('promote')
        .description('promote PACKAGE_VERSION_ID to released')
        .action(() => {
            const dryRun = Boolean(program.opts().dryRun);
            run(promoteSteps(hubFor(dryRun), process.env.PACKAGE_VERSION_ID), { dryRun });
        });
    program
        .command('cleanup')
        .description('delete the scratch org')
        .action(() => run(cleanupSteps(program.opts().scratch), { dryRun: Boolean(program.opts().dryRun) }));
    program.parse(argv);
}

if (require.main === module) {
    try {
        main(process.argv);
    } catch (e) {
        if (e instanceof ReleaseError) {
            console.error(`release: ${e.message}`);
            process.exit(e.exitCode);
        }
        if (e && e.code && String(e.code).startsWith('commander.')) process.exit(e.exitCode ?? 1);
        throw e;
    }
}

module.exports = { verifySteps, packageSteps, promoteSteps, cleanupSteps, describe, resolveDevHub, ReleaseError };
