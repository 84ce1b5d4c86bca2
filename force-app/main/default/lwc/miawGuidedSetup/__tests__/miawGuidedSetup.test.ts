import { createElement } from '@lwc/engine-dom';
import MiawGuidedSetup from 'c/miawGuidedSetup';
import {
    loadConnectionStatus,
    loadOrgContext,
    loadSetupPlan,
    loadSnapshot,
    saveSetupPlan,
    saveTestChecklist
} from 'c/miawSetupAssistantApi';
import type { OrgSnapshot } from 'c/miawReadinessEngine';
import { CONNECTED, NOT_AUTHENTICATED, ORG_CONTEXT, demoSnapshot, savedDemoPlan } from './demoFixtures';
import type { Demo } from './demoFixtures';

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
jest.mock('c/miawSetupAssistantApi', () => ({
    loadSnapshot: jest.fn(),
    loadConnectionStatus: jest.fn(),
    loadOrgContext: jest.fn(),
    loadSetupPlan: jest.fn(),
    saveSetupPlan: jest.fn(),
    saveTestChecklist: jest.fn(),
    createTrustedSites: jest.fn(),
    errorMessage: jest.requireActual('c/miawSetupAssistantApi').errorMessage
}));
jest.mock('lightning/platformResourceLoader', () => ({ loadScript: jest.fn() }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const mocked = (fn: unknown) => fn as jest.Mock;

const STEP_LABELS = [
    'Prerequisites',
    'Messaging channel',
    'Embedded Service deployment',
    'Trusted sites',
    'Capacity and presence',
    'Deploy and test',
    'Review and sign off'
];

function arrange(demo: Demo = 'needs-work', snapshot?: OrgSnapshot) {
    mocked(loadSnapshot).mockResolvedValue(snapshot ?? demoSnapshot(demo));
    mocked(loadConnectionStatus).mockResolvedValue(CONNECTED);
    mocked(loadOrgContext).mockResolvedValue(ORG_CONTEXT);
    mocked(loadSetupPlan).mockResolvedValue(savedDemoPlan(demo));
}

async function render() {
    const element = createElement('c-miaw-guided-setup', { is: MiawGuidedSetup }) as any;
    document.body.appendChild(element);
    await flush();
    return { element, root: element.shadowRoot as ShadowRoot };
}

function byLabel(root: ShadowRoot, selector: string, label: string): any {
    return Array.from(root.querySelectorAll(selector)).find((el: any) => el.label === label);
}

async function click(root: ShadowRoot, label: string) {
    const button = byLabel(root, 'lightning-button', label);
    if (!button) throw new Error(`no button "${label}"`);
    button.click();
    await flush();
}

function stepButton(root: ShadowRoot, label: string): HTMLButtonElement {
    const button = Array.from(root.querySelectorAll<HTMLButtonElement>('nav.step-nav button.step-nav-button')).find(
        (b) =>
            text(b.querySelector('.step-nav-label'))
                .replace(/^\d+\. /, '')
                .replace(/:$/, '') === label
    );
    if (!button) throw new Error(`no step "${label}"`);
    return button;
}

async function goTo(root: ShadowRoot, label: string) {
    stepButton(root, label).click();
    await flush();
}

/** The step's result list (the report's own component, drawing each result with c-miaw-result-item). */
function resultList(root: ShadowRoot): ShadowRoot {
    const checks = root.querySelector('c-miaw-step-checks') as any;
    return checks.shadowRoot.querySelector('c-miaw-result-list').shadowRoot;
}

function bannerBox(root: ShadowRoot): HTMLElement {
    return (root.querySelector('c-miaw-verdict-banner') as any).shadowRoot.querySelector('.verdict');
}

function bannerText(root: ShadowRoot): string {
    return text(bannerBox(root).querySelector('.verdict-text'));
}

function stepResults(root: ShadowRoot): string[] {
    return Array.from(resultList(root).querySelectorAll('c-miaw-result-item')).map((item: any) =>
        text(item.shadowRoot.querySelector('.result-item'))
    );
}

// Each test renders the whole page and scans it with axe; on a busy machine that takes more than 5 s.
jest.setTimeout(30000);

describe('c-miaw-guided-setup', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        window.localStorage.clear();
    });

    it('shows a spinner while it reads the org', async () => {
        mocked(loadSnapshot).mockReturnValue(new Promise(() => undefined));
        mocked(loadConnectionStatus).mockResolvedValue(CONNECTED);
        mocked(loadOrgContext).mockResolvedValue(ORG_CONTEXT);
        mocked(loadSetupPlan).mockResolvedValue(null);
        const { element, root } = await render();
        expect((root.querySelector('lightning-spinner') as any).alternativeText).toBe('Reading the org');
        expect(root.querySelector('c-miaw-step-checks')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('renders the seven steps and the failing checks of the first step', async () => {
        arrange();
        const { element, root } = await render();
        expect(text(root.querySelector('h1'))).toBe('Guided Setup');
        expect(
            Array.from(root.querySelectorAll('nav.step-nav .step-nav-label')).map((l) =>
                text(l)
                    .replace(/^\d+\. /, '')
                    .replace(/:$/, '')
            )
        ).toEqual(STEP_LABELS);
        expect(stepButton(root, 'Prerequisites').getAttribute('aria-current')).toBe('step');
        expect(text(root.querySelector('.checked-at'))).toMatch(/^Checked at /);
        expect(text(root.querySelector('.step-heading'))).toBe('Step 1 of 7: Prerequisites');
        const results = stepResults(root);
        expect(results.every((r) => r.includes('PRE-'))).toBe(true);
        expect(results.some((r) => r.includes('PRE-04') && r.startsWith('Fail, Warning: PRE-04'))).toBe(true);
        expect(text(root.querySelector('.connection-ok'))).toBe('Connected as ada@acme.example');
        await expect(element).toBeAccessible();
    });

    it('has an Open in Setup button per step that navigates to the exact path and marks results stale', async () => {
        arrange();
        const { root } = await render();
        await goTo(root, 'Trusted sites');
        const labels = Array.from(root.querySelectorAll('.setup-links lightning-button')).map((b: any) => b.label);
        expect(labels).toEqual(['Open in Setup: CORS', 'Open in Setup: Trusted URLs']);
        await click(root, 'Open in Setup: CORS');
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__webPage',
            attributes: { url: '/lightning/setup/CorsWhitelistEntries/home' }
        });
        const checks = root.querySelector('c-miaw-step-checks') as any;
        expect(text(checks.shadowRoot.querySelector('.stale-note'))).toContain('may be out of date');
    });

    it('moves with Next, Back and a click on a step', async () => {
        arrange();
        const { root } = await render();
        expect(byLabel(root, 'lightning-button', 'Back').disabled).toBe(true);
        await click(root, 'Next');
        expect(text(root.querySelector('.step-heading'))).toBe('Step 2 of 7: Messaging channel');
        expect(stepResults(root).some((r) => r.includes('CH-06'))).toBe(true);
        expect(stepResults(root).some((r) => r.includes('RT-02'))).toBe(true);
        await click(root, 'Back');
        expect(text(root.querySelector('.step-heading'))).toBe('Step 1 of 7: Prerequisites');
        await goTo(root, 'Review and sign off');
        expect(byLabel(root, 'lightning-button', 'Next').disabled).toBe(true);
        expect(stepButton(root, 'Review and sign off').getAttribute('aria-current')).toBe('step');
        expect(stepButton(root, 'Prerequisites').getAttribute('aria-current')).toBeNull();
    });

    it('moves focus to the new step heading and scrolls it into view after Next and Back', async () => {
        arrange();
        const scrolled = jest.fn();
        (HTMLElement.prototype as any).scrollIntoView = scrolled;
        const { root } = await render();
        await click(root, 'Next');
        const heading = root.querySelector('.step-heading') as HTMLElement;
        expect(heading.getAttribute('tabindex')).toBe('-1');
        expect(root.activeElement).toBe(heading);
        expect(text(root.activeElement)).toBe('Step 2 of 7: Messaging channel');
        expect(scrolled).toHaveBeenCalledWith({ block: 'center', behavior: 'auto' });
        await click(root, 'Back');
        expect(text(root.activeElement)).toBe('Step 1 of 7: Prerequisites');
        delete (HTMLElement.prototype as any).scrollIntoView;
    });

    it('keeps unsaved edits when the screen is left and restores them with a Discard', async () => {
        arrange();
        let { root } = await render();
        await goTo(root, 'Capacity and presence');
        byLabel(root, 'lightning-radio-group', 'Capacity model').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'tab' } })
        );
        await flush();
        expect(text(root.querySelector('.dirty'))).toBe('Unsaved changes');
        // Leaving the page asks first while the edits are unsaved.
        const leaving = new CustomEvent('beforeunload', { cancelable: true });
        window.dispatchEvent(leaving);
        expect(leaving.defaultPrevented).toBe(true);

        // The other tab, then back: a new screen on the same org and user.
        document.body.removeChild(document.body.firstChild!);
        ({ root } = await render());
        expect(text(root.querySelector('.draft-notice'))).toMatch(
            /^Restored your unsaved changes from .+\. They are not saved yet\./
        );
        expect(text(root.querySelector('.step-heading'))).toBe('Step 5 of 7: Capacity and presence');
        expect(byLabel(root, 'lightning-radio-group', 'Capacity model').value).toBe('tab');
        expect(text(root.querySelector('.dirty'))).toBe('Unsaved changes');

        await click(root, 'Discard');
        expect(root.querySelector('.draft-notice')).toBeNull();
        expect(byLabel(root, 'lightning-radio-group', 'Capacity model').value).toBe('status');
        expect(text(root.querySelector('.dirty'))).toBe('');
        const calm = new CustomEvent('beforeunload', { cancelable: true });
        window.dispatchEvent(calm);
        expect(calm.defaultPrevented).toBe(false);
        document.body.removeChild(document.body.firstChild!);
        ({ root } = await render());
        expect(root.querySelector('.draft-notice')).toBeNull();
    });

    it('forgets the draft once the plan is saved', async () => {
        arrange();
        mocked(saveSetupPlan).mockImplementation((plan) =>
            Promise.resolve({
                recordId: 'a01',
                plan,
                lastModifiedDate: '2026-11-21T09:00:00.000Z',
                lastModifiedByName: 'Ada'
            })
        );
        let { root } = await render();
        await goTo(root, 'Embedded Service deployment');
        await click(root, 'Add pre-chat field');
        document.body.removeChild(document.body.firstChild!);
        ({ root } = await render());
        // An unnamed pre-chat row is work too: it comes back.
        expect(root.querySelectorAll('fieldset.prechat-row')).toHaveLength(5);
        (root.querySelectorAll('fieldset.prechat-row')[4].querySelector('lightning-input') as any).dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Loyalty_Id' } })
        );
        await flush();
        await click(root, 'Save plan');
        expect(text(root.querySelector('.save-message'))).toContain('Setup plan saved.');
        document.body.removeChild(document.body.firstChild!);
        ({ root } = await render());
        expect(root.querySelector('.draft-notice')).toBeNull();
    });

    it('records the routing strategy next to the seed decision guidance', async () => {
        arrange();
        const { root } = await render();
        await goTo(root, 'Messaging channel');
        const routing = byLabel(root, 'lightning-radio-group', 'Routing strategy');
        expect(routing.options.map((o: any) => o.label)).toEqual(['Omni-Channel flow', 'Queue']);
        expect(routing.value).toBe('flow');
        routing.dispatchEvent(new CustomEvent('change', { detail: { value: 'queue' } }));
        await flush();
        expect(byLabel(root, 'lightning-radio-group', 'Routing strategy').value).toBe('queue');
        expect(text(root.querySelector('.routing-note'))).toContain(
            'Queue: the channel routes every session to one queue'
        );
        expect(text(root.querySelector('.dirty'))).toBe('Unsaved changes');
        expect(text(root.querySelector('table.guidance caption'))).toContain(
            'Salesforce Help: How Does an Omni-Channel Flow Work?'
        );
        // the checks rerun at once: the channel still routes with its flow, which the plan no longer chose
        expect(
            stepResults(root).some((r) => r.includes('CH-03') && r.includes('but the setup plan chose a queue'))
        ).toBe(true);
    });

    it('reruns the checks at once when the capacity model changes', async () => {
        arrange();
        const { element, root } = await render();
        await goTo(root, 'Capacity and presence');
        const capacity = byLabel(root, 'lightning-radio-group', 'Capacity model');
        expect(capacity.options.map((o: any) => o.label)).toEqual(['Status-based', 'Tab-based']);
        const before = stepResults(root).join('\n');
        capacity.dispatchEvent(new CustomEvent('change', { detail: { value: 'tab' } }));
        await flush();
        expect(text(root.querySelector('.capacity-note'))).toContain(
            "Tab-based: a session stops using a rep's capacity"
        );
        // the engine ran again on the changed plan, without a re-read of the org
        expect(stepResults(root).join('\n')).not.toEqual(before);
        expect(loadSnapshot).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('saves the plan through Apex and says so', async () => {
        arrange();
        mocked(saveSetupPlan).mockImplementation((plan) =>
            Promise.resolve({
                recordId: 'a01',
                plan,
                lastModifiedDate: '2026-11-21T09:00:00.000Z',
                lastModifiedByName: 'Ada Admin'
            })
        );
        const { root } = await render();
        await goTo(root, 'Capacity and presence');
        byLabel(root, 'lightning-radio-group', 'Capacity model').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'tab' } })
        );
        await flush();
        await click(root, 'Save plan');
        const sent = mocked(saveSetupPlan).mock.calls[0][0];
        expect(sent.capacityModel).toBe('tab');
        expect(sent.channel).toBe('Acme_Web_Chat');
        expect(sent.widgetOrigins.map((o: any) => o.origin)).toContain('https://staging.acme-outdoor.example');
        expect(sent.preChatFields.map((f: any) => f.name)).toEqual([
            '_FirstName',
            '_Email',
            'Order_Number',
            'Cart_Value'
        ]);
        expect(text(root.querySelector('.save-message'))).toContain('Setup plan saved.');
        expect(text(root.querySelector('.save-message'))).toContain('Last saved by Ada Admin');
        expect(text(root.querySelector('.dirty'))).toBe('');
    });

    it('shows the Apex validation error in words and keeps the edits', async () => {
        arrange();
        mocked(saveSetupPlan).mockRejectedValue({
            body: { message: 'Widget origin "https://x.example/a" has a path; write https://x.example' }
        });
        const { root } = await render();
        await click(root, 'Save plan');
        expect(text(root.querySelector('.save-error'))).toBe(
            'The setup plan was not saved: Widget origin "https://x.example/a" has a path; write https://x.example'
        );
    });

    it('refuses to save a pre-chat field without a name, naming it', async () => {
        arrange();
        const { root } = await render();
        await goTo(root, 'Embedded Service deployment');
        await click(root, 'Add pre-chat field');
        expect(root.querySelectorAll('fieldset.prechat-row')).toHaveLength(5);
        await click(root, 'Save plan');
        expect(text(root.querySelector('.save-error'))).toBe(
            'The setup plan was not saved: Pre-chat field 5 has no parameter name.'
        );
        expect(saveSetupPlan).not.toHaveBeenCalled();
    });

    it('rejects a pre-chat name like "Order Number!" next to its field and links the save error to it', async () => {
        arrange();
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { element, root } = await render();
        await goTo(root, 'Embedded Service deployment');
        await click(root, 'Add pre-chat field');
        const row = () => root.querySelectorAll('fieldset.prechat-row')[4];
        const name = () => byLabel(row() as any, 'lightning-input', 'Parameter name');
        // Still empty: not an error yet.
        expect(row().querySelector('.field-error')).toBeNull();
        name().dispatchEvent(new CustomEvent('change', { detail: { value: 'Order Number!' } }));
        await flush();
        expect(text(row().querySelector('.field-error'))).toBe(
            'Pre-chat field 5 parameter name "Order Number!" cannot be a channel parameter: use letters, digits and single underscores, starting with a letter (standard fields start with "_", e.g. _FirstName).'
        );
        await goTo(root, 'Prerequisites');
        await click(root, 'Save plan');
        expect(saveSetupPlan).not.toHaveBeenCalled();
        expect(text(root.querySelector('.save-error'))).toContain('The setup plan was not saved: Pre-chat field 5');
        await click(root, 'Go to pre-chat field 5');
        expect(text(root.querySelector('.step-heading'))).toBe('Step 3 of 7: Embedded Service deployment');
        expect(focus.mock.instances.at(-1)).toBe(name());
        // Already on the step: the link still takes the admin to the field.
        focus.mockClear();
        await click(root, 'Save plan');
        await click(root, 'Go to pre-chat field 5');
        expect(focus.mock.instances.at(-1)).toBe(name());
        await expect(element).toBeAccessible();
        // Fixing the name takes the refusal away.
        name().dispatchEvent(new CustomEvent('change', { detail: { value: 'Order_Number_2' } }));
        await flush();
        expect(root.querySelector('.save-error')).toBeNull();
        expect(row().querySelector('.field-error')).toBeNull();
        focus.mockRestore();
    });

    it('edits pre-chat fields and offers the parameters the channel knows', async () => {
        arrange();
        mocked(saveSetupPlan).mockImplementation((plan) =>
            Promise.resolve({ recordId: 'a01', plan, lastModifiedDate: 'x', lastModifiedByName: 'Ada' })
        );
        const { element, root } = await render();
        await goTo(root, 'Embedded Service deployment');
        const rows = () => Array.from(root.querySelectorAll('fieldset.prechat-row'));
        const hidden = Array.from(rows()[3].querySelectorAll('lightning-input')).find(
            (i: any) => i.label === 'Hidden'
        ) as any;
        expect(hidden.checked).toBe(true);
        hidden.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        (rows()[0].querySelector('lightning-button') as HTMLElement).click();
        await flush();
        expect(rows()).toHaveLength(3);
        await click(root, 'Save plan');
        let sent = mocked(saveSetupPlan).mock.calls[0][0];
        expect(sent.preChatFields.find((f: any) => f.name === 'Cart_Value').hidden).toBe(false);
        expect(sent.preChatFields.map((f: any) => f.name)).toEqual(['_Email', 'Order_Number', 'Cart_Value']);

        const known = byLabel(root, 'lightning-combobox', 'Add a known parameter');
        expect(known.options.map((o: any) => o.value)).toContain('_FirstName');
        known.dispatchEvent(new CustomEvent('change', { detail: { value: '_FirstName' } }));
        await flush();
        expect(rows()).toHaveLength(4);
        await click(root, 'Save plan');
        sent = mocked(saveSetupPlan).mock.calls[1][0];
        expect(sent.preChatFields.map((f: any) => f.name)).toEqual([
            '_Email',
            'Order_Number',
            'Cart_Value',
            '_FirstName'
        ]);
        await expect(element).toBeAccessible();
    });

    it('adds a widget origin on the Trusted sites step and checks it at once', async () => {
        arrange();
        const { root } = await render();
        await goTo(root, 'Trusted sites');
        const step = root.querySelector('c-miaw-trusted-sites-step') as any;
        const editor = step.shadowRoot.querySelector('c-miaw-origin-editor');
        const input = Array.from(editor.shadowRoot.querySelectorAll('lightning-input')).find(
            (i: any) => i.label === 'Widget origin'
        ) as any;
        input.dispatchEvent(new CustomEvent('change', { detail: { value: 'https://dev.acme-outdoor.example' } }));
        await flush();
        const add = Array.from(editor.shadowRoot.querySelectorAll('lightning-button')).find(
            (b: any) => b.label === 'Add origin'
        ) as any;
        add.click();
        await flush();
        expect(
            stepResults(root).some((r) => r.includes('TS-01') && r.includes('https://dev.acme-outdoor.example'))
        ).toBe(true);
        expect(step.connected).toBe(true);
        expect(byLabel(step.shadowRoot, 'lightning-button', 'Create missing entries')).toBeDefined();
    });

    it('Re-check reads the org again and shows the new results', async () => {
        arrange();
        const { root } = await render();
        mocked(loadSnapshot).mockResolvedValue(demoSnapshot('ready'));
        await click(root, 'Re-check');
        expect(loadSnapshot).toHaveBeenCalledTimes(2);
        expect(loadSetupPlan).toHaveBeenCalledTimes(1);
        expect(stepResults(root).some((r) => r.includes('PRE-04') && r.includes('Fail'))).toBe(false);
    });

    it('shows an Apex error in words with a way to try again, and no stale results', async () => {
        arrange();
        mocked(loadSnapshot).mockRejectedValue({ body: { message: 'Read timed out' } });
        const { element, root } = await render();
        expect(text(root.querySelector('.load-error p'))).toBe('The org could not be read: Read timed out');
        expect(root.querySelector('c-miaw-step-checks')).toBeNull();
        expect(text(root.querySelector('.checked-at'))).toBe('');
        await expect(element).toBeAccessible();
        mocked(loadSnapshot).mockResolvedValue(demoSnapshot('needs-work'));
        await click(root, 'Try again');
        expect(root.querySelector('.load-error')).toBeNull();
        expect(root.querySelector('c-miaw-step-checks')).not.toBeNull();
    });

    it('says what to do when the API is not connected and which sections stay unavailable', async () => {
        const snapshot = demoSnapshot('needs-work');
        snapshot.corsEntries = { state: 'unavailable', reason: 'needs API access', items: [] };
        arrange('needs-work', snapshot);
        mocked(loadConnectionStatus).mockResolvedValue(NOT_AUTHENTICATED);
        const { element, root } = await render();
        expect(text(root.querySelector('.connection-message'))).toBe(NOT_AUTHENTICATED.message);
        expect(Array.from(root.querySelectorAll('.connection-fix li')).map(text)).toEqual(NOT_AUTHENTICATED.fixSteps);
        expect(text(root.querySelector('.unavailable'))).toBe(
            'Until the app is connected, these stay unavailable: CORS allowlist (CorsWhitelistOrigin); CSP Trusted Sites (CspTrustedSite).'
        );
        await click(root, 'Open in Setup: API connection');
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__webPage',
            attributes: { url: '/lightning/setup/NamedCredential/home' }
        });
        await goTo(root, 'Trusted sites');
        expect(text(root.querySelector('.section-note'))).toContain(
            "CORS allowlist (CorsWhitelistOrigin): unavailable until the app is connected to the org's API (needs API access)"
        );
        const step = root.querySelector('c-miaw-trusted-sites-step') as any;
        expect(byLabel(step.shadowRoot, 'lightning-button', 'Create missing entries')).toBeUndefined();
        await expect(element).toBeAccessible();
    });

    it('explains sections that are not present or not permitted', async () => {
        const snapshot = demoSnapshot('needs-work');
        snapshot.messagingChannels = { state: 'not_present', reason: 'Messaging for In-App and Web is off', items: [] };
        snapshot.queues = { state: 'no_permission', reason: 'Queue is not readable', items: [] };
        arrange('needs-work', snapshot);
        const { root } = await render();
        await goTo(root, 'Messaging channel');
        const notes = Array.from(root.querySelectorAll('.section-note')).map(text);
        expect(notes).toContain(
            'Messaging channels (MessagingChannel): not in this org (Messaging for In-App and Web is off). Turn on the feature that provides it, then click Re-check.'
        );
        expect(notes).toContain(
            'Queues (Queue): you may not read it (Queue is not readable). Ask for read access or run Guided Setup as an admin.'
        );
    });

    it('gives the snippet placement, its values and the test checklist on Deploy and test', async () => {
        arrange();
        mocked(saveTestChecklist).mockImplementation((done: string[]) =>
            Promise.resolve({
                ...savedDemoPlan('needs-work'),
                testChecklist: {
                    items: done.map((id) => ({ id, byName: 'Ada Admin', at: '2026-12-03T10:00:00.000Z' }))
                }
            })
        );
        const { element, root } = await render();
        await goTo(root, 'Deploy and test');
        expect(text(root.querySelector('.snippet-placement'))).toContain('before the closing </body> tag');
        expect(text(root.querySelector('.snippet-placement'))).toContain('valid language code');
        const values = Array.from(root.querySelectorAll('.placeholder-value')).map(text);
        expect(values).toEqual([ORG_CONTEXT.organizationId, 'Acme_Web_Chat', ORG_CONTEXT.siteUrl, ORG_CONTEXT.scrtUrl]);
        const boxes = Array.from(root.querySelectorAll('lightning-input.checklist-item')) as any[];
        expect(boxes).toHaveLength(6);
        expect(text(root.querySelector('.checklist-progress'))).toBe('0 of 6 test steps done');
        boxes[0].dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flush();
        expect(text(root.querySelector('.checklist-progress'))).toBe('1 of 6 test steps done');
        expect(stepResults(root).every((r) => r.includes('OPS-'))).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('saves each test step with the plan; completing them confirms GL-01 with who and when, and survives a reload', async () => {
        arrange();
        let stored: any = { items: [] };
        mocked(saveTestChecklist).mockImplementation((done: string[]) => {
            stored = {
                items: done.map((id) => ({ id, byName: 'Ada Admin', at: '2026-12-03T10:00:00.000Z' })),
                ...(done.length === 6 ? { completedByName: 'Ada Admin', completedAt: '2026-12-03T10:05:00.000Z' } : {})
            };
            return Promise.resolve({ ...savedDemoPlan('needs-work'), testChecklist: stored });
        });
        let { root } = await render();
        await goTo(root, 'Deploy and test');
        const boxes = () => Array.from(root.querySelectorAll('lightning-input.checklist-item')) as any[];
        for (let i = 0; i < 6; i++) {
            boxes()[i].dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
            // eslint-disable-next-line no-await-in-loop -- each tick is saved before the next, as the admin clicks
            await flush();
        }
        expect(mocked(saveTestChecklist).mock.calls.at(-1)![0]).toEqual([
            'snippet',
            'customer',
            'agent',
            'routed',
            'prechat',
            'offhours'
        ]);
        expect(text(root.querySelector('.checklist-status'))).toMatch(
            /^Test completed by Ada Admin on .+: this confirms GL-01 \(end-to-end test in a sandbox\) in the Readiness Report\.$/
        );

        // A reload reads the checklist back from the saved plan.
        mocked(loadSetupPlan).mockResolvedValue({ ...savedDemoPlan('needs-work'), testChecklist: stored });
        document.body.removeChild(document.body.firstChild!);
        ({ root } = await render());
        await goTo(root, 'Deploy and test');
        expect(boxes().every((b) => b.checked)).toBe(true);
        expect(text(root.querySelector('.checklist-progress'))).toBe('6 of 6 test steps done');

        // Unchecking a step withdraws the confirmation.
        boxes()[3].dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        await flush();
        expect(mocked(saveTestChecklist).mock.calls.at(-1)![0]).not.toContain('routed');
        expect(text(root.querySelector('.checklist-status'))).toContain('When every step is done');

        // A refused save puts the box back and says why.
        mocked(saveTestChecklist).mockRejectedValue({ body: { message: 'Insufficient access' } });
        boxes()[3].dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flush();
        expect(boxes()[3].checked).toBe(false);
        expect(text(root.querySelector('.checklist-error'))).toBe('The test step was not saved: Insufficient access');
    });

    it('checks a pasted snippet against the org on Deploy and test, and keeps it when the admin changes step', async () => {
        window.sessionStorage.clear();
        arrange('ready');
        const { element, root } = await render();
        await goTo(root, 'Deploy and test');
        const check = () => root.querySelector('c-miaw-snippet-check') as any;
        // the org as Guided Setup read it: the snapshot, the plan and the org context
        expect(check().orgContext).toEqual(ORG_CONTEXT);
        expect(check().plan.deployment).toBe('Acme_Web_Chat');
        const pasted = `<script>function initEmbeddedMessaging() { embeddedservice_bootstrap.init('00D000000000001EAA', 'Wrong_Name', '${ORG_CONTEXT.siteUrl}', { scrt2URL: '${ORG_CONTEXT.scrtUrl}' }); }</script>
<script src="${ORG_CONTEXT.siteUrl}/assets/js/bootstrap.min.js" onload="initEmbeddedMessaging()"></script>`;
        const inner = () => check().shadowRoot as ShadowRoot;
        inner()
            .querySelector('lightning-textarea')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: pasted } }));
        byLabel(inner(), 'lightning-button', 'Check').click();
        await flush();
        const web03 = () =>
            stepResults(inner())
                .filter((t) => t.includes('WEB-03'))
                .join('\n');
        expect(web03()).toContain('"Wrong_Name", which does not exist in the org');
        await goTo(root, 'Trusted sites');
        expect(check()).toBeNull();
        await goTo(root, 'Deploy and test');
        expect((inner().querySelector('lightning-textarea') as any).value).toBe(pasted);
        expect(web03()).toContain('"Wrong_Name"');
        await expect(element).toBeAccessible();
        window.sessionStorage.clear();
    });

    it('summarises every step on Review and opens the Readiness Report', async () => {
        arrange();
        const { element, root } = await render();
        await goTo(root, 'Review and sign off');
        const rows = Array.from(root.querySelectorAll('tr.summary-row')).map((r) =>
            Array.from(r.querySelectorAll('th, td')).map(text)
        );
        expect(rows.map((r) => r[0])).toEqual(STEP_LABELS);
        expect(rows[3][0]).toBe('Trusted sites');
        expect(rows[3][1]).toMatch(/^Blocked — \d+ blockers fail/);
        expect(Number(rows[3][2])).toBeGreaterThan(0);
        expect(bannerText(root)).toBe('Not ready for go-live');
        // The path says the same as the summary, step by step.
        STEP_LABELS.forEach((label, i) => {
            const status = text(stepButton(root, label).querySelector('.step-nav-state'));
            expect(rows[i][1].startsWith(status)).toBe(true);
        });
        expect(stepResults(root).every((r) => r.includes('GL-'))).toBe(true);
        await click(root, 'Open Readiness Report');
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__navItemPage',
            attributes: { apiName: 'Miaw_Readiness_Report' }
        });
        await expect(element).toBeAccessible();
    });

    it('shows the ready demo without blockers', async () => {
        arrange('ready');
        const { root } = await render();
        await goTo(root, 'Review and sign off');
        // The same banner as the report's; GL-01, GL-03 and GL-05 are blocker-severity attestations, and the
        // review step says they still need a person before sign-off.
        expect(bannerText(root)).toBe('Ready for go-live');
        expect(text(root.querySelector('.readiness-verdict'))).toBe(
            'Sign-off also needs 3 blocker go-live items confirmed by a person (GL-01, GL-03, GL-05): confirm them on a saved run in the Readiness Report.'
        );
        expect(Array.from(root.querySelectorAll('tr.summary-row')).every((r) => !text(r).includes('Blocked'))).toBe(
            true
        );
        const review = Array.from(root.querySelectorAll('tr.summary-row')).map(text).pop();
        expect(review).toMatch(/To confirm — 3 blocker items to confirm \(GL-01, GL-03, GL-05\)/);
        expect(text(stepButton(root, 'Review and sign off'))).toMatch(
            /^7\. Review and sign off: To confirm, 3 blocker items to confirm/
        );
    });

    it('never says ready when a blocker could not be evaluated (incomplete)', async () => {
        const snapshot = demoSnapshot('ready');
        arrange('ready', { ...snapshot, flows: { state: 'unavailable', reason: 'needs API access', items: [] } });
        const { root } = await render();
        await goTo(root, 'Review and sign off');
        const verdict = bannerText(root);
        expect(verdict).toMatch(
            /^Incomplete, not known to be ready for go-live: \d+ blocker checks? could not be evaluated/
        );
        expect(bannerBox(root).className).toContain('slds-theme_warning');
        // The flows could not be read: the steps whose checks need them are not evaluated, never done.
        const channel = text(stepButton(root, 'Messaging channel').querySelector('.step-nav-state'));
        expect(channel).toBe('Not evaluated');
    });

    it("takes a step's status from its results, not from a visit", async () => {
        arrange();
        const { root } = await render();
        expect(text(stepButton(root, 'Trusted sites'))).toMatch(/^4\. Trusted sites: Blocked, \d+ blockers fail/);
        await goTo(root, 'Trusted sites');
        await click(root, 'Next');
        // Visited and left without fixing anything: still blocked, with its reason in its accessible name.
        const trusted = stepButton(root, 'Trusted sites');
        expect(text(trusted.querySelector('.step-nav-state'))).toBe('Blocked');
        expect(trusted.getAttribute('aria-current')).toBeNull();
        expect(stepButton(root, 'Capacity and presence').getAttribute('aria-current')).toBe('step');
    });

    it('starts a new plan and says so when the saved plan cannot be loaded', async () => {
        arrange();
        mocked(loadSetupPlan).mockRejectedValue(new Error('Miaw_Setup_Plan__c is not readable'));
        const { root } = await render();
        expect(text(root.querySelector('.plan-load-error'))).toContain(
            'The saved setup plan could not be loaded: Miaw_Setup_Plan__c is not readable.'
        );
        expect(root.querySelector('c-miaw-step-checks')).not.toBeNull();
    });
});
