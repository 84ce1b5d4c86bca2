import fc from 'fast-check';
import {
    coversSharedPlatform,
    findPlaceholder,
    isPrivateHost,
    isPublicSuffix,
    isSubdomainOf,
    isWithinDomain,
    parseOrigin,
    publicSuffixOf,
    registrableDomain
} from '../originParser';
import type { Origin } from '../originParser';

function origin(input: string): Origin {
    const parsed = parseOrigin(input);
    if (!parsed.ok) throw new Error(`expected ${input} to parse: ${parsed.error}`);
    return parsed.origin;
}

function errorOf(input: string): { code: string; error: string } {
    const parsed = parseOrigin(input);
    if (parsed.ok) throw new Error(`expected ${input} to fail, got ${parsed.origin.text}`);
    return { code: parsed.code, error: parsed.error };
}

// A host name an admin could own: 1-3 labels under a real-looking TLD.
const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
const hostName = fc
    .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'io', 'co.uk', 'example', 'org'))
    .map(([labels, tld]) => `${labels.join('.')}.${tld}`);
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null });
const scheme = fc.constantFrom('https', 'http');
const originText = fc.tuple(scheme, hostName, port).map(([s, h, p]) => `${s}://${h}${p === null ? '' : `:${p}`}`);

describe('parseOrigin: accepted forms and their canonical text', () => {
    it.each([
        ['https://www.example.com', 'https://www.example.com'],
        ['HTTPS://WWW.Example.COM', 'https://www.example.com'],
        ['https://www.example.com/', 'https://www.example.com'],
        ['https://www.example.com.', 'https://www.example.com'],
        ['https://www.example.com./', 'https://www.example.com'],
        ['  https://www.example.com \n', 'https://www.example.com'],
        ['https://example.com:443', 'https://example.com'],
        ['http://example.com:80', 'http://example.com'],
        ['https://example.com:80', 'https://example.com:80'],
        ['http://example.com:443', 'http://example.com:443'],
        ['https://example.com:08443', 'https://example.com:8443'],
        ['http://localhost:63342', 'http://localhost:63342'],
        ['http://LOCALHOST:3000/', 'http://localhost:3000'],
        ['https://bücher.example', 'https://xn--bcher-kva.example'],
        ['https://BÜCHER.example', 'https://xn--bcher-kva.example'],
        ['https://xn--bcher-kva.example', 'https://xn--bcher-kva.example'],
        ['https://ｅｘａｍｐｌｅ.com', 'https://example.com'],
        ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
        ['http://127.1:8080', 'http://127.0.0.1:8080'],
        ['http://[::1]:3000', 'http://[::1]:3000'],
        ['http://[0:0:0:0:0:0:0:1]', 'http://[::1]'],
        ['https://[2001:DB8::1]:8443/', 'https://[2001:db8::1]:8443'],
        ['https://ndax--dev01.sandbox.my.site.com', 'https://ndax--dev01.sandbox.my.site.com'],
        ['https://ruby-dream-7222-dev-ed.scratch.my.site.com', 'https://ruby-dream-7222-dev-ed.scratch.my.site.com'],
        ['chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed', 'chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed'],
        [
            'moz-extension://1234ab56-78c9-1df2-3efg-4567891hi1j2/',
            'moz-extension://1234ab56-78c9-1df2-3efg-4567891hi1j2'
        ]
    ])('%s → %s', (input, canonical) => {
        expect(origin(input).text).toBe(canonical);
    });

    it('splits scheme, host and port, with the default port as null', () => {
        expect(origin('https://Portal.NDAX.io:443')).toEqual({
            scheme: 'https',
            host: 'portal.ndax.io',
            port: null,
            isIpAddress: false,
            isLoopback: false,
            text: 'https://portal.ndax.io'
        });
        expect(origin('http://localhost:63342').port).toBe(63342);
    });

    it.each([
        ['http://localhost:3000', true, false],
        ['http://app.localhost', true, false],
        ['http://127.0.0.1', true, true],
        ['http://127.9.9.9:81', true, true],
        ['http://[::1]', true, true],
        ['http://192.168.1.10', false, true],
        ['https://[2001:db8::1]', false, true],
        ['https://localhost.example.com', false, false],
        ['https://www.example.com', false, false]
    ])('%s: loopback %s, IP %s', (input, loopback, ip) => {
        expect(origin(input).isLoopback).toBe(loopback);
        expect(origin(input).isIpAddress).toBe(ip);
    });

    it('keeps an IP address and a host name apart', () => {
        expect(origin('http://127.0.0.1:3000').text).not.toBe(origin('http://localhost:3000').text);
    });
});

