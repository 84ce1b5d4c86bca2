import { createElement } from '@lwc/engine-dom';
import MiawRunHistory from 'c/miawRunHistory';
import { getRun, listRuns } from 'c/miawSetupAssistantApi';
import type { SavedRun } from 'c/miawSetupAssistantApi';
import { demoReport, flushPromises, savedRun } from '../../miawReadinessReport/__tests__/fixtures';

jest.mock('c/miawSetupAssistantApi', () => ({
    listRuns: jest.fn(),
    getRun: jest.fn(),
    errorMessage: jest.requireActual('c/miawSetupAssistantApi').errorMessage
}));

const mocked = (fn: unknown) => fn as jest.Mock;
const $ = (el: HTMLElement, selector: string) => el.shadowRoot!.querySelector(selector) as any;
const $$ = (el: HTMLElement, selector: string) => Array.from(el.shadowRoot!.querySelectorAll(selector)) as any[];

type HistoryElement = HTMLElement & { selectedRunId: string; refresh(): Promise<void> };

function mount(): HistoryElement {
    const element = createElement('c-miaw-run-history', { is: MiawRunHistory }) as unknown as HistoryElement;
    document.body.appendChild(element);
    return element;
}

/** An older failing run and a newer one where one failure was fixed and one is new. */
function twoRuns(): { older: SavedRun; newer: SavedRun } {
    const report = demoReport('needs-work');
    const failing = report.results.filter((r) => r.status === 'fail');
    const [fixedOne, ...stillFailing] = failing;
    const newlyFailing = report.results.find((r) => r.status === 'pass')!;
    const older = savedRun(report, { runAt: '2026-11-19T09:00:00.000Z' });
    const newer = savedRun(report, {
        runAt: '2026-11-20T09:00:00.000Z',
        isSignedOff: true,
        signedOffByName: 'Grace Lead',
        signedOffAt: '2026-11-20T12:00:00.000Z',
        results: report.results.map((r) => {
            if (r === fixedOne) return { ...r, status: 'pass' as const };
            if (r === newlyFailing) return { ...r, status: 'fail' as const };
            return { ...r };
        })
    });
    expect(stillFailing.length).toBeGreaterThan(0);
    return { older, newer };
}

