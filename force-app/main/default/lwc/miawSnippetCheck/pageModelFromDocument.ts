/*
 * Pasted HTML → WebPageModel with the browser's own HTML parser (DOMParser), the same shape the CLI fills from
 * parse5 (cli/probe/pageModel.ts), so Guided Setup runs the website checks on a paste. DOMParser builds an inert
 * document: its scripts never run and nothing reaches the live page.
 *
 * A bare snippet (no <html>, <head> or <body>) is read as the content of <body>: the HTML parsing algorithm puts a
 * leading <script> into <head> when the page has no <head>/<body> tags, which would wrongly read as "the snippet is
 * in <head>". Where a bare snippet sits on the real page is unknown, and the checks say so (fragment).
 */
import { readPageElements } from 'c/miawReadinessEngine';
import type { PageElement, WebPageModel } from 'c/miawReadinessEngine';

/** The subject of the results when the admin gave no page address. */
export const PASTED_SUBJECT = 'Pasted HTML';

/** A DOM element as the engine's reader sees it. */
function asPageElement(el: Element): PageElement {
    return {
        tag: el.localName,
        attr: (name) => el.getAttribute(name) ?? undefined,
        text: () => el.textContent ?? '',
        children: () => Array.from(el.children).map(asPageElement)
    };
}

/**
 * Builds the page model from a parsed document. `pageAddress` is the https URL the admin says the HTML is served
 * at ('' when not given): it resolves relative URLs and is the page URL for the CORS and HTTPS checks.
 */
export function pageModelFromDocument(document: Document, pageAddress: string): WebPageModel {
    const { scripts, metaCsp, mixedContent } = readPageElements(asPageElement(document.documentElement), pageAddress);
    return {
        url: pageAddress || PASTED_SUBJECT,
        finalUrl: pageAddress,
        redirects: [],
        scripts,
        metaCsp,
        // headers are not in a paste: the checks say so (PASTE_HEADERS_NOTE) instead of reading "no policy"
        headerCsp: [],
        mixedContent
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
