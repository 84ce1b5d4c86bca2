/*
 * c-miaw-snippet-check: paste, Check, read what the admin reads — the values the org expects beside the pasted
 * ones, and WEB-01..09 through the app's result list — for a correct snippet, a broken one, a bare snippet, the
 * legacy Chat snippet and a page whose <meta> policy blocks the widget. The org is the bundled "ready" demo as the
 * preview serves it (org Id and My Domain of tools/preview/prepareData.ts).
 */
import { createElement } from '@lwc/engine-dom';
import MiawSnippetCheck, {
    EMPTY_HTML_ERROR,
    PAGE_ADDRESS_ERROR,
    STORAGE_KEY,
    resetDraftForTests
} from 'c/miawSnippetCheck';
import type { OrgContext } from 'c/miawSetupAssistantApi';
import { demoPlan, demoSnapshot } from '../../miawGuidedSetup/__tests__/demoFixtures';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const CONTEXT: OrgContext = {
    organizationId: '00D5e000000AcmeEAQ',
    organizationName: 'Acme Outdoor',
    myDomainUrl: 'https://acme-outdoor.my.salesforce.com',
    scrtUrl: 'https://acme-outdoor.my.salesforce-scrt.com',
    siteUrl: 'https://acme-outdoor.my.site.com',
    isSandbox: false
};
const SITE = 'https://acme-outdoor.my.site.com/ESWAcmeWebChat17302856409121';

/** The code snippet as Setup generates it for the ready demo's deployment. */
function snippet(options: { orgId?: string; deployment?: string; brokenOnload?: boolean } = {}): string {
    const init = `embeddedservice_bootstrap.init(
                '${options.orgId ?? '00D5e000000AcmeEAQ'}',
                '${options.deployment ?? 'Acme_Web_Chat'}',
                '${SITE}',
                { scrt2URL: 'https://acme-outdoor.my.salesforce-scrt.com' }
            );`;
    // the broken copy calls init at the top level instead of inside the function onload calls
    const body = options.brokenOnload
        ? `function initEmbeddedMessaging() {
            embeddedservice_bootstrap.settings.language = 'en_US';
        }
        ${init}`
        : `function initEmbeddedMessaging() {
            try {
                embeddedservice_bootstrap.settings.language = 'en_US';
                ${init}
            } catch (err) {
                console.error('Error loading Embedded Messaging: ', err);
            }
        };`;
    return `<script type='text/javascript'>
        ${body}
</script>
<script type='text/javascript' src='${SITE}/assets/js/bootstrap.min.js' onload='initEmbeddedMessaging()'></script>`;
}

const LEGACY = `<script type='text/javascript' src='https://service.force.com/embeddedservice/5.0/esw.min.js'></script>
<script type='text/javascript'>
    embedded_svc.init('https://acme-outdoor.my.salesforce.com', 'https://acme-outdoor.my.site.com/liveAgentSetupFlow',
        'https://service.force.com', '00D5e000000AcmeEAQ', 'Acme_Chat', {});
</script>`;

function render(options: { context?: OrgContext | null } = {}) {
    const element = createElement('c-miaw-snippet-check', { is: MiawSnippetCheck }) as any;
    element.snapshot = demoSnapshot('ready');
    element.plan = demoPlan('ready');
    element.orgContext = options.context === undefined ? CONTEXT : options.context;
    document.body.appendChild(element);
    return { element, root: element.shadowRoot as ShadowRoot };
}

/** The result list inside the app's step-checks component (c-miaw-step-checks → c-miaw-result-list). */
function resultList(root: ShadowRoot): ShadowRoot | null {
    const checks = root.querySelector('c-miaw-step-checks') as any;
    return checks ? (checks.shadowRoot.querySelector('c-miaw-result-list')?.shadowRoot ?? null) : null;
}

