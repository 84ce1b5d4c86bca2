/*
 * What the website probe knows about one page, and the pure helpers the WEB checks use: find the Enhanced Chat
 * snippet in the page's scripts, and decide whether the page's Content Security Policy lets the widget load.
 * No Node or DOM imports: the CLI fills a WebPageModel from its HTML parser (cli/probe/pageModel.ts) and an LWC can
 * fill the same shape from the browser's DOMParser.
 *
 * CSP parsing and matching follow the W3C Content Security Policy Level 3 recommendation
 * (https://www.w3.org/TR/CSP3/): §2.2.1 "Parse a serialized CSP", §2.2.2 a header value holds comma-separated
 * policies, §3.3 a <meta> policy ignores frame-ancestors, report-uri and sandbox, §6.7.1 directive fallback lists,
 * §6.7.2 URL matching, §4.2.2 multiple policies are all enforced. The engine runs inside the org too, where an npm
 * CSP parser cannot be imported, so the spec's short parse algorithm is implemented here and tested against it.
 */

/** Hosts the widget loads from, derived from the snippet (or the org's deployment when the snippet lacks them). */
export interface WidgetHosts {
    /** The `siteUrl` argument of embeddedservice_bootstrap.init, e.g. https://acme.my.site.com/ESWWebChat1700000000000 */
    siteUrl?: string;
    /** The `scrt2URL` option, e.g. https://acme.my.salesforce-scrt.com */
    scrt2Url?: string;
}

/** What a real browser saw on one page (cli/probe/browserPass.ts fills it). */
export interface BrowserPageObservation {
    /** The URL as given on the command line. */
    url: string;
    /** Where the browser ended up; absent when navigation failed. */
    finalUrl?: string;
    /** Navigation failure in plain words (DNS, TLS, timeout, refused) — no stack trace. */
    error?: string;
    /** `securitypolicyviolation` events. */
    cspViolations: { blockedUri: string; effectiveDirective: string; originalPolicy: string }[];
    /** Requests to any host that failed, or answered >= 400. `corsBlocked` when Chromium reports a CORS failure. */
    failedRequests: { url: string; resourceType: string; status?: number; failure?: string; corsBlocked: boolean }[];
    /** Console errors (type 'error') and uncaught page errors, text only. */
    consoleErrors: string[];
    /** Script elements in the live DOM after load (tag managers included): src, or the first 2,000 chars inline. */
    liveScripts: { src?: string; inline?: string }[];
    /** embeddedservice_bootstrap was defined on window after load. */
    bootstrapLoaded: boolean;
    /** `onEmbeddedMessagingReady` fired within the timeout. */
    readyEventFired: boolean;
    /** The chat launcher button became visible within the timeout. */
    chatButtonVisible: boolean;
    /** Milliseconds the probe waited for the ready event / button. */
    waitedMs: number;
    /** Absolute path of the screenshot, when asked. */
    screenshotPath?: string;
}

/** A <script> element of the page, in document order. */
export interface PageScript {
    /** The src attribute, resolved against the page URL. */
    src?: string;
    /** The inline text (scripts with a src have none). */
    inline?: string;
    /** The onload attribute, verbatim. */
    onload?: string;
    /** The nonce attribute, for CSP nonce sources. */
    nonce?: string;
    /** The type attribute, lower-cased; absent for classic scripts. */
    type?: string;
    location: 'head' | 'body';
    /** Position among the page's scripts, from 0. */
    index: number;
    /** True when no element other than script, noscript or template follows it in <body>: "before </body>". */
    afterLastBodyElement?: boolean;
    /** 1-based line of the element in the HTML, when the parser knows it. */
    line?: number;
}

/** One hop of a redirect chain. */
export interface PageRedirect {
    from: string;
    status: number;
    to: string;
}

