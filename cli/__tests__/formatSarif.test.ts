import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { Log } from 'sarif';
import { CHECK_SPECS } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import { artifactUri, fingerprint, formatSarif, ruleName } from '../write/formatSarif';
import { context, mixedReport, problem, report, result } from './cliTestKit';

const SCHEMA_FILE = path.join(
    __dirname,
    '..',
    '..',
    'node_modules',
    '@microsoft',
    'jest-sarif',
    'lib',
    'schemas',
    'sarif-2.1.0-rtm.5.json'
);

/**
 * The SARIF 2.1.0 schema file is draft-04 (`id`, draft-04 `$schema`), which ajv 8 does not load; it uses
 * no draft-04-only keyword semantics (no boolean exclusiveMinimum), so it compiles as draft-07 once the
 * two header keys are dropped. Formats: ajv-formats is not installed, so the three the schema uses are
 * added here rather than ignored.
 */
function sarifValidator() {
    const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    delete schema.$schema;
    delete schema.id;
    // unicodeRegExp: false — the schema's `language` pattern has a stray `]` that is only legal without /u
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    ajv.addFormat('uri', (s: string) => {
        try {
            new URL(s);
            return true;
        } catch {
            return false;
        }
    });
    ajv.addFormat('uri-reference', (s: string) => !/\s/.test(s));
    ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
    return ajv.compile(schema);
}

const validate = sarifValidator();

function sarif(text: string): Log {
    return JSON.parse(text) as Log;
}

describe('formatSarif', () => {
    it('validates against the SARIF 2.1.0 schema', () => {
        const log = sarif(formatSarif(mixedReport(), context({ problems: [problem()] })));
        const ok = validate(log);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
    });

    it('the validator does reject a broken log (guards the guard)', () => {
        const log = sarif(formatSarif(mixedReport(), context())) as unknown as Record<string, unknown>;
        log.version = '2.0.0';
        expect(validate(log)).toBe(false);
    });

    it('declares the tool with every catalog check as a rule', () => {
        const log = sarif(formatSarif(mixedReport(), context()));
        expect(log.version).toBe('2.1.0');
        expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
        expect(log.runs).toHaveLength(1);
        const driver = log.runs[0].tool.driver;
        expect(driver.name).toBe('miaw-readiness');
        expect(driver.version).toBe('9.9.9');
        expect(driver.rules?.map((r) => r.id)).toEqual(CHECK_SPECS.map((s) => s.id));
        const ts01 = driver.rules?.find((r) => r.id === 'TS-01');
        expect(ts01?.shortDescription?.text).toBe('The widget origin is on the CORS allowlist');
        expect(ts01?.defaultConfiguration?.level).toBe('error');
        expect(ts01).not.toHaveProperty('helpUri');
        expect(driver.rules?.find((r) => r.id === 'TS-04')?.defaultConfiguration?.level).toBe('warning');
        expect(driver.rules?.find((r) => r.id === 'CH-09')?.defaultConfiguration?.level).toBe('note');
    });

    it('emits failing results only, with level, message + fix, and a location GitHub can map', () => {
        const log = sarif(formatSarif(mixedReport(), context()));
        const results = log.runs[0].results ?? [];
        expect(results.map((r) => r.ruleId)).toEqual(['TS-01', 'TS-04', 'CH-02', 'CH-09']);
        expect(results.map((r) => r.level)).toEqual(['error', 'warning', 'error', 'note']);
        const ts01 = results[0];
        expect(ts01.message.text).toContain('No CORS allowlist entry covers https://www.example.com.');
        expect(ts01.message.text).toContain('Fix: Add https://www.example.com to the CORS allowlist.');
        expect(ts01.locations?.[0].physicalLocation).toEqual({
            artifactLocation: {
                uri: 'force-app/main/default/corsWhitelistOrigins/Example.corsWhitelistOrigin-meta.xml',
                uriBaseId: '%SRCROOT%'
            },
            region: { startLine: 3 }
        });
        expect(log.runs[0].tool.driver.rules?.[ts01.ruleIndex ?? -1].id).toBe('TS-01');
    });

    it('anchors results without a file to sfdx-project.json line 1, or leaves them without location', () => {
        const anchored = sarif(formatSarif(mixedReport(), context())).runs[0].results ?? [];
        const ch02 = anchored.find((r) => r.ruleId === 'CH-02');
        expect(ch02?.locations?.[0].physicalLocation?.artifactLocation?.uri).toBe('sfdx-project.json');
        expect(ch02?.locations?.[0].physicalLocation?.region?.startLine).toBe(1);
        const bare = sarif(formatSarif(mixedReport(), context({ anchorFile: undefined }))).runs[0].results ?? [];
        expect(bare.find((r) => r.ruleId === 'CH-02')).not.toHaveProperty('locations');
    });

    it('fingerprints on checkId + subject, stable across messages and lines', () => {
        const a = result('TS-01', 'fail', { subject: 'https://a.example.com', location: { file: 'x.xml', line: 3 } });
        const b = { ...a, message: 'reworded', location: { file: 'x.xml', line: 30 } };
        const fa = sarif(formatSarif(report([a]), context())).runs[0].results?.[0].partialFingerprints;
        const fb = sarif(formatSarif(report([b]), context())).runs[0].results?.[0].partialFingerprints;
        expect(fa).toEqual(fb);
        expect(fingerprint(a)).not.toBe(fingerprint({ ...a, subject: 'https://b.example.com' }));
    });

    it('reports read problems as tool execution notifications', () => {
        const log = sarif(formatSarif(report([]), context({ problems: [problem()] })));
        const notes = log.runs[0].invocations?.[0].toolExecutionNotifications ?? [];
        expect(notes).toHaveLength(1);
        expect(notes[0].message.text).toContain('unclosed tag <Flow>');
        expect(notes[0].locations?.[0].physicalLocation?.region?.startLine).toBe(7);
    });

    it('encodes uris: forward slashes, percent-encoding, file:// for paths outside the repository', () => {
        expect(artifactUri('force-app\\main\\My Flow.flow-meta.xml')).toEqual({
            uri: 'force-app/main/My%20Flow.flow-meta.xml',
            uriBaseId: '%SRCROOT%'
        });
        expect(artifactUri('/abs/path/x.xml')).toEqual({ uri: 'file:///abs/path/x.xml' });
        expect(ruleName("The flow's Route Work uses the messaging service channel")).toBe(
            'TheFlowSRouteWorkUsesTheMessagingServiceChannel'
        );
    });
});

describe('formatSarif: the incomplete verdict', () => {
    it('explains each blocker not evaluated as an error notification, not as a result on a file', () => {
        const log = JSON.parse(
            formatSarif(report([result('PRE-01', 'pass'), result('CH-05', 'not_evaluated')]), context())
        ) as Log;
        const run = log.runs[0];
        expect(run.results).toEqual([]);
        expect(run.properties?.verdict).toBe('incomplete');
        expect(run.invocations?.[0].toolExecutionNotifications).toEqual([
            {
                level: 'error',
                message: {
                    text: 'CH-05 was not evaluated, so the verdict is incomplete: CH-05 not_evaluated message Do the CH-05 fix.'
                },
                descriptor: { id: 'CH-05' }
            }
        ]);
    });
});
