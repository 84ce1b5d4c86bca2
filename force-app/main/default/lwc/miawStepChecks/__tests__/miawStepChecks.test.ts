import { createElement } from '@lwc/engine-dom';
import MiawStepChecks from 'c/miawStepChecks';
import { runReadiness } from 'c/miawReadinessEngine';
import type { CheckResult } from 'c/miawReadinessEngine';
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

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('c-miaw-step-checks', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('lists failing results first with their message, fix and an Open in Setup button', async () => {
        const element = render(tsResults());
        const items = Array.from(element.shadowRoot!.querySelectorAll('li.result'));
        expect(items[0].classList).toContain('result_fail');
        const shopCors = items.find(
            (li) => text(li).includes('TS-01') && text(li).includes('https://shop.acme-outdoor.example')
        )!;
        expect(text(shopCors)).toContain('Fail (Blocker)');
        expect(text(shopCors)).toContain('is not on the CORS allowlist');
        expect(text(shopCors)).toContain('Fix: Add a CORS allowlist entry for https://shop.acme-outdoor.example');
        const button = shopCors.querySelector('lightning-button') as any;
        expect(button.label).toBe('Open in Setup');
        expect(button.title).toBe('Open in Setup: The widget origin is on the CORS allowlist');
        expect(text(element.shadowRoot!.querySelector('.counts')!)).toMatch(/^\d+ to fix, \d+ passed, \d+ other$/);
        await expect(element).toBeAccessible();
    });

    it('navigates to the exact Setup path of the result and tells the parent', () => {
        const element = render(tsResults());
        const opened = jest.fn();
        element.addEventListener('opensetup', opened);
        const shopCors = Array.from(element.shadowRoot!.querySelectorAll('li.result')).find(
            (li) => text(li).includes('TS-01') && text(li).includes('shop.acme-outdoor.example')
        )!;
        (shopCors.querySelector('lightning-button') as HTMLElement).click();
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__webPage',
            attributes: { url: '/lightning/setup/CorsWhitelistEntries/home' }
        });
        expect(opened).toHaveBeenCalledTimes(1);
    });

    it('shows passing results without a fix or a Setup button', () => {
        const passing = tsResults().filter((r) => r.status === 'pass');
        const element = render(passing);
        expect(element.shadowRoot!.querySelectorAll('li.result')).toHaveLength(passing.length);
        expect(element.shadowRoot!.querySelector('lightning-button')).toBeNull();
        expect(element.shadowRoot!.querySelector('.result-fix')).toBeNull();
        expect(text(element.shadowRoot!.querySelector('li.result')!)).toContain('Pass');
    });

    it('says when results may be out of date, and when a step has no checks', async () => {
        const element = render([], true);
        expect(text(element.shadowRoot!.querySelector('.stale-note')!)).toContain('Click Re-check');
        expect(text(element.shadowRoot!.querySelector('.empty')!)).toBe('No checks belong to this step.');
        await expect(element).toBeAccessible();
    });

    it('labels manual and not-evaluated results in words', () => {
        const results = runReadiness(demoSnapshot('needs-work'), demoPlan('needs-work')).results;
        const manual = results.find((r) => r.status === 'manual')!;
        const notEvaluated = results.find((r) => r.status === 'not_evaluated')!;
        const element = render([manual, notEvaluated]);
        const all = text(element.shadowRoot!.querySelector('ul')!);
        expect(all).toContain('To confirm');
        expect(all).toContain('Not evaluated');
        expect(all).toContain('To evaluate it:');
    });
});
