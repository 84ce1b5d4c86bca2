import { createElement } from '@lwc/engine-dom';
import MiawReadinessReport from 'c/miawReadinessReport';
import {
    attest,
    getRun,
    listRuns,
    loadOrgContext,
    loadSetupPlan,
    loadSnapshot,
    saveRun,
    signOff
} from 'c/miawSetupAssistantApi';
import type { SavedRun } from 'c/miawSetupAssistantApi';
import { loadScript } from 'lightning/platformResourceLoader';
import { CSV_FIELDS } from 'c/miawCsvExport';
import { parseSetupPlan } from 'c/miawReadinessEngine';
import type { Demo } from './fixtures';
import { confirmed, demoInputs, demoReport, flushPromises, savedPlan, savedRun } from './fixtures';

jest.mock('c/miawSetupAssistantApi', () => ({
    loadSnapshot: jest.fn(),
    loadSetupPlan: jest.fn(),
    loadOrgContext: jest.fn(),
    saveRun: jest.fn(),
    attest: jest.fn(),
    signOff: jest.fn(),
    listRuns: jest.fn(),
    getRun: jest.fn(),
    errorMessage: jest.requireActual('c/miawSetupAssistantApi').errorMessage
}));

// Rendering the demo reports and the accessibility scan of a whole page take seconds in jsdom.
jest.setTimeout(30000);

const mocked = (fn: unknown) => fn as jest.Mock;
const Papa = require('papaparse');

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector) as any;
const $$ = (el: Element, selector: string) => Array.from(el.shadowRoot!.querySelectorAll(selector)) as any[];
const list = (el: Element) => $(el, 'c-miaw-result-list');
const history = (el: Element) => $(el, 'c-miaw-run-history');
const button = (el: Element, label: string) => $$(el, 'lightning-button').find((b) => b.label === label);

const ORG = {
    organizationId: '00D5e000000AcmeEAQ',
    organizationName: 'Acme Outdoor',
    myDomainUrl: 'https://acme-outdoor.my.salesforce.com',
    scrtUrl: 'https://acme-outdoor.my.salesforce-scrt.com',
    isSandbox: false
};

function serveDemo(demo: Demo) {
    mocked(loadSnapshot).mockImplementation(async () => demoInputs(demo).snapshot);
    mocked(loadSetupPlan).mockResolvedValue(savedPlan(demo));
    mocked(loadOrgContext).mockResolvedValue(ORG);
}

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-miaw-readiness-report', { is: MiawReadinessReport });
    document.body.appendChild(element);
    await flushPromises();
    await flushPromises();
    return element;
}

/** Saves the live run; the server answers with the run and its results. */
async function saveLiveRun(element: HTMLElement, demo: Demo, overrides: Partial<SavedRun> = {}): Promise<SavedRun> {
    const run = savedRun(demoReport(demo), overrides);
    mocked(saveRun).mockResolvedValue(run);
    mocked(listRuns).mockResolvedValue([run]);
    button(element, 'Save run').click();
    await flushPromises();
    await flushPromises();
    return run;
}

/** The verdict banner (c-miaw-verdict-banner, shared with Guided Setup's review step). */
function inBanner(element: HTMLElement, selector: string) {
    return $(element, 'c-miaw-verdict-banner')?.shadowRoot.querySelector(selector) ?? null;
}

function allInBanner(element: HTMLElement, selector: string) {
    return Array.from($(element, 'c-miaw-verdict-banner')?.shadowRoot.querySelectorAll(selector) ?? []) as any[];
}

/** A result row's own part (each row draws its result with c-miaw-result-item). */
function rowPart(element: HTMLElement, checkId: string, selector: string) {
    const row = $$(list(element), 'li.result-row').find((li) => li.dataset.checkId === checkId);
    return row?.querySelector('c-miaw-result-item').shadowRoot.querySelector(selector);
}

function confirmBox(element: HTMLElement, checkId: string) {
    return rowPart(element, checkId, 'lightning-input.confirm');
}

function allConfirmBoxes(element: HTMLElement) {
    return $$(list(element), 'c-miaw-result-item')
        .map((item) => item.shadowRoot.querySelector('lightning-input.confirm'))
        .filter(Boolean);
}

const reasons = (element: HTMLElement) => $$(element, '.sign-off-reason').map((li) => li.textContent);

/**
 * A run that may be signed off: every manual result confirmed, and the blockers the metadata-only demo could
 * not evaluate read in the org (as a connected run has them).
 */
