/*
 * packages/miaw-readiness is the CLI as an npm package (scripts/pack-cli.cjs builds it; the ci stage "cli package"
 * installs and runs the tarball). Its package.json must release in step with the repository's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface PackageJson {
    name: string;
    version: string;
    license: string;
    private?: boolean;
    engines: { node: string };
    bin: Record<string, string>;
    files?: string[];
    dependencies: Record<string, string>;
    devDependencies?: Record<string, string>;
}

const ROOT = path.join(__dirname, '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as PackageJson;
const rootPkg = read('package.json');
const cliPkg = read('packages/miaw-readiness/package.json');

describe('the miaw-readiness package', () => {
    it('has the repository version, licence and Node requirement', () => {
        expect(cliPkg.name).toBe('miaw-readiness');
        expect(cliPkg.private).toBeUndefined();
        expect(cliPkg.version).toBe(rootPkg.version);
        expect(cliPkg.license).toBe(rootPkg.license);
        expect(cliPkg.engines).toEqual(rootPkg.engines);
    });

    it('depends on exactly the runtime dependencies of the repository, which hold no dev tools', () => {
        expect(cliPkg.dependencies).toEqual(rootPkg.dependencies);
        expect(Object.keys(rootPkg.dependencies).sort()).toEqual(['commander', 'fast-xml-parser', 'parse5']);
        expect(cliPkg.devDependencies).toBeUndefined();
    });

    it('ships only the compiled bin (npm adds package.json, README.md and LICENSE)', () => {
        expect(cliPkg.bin).toEqual({ 'miaw-readiness': 'dist/miaw-readiness.cjs' });
        expect(cliPkg.files).toEqual(['dist/miaw-readiness.cjs']);
        const dir = path.join(ROOT, 'packages', 'miaw-readiness');
        expect(fs.readFileSync(path.join(dir, 'LICENSE'), 'utf8')).toMatch(/^BSD 3-Clause License/);
        expect(fs.readFileSync(path.join(dir, 'README.md'), 'utf8')).toContain('miaw-readiness manifest');
    });
});
