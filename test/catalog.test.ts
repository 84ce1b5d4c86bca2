/*
 * The check IDs are a public contract (../shared/design/CHECKS.md). Every ID there has a spec, and every
 * spec is emitted by exactly the area module a search for its ID finds.
 */
import fs from 'fs';
import path from 'path';
import { CHECK_SPECS } from '../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';

const ENGINE = path.resolve(__dirname, '..', 'force-app', 'main', 'default', 'lwc', 'miawReadinessEngine');
const CHECKS_MD = path.resolve(__dirname, '..', '..', 'shared', 'design', 'CHECKS.md');

describe('check catalog', () => {
    const documented = [...fs.readFileSync(CHECKS_MD, 'utf8').matchAll(/^\| ([A-Z]+-\d{2}) \|/gm)].map((m) => m[1]);

    it('has a spec for every check ID in CHECKS.md, and no other', () => {
        expect(documented.length).toBeGreaterThan(50);
        expect(CHECK_SPECS.map((s) => s.id).sort()).toEqual([...new Set(documented)].sort());
    });

    it('emits every ID from one area module, found by searching the ID', () => {
        const modules = fs.readdirSync(ENGINE).filter((f) => /^checks[A-Z]\w+\.ts$/.test(f));
        const sources = modules.map((f) => ({ file: f, text: fs.readFileSync(path.join(ENGINE, f), 'utf8') }));
        for (const { id } of CHECK_SPECS) {
            const emitting = sources.filter((s) => s.text.includes(`'${id}'`)).map((s) => s.file);
            expect({ id, emitting: emitting.length > 0 }).toEqual({ id, emitting: true });
        }
    });
});
