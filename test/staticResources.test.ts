/*
 * The libraries the LWCs load with platformResourceLoader are copies of pinned npm packages. A bump of the
 * npm pin without re-copying (or a hand edit of the copy) fails here, so the org runs the tested version.
 */
import fs from 'node:fs';
import path from 'node:path';

const RESOURCES = path.join(__dirname, '..', 'force-app', 'main', 'default', 'staticresources');

describe.each([
    ['jszip', 'jszip/dist/jszip.min.js'],
    ['papaparse', 'papaparse/papaparse.min.js']
])('static resource %s', (name, npmFile) => {
    it('is byte-identical to the pinned npm package', () => {
        const packaged = fs.readFileSync(path.join(RESOURCES, `${name}.js`));
        const pinned = fs.readFileSync(require.resolve(npmFile));
        expect(packaged.equals(pinned)).toBe(true);
    });

    it('names the pinned version in its description', () => {
        const meta = fs.readFileSync(path.join(RESOURCES, `${name}.resource-meta.xml`), 'utf8');
        const version = JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
        expect(meta).toContain(`${name} ${version} (MIT)`);
    });
});
