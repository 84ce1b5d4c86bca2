/*
 * HTML → WebPageModel with parse5 (the WHATWG HTML parsing algorithm, so a page is read the way a browser builds
 * its DOM: a script after </body> lands in <body>, a stray tag does not hide the rest). The elements are read by the
 * engine's readPageElements, which the in-org paste-and-check step also uses on the browser's DOMParser document.
 */
import type { DefaultTreeAdapterMap } from 'parse5';
import type { WebPageModel } from '../../force-app/main/default/lwc/miawReadinessEngine/websitePage';
import { readPageElements } from '../../force-app/main/default/lwc/miawReadinessEngine/pageElements';
import type { PageElement } from '../../force-app/main/default/lwc/miawReadinessEngine/pageElements';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The page as fetched: everything the model needs besides the HTML. */
export type FetchedPageInfo = Pick<
    WebPageModel,
    'url' | 'finalUrl' | 'redirects' | 'status' | 'contentType' | 'headerCsp'
>;

function isElement(node: Node): node is Element {
    return 'tagName' in node;
}

/** A parse5 element as the engine's reader sees it. */
function asPageElement(el: Element): PageElement {
    return {
        tag: el.tagName,
        attr: (name) => el.attrs.find((a) => a.name === name)?.value,
        // a <script>'s children are text nodes only
        text: () => el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join(''),
        children: () => el.childNodes.filter(isElement).map(asPageElement),
        line: el.sourceCodeLocation?.startLine
    };
}

/**
 * parse5, loaded on first use: every scan imports the CLI's probe module, and only `probe` parses HTML, so a scan
 * does not pay for loading the parser at start-up.
 */
function parseHtml(html: string): DefaultTreeAdapterMap['document'] {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parse } = require('parse5') as typeof import('parse5');
    return parse(html, { sourceCodeLocationInfo: true });
}

/** Builds the page model from the HTML the server sent. */
export function pageModelFromHtml(html: string, info: FetchedPageInfo): WebPageModel {
    const root = parseHtml(html).childNodes.find(isElement);
    const read = root
        ? readPageElements(asPageElement(root), info.finalUrl)
        : { scripts: [], metaCsp: [], mixedContent: [] };
    return { ...info, ...read };
}