describe('parseOrigin: errors name the input and what to write', () => {
    it.each([
        ['', 'empty', '"" is empty'],
        ['   ', 'empty', 'is empty'],
        ['www.example.com', 'no_scheme', '"www.example.com" has no scheme: write https://www.example.com'],
        ['WWW.Example.com/chat', 'no_scheme', 'has no scheme: write https://www.example.com'],
        ['localhost:3000', 'no_scheme', '"localhost:3000" has no scheme: write http://localhost:3000'],
        ['//www.example.com', 'no_scheme', 'write https://www.example.com'],
        ['https:www.example.com', 'missing_slashes', 'is missing "//" after "https:": write https://www.example.com'],
        ['https:/www.example.com', 'missing_slashes', 'write https://www.example.com'],
        [
            'https://example.com/chat',
            'path',
            '"https://example.com/chat" has a path ("/chat"): an origin is scheme://host[:port], so write https://example.com'
        ],
        ['https://example.com/?x=1', 'query', 'has a query ("?x=1")'],
        ['https://example.com?x=1#top', 'query', 'so write https://example.com'],
        ['https://example.com#top', 'fragment', 'has a fragment ("#top")'],
        ['https://example.com/#top', 'fragment', 'has a fragment'],
        ['https://admin:s3cret@example.com', 'userinfo', 'has a user name or password before "@"'],
        ['ftp://example.com', 'unsupported_scheme', 'has scheme "ftp"'],
        ['file:///etc/passwd', 'unsupported_scheme', 'has scheme "file"'],
        // A scheme without "//" is named as the wrong scheme, not as a missing one.
        [
            // eslint-disable-next-line no-script-url -- the input an admin might paste, never run
            'javascript:alert(1)',
            'unsupported_scheme',
            '"javascript:alert(1)" has scheme "javascript": only https:// origins (or http:// for localhost) can be used'
        ],
        ['data:text/html,hi', 'unsupported_scheme', 'has scheme "data"'],
        ['mailto:help@example.com', 'unsupported_scheme', 'has scheme "mailto"'],
        ['localhost:3000', 'no_scheme', 'write http://localhost:3000'],
        ['www.example.com:8443', 'no_scheme', 'write https://www.example.com:8443'],
        ['https://', 'no_host', 'has no host name'],
        ['https:///path', 'path', 'has a path'],
        ['https://:443', 'no_host', 'has no host name'],
        ['https://example.com:', 'invalid_port', 'ends in ":" with no port number'],
        ['https://example.com:0', 'invalid_port', 'has port 0: a port is a number from 1 to 65535'],
        ['https://example.com:65536', 'invalid_port', 'has port 65536'],
        ['https://example.com:99999999999999999999', 'invalid_port', 'a port is a number from 1 to 65535'],
        ['https://example.com:http', 'invalid_port', 'has port "http"'],
        ['https://*.example.com', 'wildcard_not_allowed', 'a widget origin names one site'],
        ['https://exa mple.com', 'whitespace', 'contains a space'],
        ['https://exa\u0000mple.com', 'control_character', 'contains a control character'],
        ['https://example.com\\chat', 'backslash', 'contains a backslash'],
        ['https://__MY_DOMAIN__.my.site.com', 'placeholder', 'contains the placeholder "__MY_DOMAIN__"'],
        ['https://<mydomain>.my.salesforce-scrt.com', 'placeholder', 'placeholder "<mydomain>"'],
        ['https://{{site}}.example.com', 'placeholder', '"{{site}}"'],
        ['https://my_site.example.com', 'invalid_host', 'has "_" in the host'],
        ['https://-shop.example.com', 'invalid_host', 'a hyphen at the start or end'],
        ['https://a..example.com', 'invalid_host', 'empty label'],
        ['https://exa%6Dple.com', 'invalid_host', 'percent-encoded host'],
        ['https://example.com!', 'invalid_host', 'not a letter, digit or hyphen'],
        ['https://1.2.3.4.5', 'invalid_host', 'invalid host name'],
        ['http://::1', 'invalid_host', 'IPv6 address without brackets'],
        ['http://[::1', 'invalid_host', 'without its closing "]"'],
        ['http://[::g]', 'invalid_host', 'invalid IPv6 address'],
        ['https://' + 'a'.repeat(64) + '.com', 'invalid_host', 'longer than 63 characters'],
        ['chrome-extension://ABC', 'invalid_extension_id', '32 letters from a to p'],
        ['chrome-extension://abdkkegmcbiomijcbdaodaflgehfffez', 'invalid_extension_id', 'Chrome extension ID'],
        ['moz-extension://not-a-uuid', 'invalid_extension_id', 'Firefox extension ID']
    ])('%j → %s', (input, code, fragment) => {
        const result = errorOf(input);
        expect(result.code).toBe(code);
        expect(result.error).toContain(fragment);
    });

    it('never repeats a password in the message', () => {
        expect(errorOf('https://admin:s3cret@example.com').error).not.toContain('s3cret');
    });

    it('cuts very long input in the message', () => {
        const { error } = errorOf(`www.${'a'.repeat(500)}.com`);
        expect(error.length).toBeLessThan(300);
    });
});

