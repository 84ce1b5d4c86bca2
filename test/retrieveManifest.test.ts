/*
 * manifest/miaw.xml is the retrieve manifest of the README's "Gating a deploy": it must ask the org for exactly
 * what the reader reads (so every section of a scan of the retrieve is complete), be a package.xml the
 * Salesforce CLI accepts, and be what `miaw-readiness manifest` prints.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ComponentSet, RegistryAccess } from '@salesforce/source-deploy-retrieve';
import { SNAPSHOT_SECTIONS } from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { READ_TYPES, readMetadataFolder } from '../cli/read/metadataReader';
import { MANIFEST_API_VERSION, retrieveManifest } from '../cli/write/retrieveManifest';
import { main } from '../cli/main';
import { metadataFolder, removeMetadataFolders } from '../cli/read/__tests__/fixtureFolder';
import { memoryIo } from '../cli/__tests__/cliTestKit';
import { manifestDifferences, parsePackageXml } from './support/packageXml';

const ROOT = path.join(__dirname, '..');
const MANIFEST_FILE = path.join(ROOT, 'manifest', 'miaw.xml');
const manifestXml = fs.readFileSync(MANIFEST_FILE, 'utf8');
const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8')) as {
    sourceApiVersion: string;
};
/** Sections the metadata never holds, whatever is retrieved. */
const NOT_METADATA = new Set(['agents', 'sessionSignals']);

afterAll(removeMetadataFolders);

describe('manifest/miaw.xml', () => {
    it('is a package.xml in the Metadata API namespace at the project source API version', () => {
        const manifest = parsePackageXml(manifestXml);
        expect(manifest.namespace).toBe('http://soap.sforce.com/2006/04/metadata');
        expect(manifest.version).toBe(project.sourceApiVersion);
        expect(MANIFEST_API_VERSION).toBe(project.sourceApiVersion);
    });

    it('names exactly the types and members the reader reads', () => {
        expect(manifestDifferences(parsePackageXml(manifestXml), READ_TYPES)).toEqual([]);
        // the ones a reviewer looks for: legacy chat, the three settings, record pages
        const types = new Map(READ_TYPES.map((t) => [t.type, t.members]));
        expect(types.get('Settings')).toEqual(['BusinessHours', 'LiveMessage', 'OmniChannel']);
        for (const type of ['LiveChatButton', 'LiveChatDeployment', 'EmbeddedServiceLiveAgent', 'FlexiPage']) {
            expect(types.get(type)).toEqual(['*']);
        }
    });

    it('is exactly what `miaw-readiness manifest` prints (one source)', async () => {
        expect(manifestXml).toBe(retrieveManifest());
        const io = memoryIo(ROOT);
        expect(await main(['manifest'], io)).toBe(0);
        expect(io.out()).toBe(manifestXml);
        expect(io.err()).toBe('');
    });

    it('lists only types the Salesforce CLI knows, spelled as it spells them, and loads as a retrieve set', async () => {
        const registry = new RegistryAccess();
        for (const { type } of READ_TYPES) expect(registry.getTypeByName(type).name).toBe(type);
        const set = await ComponentSet.fromManifest({ manifestPath: MANIFEST_FILE });
        expect(set.sourceApiVersion).toBe(project.sourceApiVersion);
        expect(new Set([...set].map((c) => `${c.type.name}:${c.fullName}`))).toEqual(
            new Set(READ_TYPES.flatMap((t) => t.members.map((m) => `${t.type}:${m}`)))
        );
    });
});

describe('the manifest check', () => {
    it('names the missing type, the extra type and the missing member of a broken manifest', () => {
        const broken = manifestXml
            .replace(/\s*<types>\s*<members>\*<\/members>\s*<name>FlexiPage<\/name>\s*<\/types>/, '')
            .replace('<members>LiveMessage</members>', '')
            .replace('<Package xmlns="http://soap.sforce.com/2006/04/metadata">', (open) =>
                [open, '<types><members>*</members><name>ApexClass</name></types>'].join('')
            );
        expect(manifestDifferences(parsePackageXml(broken), READ_TYPES)).toEqual([
            'missing type FlexiPage (members *): the reader reads it',
            'type Settings: missing member LiveMessage',
            'extra type ApexClass: the reader does not read it'
        ]);
    });

    it('rejects a file that is not well-formed XML, with the line', () => {
        expect(() => parsePackageXml(manifestXml.replace('</Package>', ''))).toThrow(/not well-formed XML.*line/);
    });
});

describe('a retrieve with the manifest', () => {
    it.each([
        ['package.xml at the top', 'package.xml'],
        ['the layout of --target-metadata-dir retrieved --unzip', 'unpackaged/unpackaged/package.xml']
    ])('gives complete sections even when the org has none of the types (%s)', (_layout, manifestPath) => {
        const snapshot = readMetadataFolder(metadataFolder({ [manifestPath]: manifestXml }));
        expect(snapshot.problems).toEqual([]);
        for (const section of SNAPSHOT_SECTIONS) {
            if (NOT_METADATA.has(section)) continue;
            expect({ section, ...snapshot[section] }).toEqual({ section, state: 'read', items: [] });
        }
    });

    it('without the manifest, the same empty folder leaves those sections unknown', () => {
        const snapshot = readMetadataFolder(metadataFolder({}));
        for (const section of SNAPSHOT_SECTIONS) {
            expect({ section, state: snapshot[section].state }).toEqual({ section, state: 'not_in_source' });
        }
    });
});
