import { escapeMarkdown, fitBlocks, formatMarkdown, MARKDOWN_LIMIT } from '../write/formatMarkdown';
import { context, mixedReport, problem, report, result } from './cliTestKit';
import type { CheckResult } from '../../force-app/main/default/lwc/miawReadinessEngine/result';

describe('formatMarkdown', () => {
    it('starts with the verdict in words and a summary table', () => {
        const md = formatMarkdown(mixedReport(), context());
        expect(md.split('\n')[0]).toBe('## MIAW readiness: NOT READY');
        expect(md).toContain('**Verdict: NOT READY**');
        expect(md).toContain('| Blockers failing | 2 |');
        expect(md).toContain('| Warnings failing | 1 |');
        expect(md).toContain('| Passed | 1 |');
        expect(md).toContain('| Not evaluated | 2 |');
        expect(md).toContain('| Manual | 1 |');
        // no emoji: every character is in the Basic Multilingual Plane and not a symbol-emoji
        expect(md).not.toMatch(/\p{Extended_Pictographic}/u);
        expect(formatMarkdown(report([result('PRE-01', 'pass')]), context())).toContain('**Verdict: READY**');
    });

    it('groups failures by area in catalog order, blockers first, as table rows', () => {
        const md = formatMarkdown(mixedReport(), context());
        const ch = md.indexOf('#### Messaging channel');
        const ts = md.indexOf('#### Trusted sites (CORS and CSP)');
        expect(ch).toBeGreaterThan(0);
        expect(ts).toBeGreaterThan(ch);
        const chSection = md.slice(ch, ts);
        expect(chSection.indexOf('**CH-02**')).toBeLessThan(chSection.indexOf('**CH-09**'));
        expect(md).toContain('Setup: `/lightning/setup/CorsWhitelistEntries/home`');
    });

    it('folds not-evaluated and manual items into closed <details>', () => {
        const md = formatMarkdown(mixedReport(), context());
        expect(md).toContain('<details>\n<summary>Not evaluated (2)</summary>');
        expect(md).toContain('Checks: CH-05, CH-06');
        expect(md).toContain('- [ ] **GL-01**');
        expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
    });

    it('escapes table-breaking and markup characters in subjects and messages', () => {
        const r = result('RT-03', 'fail', {
            subject: 'Queue|One <b>*x*</b> @team',
            message: 'Line one | two\nline `three` [link](http://x) _a_ ~b~ #1 &amp;'
        });
        const md = formatMarkdown(report([r]), context());
        const row = md.split('\n').find((l) => l.startsWith('| Blocker |')) as string;
        expect(row).toContain('Queue\\|One \\<b\\>\\*x\\*\\</b\\> \\@team');
        expect(row).toContain('Line one \\| two<br>line \\`three\\` \\[link\\](http://x) \\_a\\_ \\~b\\~ \\#1 \\&amp;');
        // a row has exactly 6 unescaped pipes (5 cells)
        expect(row.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(6);
        expect(escapeMarkdown('a\\b')).toBe('a\\\\b');
    });

    it('lists read problems', () => {
        const md = formatMarkdown(report([]), context({ problems: [problem()] }));
        expect(md).toContain('### Read problems (1)');
        expect(md).toContain('`force-app/main/default/flows/Broken.flow-meta.xml:7`: unclosed tag \\<Flow\\>');
    });

    it('stays within 65,536 characters and says how much was cut', () => {
        const many: CheckResult[] = [];
        for (let i = 0; i < 400; i++) {
            many.push(result('TS-01', 'fail', { subject: `https://site${i}.example.com`, message: 'x'.repeat(300) }));
        }
        for (let i = 0; i < 50; i++) many.push(result('CH-05', 'not_evaluated', { message: `reason ${i}` }));
        const md = formatMarkdown(report(many), context());
        expect(md.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
        const shown = (md.match(/\| Blocker \|/g) ?? []).length;
        expect(shown).toBeGreaterThan(0);
        expect(shown).toBeLessThan(400);
        expect(md).toContain(`${400 - shown + 50} more result(s) not shown`);
        expect(md.match(/<details>/g)?.length ?? 0).toBe(md.match(/<\/details>/g)?.length ?? 0);
    });

    it('cuts inside a block but keeps its closing tag', () => {
        const blocks = [{ open: '<details>\n', items: ['a\n', 'b\n', 'c\n'], close: '</details>\n' }];
        const out = fitBlocks(blocks, 200);
        expect(out).toContain('</details>');
        const tiny = fitBlocks([{ open: 'x'.repeat(50), items: ['y'.repeat(100)], close: '' }], 140);
        expect(tiny.length).toBeLessThanOrEqual(140);
        expect(tiny).toContain('1 more result(s) not shown');
    });
});

describe('formatMarkdown: the incomplete verdict', () => {
    it('headlines INCOMPLETE and names what could not be evaluated', () => {
        const md = formatMarkdown(report([result('PRE-01', 'pass'), result('CH-05', 'not_evaluated')]), context());
        expect(md).toContain('## MIAW readiness: INCOMPLETE');
        expect(md).toContain('1 blocker check could not be evaluated: CH-05.');
        expect(md).toContain('| Blockers not evaluated | 1 |');
    });
});
