/*
 * package.xml of a Metadata API folder. A type it lists was asked for by the retrieve; when the type's
 * folder is absent, the org had none — so that section is complete and empty, not unknown.
 */
import * as fs from 'node:fs';
import type { ReadProblem } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { FoundFile } from './sourceTree';
import { children, listPathSet, parseXmlDocument, text, texts } from './xmlDocument';

/** Members listed per metadata type name (`*` for a wildcard). */
export type ManifestListing = Map<string, Set<string>>;

const LISTS = listPathSet('Package', ['types', 'types.members']);

export function readManifests(manifests: FoundFile[], problems: ReadProblem[]): ManifestListing {
    const listing: ManifestListing = new Map();
    for (const file of manifests) {
        let content: string;
        try {
            content = fs.readFileSync(file.absolutePath, 'utf8');
        } catch (error) {
            problems.push({ file: file.relativePath, message: `could not read package.xml: ${messageOf(error)}` });
            continue;
        }
        const outcome = parseXmlDocument(stripBom(content), LISTS);
        if (!outcome.ok) {
            problems.push({ file: file.relativePath, line: outcome.line, message: outcome.message });
            continue;
        }
        if (outcome.doc.root !== 'Package') {
            problems.push({
                file: file.relativePath,
                line: outcome.doc.line,
                message: `expected root element <Package>, found <${outcome.doc.root}>; the file is not a package manifest`
            });
            continue;
        }
        for (const types of children(outcome.doc.node, 'types')) {
            const type = text(types, 'name');
            if (type === undefined) continue;
            const members = listing.get(type) ?? new Set<string>();
            texts(types, 'members').forEach((m) => members.add(m));
            listing.set(type, members);
        }
    }
    return listing;
}

/** True when the manifest asked for `type` (for settings, for that one `member`). */
export function isListed(listing: ManifestListing, type: string, member?: string): boolean {
    const members = listing.get(type);
    if (!members) return false;
    if (members.has('*')) return true;
    return member === undefined ? members.size > 0 : members.has(member);
}

export function stripBom(content: string): string {
    return content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
}

export function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
