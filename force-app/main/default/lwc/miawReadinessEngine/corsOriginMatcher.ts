/*
 * CORS allowlist patterns and CSP Trusted Site URLs: parsing, "does this entry cover that origin", and the two
 * entry audits (TS-04 well-formedness, TS-05 breadth). Rules: CHECKS.md "Origin matching rules", the
 * CorsWhitelistOrigin reference and the Spring '23 admin guide. Pure functions; nothing here throws on any input.
 */
import {
    EXTENSION_SCHEMES,
    ORIGIN_SCHEMES,
    coversSharedPlatform,
    defaultPort,
    describeProblem,
    formatOriginParts,
    isLoopbackHost,
    isPrivateHost,
    isSubdomainOf,
    originFromParts,
    parseOrigin,
    parseOriginParts,
    publicSuffixOf,
    registrableDomain
} from './originParser';
import type { Origin, OriginProblemCode, OriginSyntax } from './originParser';
import type { CorsEntry, CspTrustedSite } from './snapshot';
import { memoizeByString } from './stringMemo';

// ---------------------------------------------------------------------------------------------------------
// CORS allowlist patterns
// ---------------------------------------------------------------------------------------------------------

export type CorsPattern =
    /** A bare "*": Salesforce does not document it; treated as covering everything so TS-05 can flag it. */
    | { kind: 'any'; text: string }
    | { kind: 'exact'; origin: Origin; text: string }
    /** `scheme://*.baseHost[:port]`: every subdomain of baseHost at any depth, never baseHost itself. */
    | { kind: 'wildcard'; scheme: string; baseHost: string; port: number | null; text: string };

export type PatternParseResult<T> = { ok: true; pattern: T } | { ok: false; error: string; code: OriginProblemCode };

const CORS_SYNTAX: OriginSyntax = {
    schemes: ORIGIN_SCHEMES,
    schemeOptional: false,
    allowPath: false,
    allowLeadingWildcard: true,
    allowPortWildcard: false,
    shapeHint: 'a CORS allowlist pattern is scheme://host[:port]'
};

/** Extra facts a linter needs that the canonical pattern no longer shows. */
interface CorsParseDetail {
    pattern: CorsPattern;
    hadTrailingSlash: boolean;
}

// Parsed once per distinct pattern: several checks parse the same entries (results are shared, never mutated).
const parseCorsDetail = memoizeByString(parseCorsDetailUncached);

function parseCorsDetailUncached(input: string): PatternParseResult<CorsParseDetail> {
    if (input.trim() === '*')
        return { ok: true, pattern: { pattern: { kind: 'any', text: '*' }, hadTrailingSlash: false } };
    const parsed = parseOriginParts(input, CORS_SYNTAX);
    if (!parsed.ok) return { ok: false, code: parsed.code, error: describeProblem(input, parsed.problem, parsed.code) };
    const parts = parsed.value;
    // The CORS dialect requires a scheme and has no "*" port, so both narrow safely.
    const scheme = parts.scheme as string;
    const port = parts.port as number | null;
    const text = formatOriginParts(parts);
    const pattern: CorsPattern = parts.wildcard
        ? { kind: 'wildcard', scheme, baseHost: parts.host, port, text }
        : {
              kind: 'exact',
              origin: originFromParts({ scheme, host: parts.host, port, isIpAddress: parts.isIpAddress }),
              text
          };
    return { ok: true, pattern: { pattern, hadTrailingSlash: parts.hadTrailingSlash } };
}

/**
 * Parses a CORS allowlist URL pattern: scheme://host[:port], `*` only as the whole leftmost label
 * (`https://*.example.com`), or a chrome-extension:// / moz-extension:// origin. Case, a trailing dot or slash
 * and a default port are normalised; anything else is an error naming the pattern.
 */
export function parseCorsPattern(input: string): PatternParseResult<CorsPattern> {
    const detail = parseCorsDetail(input);
    return detail.ok ? { ok: true, pattern: detail.pattern.pattern } : detail;
}

function toOrigin(origin: Origin | string): Origin | null {
    if (typeof origin !== 'string') return origin;
    const parsed = parseOrigin(origin);
    return parsed.ok ? parsed.origin : null;
}

/**
 * True when the pattern lets the origin through. Scheme and port must match exactly (no port = the default
 * port only); a wildcard covers subdomains at any depth but not its own domain, and never a look-alike
 * (evil-example.com, example.com.evil.io). An IP address and a host name are never the same origin.
 */
