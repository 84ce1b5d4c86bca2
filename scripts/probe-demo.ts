/*
 * npm run -s probe:demo [-- <probe flags>]: `miaw-readiness probe` on the local test site, offline. Starts the test
 * site of test/support/websiteFixtures (HTTPS with a certificate made on the spot, hence --insecure), copies
 * examples/ready into a temporary folder with a CORS entry for the test site's origin, probes the correct page and
 * three broken ones against it, prints the report and stops the site. Exit code: the probe's.
 * Default pages: correct.html, wrong-deployment.html, csp-blocks.html, no-snippet.html; name others with --pages.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../cli/main';
import { startWebsiteFixtures } from '../test/support/websiteFixtures/server';

const ROOT = path.resolve(__dirname, '..');

async function demo(): Promise<number> {
    const args = process.argv.slice(2);
    const pagesAt = args.indexOf('--pages');
    const pages =
        pagesAt >= 0
            ? args.splice(pagesAt, 2)[1].split(',')
            : ['correct.html', 'wrong-deployment.html', 'csp-blocks.html', 'no-snippet.html'];
    const site = await startWebsiteFixtures();
    const org = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-probe-demo-'));
    try {
        fs.cpSync(path.join(ROOT, 'examples/ready/force-app'), path.join(org, 'force-app'), { recursive: true });
        fs.writeFileSync(
            path.join(org, 'force-app/main/default/corsWhitelistOrigins/Demo_Site.corsWhitelistOrigin-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?>\n<CorsWhitelistOrigin xmlns="http://soap.sforce.com/2006/04/metadata">\n    <urlPattern>${site.httpsUrl}</urlPattern>\n</CorsWhitelistOrigin>\n`
        );
        return await main(
            ['probe', ...pages.map((p) => `${site.httpsUrl}/${p}`), '--insecure', '--source-dir', 'force-app', ...args],
            {
                stdout: process.stdout,
                stderr: process.stderr,
                isTTY: Boolean(process.stdout.isTTY),
                env: process.env,
                cwd: org
            }
        );
    } finally {
        await site.close();
        fs.rmSync(org, { recursive: true, force: true });
    }
}

demo().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`probe:demo: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    }
);
