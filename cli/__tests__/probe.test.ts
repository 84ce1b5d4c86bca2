/*
 * `miaw-readiness probe` end to end, offline: the local test site (test/support/websiteFixtures) over HTTP and over
 * HTTPS with a self-signed certificate, against a copy of examples/ready whose CORS allowlist names the test site.
 * Each planted defect is reported with its subject and fix; the correct page raises no alarm; pages that cannot be
 * read get a plain-words error and the run carries on.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CheckResult } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import { startWebsiteFixtures } from '../../test/support/websiteFixtures/server';
import type { WebsiteFixtures } from '../../test/support/websiteFixtures/server';
import { main } from '../main';
import { memoryIo } from './cliTestKit';

const REPO = path.resolve(__dirname, '../..');

let site: WebsiteFixtures;
let orgDir: string;

beforeAll(async () => {
    site = await startWebsiteFixtures();
    orgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-probe-org-'));
    fs.cpSync(path.join(REPO, 'examples/ready/force-app'), path.join(orgDir, 'force-app'), { recursive: true });
    fs.writeFileSync(
        path.join(orgDir, 'force-app/main/default/corsWhitelistOrigins/Probe_Test_Site.corsWhitelistOrigin-meta.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>\n<CorsWhitelistOrigin xmlns="http://soap.sforce.com/2006/04/metadata">\n    <urlPattern>${site.httpsUrl}</urlPattern>\n</CorsWhitelistOrigin>\n`
    );
});

afterAll(async () => {
    await site.close();
    fs.rmSync(orgDir, { recursive: true, force: true });
});

interface JsonRun {
    code: number;
    results: CheckResult[];
    summary: { verdict: string; scope: string[]; pages: string[] };
    stderr: string;
}

async function probe(args: string[]): Promise<JsonRun> {
    const io = memoryIo(orgDir);
    const code = await main(['probe', ...args, '--format', 'json'], io);
    const out = io.out();
    const json = out ? (JSON.parse(out) as Omit<JsonRun, 'code' | 'stderr'>) : { results: [], summary: {} };
    return { code, stderr: io.err(), ...(json as Omit<JsonRun, 'code' | 'stderr'>) };
}

const page = (name: string): string => `${site.httpsUrl}/${name}`;
const failing = (run: JsonRun, url: string): string[] =>
    run.results.filter((r) => r.status === 'fail' && r.subject.startsWith(url)).map((r) => r.checkId);
const find = (run: JsonRun, id: string, url: string): CheckResult | undefined =>
    run.results.find((r) => r.checkId === id && r.subject.startsWith(url));

describe('miaw-readiness probe on the local test site', () => {
    it('passes every WEB check on the correct HTTPS page, with the org, and exits 0', async () => {
        const run = await probe([page('correct.html'), '--insecure', '--source-dir', 'force-app']);
        expect(run.results.filter((r) => r.status !== 'pass')).toEqual([]);
        expect(run.results.map((r) => r.checkId)).toEqual([
            'WEB-01',
            'WEB-02',
            'WEB-03',
            'WEB-04',
            'WEB-05',
            'WEB-06',
            'WEB-07',
            'WEB-08',
            'WEB-09'
        ]);
        expect(run.summary).toMatchObject({ verdict: 'ready', scope: ['website'], pages: [page('correct.html')] });
        expect(run.code).toBe(0);
    });

    it('reports each planted defect with its subject and fix, and nothing else on those pages', async () => {
        const planted: Record<string, string[]> = {
            'no-snippet.html': ['WEB-01'],
            'legacy-chat.html': ['WEB-01'],
            'malformed.html': ['WEB-02'],
            'wrong-deployment.html': ['WEB-03'],
            'wrong-site.html': ['WEB-04'],
            'bad-language.html': ['WEB-05'],
            'in-head.html': ['WEB-06'],
            'csp-blocks.html': ['WEB-08', 'WEB-08'],
            'mixed-content.html': ['WEB-09']
        };
        const names = Object.keys(planted);
        const run = await probe([...names.map(page), '--insecure', '--source-dir', 'force-app']);
        for (const name of names) {
            expect({ name, failing: failing(run, page(name)) }).toEqual({ name, failing: planted[name] });
        }
        for (const r of run.results.filter((x) => x.status === 'fail')) expect(r.remediation).not.toBe('');
        expect(find(run, 'WEB-03', page('wrong-deployment.html'))?.message).toContain(
            '"Acme_WebChat", which does not exist'
        );
        expect(find(run, 'WEB-04', page('wrong-site.html'))?.message).toContain('ESW_Acme_Web_Chat_17302856409121');
        const csp = run.results.filter((r) => r.checkId === 'WEB-08' && r.status === 'fail').map((r) => r.subject);
        expect(csp).toEqual([
            `${page('csp-blocks.html')} — frame https://acme-outdoor.my.site.com`,
            `${page('csp-blocks.html')} — connection to https://acme-outdoor.my.salesforce-scrt.com`
        ]);
        expect(find(run, 'WEB-09', page('mixed-content.html'))).toMatchObject({ severity: 'warning' });
        expect(find(run, 'WEB-02', page('malformed.html'))?.message).toMatch(
            /3 arguments.*not under the site URL.*no onload/
        );
        expect(run.code).toBe(1);
    });

    it('reports an http page and the redirect it followed', async () => {
        const run = await probe([
            `${site.httpUrl}/correct.html`,
            page('redirect'),
            '--insecure',
            '--source-dir',
            'force-app'
        ]);
        expect(failing(run, `${site.httpUrl}/correct.html`)).toEqual(['WEB-07', 'WEB-09']);
        expect(find(run, 'WEB-01', page('redirect'))?.message).toContain(`301 → ${page('correct.html')}`);
        expect(failing(run, page('redirect'))).toEqual([]);
    });

    it('without --source-dir reports what the page shows and says which org-side checks it skipped', async () => {
        const run = await probe([page('correct.html'), '--insecure']);
        const skipped = run.results.filter((r) => r.status === 'not_evaluated');
        expect(skipped.map((r) => r.checkId)).toEqual(['WEB-03', 'WEB-04', 'WEB-07']);
        for (const r of skipped) expect(r.remediation).toContain('--source-dir');
        expect(run.summary.verdict).toBe('incomplete');
        expect(run.code).toBe(1);
    });

    it('gives each unreadable page a plain-words error and carries on with the others', async () => {
        const broken: Record<string, RegExp> = {
            [page('loop-a')]: /redirect loop/,
            [page('never-finishes')]: /timeout/,
            [page('huge.html')]: /larger than 10 MB/,
            [page('data.json')]: /not an HTML page \(Content-Type application\/json\)/,
            [page('missing.html')]: /HTTP 404/,
            [`${site.closedPortUrl}/`]: /refused/
        };
        const run = await probe([...Object.keys(broken), page('correct.html'), '--insecure', '--timeout', '1']);
        for (const [url, pattern] of Object.entries(broken)) {
            const r = find(run, 'WEB-01', url);
            expect(r?.status).toBe('not_evaluated');
            expect(r?.message).toMatch(pattern);
            expect(r?.message).not.toMatch(/\n\s+at /);
        }
        expect(find(run, 'WEB-01', page('correct.html'))?.status).toBe('pass');
        expect(run.stderr).toBe('');
    });

    it('says a self-signed certificate is the problem and offers --insecure', async () => {
        const run = await probe([page('correct.html')]);
        const r = find(run, 'WEB-01', page('correct.html'));
        expect(r?.message).toMatch(/TLS error: the server certificate is self-signed/);
        expect(r?.remediation).toContain('--insecure');
    });

    it('rejects an argument that is not a URL with a usage error naming it (exit 2)', async () => {
        const io = memoryIo(orgDir);
        const code = await main(['probe', 'www.example.com/help'], io);
        expect(code).toBe(2);
        expect(io.err()).toContain(
            'not a web page address: "www.example.com/help" (did you mean https://www.example.com/help?)'
        );
    });

    it('writes SARIF whose page results are anchored to the project file and name the page', async () => {
        fs.writeFileSync(path.join(orgDir, 'sfdx-project.json'), '{"packageDirectories":[{"path":"force-app"}]}');
        const io = memoryIo(orgDir);
        const code = await main(['probe', page('no-snippet.html'), '--insecure', '--format', 'sarif'], io);
        const sarif = JSON.parse(io.out()) as {
            runs: {
                results: {
                    ruleId: string;
                    locations?: { physicalLocation: { artifactLocation: { uri: string } } }[];
                }[];
            }[];
        };
        const web01 = sarif.runs[0].results.find((r) => r.ruleId === 'WEB-01');
        expect(web01?.locations?.[0].physicalLocation.artifactLocation.uri).toBe('sfdx-project.json');
        expect(code).toBe(1);
        fs.rmSync(path.join(orgDir, 'sfdx-project.json'));
    });

    it('runs the browser pass only with --browser, on the given URLs, and adds its results', async () => {
        const io = memoryIo(orgDir);
        const seen: string[][] = [];
        const code = await main(['probe', page('correct.html'), '--insecure', '--browser', '--format', 'json'], io, {
            probe: {
                browserPass: async (urls, options) => {
                    seen.push(urls);
                    expect(options.ignoreHttpsErrors).toBe(true);
                    return [];
                },
                evaluateBrowser: () => []
            }
        });
        expect(seen).toEqual([[page('correct.html')]]);
        expect(code).toBe(1); // incomplete: no --source-dir
    });
});