/** One page as the static probe read it. */
export interface WebPageModel {
    /** The URL as given. */
    url: string;
    /** Where the redirects ended. */
    finalUrl: string;
    redirects: PageRedirect[];
    status?: number;
    contentType?: string;
    /**
     * The page could not be read: what happened in plain words (DNS, TLS, timeout, not HTML, too large…). When set,
     * the other fields describe what was read before the failure and the checks do not judge the page.
     */
    error?: string;
    /** How to get past the error, when there is something to do. */
    errorHint?: string;
    scripts: PageScript[];
    /** Content of every <meta http-equiv="Content-Security-Policy">, in document order. */
    metaCsp: string[];
    /** Every Content-Security-Policy response header value (not -Report-Only, which blocks nothing). */
    headerCsp: string[];
    /** Subresource URLs on http: referenced by an https: page (scripts, frames, stylesheets, images). */
    mixedContent: string[];
}

// ---------------------------------------------------------------------------------------------------------
// The snippet
// ---------------------------------------------------------------------------------------------------------

/** The arguments of embeddedservice_bootstrap.init as written (string literals only; anything else is undefined). */
export interface InitCall {
    /** How many arguments the call has. */
    argumentCount: number;
    orgId?: string;
    deploymentName?: string;
    siteUrl?: string;
    scrt2Url?: string;
    /** Whether the fourth argument is an object literal that names scrt2URL. */
    hasScrt2UrlOption: boolean;
}

export interface EnhancedChatSnippet {
    /** The script tag loading …/assets/js/bootstrap.min.js. */
    bootstrapScript?: PageScript;
    /** The inline script calling embeddedservice_bootstrap.init. */
    initScript?: PageScript;
    init?: InitCall;
    /** The function the init call sits in, when it is a named function declaration. */
    enclosingFunction?: string;
    /** embeddedservice_bootstrap.settings.language, when set to a string literal. */
    language?: string;
    /** Legacy Chat (embedded_svc / esw.min.js) was found instead: the retired product. */
    legacyChat: boolean;
}

