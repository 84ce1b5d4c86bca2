/*
 * docs/checks.md is the catalog users read; it is generated from checkCatalog.ts and must never drift from it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatCatalogMarkdown } from '../cli/write/formatCatalog';
import { CHECK_SPECS, RETIRED_CHECKS } from '../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';

const DOC = path.resolve(__dirname, '..', 'docs', 'checks.md');

describe('docs/checks.md', () => {
    const doc = fs.readFileSync(DOC, 'utf8');

    it('is what the catalog generates (run `npm run docs:checks` after changing a check)', () => {
        expect(doc).toBe(formatCatalogMarkdown());
    });

    it('lists every check with its severity, evidence and Setup page', () => {
        for (const spec of CHECK_SPECS) {
            const row = doc.split('\n').find((line) => line.startsWith(`| ${spec.id} |`));
            expect(row).toContain(`| ${spec.severity} |`);
            expect(row).toContain(spec.setupPath);
        }
        expect(doc).toContain(`## Checks (${CHECK_SPECS.length})`);
    });

    it('lists retired IDs so they are never reused', () => {
        for (const retired of RETIRED_CHECKS) expect(doc).toContain(`| ${retired.id} |`);
    });
});
