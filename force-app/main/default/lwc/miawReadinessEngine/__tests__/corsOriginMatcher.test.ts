import fc from 'fast-check';
import {
    assessBreadth,
    corsPatternCovers,
    cspEntryCovers,
    explainCorsNearMisses,
    findCorsCoverage,
    findCspCoverage,
    isMalformedFinding,
    lintCorsPattern,
    lintCspEntry,
    parseCorsEntries,
    parseCorsPattern,
    parseCspEntry,
    wildcardSuggestion
} from '../corsOriginMatcher';
import { parseOrigin } from '../originParser';
import type { Origin } from '../originParser';
import type { CorsEntry, CspTrustedSite } from '../snapshot';

function origin(text: string): Origin {
    const parsed = parseOrigin(text);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.origin;
}

function site(endpointUrl: string, overrides: Partial<CspTrustedSite> = {}): CspTrustedSite {
    return {
        developerName: 'Site',
        endpointUrl,
        isActive: true,
        context: 'All',
        isApplicableToConnectSrc: true,
        ...overrides
    };
}

const codes = (findings: { code: string }[]): string[] => findings.map((f) => f.code);

// Real entries from the shared corpus (corsWhitelistOrigins/ and cspTrustedSites/ of the sample repos).
const CORPUS_CORS: CorsEntry[] = [
    { developerName: 'https_scratch_com', urlPattern: 'https://*.scratch.my.salesforce.com' },
    { developerName: 'https_scrt_com', urlPattern: 'https://*.scratch.my.salesforce-scrt.com' },
    { developerName: 'https_service_force_com', urlPattern: 'https://service.force.com' },
    { developerName: 'https_sites_com', urlPattern: 'https://*.scratch.my.salesforce-sites.com' },
    { developerName: 'https_sites_com_two', urlPattern: 'https://*.scratch.my.site.com' },
    { developerName: 'https_vf_force_com', urlPattern: 'https://*.scratch.vf.force.com' },
    { developerName: 'Grupo_Arnone_Site', urlPattern: 'https://grupoarnone.com' },
    { developerName: 'Grupo_Arnone_Teste', urlPattern: 'https://teste.grupoarnone.com' },
    { developerName: 'https_ds_ndax_io', urlPattern: 'https://ds.ndax.io' },
    { developerName: 'https_portal_dev_ndax_io', urlPattern: 'https://portal-dev.ndax.io' },
    { developerName: 'https_ndax_dev01_sandbox_my_site_com', urlPattern: 'https://ndax--dev01.sandbox.my.site.com' },
    { developerName: 'Chat_Setup_Flow_CORS', urlPattern: 'https://ndax.io' },
    { developerName: 'NW_Messaging_SCRT_Origin', urlPattern: 'https://__MY_DOMAIN__.my.salesforce-scrt.com' },
    { developerName: 'NW_Portal_Site_Origin', urlPattern: 'https://__MY_DOMAIN__.my.site.com' }
];

