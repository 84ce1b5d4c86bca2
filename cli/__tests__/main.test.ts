import * as fs from 'node:fs';
import * as path from 'node:path';
import { main, readVersion } from '../main';
import type { CliDeps } from '../main';
import type { ReadinessReport } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import type { SetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { OrgSnapshot } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { blankSnapshot, memoryIo, mixedReport, removeTemp, report, result, tempProject } from './cliTestKit';

const ANSI = /\u001b\[/;

/** Deps that skip the metadata reader and the check modules: the report is whatever the test says. */
function stubDeps(fixed: ReadinessReport, seen: { plan?: SetupPlan; dirs: string[] } = { dirs: [] }): CliDeps {
    return {
        readFolder: (dir: string): OrgSnapshot => {
            seen.dirs.push(dir);
            return blankSnapshot(dir);
        },
        engine: (_snapshot, plan) => {
            seen.plan = plan;
            return fixed;
        }
    };
}

let root: string;
beforeEach(() => {
    root = tempProject();
});
afterEach(() => removeTemp(root));

async function run(args: string[], fixed = mixedReport(), ioOverrides = {}) {
    const io = memoryIo(root, ioOverrides);
    const code = await main(args, io, stubDeps(fixed));
    return { code, out: io.out(), err: io.err() };
}

describe('usage errors exit 2 with a message that says what to type', () => {
    it('rejects an unknown format, naming the allowed ones and the value given', async () => {
        const { code, out, err } = await run(['--format', 'xml']);
        expect(code).toBe(2);
        expect(out).toBe('');
        expect(err).toContain('--format must be one of text, json, junit, sarif, markdown (got "xml")');
    });

    it('rejects an unknown --fail-on level', async () => {
        const { code, err } = await run(['--fail-on', 'error']);
        expect(code).toBe(2);
        expect(err).toContain('--fail-on must be one of blocker, warning, never (got "error")');
    });

    it("reports an unknown option with commander's message and the --help hint", async () => {
        const { code, err } = await run(['--formt', 'json']);
        expect(code).toBe(2);
        expect(err).toContain("unknown option '--formt'");
        expect(err).toContain('--format');
        expect(err).toContain('Run miaw-readiness --help');
    });

    it('reports a missing option argument and stray arguments', async () => {
        expect((await run(['--plan'])).code).toBe(2);
        const stray = await run(['force-app']);
        expect(stray.code).toBe(2);
        expect(stray.err).toContain('Run miaw-readiness --help');
    });

    it('reports a missing source folder with the path and an example', async () => {
        const { code, err } = await run(['--source-dir', 'nope']);
        expect(code).toBe(2);
        expect(err).toMatch(/source folder not found: nope .*--source-dir force-app/);
    });

    it('reports a plan file that does not exist', async () => {
        const { code, err } = await run(['--plan', 'missing-plan.json']);
        expect(code).toBe(2);
        expect(err).toContain('plan file not found: missing-plan.json');
        expect(err).toContain('--plan');
    });

    it('reports invalid plan JSON with line and column', async () => {
        fs.writeFileSync(path.join(root, 'plan.json'), '{\n  "channel": "Web_Chat",\n}\n');
        const { code, err } = await run(['--plan', 'plan.json']);
        expect(code).toBe(2);
        expect(err).toContain('plan file plan.json is not valid JSON');
        expect(err).toMatch(/line 3, column 1|position \d+/);
    });

    it('reports a plan with an unknown key (PlanError) naming the key', async () => {
        fs.writeFileSync(path.join(root, 'plan.json'), JSON.stringify({ widgetOrigin: ['https://x.example.com'] }));
        const { code, err } = await run(['--plan', 'plan.json']);
        expect(code).toBe(2);
        expect(err).toContain('plan file plan.json: plan: unknown key "widgetOrigin"');
    });

    it('needs --source-dir when there is no sfdx-project.json', async () => {
        fs.rmSync(path.join(root, 'sfdx-project.json'));
        const { code, err } = await run([]);
        expect(code).toBe(2);
        expect(err).toContain('no --source-dir given and no sfdx-project.json');
        expect(err).toContain('--source-dir force-app');
    });

    it('reports an --output path that cannot be written', async () => {
        const { code, err } = await run(['--output', 'force-app']);
        expect(code).toBe(2);
        expect(err).toContain('cannot write --output force-app');
    });
});

describe('help and version', () => {
    it('prints usage with every flag and exits 0', async () => {
        const { code, out } = await run(['--help']);
        expect(code).toBe(0);
        for (const flag of [
            '--source-dir',
            '--plan',
            '--domain',
            '--format',
            '--output',
            '--fail-on',
            '--allow-incomplete',
            '--no-color',
            '--version'
        ]) {
            expect(out).toContain(flag);
        }
        expect(out).toContain('Exit codes');
    });

    it('prints the package.json version', async () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
            version: string;
        };
        const { code, out } = await run(['--version']);
        expect(code).toBe(0);
        expect(out.trim()).toBe(pkg.version);
    });
});