/** Opens the result areas the list starts closed (an all-pass area does), as the admin would by clicking. */
async function openAreas(root: ShadowRoot): Promise<void> {
    const list = resultList(root);
    if (!list) return;
    for (const toggle of Array.from(list.querySelectorAll('button.area-toggle[aria-expanded="false"]'))) {
        (toggle as HTMLElement).click();
    }
    await flush();
}

async function paste(root: ShadowRoot, html: string, address = ''): Promise<void> {
    root.querySelector('lightning-textarea')!.dispatchEvent(new CustomEvent('change', { detail: { value: html } }));
    root.querySelector('lightning-input.page-address')!.dispatchEvent(
        new CustomEvent('change', { detail: { value: address } })
    );
    await flush();
    (root.querySelector('lightning-button.check-button') as HTMLElement).click();
    await flush();
    await openAreas(root);
}

/** The results as the admin reads them: status, heading, subject, message and fix of each c-miaw-result-item. */
function results(
    root: ShadowRoot
): { status: string; heading: string; subject: string; message: string; fix: string }[] {
    const list = resultList(root);
    if (!list) return [];
    return Array.from(list.querySelectorAll('c-miaw-result-item')).map((item: any) => {
        const r = item.shadowRoot as ShadowRoot;
        return {
            status: text(r.querySelector('.status-label')),
            heading: text(r.querySelector('.result-title')),
            subject: text(r.querySelector('.result-subject')).replace(/^— /, ''),
            message: text(r.querySelector('.result-message')),
            fix: text(r.querySelector('.result-fix'))
        };
    });
}

const result = (root: ShadowRoot, id: string) => {
    const found = results(root).filter((r) => r.heading.startsWith(`${id} `));
    expect(found).toHaveLength(1);
    return found[0];
};

function comparison(root: ShadowRoot, key: string) {
    const row = root.querySelector(`tr[data-value="${key}"]`)!;
    return {
        expected: text(row.querySelector('.expected')),
        pasted: text(row.querySelector('.pasted')),
        state: text(row.querySelector('.comparison-text')),
        icon: (row.querySelector('lightning-icon') as any).iconName
    };
}