describe('parseCorsPattern', () => {
    it.each([
        ['https://*.example.com', 'wildcard', 'https://*.example.com'],
        ['HTTPS://*.Example.COM/', 'wildcard', 'https://*.example.com'],
        ['https://*.example.com:443', 'wildcard', 'https://*.example.com'],
        ['https://*.example.com:8443', 'wildcard', 'https://*.example.com:8443'],
        ['https://*.bücher.example', 'wildcard', 'https://*.xn--bcher-kva.example'],
        ['https://www.example.com', 'exact', 'https://www.example.com'],
        ['http://localhost:63342', 'exact', 'http://localhost:63342'],
        ['https://10.0.0.5:8443', 'exact', 'https://10.0.0.5:8443'],
        [
            'chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed',
            'exact',
            'chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed'
        ],
        [
            'moz-extension://1234ab56-78c9-1df2-3efg-4567891hi1j2',
            'exact',
            'moz-extension://1234ab56-78c9-1df2-3efg-4567891hi1j2'
        ],
        ['*', 'any', '*']
    ])('%s is a %s pattern %s', (input, kind, text) => {
        const parsed = parseCorsPattern(input);
        expect(parsed.ok && parsed.pattern.kind).toBe(kind);
        expect(parsed.ok && parsed.pattern.text).toBe(text);
    });

    it.each([
        ['www.example.com', 'no_scheme', '"www.example.com" has no scheme: write https://www.example.com'],
        [
            'https://example.com/chat',
            'path',
            'a CORS allowlist pattern is scheme://host[:port], so write https://example.com'
        ],
        ['https://www.*.example.com', 'wildcard_position', 'the only wildcard form is https://*.example.com'],
        ['https://*example.com', 'wildcard_position', 'whole leftmost label'],
        ['https://a*.example.com', 'wildcard_position', 'whole leftmost label'],
        ['https://*.*.example.com', 'wildcard_position', 'whole leftmost label'],
        ['https://*', 'wildcard_no_domain', 'no domain after it'],
        ['*://example.com', 'wildcard_scheme', 'wildcard scheme'],
        ['https://*.10.0.0.1', 'wildcard_ip', 'in front of an IP address'],
        ['https://__MY_DOMAIN__.my.salesforce-scrt.com', 'placeholder', 'placeholder "__MY_DOMAIN__"'],
        ['chrome-extension://abc', 'invalid_extension_id', 'Chrome extension ID'],
        ['', 'empty', 'is empty']
    ])('%j fails: %s', (input, code, fragment) => {
        const parsed = parseCorsPattern(input);
        expect(parsed).toMatchObject({ ok: false, code });
        expect(parsed.ok ? '' : parsed.error).toContain(fragment);
    });
});

describe('corsPatternCovers', () => {
    it.each([
        // exact, normalised
        ['https://www.example.com', 'https://www.example.com', true],
        ['https://WWW.EXAMPLE.com', 'https://www.example.com', true],
        ['https://www.example.com/', 'https://www.example.com.', true],
        ['https://www.example.com:443', 'https://www.example.com', true],
        ['https://xn--bcher-kva.example', 'https://bücher.example', true],
        ['https://bücher.example', 'https://xn--bcher-kva.example', true],
        // scheme and port are exact
        ['http://www.example.com', 'https://www.example.com', false],
        ['https://www.example.com', 'http://www.example.com', false],
        ['https://www.example.com', 'https://www.example.com:8443', false],
        ['https://www.example.com:8443', 'https://www.example.com', false],
        ['http://localhost:63342', 'http://localhost:63342', true],
        ['http://localhost:63342', 'http://localhost:3000', false],
        // IP and host name are different origins
        ['http://127.0.0.1:3000', 'http://localhost:3000', false],
        ['http://localhost:3000', 'http://127.0.0.1:3000', false],
        // wildcard: any depth, never the apex, never a look-alike
        ['https://*.example.com', 'https://www.example.com', true],
        ['https://*.example.com', 'https://a.b.c.example.com', true],
        ['https://*.example.com', 'https://example.com', false],
        ['https://*.example.com', 'https://evil-example.com', false],
        ['https://*.example.com', 'https://www.evil-example.com', false],
        ['https://*.example.com', 'https://example.com.evil.io', false],
        ['https://*.example.com', 'https://wwwexample.com', false],
        ['https://*.example.com', 'http://www.example.com', false],
        ['https://*.example.com', 'https://www.example.com:8443', false],
        ['https://*.example.com:8443', 'https://www.example.com:8443', true],
        ['https://*.EXAMPLE.com', 'https://WWW.example.COM', true],
        ['https://*.xn--bcher-kva.example', 'https://shop.bücher.example', true],
        ['https://*.scratch.my.site.com', 'https://ruby-dream-7222-dev-ed.scratch.my.site.com', true],
        // extensions
        [
            'chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed',
            'chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed',
            true
        ],
        [
            'chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed',
            'chrome-extension://bbdkkegmcbiomijcbdaodaflgehfffed',
            false
        ],
        // unparseable patterns cover nothing
        ['https://__MY_DOMAIN__.my.site.com', 'https://acme.my.site.com', false],
        ['www.example.com', 'https://www.example.com', false],
        ['https://www.example.com/chat', 'https://www.example.com', false],
        ['*', 'https://anything.example', true]
    ])('%s covers %s: %s', (pattern, target, expected) => {
        expect(corsPatternCovers(pattern, target)).toBe(expected);
    });

    it('finds the covering entries by name among the corpus entries', () => {
        expect(findCorsCoverage('https://teste.grupoarnone.com', CORPUS_CORS)).toEqual(['Grupo_Arnone_Teste']);
        expect(findCorsCoverage('https://ruby-dream-7222-dev-ed.scratch.my.site.com', CORPUS_CORS)).toEqual([
            'https_sites_com_two'
        ]);
        expect(findCorsCoverage('https://portal.ndax.io', CORPUS_CORS)).toEqual([]);
        expect(findCorsCoverage('https://NDAX.io/', CORPUS_CORS)).toEqual(['Chat_Setup_Flow_CORS']);
        expect(findCorsCoverage('not an origin', CORPUS_CORS)).toEqual([]);
    });

    it('explains near misses', () => {
        const entries = parseCorsEntries([
            { developerName: 'Http', urlPattern: 'http://www.example.com' },
            { developerName: 'Port', urlPattern: 'https://www.example.com:8443' },
            { developerName: 'Apex_Wildcard', urlPattern: 'https://*.www.example.com' },
            { developerName: 'Broken', urlPattern: 'www.example.com' }
        ]);
        const notes = explainCorsNearMisses(origin('https://www.example.com'), entries);
        expect(notes).toEqual([
            '"Http" (http://www.example.com) is for http://www.example.com: the scheme differs (http vs https)',
            '"Port" (https://www.example.com:8443) is for https://www.example.com:8443: the port differs (8443 vs 443)',
            '"Apex_Wildcard" (https://*.www.example.com) covers only subdomains of www.example.com, not www.example.com itself',
            '"Broken" (www.example.com) mentions this host but is malformed'
        ]);
    });

    it('suggests a wildcard only over a domain the company owns', () => {
        expect(wildcardSuggestion(origin('https://www.example.com'))).toBe('https://*.example.com');
        expect(wildcardSuggestion(origin('https://shop.example.co.uk:8443'))).toBe('https://*.example.co.uk:8443');
        expect(wildcardSuggestion(origin('https://example.com'))).toBeNull();
        expect(wildcardSuggestion(origin('https://acme.my.site.com'))).toBeNull();
        expect(wildcardSuggestion(origin('http://localhost:3000'))).toBeNull();
        expect(wildcardSuggestion(origin('https://10.0.0.5'))).toBeNull();
    });
});