describe('c-miaw-run-history', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('lists saved runs newest first with date, verdict and sign-off', async () => {
        const { older, newer } = twoRuns();
        mocked(listRuns).mockResolvedValue([older, newer]);
        const element = mount();
        await flushPromises();

        expect($(element, 'h2').textContent).toBe('Run history');
        const rows = $$(element, 'tr.run-row');
        expect(rows.map((r) => r.querySelector('button.run-select').textContent.trim())).toEqual([
            newer.name,
            older.name
        ]);
        expect(rows[0].textContent).toContain('Not ready');
        expect(rows[0].textContent).toMatch(/Signed off by Grace Lead on .*2026/);
        expect(rows[1].textContent).toContain('Not signed off');
        await expect(element).toBeAccessible();
    });

    it('labels each of the three verdicts in words, incomplete never in the ready colour', async () => {
        const report = demoReport('ready');
        mocked(listRuns).mockResolvedValue([
            // Saved without API access: 29 results could not be read.
            savedRun(report, { runAt: '2026-11-20T09:00:00.000Z', verdict: 'incomplete', notEvaluated: 29 }),
            savedRun(report, { runAt: '2026-11-19T09:00:00.000Z', verdict: 'ready', notEvaluated: 0 })
        ]);
        const element = mount();
        await flushPromises();
        const badges = $$(element, 'tr.run-row span.slds-badge');
        expect(badges.map((b) => b.textContent)).toEqual(['Incomplete: 29 not evaluated', 'Ready']);
        expect(badges[0].className).toContain('slds-theme_warning');
        expect(badges[1].className).toContain('slds-theme_success');
    });

    it('shows a loading spinner, then an empty state', async () => {
        let resolve: (runs: SavedRun[]) => void = () => undefined;
        mocked(listRuns).mockReturnValue(new Promise((r) => (resolve = r)));
        const element = mount();
        await Promise.resolve();
        expect($(element, 'lightning-spinner').alternativeText).toBe('Loading run history');
        resolve([]);
        await flushPromises();
        expect($(element, 'lightning-spinner')).toBeNull();
        expect($(element, '.empty').textContent).toContain('No saved runs yet');
        await expect(element).toBeAccessible();
    });

    it('says why the history failed to load and retries', async () => {
        mocked(listRuns).mockRejectedValueOnce({ body: { message: 'Insufficient access to Miaw_Readiness_Run__c' } });
        const element = mount();
        await flushPromises();
        expect($(element, '.load-error').textContent).toContain(
            'The run history could not be loaded: Insufficient access to Miaw_Readiness_Run__c'
        );
        await expect(element).toBeAccessible();
        mocked(listRuns).mockResolvedValueOnce([savedRun(demoReport('ready'))]);
        $(element, '.load-error lightning-button').click();
        await flushPromises();
        expect($(element, '.load-error')).toBeNull();
        expect($$(element, 'tr.run-row')).toHaveLength(1);
    });

    it('asks the page to show the selected run', async () => {
        const { older, newer } = twoRuns();
        mocked(listRuns).mockResolvedValue([newer, older]);
        const element = mount();
        const handler = jest.fn();
        element.addEventListener('runselect', handler);
        await flushPromises();

        $$(element, 'button.run-select')[1].click();
        await flushPromises();
        expect(handler.mock.calls[0][0].detail).toEqual({ runId: older.recordId });
        expect($$(element, 'button.run-select')[1].getAttribute('aria-pressed')).toBe('true');
        // The oldest run has nothing before it.
        expect($(element, 'lightning-button.compare').disabled).toBe(true);
        expect($(element, '.no-previous').textContent).toContain('oldest saved run');
    });

    it('compares the selected run with the one saved before it', async () => {
        const { older, newer } = twoRuns();
        mocked(listRuns).mockResolvedValue([older, newer]);
        mocked(getRun).mockImplementation(async (id: string) => (id === newer.recordId ? newer : older));
        const element = mount();
        element.selectedRunId = newer.recordId;
        await flushPromises();

        const compare = $(element, 'lightning-button.compare');
        expect(compare.label).toBe('Compare with previous');
        expect(compare.disabled).toBe(false);
        compare.click();
        await flushPromises();

        expect(getRun).toHaveBeenCalledWith(newer.recordId);
        expect(getRun).toHaveBeenCalledWith(older.recordId);
        const lists = $$(element, '.comparison [data-list]');
        const heading = (key: string) => lists.find((l) => l.dataset.list === key).querySelector('h3').textContent;
        const items = (key: string) =>
            lists.find((l) => l.dataset.list === key).querySelectorAll('li').length as number;
        const failingBefore = older.results!.filter((r) => r.status === 'fail').length;
        expect(heading('new')).toBe('New failures (1)');
        expect(heading('fixed')).toBe('Fixed (1)');
        expect(heading('unchanged')).toBe(`Unchanged (${failingBefore - 1})`);
        expect(items('new')).toBe(1);
        expect(items('unchanged')).toBe(failingBefore - 1);
        expect($(element, '.comparison').textContent).toContain(`${newer.name} compared with ${older.name}`);
        await expect(element).toBeAccessible();
    });

    it('says why a comparison failed', async () => {
        const { older, newer } = twoRuns();
        mocked(listRuns).mockResolvedValue([older, newer]);
        mocked(getRun).mockRejectedValue(new Error('Run not found: it may have been deleted.'));
        const element = mount();
        element.selectedRunId = newer.recordId;
        await flushPromises();
        $(element, 'lightning-button.compare').click();
        await flushPromises();
        expect($(element, '.compare-error').textContent).toBe(
            'The runs could not be compared: Run not found: it may have been deleted.'
        );
    });

    it('reads the list again on refresh', async () => {
        mocked(listRuns).mockResolvedValueOnce([]);
        const element = mount();
        await flushPromises();
        mocked(listRuns).mockResolvedValueOnce([savedRun(demoReport('ready'))]);
        await element.refresh();
        await flushPromises();
        expect(listRuns).toHaveBeenCalledTimes(2);
        expect($$(element, 'tr.run-row')).toHaveLength(1);
        expect($$(element, 'tr.run-row')[0].textContent).toContain('Ready');
    });
});
