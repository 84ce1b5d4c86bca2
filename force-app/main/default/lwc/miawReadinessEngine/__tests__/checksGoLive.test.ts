import { runGoLiveChecks } from '../checksGoLive';
import { blankSnapshot, contextFor, healthySnapshot, resultsFor } from './fixtures';

describe('GL go-live attestations', () => {
    const results = runGoLiveChecks(contextFor(healthySnapshot()));

    it('asks a person to confirm each of GL-01..GL-05, once, about "go-live"', () => {
        expect(results.map((r) => `${r.checkId} ${r.status} ${r.subject}`)).toEqual([
            'GL-01 manual go-live',
            'GL-02 manual go-live',
            'GL-03 manual go-live',
            'GL-04 manual go-live',
            'GL-05 manual go-live'
        ]);
        for (const r of results) {
            expect(r.message).toMatch(/^Confirm that /);
            expect(r.remediation.length).toBeGreaterThan(40);
        }
    });

    it('does not emit DP-07 (the deployment checks own it)', () => {
        expect(resultsFor(results, 'DP-07')).toEqual([]);
    });

    it('GL-01: end-to-end test in a sandbox, routed and picked up', () => {
        const [r] = resultsFor(results, 'GL-01');
        expect(r.severity).toBe('blocker');
        expect(r.message).toContain('in a sandbox created a Messaging Session, routed it to the messaging queue');
        expect(r.remediation).toContain('go online in Omni-Channel');
    });

    it('GL-02: off-hours response tested outside business hours', () => {
        const [r] = resultsFor(results, 'GL-02');
        expect(r.message).toContain('tested outside business hours');
    });

    it('GL-03: snippet on every page, before </body>, with a valid language code; the component on Experience sites', () => {
        const [r] = resultsFor(results, 'GL-03');
        expect(r.message).toContain('just before the closing </body> tag, not in the header');
        expect(r.message).toContain('valid language code');
        expect(r.message).toContain('the Embedded Messaging component replaces the snippet');
        expect(r.remediation).toContain('Code Snippet');
        expect(r.source).toContain('Get Started With APIs for Enhanced Web Chat (https://');
    });

    it('cites public documents, never internal numbering', () => {
        for (const r of results) {
            expect(`${r.message} ${r.remediation} ${r.source}`).not.toMatch(
                /\b(seed|000|002|L\d{3,4}|gotcha|research)\b/i
            );
        }
    });

    it('GL-04: pre-chat mapping against a sample Messaging Session record', () => {
        const [r] = resultsFor(results, 'GL-04');
        expect(r.message).toContain('shows each value on the Messaging Session');
    });

    it('GL-05: deployment republished after the last change', () => {
        const [r] = resultsFor(results, 'GL-05');
        expect(r.message).toContain('published after its last change');
        expect(r.remediation).toContain('click Publish');
    });

    it('is the same on an org snapshot: only a person can confirm these', () => {
        const org = runGoLiveChecks(contextFor(blankSnapshot('org')));
        expect(org).toEqual(results);
    });
});
