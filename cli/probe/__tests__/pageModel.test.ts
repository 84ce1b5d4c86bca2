/*
 * HTML → WebPageModel as a browser would build the DOM (parse5): where scripts land, which <meta> policies count,
 * what is mixed content, and whether the snippet is the last thing in <body>.
 */
import { pageModelFromHtml } from '../pageModel';

const info = (finalUrl = 'https://www.acme.example/help/') => ({
    url: finalUrl,
    finalUrl,
    redirects: [],
    status: 200,
    contentType: 'text/html',
    headerCsp: []
});

describe('pageModelFromHtml', () => {
    it('resolves script URLs against the page (and <base>), keeps onload and nonce, and says where each script is', () => {
        const html = `<!doctype html><html><head><base href="https://cdn.acme.example/x/">
            <script src="a.js" nonce="n1"></script></head>
            <body><p>Hi</p><script>var inline = 1;</script>
            <script src="/assets/js/bootstrap.min.js" onload="initEmbeddedMessaging()"></script></body></html>`;
        const model = pageModelFromHtml(html, info());
        expect(model.scripts).toEqual([
            expect.objectContaining({
                src: 'https://cdn.acme.example/x/a.js',
                nonce: 'n1',
                location: 'head',
                index: 0
            }),
            expect.objectContaining({
                inline: 'var inline = 1;',
                location: 'body',
                index: 1,
                afterLastBodyElement: true
            }),
            expect.objectContaining({
                src: 'https://cdn.acme.example/assets/js/bootstrap.min.js',
                onload: 'initEmbeddedMessaging()',
                afterLastBodyElement: true,
                line: 4
            })
        ]);
    });

    it('puts a script written after </body> in the body, as browsers do, and notices content after the snippet', () => {
        const html = `<html><body><script>early()</script><footer>f</footer></body></html><script>late()</script>`;
        const model = pageModelFromHtml(html, info());
        expect(model.scripts.map((s) => [s.inline, s.location, s.afterLastBodyElement])).toEqual([
            ['early()', 'body', false],
            ['late()', 'body', true]
        ]);
    });

    it('reads <meta> policies in <head> only, and ignores scripts inside <template>', () => {
        const html = `<html><head><meta http-equiv="content-security-policy" content="connect-src 'self'"></head>
            <body><template><script>never()</script></template></body></html>`;
        const model = pageModelFromHtml(html, info());
        expect(model.metaCsp).toEqual(["connect-src 'self'"]);
        expect(model.scripts).toEqual([]);
    });

    it('lists http: subresources of an https page as mixed content, once each, and none for an http page', () => {
        const html = `<html><head><link rel="stylesheet" href="http://cdn.example/a.css"></head><body>
            <img src="http://img.example/b.png"><img src="http://img.example/b.png"><a href="http://x.example/">link</a>
            <iframe src="https://ok.example/"></iframe></body></html>`;
        expect(pageModelFromHtml(html, info()).mixedContent).toEqual([
            'http://cdn.example/a.css',
            'http://img.example/b.png'
        ]);
        expect(pageModelFromHtml(html, info('http://www.acme.example/')).mixedContent).toEqual([]);
    });
});