export function corsPatternCovers(pattern: CorsPattern | string, origin: Origin | string): boolean {
    const p = typeof pattern === 'string' ? parseCorsPattern(pattern) : { ok: true as const, pattern };
    const o = toOrigin(origin);
    if (!p.ok || o === null) return false;
    const pat = p.pattern;
    switch (pat.kind) {
        case 'any':
            return true;
        case 'exact':
            return pat.origin.text === o.text;
        case 'wildcard':
            return (
                pat.scheme === o.scheme && pat.port === o.port && !o.isIpAddress && isSubdomainOf(o.host, pat.baseHost)
            );
        default:
            return false;
    }
}

export interface ParsedCorsEntry {
    entry: CorsEntry;
    parsed: PatternParseResult<CorsPattern>;
}

/** Parses every entry once, so covering many origins stays linear. */
export function parseCorsEntries(entries: readonly CorsEntry[]): ParsedCorsEntry[] {
    return entries.map((entry) => ({ entry, parsed: parseCorsPattern(entry.urlPattern ?? '') }));
}

/** The entries (parsed once) whose pattern covers the origin. */
export function coveringCorsEntries(origin: Origin, entries: readonly ParsedCorsEntry[]): CorsEntry[] {
    return entries.filter((e) => e.parsed.ok && corsPatternCovers(e.parsed.pattern, origin)).map((e) => e.entry);
}

/** Developer names of the CORS allowlist entries that cover the origin, in entry order. */
export function findCorsCoverage(origin: Origin | string, entries: readonly CorsEntry[]): string[] {
    const o = toOrigin(origin);
    if (o === null) return [];
    return coveringCorsEntries(o, parseCorsEntries(entries)).map((e) => e.developerName);
}

/**
 * Why entries that nearly cover the origin do not: same host but another scheme or port, a wildcard over the
 * origin's own domain (which a wildcard never covers), or an entry that would cover it but does not parse.
 * One plain sentence per near miss, for the TS-01 message.
 */
export function explainCorsNearMisses(origin: Origin, entries: readonly ParsedCorsEntry[]): string[] {
    const notes: string[] = [];
    for (const { entry, parsed } of entries) {
        const name = `"${entry.developerName}" (${entry.urlPattern})`;
        if (!parsed.ok) {
            if ((entry.urlPattern ?? '').toLowerCase().includes(origin.host))
                notes.push(`${name} mentions this host but is malformed`);
            continue;
        }
        const p = parsed.pattern;
        if (p.kind === 'exact' && p.origin.host === origin.host && p.origin.text !== origin.text) {
            notes.push(`${name} is for ${p.origin.text}: ${differenceOf(p.origin.scheme, p.origin.port, origin)}`);
        } else if (p.kind === 'wildcard' && p.baseHost === origin.host) {
            notes.push(`${name} covers only subdomains of ${origin.host}, not ${origin.host} itself`);
        } else if (p.kind === 'wildcard' && isSubdomainOf(origin.host, p.baseHost)) {
            notes.push(`${name} covers the host but ${differenceOf(p.scheme, p.port, origin)}`);
        }
    }
    return notes;
}

function differenceOf(scheme: string, port: number | null, origin: Origin): string {
    if (scheme !== origin.scheme) return `the scheme differs (${scheme} vs ${origin.scheme})`;
    const shown = (p: number | null, s: string): string => String(p ?? defaultPort(s) ?? 'none');
    return `the port differs (${shown(port, scheme)} vs ${shown(origin.port, origin.scheme)})`;
}

/** `https://*.example.com` for https://www.example.com; null when a wildcard would not be the company's own. */
export function wildcardSuggestion(origin: Origin): string | null {
    if (origin.isIpAddress || origin.isLoopback || EXTENSION_SCHEMES.includes(origin.scheme)) return null;
    const domain = registrableDomain(origin.host);
    if (domain === null || domain === origin.host || coversSharedPlatform(domain)) return null;
    return `${origin.scheme}://*.${domain}${origin.port === null ? '' : `:${origin.port}`}`;
}

// ---------------------------------------------------------------------------------------------------------
// CSP Trusted Sites
// ---------------------------------------------------------------------------------------------------------

export type CspEndpoint =
    | { kind: 'any'; text: string }
    | {
          kind: 'host';
          /** null when the URL omits it: Salesforce pages are https, so it matches https. */
          scheme: string | null;
          wildcard: boolean;
          host: string;
          port: number | null | '*';
          /** Kept for display; a path narrows which resources load, not which origin is trusted. */
          path: string;
          isIpAddress: boolean;
          text: string;
      };

const CSP_SCHEMES: readonly string[] = ['https', 'http', 'wss', 'ws'];