function allConfirmed<T extends { status: string; severity: string }>(results: readonly T[]): T[] {
    return results.map((r) => {
        if (r.status === 'manual') return { ...r, attestedByName: 'Ada Admin', attestedAt: '2026-11-20T10:40:00.000Z' };
        if (r.status === 'not_evaluated' && r.severity === 'blocker') return { ...r, status: 'pass' };
        return r;
    });
}

describe('c-miaw-readiness-report', () => {
    beforeEach(() => {
        mocked(listRuns).mockResolvedValue([]);
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
        delete (window as unknown as { Papa?: unknown }).Papa;
    });

    it('shows a spinner while the org is read', async () => {
        mocked(loadSnapshot).mockReturnValue(new Promise(() => undefined));
        mocked(loadSetupPlan).mockResolvedValue(null);
        const element = await mount();
        expect($(element, 'h1').textContent).toBe('Readiness Report');
        expect($(element, '.loading lightning-spinner').alternativeText).toBe('Running the readiness checks');
        expect($(element, 'c-miaw-result-list')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('runs the checks on open and shows the live verdict of an org that is not ready', async () => {
        serveDemo('needs-work');
        const element = await mount();
        const expected = demoReport('needs-work');

        expect(inBanner(element, '.verdict-text').textContent).toBe('Not ready for go-live');
        const counts = allInBanner(element, '.counts li').map((li) => li.textContent);
        expect(counts).toEqual([
            `${expected.summary.blockers} blockers`,
            `${expected.summary.warnings} warnings`,
            `${expected.summary.passed} passed`,
            `${expected.summary.notEvaluated} not evaluated`,
            `${expected.summary.manual} to confirm`
        ]);
        expect($(element, '.run-context').textContent).toMatch(/^Checked at .+\. Live results, not saved yet\.$/);
        expect(list(element).results).toEqual(expected.results);
        expect(list(element).canAttest).toBe(false);
        for (const label of ['Run checks', 'Save run', 'Export CSV', 'Export JSON', 'Print view', 'Sign off']) {
            expect(button(element, label)).toBeTruthy();
        }
        expect(button(element, 'Sign off').disabled).toBe(true);
        expect($(element, '.sign-off-hint').textContent).toBe('Sign-off is not available yet:');
        const unevaluatedBlockers = expected.results.filter(
            (r) => r.status === 'not_evaluated' && r.severity === 'blocker'
        ).length;
        expect(reasons(element)).toEqual([
            `Not ready: ${expected.summary.blockers} blockers fail`,
            `Incomplete: ${unevaluatedBlockers} blockers not evaluated`,
            `${expected.summary.manual} manual items to confirm`,
            'Save the run first: only a saved run can be confirmed and signed off'
        ]);
        expect($(element, 'lightning-textarea').label).toBe('Sign-off comment');
        await expect(element).toBeAccessible();
    });

    it('shows "Ready for go-live" for the ready org', async () => {
        serveDemo('ready');
        const element = await mount();
        expect(inBanner(element, '.verdict-text').textContent).toBe('Ready for go-live');
        expect(allInBanner(element, '.counts li')[0].textContent).toBe('0 blockers');
        expect(inBanner(element, '.verdict').className).toContain('slds-theme_success');
        await expect(element).toBeAccessible();
    });

    it('is never green when a blocker could not be evaluated: says what is unknown and how to connect', async () => {
        const { snapshot } = demoInputs('ready');
        // as the org reads it without the API connection
        mocked(loadSnapshot).mockImplementation(async () => ({
            ...snapshot,
            flows: { state: 'unavailable', reason: 'unavailable: needs API access', items: [] }
        }));
        mocked(loadSetupPlan).mockResolvedValue(savedPlan('ready'));
        const element = await mount();
        const verdict = inBanner(element, '.verdict-text').textContent as string;
        expect(verdict).toMatch(
            /^Incomplete, not known to be ready for go-live: \d+ blocker checks could not be evaluated \(CH-05, /
        );
        expect(verdict).toContain("Connect the app to the org's API in Guided Setup, step 1, and check again.");
        expect(inBanner(element, '.verdict').className).toContain('slds-theme_warning');
        expect(inBanner(element, '.verdict').className).not.toContain('slds-theme_success');
        await expect(element).toBeAccessible();
    });

    it('lists what the read could not use, naming the object and why, and hides it for a saved run', async () => {
        const { snapshot } = demoInputs('ready');
        mocked(loadSnapshot).mockImplementation(async () => ({
            ...snapshot,
            problems: [
                {
                    file: 'MessagingSession',
                    section: 'sessionSignals',
                    message: 'no permission: MessagingSession (the running user cannot read it)'
                }
            ]
        }));
        mocked(loadSetupPlan).mockResolvedValue(savedPlan('ready'));
        const element = await mount();
        const box = $(element, '.read-problems');
        expect(box.textContent).toContain('1 thing could not be read');
        expect(box.textContent).toContain('MessagingSession (sessionSignals): no permission: MessagingSession');
        await expect(element).toBeAccessible();
        await saveLiveRun(element, 'ready');
        expect($(element, '.read-problems')).toBeNull();
    });

    it('runs with an empty plan when none was saved', async () => {
        mocked(loadSnapshot).mockImplementation(async () => demoInputs('ready').snapshot);
        mocked(loadSetupPlan).mockResolvedValue(null);
        const element = await mount();
        expect(inBanner(element, '.verdict-text')).not.toBeNull();
        mocked(saveRun).mockResolvedValue(savedRun(demoReport('ready')));
        button(element, 'Save run').click();
        await flushPromises();
        expect(saveRun).toHaveBeenCalledWith(expect.objectContaining({ schemaVersion: 2 }), undefined);
        expect($(element, '.action-error')).toBeNull();
    });

    it('says in words why the org could not be read, and retries', async () => {
        mocked(loadSnapshot).mockRejectedValueOnce({
            body: { message: 'You do not have access to MiawSnapshotController' }
        });
        mocked(loadSetupPlan).mockResolvedValue(null);
        const element = await mount();
        expect($(element, '.load-error').textContent).toContain(
            'The org could not be read: You do not have access to MiawSnapshotController'
        );
        expect(inBanner(element, '.verdict')).toBeNull();
        await expect(element).toBeAccessible();

        serveDemo('ready');
        $(element, '.load-error lightning-button').click();
        await flushPromises();
        await flushPromises();
        expect($(element, '.load-error')).toBeNull();
        expect(inBanner(element, '.verdict-text').textContent).toBe('Ready for go-live');
    });

    it('names the saved plan when it cannot be read', async () => {
        mocked(loadSnapshot).mockImplementation(async () => demoInputs('ready').snapshot);
        mocked(loadSetupPlan).mockRejectedValue(new Error('plan.routing must be "flow" or "queue"'));
        const element = await mount();
        expect($(element, '.load-error').textContent).toContain(
            'The saved setup plan could not be read: plan.routing must be "flow" or "queue"'
        );
    });

    it('"Run checks" reads the org again', async () => {
        serveDemo('needs-work');
        const element = await mount();
        expect(inBanner(element, '.verdict-text').textContent).toBe('Not ready for go-live');
        serveDemo('ready');
        button(element, 'Run checks').click();
        await flushPromises();
        await flushPromises();
        expect(loadSnapshot).toHaveBeenCalledTimes(2);
        expect(inBanner(element, '.verdict-text').textContent).toBe('Ready for go-live');
    });

    it('"Save run" stores the report, then shows the saved run as the current one', async () => {
        serveDemo('needs-work');
        const element = await mount();
        const run = await saveLiveRun(element, 'needs-work');

        expect(saveRun).toHaveBeenCalledWith(demoReport('needs-work'), savedPlan('needs-work').recordId);
        expect($(element, '.run-context').textContent).toMatch(new RegExp(`^Saved run ${run.name} from .+2026`));
        expect(button(element, 'Save run').disabled).toBe(true);
        // Saved, but blockers fail: Sign off stays disabled and the short list says why, before any click.
        expect(button(element, 'Sign off').disabled).toBe(true);
        expect(reasons(element)[0]).toMatch(/^Not ready: \d+ blockers fail$/);
        expect(list(element).canAttest).toBe(true);
        expect(listRuns).toHaveBeenCalledTimes(2);
        expect(history(element).selectedRunId).toBe(run.recordId);
        await expect(element).toBeAccessible();
    });

    it('says why a run was not saved', async () => {
        serveDemo('needs-work');
        const element = await mount();
        mocked(saveRun).mockRejectedValue({ body: { pageErrors: [{ message: 'Storage limit exceeded' }] } });
        button(element, 'Save run').click();
        await flushPromises();
        expect($(element, '.action-error').textContent).toBe('The run was not saved: Storage limit exceeded');
        expect($(element, '.run-context').textContent).toContain('not saved yet');
    });

    it('"Confirm: <title>" records the attestation and shows who confirmed it', async () => {
        serveDemo('needs-work');
        const element = await mount();
        const run = await saveLiveRun(element, 'needs-work');
        const confirmedRun: SavedRun = {
            ...run,
            results: confirmed(run.results!, 'GL-03', 'Ada Admin', '2026-11-20T10:45:00.000Z')
        };
        mocked(attest).mockResolvedValue(confirmedRun);

        const box = confirmBox(element, 'GL-03');
        expect(box.label).toBe(`Confirm: ${run.results!.find((r) => r.checkId === 'GL-03')!.title}`);
        box.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flushPromises();
        await flushPromises();

        expect(attest).toHaveBeenCalledWith(run.recordId, 'GL-03', 'go-live', '');
        expect(rowPart(element, 'GL-03', '.confirmed-by').textContent).toMatch(/^Confirmed by Ada Admin on /);
        expect(confirmBox(element, 'GL-03').disabled).toBe(true);
        expect(allInBanner(element, '.counts li')[4].textContent).toBe(`${run.manual - 1} to confirm`);
    });

    it('says why a confirmation was refused and unticks it', async () => {
        serveDemo('needs-work');
        const element = await mount();
        await saveLiveRun(element, 'needs-work');
        mocked(attest).mockRejectedValue({ body: { message: 'The run is signed off and cannot change.' } });
        const box = confirmBox(element, 'GL-02');
        box.checked = true;
        box.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flushPromises();
        await flushPromises();
        expect($(element, '.action-error').textContent).toMatch(
            /^".+" was not confirmed: The run is signed off and cannot change\.$/
        );
        expect(confirmBox(element, 'GL-02').checked).toBe(false);
    });

    it('"Sign off" is disabled with the reasons listed on an incomplete run', async () => {
        const report = demoReport('ready');
        const waiting = {
            status: 'not_evaluated' as const,
            message: 'Not evaluated: Embedded Service deployments are unavailable: needs API access.',
            remediation: "Connect the app to the org's API (Guided Setup, step 1) so it can read them."
        };
        const snapshotless = report.results.map((r) => {
            if (r.checkId !== 'DP-01') return r;
            return { ...r, ...waiting };
        });
        serveDemo('ready');
        const element = await mount();
        const run = savedRun({ ...report, results: snapshotless }, { verdict: 'incomplete' });
        mocked(saveRun).mockResolvedValue(run);
        button(element, 'Save run').click();
        await flushPromises();
        await flushPromises();
        expect(button(element, 'Sign off').disabled).toBe(true);
        const shown = reasons(element);
        expect(shown[0]).toMatch(/^Incomplete: \d+ blockers? not evaluated — connect the app to the org's API/);
        expect(shown[1]).toMatch(/^\d+ manual items to confirm$/);
        expect(shown.join(' ').length).toBeLessThan(200);
        expect(inBanner(element, '.verdict-text').textContent).toMatch(
            /^Incomplete, not known to be ready for go-live/
        );
        await expect(element).toBeAccessible();
    });

    it('"Sign off" refused by the server all the same: shows its reason', async () => {
        serveDemo('ready');
        const element = await mount();
        await saveLiveRun(element, 'ready', { results: allConfirmed(demoReport('ready').results) });
        expect(reasons(element)).toEqual([]);
        expect(button(element, 'Sign off').disabled).toBe(false);
        mocked(signOff).mockRejectedValue({
            body: { message: 'The configuration changed since this run was saved: run the checks again.' }
        });
        button(element, 'Sign off').click();
        await flushPromises();
        expect($(element, '.sign-off-error').textContent).toBe(
            'Sign-off refused: The configuration changed since this run was saved: run the checks again.'
        );
        expect($(element, '.signed-off')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('"Sign off" succeeds: the run becomes read-only and says who signed it off', async () => {
        serveDemo('ready');
        const element = await mount();
        const run = await saveLiveRun(element, 'ready', { results: allConfirmed(demoReport('ready').results) });
        mocked(signOff).mockResolvedValue({
            ...run,
            results: undefined,
            isSignedOff: true,
            signedOffByName: 'Grace Lead',
            signedOffAt: '2026-11-20T12:00:00.000Z',
            signOffComment: 'Go-live approved'
        });
        $(element, 'lightning-textarea').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Go-live approved' } })
        );
        button(element, 'Sign off').click();
        await flushPromises();
        await flushPromises();

        expect(signOff).toHaveBeenCalledWith(run.recordId, 'Go-live approved');
        expect($(element, '.signed-off').textContent).toMatch(/^Signed off by Grace Lead on .+2026/);
        expect($(element, '.sign-off-comment').textContent).toBe('Go-live approved');
        expect($(element, 'lightning-textarea')).toBeNull();
        expect(button(element, 'Sign off')).toBeUndefined();
        expect(list(element).canAttest).toBe(false);
        expect(list(element).results).toHaveLength(run.results!.length);
        expect(allConfirmBoxes(element).every((b) => b.disabled)).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows a run from the history as that run, with its sign-off and drift warning', async () => {
        serveDemo('needs-work');
        const signed = savedRun(demoReport('ready'), {
            name: 'RUN-000007',
            runAt: '2026-10-01T08:00:00.000Z',
            isSignedOff: true,
            signedOffByName: 'Grace Lead',
            signedOffAt: '2026-10-01T09:00:00.000Z',
            driftDetectedAt: '2026-11-02T06:00:00.000Z',
            driftSummary: 'corsEntries, queues'
        });
        mocked(listRuns).mockResolvedValue([signed]);
        mocked(getRun).mockResolvedValue(signed);
        const element = await mount();
        expect(inBanner(element, '.verdict-text').textContent).toBe('Not ready for go-live');

        $(history(element), 'button.run-select').click();
        await flushPromises();
        await flushPromises();

        expect(getRun).toHaveBeenCalledWith(signed.recordId);
        expect($(element, '.run-context').textContent).toMatch(/^Saved run RUN-000007 from .+2026.*not a new check/);
        expect(inBanner(element, '.verdict-text').textContent).toBe('Ready for go-live');
        expect($(element, '.signed-off').textContent).toMatch(/^Signed off by Grace Lead on /);
        expect($(element, '.drift').textContent).toContain(
            'The configuration changed after this run was signed off (changed: corsEntries, queues)'
        );
        expect(button(element, 'Save run').disabled).toBe(true);
        await expect(element).toBeAccessible();

        // Back to the live results: the saved run's label and warning go with it.
        button(element, 'Back to the live results').click();
        await flushPromises();
        expect($(element, '.run-context').textContent).toContain('Live results, not saved yet.');
        expect($(element, '.drift')).toBeNull();
        expect(inBanner(element, '.verdict-text').textContent).toBe('Not ready for go-live');
    });

    it('says why a saved run could not be opened', async () => {
        serveDemo('ready');
        const run = savedRun(demoReport('ready'));
        mocked(listRuns).mockResolvedValue([run]);
        mocked(getRun).mockRejectedValue(new Error('Run not found'));
        const element = await mount();
        $(history(element), 'button.run-select').click();
        await flushPromises();
        expect($(element, '.action-error').textContent).toBe('The saved run could not be opened: Run not found');
        expect($(element, '.run-context').textContent).toContain('Live results');
    });

    describe('export', () => {
        let blobs: Blob[];
        let downloads: string[];
        let click: jest.SpyInstance;

        beforeEach(() => {
            blobs = [];
            downloads = [];
            Object.assign(URL, {
                createObjectURL: jest.fn((blob: Blob) => {
                    blobs.push(blob);
                    return `blob:https://example.com/${blobs.length}`;
                }),
                revokeObjectURL: jest.fn()
            });
            click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
                this: HTMLAnchorElement
            ) {
                downloads.push(this.download);
            });
        });

        afterEach(() => click.mockRestore());

        const read = (blob: Blob): Promise<string> =>
            new Promise((resolve) => {
                const reader = new FileReader();
                reader.onload = () => resolve(String(reader.result));
                reader.readAsText(blob);
            });

        it('"Export CSV" loads papaparse and downloads one row per result', async () => {
            serveDemo('needs-work');
            (loadScript as jest.Mock).mockImplementation(async () => {
                (window as unknown as { Papa: unknown }).Papa = Papa;
            });
            const unparse = jest.spyOn(Papa, 'unparse');
            const element = await mount();
            button(element, 'Export CSV').click();
            await flushPromises();

            const report = demoReport('needs-work');
            expect(loadScript).toHaveBeenCalled();
            expect(unparse).toHaveBeenCalledTimes(1);
            const [input] = unparse.mock.calls[0] as [{ fields: string[]; data: string[][] }];
            expect(input.fields).toEqual(CSV_FIELDS);
            expect(input.data).toHaveLength(report.results.length);
            expect(downloads[0]).toMatch(/^miaw-readiness-\d{4}-\d{2}-\d{2}\.csv$/);
            const csv = await read(blobs[0]);
            const parsed = Papa.parse(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
            expect(parsed.data).toHaveLength(report.results.length);
            // every row says which org, which run and what the verdict rests on
            for (const row of parsed.data as Record<string, string>[]) {
                expect(row).toMatchObject({
                    'Org ID': ORG.organizationId,
                    'Org name': 'Acme Outdoor',
                    'My Domain': ORG.myDomainUrl,
                    'Run ID': 'not saved',
                    'Run verdict': 'not_ready',
                    'Tool version': expect.stringMatching(/^MIAW Setup Assistant \d+\.\d+\.\d+$/)
                });
                expect(JSON.parse(row['Setup plan']).widgetOrigins.length).toBeGreaterThan(0);
            }
            unparse.mockRestore();
        });

        it('says so when the CSV library cannot load', async () => {
            serveDemo('ready');
            (loadScript as jest.Mock).mockRejectedValue(new Error('Failed to load script'));
            const element = await mount();
            button(element, 'Export CSV').click();
            await flushPromises();
            expect($(element, '.action-error').textContent).toBe('The CSV export failed: Failed to load script');
            expect(downloads).toEqual([]);
        });

        it('"Export JSON" downloads the CLI shape', async () => {
            serveDemo('needs-work');
            const element = await mount();
            button(element, 'Export JSON').click();
            await flushPromises();
            expect(downloads[0]).toMatch(/^miaw-readiness-\d{4}-\d{2}-\d{2}\.json$/);
            expect(blobs[0].type).toBe('application/json');
            const json = JSON.parse(await read(blobs[0]));
            const report = demoReport('needs-work');
            expect(json).toMatchObject({ schemaVersion: 2, summary: report.summary });
            expect(json.results).toHaveLength(report.results.length);
            expect(json.org).toEqual({ id: ORG.organizationId, name: 'Acme Outdoor', myDomain: ORG.myDomainUrl });
            expect(json.run).toMatchObject({ saved: false, verdictLabel: expect.stringMatching(/^Not ready: /) });
            expect(json.run).not.toHaveProperty('id');
            expect(parseSetupPlan(json.plan)).toEqual(demoInputs('needs-work').plan);
        });

        it('"Export JSON" of a saved run names the run and is dated by it', async () => {
            serveDemo('ready');
            const element = await mount();
            const run = await saveLiveRun(element, 'ready', { runAt: '2026-11-20T10:30:00.000Z' });
            button(element, 'Export JSON').click();
            await flushPromises();
            const json = JSON.parse(await read(blobs[0]));
            expect(json.run).toMatchObject({
                id: run.recordId,
                name: run.name,
                saved: true,
                runByName: 'Ada Admin',
                checkedAt: '2026-11-20T10:30:00.000Z'
            });
            expect(json.summary.verdict).toBe('ready');
            expect(downloads[0]).toMatch(new RegExp(`^miaw-readiness-2026-11-2\\d-${run.name}\\.json$`));
        });

        it('exports without the org block when the org context cannot be read, and the report still runs', async () => {
            serveDemo('ready');
            mocked(loadOrgContext).mockRejectedValue({ body: { message: 'No access' } });
            const element = await mount();
            expect($(element, '.load-error')).toBeNull();
            button(element, 'Export JSON').click();
            await flushPromises();
            const json = JSON.parse(await read(blobs[0]));
            expect(json).not.toHaveProperty('org');
            expect(json.run.saved).toBe(false);
        });
    });

    it('"Print view" switches to the print layout and prints', async () => {
        serveDemo('needs-work');
        const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
        const element = await mount();
        button(element, 'Print view').click();
        await flushPromises();

        expect(print).toHaveBeenCalledTimes(1);
        expect(list(element).printMode).toBe(true);
        expect($(element, '.actions')).toBeNull();
        expect($(element, 'c-miaw-run-history')).toBeNull();
        expect($(element, 'lightning-textarea')).toBeNull();
        // failures first, passes counted instead of listed
        const notPassing = demoReport('needs-work').results.filter((r) => r.status !== 'pass');
        expect($$(list(element), 'li.result-row')).toHaveLength(notPassing.length);
        expect(inBanner(element, '.verdict-text').textContent).toBe('Not ready for go-live');
        await expect(element).toBeAccessible();

        button(element, 'Exit print view').click();
        await flushPromises();
        expect(list(element).printMode).toBe(false);
        expect(button(element, 'Run checks')).toBeTruthy();
        expect(print).toHaveBeenCalledTimes(1);
        print.mockRestore();
    });
});