describe('public suffixes and registrable domains', () => {
    it.each([
        ['www.example.com', 'example.com'],
        ['a.b.example.com', 'example.com'],
        ['example.com', 'example.com'],
        ['www.example.co.uk', 'example.co.uk'],
        ['shop.example.com.au', 'example.com.au'],
        ['loja.example.com.br', 'example.com.br'],
        ['acme.my.site.com', 'acme.my.site.com'],
        ['acme--uat.sandbox.my.site.com', 'acme--uat.sandbox.my.site.com'],
        ['ruby-dream-7222-dev-ed.scratch.my.salesforce.com', 'ruby-dream-7222-dev-ed.scratch.my.salesforce.com'],
        ['myapp.herokuapp.com', 'myapp.herokuapp.com'],
        ['com', null],
        ['co.uk', null],
        ['my.site.com', null],
        ['127.0.0.1', null],
        ['[::1]', null]
    ])('registrableDomain(%s) = %s', (host, expected) => {
        expect(registrableDomain(host)).toBe(expected);
    });

    it.each([
        ['com', true],
        ['co.uk', true],
        ['com.br', true],
        ['my.site.com', true],
        ['scratch.my.salesforce.com', true],
        ['force.com', true],
        ['github.io', true],
        ['example.com', false],
        ['www.example.co.uk', false]
    ])('isPublicSuffix(%s) = %s', (host, expected) => {
        expect(isPublicSuffix(host)).toBe(expected);
    });

    it('classifies suffixes', () => {
        expect(publicSuffixOf('www.example.com')).toEqual({ suffix: 'com', kind: 'tld' });
        expect(publicSuffixOf('www.example.co.uk')).toEqual({ suffix: 'co.uk', kind: 'public' });
        expect(publicSuffixOf('acme.my.salesforce-scrt.com')).toEqual({
            suffix: 'my.salesforce-scrt.com',
            kind: 'platform'
        });
        expect(publicSuffixOf('10.0.0.1')).toBeNull();
    });

    it('knows which domains hold shared platform hosts below them', () => {
        expect(coversSharedPlatform('my.site.com')).toBe(true);
        expect(coversSharedPlatform('salesforce-scrt.com')).toBe(true);
        expect(coversSharedPlatform('scratch.my.salesforce.com')).toBe(true);
        expect(coversSharedPlatform('example.com')).toBe(false);
    });

    it('compares domains on label boundaries only', () => {
        expect(isSubdomainOf('www.example.com', 'example.com')).toBe(true);
        expect(isSubdomainOf('a.b.example.com', 'example.com')).toBe(true);
        expect(isSubdomainOf('example.com', 'example.com')).toBe(false);
        expect(isSubdomainOf('evil-example.com', 'example.com')).toBe(false);
        expect(isSubdomainOf('example.com.evil.io', 'example.com')).toBe(false);
        expect(isWithinDomain('example.com', 'example.com')).toBe(true);
    });

    it.each([
        ['localhost', true],
        ['10.1.2.3', true],
        ['172.20.0.1', true],
        ['172.32.0.1', false],
        ['192.168.0.5', true],
        ['intranet', true],
        ['printer.local', true],
        ['[fd00::1]', true],
        ['8.8.8.8', false],
        ['www.example.com', false]
    ])('isPrivateHost(%s) = %s', (host, expected) => {
        expect(isPrivateHost(host)).toBe(expected);
    });

    it('finds template placeholders', () => {
        expect(findPlaceholder('https://__MY_DOMAIN__.my.salesforce-scrt.com')).toBe('__MY_DOMAIN__');
        expect(findPlaceholder('https://${org}.example.com')).toBe('${org}');
        expect(findPlaceholder('https://my_domain.example.com')).toBeNull();
    });
});

