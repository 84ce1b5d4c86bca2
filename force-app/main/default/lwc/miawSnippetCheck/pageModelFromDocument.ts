/*
 * Pasted HTML → WebPageModel with the browser's own HTML parser (DOMParser), the same shape the CLI fills from
 * parse5 (cli/probe/pageModel.ts), so Guided Setup runs the website checks on a paste. DOMParser builds an inert
 * document: its scripts never run and nothing reaches the live page.
 *
 * A bare snippet (no <html>, <head> or <body>) is read as the content of <body>: the HTML parsing algorithm puts a
 * leading <script> into <head> when the page has no <head>/<body> tags, which would wrongly read as "the snippet is
 * in <head>". Where a bare snippet sits on the real page is unknown, and the checks say so (fragment).
 */
import type { PageScript, WebPageModel } from 'c/miawReadinessEngine';

/** The subject of the results when the admin gave no page address. */
export const PASTED_SUBJECT = 'Pasted HTML';

/** Elements that may follow the snippet and still leave it "before </body>": they render nothing. */
const INVISIBLE = new Set(['script', 'noscript', 'template', 'style', 'link', 'meta']);

/** Subresources whose http: URL on an https: page is mixed content (tag → attribute). */
const SUBRESOURCES: Readonly<Record<string, string>> = {
    script: 'src',
    iframe: 'src',
    img: 'src',
    audio: 'src',
    video: 'src',
    source: 'src',
    embed: 'src',
    object: 'data'
};

/** An absolute URL: against the base when there is one; without a page address a relative URL stays as written. */
function resolve(url: string, base: string | undefined): string | undefined {
    try {
        return base ? new URL(url.trim(), base).href : new URL(url.trim()).href;
    } catch {
        return undefined;
    }
}

function attr(el: Element, name: string): string | undefined {
    const value = el.getAttribute(name);
    return value === null ? undefined : value;
}

/**
 * Builds the page model from a parsed document. `pageAddress` is the https URL the admin says the HTML is served
 * at ('' when not given): it resolves relative URLs and is the page URL for the CORS and HTTPS checks.
 */
export function pageModelFromDocument(document: Document, pageAddress: string): WebPageModel {
    const scripts: PageScript[] = [];
    const metaCsp: string[] = [];
    const mixedContent: string[] = [];
    const bodyElementPositions: number[] = [];
    const scriptPositions: number[] = [];
    let base: string | undefined = pageAddress || undefined;
    let position = 0;
    const pageIsHttps = pageAddress.toLowerCase().startsWith('https:');

    const visit = (el: Element, location: 'head' | 'body' | undefined): void => {
        position++;
        const tag = el.localName;
        const where = tag === 'head' ? 'head' : tag === 'body' ? 'body' : location;
        const href = tag === 'base' ? attr(el, 'href') : undefined;
        if (href) base = resolve(href, base) ?? base;
        if (tag === 'meta' && (attr(el, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy') {
            // a <meta> policy counts only in <head> (CSP3 §3.3)
            if (where === 'head') metaCsp.push(attr(el, 'content') ?? '');
        }
        if (tag === 'script') {
            const src = attr(el, 'src');
            const script: PageScript = { location: where === 'head' ? 'head' : 'body', index: scripts.length };
            if (src !== undefined) script.src = resolve(src, base) ?? src;
            else script.inline = el.textContent ?? '';
            const onload = attr(el, 'onload');
            if (onload !== undefined) script.onload = onload;
            const nonce = attr(el, 'nonce');
            if (nonce !== undefined) script.nonce = nonce;
            const type = attr(el, 'type');
            if (type !== undefined) script.type = type.toLowerCase();
            scripts.push(script);
            scriptPositions.push(position);
        } else if (where === 'body' && tag !== 'body' && !INVISIBLE.has(tag)) {
            bodyElementPositions.push(position);
        }
        const sub = SUBRESOURCES[tag];
        const link = tag === 'link' && /\bstylesheet\b/i.test(attr(el, 'rel') ?? '') ? attr(el, 'href') : undefined;
        const ref = link ?? (sub ? attr(el, sub) : undefined);
        if (pageIsHttps && ref !== undefined) {
            const absolute = resolve(ref, base);
            if (absolute?.startsWith('http:')) mixedContent.push(absolute);
        }
        // a <template>'s content is inert; DOMParser parses <noscript> as markup (scripting is off in it), but on
        // the live page, where scripts run, its content is text: neither holds a script that runs
        if (tag === 'template' || tag === 'noscript') return;
        for (const child of Array.from(el.children)) visit(child, where);
    };
    visit(document.documentElement, undefined);

    const lastVisible = bodyElementPositions.length > 0 ? bodyElementPositions[bodyElementPositions.length - 1] : 0;
    scripts.forEach((s, i) => {
        if (s.location === 'body') s.afterLastBodyElement = scriptPositions[i] > lastVisible;
    });
    return {
        url: pageAddress || PASTED_SUBJECT,
        finalUrl: pageAddress,
        redirects: [],
        scripts,
        metaCsp,
        // headers are not in a paste: the checks say so (PASTE_HEADERS_NOTE) instead of reading "no policy"
        headerCsp: [],
        mixedContent: [...new Set(mixedContent)]
    };
}

/** A start tag of the page's structure: the paste is (part of) a whole page, not the snippet alone. */
const PAGE_STRUCTURE = /<(?:!doctype|html|head|body)[\s>/]/i;

/** True when the pasted text is a fragment such as the code snippet alone, not a page. */
export function isFragment(html: string): boolean {
    return !PAGE_STRUCTURE.test(html);
}

/** Parses pasted text with the browser's HTML parser (inert: nothing runs, nothing is added to the page). */
export function pageModelFromHtml(html: string, pageAddress: string): WebPageModel {
    const parser = new DOMParser();
    const document = isFragment(html)
        ? // the parser still reads the text; the wrapper only says where it goes, as a page would hold it
          parser.parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html')
        : parser.parseFromString(html, 'text/html');
    return pageModelFromDocument(document, pageAddress);
}
