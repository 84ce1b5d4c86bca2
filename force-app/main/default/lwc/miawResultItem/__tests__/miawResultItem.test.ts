import { createElement } from '@lwc/engine-dom';
import MiawResultItem from 'c/miawResultItem';
import type { ReportResult } from 'c/miawReportModel';

type ItemElement = HTMLElement & {
    result: ReportResult;
    canAttest: boolean;
    pending: boolean;
    attestationHint: string;
    printMode: boolean;
};

const BASE: ReportResult = {
    checkId: 'TS-01',
    title: 'The widget origin is on the CORS allowlist',
    area: 'TS',
    severity: 'blocker',
    status: 'fail',
    subject: 'https://shop.acme-outdoor.example',
    message: 'https://shop.acme-outdoor.example is not on the CORS allowlist.',
    remediation: 'Add a CORS allowlist entry for https://shop.acme-outdoor.example.',
    setupPath: '/lightning/setup/CorsWhitelistEntries/home',
    source: 'Salesforce Help: Configure Salesforce CORS Allowlist'
};

function mount(result: Partial<ReportResult>, props: Partial<ItemElement> = {}): ItemElement {
    const element = createElement('c-miaw-result-item', { is: MiawResultItem }) as unknown as ItemElement;
    Object.assign(element, props);
    element.result = { ...BASE, ...result };
    document.body.appendChild(element);
    return element;
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector) as any;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const flush = () => Promise.resolve();

describe('c-miaw-result-item', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('draws a failing blocker: red status with an icon and a word, blocker badge, message, fix, Setup button', async () => {
        const element = mount({});
        expect(text($(element, '.result-head'))).toMatch(
            /^Fail, Blocker: TS-01 The widget origin is on the CORS allowlist ?— https:\/\/shop\.acme-outdoor\.example$/
        );
        expect($(element, '.status').className).toContain('slds-theme_error');
        expect($(element, '.status lightning-icon').iconName).toBe('utility:error');
        expect($(element, '.severity').className).toContain('slds-theme_error');
        expect(text($(element, '.result-fix'))).toBe(`Fix: ${BASE.remediation}`);
        const open = $(element, 'button.open-setup');
        expect(text(open)).toBe('Open in Setup');
        expect(open.getAttribute('aria-label')).toBe(
            'Open in Setup (CORS) for TS-01 The widget origin is on the CORS allowlist — https://shop.acme-outdoor.example'
        );
        await expect(element).toBeAccessible();
    });

    it('tells severities apart: warning and info look different from a blocker', () => {
        const warning = mount({ severity: 'warning' });
        expect($(warning, '.status lightning-icon').iconName).toBe('utility:warning');
        expect($(warning, '.severity').className).toContain('slds-theme_warning');
        const info = mount({ severity: 'info' });
        expect($(info, '.status lightning-icon').iconName).toBe('utility:info');
        expect($(info, '.severity').className).toContain('slds-badge_inverse');
        expect(text($(info, '.severity'))).toBe('Info:');
    });

    it('shows a passing blocker check as a pass, its severity muted, with no fix or button', () => {
        const element = mount({ status: 'pass', remediation: '' });
        expect(text($(element, '.result-head'))).toMatch(/^Pass, Blocker check: TS-01 /);
        expect($(element, '.status').className).toContain('slds-theme_success');
        expect($(element, '.severity').className).not.toContain('slds-theme_error');
        expect($(element, '.severity').className).toContain('slds-badge_lightest');
        expect($(element, 'button.open-setup')).toBeNull();
        expect($(element, '.result-fix')).toBeNull();
    });

    it('says how to evaluate a result that could not be read', () => {
        const element = mount({ status: 'not_evaluated', remediation: "Connect the app to the org's API." });
        expect(text($(element, '.status'))).toBe('Not evaluated,');
        expect($(element, '.status lightning-icon').iconName).toBe('utility:question');
        expect(text($(element, '.result-fix'))).toBe("To evaluate it: Connect the app to the org's API.");
    });

    it('confirms a manual item once, and shows who confirmed it', async () => {
        const element = mount(
            { checkId: 'GL-03', status: 'manual', subject: 'go-live', setupPath: '', remediation: 'Run the test.' },
            { canAttest: true }
        );
        const attest = jest.fn();
        element.addEventListener('attest', attest);
        expect(text($(element, '.result-head'))).toBe(
            'To confirm, Blocker: GL-03 The widget origin is on the CORS allowlist'
        );
        const box = $(element, 'lightning-input.confirm');
        expect(box.disabled).toBe(false);
        box.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        expect(attest.mock.calls[0][0].detail).toEqual({ checkId: 'GL-03', subject: 'go-live' });

        element.result = { ...element.result, attestedByName: 'Grace Lead', attestedAt: '2026-11-20T11:00:00.000Z' };
        await flush();
        expect($(element, 'lightning-input.confirm').checked).toBe(true);
        expect($(element, 'lightning-input.confirm').disabled).toBe(true);
        expect(text($(element, '.confirmed-by'))).toMatch(/^Confirmed by Grace Lead on .*2026/);
        await expect(element).toBeAccessible();
    });

    it('offers no tick for GL-01: the deploy-and-test checklist confirms it, and the confirmation shows who and when', async () => {
        const element = mount(
            { checkId: 'GL-01', title: 'End-to-end test in a sandbox', status: 'manual', subject: 'go-live' },
            { canAttest: true, attestationHint: 'Save the run to confirm this item.' }
        );
        expect($(element, 'lightning-input.confirm')).toBeNull();
        expect(text($(element, '.checklist-hint'))).toBe(
            'Confirmed by completing the end-to-end test checklist in Guided Setup (step 6, Deploy and test), with who and when.'
        );
        expect($(element, '.attest-hint')).toBeNull();

        element.result = {
            ...element.result,
            attestedByName: 'Ada Admin',
            attestedAt: '2026-11-20T11:00:00.000Z',
            attestationNote: 'deploy-and-test checklist, completed by Ada Admin on 2026-11-20 11:00 UTC'
        };
        await flush();
        expect($(element, '.checklist-hint')).toBeNull();
        expect(text($(element, '.confirmed-by'))).toMatch(/^Confirmed by Ada Admin on .*: deploy-and-test checklist/);
        await expect(element).toBeAccessible();
    });

    it('keeps the box read-only with the reason when it cannot be confirmed here', () => {
        const element = mount(
            { checkId: 'GL-03', status: 'manual', subject: 'go-live' },
            { canAttest: false, attestationHint: 'Save the run to confirm this item.' }
        );
        expect($(element, 'lightning-input.confirm').disabled).toBe(true);
        expect(text($(element, '.attest-hint'))).toBe('Save the run to confirm this item.');
    });

    it('fires opensetup with the page and draws no buttons in print', () => {
        const element = mount({});
        const opened = jest.fn();
        element.addEventListener('opensetup', opened);
        $(element, 'button.open-setup').click();
        expect(opened.mock.calls[0][0].detail).toEqual({ url: BASE.setupPath });
        const printed = mount({}, { printMode: true });
        expect($(printed, 'button')).toBeNull();
    });
});