describe('--fail-on thresholds', () => {
    const blockerFails = report([result('TS-01', 'fail'), result('TS-04', 'fail'), result('PRE-01', 'pass')]);
    const warningFails = report([result('TS-04', 'fail'), result('PRE-01', 'pass')]);
    const infoFails = report([result('CH-09', 'fail'), result('GL-01', 'manual'), result('CH-07', 'not_evaluated')]);
    const incomplete = report([
        result('PRE-01', 'pass'),
        result('CH-05', 'not_evaluated', { subject: 'Route_Web_Chat' })
    ]);
    // CH-02 needs the org: a metadata scan does not count it against the verdict
    const orgOnlyUnknown = report([result('PRE-01', 'pass'), result('CH-02', 'not_evaluated')]);

    it.each([
        ['blocker', 'a failing blocker', 1, blockerFails],
        ['blocker', 'only a failing warning', 0, warningFails],
        ['warning', 'a failing blocker', 1, blockerFails],
        ['warning', 'a failing warning', 1, warningFails],
        ['warning', 'only info, manual and a not-evaluated warning', 0, infoFails],
        ['never', 'a failing blocker', 0, blockerFails],
        ['blocker', 'an in-scope blocker not evaluated (incomplete)', 1, incomplete],
        ['never', 'an in-scope blocker not evaluated (incomplete)', 1, incomplete],
        ['blocker', 'only an org-scope blocker not evaluated', 0, orgOnlyUnknown]
    ] as const)('--fail-on %s with %s → exit %d', async (level, _what, expected, fixed) => {
        const { code } = await run(['--fail-on', level, '--format', 'json'], fixed);
        expect(code).toBe(expected);
    });

    it.each([
        ['blocker', incomplete, 0],
        ['never', incomplete, 0],
        ['blocker', blockerFails, 1],
        ['warning', report([result('TS-04', 'fail'), result('CH-05', 'not_evaluated')]), 1]
    ] as const)(
        '--allow-incomplete with --fail-on %s: exit 0 unless a check at the threshold fails',
        async (level, fixed, expected) => {
            const { code } = await run(['--allow-incomplete', '--fail-on', level], fixed);
            expect(code).toBe(expected);
        }
    );

    it('still says INCOMPLETE when --allow-incomplete lets it pass', async () => {
        const { code, out } = await run(['--allow-incomplete'], incomplete);
        expect(code).toBe(0);
        expect(out).toContain('INCOMPLETE');
    });

    it('says INCOMPLETE in words and names the blocker that could not be evaluated', async () => {
        const { code, out } = await run([], incomplete);
        expect(code).toBe(1);
        expect(out).toContain('INCOMPLETE — 1 blocker check could not be evaluated: CH-05 (Route_Web_Chat).');
    });

    it('defaults to blocker', async () => {
        expect((await run([], warningFails)).code).toBe(0);
        expect((await run([], blockerFails)).code).toBe(1);
    });
});

