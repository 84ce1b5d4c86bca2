/*
 * Reads a package.xml (retrieve manifest) and compares it with the metadata types the reader reads, in words
 * that name each missing or extra type and member.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ReadType } from '../../cli/read/metadataReader';

export interface PackageXml {
    namespace?: string;
    version?: string;
    types: ReadType[];
}

/** Parses package.xml; throws with the line when it is not well-formed XML or not a <Package>. */
export function parsePackageXml(xml: string): PackageXml {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    const parsed = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        parseTagValue: false,
        isArray: (name) => name === 'types' || name === 'members'
    }).parse(xml) as Record<string, unknown>;
    const pkg = parsed.Package as
        { '@xmlns'?: string; version?: string; types?: { name?: string; members?: string[] }[] } | undefined;
    if (!pkg) throw new Error(`root element is not <Package> (found ${Object.keys(parsed).join(', ')})`);
    return {
        namespace: pkg['@xmlns'],
        version: pkg.version,
        types: (pkg.types ?? []).map((t) => ({ type: t.name ?? '', members: t.members ?? [] }))
    };
}

/** Every difference between a manifest and the reader's types, one sentence each; empty when they agree. */
export function manifestDifferences(manifest: PackageXml, expected: readonly ReadType[]): string[] {
    const differences: string[] = [];
    const listed = new Map<string, Set<string>>();
    for (const { type, members } of manifest.types) {
        if (listed.has(type)) differences.push(`type ${type} is listed twice`);
        listed.set(type, new Set([...(listed.get(type) ?? []), ...members]));
    }
    const wanted = new Map(expected.map((t) => [t.type, new Set(t.members)]));
    for (const [type, members] of wanted) {
        const got = listed.get(type);
        if (!got) {
            differences.push(`missing type ${type} (members ${[...members].join(', ')}): the reader reads it`);
            continue;
        }
        for (const m of members) if (!got.has(m)) differences.push(`type ${type}: missing member ${m}`);
        for (const m of got) if (!members.has(m)) differences.push(`type ${type}: extra member ${m}`);
    }
    for (const type of listed.keys()) {
        if (!wanted.has(type)) differences.push(`extra type ${type}: the reader does not read it`);
    }
    return differences;
}