describe('c-miaw-snippet-check', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        window.sessionStorage.clear();
        resetDraftForTests();
    });

    it('says next to the field that there is nothing to check when Check is clicked on an empty paste', async () => {
        const { element, root } = render();
        await paste(root, '   ');
        expect(text(root.querySelector('.html-error'))).toBe(EMPTY_HTML_ERROR);
        expect(root.querySelector('.html-error')!.getAttribute('role')).toBe('alert');
        // the error sits right after the field it is about
        expect(root.querySelector('lightning-textarea')!.nextElementSibling).toBe(root.querySelector('.html-error'));
        expect(root.querySelector('c-miaw-step-checks')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('refuses a page address that is not https, next to the field, and keeps what was pasted', async () => {
        const { root } = render();
        await paste(root, snippet(), 'http://www.acme-outdoor.example/help');
        expect(text(root.querySelector('.address-error'))).toBe(PAGE_ADDRESS_ERROR);
        expect(root.querySelector('c-miaw-step-checks')).toBeNull();
        expect((root.querySelector('lightning-textarea') as any).value).toBe(snippet());
        await paste(root, snippet(), 'https://www.acme-outdoor.example/help');
        expect(root.querySelector('.address-error')).toBeNull();
        expect(root.querySelector('c-miaw-step-checks')).not.toBeNull();
    });

    it('passes the correct bare snippet on a page on the CORS allowlist, every value matching the org', async () => {
        const { element, root } = render();
        await paste(root, snippet(), 'https://www.acme-outdoor.example/help');
        for (const key of ['org', 'deployment', 'site', 'scrt']) {
            expect(comparison(root, key)).toMatchObject({ state: 'Matches', icon: 'utility:success' });
        }
        expect(comparison(root, 'deployment')).toMatchObject({ expected: 'Acme_Web_Chat', pasted: 'Acme_Web_Chat' });
        expect(comparison(root, 'site').expected).toContain('ESW_Acme_Web_Chat_17302856409121');
        expect(text(root.querySelector('.comparison-summary'))).toBe('Every value matches what the org expects.');
        for (const id of ['WEB-01', 'WEB-02', 'WEB-03', 'WEB-04', 'WEB-05', 'WEB-07', 'WEB-09']) {
            expect(result(root, id)).toMatchObject({
                status: 'Pass',
                subject: 'https://www.acme-outdoor.example/help'
            });
        }
        expect(result(root, 'WEB-01').message).toMatch(/^The pasted HTML has the script tag for/);
        // the snippet alone says nothing of where it sits on the page
        expect(result(root, 'WEB-06').status).toBe('Not evaluated');
        expect(result(root, 'WEB-06').fix).toContain("Paste the whole page's HTML");
        // the HTTP headers are not in a paste: the CSP check does not pass on what it cannot see
        expect(result(root, 'WEB-08').status).toBe('Not evaluated');
        expect(result(root, 'WEB-08').message).toContain('HTTP headers are not in pasted HTML');
        expect(text(root.querySelector('.headers-note'))).toBe(
            'HTTP headers are not in pasted HTML: run the miaw-readiness probe command on the page address (miaw-readiness probe <url>) to read them.'
        );
        await expect(element).toBeAccessible();
    });

    it('fails WEB-03 on a wrong deployment name and WEB-02 on init outside onload, and marks the value that differs', async () => {
        const { element, root } = render();
        await paste(root, snippet({ deployment: 'Acme_Chat_Sandbox', brokenOnload: true }));
        const deployment = comparison(root, 'deployment');
        expect(deployment).toMatchObject({
            expected: 'Acme_Web_Chat',
            pasted: 'Acme_Chat_Sandbox',
            state: 'Differs',
            icon: 'utility:error'
        });
        expect(root.querySelector('tr[data-value="deployment"]')!.className).toContain('comparison-row_problem');
        expect(comparison(root, 'org').state).toBe('Matches');
        expect(text(root.querySelector('.comparison-summary'))).toBe('1 value differs from what the org expects.');

        const web03 = result(root, 'WEB-03');
        expect(web03).toMatchObject({ status: 'Fail', subject: 'Pasted HTML' });
        expect(web03.message).toContain(
            'The snippet names the deployment "Acme_Chat_Sandbox", which does not exist in the org'
        );
        expect(web03.message).toContain('Acme_Web_Chat');
        expect(web03.fix).toContain('Code Snippet');
        const web02 = result(root, 'WEB-02');
        expect(web02.status).toBe('Fail');
        expect(web02.message).toContain('embeddedservice_bootstrap.init is not inside a function of that name');
        // no page address: the checks that need it say so instead of guessing
        for (const id of ['WEB-07', 'WEB-09']) {
            expect(result(root, id).status).toBe('Not evaluated');
            expect(result(root, id).message).toContain('add the page address');
        }
        expect(text(root.querySelector('.address-note'))).toContain('add the page address');
        await expect(element).toBeAccessible();
    });

    it('marks an org Id from another org, and a value missing from the paste', async () => {
        const { root } = render();
        const html = snippet({ orgId: '00D3x000001SbxEAQ' }).replace(/,\s*\{ scrt2URL: '[^']*' \}/, '');
        await paste(root, html);
        expect(comparison(root, 'org')).toMatchObject({ pasted: '00D3x000001SbxEAQ', state: 'Differs' });
        expect(comparison(root, 'scrt')).toMatchObject({ pasted: 'Not in what you pasted', icon: 'utility:warning' });
        expect(result(root, 'WEB-04').status).toBe('Fail');
        expect(result(root, 'WEB-04').message).toContain("is not this org's (00D5e000000AcmeEAQ)");
    });

    it("shows the org's values as not known, and compares nothing, when the org details could not be read", async () => {
        const { element, root } = render({ context: null });
        element.orgContextError = 'Insufficient access';
        await paste(root, snippet());
        expect(comparison(root, 'org')).toMatchObject({
            expected: 'Not known: the org details could not be read (Insufficient access).',
            state: "Not compared: the org's value is not known"
        });
        // the deployment is still known from the snapshot and the plan
        expect(comparison(root, 'deployment').state).toBe('Matches');
    });

    it('reads a full page, and fails WEB-08 when its <meta> policy blocks the widget', async () => {
        const { root } = render();
        const page = `<!doctype html><html><head>
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'">
            </head><body><h1>Help</h1>${snippet()}</body></html>`;
        await paste(root, page, 'https://www.acme-outdoor.example/help');
        const fails = results(root).filter((r) => r.heading.startsWith('WEB-08 ') && r.status.startsWith('Fail'));
        expect(fails.map((r) => r.subject)).toEqual(
            expect.arrayContaining([
                'https://www.acme-outdoor.example/help — script https://acme-outdoor.my.site.com/ESWAcmeWebChat17302856409121/assets/js/bootstrap.min.js'
            ])
        );
        expect(fails[0].fix).toContain('check again');
        expect(result(root, 'WEB-06').status).toBe('Pass');
    });

    it('fails WEB-01 on the legacy Chat snippet, saying it was retired', async () => {
        const { root } = render();
        await paste(root, LEGACY);
        const web01 = result(root, 'WEB-01');
        expect(web01.status).toBe('Fail');
        expect(web01.message).toContain('legacy Chat snippet');
        expect(web01.fix).toContain('Enhanced Chat code snippet');
        expect(result(root, 'WEB-03').status).toBe('Not evaluated');
        expect(comparison(root, 'deployment').state).toBe('Not in what you pasted');
    });

    it('keeps the pasted text and its results when the step is left and shown again, and stores it in the tab only', async () => {
        const first = render();
        await paste(first.root, snippet({ deployment: 'Acme_Chat_Sandbox' }));
        document.body.removeChild(first.element);
        expect(JSON.parse(window.sessionStorage.getItem(STORAGE_KEY)!)).toMatchObject({ checked: true });

        const again = render();
        await flush();
        expect((again.root.querySelector('lightning-textarea') as any).value).toContain('Acme_Chat_Sandbox');
        expect(result(again.root, 'WEB-03').status).toBe('Fail');
    });

    it('says the results are for the earlier text once the admin edits it, until Check is clicked again', async () => {
        const { root } = render();
        await paste(root, snippet({ deployment: 'Acme_Chat_Sandbox' }));
        expect(root.querySelector('.changed-note')).toBeNull();
        root.querySelector('lightning-textarea')!.dispatchEvent(
            new CustomEvent('change', { detail: { value: snippet() } })
        );
        await flush();
        expect(text(root.querySelector('.changed-note'))).toContain('these results are for the earlier text');
        (root.querySelector('lightning-button.check-button') as HTMLElement).click();
        await flush();
        expect(root.querySelector('.changed-note')).toBeNull();
        expect(result(root, 'WEB-03').status).toBe('Pass');
    });

    it('keeps typed text that was never checked, without showing results for it', async () => {
        const first = render();
        first.root
            .querySelector('lightning-textarea')!
            .dispatchEvent(new CustomEvent('change', { detail: { value: '<script>half typed' } }));
        document.body.removeChild(first.element);
        const again = render();
        await flush();
        expect((again.root.querySelector('lightning-textarea') as any).value).toBe('<script>half typed');
        expect(again.root.querySelector('c-miaw-step-checks')).toBeNull();
    });

    it('keeps the text in memory when the browser refuses session storage', async () => {
        const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new Error('QuotaExceededError');
        });
        const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
            throw new Error('SecurityError');
        });
        try {
            const first = render();
            await paste(first.root, snippet());
            document.body.removeChild(first.element);
            const again = render();
            await flush();
            expect((again.root.querySelector('lightning-textarea') as any).value).toBe(snippet());
        } finally {
            setItem.mockRestore();
            getItem.mockRestore();
        }
    });
});
