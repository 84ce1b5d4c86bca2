import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    displayPath,
    evaluate,
    findProjectFile,
    jsonErrorWhere,
    loadPlan,
    mergeSection,
    mergeSnapshots,
    rebaseSnapshot,
    UsageError
} from '../evaluate/evaluate';
import { readSection, missingSection } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { blankSnapshot, removeTemp, tempProject } from './cliTestKit';

describe('mergeSection', () => {
    const read = readSection([{ n: 1 }]);
    const absent = missingSection<{ n: number }>('not_in_source', 'no queues folder');
    const broken = missingSection<{ n: number }>('error', 'malformed file');

    it('is read when any folder read it, with all items', () => {
        expect(mergeSection([absent, read, readSection([{ n: 2 }])])).toEqual({
            state: 'read',
            items: [{ n: 1 }, { n: 2 }]
        });
    });

    it('stays an error when any folder failed, so checks do not pass on half the data', () => {
        expect(mergeSection([read, broken])).toMatchObject({
            state: 'error',
            reason: 'malformed file',
            items: [{ n: 1 }]
        });
    });

    it('keeps the first reason when no folder had the type', () => {
        expect(mergeSection([absent, missingSection('not_in_source', 'other')])).toEqual(absent);
    });
});

describe('rebasing and merging snapshots', () => {
    it('re-bases item sources and problems to the working directory, without sharing SourceRefs', () => {
        const shared = { file: 'queues/Q.queue-meta.xml', line: 2 };
        const s = blankSnapshot();
        s.queues = readSection([
            { developerName: 'A', source: shared },
            { developerName: 'B', source: shared }
        ] as never[]);
        s.problems = [{ file: 'flows/F.flow-meta.xml', message: 'bad' }];
        rebaseSnapshot(s, '/repo/force-app/main/default', '/repo');
        const items = s.queues.items as unknown as Array<{ source: { file: string; line: number } }>;
        expect(items.map((i) => i.source.file)).toEqual([
            'force-app/main/default/queues/Q.queue-meta.xml',
            'force-app/main/default/queues/Q.queue-meta.xml'
        ]);
        expect(items[0].source.line).toBe(2);
        expect(shared.file).toBe('queues/Q.queue-meta.xml');
        expect(s.problems[0].file).toBe('force-app/main/default/flows/F.flow-meta.xml');
    });

    it('merges several folders into one snapshot with all problems', () => {
        const a = blankSnapshot('a');
        a.problems = [{ file: 'a.xml', message: 'x' }];
        const b = blankSnapshot('b');
        b.corsEntries = readSection([{ urlPattern: 'https://x.example.com' }] as never[]);
        b.problems = [{ file: 'b.xml', message: 'y' }];
        const merged = mergeSnapshots([a, b], 'a, b');
        expect(merged.origin.label).toBe('a, b');
        expect(merged.corsEntries.state).toBe('read');
        expect(merged.messagingChannels.state).toBe('not_in_source');
        expect(merged.problems.map((p) => p.file)).toEqual(['a.xml', 'b.xml']);
    });

    it('shows paths outside the working directory as absolute', () => {
        expect(displayPath('/repo', '/repo/force-app')).toBe('force-app');
        expect(displayPath('/repo', '/repo')).toBe('.');
        expect(displayPath('/repo', '/elsewhere/x')).toBe('/elsewhere/x');
    });
});

describe('plan loading', () => {
    let root: string;
    beforeEach(() => {
        root = tempProject();
    });
    afterEach(() => removeTemp(root));

    it('turns a JSON.parse position into line and column', () => {
        expect(jsonErrorWhere('{\n  "a": 1,\n}', 'Expected double-quoted property name in JSON at position 12')).toBe(
            'Expected double-quoted property name in JSON at position 12 (line 3, column 1)'
        );
        expect(jsonErrorWhere('', 'Unexpected end of JSON input')).toBe('Unexpected end of JSON input');
    });

    it('accepts a plan saved with a BOM and adds --domain origins', () => {
        fs.writeFileSync(path.join(root, 'plan.json'), '\ufeff{"widgetOrigins": ["https://www.example.com"]}');
        const plan = loadPlan(root, 'plan.json', ['https://staging.example.com']);
        expect(plan.widgetOrigins.map((o) => o.environment)).toEqual(['production', 'staging']);
    });

    it('rejects a plan that is a folder, and a wrong type naming the key', () => {
        expect(() => loadPlan(root, 'force-app', [])).toThrow(UsageError);
        fs.writeFileSync(path.join(root, 'plan.json'), JSON.stringify({ routing: 'round-robin' }));
        expect(() => loadPlan(root, 'plan.json', [])).toThrow(
            'plan file plan.json: plan.routing must be "flow" or "queue"'
        );
    });

    it('rejects a pre-chat parameter name no channel parameter can have, as Save plan does', () => {
        fs.writeFileSync(
            path.join(root, 'plan.json'),
            JSON.stringify({ preChatFields: [{ name: '_Email' }, { name: 'Order Number!' }] })
        );
        expect(() => loadPlan(root, 'plan.json', [])).toThrow(
            'plan file plan.json: Pre-chat field 2 parameter name "Order Number!" cannot be a channel parameter'
        );
    });
});

describe('evaluate', () => {
    let root: string;
    beforeEach(() => {
        root = tempProject(['force-app'], { 'force-app/main/default/.keep': '' });
    });
    afterEach(() => removeTemp(root));

    it('finds the sfdx-project.json above the scanned folder for SARIF anchors', () => {
        expect(findProjectFile(root, path.join(root, 'force-app', 'main'))).toBe('sfdx-project.json');
    });

    it('runs the real reader and engine on an (empty) package directory without crashing', () => {
        const evaluation = evaluate({ cwd: root, sourceDirs: [], domains: [] });
        expect(evaluation.sourceDirs).toEqual(['force-app']);
        expect(evaluation.snapshot.origin.kind).toBe('metadata');
        expect(evaluation.report.schemaVersion).toBe(2);
        expect(evaluation.projectFile).toBe('sfdx-project.json');
        // nothing to read is not "ready": the blockers could not be evaluated
        expect(evaluation.report.summary.verdict).toBe('incomplete');
        expect(evaluation.report.summary.scope).toEqual(['metadata']);
    });

    it('rejects a --source-dir that is a file', () => {
        expect(() => evaluate({ cwd: root, sourceDirs: ['sfdx-project.json'], domains: [] })).toThrow(
            'source folder sfdx-project.json is a file, not a folder'
        );
    });
});
