// npm run pack:cli: the CLI as its own npm package, build/miaw-readiness-<version>.tgz.
//  1. packages/miaw-readiness/package.json must agree with the root one: version, licence, runtime dependencies;
//  2. esbuild bundles cli/bin.ts with cli/** and the engine modules (force-app/.../miawReadinessEngine/*.ts, the
//     same source the LWCs use) into packages/miaw-readiness/dist/miaw-readiness.cjs; every package import stays
//     a require, and only node built-ins and the package's dependencies may be imported;
//  3. npm pack writes the tarball into build/ and this prints its file count and size.
// Prints the tarball's path on the last line.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const packageDir = path.join(root, 'packages', 'miaw-readiness');
const outfile = path.join(packageDir, 'dist', 'miaw-readiness.cjs');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));

function fail(message) {
    console.error(`pack:cli: ${message}`);
    process.exit(1);
}

/** The package and the repository release together: same version, same licence, same runtime dependencies. */
function checkManifests() {
    const rootPkg = readJson(path.join(root, 'package.json'));
    const pkg = readJson(path.join(packageDir, 'package.json'));
    if (pkg.version !== rootPkg.version) {
        fail(`packages/miaw-readiness/package.json has version ${pkg.version}, package.json ${rootPkg.version}`);
    }
    if (pkg.license !== rootPkg.license) fail(`licence ${pkg.license} differs from the root's ${rootPkg.license}`);
    if (JSON.stringify(pkg.dependencies) !== JSON.stringify(rootPkg.dependencies)) {
        fail(
            `dependencies ${JSON.stringify(pkg.dependencies)} differ from the root's ${JSON.stringify(rootPkg.dependencies)}`
        );
    }
    return pkg;
}

async function bundle(pkg) {
    fs.rmSync(path.dirname(outfile), { recursive: true, force: true });
    const result = await esbuild.build({
        entryPoints: [path.join(root, 'cli', 'bin.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        tsconfig: path.join(root, 'tsconfig.cli.json'),
        packages: 'external',
        banner: { js: '#!/usr/bin/env node' },
        legalComments: 'none',
        metafile: true,
        logLevel: 'warning'
    });
    // playwright-core is an optional peer: only `probe --browser` loads it, and says how to install it when absent
    const optionalPeers = Object.keys(pkg.peerDependenciesMeta ?? {}).filter(
        (n) => pkg.peerDependenciesMeta[n].optional
    );
    const allowed = new Set([...Object.keys(pkg.dependencies), ...optionalPeers]);
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external));
    for (const { path: id } of imports) {
        const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0];
        if (!id.startsWith('node:') && !allowed.has(name)) {
            fail(`the bundle imports ${id}, which is neither a node built-in nor a dependency of the package`);
        }
    }
    fs.chmodSync(outfile, 0o755);
    const sources = Object.keys(result.metafile.inputs);
    const engine = sources.filter((s) => s.includes('lwc/miawReadinessEngine/')).length;
    console.log(
        `pack:cli: bundled ${sources.length} modules (${engine} engine, ${sources.length - engine} cli) into ` +
            `${path.relative(root, outfile)} (${fs.statSync(outfile).size} bytes)`
    );
}

function pack() {
    const destination = path.join(root, 'build');
    fs.mkdirSync(destination, { recursive: true });
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
        cwd: packageDir,
        encoding: 'utf8'
    });
    const [info] = JSON.parse(out);
    const tarball = path.join(destination, info.filename);
    console.log(
        `pack:cli: ${path.relative(root, tarball)}: ${info.entryCount} files, ${info.size} bytes packed, ` +
            `${info.unpackedSize} unpacked: ${info.files.map((f) => f.path).join(', ')}`
    );
    return tarball;
}

(async () => {
    const pkg = checkManifests();
    await bundle(pkg);
    console.log(pack());
})().catch((error) => fail(error.stack || String(error)));
