import { XMLParser } from 'fast-xml-parser';
import { formatJunit } from '../write/formatJunit';
import { context, mixedReport, problem, report, result } from './cliTestKit';

type Node = Record<string, unknown>;

function parse(xml: string): Node {
    const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        parseAttributeValue: false,
        isArray: (name) => name === 'testsuite' || name === 'testcase'
    });
    return parser.parse(xml) as Node;
}

function suites(doc: Node): Node[] {
    return (doc.testsuites as Node).testsuite as Node[];
}

describe('formatJunit', () => {
    it('parses back with one suite per area in catalog order and correct counts', () => {
        const doc = parse(formatJunit(mixedReport(), context()));
        const root = doc.testsuites as Node;
        // CH-05 and CH-06 are blockers not evaluated: errors (they hold the verdict), not skipped
        expect(root).toMatchObject({ name: 'miaw-readiness', tests: '8', failures: '4', skipped: '1', errors: '2' });
        expect(suites(doc).map((s) => s.name)).toEqual([
            'Prerequisites',
            'Messaging channel',
            'Trusted sites (CORS and CSP)',
            'Go-live attestations'
        ]);
        const ch = suites(doc)[1];
        expect(ch).toMatchObject({ tests: '4', failures: '2', skipped: '0', errors: '2' });
        const total = suites(doc).reduce((n, s) => n + (s.testcase as Node[]).length, 0);
        expect(total).toBe(8);
    });

    it('writes failures with severity type and fix + setup path, errors for blockers not evaluated, skips for manual', () => {
        const doc = parse(formatJunit(mixedReport(), context()));
        const cases = suites(doc).flatMap((s) => s.testcase as Node[]);
        const ts01 = cases.find((c) => c.name === 'TS-01 https://www.example.com') as Node;
        expect(ts01.classname).toBe('TS');
        const failure = ts01.failure as Node;
        expect(failure.type).toBe('blocker');
        expect(failure.message).toBe('No CORS allowlist entry covers https://www.example.com.');
        expect(failure['#text']).toContain('Fix: Add https://www.example.com to the CORS allowlist.');
        expect(failure['#text']).toContain('Setup: /lightning/setup/CorsWhitelistEntries/home');
        const manual = cases.find((c) => c.name === 'GL-01 org') as Node;
        expect((manual.skipped as Node).message).toContain('Manual check');
        const notEvaluated = cases.find((c) => c.name === 'CH-05 org') as Node;
        expect(notEvaluated).not.toHaveProperty('skipped');
        expect(notEvaluated.error as Node).toMatchObject({ type: 'not-evaluated' });
        expect((notEvaluated.error as Node).message).toBe(
            'Not evaluated, so the verdict is incomplete: Not evaluated: flows not in the scanned source.'
        );
        expect((notEvaluated.error as Node)['#text']).toContain('How: Retrieve the flows.');
        const passed = cases.find((c) => c.name === 'PRE-01 org') as Node;
        expect(passed).not.toHaveProperty('failure');
        expect(passed).not.toHaveProperty('skipped');
    });

    it('skips a not-evaluated warning and a blocker outside the scan (CH-02 needs the org)', () => {
        const doc = parse(
            formatJunit(report([result('CH-07', 'not_evaluated'), result('CH-02', 'not_evaluated')]), context())
        );
        const cases = suites(doc).flatMap((s) => s.testcase as Node[]);
        expect(cases.every((c) => 'skipped' in c && !('error' in c))).toBe(true);
        expect(doc.testsuites as Node).toMatchObject({ errors: '0', skipped: '2' });
    });

    it('escapes markup and drops characters XML cannot carry', () => {
        const nasty = 'Queue "<Q&A>" ]]> \u0001 \'quoted\'';
        const xml = formatJunit(report([result('RT-03', 'fail', { subject: nasty, message: nasty })]), context());
        expect(xml).not.toContain('\u0001');
        expect(xml).not.toContain('<Q&A>');
        const c = (suites(parse(xml))[0].testcase as Node[])[0];
        expect(c.name).toBe('RT-03 Queue "<Q&A>" ]]>  \'quoted\'');
        expect((c.failure as Node).message).toBe('Queue "<Q&A>" ]]>  \'quoted\'');
    });

    it('reports read problems as errors in their own suite', () => {
        const doc = parse(formatJunit(report([result('PRE-01', 'pass')]), context({ problems: [problem()] })));
        expect(doc.testsuites).toMatchObject({ tests: '2', errors: '1', failures: '0' });
        const readSuite = suites(doc).find((s) => s.name === 'Read problems') as Node;
        const c = (readSuite.testcase as Node[])[0];
        expect(c.name).toBe('force-app/main/default/flows/Broken.flow-meta.xml:7');
        expect((c.error as Node).message).toBe('unclosed tag <Flow>');
    });
});