const CSP_SYNTAX: OriginSyntax = {
    schemes: CSP_SCHEMES,
    schemeOptional: true,
    allowPath: true,
    allowLeadingWildcard: true,
    allowPortWildcard: true,
    shapeHint: 'a CSP Trusted Site URL is [scheme://]host[:port][/path]'
};

/** Parses a CSP Trusted Site URL: the scheme may be omitted and a path is allowed; `*.` works as in CORS. */
export const parseCspEntry = memoizeByString(parseCspEntryUncached);

function parseCspEntryUncached(endpointUrl: string): PatternParseResult<CspEndpoint> {
    if (endpointUrl.trim() === '*') return { ok: true, pattern: { kind: 'any', text: '*' } };
    const parsed = parseOriginParts(endpointUrl, CSP_SYNTAX);
    if (!parsed.ok)
        return { ok: false, code: parsed.code, error: describeProblem(endpointUrl, parsed.problem, parsed.code) };
    const { scheme, wildcard, host, port, path, isIpAddress } = parsed.value;
    return {
        ok: true,
        pattern: {
            kind: 'host',
            scheme,
            wildcard,
            host,
            port,
            path,
            isIpAddress,
            text: formatOriginParts(parsed.value)
        }
    };
}

// CSP Level 3 "scheme-part match": an http source also allows its https upgrade. A scheme-less source takes
// the scheme of the protected page, and the pages Salesforce serves are https.
function cspSchemeAllows(sourceScheme: string | null, originScheme: string): boolean {
    if (sourceScheme === null) return originScheme === 'https';
    if (sourceScheme === 'http') return originScheme === 'http' || originScheme === 'https';
    return sourceScheme === originScheme;
}

function cspPortAllows(sourcePort: number | null | '*', origin: Origin): boolean {
    if (sourcePort === '*') return true;
    return sourcePort === origin.port;
}

/** True when the parsed endpoint trusts the origin (activity is the caller's concern). */
export function cspEndpointCovers(endpoint: CspEndpoint, origin: Origin): boolean {
    if (endpoint.kind === 'any') return origin.scheme === 'https' || origin.scheme === 'http';
    if (!cspSchemeAllows(endpoint.scheme, origin.scheme) || !cspPortAllows(endpoint.port, origin)) return false;
    if (endpoint.wildcard) return !origin.isIpAddress && isSubdomainOf(origin.host, endpoint.host);
    return endpoint.host === origin.host;
}

/** True when the CSP Trusted Site is active and its URL covers the origin. An inactive site covers nothing. */
export function cspEntryCovers(site: CspTrustedSite, origin: Origin | string): boolean {
    if (!site.isActive) return false;
    const o = toOrigin(origin);
    const parsed = parseCspEntry(site.endpointUrl ?? '');
    return o !== null && parsed.ok && cspEndpointCovers(parsed.pattern, o);
}

export interface ParsedCspSite {
    site: CspTrustedSite;
    parsed: PatternParseResult<CspEndpoint>;
}

export function parseCspSites(sites: readonly CspTrustedSite[]): ParsedCspSite[] {
    return sites.map((site) => ({ site, parsed: parseCspEntry(site.endpointUrl ?? '') }));
}

/** Sites (parsed once) whose URL covers the origin, active or not; callers split by `isActive`. */
export function cspSitesMatching(origin: Origin, sites: readonly ParsedCspSite[]): CspTrustedSite[] {
    return sites.filter((s) => s.parsed.ok && cspEndpointCovers(s.parsed.pattern, origin)).map((s) => s.site);
}

/** Developer names of the active CSP Trusted Sites that cover the origin. */
export function findCspCoverage(origin: Origin | string, sites: readonly CspTrustedSite[]): string[] {
    const o = toOrigin(origin);
    if (o === null) return [];
    return cspSitesMatching(o, parseCspSites(sites))
        .filter((s) => s.isActive)
        .map((s) => s.developerName);
}

// ---------------------------------------------------------------------------------------------------------
// TS-04: well-formedness
// ---------------------------------------------------------------------------------------------------------

export type EntryFindingCode =
    | OriginProblemCode
    | 'match_all'
    | 'trailing_slash'
    | 'wildcard_over_tld'
    | 'insecure_http'
    | 'public_suffix_wildcard'
    | 'platform_suffix_wildcard'
    | 'http_public_host';

export interface EntryFinding {
    code: EntryFindingCode;
    /** Names the pattern and says what is wrong. */
    message: string;
    /** What to write instead, in plain words. */
    remediation: string;
}

