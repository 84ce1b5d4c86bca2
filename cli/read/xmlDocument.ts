/*
 * The one place that knows about the XML parser. Metadata files become plain trees of strings:
 * no type coercion (a value like `1.0` or `00Gxx…` stays as written until a reader converts it on
 * purpose), comments dropped, `xsi:nil="true"` elements removed (so they read as undefined), and the
 * elements a metadata type declares as lists always arrays.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlValue = string | XmlNode | XmlValue[];
export interface XmlNode {
    [element: string]: XmlValue | undefined;
}

export interface XmlDocument {
    /** Name of the root element, e.g. `MessagingChannel`. */
    root: string;
    /** Children of the root element. */
    node: XmlNode;
    /** 1-based line of the root element's start tag. */
    line: number;
}

export type ParseOutcome = { ok: true; doc: XmlDocument } | { ok: false; message: string; line?: number };

const NIL_ATTRIBUTE = 'xsi:nil';

/**
 * Parses one metadata file. `listPaths` are dotted element paths from the root (e.g.
 * `MessagingChannel.customParameters`) that must always come back as arrays, even with one entry.
 */
export function parseXmlDocument(text: string, listPaths: ReadonlySet<string>): ParseOutcome {
    // The parser itself is lenient (it accepts unclosed tags); the validator reports where a file breaks.
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        return { ok: false, message: `malformed XML: ${valid.err.msg}`, line: valid.err.line };
    }
    const parser = new XMLParser({
        // Only xsi:nil matters; every other attribute (xmlns…) is noise for metadata.
        ignoreAttributes: (name: string) => name !== NIL_ATTRIBUTE,
        attributeNamePrefix: '',
        parseTagValue: false,
        parseAttributeValue: false,
        ignoreDeclaration: true,
        ignorePiTags: true,
        trimValues: true,
        isArray: (_tag: string, jPath: unknown) => typeof jPath === 'string' && listPaths.has(jPath),
        // Returning false drops the element: `<relatedEntityType xsi:nil="true"/>` reads as absent.
        updateTag: (tag: string, _jPath: unknown, attrs: Record<string, string>) =>
            attrs?.[NIL_ATTRIBUTE] === 'true' ? false : tag
    });
    const parsed: unknown = parser.parse(text);
    const roots = isNode(parsed) ? Object.keys(parsed) : [];
    if (roots.length !== 1) {
        return {
            ok: false,
            message:
                roots.length === 0
                    ? 'no root element found'
                    : `expected one root element, found ${roots.length}: ${roots.join(', ')}`,
            line: 1
        };
    }
    const root = roots[0];
    const body = (parsed as XmlNode)[root];
    // `<Flow/>` or `<Flow></Flow>` parses to '' — an empty but well-formed document.
    const node: XmlNode = isNode(body) ? body : {};
    return { ok: true, doc: { root, node, line: rootElementLine(text) } };
}

/** Builds the full dotted paths for `parseXmlDocument` from paths relative to the root element. */
export function listPathSet(root: string, relativePaths: readonly string[]): Set<string> {
    return new Set(relativePaths.map((p) => `${root}.${p}`));
}

/** 1-based line of the first element start tag, skipping the declaration, comments and DOCTYPE. */
export function rootElementLine(text: string): number {
    let i = 0;
    while (i < text.length) {
        const open = text.indexOf('<', i);
        if (open < 0) break;
        if (text.startsWith('<?', open)) {
            i = endOf(text, '?>', open);
        } else if (text.startsWith('<!--', open)) {
            i = endOf(text, '-->', open);
        } else if (text.startsWith('<!', open)) {
            i = endOf(text, '>', open);
        } else {
            return lineAt(text, open);
        }
    }
    return 1;
}

function endOf(text: string, marker: string, from: number): number {
    const at = text.indexOf(marker, from);
    return at < 0 ? text.length : at + marker.length;
}

function lineAt(text: string, index: number): number {
    let line = 1;
    for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
    return line;
}

// ---------------------------------------------------------------------------------------------------------
// Accessors: small, total functions so readers never crash on an unexpected shape.
// ---------------------------------------------------------------------------------------------------------

export function isNode(value: unknown): value is XmlNode {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text of a leaf element; undefined when absent, empty or not a leaf. A repeated leaf yields its first value. */
export function text(node: XmlNode | undefined, element: string): string | undefined {
    const value = node?.[element];
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') return first === '' ? undefined : first;
    // A leaf that carried an attribute parses to { '#text': … }.
    if (isNode(first) && typeof first['#text'] === 'string') return first['#text'] || undefined;
    return undefined;
}

/** `true`/`false` (any case); anything else, or absent, is undefined. */
export function bool(node: XmlNode | undefined, element: string): boolean | undefined {
    const value = text(node, element)?.toLowerCase();
    if (value === 'true') return true;
    if (value === 'false') return false;
    return undefined;
}

/** A finite number (`1.0` → 1); anything else is undefined. */
export function num(node: XmlNode | undefined, element: string): number | undefined {
    const value = text(node, element);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
}

/** The child element as a node (the first when repeated). */
export function child(node: XmlNode | undefined, element: string): XmlNode | undefined {
    const value = node?.[element];
    const first = Array.isArray(value) ? value[0] : value;
    return isNode(first) ? first : undefined;
}

/** Every occurrence of a complex child element, whether the parser produced one or many. */
export function children(node: XmlNode | undefined, element: string): XmlNode[] {
    return asArray(node?.[element]).filter(isNode);
}

/** Every non-empty text occurrence of a leaf child element. */
export function texts(node: XmlNode | undefined, element: string): string[] {
    return asArray(node?.[element]).filter((v): v is string => typeof v === 'string' && v !== '');
}

function asArray(value: XmlValue | undefined): XmlValue[] {
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
}
