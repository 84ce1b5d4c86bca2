/*
 * Pasted HTML → WebPageModel with the browser's DOMParser (jsdom's here): the same shape the CLI fills from parse5,
 * a bare snippet parsing into <body>, nothing run, and no page address meaning no resolved relative URLs.
 */
import { isFragment, pageModelFromHtml, PASTED_SUBJECT } from '../pageModelFromDocument';

const SNIPPET = `<script type='text/javascript'>
    function initEmbeddedMessaging() {
        try {
            embeddedservice_bootstrap.settings.language = 'en_US';
            embeddedservice_bootstrap.init('00D5e000000AcmeEAQ', 'Acme_Web_Chat',
                'https://acme-outdoor.my.site.com/ESWAcmeWebChat17302856409121',
                { scrt2URL: 'https://acme-outdoor.my.salesforce-scrt.com' });
        } catch (err) { console.error('Error loading Embedded Messaging: ', err); }
    };
</script>
<script type='text/javascript' src='https://acme-outdoor.my.site.com/ESWAcmeWebChat17302856409121/assets/js/bootstrap.min.js' onload='initEmbeddedMessaging()'></script>`;

describe('pageModelFromHtml (DOMParser)', () => {
    afterEach(() => {
        delete (window as any).pasteRan;
    });

    it('reads a bare snippet (no <html>) into <body>, as the last thing there, with its onload and type', () => {
        const model = pageModelFromHtml(SNIPPET, '');
        expect(model).toMatchObject({ url: PASTED_SUBJECT, finalUrl: '', redirects: [], headerCsp: [], metaCsp: [] });
        expect(model.scripts).toEqual([
            expect.objectContaining({
                location: 'body',
                index: 0,
                type: 'text/javascript',
                afterLastBodyElement: true
            }),
            expect.objectContaining({
                src: 'https://acme-outdoor.my.site.com/ESWAcmeWebChat17302856409121/assets/js/bootstrap.min.js',
                onload: 'initEmbeddedMessaging()',
                location: 'body',
                index: 1,
                afterLastBodyElement: true
            })
        ]);
        expect(model.scripts[0].inline).toContain("embeddedservice_bootstrap.init('00D5e000000AcmeEAQ'");
        expect(isFragment(SNIPPET)).toBe(true);
    });

    it('reads a page without a <body> tag as the parser does: a leading script lands in <head>', () => {
        expect(isFragment('<html><script>a()</script><p>x</p></html>')).toBe(false);
        const model = pageModelFromHtml('<html><script>a()</script><p>x</p><script>b()</script></html>', '');
        expect(model.scripts.map((s) => [s.inline, s.location, s.afterLastBodyElement])).toEqual([
            ['a()', 'head', undefined],
            ['b()', 'body', true]
        ]);
    });

    it('runs nothing it parses and adds nothing to the live page', () => {
        const before = [document.head.childElementCount, document.body.childElementCount];
        pageModelFromHtml('<script>window.pasteRan = true</script><img src="x" onerror="window.pasteRan = true">', '');
        expect((window as any).pasteRan).toBeUndefined();
        expect([document.head.childElementCount, document.body.childElementCount]).toEqual(before);
        expect(document.scripts.length).toBe(0);
    });

    it('says where each script is in a full page, reads <meta> policies in <head> only, and skips <template>', () => {
        const html = `<!doctype html><html><head>
            <meta http-equiv="Content-Security-Policy" content="script-src 'self'">
            <script src="/js/app.js" nonce="n1"></script></head>
            <body><p>Hi</p>${SNIPPET}<footer>f</footer>
            <template><script>never()</script></template>
            <meta http-equiv="content-security-policy" content="connect-src 'none'"></body></html>`;
        const model = pageModelFromHtml(html, 'https://www.acme-outdoor.example/help/');
        expect(model.metaCsp).toEqual(["script-src 'self'"]);
        expect(model.scripts.map((s) => [s.location, s.src ?? 'inline', s.afterLastBodyElement])).toEqual([
            ['head', 'https://www.acme-outdoor.example/js/app.js', undefined],
            ['body', 'inline', false],
            ['body', 'https://acme-outdoor.my.site.com/ESWAcmeWebChat17302856409121/assets/js/bootstrap.min.js', false]
        ]);
        expect(model.scripts[0].nonce).toBe('n1');
        expect(model).toMatchObject({
            url: 'https://www.acme-outdoor.example/help/',
            finalUrl: 'https://www.acme-outdoor.example/help/'
        });
    });

    it('lists http: subresources as mixed content only when the page address is https, and resolves against <base>', () => {
        const html = `<head><base href="http://cdn.acme.example/"></head>
            <body><img src="a.png"><img src="http://img.example/b.png"><img src="http://img.example/b.png"></body>`;
        expect(pageModelFromHtml(html, 'https://www.acme.example/').mixedContent).toEqual([
            'http://cdn.acme.example/a.png',
            'http://img.example/b.png'
        ]);
        expect(pageModelFromHtml(html, '').mixedContent).toEqual([]);
    });

    it('keeps a relative script src as written when there is no page address to resolve it against', () => {
        const model = pageModelFromHtml('<script src="/ESW/assets/js/bootstrap.min.js"></script>', '');
        expect(model.scripts[0].src).toBe('/ESW/assets/js/bootstrap.min.js');
    });
});
