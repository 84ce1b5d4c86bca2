import { createElement } from '@lwc/engine-dom';
import MiawTrustedSitesStep from 'c/miawTrustedSitesStep';
import { createTrustedSites } from 'c/miawSetupAssistantApi';
import { loadScript } from 'lightning/platformResourceLoader';
import { runReadiness } from 'c/miawReadinessEngine';
import type { OrgSnapshot, WidgetOrigin } from 'c/miawReadinessEngine';
import { ORG_CONTEXT, demoPlan, demoSnapshot } from '../../miawGuidedSetup/__tests__/demoFixtures';

const JSZip = require('jszip');

jest.mock('c/miawSetupAssistantApi', () => ({
    createTrustedSites: jest.fn(),
    errorMessage: jest.requireActual('c/miawSetupAssistantApi').errorMessage
}));
jest.mock('lightning/platformResourceLoader', () => ({ loadScript: jest.fn() }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const mocked = (fn: unknown) => fn as jest.Mock;

function render(options: { connected?: boolean; snapshot?: OrgSnapshot; origins?: WidgetOrigin[] } = {}) {
    const snapshot = options.snapshot ?? demoSnapshot('needs-work');
    const plan = demoPlan('needs-work');
    const element = createElement('c-miaw-trusted-sites-step', { is: MiawTrustedSitesStep }) as any;
    element.origins = options.origins ?? plan.widgetOrigins;
    element.snapshot = snapshot;
    element.results = runReadiness(snapshot, plan).results.filter((r) => r.area === 'TS');
    element.orgContext = ORG_CONTEXT;
    element.connected = options.connected ?? false;
    document.body.appendChild(element);
    return { element, root: element.shadowRoot as ShadowRoot };
}

function button(root: ShadowRoot, label: string): any {
    return Array.from(root.querySelectorAll('lightning-button')).find((b: any) => b.label === label);
}

function editor(root: ShadowRoot): any {
    return root.querySelector('c-miaw-origin-editor');
}

describe('c-miaw-trusted-sites-step', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        delete (window as any).JSZip;
    });

    it('shows each origin as Covered or Missing for CORS, and proposes no Trusted URL for a widget origin', async () => {
        const { element, root } = render();
        const rows = Array.from(editor(root).shadowRoot.querySelectorAll('tr.origin-row') as NodeListOf<Element>);
        const row = (origin: string) => rows.find((r) => text(r).includes(origin))!;
        expect(text(row('https://www.acme-outdoor.example').querySelector('[data-coverage="cors"]'))).toBe('Covered');
        expect(text(row('https://shop.acme-outdoor.example').querySelector('[data-coverage="cors"]'))).toBe('Missing');
        // A Trusted URL widens the CSP of Salesforce pages only: an external site's own origin never needs one.
        expect(row('https://shop.acme-outdoor.example').querySelector('[data-coverage="csp"]')).toBeNull();
        // The help center on Experience Cloud (TS-03 fails) is what needs a Trusted URL: the messaging service's.
        expect(text(root.querySelector('.missing-summary'))).toBe(
            'Missing: 2 CORS allowlist entries and 1 Trusted URL (CSP Trusted Site).'
        );
        expect(text(root.querySelector('.scrt-note'))).toContain(
            'The messaging service URL https://acme.my.salesforce-scrt.com needs a Trusted URL with connect-src'
        );
        await expect(element).toBeAccessible();
    });

    it('offers Create missing entries only when the app is connected', () => {
        expect(button(render().root, 'Create missing entries')).toBeUndefined();
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        expect(button(render({ connected: true }).root, 'Create missing entries')).toBeDefined();
    });

    it('downloads a zip with package.xml and one file per missing entry', async () => {
        mocked(loadScript).mockImplementation(() => {
            (window as any).JSZip = JSZip;
            return Promise.resolve();
        });
        // jsdom cannot navigate; the click on the download link is what starts the download in a browser.
        const linkClick = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
        const { root } = render();
        button(root, 'Download fix (zip)').click();
        await flush();
        await flush();
        expect(loadScript).toHaveBeenCalledTimes(1);
        expect(linkClick).toHaveBeenCalledTimes(1);
        linkClick.mockRestore();
        const link = root.querySelector('a.zip-link') as HTMLAnchorElement;
        expect(link.getAttribute('download')).toBe('miaw-trusted-sites.zip');
        const zip = await JSZip.loadAsync(link.href.replace('data:application/zip;base64,', ''), { base64: true });
        expect(
            Object.keys(zip.files)
                .filter((p) => !zip.files[p].dir)
                .sort()
        ).toEqual([
            'README.txt',
            'corsWhitelistOrigins/Miaw_Cors_shop_acme_outdoor_example.corsWhitelistOrigin-meta.xml',
            'corsWhitelistOrigins/Miaw_Cors_staging_acme_outdoor_example.corsWhitelistOrigin-meta.xml',
            'cspTrustedSites/Miaw_Csp_acme_my_salesforce_scrt_com.cspTrustedSite-meta.xml',
            'package.xml'
        ]);
        expect(await zip.file('package.xml').async('string')).toContain('<name>CorsWhitelistOrigin</name>');
        expect(text(root.querySelector('.zip-message'))).toContain('miaw-trusted-sites.zip is ready');
    });

    it('says in words when the zip library cannot load', async () => {
        mocked(loadScript).mockRejectedValue(new Error('static resource not found'));
        const { root } = render();
        button(root, 'Download fix (zip)').click();
        await flush();
        expect(text(root.querySelector('.zip-message'))).toBe(
            'The zip could not be made: static resource not found. Use "Copy metadata" instead.'
        );
    });

    it('copies the metadata, or shows it to copy by hand when the clipboard is blocked', async () => {
        const writeText = jest.fn().mockResolvedValue(undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        const { root } = render();
        button(root, 'Copy metadata').click();
        await flush();
        expect(writeText.mock.calls[0][0]).toContain('<urlPattern>https://shop.acme-outdoor.example</urlPattern>');
        expect(text(root.querySelector('.copy-message'))).toBe('Metadata for 5 files copied to the clipboard.');

        writeText.mockRejectedValue(new Error('denied'));
        button(root, 'Copy metadata').click();
        await flush();
        expect(text(root.querySelector('.copy-message'))).toContain('Select the text below and copy it');
        expect((root.querySelector('lightning-textarea') as any).value).toContain('<!-- package.xml -->');
    });

    it('lists exactly what Create will add, and Cancel adds nothing', async () => {
        const { element, root } = render({ connected: true });
        button(root, 'Create missing entries').click();
        await flush();
        const dialog = root.querySelector('section[role="dialog"]')!;
        expect(Array.from(dialog.querySelectorAll('li.confirm-item')).map(text)).toEqual([
            'CORS allowlist entry Miaw_Cors_shop_acme_outdoor_example for https://shop.acme-outdoor.example',
            'CORS allowlist entry Miaw_Cors_staging_acme_outdoor_example for https://staging.acme-outdoor.example',
            'Trusted URL Miaw_Csp_acme_my_salesforce_scrt_com for https://acme.my.salesforce-scrt.com (connect-src)'
        ]);
        await expect(element).toBeAccessible();
        button(root, 'Cancel').click();
        await flush();
        expect(root.querySelector('section[role="dialog"]')).toBeNull();
        expect(createTrustedSites).not.toHaveBeenCalled();
    });

    it('is a modal for the keyboard: focus moves in, Tab wraps, Escape closes and focus returns to the opener', async () => {
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const { root } = render({ connected: true });
        const opener = root.querySelector('.create-button');
        button(root, 'Create missing entries').click();
        await flush();
        const dialog = root.querySelector('section[role="dialog"]')!;
        expect(dialog.getAttribute('aria-modal')).toBe('true');
        // Labelled by its heading (LWC rewrites the ids, and aria-labelledby with them).
        expect(dialog.getAttribute('aria-labelledby')).toBe(dialog.querySelector('h2')!.id);
        expect(text(dialog.querySelector('h2'))).toBe('Create missing entries');
        expect((dialog.querySelector('.dialog-close') as any).alternativeText).toBe('Close: create nothing');
        // Focus moved in: to Cancel, the safe choice.
        expect(focus.mock.instances.at(-1)).toBe(dialog.querySelector('.dialog-cancel'));

        // Tab on the last control wraps to the first; Shift+Tab on the first wraps to the last.
        const tab = (shiftKey: boolean) => {
            const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
            dialog.dispatchEvent(event);
            return event;
        };
        (dialog.querySelector('.dialog-create') as HTMLElement).focus();
        jest.spyOn(root as any, 'activeElement', 'get').mockReturnValue(dialog.querySelector('.dialog-create'));
        expect(tab(false).defaultPrevented).toBe(true);
        expect(focus.mock.instances.at(-1)).toBe(dialog.querySelector('.dialog-close'));
        jest.spyOn(root as any, 'activeElement', 'get').mockReturnValue(dialog.querySelector('.dialog-close'));
        expect(tab(true).defaultPrevented).toBe(true);
        expect(focus.mock.instances.at(-1)).toBe(dialog.querySelector('.dialog-create'));

        dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
        await flush();
        expect(root.querySelector('section[role="dialog"]')).toBeNull();
        expect(focus.mock.instances.at(-1)).toBe(opener);
        expect(createTrustedSites).not.toHaveBeenCalled();
        focus.mockRestore();
    });

    it('creates the listed entries, shows each outcome and asks the parent to re-check', async () => {
        mocked(createTrustedSites).mockResolvedValue([
            { kind: 'cors', origin: 'https://shop.acme-outdoor.example', developerName: 'Miaw_shop' },
            {
                kind: 'cors',
                origin: 'https://staging.acme-outdoor.example',
                error: 'Duplicate value on https://staging.acme-outdoor.example'
            }
        ]);
        const { element, root } = render({ connected: true });
        const created = jest.fn();
        element.addEventListener('trustedsitescreated', created);
        button(root, 'Create missing entries').click();
        await flush();
        button(root, 'Create').click();
        await flush();
        expect(createTrustedSites).toHaveBeenCalledWith({
            cors: ['https://shop.acme-outdoor.example', 'https://staging.acme-outdoor.example'],
            csp: ['https://acme.my.salesforce-scrt.com']
        });
        expect(Array.from(root.querySelectorAll('li.outcome')).map(text)).toEqual([
            'Created CORS allowlist entry Miaw_shop for https://shop.acme-outdoor.example.',
            'Not created: CORS allowlist entry for https://staging.acme-outdoor.example: Duplicate value on https://staging.acme-outdoor.example'
        ]);
        expect(created).toHaveBeenCalledTimes(1);
    });

    it('shows an Apex error in words', async () => {
        mocked(createTrustedSites).mockRejectedValue({ body: { message: 'Insufficient access to CORS allowlist' } });
        const { root } = render({ connected: true });
        button(root, 'Create missing entries').click();
        await flush();
        button(root, 'Create').click();
        await flush();
        expect(text(root.querySelector('.create-error'))).toBe(
            'The entries could not be created: Insufficient access to CORS allowlist'
        );
    });

    it('passes origin edits up and explains unread allowlists', async () => {
        const snapshot = demoSnapshot('needs-work');
        snapshot.cspTrustedSites = { state: 'unavailable', reason: 'needs API access', items: [] };
        const { root, element } = render({ snapshot });
        expect(text(root.querySelector('.section-note'))).toContain(
            'The Trusted URLs (CSP Trusted Sites) could not be read (needs API access)'
        );
        const changed = jest.fn();
        element.addEventListener('originschange', changed);
        editor(root).dispatchEvent(new CustomEvent('originschange', { detail: { origins: [] } }));
        expect(changed.mock.calls[0][0].detail.origins).toEqual([]);
    });

    it('says all is covered when nothing is missing', () => {
        const { root } = render({ snapshot: demoSnapshot('ready'), origins: demoPlan('ready').widgetOrigins });
        expect(text(root.querySelector('.all-covered'))).toContain('Every widget origin is on the CORS allowlist');
        expect(button(root, 'Download fix (zip)')).toBeUndefined();
    });
});