describe('CSP Trusted Sites', () => {
    it.each([
        ['https://www.example.com', 'https://www.example.com'],
        ['*.salesforce-experience.com', '*.salesforce-experience.com'],
        ['https://*.salesforce-scrt.com', 'https://*.salesforce-scrt.com'],
        ['www.example.com/assets/', 'www.example.com/assets/'],
        ['https://cdn.example.com:*', 'https://cdn.example.com:*'],
        ['wss://stream.example.com', 'wss://stream.example.com'],
        ['http://localhost:63342', 'http://localhost:63342']
    ])('parses %s as %s', (input, text) => {
        const parsed = parseCspEntry(input);
        expect(parsed.ok && parsed.pattern.text).toBe(text);
    });

    it.each([
        ['https://__MY_DOMAIN__.my.site.com', 'placeholder'],
        ['https://example.com?x=1', 'query'],
        ['https://www.*.example.com', 'wildcard_position'],
        ['ftp://example.com', 'unsupported_scheme']
    ])('rejects %s (%s)', (input, code) => {
        const parsed = parseCspEntry(input);
        expect(!parsed.ok && parsed.code).toBe(code);
    });

    it.each([
        ['https://www.example.com', 'https://www.example.com', true],
        ['www.example.com', 'https://www.example.com', true],
        ['www.example.com', 'http://www.example.com', false],
        ['http://www.example.com', 'https://www.example.com', true],
        ['https://www.example.com/chat/', 'https://www.example.com', true],
        ['*.example.com', 'https://www.example.com', true],
        ['*.example.com', 'https://example.com', false],
        ['*.example.com', 'https://evil-example.com', false],
        ['https://www.example.com', 'https://www.example.com:8443', false],
        ['https://www.example.com:*', 'https://www.example.com:8443', true],
        ['http://localhost:63342', 'http://localhost:63342', true],
        ['wss://www.example.com', 'https://www.example.com', false],
        ['*.my.salesforce-scrt.com', 'https://acme.my.salesforce-scrt.com', true]
    ])('%s covers %s: %s', (endpoint, target, expected) => {
        expect(cspEntryCovers(site(endpoint), target)).toBe(expected);
    });

    it('an inactive site covers nothing', () => {
        expect(cspEntryCovers(site('https://www.example.com', { isActive: false }), 'https://www.example.com')).toBe(
            false
        );
        const sites = [
            site('https://www.example.com', { developerName: 'Off', isActive: false }),
            site('*.example.com', { developerName: 'On' })
        ];
        expect(findCspCoverage('https://www.example.com', sites)).toEqual(['On']);
    });
});

