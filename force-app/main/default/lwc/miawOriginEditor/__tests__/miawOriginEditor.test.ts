import { createElement } from '@lwc/engine-dom';
import MiawOriginEditor from 'c/miawOriginEditor';
import type { WidgetOrigin } from 'c/miawReadinessEngine';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

const WWW: WidgetOrigin = { origin: 'https://www.acme.example', environment: 'production', environmentSource: 'plan' };

function render(origins: WidgetOrigin[] = [], coverage: unknown[] = []) {
    const element = createElement('c-miaw-origin-editor', { is: MiawOriginEditor }) as any;
    element.origins = origins;
    element.coverage = coverage;
    document.body.appendChild(element);
    const changes: WidgetOrigin[][] = [];
    element.addEventListener('originschange', (e: CustomEvent) => changes.push(e.detail.origins));
    return { element, changes, root: element.shadowRoot as ShadowRoot };
}

function byLabel(root: ShadowRoot, selector: string, label: string): any {
    return Array.from(root.querySelectorAll(selector)).find((el: any) => el.label === label);
}

async function type(root: ShadowRoot, value: string) {
    const input = byLabel(root, 'lightning-input', 'Widget origin');
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flush();
}

async function clickButton(root: ShadowRoot, label: string) {
    byLabel(root, 'lightning-button', label).click();
    await flush();
}

describe('c-miaw-origin-editor', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('says why a typed origin cannot be used, as the admin types', async () => {
        const { element, root } = render();
        await type(root, 'https://www.acme.example/contact');
        expect(text(root.querySelector('.origin-error'))).toContain('"https://www.acme.example/contact"');
        expect(text(root.querySelector('.origin-error'))).toMatch(/path/i);
        await type(root, 'https://www.acme.example');
        expect(root.querySelector('.origin-error')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('guesses the environment from the host name and lets the admin change it', async () => {
        const { root, changes } = render();
        await type(root, 'https://staging.acme.example');
        expect(byLabel(root, 'lightning-combobox', 'Environment').value).toBe('staging');
        expect(text(root.querySelector('.environment-hint'))).toContain('guessed from the host name: Staging');
        await clickButton(root, 'Add origin');
        expect(changes[0]).toEqual([
            { origin: 'https://staging.acme.example', environment: 'staging', environmentSource: 'inferred' }
        ]);

        await type(root, 'https://qa-site.acme.example');
        const env = byLabel(root, 'lightning-combobox', 'Environment');
        env.dispatchEvent(new CustomEvent('change', { detail: { value: 'preview' } }));
        await clickButton(root, 'Add origin');
        expect(changes[1][0]).toEqual({
            origin: 'https://qa-site.acme.example',
            environment: 'preview',
            environmentSource: 'plan'
        });
    });

    it('adds the canonical origin and refuses one already in the plan', async () => {
        const { root, changes } = render([WWW]);
        await type(root, 'HTTPS://WWW.Acme.Example:443/');
        expect(text(root.querySelector('.origin-error'))).toBe('https://www.acme.example is already in the plan.');
        await clickButton(root, 'Add origin');
        expect(changes).toHaveLength(0);

        await type(root, 'HTTPS://Shop.Acme.Example/');
        await clickButton(root, 'Add origin');
        expect(changes[0].map((o) => o.origin)).toEqual(['https://www.acme.example', 'https://shop.acme.example']);
    });

    it('adds the origin when Enter is pressed in the field, and names a javascript: URL as the wrong scheme', async () => {
        const { root, changes } = render();
        // eslint-disable-next-line no-script-url -- the input an admin might paste, never run
        await type(root, 'javascript:alert(1)');
        const input = byLabel(root, 'lightning-input', 'Widget origin');
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        await flush();
        expect(changes).toHaveLength(0);
        // Once, under the field (the input's own message is not used as well).
        expect(root.querySelectorAll('.origin-error')).toHaveLength(1);
        expect(root.querySelector('.environment-hint')).toBeNull();
        expect(text(root.querySelector('.origin-error'))).toBe(
            '"javascript:alert(1)" has scheme "javascript": only https:// origins (or http:// for localhost) can be used'
        );

        await type(root, 'https://help.acme.example');
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        await flush();
        expect(changes[0]).toEqual([
            { origin: 'https://help.acme.example', environment: 'production', environmentSource: 'inferred' }
        ]);
        expect(input.value).toBe('');
    });

    it('asks for an origin when Add origin is clicked on an empty box', async () => {
        const { root, changes } = render();
        await clickButton(root, 'Add origin');
        expect(text(root.querySelector('.origin-error'))).toContain('Type the origin of a site');
        expect(changes).toHaveLength(0);
    });

    it('shows each origin with its CORS coverage (no Trusted URL column) and removes it', async () => {
        const shop: WidgetOrigin = {
            origin: 'https://shop.acme.example',
            environment: 'staging',
            environmentSource: 'inferred'
        };
        const { element, root, changes } = render(
            [WWW, shop],
            [
                {
                    input: WWW.origin,
                    cors: 'covered',
                    csp: 'covered',
                    corsBy: ['Acme_WWW'],
                    cspBy: ['Acme'],
                    error: ''
                },
                { input: shop.origin, cors: 'missing', csp: 'unknown', corsBy: [], cspBy: [], error: '' }
            ]
        );
        const rows = Array.from(root.querySelectorAll('tr.origin-row'));
        const cells = (row: Element) => Array.from(row.querySelectorAll('th, td')).map(text).filter(Boolean);
        expect(rows.map(cells)).toEqual([
            ['https://www.acme.example', 'Production', 'Covered'],
            ['https://shop.acme.example', 'Staging (guessed)', 'Missing']
        ]);
        const remove = rows[1].querySelector('lightning-button') as any;
        expect(remove.label).toBe('Remove origin');
        expect(remove.title).toBe('Remove origin https://shop.acme.example');
        remove.click();
        expect(changes[0]).toEqual([WWW]);
        await expect(element).toBeAccessible();
    });

    it('invites the admin to add sites when there are none', () => {
        const { root } = render();
        expect(text(root.querySelector('.no-origins'))).toContain('production, staging and preview');
    });
});