describe('parseOrigin properties', () => {
    it('canonical text parses back to the same origin (idempotent)', () => {
        fc.assert(
            fc.property(originText, (text) => {
                const first = origin(text);
                expect(origin(first.text)).toEqual(first);
            })
        );
    });

    it('case, a trailing dot, a trailing slash and blanks do not change the origin', () => {
        fc.assert(
            fc.property(
                originText,
                fc.boolean(),
                fc.boolean(),
                fc.constantFrom('', ' ', '\t', '\n'),
                (text, dot, slash, blank) => {
                    const url = new URL(text);
                    const variant = `${blank}${text.replace(url.hostname, `${url.hostname}${dot ? '.' : ''}`)}${slash ? '/' : ''}${blank}`;
                    expect(origin(variant.toUpperCase()).text).toBe(origin(text).text);
                }
            )
        );
    });

    it('an explicit default port equals no port', () => {
        fc.assert(
            fc.property(hostName, (host) => {
                expect(origin(`https://${host}:443`).text).toBe(origin(`https://${host}`).text);
                expect(origin(`http://${host}:80`).text).toBe(origin(`http://${host}`).text);
            })
        );
    });

    it('any path, query or fragment is rejected', () => {
        fc.assert(
            fc.property(originText, fc.constantFrom('/a', '/chat/', '?q=1', '#x', '/?q', '/#x'), (text, tail) => {
                const parsed = parseOrigin(text + tail);
                expect(parsed.ok).toBe(false);
            })
        );
    });

    it('fuzz: 10,000 arbitrary strings never throw, and every accepted origin is canonical', () => {
        const anyText = fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.webUrl({ withQueryParameters: true, withFragments: true }),
            fc
                .tuple(
                    fc.constantFrom('https://', 'http://', 'HTTPS://', '', '//', 'https:'),
                    fc.string({ unit: 'binary', maxLength: 30 })
                )
                .map(([a, b]) => a + b),
            fc.tuple(originText, fc.string({ maxLength: 8 })).map(([a, b]) => a + b)
        );
        let accepted = 0;
        fc.assert(
            fc.property(anyText, (text) => {
                const parsed = parseOrigin(text);
                if (!parsed.ok) return parsed.error.length > 0;
                accepted++;
                const again = parseOrigin(parsed.origin.text);
                return (
                    /^[a-z-]+:\/\/[^/?#@\s]+$/.test(parsed.origin.text) &&
                    again.ok &&
                    JSON.stringify(again.origin) === JSON.stringify(parsed.origin)
                );
            }),
            { numRuns: 10000 }
        );
        expect(accepted).toBeGreaterThan(100);
    });
});
