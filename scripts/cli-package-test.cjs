// ci stage "cli package": packs the CLI (scripts/pack-cli.cjs), checks what the tarball holds, installs it into
// an empty temporary folder the way a user would (`npm i ./miaw-readiness-<version>.tgz`, nothing else), and runs
// the installed bin there: --version, the needs-work demo (exit 1, not_ready), the retrieve manifest. Then times
// the installed CLI's start-up (wall clock, median of RUNS). Needs the npm registry (or its cache) for the
// package's dependencies; --prefer-offline keeps it to the cache when it can.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const MAX_FILES = 5;
const MAX_PACKED_BYTES = 150 * 1024;
const RUNS = 7;
const DEMO = path.join(root, 'examples', 'needs-work');
const DEMO_ARGS = ['--source-dir', path.join(DEMO, 'force-app'), '--plan', path.join(DEMO, 'miaw-plan.json')];

let failures = 0;
function check(ok, message) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
    if (!ok) failures++;
}

const packOutput = execFileSync(process.execPath, [path.join(__dirname, 'pack-cli.cjs')], { encoding: 'utf8' });
process.stdout.write(packOutput);
const tarball = packOutput.trim().split('\n').pop();
const version = JSON.parse(
    fs.readFileSync(path.join(root, 'packages', 'miaw-readiness', 'package.json'), 'utf8')
).version;

// What is in the tarball: the bundle, package.json, README, LICENSE; no sources, metadata or tests.
const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
const size = fs.statSync(tarball).size;
console.log(`tarball ${path.basename(tarball)}: ${entries.length} files, ${size} bytes: ${entries.join(', ')}`);
check(path.basename(tarball) === `miaw-readiness-${version}.tgz`, `tarball named after version ${version}`);
check(entries.includes('package/dist/miaw-readiness.cjs'), 'holds the compiled bin dist/miaw-readiness.cjs');
check(entries.includes('package/README.md') && entries.includes('package/LICENSE'), 'holds README.md and LICENSE');
const unwanted = entries.filter((e) => /\.ts$|force-app|__tests__|\.test\.|\/test\/|\/cli\/|node_modules/.test(e));
check(
    unwanted.length === 0,
    `no TypeScript sources, force-app, tests or node_modules (${unwanted.join(', ') || 'none'})`
);
check(entries.length <= MAX_FILES, `${entries.length} files (at most ${MAX_FILES})`);
check(size <= MAX_PACKED_BYTES, `${size} bytes packed (at most ${MAX_PACKED_BYTES})`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-readiness-install-'));
try {
    fs.copyFileSync(tarball, path.join(work, path.basename(tarball)));
    const npm = (args) => execFileSync('npm', args, { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    npm(['install', `./${path.basename(tarball)}`, '--prefer-offline', '--no-audit', '--no-fund']);
    const installed = fs.readdirSync(path.join(work, 'node_modules')).sort();
    console.log(`installed into an empty folder: ${installed.join(', ')}`);
    check(!installed.includes('tsx') && !installed.includes('typescript'), 'no tsx or typescript installed with it');

    const run = (args) =>
        spawnSync('npx', ['miaw-readiness', ...args], {
            cwd: work,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' },
            timeout: 60_000
        });
    const v = run(['--version']);
    check(
        v.status === 0 && v.stdout.trim() === version,
        `npx miaw-readiness --version prints ${version} (got "${v.stdout.trim()}")`
    );

    const demo = run([...DEMO_ARGS, '--format', 'json']);
    let verdict;
    try {
        verdict = JSON.parse(demo.stdout).summary.verdict;
    } catch {
        verdict = `unparseable output; stderr: ${demo.stderr}`;
    }
    check(
        demo.status === 1 && verdict === 'not_ready',
        `the needs-work demo exits 1, not_ready (exit ${demo.status}, ${verdict})`
    );

    const text = run(DEMO_ARGS);
    check(text.status === 1 && text.stdout.startsWith('NOT READY'), `the text report starts with NOT READY`);

    const manifest = run(['manifest']);
    const expected = fs.readFileSync(path.join(root, 'manifest', 'miaw.xml'), 'utf8');
    check(manifest.status === 0 && manifest.stdout === expected, 'miaw-readiness manifest prints manifest/miaw.xml');

    // The website probe loads its HTML parser from the package's dependencies: a bad argument is a usage error (exit 2).
    const probe = run(['probe', 'not-a-url']);
    check(probe.status === 2 && probe.stderr.includes('not a web page address'), 'probe names a bad URL and exits 2');

    // Start-up of the installed bin, without npx in between: node + the bundle + its dependencies.
    const bin = path.join(work, 'node_modules', 'miaw-readiness', 'dist', 'miaw-readiness.cjs');
    const time = (args) => {
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
            const t0 = process.hrtime.bigint();
            spawnSync(process.execPath, [bin, ...args], { cwd: work, stdio: 'ignore' });
            runs.push(Number(process.hrtime.bigint() - t0) / 1e6);
        }
        runs.sort((a, b) => a - b);
        return `${runs[Math.floor(RUNS / 2)].toFixed(0)} ms (min ${runs[0].toFixed(0)})`;
    };
    console.log(`start-up, median of ${RUNS} (node ${process.version}, ${os.cpus().length} cores):`);
    console.log(`  --version        ${time(['--version'])}`);
    console.log(`  needs-work scan  ${time(DEMO_ARGS)}`);
} finally {
    fs.rmSync(work, { recursive: true, force: true });
}
console.log(`cli package: ${failures} failure(s)`);
process.exit(failures ? 1 : 0);
