import { createElement } from '@lwc/engine-dom';
import MiawVerdictBanner from 'c/miawVerdictBanner';
import { summarize } from 'c/miawReadinessEngine';
import type { CheckResult, ReportSummary } from 'c/miawReadinessEngine';
import type { ReportResult } from 'c/miawReportModel';

function result(checkId: string, status: CheckResult['status'], extra: Partial<CheckResult> = {}): ReportResult {
    return {
        checkId,
        title: `${checkId} title`,
        area: 'TS',
        severity: 'blocker',
        status,
        subject: 'org',
        message: '',
        remediation: '',
        setupPath: '',
        source: '',
        evidence: 'org',
        ...extra
    };
}

function mount(results: ReportResult[], summary: ReportSummary = summarize(results)) {
    const element = createElement('c-miaw-verdict-banner', { is: MiawVerdictBanner }) as any;
    element.summary = summary;
    element.results = results;
    document.body.appendChild(element);
    return element as HTMLElement;
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('c-miaw-verdict-banner', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('says ready in green with an icon, and what each count is', async () => {
        const element = mount([result('TS-01', 'pass'), result('GL-01', 'manual', { evidence: 'manual' })]);
        expect(text($(element, '.verdict-text'))).toBe('Ready for go-live');
        expect($(element, '.verdict').className).toContain('slds-theme_success');
        expect((element.shadowRoot!.querySelector('lightning-icon') as any).iconName).toBe('utility:success');
        expect(Array.from(element.shadowRoot!.querySelectorAll('.counts li')).map(text)).toEqual([
            '0 blockers',
            '0 warnings',
            '1 passed',
            '0 not evaluated',
            '1 to confirm'
        ]);
        await expect(element).toBeAccessible();
    });

    it('says not ready in red when a blocker fails', () => {
        const element = mount([result('TS-01', 'fail')]);
        expect(text($(element, '.verdict-text'))).toBe('Not ready for go-live');
        expect($(element, '.verdict').className).toContain('slds-theme_error');
    });

    it('says incomplete, never green, naming the unknown blockers and how to connect', () => {
        const element = mount([
            result('TS-01', 'pass'),
            result('DP-01', 'not_evaluated', {
                message: 'Not evaluated: needs API access.',
                remediation: "Connect the app to the org's API (Guided Setup, step 1) so it can read them."
            })
        ]);
        expect(text($(element, '.verdict-text'))).toBe(
            "Incomplete, not known to be ready for go-live: 1 blocker check could not be evaluated (DP-01). Connect the app to the org's API in Guided Setup, step 1, and check again."
        );
        expect($(element, '.verdict').className).toContain('slds-theme_warning');
        expect($(element, '.verdict').className).not.toContain('slds-theme_success');
    });

    it('draws nothing without a summary', () => {
        const element = createElement('c-miaw-verdict-banner', { is: MiawVerdictBanner });
        document.body.appendChild(element);
        expect(element.shadowRoot!.querySelector('.verdict')).toBeNull();
    });
});
