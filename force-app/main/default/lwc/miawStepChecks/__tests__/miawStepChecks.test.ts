import { createElement } from '@lwc/engine-dom';
import MiawStepChecks from 'c/miawStepChecks';
import { runReadiness } from 'c/miawReadinessEngine';
import type { CheckResult } from 'c/miawReadinessEngine';
import { PAGE_SIZE } from 'c/miawReportModel';
import { demoPlan, demoSnapshot } from '../../miawGuidedSetup/__tests__/demoFixtures';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: any) =>
        class extends Base {
            [Navigate](pageReference: unknown) {
                mockNavigate(pageReference);
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin, CurrentPageReference: jest.fn() };
});

// The accessibility scan of a step's list takes seconds in jsdom on a busy machine.
jest.setTimeout(30000);

function tsResults(): CheckResult[] {
    return runReadiness(demoSnapshot('needs-work'), demoPlan('needs-work')).results.filter((r) => r.area === 'TS');
}

function render(results: CheckResult[], stale = false): HTMLElement & { results: CheckResult[]; stale: boolean } {
    const element = createElement('c-miaw-step-checks', { is: MiawStepChecks }) as any;
    element.results = results;
    element.stale = stale;
    document.body.appendChild(element);
    return element;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The report's own list inside the step, and the result components it draws. */
const list = (el: HTMLElement) => el.shadowRoot!.querySelector('c-miaw-result-list') as any;
const items = (el: HTMLElement): ShadowRoot[] =>
    Array.from(list(el).shadowRoot.querySelectorAll('c-miaw-result-item')).map((i: any) => i.shadowRoot);

describe('c-miaw-step-checks', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it("draws the results with the report's list and result component: failing first, fix, Open in Setup", async () => {
        const element = render(tsResults());
        await flush();
        const all = items(element);
        expect(text(all[0].querySelector('.status-label'))).toBe('Fail');
        const shopCors = all.find(
            (i) =>
                text(i.querySelector('.result-item')).includes('TS-01') &&
                text(i.querySelector('.result-item')).includes('https://shop.acme-outdoor.example')
        )!;
        expect(text(shopCors.querySelector('.result-head'))).toMatch(/^Fail, Blocker: TS-01 /);
        expect(text(shopCors.querySelector('.result-message'))).toContain('is not on the CORS allowlist');
        expect(text(shopCors.querySelector('.result-fix'))).toContain(
            'Fix: Add a CORS allowlist entry for https://shop.acme-outdoor.example'
        );
        const button = shopCors.querySelector('button.open-setup')!;
        expect(text(button)).toBe('Open in Setup');
        expect(button.getAttribute('aria-label')).toMatch(
            /^Open in Setup \(CORS\) for TS-01 .+ — https:\/\/shop\.acme-outdoor\.example/
        );
        // The counts say what each number is; nothing is "other".
        const counts = text(element.shadowRoot!.querySelector('.counts'));
        expect(counts).toMatch(
            /^\d+ blockers? fails?, \d+ warnings? fails?, .*\d+ passed, \d+ not evaluated, \d+ to confirm$/
        );
        expect(counts).not.toContain('other');
        await expect(element).toBeAccessible();
    });

    it('navigates to the exact Setup path of the result and tells the parent', async () => {
        const element = render(tsResults());
        await flush();
        const opened = jest.fn();
        element.addEventListener('opensetup', opened);
        const shopCors = items(element).find(
            (i) =>
                text(i.querySelector('.result-item')).includes('TS-01') &&
                text(i.querySelector('.result-item')).includes('shop.acme-outdoor.example')
        )!;
        (shopCors.querySelector('button.open-setup') as HTMLElement).click();
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__webPage',
            attributes: { url: '/lightning/setup/CorsWhitelistEntries/home' }
        });
        expect(opened).toHaveBeenCalledTimes(1);
        expect(opened.mock.calls[0][0].detail).toEqual({ url: '/lightning/setup/CorsWhitelistEntries/home' });
    });

    it("keeps passing results closed behind their area's counts, with no fix or Setup button", async () => {
        const passing = tsResults().filter((r) => r.status === 'pass');
        const element = render(passing);
        await flush();
        const toggle = list(element).shadowRoot.querySelector('button.area-toggle');
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(text(toggle)).toContain(`${passing.length} results`);
        toggle.click();
        await flush();
        const all = items(element);
        expect(all).toHaveLength(passing.length);
        expect(all.every((i) => i.querySelector('button.open-setup') === null)).toBe(true);
        expect(all.every((i) => i.querySelector('.result-fix') === null)).toBe(true);
        expect(text(all[0].querySelector('.result-head'))).toMatch(/^Pass, \w+ check: /);
    });

    it('pages a long step the way the report does: 50 results, then "Show more"', async () => {
        const base = tsResults().find((r) => r.status === 'fail')!;
        const many = Array.from({ length: 221 }, (_, i) => ({ ...base, subject: `https://site${i}.example` }));
        const element = render(many);
        await flush();
        expect(items(element)).toHaveLength(PAGE_SIZE);
        const more = list(element).shadowRoot.querySelector('lightning-button.show-more');
        expect(more.label).toMatch(/^Show more \(171 more in /);
        // A list long enough to page gets the report's filters too.
        expect(list(element).shadowRoot.querySelector('lightning-combobox.status-filter')).not.toBeNull();
        more.click();
        await flush();
        expect(items(element)).toHaveLength(2 * PAGE_SIZE);
    });

    it('says when results may be out of date, and when a step has no checks', async () => {
        const element = render([], true);
        expect(text(element.shadowRoot!.querySelector('.stale-note'))).toContain('Click Re-check');
        expect(text(element.shadowRoot!.querySelector('.empty'))).toBe('No checks belong to this step.');
        await expect(element).toBeAccessible();
    });

    it('labels manual and not-evaluated results in words', async () => {
        const results = runReadiness(demoSnapshot('needs-work'), demoPlan('needs-work')).results;
        const manual = results.find((r) => r.status === 'manual')!;
        const notEvaluated = { ...results.find((r) => r.status === 'not_evaluated')!, area: manual.area };
        const element = render([manual, notEvaluated]);
        await flush();
        const all = items(element)
            .map((i) => text(i.querySelector('.result-item')))
            .join(' ');
        expect(all).toContain('To confirm');
        expect(all).toContain('Not evaluated');
        expect(all).toContain('To evaluate it:');
    });
});
