/*
 * Origins as a browser sends them (scheme://host[:port]) and the small piece of domain knowledge the trusted-site
 * checks need: which host names are public suffixes. One parser serves three dialects: a widget origin the admin
 * typed, a CORS allowlist pattern and a CSP Trusted Site URL (corsOriginMatcher.ts), so all three normalise alike
 * (CHECKS.md "Origin matching rules").
 *
 * Runs inside a Lightning page as well as in the CLI: no imports. IDN → punycode, IPv4 shorthand and IPv6
 * compression come from the WHATWG `URL` host parser that browsers, Lightning and Node all ship, so a host compares
 * exactly as it appears in the browser's Origin header.
 */

export type OriginProblemCode =
    | 'empty'
    | 'whitespace'
    | 'control_character'
    | 'backslash'
    | 'placeholder'
    | 'no_scheme'
    | 'missing_slashes'
    | 'unsupported_scheme'
    | 'userinfo'
    | 'path'
    | 'query'
    | 'fragment'
    | 'no_host'
    | 'invalid_host'
    | 'invalid_port'
    | 'invalid_extension_id'
    | 'wildcard_not_allowed'
    | 'wildcard_scheme'
    | 'wildcard_position'
    | 'wildcard_no_domain'
    | 'wildcard_ip';

export interface Origin {
    /** Lower-case, without "://": https, http, chrome-extension, moz-extension. */
    readonly scheme: string;
    /** ASCII (punycode), lower-case, no trailing dot; an IPv6 address keeps its brackets, as in the Origin header. */
    readonly host: string;
    /** null when absent or the scheme's default port (443 for https, 80 for http). */
    readonly port: number | null;
    readonly isIpAddress: boolean;
    /** localhost, *.localhost, 127.0.0.0/8 or [::1]: the browser treats these as potentially trustworthy. */
    readonly isLoopback: boolean;
    /** Canonical scheme://host[:port]. */
    readonly text: string;
}

export type OriginParseResult = { ok: true; origin: Origin } | { ok: false; error: string; code: OriginProblemCode };

/** The schemes a widget origin may have (the extension schemes are valid CORS origins from API 53). */
export const ORIGIN_SCHEMES: readonly string[] = ['https', 'http', 'chrome-extension', 'moz-extension'];
export const EXTENSION_SCHEMES: readonly string[] = ['chrome-extension', 'moz-extension'];

const DEFAULT_PORTS: Readonly<Record<string, number>> = { https: 443, http: 80, wss: 443, ws: 80 };

/** The port a scheme implies when none is written, or null for schemes without one (extensions). */
export function defaultPort(scheme: string): number | null {
    return DEFAULT_PORTS[scheme] ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// The shared URL-ish parser
// ---------------------------------------------------------------------------------------------------------

/** What a dialect accepts; the checks never see raw strings, only what this parser made of them. */
export interface OriginSyntax {
    schemes: readonly string[];
    /** CSP Trusted Site URLs may omit the scheme (`*.example.com`). */
    schemeOptional: boolean;
    /** CSP Trusted Site URLs may carry a path. */
    allowPath: boolean;
    /** `*.` in front of the host (CORS and CSP entries, never a widget origin). */
    allowLeadingWildcard: boolean;
    /** `:*` (CSP only). */
    allowPortWildcard: boolean;
    /** How messages name the shape, e.g. "an origin is scheme://host[:port]". */
    shapeHint: string;
}

export interface OriginParts {
    /** null only when the dialect allows the scheme to be omitted and it was. */
    scheme: string | null;
    /** Canonical host; for a wildcard, the domain after "*.". */
    host: string;
    wildcard: boolean;
    port: number | null | '*';
    /** The path as written ("" when none; a lone "/" counts as none). */
    path: string;
    isIpAddress: boolean;
    /** The input ended in "/" with no path: normalised, but a pattern linter may mention it. */
    hadTrailingSlash: boolean;
}

export type OriginStep<T> = { ok: true; value: T } | { ok: false; code: OriginProblemCode; problem: string };

const fail = <T>(code: OriginProblemCode, problem: string): OriginStep<T> => ({ ok: false, code, problem });
const done = <T>(value: T): OriginStep<T> => ({ ok: true, value });

export const WIDGET_ORIGIN_SYNTAX: OriginSyntax = {
    schemes: ORIGIN_SCHEMES,
    schemeOptional: false,
    allowPath: false,
    allowLeadingWildcard: false,
    allowPortWildcard: false,
    shapeHint: 'an origin is scheme://host[:port]'
};

const MAX_QUOTED = 120;

/** The input as a message quotes it: JSON-escaped (control characters stay visible) and cut when very long. */
export function quoteInput(input: string): string {
    const shown = input.length > MAX_QUOTED ? `${input.slice(0, MAX_QUOTED - 1)}…` : input;
    return JSON.stringify(shown);
}

// Template markers that ship in sample metadata and must be replaced before deploying (e.g. __MY_DOMAIN__).
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
    /__[A-Za-z0-9][A-Za-z0-9_]*?__/,
    /\{\{[^}]*\}\}/,
    /\$\{[^}]*\}/,
    /<[^<>]+>/,
    /%[A-Z][A-Z0-9_]+%/
];