describe('inputs reach the engine', () => {
    it('reads every package directory of sfdx-project.json by default and merges them', async () => {
        removeTemp(root);
        root = tempProject(['force-app', 'unpackaged']);
        const seen = { dirs: [] as string[] };
        const io = memoryIo(root);
        await main(['--format', 'json'], io, stubDeps(mixedReport(), seen));
        expect(seen.dirs).toEqual([path.join(root, 'force-app'), path.join(root, 'unpackaged')]);
    });

    it('uses --source-dir instead (repeatable) and adds --domain origins to the plan', async () => {
        fs.mkdirSync(path.join(root, 'other'));
        fs.writeFileSync(path.join(root, 'plan.json'), JSON.stringify({ widgetOrigins: ['https://www.example.com'] }));
        const seen = { dirs: [] as string[] } as { plan?: SetupPlan; dirs: string[] };
        const io = memoryIo(root);
        const code = await main(
            [
                '--source-dir',
                'other',
                '--plan',
                'plan.json',
                '--domain',
                'https://staging.example.com',
                '--domain',
                'https://www.example.com',
                '--format',
                'json'
            ],
            io,
            stubDeps(report([]), seen)
        );
        expect(code).toBe(0);
        expect(seen.dirs).toEqual([path.join(root, 'other')]);
        expect(seen.plan?.widgetOrigins.map((o) => o.origin)).toEqual([
            'https://www.example.com',
            'https://staging.example.com'
        ]);
    });
});

describe('output', () => {
    it('prints only JSON on stdout for --format json', async () => {
        const { out, err } = await run(['--format', 'json']);
        expect(() => JSON.parse(out)).not.toThrow();
        expect(err).toBe('');
    });

    it('--output writes the file and prints a one-line summary to stderr', async () => {
        const { code, out, err } = await run(['--format', 'sarif', '--output', 'reports/miaw.sarif']);
        expect(code).toBe(1);
        expect(out).toBe('');
        const written = JSON.parse(fs.readFileSync(path.join(root, 'reports', 'miaw.sarif'), 'utf8')) as {
            version: string;
        };
        expect(written.version).toBe('2.1.0');
        expect(err.trim().split('\n')).toHaveLength(1);
        expect(err).toContain('NOT READY');
        expect(err).toContain('reports/miaw.sarif');
    });

    it('colours text only on a TTY without --no-color and without NO_COLOR', async () => {
        expect((await run([], mixedReport(), { isTTY: true })).out).toMatch(ANSI);
        expect((await run([], mixedReport(), { isTTY: false })).out).not.toMatch(ANSI);
        expect((await run(['--no-color'], mixedReport(), { isTTY: true })).out).not.toMatch(ANSI);
        expect((await run([], mixedReport(), { isTTY: true, env: { NO_COLOR: '1' } })).out).not.toMatch(ANSI);
    });

    it('never colours a file written with --output', async () => {
        await run(['--output', 'report.txt'], mixedReport(), { isTTY: true });
        expect(fs.readFileSync(path.join(root, 'report.txt'), 'utf8')).not.toMatch(ANSI);
    });

    it('shows read problems from the snapshot with paths relative to the working directory', async () => {
        const io = memoryIo(root);
        const deps: CliDeps = {
            readFolder: () => {
                const s = blankSnapshot();
                s.problems.push({ file: 'flows/Broken.flow-meta.xml', line: 4, message: 'unclosed tag' });
                return s;
            },
            engine: () => report([])
        };
        await main(['--format', 'json'], io, deps);
        const json = JSON.parse(io.out()) as { problems: Array<{ file: string }> };
        expect(json.problems[0].file).toBe('force-app/flows/Broken.flow-meta.xml');
    });

    it('exits 1 with INCOMPLETE on a project without MIAW metadata (the real reader and engine, no arguments)', async () => {
        const io = memoryIo(root);
        const code = await main([], io);
        expect(code).toBe(1);
        expect(io.out()).toMatch(/^INCOMPLETE {2}0 blockers, 0 warnings failing/);
        expect(io.out()).toContain('blocker checks could not be evaluated: PRE-01, PRE-02, CH-01');
    });

    it('turns a crash in the engine into exit 2 with an internal-error message', async () => {
        const io = memoryIo(root);
        const code = await main([], io, {
            readFolder: () => blankSnapshot(),
            engine: () => {
                throw new Error('boom');
            }
        });
        expect(code).toBe(2);
        expect(io.err()).toContain('internal error');
        expect(io.err()).toContain('boom');
    });
});

