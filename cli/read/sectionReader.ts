/*
 * Reads every file of a type and decides what the section can claim:
 * - some file could not be read → `error`, the reason counts them, and the items that did read are kept
 *   (the report can still show them; `problems` says which files failed and why);
 * - at least one file → `read`;
 * - none, but package.xml asked for the type → `read` and empty (the org had none);
 * - otherwise → `not_in_source` with the folder that was missing.
 */
import * as fs from 'node:fs';
import {
    missingSection,
    readSection,
    type ReadProblem,
    type Section,
    type SnapshotSectionName
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { isListed, messageOf, stripBom, type ManifestListing } from './manifest';
import { ReadError } from './readSupport';
import { developerNameOf, type SourceTree } from './sourceTree';
import type { TypeSpec } from './typeSpec';
import { parseXmlDocument } from './xmlDocument';

export interface ReadContext {
    tree: SourceTree;
    manifest: ManifestListing;
    /** The folder as the user gave it, for reasons a person reads. */
    rootLabel: string;
    problems: ReadProblem[];
    /** Hears every metadata type the reader reads, with the members a retrieve must name (`READ_TYPES`). */
    onType?: (entry: ManifestEntry) => void;
}

/** What reading one or more types found: items plus the evidence the section state is decided from. */
export interface TypeRead<T> {
    items: T[];
    /** Files of the type found, read or not. */
    fileCount: number;
    /** Relative paths of files that could not become items. */
    failed: string[];
    /** The type's folder exists (possibly without matching files). */
    folderSeen: boolean;
    /** A Metadata API package.xml asked for the type. */
    listed: boolean;
}

/** A type and the members a retrieve must ask for so that the reader's section is complete. */
export interface ManifestEntry {
    type: string;
    members: readonly string[];
}

function manifestEntry(spec: TypeSpec<unknown>): ManifestEntry {
    return { type: spec.type, members: spec.manifestMembers ?? [spec.member ?? '*'] };
}

export function readType<T>(ctx: ReadContext, section: SnapshotSectionName, spec: TypeSpec<T>): TypeRead<T> {
    if (!spec.retrievedWith) ctx.onType?.(manifestEntry(spec));
    const result: TypeRead<T> = {
        items: [],
        fileCount: 0,
        failed: [],
        folderSeen: ctx.tree.folders.has(spec.directory.toLowerCase()),
        listed: isListed(ctx.manifest, spec.type, spec.member)
    };
    for (const file of ctx.tree.files) {
        const name = developerNameOf(file, spec);
        if (name === undefined) continue;
        result.fileCount++;
        const fail = (message: string, line?: number) => {
            ctx.problems.push({ file: file.relativePath, line, section, message });
            result.failed.push(file.relativePath);
        };
        let content: string;
        try {
            content = stripBom(fs.readFileSync(file.absolutePath, 'utf8'));
        } catch (error) {
            fail(`could not read the file: ${messageOf(error)}`);
            continue;
        }
        const parsed = parseXmlDocument(content, spec.lists);
        if (!parsed.ok) {
            fail(parsed.message, parsed.line);
            continue;
        }
        const doc = parsed.doc;
        if (doc.root !== spec.root) {
            fail(`expected root element <${spec.root}>, found <${doc.root}>`, doc.line);
            continue;
        }
        try {
            result.items.push(...spec.read({ name, doc, source: { file: file.relativePath, line: doc.line } }));
        } catch (error) {
            if (!(error instanceof ReadError)) throw error; // a reader bug, not a bad file: let tests see it
            fail(error.message, error.line ?? doc.line);
        }
    }
    return result;
}

/** Several types feeding one section (legacy chat), or a type plus its companion (flows + definitions). */
export function combine<T>(reads: TypeRead<T>[]): TypeRead<T> {
    return {
        items: reads.flatMap((r) => r.items),
        fileCount: reads.reduce((n, r) => n + r.fileCount, 0),
        failed: reads.flatMap((r) => r.failed),
        folderSeen: reads.some((r) => r.folderSeen),
        listed: reads.some((r) => r.listed)
    };
}

/** The section state, with `absentReason` used when nothing of the type is in the folder. */
export function toSection<T>(read: TypeRead<T>, absentReason: string): Section<T> {
    if (read.failed.length > 0) {
        return { state: 'error', reason: failureReason(read.failed), items: read.items };
    }
    if (read.fileCount > 0 || read.listed) return readSection(read.items);
    return missingSection('not_in_source', absentReason);
}

const LISTED_FAILURES = 3;

function failureReason(failed: string[]): string {
    const shown = failed.slice(0, LISTED_FAILURES).join(', ');
    const more = failed.length > LISTED_FAILURES ? ` and ${failed.length - LISTED_FAILURES} more` : '';
    return `${failed.length} file(s) could not be read: ${shown}${more} (see problems)`;
}

/** "no messagingChannels/ folder under <dir>", or why an existing folder did not count. */
export function absentFolderReason(ctx: ReadContext, spec: TypeSpec<unknown>, folderSeen: boolean): string {
    if (spec.member !== undefined) {
        return folderSeen
            ? `no ${spec.directory}/${spec.member}.${spec.suffix}-meta.xml under ${ctx.rootLabel}`
            : `no ${spec.directory}/ folder under ${ctx.rootLabel}`;
    }
    return folderSeen
        ? `${spec.directory}/ folder under ${ctx.rootLabel} holds no .${spec.suffix} files`
        : `no ${spec.directory}/ folder under ${ctx.rootLabel}`;
}