const BOOTSTRAP_PATH = /\/assets\/js\/bootstrap\.min\.js(?:[?#].*)?$/i;
const INIT_CALL = /embeddedservice_bootstrap\s*\.\s*init\s*\(/;
const LANGUAGE = /embeddedservice_bootstrap\s*\.\s*settings\s*\.\s*language\s*=\s*(['"`])([^'"`]*)\1/;
const LEGACY = /embedded_svc\s*\.\s*init\s*\(|\/embeddedservice\/[\d.]+\/esw(?:\.min)?\.js/i;

/** A JavaScript string literal starting at `start` (a quote), or null. Template literals with ${} are not literals. */
function readString(text: string, start: number): { value: string; end: number } | null {
    const quote = text[start];
    if (quote !== "'" && quote !== '"' && quote !== '`') return null;
    let value = '';
    for (let i = start + 1; i < text.length; i++) {
        const c = text[i];
        if (c === '\\' && i + 1 < text.length) {
            value += text[i + 1];
            i++;
        } else if (c === quote) {
            return { value, end: i + 1 };
        } else if (quote === '`' && c === '$' && text[i + 1] === '{') {
            return null;
        } else {
            value += c;
        }
    }
    return null;
}

/** Skips whitespace and comments from `i`. */
function skipBlank(text: string, i: number): number {
    for (;;) {
        while (i < text.length && /\s/.test(text[i])) i++;
        if (text.startsWith('//', i)) {
            const nl = text.indexOf('\n', i);
            i = nl < 0 ? text.length : nl + 1;
        } else if (text.startsWith('/*', i)) {
            const close = text.indexOf('*/', i + 2);
            i = close < 0 ? text.length : close + 2;
        } else {
            return i;
        }
    }
}

/**
 * Splits the argument list that starts after `(` at `open` into top-level argument texts, honouring strings,
 * comments and nested brackets. Returns null when the call is not closed.
 */
function splitArguments(text: string, open: number): string[] | null {
    const args: string[] = [];
    let depth = 0;
    let current = '';
    for (let i = open; i < text.length; i++) {
        const c = text[i];
        if (c === "'" || c === '"' || c === '`') {
            const s = readString(text, i);
            const end = s ? s.end : text.length;
            current += text.slice(i, end);
            i = end - 1;
            continue;
        }
        if (text.startsWith('//', i) || text.startsWith('/*', i)) {
            i = skipBlank(text, i) - 1;
            current += ' ';
            continue;
        }
        if (c === '(' || c === '[' || c === '{') depth++;
        if (c === ')' || c === ']' || c === '}') {
            if (depth === 0) {
                if (current.trim() !== '' || args.length > 0) args.push(current.trim());
                return args;
            }
            depth--;
        }
        if (c === ',' && depth === 0) {
            args.push(current.trim());
            current = '';
            continue;
        }
        current += c;
    }
    return null;
}

function literal(arg: string | undefined): string | undefined {
    if (arg === undefined) return undefined;
    const s = readString(arg, 0);
    return s && s.end === arg.length ? s.value : undefined;
}

/** Reads the init call's arguments from the inline script text, or null when the call cannot be read. */
export function readInitCall(script: string): InitCall | null {
    const m = INIT_CALL.exec(script);
    if (!m) return null;
    const args = splitArguments(script, m.index + m[0].length);
    if (!args) return null;
    const options = args[3] ?? '';
    const scrt = /(?:^|[{,\s])['"]?scrt2URL['"]?\s*:\s*/.exec(options);
    let scrt2Url: string | undefined;
    if (scrt) {
        const s = readString(options, scrt.index + scrt[0].length);
        scrt2Url = s?.value;
    }
    return {
        argumentCount: args.filter((a) => a !== '').length,
        orgId: literal(args[0]),
        deploymentName: literal(args[1]),
        siteUrl: literal(args[2]),
        scrt2Url,
        hasScrt2UrlOption: options.trim().startsWith('{') && scrt !== null
    };
}

/**
 * Named functions: `function f() {`, and `f = function () {`, `f = () => {` (with var/let/const or window.), so a
 * snippet rewritten in a site's own style is still recognised.
 */
const FUNCTION_HEADS =
    /(?:async\s+)?function\s+([A-Za-z_$][\w$]*)\s*\([^)]*\)\s*\{|(?:(?:var|let|const)\s+|window\s*\.\s*)?([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b[^(]*\([^)]*\)|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)\s*\{/g;

/** The name of the innermost named function whose body contains `position`, if any. */
function enclosingFunctionName(script: string, position: number): string | undefined {
    const declarations = new RegExp(FUNCTION_HEADS.source, 'g');
    let found: string | undefined;
    for (let m = declarations.exec(script); m; m = declarations.exec(script)) {
        const name = m[1] ?? m[2];
        const bodyStart = m.index + m[0].length;
        if (bodyStart > position) break;
        // the body ends at its matching brace
        let depth = 1;
        let i = bodyStart;
        for (; i < script.length && depth > 0; i++) {
            const c = script[i];
            if (c === "'" || c === '"' || c === '`') {
                const s = readString(script, i);
                i = (s ? s.end : script.length) - 1;
            } else if (c === '{') depth++;
            else if (c === '}') depth--;
        }
        if (position < i) found = name;
    }
    return found;
}

/** Finds the Enhanced Chat snippet among the page's scripts. */
export function findSnippet(scripts: readonly PageScript[]): EnhancedChatSnippet {
    const bootstrapScript = scripts.find((s) => s.src !== undefined && BOOTSTRAP_PATH.test(s.src));
    const initScript = scripts.find((s) => s.inline !== undefined && INIT_CALL.test(s.inline));
    const legacyChat = scripts.some((s) => LEGACY.test(s.src ?? '') || LEGACY.test(s.inline ?? ''));
    const snippet: EnhancedChatSnippet = { bootstrapScript, initScript, legacyChat };
    if (initScript?.inline) {
        const text = initScript.inline;
        snippet.init = readInitCall(text) ?? { argumentCount: 0, hasScrt2UrlOption: false };
        const at = INIT_CALL.exec(text)?.index ?? 0;
        snippet.enclosingFunction = enclosingFunctionName(text, at);
        const language = LANGUAGE.exec(text);
        if (language) snippet.language = language[2];
    }
    return snippet;
}

/** The function an onload attribute calls, e.g. "initEmbeddedMessaging()" → initEmbeddedMessaging. */
export function onloadFunction(onload: string | undefined): string | undefined {
    const m = /^\s*(?:window\.)?([A-Za-z_$][\w$]*)\s*\(\s*\)\s*;?\s*$/.exec(onload ?? '');
    return m ? m[1] : undefined;
}

/** The hosts the widget needs, from the snippet. */
export function widgetHosts(snippet: EnhancedChatSnippet): WidgetHosts {
    return { siteUrl: snippet.init?.siteUrl, scrt2Url: snippet.init?.scrt2Url };
}

// ---------------------------------------------------------------------------------------------------------
// Content Security Policy
// ---------------------------------------------------------------------------------------------------------

export interface CspPolicy {
    /** Where it came from: "header" or "meta", and its position among those. */
    origin: 'header' | 'meta';
    position: number;
    /** Directive name (lower case) → its source expressions. The first occurrence of a name wins (CSP3 §2.2.1). */
    directives: Map<string, string[]>;
    /** The serialized policy, as written. */
    text: string;
}

/** Directives a <meta> policy may not set (CSP3 §3.3): ignored there. */
const META_IGNORED = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** CSP3 §2.2.1: one serialized policy to directives. */
export function parseSerializedPolicy(text: string): Map<string, string[]> {
    const directives = new Map<string, string[]>();
    for (const token of text.split(';')) {
        const trimmed = token.trim();
        if (trimmed === '') continue;
        const [name, ...values] = trimmed.split(/[\t\n\f\r ]+/);
        const directive = name.toLowerCase();
        // "If policy's directive set contains a directive whose name is directive name, continue."
        if (!/^[a-z0-9-]+$/.test(directive) || directives.has(directive)) continue;
        directives.set(directive, values);
    }
    return directives;
}

/** Every policy the page enforces: each header value may hold several, comma-separated (CSP3 §2.2.2). */
export function pagePolicies(page: Pick<WebPageModel, 'headerCsp' | 'metaCsp'>): CspPolicy[] {
    const policies: CspPolicy[] = [];
    for (const header of page.headerCsp) {
        for (const text of header.split(',')) {
            if (text.trim() === '') continue;
            policies.push({
                origin: 'header',
                position: policies.length + 1,
                directives: parseSerializedPolicy(text),
                text: text.trim()
            });
        }
    }
    page.metaCsp.forEach((text, i) => {
        const directives = parseSerializedPolicy(text);
        for (const name of META_IGNORED) directives.delete(name);
        if (text.trim() !== '') policies.push({ origin: 'meta', position: i + 1, directives, text: text.trim() });
    });
    return policies;
}

/** The directive a request type is checked against, with its fallbacks (CSP3 §6.7.1 "Get the effective directive"). */
export const DIRECTIVE_FALLBACKS: Readonly<Record<string, readonly string[]>> = {
    'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
    'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
    'frame-src': ['frame-src', 'child-src', 'default-src'],
    'connect-src': ['connect-src', 'default-src']
};

export type CspRequest =
    /** A script element loading `url`, optionally with a nonce. */
    | { kind: 'script-src-elem'; url: string; nonce?: string }
    /** An inline <script> element. */
    | { kind: 'inline-script'; nonce?: string }
    /** An inline event handler attribute such as onload="…". */
    | { kind: 'script-src-attr' }
    | { kind: 'frame-src'; url: string }
    | { kind: 'connect-src'; url: string };

export interface CspDecision {
    allowed: boolean;
    /** The directive that decided, or undefined when no directive applies (then allowed). */
    directive?: string;
    /** What the directive lists. */
    sources?: string[];
    /** Set when the probe cannot decide statically (a hash source): the browser pass can. */
    undecided?: string;
}

interface ParsedUrl {
    scheme: string;
    host: string;
    port: number | null;
    path: string;
}

function parseUrl(url: string): ParsedUrl | null {
    const m = /^([a-z][a-z0-9+.-]*):\/\/(\[[^\]]+\]|[^/:?#]*)(?::(\d+))?([^?#]*)/i.exec(url);
    if (!m) return null;
    return {
        scheme: m[1].toLowerCase(),
        host: m[2].toLowerCase(),
        port: m[3] ? Number(m[3]) : null,
        path: m[4] || '/'
    };
}

function defaultPortOf(scheme: string): number | null {
    return scheme === 'http' || scheme === 'ws' ? 80 : scheme === 'https' || scheme === 'wss' ? 443 : null;
}

/** CSP3 §6.7.2.6 scheme-part match: a source scheme also allows its secure upgrade. */
export function schemePartMatches(sourceScheme: string, targetScheme: string): boolean {
    const a = sourceScheme.toLowerCase();
    const b = targetScheme.toLowerCase();
    if (a === b) return true;
    if (a === 'http' && b === 'https') return true;
    if (a === 'ws' && (b === 'wss' || b === 'http' || b === 'https')) return true;
    if (a === 'wss' && b === 'https') return true;
    return false;
}

/** CSP3 §6.7.2.7 host-part match: "*.example.com" matches subdomains only; otherwise equal, case-insensitively. */
export function hostPartMatches(pattern: string, host: string): boolean {
    const p = pattern.toLowerCase();
    const h = host.toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('*.')) return h.endsWith(p.slice(1));
    return p === h;
}

/** CSP3 §6.7.2.8 port-part match. */
function portPartMatches(portPart: string | undefined, url: ParsedUrl): boolean {
    const urlPort = url.port ?? defaultPortOf(url.scheme);
    if (portPart === undefined || portPart === '') return urlPort === defaultPortOf(url.scheme);
    if (portPart === '*') return true;
    const port = Number(portPart);
    if (port === urlPort) return true;
    // a source on port 80 also allows the https upgrade on 443
    return port === 80 && urlPort === 443 && (url.scheme === 'https' || url.scheme === 'wss');
}

/** CSP3 §6.7.2.9 path-part match (exact, or a prefix when the source path ends in "/"). */
function pathPartMatches(pathPart: string, urlPath: string): boolean {
    if (pathPart === '' || pathPart === '/') return true;
    const a = decodeURIComponent(pathPart);
    const b = decodeURIComponent(urlPath);
    return a.endsWith('/') ? b.startsWith(a) : a === b;
}

/** CSP3 §6.7.2.5 "Does url match expression in origin": one source expression. */
export function sourceMatches(expression: string, url: string, pageUrl: string): boolean {
    const target = parseUrl(url);
    const page = parseUrl(pageUrl);
    if (!target) return false;
    const expr = expression.trim();
    const lower = expr.toLowerCase();
    if (lower === '*') {
        // "*" matches network schemes, and the page's own scheme
        return ['http', 'https', 'ws', 'wss'].includes(target.scheme) || target.scheme === page?.scheme;
    }
    const schemeOnly = /^([a-z][a-z0-9+.-]*):$/i.exec(expr);
    if (schemeOnly) return schemePartMatches(schemeOnly[1], target.scheme);
    if (lower === "'self'") {
        if (!page) return false;
        const samePort = (target.port ?? defaultPortOf(target.scheme)) === (page.port ?? defaultPortOf(page.scheme));
        if (target.host === page.host && target.scheme === page.scheme && samePort) return true;
        // 'self' also allows the secure upgrade of the page's own host on default ports
        const upgraded =
            (page.scheme === 'http' && (target.scheme === 'https' || target.scheme === 'wss')) ||
            (page.scheme === 'https' && target.scheme === 'wss');
        return (
            target.host === page.host &&
            upgraded &&
            (target.port === null || target.port === defaultPortOf(target.scheme)) &&
            (page.port === null || page.port === defaultPortOf(page.scheme))
        );
    }
    if (expr.startsWith("'")) return false; // keywords, nonces and hashes never match a URL
    const host = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[^/:]+)(?::(\d+|\*))?(\/.*)?$/i.exec(expr);
    if (!host) return false;
    const [, scheme, hostPart, portPart, pathPart] = host;
    if (scheme) {
        if (!schemePartMatches(scheme, target.scheme)) return false;
    } else if (!page || !schemePartMatches(page.scheme, target.scheme)) {
        return false;
    }
    if (!hostPartMatches(hostPart, target.host)) return false;
    // without a port, the default port of the source's scheme (or of the URL's scheme) applies
    if (!portPartMatches(portPart, target)) return false;
    return pathPartMatches(pathPart ?? '', target.path);
}

const HASH = /^'(sha256|sha384|sha512)-/i;

/** Whether one policy allows the request (CSP3 §6.7.2 "Does request match source list", simplified to what the widget does). */
export function policyAllows(policy: CspPolicy, request: CspRequest, pageUrl: string): CspDecision {
    const kind = request.kind === 'inline-script' ? 'script-src-elem' : request.kind;
    const fallbacks = DIRECTIVE_FALLBACKS[kind];
    const directive = fallbacks.find((d) => policy.directives.has(d));
    if (!directive) return { allowed: true };
    const sources = policy.directives.get(directive) ?? [];
    const lower = sources.map((s) => s.toLowerCase());
    const nonceAllowed = (nonce: string | undefined): boolean =>
        nonce !== undefined && nonce !== '' && sources.includes(`'nonce-${nonce}'`);
    const hasNonceOrHash = lower.some((s) => s.startsWith("'nonce-") || HASH.test(s));
    const decide = (allowed: boolean): CspDecision => ({ allowed, directive, sources });
    if (request.kind === 'inline-script' || request.kind === 'script-src-attr') {
        if (request.kind === 'inline-script' && nonceAllowed(request.nonce)) return decide(true);
        // 'unsafe-inline' is ignored when a nonce or hash is present (CSP3 §6.7.3.3)
        if (lower.includes("'unsafe-inline'") && !hasNonceOrHash && !lower.includes("'strict-dynamic'")) {
            return decide(true);
        }
        const hashes = lower.filter((s) => HASH.test(s));
        if (hashes.length > 0 && (request.kind === 'inline-script' || lower.includes("'unsafe-hashes'"))) {
            return { ...decide(false), undecided: `the policy allows inline code by hash (${hashes[0]}…)` };
        }
        return decide(false);
    }
    if (request.kind === 'script-src-elem') {
        if (nonceAllowed(request.nonce)) return decide(true);
        // with 'strict-dynamic', host and scheme sources are ignored for parser-inserted scripts (CSP3 §8.2)
        if (lower.includes("'strict-dynamic'")) return decide(false);
    }
    return decide(sources.some((s) => sourceMatches(s, request.url, pageUrl)));
}

export interface CspBlock {
    policy: CspPolicy;
    decision: CspDecision;
}

/** Every enforced policy must allow a request (CSP3 §4.2.2): the policies that block it, empty when allowed. */
export function blockingPolicies(policies: readonly CspPolicy[], request: CspRequest, pageUrl: string): CspBlock[] {
    return policies
        .map((policy) => ({ policy, decision: policyAllows(policy, request, pageUrl) }))
        .filter((b) => !b.decision.allowed);
}

/** "the Content-Security-Policy header" / "the <meta> policy #2" */
export function policyLabel(policy: CspPolicy): string {
    return policy.origin === 'header'
        ? `the Content-Security-Policy header${policy.position > 1 ? ` (policy ${policy.position})` : ''}`
        : `the <meta http-equiv="Content-Security-Policy"> tag${policy.position > 1 ? ` #${policy.position}` : ''}`;
}

/** The origin of a URL ("https://host[:port]"), or undefined. */
export function urlOrigin(url: string | undefined): string | undefined {
    const p = url === undefined ? null : parseUrl(url);
    if (!p || p.host === '') return undefined;
    const port = p.port !== null && p.port !== defaultPortOf(p.scheme) ? `:${p.port}` : '';
    return `${p.scheme}://${p.host}${port}`;
}

/** The scheme of a URL, lower case. */
export function urlScheme(url: string | undefined): string | undefined {
    return url === undefined ? undefined : parseUrl(url)?.scheme;
}
