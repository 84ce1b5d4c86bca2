import { formatText, wrap } from '../write/formatText';
import { context, mixedReport, problem, report, result } from './cliTestKit';

const ANSI = /\u001b\[[0-9;]*m/g;

describe('formatText', () => {
    it('puts the verdict and counts first', () => {
        const text = formatText(mixedReport(), context());
        const first = text.split('\n')[0];
        expect(first).toMatch(/^NOT READY {2}2 blockers, 1 warning failing; 1 passed, 2 not evaluated, 1 manual/);
        expect(formatText(report([result('PRE-01', 'pass')]), context()).startsWith('READY')).toBe(true);
    });

    it('lists failures by area in catalog order, blockers first, with Fix, Setup and File', () => {
        const text = formatText(mixedReport(), context());
        const ch = text.indexOf('\nMessaging channel\n');
        const ts = text.indexOf('\nTrusted sites (CORS and CSP)\n');
        expect(ch).toBeGreaterThan(0);
        expect(ts).toBeGreaterThan(ch);
        expect(text.indexOf('[BLOCKER] CH-02')).toBeLessThan(text.indexOf('[INFO] CH-09'));
        expect(text.indexOf('[BLOCKER] TS-01')).toBeLessThan(text.indexOf('[WARNING] TS-04'));
        expect(text).toContain('Subject: https://www.example.com');
        expect(text).toContain('Fix:     Add https://www.example.com to the CORS allowlist.');
        expect(text).toContain('Setup:   /lightning/setup/CorsWhitelistEntries/home');
        expect(text).toContain(
            'File:    force-app/main/default/corsWhitelistOrigins/Example.corsWhitelistOrigin-meta.xml:3'
        );
    });

    it('groups not-evaluated checks by reason, lists manual items as a checklist and read problems', () => {
        const text = formatText(mixedReport(), context({ problems: [problem()] }));
        expect(text).toContain('Not evaluated (2)');
        expect(text.match(/Not evaluated: flows not in the scanned source\./g)).toHaveLength(1);
        expect(text).toContain('Checks: CH-05, CH-06');
        expect(text).toContain('[ ] GL-01 End-to-end test in a sandbox');
        expect(text).toContain('force-app/main/default/flows/Broken.flow-meta.xml:7: unclosed tag <Flow>');
    });

    it('keeps lines within 100 columns except unbreakable words', () => {
        const long = result('PC-02', 'fail', { message: 'word '.repeat(80), remediation: 'fix '.repeat(60) });
        for (const line of formatText(report([long]), context()).split('\n')) {
            expect(line.length).toBeLessThanOrEqual(100);
        }
        expect(wrap('a '.repeat(10) + 'x'.repeat(120), '  ', '  ').pop()).toBe('  ' + 'x'.repeat(120));
    });

    it('uses ANSI colour only when asked, and colour does not change the words', () => {
        const plain = formatText(mixedReport(), context({ color: false, problems: [problem()] }));
        const coloured = formatText(mixedReport(), context({ color: true, problems: [problem()] }));
        expect(plain).not.toMatch(ANSI);
        expect(coloured).toMatch(ANSI);
        expect(coloured.replace(ANSI, '')).toBe(plain);
    });
});

describe('formatText: the verdict says what it rests on', () => {
    it('READY as far as the metadata shows, naming the checks that need the org', () => {
        const text = formatText(report([result('PRE-01', 'pass'), result('CH-02', 'not_evaluated')]), context());
        expect(text.split('\n')[1]).toBe(
            'READY as far as the metadata shows — 1 check needs the org: CH-02 (The messaging channel is active).'
        );
        expect(text).toContain('\nReady: 0 blockers, 0 warnings.');
    });

    it('INCOMPLETE when a blocker in scope could not be evaluated, with the closing line saying so', () => {
        const text = formatText(
            report([result('PRE-01', 'pass'), result('CH-05', 'not_evaluated', { subject: 'Route_Web_Chat' })]),
            context()
        );
        expect(text.startsWith('INCOMPLETE  0 blockers, 0 warnings failing')).toBe(true);
        expect(text).toContain('INCOMPLETE — 1 blocker check could not be evaluated: CH-05 (Route_Web_Chat).');
        expect(text).toContain('\nIncomplete: 0 blockers, 0 warnings, 1 blocker not evaluated.');
    });
});
