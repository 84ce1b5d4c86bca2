/*
 * How a metadata type appears on disk and how its files become snapshot items. Each area module
 * (readChannels, readOmni, …) exports one spec per type it reads; the orchestrator only sees specs.
 */
import type { MetadataFile } from './readSupport';

export interface TypeSpec<T> {
    /** Metadata API type name, as listed in package.xml (`<types><name>`). */
    type: string;
    /** Folder the files live in, in both layouts (e.g. `messagingChannels`). */
    directory: string;
    /** File suffix without the dot: `X.<suffix>-meta.xml` (source format) or `X.<suffix>` (Metadata API format). */
    suffix: string;
    /** Expected root element of every file. */
    root: string;
    /** Full dotted element paths that are lists in this type (see `listPathSet`). */
    lists: ReadonlySet<string>;
    /** For types that share a folder and suffix (settings): the one file name this spec reads. */
    member?: string;
    /**
     * The members a retrieve must name, when `*` is not enough: a wildcard never retrieves standard objects or,
     * for some types, standard components, so those are named (MessagingSession, standard__LightningService).
     */
    manifestMembers?: readonly string[];
    /** A child type that arrives inside its parent's retrieve (CustomField in CustomObject): not listed itself. */
    retrievedWith?: string;
    /** Turns one parsed file into items; throws `ReadError` when the file cannot become an item. */
    read(file: MetadataFile): T[];
}
