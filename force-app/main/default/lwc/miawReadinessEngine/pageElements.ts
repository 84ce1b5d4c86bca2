/*
 * The part of a WebPageModel that comes from the page's elements — its scripts, <meta> policies and mixed
 * content — read from any parsed HTML tree: the CLI's parse5 tree (cli/probe/pageModel.ts) and the browser's
 * DOMParser document in the org's paste-and-check step (miawSnippetCheck) both adapt their elements to
 * PageElement, so the two readers cannot drift apart.
 */
import type { PageScript, WebPageModel } from './websitePage';

/** One element of a parsed HTML tree, as the reader needs it. */
export interface PageElement {
    /** Lower-case tag name. */
    tag: string;
    attr(name: string): string | undefined;
    /** The element's text (a <script>'s inline code). */
    text(): string;
    /** Child elements, in document order. */
    children(): PageElement[];
    /** 1-based line in the HTML, when the parser knows it. */
    line?: number;
}

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

/** An absolute URL: against the base when there is one; without one a relative URL stays unresolved. */
function resolve(url: string, base: string | undefined): string | undefined {
    try {
        return base ? new URL(url.trim(), base).href : new URL(url.trim()).href;
    } catch {
        return undefined;
    }
}

/**
 * Reads the scripts, <meta> Content Security Policies and mixed content of a page from its root element.
 * `pageUrl` is where the HTML was served ('' when unknown, e.g. a paste without an address): it resolves relative
 * URLs and decides whether http: subresources are mixed content.
 */
export function readPageElements(
    root: PageElement,
    pageUrl: string
): Pick<WebPageModel, 'scripts' | 'metaCsp' | 'mixedContent'> {
    const scripts: PageScript[] = [];
    const metaCsp: string[] = [];
    const mixedContent: string[] = [];
    /** Document position of every visible element in <body>, to tell whether a script is the last thing there. */
    const bodyElementPositions: number[] = [];
    const scriptPositions: number[] = [];
    let base: string | undefined = pageUrl || undefined;
    let position = 0;
    const pageIsHttps = pageUrl.toLowerCase().startsWith('https:');

    const visit = (el: PageElement, location: 'head' | 'body' | undefined): void => {
        position++;
        const tag = el.tag;
        const where = tag === 'head' ? 'head' : tag === 'body' ? 'body' : location;
        const href = tag === 'base' ? el.attr('href') : undefined;
        if (href) base = resolve(href, base) ?? base;
        if (tag === 'meta' && (el.attr('http-equiv') ?? '').toLowerCase() === 'content-security-policy') {
            // a <meta> policy counts only in <head> (CSP3 §3.3); the HTML parser moves stray ones where a browser would
            if (where === 'head') metaCsp.push(el.attr('content') ?? '');
        }
        if (tag === 'script') {
            const src = el.attr('src');
            const script: PageScript = { location: where === 'head' ? 'head' : 'body', index: scripts.length };
            if (el.line !== undefined) script.line = el.line;
            if (src !== undefined) script.src = resolve(src, base) ?? src;
            else script.inline = el.text();
            const onload = el.attr('onload');
            if (onload !== undefined) script.onload = onload;
            const nonce = el.attr('nonce');
            if (nonce !== undefined) script.nonce = nonce;
            const type = el.attr('type');
            if (type !== undefined) script.type = type.toLowerCase();
            scripts.push(script);
            scriptPositions.push(position);
        } else if (where === 'body' && tag !== 'body' && !INVISIBLE.has(tag)) {
            bodyElementPositions.push(position);
        }
        const sub = SUBRESOURCES[tag];
        const link = tag === 'link' && /\bstylesheet\b/i.test(el.attr('rel') ?? '') ? el.attr('href') : undefined;
        const ref = link ?? (sub ? el.attr(sub) : undefined);
        if (pageIsHttps && ref !== undefined) {
            const absolute = resolve(ref, base);
            if (absolute?.startsWith('http:')) mixedContent.push(absolute);
        }
        // A <template>'s content is inert. A <noscript>'s content is text where scripts run (a browser, parse5 by
        // default); DOMParser, with scripting off, parses it as markup: either way no script in it runs.
        if (tag === 'template' || tag === 'noscript') return;
        for (const child of el.children()) visit(child, where);
    };
    visit(root, undefined);

    const lastVisible = bodyElementPositions.length > 0 ? bodyElementPositions[bodyElementPositions.length - 1] : 0;
    scripts.forEach((s, i) => {
        if (s.location === 'body') s.afterLastBodyElement = scriptPositions[i] > lastVisible;
    });
    return { scripts, metaCsp, mixedContent: [...new Set(mixedContent)] };
}
