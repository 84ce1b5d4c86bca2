import { createElement } from '@lwc/engine-dom';
import MiawResultList from 'c/miawResultList';
import type { ReportResult } from 'c/miawReportModel';
import { INITIAL_ROW_BUDGET, PAGE_SIZE } from 'c/miawReportModel';
import { confirmed, demoReport, flushPromises, syntheticReport } from '../../miawReadinessReport/__tests__/fixtures';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: any) =>
        class extends Base {
            [Navigate](pageReference: unknown) {
                mockNavigate(pageReference);
            }
            [GenerateUrl]() {
                return Promise.resolve('');
            }
        };
    NavigationMixin.Navigate = Navigate;
    NavigationMixin.GenerateUrl = GenerateUrl;
    return { NavigationMixin, CurrentPageReference: jest.fn() };
});

// The accessibility scan of a long list takes seconds in jsdom.
jest.setTimeout(30000);

type ListElement = HTMLElement & {
    results: ReportResult[];
    canAttest: boolean;
    attestationHint: string;
    printMode: boolean;
    attestFailed(checkId: string, subject: string): void;
};

function mount(results: ReportResult[], props: Partial<ListElement> = {}): ListElement {
    const element = createElement('c-miaw-result-list', { is: MiawResultList }) as unknown as ListElement;
    Object.assign(element, props);
    element.results = results;
    document.body.appendChild(element);
    return element;
}

const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector) as any;
const $$ = (el: HTMLElement, selector: string) => Array.from(el.shadowRoot!.querySelectorAll(selector)) as any[];
const rowIds = (el: HTMLElement) => $$(el, 'li.result-row').map((n) => n.dataset.checkId);
/** Inside one row: each row draws its result with c-miaw-result-item. */
const inRow = (li: Element, selector: string) =>
    (li.querySelector('c-miaw-result-item') as any).shadowRoot.querySelector(selector) as any;
const rowText = (li: Element) =>
    ((li.querySelector('c-miaw-result-item') as any).shadowRoot.textContent as string).replace(/\s+/g, ' ');
/** Every confirm box of the list, with the check ID of its row. */
const confirmBoxes = (el: HTMLElement) =>
    $$(el, 'li.result-row')
        .map((li) => ({ checkId: li.dataset.checkId, box: inRow(li, 'lightning-input.confirm') }))
        .filter((b) => b.box);

