/*
 * What the Trusted sites step shows and generates, as pure functions so they are tested without a DOM:
 * per widget origin whether the CORS allowlist covers it (the engine's matcher, never a second parser), which
 * entries are missing, and the ready-to-deploy metadata that adds them. Widget origins never get a Trusted URL
 * (CSP Trusted Site): those widen the CSP of pages Salesforce serves and do nothing for an external website. The
 * only Trusted URL proposed is the messaging service (SCRT) URL, when TS-03 finds an Experience site without it.
 * Element names and order follow the Metadata API (Metadata API Developer Guide: CorsWhitelistOrigin,
 * CspTrustedSite); folders and suffixes follow source format as the SDR registry names them.
 */
import { findCorsCoverage, findCspCoverage, parseOrigin } from 'c/miawReadinessEngine';
import type {
    CheckResult,
    CspTrustedSite,
    OrgSnapshot,
    OriginEnvironment,
    Section,
    SetupPlan
} from 'c/miawReadinessEngine';

export const METADATA_API_VERSION = '65.0';

export type CoverageState = 'covered' | 'missing' | 'unknown';

export interface OriginCoverage {
    /** As the plan holds it (what "Remove origin" removes). */
    input: string;
    /** Canonical scheme://host[:port] when it parses, else the input. */
    origin: string;
    environment: OriginEnvironment;
    valid: boolean;
    /** Why the origin cannot be used, naming it (engine wording). */
    error: string;
    cors: CoverageState;
    /** Developer names of the covering entries. */
    corsBy: string[];
    csp: CoverageState;
    cspBy: string[];
}

export interface MissingEntries {
    /** Origins to add to the CORS allowlist. */
    cors: string[];
    /** The messaging (SCRT) endpoint, when the engine says its CSP Trusted Site is missing (connect-src only). */
    scrt: string | null;
}

export interface FixFile {
    path: string;
    content: string;
}

function readItems<T>(section: Section<T> | undefined): T[] | null {
    return section && section.state === 'read' ? section.items : null;
}

/** One row per plan origin, in plan order; a section that was not read gives "unknown", never "missing". */
export function originCoverage(plan: SetupPlan, snapshot: OrgSnapshot | null): OriginCoverage[] {
    const cors = readItems(snapshot?.corsEntries);
    const csp = readItems(snapshot?.cspTrustedSites);
    return plan.widgetOrigins.map((widget) => {
        const parsed = parseOrigin(widget.origin);
        if (!parsed.ok) {
            return {
                input: widget.origin,
                origin: widget.origin,
                environment: widget.environment,
                valid: false,
                error: parsed.error,
                cors: 'unknown',
                corsBy: [],
                csp: 'unknown',
                cspBy: []
            };
        }
        const corsBy = cors ? findCorsCoverage(parsed.origin, cors) : [];
        const cspBy = csp ? findCspCoverage(parsed.origin, csp) : [];
        return {
            input: widget.origin,
            origin: parsed.origin.text,
            environment: widget.environment,
            valid: true,
            error: '',
            cors: cors === null ? 'unknown' : corsBy.length > 0 ? 'covered' : 'missing',
            corsBy,
            csp: csp === null ? 'unknown' : cspBy.length > 0 ? 'covered' : 'missing',
            cspBy
        };
    });
}

// Trusted URL contexts that reach an Experience Builder site (a LEX- or Visualforce-only entry does not).
const EXPERIENCE_CONTEXTS = ['All', 'Communities'];

/** Allows connect-src on Experience Builder sites, as TS-03 requires of the SCRT entry. */
function allowsConnectSrcOnSites(site: CspTrustedSite): boolean {
    return (
        site.isApplicableToConnectSrc === true &&
        (site.context === undefined || EXPERIENCE_CONTEXTS.includes(site.context))
    );
}

/**
 * The SCRT URL to add as a Trusted URL, or null: only when TS-03 fails (an Experience/Commerce site needs it) and no
 * active Trusted URL with connect-src on Experience Builder sites already covers the URL.
 */
export function scrtCspNeeded(
    results: readonly CheckResult[],
    snapshot: OrgSnapshot | null,
    scrtUrl: string | undefined
): string | null {
    if (!scrtUrl || !results.some((r) => r.checkId === 'TS-03' && r.status === 'fail')) return null;
    const parsed = parseOrigin(scrtUrl);
    if (!parsed.ok) return null;
    const csp = readItems(snapshot?.cspTrustedSites);
    if (csp === null) return null;
    const covering = findCspCoverage(parsed.origin, csp.filter(allowsConnectSrcOnSites));
    return covering.length > 0 ? null : parsed.origin.text;
}

/** What is missing, de-duplicated by canonical origin, in plan order. */
export function missingEntries(coverage: readonly OriginCoverage[], scrt: string | null): MissingEntries {
    const cors: string[] = [];
    for (const row of coverage) {
        if (row.valid && row.cors === 'missing' && !cors.includes(row.origin)) cors.push(row.origin);
    }
    return { cors, scrt };
}

export function hasMissing(missing: MissingEntries): boolean {
    return missing.cors.length > 0 || missing.scrt !== null;
}

/** The Trusted URLs (CSP Trusted Sites) to create: only the SCRT endpoint, when it is missing. */
export function cspOriginsToCreate(missing: MissingEntries): string[] {
    return missing.scrt ? [missing.scrt] : [];
}

const MAX_DEVELOPER_NAME = 80;

export type EntryKind = 'cors' | 'csp';