const AUDIT_ONLY_CODES: ReadonlySet<EntryFindingCode> = new Set<EntryFindingCode>([
    'match_all',
    'trailing_slash',
    'wildcard_over_tld',
    'insecure_http',
    'public_suffix_wildcard',
    'platform_suffix_wildcard',
    'http_public_host'
]);

/** True when the finding says the entry does not parse at all (it then covers nothing), not only that it is unwise. */
export function isMalformedFinding(finding: EntryFinding): boolean {
    return !AUDIT_ONLY_CODES.has(finding.code);
}

const quote = (text: string): string => JSON.stringify(text.trim());

function malformed(error: string, code: OriginProblemCode): EntryFinding {
    const remediation =
        code === 'placeholder'
            ? "Replace the placeholder with the real host (for a My Domain placeholder, the org's My Domain name) before deploying."
            : 'Rewrite the entry as scheme://host[:port], e.g. https://www.example.com or https://*.example.com.';
    return { code, message: `${error}.`, remediation };
}

function wildcardOverTld(text: string, base: string): EntryFinding {
    return {
        code: 'wildcard_over_tld',
        message: `${quote(text)} puts "*" directly in front of "${base}": a wildcard must stand in front of a second-level domain such as example.${base}.`,
        remediation: `Name your own domain after the wildcard, e.g. https://*.example.${base}.`
    };
}

function insecureHttp(text: string, host: string, fixed: string): EntryFinding {
    return {
        code: 'insecure_http',
        message: `${quote(text)} uses http:// on ${host}: only localhost may use plain http; every other site needs https.`,
        remediation: `Serve the site over https and write ${fixed}.`
    };
}

const MATCH_ALL_LINT: EntryFinding = {
    code: 'match_all',
    message: '"*" is not a URL pattern: an entry must include the scheme and a domain.',
    remediation: 'Replace "*" with the exact origins that embed the chat, e.g. https://www.example.com.'
};

/** TS-04 problems of a CORS allowlist pattern: malformed, no scheme, path, misplaced wildcard, http off localhost. */
export function lintCorsPattern(pattern: string): EntryFinding[] {
    const text = pattern ?? '';
    const parsed = parseCorsDetail(text);
    if (!parsed.ok) return [malformed(parsed.error, parsed.code)];
    const { pattern: p, hadTrailingSlash } = parsed.pattern;
    if (p.kind === 'any') return [MATCH_ALL_LINT];
    const findings: EntryFinding[] = [];
    if (hadTrailingSlash) {
        findings.push({
            code: 'trailing_slash',
            message: `${quote(text)} ends in "/": a CORS pattern is scheme://host[:port] with no path.`,
            remediation: `Write ${p.text}.`
        });
    }
    if (p.kind === 'wildcard' && !p.baseHost.includes('.')) findings.push(wildcardOverTld(text, p.baseHost));
    const scheme = p.kind === 'exact' ? p.origin.scheme : p.scheme;
    const host = p.kind === 'exact' ? p.origin.host : p.baseHost;
    if (scheme === 'http' && !isLoopbackHost(host)) {
        findings.push(insecureHttp(text, host, p.text.replace(/^http:/, 'https:')));
    }
    return findings;
}

/** TS-04 problems of a CSP Trusted Site URL (scheme optional, path allowed): malformed, misplaced wildcard, http. */
export function lintCspEntry(endpointUrl: string): EntryFinding[] {
    const text = endpointUrl ?? '';
    const parsed = parseCspEntry(text);
    if (!parsed.ok) return [malformed(parsed.error, parsed.code)];
    const p = parsed.pattern;
    if (p.kind === 'any') return [MATCH_ALL_LINT];
    const findings: EntryFinding[] = [];
    if (p.wildcard && !p.host.includes('.')) findings.push(wildcardOverTld(text, p.host));
    if ((p.scheme === 'http' || p.scheme === 'ws') && !isLoopbackHost(p.host)) {
        // A Salesforce page is https: the browser blocks http requests from it as mixed content.
        findings.push(insecureHttp(text, p.host, p.text.replace(/^http:/, 'https:').replace(/^ws:/, 'wss:')));
    }
    return findings;
}

// ---------------------------------------------------------------------------------------------------------
// TS-05: breadth
// ---------------------------------------------------------------------------------------------------------

interface BreadthShape {
    anything: boolean;
    scheme: string | null;
    wildcardBase: string | null;
    host: string | null;
}