describe('lintCorsPattern (TS-04)', () => {
    it.each([
        ['https://*.example.com', []],
        ['https://www.example.com', []],
        ['http://localhost:63342', []],
        ['http://127.0.0.1:8080', []],
        ['chrome-extension://abdkkegmcbiomijcbdaodaflgehfffed', []],
        ['https://*.scratch.my.salesforce.com', []],
        ['www.example.com', ['no_scheme']],
        ['https://example.com/chat', ['path']],
        ['https://example.com/', ['trailing_slash']],
        ['https://www.*.example.com', ['wildcard_position']],
        ['https://*.com', ['wildcard_over_tld']],
        ['http://www.example.com', ['insecure_http']],
        ['http://*.com', ['wildcard_over_tld', 'insecure_http']],
        ['https://__MY_DOMAIN__.my.salesforce-scrt.com', ['placeholder']],
        ['*', ['match_all']],
        ['', ['empty']]
    ])('%j → %j', (pattern, expected) => {
        expect(codes(lintCorsPattern(pattern))).toEqual(expected);
    });

    it('says what to write instead', () => {
        const [placeholder] = lintCorsPattern('https://__MY_DOMAIN__.my.salesforce-scrt.com');
        expect(placeholder.message).toBe(
            '"https://__MY_DOMAIN__.my.salesforce-scrt.com" contains the placeholder "__MY_DOMAIN__" that was never replaced with a real value.'
        );
        expect(placeholder.remediation).toContain('My Domain name');
        expect(isMalformedFinding(placeholder)).toBe(true);
        const [http] = lintCorsPattern('http://www.example.com');
        expect(http.remediation).toBe('Serve the site over https and write https://www.example.com.');
        expect(isMalformedFinding(http)).toBe(false);
        expect(lintCorsPattern('https://*.com')[0].message).toContain(
            'a wildcard must stand in front of a second-level domain'
        );
    });
});

describe('lintCspEntry (TS-04)', () => {
    it.each([
        ['*.salesforce-experience.com', []],
        ['https://ndax--dev01.sandbox.my.salesforce-scrt.com', []],
        ['www.example.com/assets', []],
        ['http://localhost:63342', []],
        ['http://cdn.example.com', ['insecure_http']],
        ['*.com', ['wildcard_over_tld']],
        ['https://__MY_DOMAIN__.my.site.com', ['placeholder']]
    ])('%j → %j', (endpoint, expected) => {
        expect(codes(lintCspEntry(endpoint))).toEqual(expected);
    });
});