describe('miaw-readiness manifest', () => {
    it('prints the retrieve manifest and exits 0 without scanning', async () => {
        const seen = { dirs: [] as string[] };
        const io = memoryIo(root);
        const code = await main(['manifest'], io, stubDeps(mixedReport(), seen));
        expect(code).toBe(0);
        expect(seen.dirs).toEqual([]);
        expect(io.out()).toMatch(/^<\?xml version="1.0" encoding="UTF-8" \?>/);
        expect(io.out()).toContain('<members>OmniChannel</members>');
        expect(io.out()).toContain('<version>65.0</version>');
        expect(io.err()).toBe('');
    });

    it('--output writes the manifest to a file and says so on stderr', async () => {
        const { code, out, err } = await run(['manifest', '--output', 'manifest/miaw.xml']);
        expect(code).toBe(0);
        expect(out).toBe('');
        expect(err).toBe('miaw-readiness: retrieve manifest written to manifest/miaw.xml\n');
        expect(fs.readFileSync(path.join(root, 'manifest', 'miaw.xml'), 'utf8')).toContain('<name>Settings</name>');
    });

    it('--api-version sets the version; a malformed one is a usage error', async () => {
        expect((await run(['manifest', '--api-version', '62.0'])).out).toContain('<version>62.0</version>');
        const bad = await run(['manifest', '--api-version', 'v62']);
        expect(bad.code).toBe(2);
        expect(bad.out).toBe('');
        expect(bad.err).toContain('--api-version must look like 65.0 (got "v62")');
    });

    it('rejects stray arguments and unknown options', async () => {
        expect((await run(['manifest', 'extra'])).code).toBe(2);
        const unknown = await run(['manifest', '--format', 'json']);
        expect(unknown.code).toBe(2);
        expect(unknown.err).toContain("unknown option '--format'");
    });

    it('is listed in the help', async () => {
        const { out } = await run(['--help']);
        expect(out).toContain('Usage: miaw-readiness [options] [command]');
        expect(out).toMatch(/manifest \[options\]\s+print the retrieve manifest/);
    });
});

describe('readVersion', () => {
    it('finds the installed package.json above dist/, skipping package.json files of other names', () => {
        const installed = path.join(root, 'node_modules', 'miaw-readiness');
        fs.mkdirSync(path.join(installed, 'dist'), { recursive: true });
        fs.writeFileSync(path.join(installed, 'package.json'), '{"name":"miaw-readiness","version":"9.8.7"}');
        fs.writeFileSync(path.join(root, 'package.json'), '{"name":"someones-app","version":"1.0.0"}');
        fs.writeFileSync(path.join(installed, 'dist', 'package.json'), '{"type":"commonjs"}');
        expect(readVersion(path.join(installed, 'dist'))).toBe('9.8.7');
    });

    it('says 0.0.0 rather than another package version when none is found', () => {
        fs.writeFileSync(path.join(root, 'package.json'), '{"name":"someones-app","version":"1.0.0"}');
        expect(readVersion(root)).toBe('0.0.0');
    });
});
