/*
 * The Apex snapshot DTOs serialise to exactly the TypeScript OrgSnapshot: every TS property has an Apex field of a
 * compatible type and no Apex field is extra. The comparator is also run on mutated copies to prove it notices.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareContract, parseApexDtoClasses, RESERVED_WORD_RENAMES } from './support/apexDtoContract';

const ROOT = path.resolve(__dirname, '..');
const SNAPSHOT_TS = fs.readFileSync(
    path.join(ROOT, 'force-app/main/default/lwc/miawReadinessEngine/snapshot.ts'),
    'utf8'
);
const DTO_APEX = fs.readFileSync(path.join(ROOT, 'force-app/main/default/classes/MiawSnapshotDto.cls'), 'utf8');

describe('MiawSnapshotDto vs snapshot.ts', () => {
    it('agrees field for field, both ways', () => {
        expect(compareContract(SNAPSHOT_TS, DTO_APEX)).toEqual([]);
    });

    it('knows the reserved-word renames, and the Apex class declares the same ones', () => {
        expect(RESERVED_WORD_RENAMES).toEqual({ objectName: 'object', pageType: 'type' });
        expect(DTO_APEX).toMatch(/'objectName' => 'object'/);
        expect(DTO_APEX).toMatch(/'pageType' => 'type'/);
        const classes = parseApexDtoClasses(DTO_APEX);
        expect(classes.get('ObjectPermission')?.map((f) => f.name)).toContain('object');
        expect(classes.get('FlexiPage')?.map((f) => f.name)).toContain('type');
    });

    it('fails when an Apex field is renamed', () => {
        const mutated = DTO_APEX.replace('public String urlPattern;', 'public String urlPatern;');
        expect(mutated).not.toEqual(DTO_APEX);
        expect(compareContract(SNAPSHOT_TS, mutated)).toEqual(
            expect.arrayContaining([
                expect.stringContaining('urlPattern: in TypeScript, missing in Apex class CorsEntry'),
                expect.stringContaining('urlPatern: in Apex class CorsEntry, not in TypeScript')
            ])
        );
    });

    it('fails when TypeScript gains a property Apex lacks', () => {
        const mutated = SNAPSHOT_TS.replace('    urlPattern: string;', '    urlPattern: string;\n    note?: string;');
        expect(compareContract(mutated, DTO_APEX)).toEqual([
            expect.stringContaining('note: in TypeScript, missing in Apex class CorsEntry')
        ]);
    });

    it('fails when a type is incompatible', () => {
        const mutated = DTO_APEX.replace('public Integer memberCount;', 'public String memberCount;');
        expect(compareContract(SNAPSHOT_TS, mutated)).toEqual([
            expect.stringContaining('memberCount: TS number, Apex String')
        ]);
    });

    it('fails when the reserved-word rename is dropped', () => {
        const mutated = DTO_APEX.replace(/public String objectName;/g, 'public String objectType;');
        expect(compareContract(SNAPSHOT_TS, mutated).join('\n')).toMatch(/object: in TypeScript, missing/);
    });
});