/** The first template placeholder in the text, e.g. "__MY_DOMAIN__", or null. */
export function findPlaceholder(text: string): string | null {
    for (const pattern of PLACEHOLDER_PATTERNS) {
        const match = pattern.exec(text);
        if (match) return match[0];
    }
    return null;
}

const KNOWN_SCHEMES = ['https', 'http', 'wss', 'ws', 'chrome-extension', 'moz-extension'];
const SCHEME_WITH_SLASHES = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
const SCHEME_PREFIX = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// A Unicode "White_Space" or C0/C1 control character anywhere in the input.
const WHITESPACE = /[\s\u0085\u180e\u200b\ufeff]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

interface SchemeSplit {
    scheme: string | null;
    rest: string;
}

/** Separates "scheme://" from the rest; a missing "//" after a known scheme is its own mistake. */
function splitScheme(text: string, syntax: OriginSyntax): OriginStep<SchemeSplit> {
    const withSlashes = SCHEME_WITH_SLASHES.exec(text);
    if (withSlashes) return done({ scheme: withSlashes[1].toLowerCase(), rest: text.slice(withSlashes[0].length) });
    if (text.startsWith('*://'))
        return fail('wildcard_scheme', 'has a wildcard scheme: write https:// (or http:// for localhost)');
    const prefix = SCHEME_PREFIX.exec(text);
    if (prefix && KNOWN_SCHEMES.includes(prefix[1].toLowerCase())) {
        const fixed = `${prefix[1].toLowerCase()}://${text.slice(prefix[0].length).replace(/^\/+/, '')}`;
        return fail('missing_slashes', `is missing "//" after "${prefix[1]}:": write ${fixed}`);
    }
    // "javascript:alert(1)", "data:text/html,…", "mailto:x": a scheme without "//" that is not the "host:port" of an
    // origin typed without its scheme (localhost:3000, www.example.com:8443). Name the scheme, not a missing one.
    if (prefix && !/^\d*(?:[/?#]|$)/.test(text.slice(prefix[0].length))) {
        return fail('unsupported_scheme', unsupportedSchemeProblem(prefix[1].toLowerCase()));
    }
    if (syntax.schemeOptional) return done({ scheme: null, rest: text.replace(/^\/\//, '') });
    return fail('no_scheme', noSchemeProblem(text));
}

function unsupportedSchemeProblem(scheme: string): string {
    return `has scheme "${scheme}": only https:// origins (or http:// for localhost) can be used`;
}

function noSchemeProblem(text: string): string {
    const hostPart = text.replace(/^\/\//, '').split(/[/?#]/)[0];
    const secure = parseOrigin(`https://${hostPart}`);
    if (secure.ok && !secure.origin.isLoopback) return `has no scheme: write ${secure.origin.text}`;
    const local = parseOrigin(`http://${hostPart}`);
    if (local.ok && local.origin.isLoopback) return `has no scheme: write ${local.origin.text}`;
    return 'has no scheme: write it as scheme://host[:port], e.g. https://www.example.com';
}

interface TailProblem {
    code: 'path' | 'query' | 'fragment';
    text: string;
}

/** What follows the authority: nothing, a lone "/" (normalised away), or a path, query or fragment. */
function splitTail(tail: string): { path: string; problem: TailProblem | null } {
    const queryAt = tail.indexOf('?');
    const fragmentAt = tail.indexOf('#');
    const pathEnd = Math.min(queryAt < 0 ? tail.length : queryAt, fragmentAt < 0 ? tail.length : fragmentAt);
    const path = tail.slice(0, pathEnd);
    if (queryAt >= 0 && (fragmentAt < 0 || queryAt < fragmentAt)) {
        return {
            path,
            problem: { code: 'query', text: tail.slice(queryAt, fragmentAt > queryAt ? fragmentAt : undefined) }
        };
    }
    if (fragmentAt >= 0) return { path, problem: { code: 'fragment', text: tail.slice(fragmentAt) } };
    return { path, problem: null };
}

const TAIL_NAMES: Readonly<Record<TailProblem['code'], string>> = {
    path: 'a path',
    query: 'a query',
    fragment: 'a fragment'
};

interface AuthorityParts {
    hostRaw: string;
    portRaw: string | null;
}

function splitAuthority(authority: string): OriginStep<AuthorityParts> {
    if (authority.startsWith('[')) {
        const close = authority.indexOf(']');
        if (close < 0) return fail('invalid_host', 'has an IPv6 address without its closing "]"');
        const after = authority.slice(close + 1);
        if (after === '') return done({ hostRaw: authority.slice(0, close + 1), portRaw: null });
        if (after.startsWith(':')) return done({ hostRaw: authority.slice(0, close + 1), portRaw: after.slice(1) });
        return fail('invalid_host', `has "${after}" after the IPv6 address`);
    }
    const colons = authority.split(':').length - 1;
    if (colons > 1) {
        return /^[0-9a-fA-F:.]+$/.test(authority)
            ? fail('invalid_host', 'has an IPv6 address without brackets: write it as http://[::1]:8080')
            : fail('invalid_host', 'has more than one ":" in the host');
    }
    if (colons === 1) {
        const at = authority.indexOf(':');
        return done({ hostRaw: authority.slice(0, at), portRaw: authority.slice(at + 1) });
    }
    return done({ hostRaw: authority, portRaw: null });
}

/** A canonical port: null for none or the scheme's default; "*" only where the dialect allows it. */
function parsePort(portRaw: string | null, scheme: string, allowWildcard: boolean): OriginStep<number | null | '*'> {
    if (portRaw === null) return done(null);
    if (portRaw === '') return fail('invalid_port', 'ends in ":" with no port number after it');
    if (portRaw === '*' && allowWildcard) return done('*');
    if (!/^[0-9]+$/.test(portRaw)) {
        return fail('invalid_port', `has port "${portRaw}": a port is a number from 1 to 65535`);
    }
    const port = Number(portRaw);
    if (port < 1 || port > 65535)
        return fail('invalid_port', `has port ${portRaw}: a port is a number from 1 to 65535`);
    return done(port === defaultPort(scheme) ? null : port);
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The WHATWG host parser's answer (lower-case, punycode, canonical IP), or null when it rejects the host. */
function whatwgHostname(hostRaw: string): string | null {
    try {
        return new URL(`http://${hostRaw}/`).hostname;
    } catch {
        return null;
    }
}

export interface ParsedHost {
    host: string;
    isIpAddress: boolean;
}

/**
 * A host as the browser would send it: IDN → punycode, lower case, one trailing dot removed, IPv4 shorthand
 * expanded. Beyond what URL accepts, every label must be a DNS host label (letters, digits, inner hyphens): "_" or
 * "!" can appear in a URL host, but no site with a certificate has them, so they are typing mistakes here.
 */
export function parseHostName(hostRaw: string): OriginStep<ParsedHost> {
    if (hostRaw === '') return fail('no_host', 'has no host name');
    if (hostRaw.includes('%'))
        return fail('invalid_host', `has a percent-encoded host "${hostRaw}": write the host name itself`);
    const isBracketed = hostRaw.startsWith('[');
    const hostname = whatwgHostname(hostRaw);
    if (hostname === null || hostname === '') {
        return fail(
            'invalid_host',
            isBracketed ? `has an invalid IPv6 address "${hostRaw}"` : `has an invalid host name "${hostRaw}"`
        );
    }
    if (isBracketed || hostname.startsWith('[')) return done({ host: hostname, isIpAddress: true });
    const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
    if (IPV4.test(host)) return done({ host, isIpAddress: true });
    if (host.length > 253) return fail('invalid_host', 'has a host name longer than 253 characters');
    for (const label of host.split('.')) {
        if (label === '')
            return fail('invalid_host', `has an empty label (two dots in a row) in the host "${hostRaw}"`);
        if (label.length > 63)
            return fail('invalid_host', `has a host label longer than 63 characters ("${label.slice(0, 20)}…")`);
        if (!HOST_LABEL.test(label)) {
            const bad = label.includes('_')
                ? '"_"'
                : label.startsWith('-') || label.endsWith('-')
                  ? 'a hyphen at the start or end of a label'
                  : 'a character that is not a letter, digit or hyphen';
            return fail(
                'invalid_host',
                `has ${bad} in the host "${hostRaw}": host names use letters, digits and inner hyphens`
            );
        }
    }
    return done({ host, isIpAddress: false });
}

const CHROME_EXTENSION_ID = /^[a-p]{32}$/;
// The CorsWhitelistOrigin reference allows "small alphanumeric characters" in the 8-4-4-4-12 groups.
const MOZ_EXTENSION_ID = /^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$/;

function parseExtensionAuthority(scheme: string, authority: string): OriginStep<ParsedHost> {
    const id = authority.toLowerCase();
    if (id.includes(':')) return fail('invalid_port', 'has a port: an extension origin is only its scheme and ID');
    if (scheme === 'chrome-extension' && !CHROME_EXTENSION_ID.test(id)) {
        return fail(
            'invalid_extension_id',
            'has an invalid Chrome extension ID: it is 32 letters from a to p, e.g. chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed'
        );
    }
    if (scheme === 'moz-extension' && !MOZ_EXTENSION_ID.test(id)) {
        return fail(
            'invalid_extension_id',
            'has an invalid Firefox extension ID: it is a UUID such as moz-extension://1234ab56-78c9-1df2-3efa-4567891bc1d2'
        );
    }
    return done({ host: id, isIpAddress: false });
}

/** scheme://[*.]host[:port][path], as the canonical text of parsed parts. */
export function formatOriginParts(parts: OriginParts): string {
    const scheme = parts.scheme === null ? '' : `${parts.scheme}://`;
    const port = parts.port === null ? '' : `:${parts.port}`;
    return `${scheme}${parts.wildcard ? '*.' : ''}${parts.host}${port}${parts.path}`;
}

function redactUserinfo(text: string): string {
    return text.replace(/^([^:/?#]*:\/\/)[^/?#]*@/, '$1…@');
}

/** Problems that concern the text as a whole, before any structure is read. */
function checkCharacters(text: string): OriginStep<null> {
    if (text === '') return fail('empty', 'is empty');
    const placeholder = findPlaceholder(text);
    if (placeholder) {
        return fail(
            'placeholder',
            `contains the placeholder "${placeholder}" that was never replaced with a real value`
        );
    }
    if (CONTROL_CHARACTER.test(text)) return fail('control_character', 'contains a control character');
    if (WHITESPACE.test(text)) return fail('whitespace', 'contains a space or other blank character');
    if (text.includes('\\')) return fail('backslash', 'contains a backslash "\\": URLs use "/"');
    return done(null);
}

/** Host and port of an authority; "*." in front of the host only where the dialect allows it. */
function parseHostAndPort(
    scheme: string | null,
    authority: string,
    syntax: OriginSyntax
): OriginStep<{ host: ParsedHost; wildcard: boolean; port: number | null | '*' }> {
    const split = splitAuthority(authority);
    if (!split.ok) return split;
    let hostRaw = split.value.hostRaw;
    let wildcard = false;
    if (hostRaw.includes('*')) {
        if (!syntax.allowLeadingWildcard) {
            return fail(
                'wildcard_not_allowed',
                'has a wildcard "*": a widget origin names one site, such as https://www.example.com'
            );
        }
        if (hostRaw === '*' || hostRaw === '*.')
            return fail('wildcard_no_domain', 'has a wildcard with no domain after it: write https://*.example.com');
        if (!hostRaw.startsWith('*.') || hostRaw.slice(2).includes('*')) {
            return fail(
                'wildcard_position',
                'has "*" somewhere other than the whole leftmost label: the only wildcard form is https://*.example.com'
            );
        }
        hostRaw = hostRaw.slice(2);
        wildcard = true;
    }
    const host = parseHostName(hostRaw);
    if (!host.ok) return host;
    if (wildcard && host.value.isIpAddress)
        return fail('wildcard_ip', 'has a wildcard in front of an IP address: list the address itself');
    const port = parsePort(split.value.portRaw, scheme ?? 'https', syntax.allowPortWildcard);
    if (!port.ok) return port;
    return done({ host: host.value, wildcard, port: port.value });
}

/**
 * Parses scheme://host[:port] (and the dialect's extras) into canonical parts. Never throws: every problem is a
 * plain-words `problem` that reads after the quoted input ("\"x\" has no scheme: …").
 */
export function parseOriginParts(input: string, syntax: OriginSyntax): OriginStep<OriginParts> {
    const text = input.trim();
    const characters = checkCharacters(text);
    if (!characters.ok) return characters;
    const schemeSplit = splitScheme(text, syntax);
    if (!schemeSplit.ok) return schemeSplit;
    const { scheme, rest } = schemeSplit.value;
    if (scheme !== null && !syntax.schemes.includes(scheme)) {
        return fail('unsupported_scheme', unsupportedSchemeProblem(scheme));
    }
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
    const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
    if (authority.includes('@')) {
        return fail('userinfo', `has a user name or password before "@": remove it, ${syntax.shapeHint}`);
    }
    const { path, problem } = splitTail(tail);
    const pathProblem = path !== '' && path !== '/' && !syntax.allowPath;
    if (pathProblem || problem) {
        const code = pathProblem ? 'path' : (problem as TailProblem).code;
        const shown = pathProblem ? path : (problem as TailProblem).text;
        return fail(
            code,
            `has ${TAIL_NAMES[code]} ("${shown}"): ${syntax.shapeHint}${suggestion(scheme, authority, syntax)}`
        );
    }
    if (authority === '') return fail('no_host', 'has no host name');
    const hostAndPort =
        scheme !== null && EXTENSION_SCHEMES.includes(scheme)
            ? mapStep(parseExtensionAuthority(scheme, authority), (host) => ({ host, wildcard: false, port: null }))
            : parseHostAndPort(scheme, authority, syntax);
    if (!hostAndPort.ok) return hostAndPort;
    const { host, wildcard, port } = hostAndPort.value;
    return done({
        scheme,
        host: host.host,
        wildcard,
        port,
        path: path === '/' ? '' : path,
        isIpAddress: host.isIpAddress,
        hadTrailingSlash: path === '/'
    });
}

function mapStep<T, U>(step: OriginStep<T>, map: (value: T) => U): OriginStep<U> {
    return step.ok ? done(map(step.value)) : step;
}

/** ", so write https://example.com" when the input without its path/query/fragment parses. */
function suggestion(scheme: string | null, authority: string, syntax: OriginSyntax): string {
    const bare = scheme === null ? authority : `${scheme}://${authority}`;
    const parsed = parseOriginParts(bare, { ...syntax, allowPath: false });
    return parsed.ok ? `, so write ${formatOriginParts(parsed.value)}` : '';
}

/** Wraps a parts problem into the message an admin reads: the quoted input, then what is wrong. */
export function describeProblem(input: string, problem: string, code: OriginProblemCode): string {
    const shown = code === 'userinfo' ? redactUserinfo(input.trim()) : input.trim();
    return `${quoteInput(shown)} ${problem}`;
}

// ---------------------------------------------------------------------------------------------------------
// Widget origins
// ---------------------------------------------------------------------------------------------------------

export function isLoopbackHost(host: string): boolean {
    return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

/** A canonical origin from parts that carry no wildcard, path or wildcard port. */
export function originFromParts(parts: {
    scheme: string;
    host: string;
    port: number | null;
    isIpAddress: boolean;
}): Origin {
    return {
        scheme: parts.scheme,
        host: parts.host,
        port: parts.port,
        isIpAddress: parts.isIpAddress,
        isLoopback: isLoopbackHost(parts.host),
        text: `${parts.scheme}://${parts.host}${parts.port === null ? '' : `:${parts.port}`}`
    };
}

/**
 * Parses a widget origin as an admin types it. Case, a trailing dot, a trailing slash, a default port and
 * surrounding blanks are normalised; a path, query, fragment, user name, wildcard or bad port is an error that
 * names the input and says what to write instead.
 */
export function parseOrigin(input: string): OriginParseResult {
    const parts = parseOriginParts(input, WIDGET_ORIGIN_SYNTAX);
    if (!parts.ok) return { ok: false, code: parts.code, error: describeProblem(input, parts.problem, parts.code) };
    const { scheme, host, port, isIpAddress } = parts.value;
    // The widget-origin dialect requires a scheme and rejects "*" ports, so both are narrowed here.
    return {
        ok: true,
        origin: originFromParts({ scheme: scheme as string, host, port: port as number | null, isIpAddress })
    };
}

// ---------------------------------------------------------------------------------------------------------
// Public suffixes and registrable domains
// ---------------------------------------------------------------------------------------------------------

/*
 * Why a short embedded list and not the Public Suffix List: this module runs in a Lightning page (no files, no
 * network, no npm) and the full list is ~10,000 rules for a question the checks ask about a handful of entries.
 * What matters is (1) the multi-label country suffixes admins actually meet, so `*.co.uk` reads as "every company
 * in the UK" and `www.example.co.uk` has registrable domain example.co.uk; and (2) the shared platform domains
 * where a wildcard covers other companies' sites — above all Salesforce's own (my.site.com, my.salesforce.com,
 * their scratch/sandbox/develop variants, force.com, salesforce-scrt.com…), which seed metadata routinely
 * wildcards. A suffix missing here degrades to "the last label is the TLD", which under-reports breadth but never
 * breaks matching (matching does not use this list).
 */
const COUNTRY_SUFFIXES: readonly string[] = [
    'co.uk org.uk me.uk ltd.uk plc.uk net.uk ac.uk gov.uk nhs.uk sch.uk',
    'com.au net.au org.au edu.au gov.au asn.au id.au co.nz net.nz org.nz govt.nz ac.nz',
    'com.br net.br org.br gov.br edu.br co.jp ne.jp or.jp ac.jp go.jp',
    'co.in net.in org.in firm.in gen.in ind.in gov.in co.za org.za gov.za',
    'com.mx org.mx gob.mx com.ar com.co com.pe com.uy com.ec com.ve',
    'com.sg edu.sg gov.sg com.hk com.tw com.cn net.cn org.cn gov.cn',
    'co.kr or.kr co.id co.il co.th com.my com.ph com.vn com.pk',
    'com.tr com.sa com.eg com.ng co.ke com.ua com.pl com.es com.pt co.at or.at'
]
    .join(' ')
    .split(' ');

const SHARED_PLATFORM_SUFFIXES: readonly string[] = [
    // Salesforce: every customer's My Domain, sites, Visualforce and messaging (SCRT) hosts live under these.
    'salesforce.com my.salesforce.com scratch.my.salesforce.com sandbox.my.salesforce.com develop.my.salesforce.com',
    'force.com lightning.force.com scratch.lightning.force.com sandbox.lightning.force.com',
    'develop.lightning.force.com vf.force.com scratch.vf.force.com sandbox.vf.force.com develop.vf.force.com',
    'visual.force.com secure.force.com content.force.com',
    'site.com my.site.com scratch.my.site.com sandbox.my.site.com develop.my.site.com',
    'salesforce-sites.com my.salesforce-sites.com scratch.my.salesforce-sites.com',
    'sandbox.my.salesforce-sites.com develop.my.salesforce-sites.com',
    'salesforce-scrt.com my.salesforce-scrt.com scratch.my.salesforce-scrt.com',
    'sandbox.my.salesforce-scrt.com develop.my.salesforce-scrt.com',
    'salesforce-experience.com live-preview.salesforce-experience.com preview.salesforce-experience.com',
    'builder.salesforce-experience.com my.salesforce-setup.com scratch.my.salesforce-setup.com',
    'sandbox.my.salesforce-setup.com develop.my.salesforce-setup.com cloudforce.com database.com documentforce.com',
    // Hosting platforms where each customer gets a subdomain.
    'herokuapp.com herokudns.com github.io gitlab.io netlify.app vercel.app now.sh pages.dev workers.dev',
    'web.app firebaseapp.com appspot.com azurewebsites.net azurestaticapps.net cloudapp.net cloudfront.net',
    'amazonaws.com s3.amazonaws.com elasticbeanstalk.com amplifyapp.com onrender.com fly.dev glitch.me',
    'repl.co surge.sh blogspot.com wordpress.com wixsite.com squarespace.com myshopify.com',
    'ngrok.io ngrok.app ngrok-free.app trycloudflare.com loca.lt'
]
    .join(' ')
    .split(' ');

const COUNTRY_SUFFIX_SET = new Set(COUNTRY_SUFFIXES);
const PLATFORM_SUFFIX_SET = new Set(SHARED_PLATFORM_SUFFIXES);

export type SuffixKind = 'tld' | 'public' | 'platform';

export interface PublicSuffix {
    suffix: string;
    kind: SuffixKind;
}

/** The longest listed suffix the host ends with (label-aligned), else its last label; null for an IP address. */
export function publicSuffixOf(host: string): PublicSuffix | null {
    if (host === '' || host.startsWith('[') || IPV4.test(host)) return null;
    const labels = host.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
        const candidate = labels.slice(i).join('.');
        if (PLATFORM_SUFFIX_SET.has(candidate)) return { suffix: candidate, kind: 'platform' };
        if (COUNTRY_SUFFIX_SET.has(candidate)) return { suffix: candidate, kind: 'public' };
    }
    return { suffix: labels[labels.length - 1], kind: 'tld' };
}

/** True when the host is itself a suffix other people register under: a TLD, co.uk, my.site.com… */
export function isPublicSuffix(host: string): boolean {
    return publicSuffixOf(host)?.suffix === host;
}

/** True when a shared platform suffix (e.g. my.site.com) lies at or below the host: a wildcard over it is shared. */
export function coversSharedPlatform(host: string): boolean {
    if (PLATFORM_SUFFIX_SET.has(host)) return true;
    return SHARED_PLATFORM_SUFFIXES.some((suffix) => suffix.endsWith(`.${host}`));
}

/** The domain a company registers (example.co.uk for www.example.co.uk); null for an IP or a suffix itself. */
export function registrableDomain(host: string): string | null {
    const suffix = publicSuffixOf(host);
    if (!suffix || suffix.suffix === host) return null;
    const labels = host.split('.');
    const suffixLabels = suffix.suffix.split('.').length;
    return labels.slice(labels.length - suffixLabels - 1).join('.');
}

/** True when host is a subdomain (any depth) of domain, label-aligned: never equal, never a look-alike. */
export function isSubdomainOf(host: string, domain: string): boolean {
    return host.length > domain.length + 1 && host.endsWith(`.${domain}`);
}

/** True when host is the domain itself or below it. */
export function isWithinDomain(host: string, domain: string): boolean {
    return host === domain || isSubdomainOf(host, domain);
}

const PRIVATE_IPV4: readonly RegExp[] = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./, /^127\./];
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'test', 'example', 'invalid', 'home.arpa', 'lan'];

/** True for hosts no one outside the company's network can reach: loopback, private ranges, .local, intranet names. */
export function isPrivateHost(host: string): boolean {
    if (isLoopbackHost(host)) return true;
    if (IPV4.test(host)) return PRIVATE_IPV4.some((range) => range.test(host));
    if (host.startsWith('[')) return /^\[(f[cd]|fe[89ab])/.test(host);
    if (!host.includes('.')) return true;
    return LOCAL_SUFFIXES.some((suffix) => isWithinDomain(host, suffix));
}
