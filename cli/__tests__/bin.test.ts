/*
 * End to end: the npm bin shim runs the TypeScript CLI through tsx from any working directory and
 * prints nothing but what was asked (no loader warnings on stderr).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'miaw-readiness.cjs');

function runBin(args: string[]) {
    return spawnSync(process.execPath, [BIN, ...args], {
        cwd: os.tmpdir(),
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
        timeout: 60_000
    });
}

describe('bin/miaw-readiness.cjs', () => {
    it('prints help and the version from another working directory', () => {
        const help = runBin(['--help']);
        expect(help.stderr).toBe('');
        expect(help.status).toBe(0);
        expect(help.stdout).toContain('Usage: miaw-readiness [options]');
        expect(help.stdout).toContain('--fail-on <level>');

        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
            version: string;
        };
        const version = runBin(['--version']);
        expect(version.stderr).toBe('');
        expect(version.status).toBe(0);
        expect(version.stdout.trim()).toBe(pkg.version);
    }, 60_000);

    it('exits 2 on a usage error', () => {
        const bad = runBin(['--format', 'xml']);
        expect(bad.status).toBe(2);
        expect(bad.stdout).toBe('');
        expect(bad.stderr).toContain('--format must be one of');
    }, 60_000);
});