/**
 * The developer name of the entry for an origin, the one naming rule for both ways of adding it: the zip/copy
 * metadata here and "Create missing entries" (MiawTrustedSiteService.developerName, which the Apex test holds to the
 * same examples). `Miaw_Cors_<host>` / `Miaw_Csp_<host>` with every run of other characters as one "_": letters,
 * digits and single underscores, starting with a letter, at most 80 characters. With `taken` (lower-case names
 * already in the org) it is made unique with "_2", "_3"… (Salesforce compares developer names case-insensitively).
 */
export function developerNameFor(kind: EntryKind, origin: string, taken: Set<string> = new Set()): string {
    const body = origin
        .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+|_+$/g, '');
    const prefix = kind === 'cors' ? 'Miaw_Cors_' : 'Miaw_Csp_';
    const base = `${prefix}${body || 'origin'}`.slice(0, MAX_DEVELOPER_NAME).replace(/_+$/, '');
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
        const suffix = `_${n}`;
        name = base.slice(0, MAX_DEVELOPER_NAME - suffix.length).replace(/_+$/, '') + suffix;
    }
    taken.add(name.toLowerCase());
    return name;
}

function xmlEscape(text: string): string {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'http://soap.sforce.com/2006/04/metadata';

export function corsWhitelistOriginXml(origin: string): string {
    return [
        XML_HEADER,
        `<CorsWhitelistOrigin xmlns="${NS}">`,
        `    <urlPattern>${xmlEscape(origin)}</urlPattern>`,
        '</CorsWhitelistOrigin>',
        ''
    ].join('\n');
}

/** connect-src lets the chat on an Experience site call the messaging service (SCRT); it is not framed. */
export function cspTrustedSiteXml(origin: string): string {
    const description =
        'Messaging for In-App and Web: the messaging service endpoint (SCRT). Added by MIAW Setup Assistant.';
    return [
        XML_HEADER,
        `<CspTrustedSite xmlns="${NS}">`,
        '    <context>All</context>',
        `    <description>${xmlEscape(description)}</description>`,
        `    <endpointUrl>${xmlEscape(origin)}</endpointUrl>`,
        '    <isActive>true</isActive>',
        '    <isApplicableToConnectSrc>true</isApplicableToConnectSrc>',
        '    <isApplicableToFontSrc>false</isApplicableToFontSrc>',
        '    <isApplicableToFrameSrc>false</isApplicableToFrameSrc>',
        '    <isApplicableToImgSrc>false</isApplicableToImgSrc>',
        '    <isApplicableToMediaSrc>false</isApplicableToMediaSrc>',
        '    <isApplicableToStyleSrc>false</isApplicableToStyleSrc>',
        '</CspTrustedSite>',
        ''
    ].join('\n');
}

export function packageXml(members: { cors: string[]; csp: string[] }): string {
    const types: string[] = [];
    const addType = (name: string, list: string[]) => {
        if (list.length === 0) return;
        types.push('    <types>');
        for (const m of [...list].sort()) types.push(`        <members>${xmlEscape(m)}</members>`);
        types.push(`        <name>${name}</name>`);
        types.push('    </types>');
    };
    addType('CorsWhitelistOrigin', members.cors);
    addType('CspTrustedSite', members.csp);
    return [
        XML_HEADER,
        `<Package xmlns="${NS}">`,
        ...types,
        `    <version>${METADATA_API_VERSION}</version>`,
        '</Package>',
        ''
    ].join('\n');
}

const README = [
    'Missing trusted-site entries for Messaging for In-App and Web, generated by MIAW Setup Assistant.',
    'Nothing here deletes or changes an existing entry.',
    '',
    'Deploy with the Salesforce CLI:',
    '1. Copy the corsWhitelistOrigins and cspTrustedSites folders into force-app/main/default of a Salesforce DX project.',
    '2. From the project folder run: sf project deploy start --manifest <unzipped folder>/package.xml --target-org <alias>',
    '3. Open Guided Setup and click Re-check.',
    ''
].join('\n');

/**
 * The files that add exactly the missing entries. Names avoid the developer names already in the org
 * (`existingNames`), so a deploy creates entries and never overwrites one.
 */
export function buildFixFiles(missing: MissingEntries, existingNames: { cors: string[]; csp: string[] }): FixFile[] {
    const corsTaken = new Set(existingNames.cors.map((n) => n.toLowerCase()));
    const cspTaken = new Set(existingNames.csp.map((n) => n.toLowerCase()));
    const files: FixFile[] = [];
    const corsNames: string[] = [];
    const cspNames: string[] = [];
    for (const origin of missing.cors) {
        const name = developerNameFor('cors', origin, corsTaken);
        corsNames.push(name);
        files.push({
            path: `corsWhitelistOrigins/${name}.corsWhitelistOrigin-meta.xml`,
            content: corsWhitelistOriginXml(origin)
        });
    }
    for (const origin of cspOriginsToCreate(missing)) {
        const name = developerNameFor('csp', origin, cspTaken);
        cspNames.push(name);
        files.push({
            path: `cspTrustedSites/${name}.cspTrustedSite-meta.xml`,
            content: cspTrustedSiteXml(origin)
        });
    }
    if (files.length === 0) return [];
    return [
        { path: 'package.xml', content: packageXml({ cors: corsNames, csp: cspNames }) },
        ...files,
        { path: 'README.txt', content: README }
    ];
}

/** All files as one text for "Copy metadata": each preceded by its path. */
export function metadataAsText(files: readonly FixFile[]): string {
    return files.map((f) => `<!-- ${f.path} -->\n${f.content}`).join('\n');
}

/** The names already used in the org, so generated files never overwrite an entry. */
export function existingEntryNames(snapshot: OrgSnapshot | null): { cors: string[]; csp: string[] } {
    return {
        cors: (readItems(snapshot?.corsEntries) ?? []).map((e) => e.developerName),
        csp: (readItems(snapshot?.cspTrustedSites) ?? []).map((s) => s.developerName)
    };
}