function change(target: HTMLElement, detail: Record<string, unknown>) {
    target.dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-miaw-result-list', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows each failing result with its message, fix and an Open in Setup button, failing areas open', async () => {
        const report = demoReport('needs-work');
        const element = mount(report.results);
        await flushPromises();

        const failing = report.results.filter((r) => r.status === 'fail');
        const ts01 = failing.find((r) => r.checkId === 'TS-01')!;
        const row = $$(element, 'li.result-row').find(
            (li) => li.dataset.checkId === 'TS-01' && rowText(li).includes(ts01.subject)
        );
        expect(inRow(row, '.result-message').textContent).toBe(ts01.message);
        expect(inRow(row, '.result-fix').textContent).toContain(ts01.remediation);
        const open = inRow(row, 'button.open-setup');
        expect(open.textContent.trim()).toBe('Open in Setup');
        // The visible text stays short; the accessible name says which page, for which result.
        expect(open.getAttribute('aria-label')).toBe(`Open in Setup (CORS) for TS-01 ${ts01.title} — ${ts01.subject}`);

        const toggles = $$(element, 'button.area-toggle');
        // The demo is small: every area that needs attention fits the first view.
        const openAreas = toggles.filter((b) => b.getAttribute('aria-expanded') === 'true').map((b) => b.dataset.area);
        const failingAreas = [...new Set([...failing.map((r) => r.area), 'GL'])];
        expect(openAreas.sort()).toEqual(failingAreas.sort());
        expect($(element, '.shown-count').textContent).toBe(
            `${report.results.length} of ${report.results.length} results match the filters`
        );
        await expect(element).toBeAccessible();
    });

    it('opens the exact Setup page of a failing result', async () => {
        const report = demoReport('needs-work');
        const element = mount(report.results);
        await flushPromises();
        const opened = jest.fn();
        element.addEventListener('opensetup', opened);
        const row = $$(element, 'li.result-row').find((li) => inRow(li, 'button.open-setup'));
        const button = inRow(row, 'button.open-setup');
        const expected = report.results.find(
            (r) => r.checkId === row.dataset.checkId && rowText(row).includes(r.message)
        )!;
        button.click();
        expect(opened).toHaveBeenCalledTimes(1);
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__webPage',
            attributes: { url: expected.setupPath }
        });
        expect(expected.setupPath).toMatch(/^\/lightning\/setup\//);
    });

    it('filters by severity and by status', async () => {
        const report = demoReport('needs-work');
        const element = mount(report.results);
        await flushPromises();

        change($(element, 'lightning-combobox.severity-filter'), { value: 'blocker' });
        await flushPromises();
        const blockerIds = new Set(report.results.filter((r) => r.severity === 'blocker').map((r) => r.checkId));
        expect(rowIds(element).length).toBeGreaterThan(0);
        expect(rowIds(element).every((id: string) => blockerIds.has(id))).toBe(true);

        change($(element, 'lightning-combobox.status-filter'), { value: 'fail' });
        await flushPromises();
        expect(rowIds(element)).toHaveLength(report.summary.blockers);

        change($(element, 'lightning-combobox.severity-filter'), { value: 'all' });
        change($(element, 'lightning-combobox.status-filter'), { value: 'manual' });
        await flushPromises();
        expect(rowIds(element)).toHaveLength(report.summary.manual);
        // every manual item has its box, except GL-01: the deploy-and-test checklist in Guided Setup confirms it
        expect(confirmBoxes(element)).toHaveLength(report.summary.manual - 1);
        expect(confirmBoxes(element).map((b) => b.checkId)).not.toContain('GL-01');
    });

    it('searches once typing pauses', async () => {
        jest.useFakeTimers();
        const report = demoReport('needs-work');
        const element = mount(report.results);
        await Promise.resolve();
        const before = rowIds(element).length;

        change($(element, 'lightning-input.search'), { value: 'staging.acme' });
        await Promise.resolve();
        expect(rowIds(element)).toHaveLength(before);

        jest.advanceTimersByTime(300);
        await Promise.resolve();
        const expected = report.results.filter((r) =>
            [r.checkId, r.title, r.subject, r.message, r.remediation].join(' ').toLowerCase().includes('staging.acme')
        );
        expect(expected.length).toBeGreaterThan(0);
        expect(rowIds(element)).toHaveLength(expected.length);
        expect($$(element, 'li.result-row').every((li) => rowText(li).toLowerCase().includes('staging.acme'))).toBe(
            true
        );
    });

    it('says when nothing matches and clears the filters', async () => {
        jest.useFakeTimers();
        const report = demoReport('ready');
        const element = mount(report.results);
        await Promise.resolve();
        change($(element, 'lightning-input.search'), { value: 'no such thing anywhere' });
        jest.advanceTimersByTime(300);
        await Promise.resolve();
        expect($(element, '.no-match').textContent).toContain('No results match the filters.');
        expect(rowIds(element)).toHaveLength(0);

        $(element, '.no-match lightning-button').click();
        await Promise.resolve();
        expect($(element, '.no-match')).toBeNull();
        expect($$(element, 'section.slds-section')).not.toHaveLength(0);
    });

    it('opens and closes an area', async () => {
        const report = demoReport('ready');
        const element = mount(report.results);
        await flushPromises();
        const preRows = () => rowIds(element).filter((id: string) => id.startsWith('PRE-'));
        // Nothing fails in the ready org: only the areas with items to confirm start open.
        expect(preRows()).toHaveLength(0);
        expect(new Set(rowIds(element).map((id: string) => id.split('-')[0]))).toEqual(new Set(['DP', 'GL']));
        const pre = $$(element, 'button.area-toggle').find((b) => b.dataset.area === 'PRE');
        expect(pre.getAttribute('aria-expanded')).toBe('false');
        pre.click();
        await flushPromises();
        expect(pre.getAttribute('aria-expanded')).toBe('true');
        expect(preRows().length).toBe(report.results.filter((r) => r.area === 'PRE').length);
        pre.click();
        await flushPromises();
        expect(preRows()).toHaveLength(0);
    });

    it('keeps the DOM bounded with 1,000 results: at most 50 rows per area until "Show more"', async () => {
        const report = syntheticReport(1000);
        const element = mount(report.results);
        await flushPromises();

        const sections = $$(element, 'section.slds-section');
        expect(sections.length).toBe(10);
        for (const section of sections) {
            expect(section.querySelectorAll('li.result-row').length).toBeLessThanOrEqual(PAGE_SIZE);
        }
        // Areas past the first view's budget start closed and only show their counts.
        expect($$(element, 'li.result-row').length).toBeLessThanOrEqual(INITIAL_ROW_BUDGET);
        const closed = $$(element, 'button.area-toggle').filter((b) => b.getAttribute('aria-expanded') === 'false');
        expect(closed.length).toBeGreaterThan(0);
        expect(closed[0].textContent).toMatch(/\d+ results, \d+ failing/);

        const open = sections.find((s) => s.querySelector('lightning-button.show-more'));
        const area = open.dataset.area;
        const inArea = report.results.filter((r) => r.area === area).length;
        const more = open.querySelector('lightning-button.show-more');
        expect(more.label).toBe(`Show more (${inArea - PAGE_SIZE} more in ${more.label.split(' in ')[1]}`);
        more.click();
        await flushPromises();
        const after = $$(element, 'section.slds-section').find((s) => s.dataset.area === area);
        expect(after.querySelectorAll('li.result-row').length).toBe(Math.min(inArea, 2 * PAGE_SIZE));
    });

    it('lets a saved run confirm a manual item and reports it to the page', async () => {
        const report = demoReport('needs-work');
        const element = mount(report.results, { canAttest: true });
        const handler = jest.fn();
        element.addEventListener('attest', handler);
        await flushPromises();

        const box = confirmBoxes(element).find((b) => b.checkId === 'GL-03')!.box;
        const gl03 = report.results.find((r) => r.checkId === 'GL-03')!;
        expect(box.label).toBe(`Confirm: ${gl03.title}`);
        expect(box.disabled).toBe(false);
        box.checked = true;
        change(box, { checked: true });
        await flushPromises();
        expect(handler).toHaveBeenCalledTimes(1);
        expect(handler.mock.calls[0][0].detail).toEqual({ checkId: 'GL-03', subject: 'go-live' });
        expect(box.disabled).toBe(true);

        element.attestFailed('GL-03', 'go-live');
        await flushPromises();
        expect(box.checked).toBe(false);
        expect(box.disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('keeps the areas the admin opened open when a confirmation comes back (same results, new objects)', async () => {
        const report = demoReport('ready');
        const element = mount(report.results, { canAttest: true });
        await flushPromises();
        const toggle = (area: string) => $$(element, 'button.area-toggle').find((b) => b.dataset.area === area);
        // The admin opens an area that starts closed and closes one that starts open.
        toggle('PRE').click();
        toggle('DP').click();
        await flushPromises();
        expect(toggle('PRE').getAttribute('aria-expanded')).toBe('true');
        expect(toggle('DP').getAttribute('aria-expanded')).toBe('false');
        const glRowsBefore = rowIds(element).filter((id: string) => id.startsWith('GL-')).length;

        // The page stores the confirmation and hands the list the run again, GL-01 now confirmed.
        element.results = confirmed(report.results, 'GL-03', 'Ada Admin', '2026-11-20T11:00:00.000Z');
        await flushPromises();
        expect(toggle('PRE').getAttribute('aria-expanded')).toBe('true');
        expect(toggle('DP').getAttribute('aria-expanded')).toBe('false');
        expect(toggle('GL').getAttribute('aria-expanded')).toBe('true');
        expect(rowIds(element).filter((id: string) => id.startsWith('GL-'))).toHaveLength(glRowsBefore);

        // Another run is new state: its areas open by what needs attention again.
        element.results = demoReport('needs-work').results;
        await flushPromises();
        expect(toggle('PRE').getAttribute('aria-expanded')).toBe('true');
        expect(toggle('GL').getAttribute('aria-expanded')).toBe('true');
    });

    it('keeps confirmations read-only on a live or signed-off run and shows who confirmed', async () => {
        const report = demoReport('needs-work');
        const results = confirmed(report.results, 'GL-02', 'Grace Lead', '2026-11-20T11:00:00.000Z');
        const element = mount(results, { canAttest: false, attestationHint: 'Save the run to confirm this item.' });
        await flushPromises();
        const boxes = confirmBoxes(element);
        expect(boxes.every((b) => b.box.disabled)).toBe(true);
        const gl02 = $$(element, 'li.result-row').find((li) => li.dataset.checkId === 'GL-02');
        expect(inRow(gl02, 'lightning-input.confirm').checked).toBe(true);
        expect(inRow(gl02, '.confirmed-by').textContent).toMatch(/^Confirmed by Grace Lead on .*2026/);
        const gl03 = $$(element, 'li.result-row').find((li) => li.dataset.checkId === 'GL-03');
        expect(inRow(gl03, '.attest-hint').textContent).toBe('Save the run to confirm this item.');
    });

    it('groups results that need API access under one instruction', async () => {
        const report = demoReport('ready');
        const waiting = {
            status: 'not_evaluated' as const,
            message: 'Not evaluated: Embedded Service deployments are unavailable: needs API access.',
            remediation: "Connect the app to the org's API (Guided Setup, step 1) so it can read them."
        };
        const results = report.results.map((r, i) => {
            if (i >= 3) return r;
            return { ...r, ...waiting };
        });
        const element = mount(results);
        await flushPromises();
        const note = $(element, '.api-access');
        expect(note.textContent).toContain('3 results could not be evaluated');
        expect(note.textContent).toContain('Connect the credential in Guided Setup');
    });

    it('prints every result that is not a pass, no buttons or filters, and counts the passes', async () => {
        const report = syntheticReport(300);
        const notPassing = report.results.filter((r) => r.status !== 'pass').length;
        const element = mount(report.results, { printMode: true });
        await flushPromises();
        expect($$(element, 'li.result-row')).toHaveLength(notPassing);
        expect($$(element, 'lightning-button')).toHaveLength(0);
        expect($$(element, 'button')).toHaveLength(0);
        expect($$(element, 'li.result-row').filter((li) => inRow(li, 'button'))).toHaveLength(0);
        expect($(element, 'lightning-combobox')).toBeNull();
        expect($(element, '.shown-count').textContent).toBe(
            `All 300 results: ${notPassing} listed, failures first; ${300 - notPassing} passed (counted per area, not listed)`
        );
    });

    it('prints the needs-work demo failures first: blocker areas lead, passes only counted, headings spaced', async () => {
        const report = demoReport('needs-work');
        const element = mount(report.results, { printMode: true });
        await flushPromises();
        const rows = $$(element, 'li.result-row');
        expect(rows.length).toBe(report.results.filter((r) => r.status !== 'pass').length);
        expect(rows.some((row: HTMLElement) => row.textContent?.includes('Pass'))).toBe(false);
        const titles = $$(element, '.print-title').map((t: HTMLElement) => t.textContent);
        // "Prerequisites (5 results, …)": the title and its counts are one string, with the space
        for (const title of titles) expect(title).toMatch(/^[A-Z].*[^ (] \(\d+ results?[,)]/);
        // areas with a failing blocker come before any area without one
        const areas: string[] = $$(element, 'section[data-area]').map((s: HTMLElement) => s.dataset.area ?? '');
        const withBlocker = new Set(
            report.results.filter((r) => r.status === 'fail' && r.severity === 'blocker').map((r) => r.area)
        );
        const firstWithout = areas.findIndex((a: string) => !withBlocker.has(a as never));
        expect(areas.slice(firstWithout).some((a: string) => withBlocker.has(a as never))).toBe(false);
        // an area where everything passed shows its count and no rows
        const empty = $$(element, 'section[data-area]').filter((s: HTMLElement) => !s.querySelector('li.result-row'));
        for (const section of empty) {
            expect(section.querySelector('.print-title').textContent).toMatch(
                /\((\d+) results?, \1 passed, not listed\)$/
            );
        }
    });

    it('says so when there are no results', async () => {
        const element = mount([]);
        await flushPromises();
        expect($(element, '.empty').textContent).toBe('No results to show.');
        await expect(element).toBeAccessible();
    });
});