function breadthShape(text: string, kind: 'cors' | 'csp'): BreadthShape | null {
    if (kind === 'cors') {
        const parsed = parseCorsPattern(text);
        if (!parsed.ok)
            return parsed.code === 'wildcard_no_domain'
                ? { anything: true, scheme: null, wildcardBase: null, host: null }
                : null;
        const p = parsed.pattern;
        if (p.kind === 'any') return { anything: true, scheme: null, wildcardBase: null, host: null };
        if (p.kind === 'wildcard')
            return { anything: false, scheme: p.scheme, wildcardBase: p.baseHost, host: p.baseHost };
        return { anything: false, scheme: p.origin.scheme, wildcardBase: null, host: p.origin.host };
    }
    const parsed = parseCspEntry(text);
    if (!parsed.ok)
        return parsed.code === 'wildcard_no_domain'
            ? { anything: true, scheme: null, wildcardBase: null, host: null }
            : null;
    const p = parsed.pattern;
    if (p.kind === 'any') return { anything: true, scheme: null, wildcardBase: null, host: null };
    return { anything: false, scheme: p.scheme, wildcardBase: p.wildcard ? p.host : null, host: p.host };
}

// Salesforce's shared domains put the org's own name under "my." (enhanced domains): yourcompany.salesforce-scrt.com
// does not exist, yourcompany.my.salesforce-scrt.com does.
const MY_DOMAIN_BASES: ReadonlySet<string> = new Set(['salesforce-scrt.com', 'site.com', 'salesforce.com']);

/** An example of the org's own host under a shared domain, e.g. yourcompany.my.salesforce-scrt.com. */
function ownHostExample(base: string): string {
    return MY_DOMAIN_BASES.has(base) ? `yourcompany.my.${base}` : `yourcompany.${base}`;
}

function whoItLets(kind: 'cors' | 'csp'): string {
    return kind === 'cors'
        ? "any of those sites could call this org's APIs from a visitor's browser"
        : 'Salesforce pages may then load from and send data to any of those sites';
}

/**
 * TS-05 problems: a bare `*`, a wildcard over a public suffix (`https://*.com`, `https://*.co.uk`) or over a
 * shared platform domain where other companies' sites live (`https://*.my.site.com`,
 * `https://*.scratch.my.salesforce.com`), and plain http on a host anyone can reach. Unparseable entries yield
 * nothing here (TS-04 reports them), except a wildcard with no domain, which reads as "everything".
 */
export function assessBreadth(pattern: string, kind: 'cors' | 'csp' = 'cors'): EntryFinding[] {
    const text = pattern ?? '';
    const shape = breadthShape(text, kind);
    if (shape === null) return [];
    const subject = kind === 'cors' ? 'CORS allowlist' : 'CSP Trusted Sites';
    if (shape.anything) {
        return [
            {
                code: 'match_all',
                message: `${quote(text)} matches every site: ${whoItLets(kind)}.`,
                remediation: `Replace it in the ${subject} with the exact origins that embed the chat, e.g. https://www.example.com.`
            }
        ];
    }
    const findings: EntryFinding[] = [];
    const base = shape.wildcardBase;
    if (base !== null && !isLoopbackHost(base)) {
        const suffix = publicSuffixOf(base);
        if (suffix !== null && suffix.suffix === base && suffix.kind !== 'platform') {
            findings.push({
                code: 'public_suffix_wildcard',
                message: `${quote(text)} covers every site registered under the public suffix ".${base}": ${whoItLets(kind)}.`,
                remediation: `Use your own domain after the wildcard, e.g. https://*.example.${base}, or the exact origins.`
            });
        } else if (coversSharedPlatform(base)) {
            findings.push({
                code: 'platform_suffix_wildcard',
                message: `${quote(text)} covers every host under "${base}", a domain Salesforce or a hosting platform shares between customers: other companies' sites match it too, and ${whoItLets(kind)}.`,
                remediation: `List your own host instead, e.g. https://${ownHostExample(base)} (for the messaging service, the exact scrt2 URL from the deployment's code snippet).`
            });
        }
    }
    // A wildcard reaches public hosts whenever one host below its base is public.
    const reachable = base !== null ? `www.${base}` : shape.host;
    if (shape.scheme === 'http' && reachable !== null && !isPrivateHost(reachable)) {
        const where = base !== null ? `hosts under ${base}` : `the public host ${shape.host}`;
        findings.push({
            code: 'http_public_host',
            message: `${quote(text)} allows plain http on ${where}: anyone on the network path can read or change that traffic.`,
            remediation: `Serve the site over https and replace the entry with its https:// form.`
        });
    }
    return findings;
}

/** True for a host that serves the org's messaging (SCRT) endpoint, or a wildcard base above such hosts. */
export function isScrtHost(host: string): boolean {
    return host === 'salesforce-scrt.com' || host.endsWith('.salesforce-scrt.com');
}
