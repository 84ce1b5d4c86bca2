/*
 * HTML → WebPageModel with parse5 (the WHATWG HTML parsing algorithm, so a page is read the way a browser builds
 * its DOM: a script after </body> lands in <body>, a stray tag does not hide the rest). The engine's checks only
 * see the model, so the in-org paste-and-check step can fill the same shape from the browser's DOMParser.
 */
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { PageScript, WebPageModel } from '../../force-app/main/default/lwc/miawReadinessEngine/websitePage';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The page as fetched: everything the model needs besides the HTML. */
export type FetchedPageInfo = Pick<
    WebPageModel,
    'url' | 'finalUrl' | 'redirects' | 'status' | 'contentType' | 'headerCsp'
>;

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

function isElement(node: Node): node is Element {
    return 'tagName' in node;
}

function attr(el: Element, name: string): string | undefined {
    return el.attrs.find((a) => a.name === name)?.value;
}

function textOf(el: Element): string {
    // a <script>'s children are text nodes only
    return el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
}

function resolve(url: string, base: string): string | undefined {
    try {
        return new URL(url.trim(), base).href;
    } catch {
        return undefined;
    }
}

/** Builds the page model from the HTML the server sent. */
export function pageModelFromHtml(html: string, info: FetchedPageInfo): WebPageModel {
    const document = parse(html, { sourceCodeLocationInfo: true });
    const scripts: PageScript[] = [];
    const metaCsp: string[] = [];
    const mixedContent: string[] = [];
    /** Document position of every visible element in <body>, to tell whether a script is the last thing there. */
    const bodyElementPositions: number[] = [];
    const scriptPositions: number[] = [];
    let base = info.finalUrl;
    let position = 0;
    const pageIsHttps = info.finalUrl.toLowerCase().startsWith('https:');

    const visit = (node: Node, location: 'head' | 'body' | undefined): void => {
        if (!isElement(node)) {
            if ('childNodes' in node) for (const child of node.childNodes) visit(child, location);
            return;
        }
        position++;
        const tag = node.tagName;
        const where = tag === 'head' ? 'head' : tag === 'body' ? 'body' : location;
        if (tag === 'base' && attr(node, 'href')) base = resolve(attr(node, 'href') ?? '', info.finalUrl) ?? base;
        if (tag === 'meta' && (attr(node, 'http-equiv') ?? '').toLowerCase() === 'content-security-policy') {
            // a <meta> policy counts only in <head> (CSP3 §3.3); parse5 moves stray ones where a browser would
            if (where === 'head') metaCsp.push(attr(node, 'content') ?? '');
        }
        if (tag === 'script') {
            const src = attr(node, 'src');
            const script: PageScript = {
                location: where === 'head' ? 'head' : 'body',
                index: scripts.length,
                line: node.sourceCodeLocation?.startLine
            };
            if (src !== undefined) script.src = resolve(src, base) ?? src;
            else script.inline = textOf(node);
            const onload = attr(node, 'onload');
            if (onload !== undefined) script.onload = onload;
            const nonce = attr(node, 'nonce');
            if (nonce !== undefined) script.nonce = nonce;
            const type = attr(node, 'type');
            if (type !== undefined) script.type = type.toLowerCase();
            scripts.push(script);
            scriptPositions.push(position);
        } else if (where === 'body' && tag !== 'body' && !INVISIBLE.has(tag)) {
            bodyElementPositions.push(position);
        }
        const sub = SUBRESOURCES[tag];
        const link = tag === 'link' && /\bstylesheet\b/i.test(attr(node, 'rel') ?? '') ? attr(node, 'href') : undefined;
        const ref = link ?? (sub ? attr(node, sub) : undefined);
        if (pageIsHttps && ref !== undefined) {
            const absolute = resolve(ref, base);
            if (absolute?.startsWith('http:')) mixedContent.push(absolute);
        }
        // a <template>'s content is inert: scripts in it never run
        if (tag === 'template') return;
        for (const child of node.childNodes) visit(child, where);
    };
    visit(document, undefined);

    const lastVisible = bodyElementPositions.length > 0 ? bodyElementPositions[bodyElementPositions.length - 1] : 0;
    scripts.forEach((s, i) => {
        if (s.location === 'body') s.afterLastBodyElement = scriptPositions[i] > lastVisible;
    });
    return { ...info, scripts, metaCsp, mixedContent: [...new Set(mixedContent)] };
}