describe('assessBreadth (TS-05)', () => {
    it.each([
        ['https://*.example.com', 'cors', []],
        ['https://*.example.co.uk', 'cors', []],
        ['https://www.example.com', 'cors', []],
        ['http://localhost:63342', 'cors', []],
        ['http://192.168.0.10:8080', 'cors', []],
        ['https://acme.my.site.com', 'cors', []],
        ['*', 'cors', ['match_all']],
        ['https://*', 'cors', ['match_all']],
        ['https://*.com', 'cors', ['public_suffix_wildcard']],
        ['https://*.co.uk', 'cors', ['public_suffix_wildcard']],
        ['https://*.com.br', 'cors', ['public_suffix_wildcard']],
        ['https://*.my.site.com', 'cors', ['platform_suffix_wildcard']],
        ['https://*.scratch.my.salesforce.com', 'cors', ['platform_suffix_wildcard']],
        ['https://*.scratch.my.salesforce-scrt.com', 'cors', ['platform_suffix_wildcard']],
        ['https://*.force.com', 'cors', ['platform_suffix_wildcard']],
        ['https://*.herokuapp.com', 'cors', ['platform_suffix_wildcard']],
        ['http://www.example.com', 'cors', ['http_public_host']],
        ['http://*.com', 'cors', ['public_suffix_wildcard', 'http_public_host']],
        ['https://__MY_DOMAIN__.my.site.com', 'cors', []],
        ['*.my.salesforce-scrt.com', 'csp', ['platform_suffix_wildcard']],
        ['*.salesforce-experience.com', 'csp', ['platform_suffix_wildcard']],
        ['*.ruby-dream-7222-dev-ed.scratch.my.salesforce-sites.com', 'csp', []],
        ['https://*.salesforce-scrt.com', 'csp', ['platform_suffix_wildcard']],
        ['*', 'csp', ['match_all']]
    ])('%j (%s) → %j', (pattern, kind, expected) => {
        expect(codes(assessBreadth(pattern, kind as 'cors' | 'csp'))).toEqual(expected);
    });

    it('explains who else the entry lets in', () => {
        const [finding] = assessBreadth('https://*.my.site.com');
        expect(finding.message).toContain("other companies' sites match it too");
        expect(finding.remediation).toContain('https://yourcompany.my.site.com');
        expect(assessBreadth('https://*.com')[0].message).toContain('public suffix ".com"');
    });

    it('gives a real SCRT host as the example: yourcompany.my.salesforce-scrt.com, never yourcompany.salesforce-scrt.com', () => {
        for (const pattern of ['https://*.salesforce-scrt.com', 'https://*.my.salesforce-scrt.com']) {
            const [finding] = assessBreadth(pattern, 'csp');
            expect(finding.remediation).toContain('https://yourcompany.my.salesforce-scrt.com');
            expect(finding.remediation).not.toContain('yourcompany.salesforce-scrt.com');
        }
    });
});

// ---------------------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------------------

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const domain = fc
    .tuple(label, fc.constantFrom('com', 'io', 'co.uk', 'example', 'net'))
    .map(([name, tld]) => `${name}.${tld}`);
const subdomainLabels = fc.array(label, { minLength: 1, maxLength: 3 });
const scheme = fc.constantFrom('https', 'http');
const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null });
const withPort = (p: number | null): string => (p === null ? '' : `:${p}`);

