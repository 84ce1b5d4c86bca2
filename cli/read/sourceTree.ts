/*
 * Finds metadata files under the folder the user passed, in either layout:
 * - SFDX source format: `<any package dir>/messagingChannels/X.messagingChannel-meta.xml`, wherever the
 *   package directories sit (project root, `force-app`, `force-app/main/default`, several packages);
 * - Metadata API format (`sf project retrieve start --target-metadata-dir`, `unpackaged/`): a folder with
 *   `package.xml` and files without `-meta.xml`, e.g. `messagingChannels/X.messagingChannel`.
 * node_modules and dot-folders (.git, .sfdx, .sf…) are never entered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TypeSpec } from './typeSpec';

export interface FoundFile {
    absolutePath: string;
    /** Path relative to the scanned folder, forward slashes: what problems and sources report. */
    relativePath: string;
    /** Name of the folder holding the file. */
    folder: string;
    fileName: string;
}

export interface SourceTree {
    files: FoundFile[];
    /** Lower-cased names of every folder seen (including the scanned folder itself). */
    folders: Set<string>;
    /** package.xml files that describe a Metadata API folder (not an SFDX `manifest/`). */
    manifests: FoundFile[];
}

export function scanSourceTree(rootDir: string): SourceTree {
    const tree: SourceTree = { files: [], folders: new Set([path.basename(rootDir).toLowerCase()]), manifests: [] };
    walk(rootDir, rootDir, tree);
    return tree;
}

function walk(rootDir: string, dir: string, tree: SourceTree): void {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
        return; // an unreadable sub-folder holds nothing we can use; the rest of the scan goes on
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = new Set(entries.map((e) => e.name));
    for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const absolutePath = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name === 'node_modules') continue;
            tree.folders.add(entry.name.toLowerCase());
            walk(rootDir, absolutePath, tree);
        } else if (entry.isFile()) {
            const file: FoundFile = {
                absolutePath,
                relativePath: path.relative(rootDir, absolutePath).split(path.sep).join('/'),
                folder: path.basename(dir),
                fileName: entry.name
            };
            if (entry.name === 'package.xml') {
                if (isMetadataApiManifest(dir, names)) tree.manifests.push(file);
            } else {
                tree.files.push(file);
            }
        }
    }
}

/**
 * An SFDX project keeps a package.xml in `manifest/` next to sfdx-project.json to drive retrieves; that
 * one says what someone might retrieve, not what this folder holds, so it is not a listing.
 */
function isMetadataApiManifest(dir: string, siblings: Set<string>): boolean {
    return path.basename(dir).toLowerCase() !== 'manifest' && !siblings.has('sfdx-project.json');
}

/**
 * The developer name when `file` is of `spec`'s type, else undefined. `X.<suffix>-meta.xml` is
 * unambiguous anywhere; a bare `X.<suffix>` (Metadata API format) must sit in the type's folder, so a
 * stray `notes.queue` elsewhere is not taken for a queue. (Names are never empty: the walker skips
 * dot-files such as `.flow-meta.xml`.)
 */
export function developerNameOf(file: FoundFile, spec: TypeSpec<unknown>): string | undefined {
    const lower = file.fileName.toLowerCase();
    const sourceEnding = `.${spec.suffix}-meta.xml`.toLowerCase();
    const mdapiEnding = `.${spec.suffix}`.toLowerCase();
    let name: string | undefined;
    if (lower.endsWith(sourceEnding)) {
        name = file.fileName.slice(0, -sourceEnding.length);
    } else if (lower.endsWith(mdapiEnding) && file.folder.toLowerCase() === spec.directory.toLowerCase()) {
        name = file.fileName.slice(0, -mdapiEnding.length);
    }
    if (name === undefined) return undefined;
    if (spec.member !== undefined && name !== spec.member) return undefined;
    return name;
}
