/*
 * The check IDs are a public contract (docs/checks.md, generated from checkCatalog.ts). An ID once published is
 * either still emitted or retired, and a retired ID never comes back; every spec is emitted by the area module a
 * search for its ID finds.
 */
import fs from 'fs';
import path from 'path';
import { CHECK_SPECS, RETIRED_CHECKS } from '../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';

const ENGINE = path.resolve(__dirname, '..', 'force-app', 'main', 'default', 'lwc', 'miawReadinessEngine');

/**
 * Every ID ever published, in the order it was added. Append a new check's ID here; never remove one (retire it in
 * checkCatalog.ts instead). The first 59 are the catalog of the first release.
 */
const PUBLISHED_IDS: readonly string[] = [
    'PRE-01 PRE-02 PRE-03 PRE-04 PRE-05',
    'CH-01 CH-02 CH-03 CH-04 CH-05 CH-06 CH-07 CH-08 CH-09 CH-10 CH-11',
    'RT-01 RT-02 RT-03 RT-04 RT-05',
    'PC-01 PC-02 PC-03 PC-04 PC-05 PC-06 PC-07 PC-08 PC-09',
    'DP-01 DP-02 DP-03 DP-04 DP-05 DP-06 DP-07 DP-08 DP-09',
    'TS-01 TS-02 TS-03 TS-04 TS-05 TS-06 TS-07',
    'CP-01 CP-02 CP-03 CP-04 CP-05 CP-06',
    'AG-01 AG-02 AG-03 AG-04 AG-05 AG-06 AG-07 AG-08',
    'OPS-01 OPS-02 OPS-03 OPS-04',
    'GL-01 GL-02 GL-03 GL-04 GL-05',
    'WEB-01 WEB-02 WEB-03 WEB-04 WEB-05 WEB-06 WEB-07 WEB-08 WEB-09'
].flatMap((line) => line.split(' '));

describe('check catalog', () => {
    const current = CHECK_SPECS.map((s) => s.id);
    const retired = RETIRED_CHECKS.map((r) => r.id);

    it('emits or retires every published ID, and publishes every ID it emits', () => {
        expect([...current, ...retired].sort()).toEqual([...PUBLISHED_IDS].sort());
    });

    it('never emits a retired ID, and names each ID once', () => {
        expect(current.filter((id) => retired.includes(id))).toEqual([]);
        expect(new Set(current).size).toBe(current.length);
        expect(new Set(retired).size).toBe(retired.length);
    });

    it('points each retired ID at a current check when it names a replacement', () => {
        const replacements = RETIRED_CHECKS.flatMap((r) => (r.replacedBy ? [r.replacedBy] : []));
        expect(replacements.filter((id) => !current.includes(id))).toEqual([]);
        expect(RETIRED_CHECKS.filter((r) => r.reason.trim() === '')).toEqual([]);
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