describe('matcher properties', () => {
    it('a wildcard pattern never covers its own apex', () => {
        fc.assert(
            fc.property(scheme, domain, port, (s, d, p) => {
                expect(corsPatternCovers(`${s}://*.${d}${withPort(p)}`, `${s}://${d}${withPort(p)}`)).toBe(false);
            })
        );
    });

    it('a wildcard pattern covers every subdomain at any depth, same scheme and port', () => {
        fc.assert(
            fc.property(scheme, domain, subdomainLabels, port, (s, d, labels, p) => {
                const target = `${s}://${labels.join('.')}.${d}${withPort(p)}`;
                expect(corsPatternCovers(`${s}://*.${d}${withPort(p)}`, target)).toBe(true);
            })
        );
    });

    it('no look-alike is covered: evil-<domain>, <domain>.evil.io, <label><domain>', () => {
        fc.assert(
            fc.property(scheme, domain, label, (s, d, extra) => {
                const pattern = `${s}://*.${d}`;
                for (const lookAlike of [`evil-${d}`, `${d}.evil.io`, `${extra}${d}`, `www.evil-${d}`]) {
                    expect(corsPatternCovers(pattern, `${s}://${lookAlike}`)).toBe(false);
                    expect(corsPatternCovers(`${s}://${d}`, `${s}://${lookAlike}`)).toBe(false);
                }
            })
        );
    });

    it('covering is case-insensitive', () => {
        fc.assert(
            fc.property(scheme, domain, subdomainLabels, fc.boolean(), (s, d, labels, wildcard) => {
                const host = `${labels.join('.')}.${d}`;
                const pattern = wildcard ? `${s}://*.${d}` : `${s}://${host}`;
                const expected = corsPatternCovers(pattern, `${s}://${host}`);
                expect(corsPatternCovers(pattern.toUpperCase(), `${s}://${host}`.toUpperCase())).toBe(expected);
                expect(expected).toBe(true);
            })
        );
    });

    it('an exact pattern covers exactly the origin it was made from', () => {
        fc.assert(
            fc.property(scheme, domain, subdomainLabels, port, port, (s, d, labels, p, q) => {
                const host = `${labels.join('.')}.${d}`;
                const made = `${s}://${host}${withPort(p)}`;
                expect(corsPatternCovers(made, made)).toBe(true);
                const other = `${s}://${host}${withPort(q)}`;
                expect(corsPatternCovers(made, other)).toBe(origin(made).text === origin(other).text);
                expect(corsPatternCovers(made, `${s}://x${host}${withPort(p)}`)).toBe(false);
                expect(corsPatternCovers(made, `${s === 'https' ? 'http' : 'https'}://${host}${withPort(p)}`)).toBe(
                    false
                );
            })
        );
    });

    it('parse(canonical(parse(x))) is idempotent for CORS patterns and CSP entries', () => {
        const patternText = fc
            .tuple(fc.constantFrom('https', 'http', 'HTTPS'), fc.boolean(), domain, port, fc.constantFrom('', '/', '.'))
            .map(
                ([s, w, d, p, tail]) =>
                    `${s}://${w ? '*.' : ''}${d}${tail === '.' ? '.' : ''}${withPort(p)}${tail === '/' ? '/' : ''}`
            );
        fc.assert(
            fc.property(patternText, (text) => {
                const first = parseCorsPattern(text);
                expect(first.ok).toBe(true);
                if (!first.ok) return;
                const second = parseCorsPattern(first.pattern.text);
                expect(second).toEqual(first);
                const csp = parseCspEntry(text);
                expect(csp.ok && parseCspEntry(csp.pattern.text)).toEqual(csp);
            })
        );
    });

    it('a CSP entry and the same CORS pattern agree on https origins', () => {
        fc.assert(
            fc.property(fc.boolean(), domain, subdomainLabels, port, (w, d, labels, p) => {
                const pattern = `https://${w ? '*.' : ''}${d}${withPort(p)}`;
                const target = `https://${labels.join('.')}.${d}${withPort(p)}`;
                expect(cspEntryCovers(site(pattern), target)).toBe(corsPatternCovers(pattern, target));
                expect(cspEntryCovers(site(pattern), `https://${d}${withPort(p)}`)).toBe(
                    corsPatternCovers(pattern, `https://${d}${withPort(p)}`)
                );
            })
        );
    });
});

describe('fuzz: no exception escapes the matcher', () => {
    it('10,000 generated strings through every parser, linter and breadth check', () => {
        const anyText = fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.string({ unit: 'grapheme', maxLength: 30 }),
            fc.webUrl({ withQueryParameters: true, withFragments: true }),
            fc
                .tuple(
                    fc.constantFrom(
                        'https://*.',
                        'http://',
                        '*.',
                        '*://',
                        'chrome-extension://',
                        'moz-extension://',
                        'https://__',
                        ''
                    ),
                    fc.string({ unit: 'binary', maxLength: 30 }),
                    fc.constantFrom('', '/', ':443', ':*', '?a', '#b', '.', '__')
                )
                .map(([a, b, c]) => a + b + c)
        );
        const target = origin('https://www.example.com');
        fc.assert(
            fc.property(anyText, (text) => {
                const cors = parseCorsPattern(text);
                const csp = parseCspEntry(text);
                const parsedOrigin = parseOrigin(text);
                const errorsAreText = [cors, csp, parsedOrigin].every((r) => r.ok || r.error.length > 0);
                const canonicalIsStable =
                    !cors.ok || JSON.stringify(parseCorsPattern(cors.pattern.text)) === JSON.stringify(cors);
                corsPatternCovers(text, target);
                cspEntryCovers(site(text), target);
                if (parsedOrigin.ok) {
                    corsPatternCovers('https://*.example.com', parsedOrigin.origin);
                    cspEntryCovers(site('*.example.com'), parsedOrigin.origin);
                }
                const findings = [
                    ...lintCorsPattern(text),
                    ...lintCspEntry(text),
                    ...assessBreadth(text, 'cors'),
                    ...assessBreadth(text, 'csp')
                ];
                // A plain check rather than expect() per finding keeps 10,000 runs fast.
                return (
                    errorsAreText &&
                    canonicalIsStable &&
                    findings.every((f) => f.message.length > 0 && f.remediation.length > 0)
                );
            }),
            { numRuns: 10000 }
        );
        expect(lintCorsPattern('https://*.example.com')).toEqual([]);
    });
});
