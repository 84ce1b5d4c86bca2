// Bundles the project's compiled LWCs (node scripts/build.cjs -> build/) with lightning-base-components and the
// preview shell into build/preview/bundle.js, for an org-less preview in a browser. Every platform module the
// screens import is aliased to a local fake in ./fakes (see docs/preview.md).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
// PREVIEW_BUILD_ROOT / PREVIEW_OUT move the inputs and output away from build/ (scripts/build.cjs wipes build/).
const buildRoot = path.resolve(process.env.PREVIEW_BUILD_ROOT || path.join(repo, 'build'));
const out = path.resolve(process.env.PREVIEW_OUT || path.join(repo, 'build', 'preview'));
const project = JSON.parse(fs.readFileSync(path.join(repo, 'sfdx-project.json'), 'utf8'));

// lwc 9.4.3 carries its own engine in node_modules/lwc/node_modules/@lwc; the root @lwc/engine-dom is the 8.x
// copy Jest uses. Resolving both would load two engines ("not a valid component"), so every 'lwc' import, from
// the project, the shell and lightning-base-components alike, goes to lwc's own copy.
const requireFromRoot = createRequire(path.join(repo, 'package.json'));
const lwcDir = path.dirname(requireFromRoot.resolve('lwc'));
const requireFromLwc = createRequire(path.join(lwcDir, 'index.js'));
const engineDom = requireFromLwc.resolve('@lwc/engine-dom');
const syntheticShadow = requireFromLwc.resolve('@lwc/synthetic-shadow');
const lbcDir = path.dirname(requireFromRoot.resolve('lightning-base-components/package.json'));

// c/<name> -> build/<package dir>/**/lwc/<name>/<name>.js (tsc output of the .ts sources)
const componentRecords = [];
const findLwcDirs = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        const p = path.join(dir, e.name);
        if (e.name === 'lwc') {
            for (const b of fs.readdirSync(p)) {
                const js = path.join(p, b, `${b}.js`);
                if (fs.existsSync(js)) componentRecords.push({ name: `c/${b}`, path: js });
            }
        } else findLwcDirs(p);
    }
};
project.packageDirectories.forEach((d) => findLwcDirs(path.join(buildRoot, d.path)));
if (!componentRecords.length)
    throw new Error('preview: no compiled LWCs in build/: run `node scripts/build.cjs` first');
// A screen not written yet renders a placeholder, so the shell, fakes and server can be tried without it.
const SCREENS = ['miawGuidedSetup', 'miawReadinessReport'];
export const missingScreens = SCREENS.filter((s) => !componentRecords.some((r) => r.name === `c/${s}`));
missingScreens.forEach((s) =>
    componentRecords.push({
        name: `c/${s}`,
        path: path.join(here, 'lwc', 'c', 'screenPlaceholder', 'screenPlaceholder.js')
    })
);
if (missingScreens.length) console.log(`preview: placeholders for ${missingScreens.join(', ')} (not built yet)`);

// The Apex methods the screens may call (miawSetupAssistantApi.ts), each served by fakes/apex/<method>.js.
const APEX = {
    MiawSnapshotController: [
        'getSnapshot',
        'getConnectionStatus',
        'getOrgContext',
        'createTrustedSites',
        'runSelfTest'
    ],
    MiawReadinessController: [
        'getSetupPlan',
        'saveSetupPlan',
        'saveTestChecklist',
        'saveRun',
        'attest',
        'signOff',
        'listRuns',
        'getRun'
    ]
};
const apexRecords = Object.entries(APEX).flatMap(([cls, methods]) =>
    methods.map((m) => ({ name: `@salesforce/apex/${cls}.${m}`, path: path.join(here, 'fakes', 'apex', `${m}.js`) }))
);
const platformRecords = ['navigation', 'platformResourceLoader', 'platformShowToastEvent'].map((m) => ({
    name: `lightning/${m}`,
    path: path.join(here, 'fakes', 'lightning', `${m}.js`)
}));

// Gates that must stay closed under synthetic shadow (the combobox would call attachInternals and throw).
const closedGateRecords = ['bc.260.enableComboboxElementInternals'].map((g) => ({
    name: `@salesforce/gate/${g}`,
    path: path.join(here, 'fakes', 'gates', 'closedGate.js')
}));

// Small platform modules that are plain values: resource URLs (served by server.mjs from staticresources/),
// the running user, custom labels. An Apex method without a fake fails the bundle, naming it.
const VIRTUAL = '\0preview-virtual:';
const platformValues = {
    name: 'preview-platform-values',
    resolveId(id) {
        if (/^@salesforce\/(resourceUrl|user|label\/c\.)/.test(id)) return VIRTUAL + id;
        if (id.startsWith('@salesforce/apex/') && !apexRecords.some((r) => r.name === id)) {
            this.error(`preview: ${id} has no fake: add it to APEX in tools/preview/rollup.config.mjs`);
        }
        return null;
    },
    load(id) {
        if (!id.startsWith(VIRTUAL)) return null;
        const spec = id.slice(VIRTUAL.length);
        let value;
        if (spec.startsWith('@salesforce/resourceUrl/')) value = `/resource/${spec.split('/').pop()}`;
        else if (spec === '@salesforce/user/Id') value = '0055e000001AdaAAA';
        else if (spec === '@salesforce/user/isGuest') value = false;
        else value = spec.split('/').pop();
        return `export default ${JSON.stringify(value)};`;
    }
};

export default {
    input: path.join(here, 'main.js'),
    output: { file: path.join(out, 'bundle.js'), format: 'esm', inlineDynamicImports: true },
    onwarn(w, warn) {
        if (!['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED', 'PLUGIN_WARNING'].includes(w.code)) warn(w);
    },
    plugins: [
        {
            name: 'single-lwc-engine',
            resolveId(id) {
                if (id === 'lwc' || id === '@lwc/engine-dom') return engineDom;
                if (id === '@lwc/synthetic-shadow') return syntheticShadow;
                return null;
            }
        },
        platformValues,
        replace({
            preventAssignment: true,
            values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' }
        }),
        lwc({
            // First match wins: the fakes shadow lightning-base-components' lightning/navigation (which needs
            // force/navigation, an Aura-only module).
            modules: [
                ...apexRecords,
                ...platformRecords,
                ...closedGateRecords,
                ...componentRecords,
                { dir: path.join(here, 'lwc') },
                { npm: lbcDir }
            ],
            enableDynamicComponents: true
        })
    ]
};
