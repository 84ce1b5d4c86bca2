/*
 * The engine carries content-security-policy-parser with it (it also runs inside the org, where npm packages
 * cannot be imported). This holds the copy equal to the version package.json installs, so an upgrade of the
 * dependency cannot leave the org running an older parser than the CLI tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import parseVendored from '../force-app/main/default/lwc/miawReadinessEngine/contentSecurityPolicyParser';

const root = path.resolve(__dirname, '..');
const vendoredPath = path.join(root, 'force-app/main/default/lwc/miawReadinessEngine/contentSecurityPolicyParser.js');
const libraryDir = path.join(root, 'node_modules/content-security-policy-parser');

describe('the vendored content-security-policy-parser', () => {
    it('is the installed library file, unchanged below its licence comment', () => {
        const vendored = fs.readFileSync(vendoredPath, 'utf8');
        const library = fs.readFileSync(path.join(libraryDir, 'esm/mod.js'), 'utf8');
        const body = vendored.slice(vendored.indexOf(' */\n') + ' */\n'.length);
        expect(body).toBe(library);
    });

    it('names the installed version in its header', () => {
        const { version } = JSON.parse(fs.readFileSync(path.join(libraryDir, 'package.json'), 'utf8')) as {
            version: string;
        };
        expect(fs.readFileSync(vendoredPath, 'utf8')).toContain(`content-security-policy-parser ${version}`);
    });

    it('parses a policy as CSP3 says: lower-cased names, the first directive of a name wins', () => {
        const parsed = parseVendored("Script-Src 'self' https://acme.my.site.com; script-src *; connect-src");
        expect([...parsed]).toEqual([
            ['script-src', ["'self'", 'https://acme.my.site.com']],
            ['connect-src', []]
        ]);
    });
});
