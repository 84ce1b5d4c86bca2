import {
    CSV_FIELDS,
    buildCsv,
    buildJson,
    csvRows,
    downloadFile,
    exportFileName,
    loadPapa,
    verdictLabel
} from 'c/miawCsvExport';
import type { ExportInput, PapaUnparser } from 'c/miawCsvExport';
import { TOOL_VERSION, parseSetupPlan, runReadiness, toJsonReport } from 'c/miawReadinessEngine';
import { loadScript } from 'lightning/platformResourceLoader';
import type { LightningElement } from 'lwc';
import { demoInputs, demoReport, savedPlan } from '../../miawReadinessReport/__tests__/fixtures';
import { syntheticPlan, syntheticSnapshot } from '../../../../../../bench/syntheticOrg';

const Papa = require('papaparse');

const ORG = {
    organizationId: '00D5e000000AcmeEAQ',
    organizationName: 'Acme Outdoor',
    myDomainUrl: 'https://acme-outdoor.my.salesforce.com'
};

/** What the Readiness Report hands the exports for a live (unsaved) check of a demo. */
function liveInput(demo: 'needs-work' | 'ready'): ExportInput {
    const report = demoReport(demo);
    return {
        summary: report.summary,
        results: report.results,
        checkedAt: new Date('2026-03-02T09:30:00Z'),
        org: ORG,
        run: null,
        plan: { ...savedPlan(demo), plan: demoInputs(demo).plan }
    };
}

/** The sections the in-org read gets only through the API connection, as a read without it leaves them. */
function withoutApiAccess<T extends object>(snapshot: T): T {
    for (const name of ['deployments', 'omniChannelSettings', 'liveMessageSettings', 'flows']) {
        (snapshot as Record<string, unknown>)[name] = {
            state: 'unavailable',
            reason: 'unavailable: needs API access',
            items: []
        };
    }
    return snapshot;
}

/** The ready demo read without the API connection. */
function readyWithoutApi(): ExportInput {
    const { snapshot, plan } = demoInputs('ready');
    const report = runReadiness(withoutApiAccess(snapshot), plan);
    return { ...liveInput('ready'), summary: report.summary, results: report.results };
}

/** The large synthetic org of the preview (about 1,000 results), saved as a run. */
function largeInput(connected = true): ExportInput {
    const { snapshot } = syntheticSnapshot(0.01);
    const report = runReadiness(connected ? snapshot : withoutApiAccess(snapshot), syntheticPlan(50));
    return {
        summary: report.summary,
        results: report.results,
        checkedAt: '2026-03-02T09:30:00.000Z',
        org: {
            organizationId: '00D5e000000BrndEAQ',
            organizationName: 'Brand Portfolio',
            myDomainUrl: 'https://brand-portfolio.my.salesforce.com'
        },
        run: {
            recordId: 'a025e0000000007AAA',
            name: 'RUN-000007',
            runAt: '2026-03-02T09:31:00.000Z',
            runByName: 'Ada Admin',
            isSignedOff: false
        },
        plan: { plan: syntheticPlan(50), lastModifiedDate: '2026-02-27T16:05:00.000Z', lastModifiedByName: 'Ada Admin' }
    };
}

const parseCsv = (csv: string) => Papa.parse(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });

describe('CSV', () => {
    it('writes one row per result with readable columns, through papaparse', () => {
        const input = liveInput('needs-work');
        const unparse = jest.spyOn(Papa, 'unparse');
        const csv = buildCsv(Papa, input);
        expect(unparse).toHaveBeenCalledWith(
            { fields: [...CSV_FIELDS], data: csvRows(input) },
            expect.objectContaining({ escapeFormulae: true })
        );
        unparse.mockRestore();
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const parsed = parseCsv(csv);
        expect(parsed.errors).toEqual([]);
        expect(parsed.data).toHaveLength(input.results.length);
        const firstBlocker = input.results.find((r) => r.status === 'fail' && r.severity === 'blocker');
        const row = parsed.data.find(
            (d: Record<string, string>) =>
                d['Check ID'] === firstBlocker?.checkId && d.Subject === firstBlocker?.subject
        );
        expect(row).toMatchObject({ Status: 'Fail', Severity: 'Blocker', Message: firstBlocker?.message });
    });

    it('carries the org, the run, the time, the tool version, the verdict with its scope and the plan on every row', () => {
        const input = liveInput('needs-work');
        const parsed = parseCsv(buildCsv(Papa, input));
        const rows = parsed.data as Record<string, string>[];
        const first = rows[0];
        expect(first).toMatchObject({
            'Org ID': '00D5e000000AcmeEAQ',
            'Org name': 'Acme Outdoor',
            'My Domain': 'https://acme-outdoor.my.salesforce.com',
            'Run ID': 'not saved',
            'Run name': '',
            'Checked at': '2026-03-02T09:30:00.000Z',
            'Tool version': `MIAW Setup Assistant ${TOOL_VERSION}`,
            'Run verdict': 'not_ready',
            'Run scope': 'metadata'
        });
        expect(first['Verdict detail']).toBe(
            `Not ready: ${input.summary.blockers} blockers fail; 1 more blocker check could not be evaluated: RT-03 (Acme_Order_Support).`
        );
        expect(first['Blockers not evaluated']).toBe('RT-03 (Acme_Order_Support)');
        expect(parseSetupPlan(JSON.parse(first['Setup plan']))).toEqual(demoInputs('needs-work').plan);
        // the same on every row: a sorted or filtered sheet still says which run it is
        const runColumns = CSV_FIELDS.slice(CSV_FIELDS.indexOf('Run verdict'));
        for (const row of rows) for (const column of runColumns) expect(row[column]).toBe(first[column]);
    });

    it("carries the run metadata on each of the large org's 1,000 rows at a bounded size", () => {
        const input = largeInput();
        expect(input.results.length).toBeGreaterThan(900);
        const csv = buildCsv(Papa, input);
        const rows = parseCsv(csv).data as Record<string, string>[];
        expect(rows).toHaveLength(input.results.length);
        expect(rows[rows.length - 1]).toMatchObject({
            'Org ID': '00D5e000000BrndEAQ',
            'Run ID': 'a025e0000000007AAA',
            'Run name': 'RUN-000007',
            'Checked at': '2026-03-02T09:31:00.000Z',
            'Run verdict': input.summary.verdict
        });
        expect(JSON.parse(rows[0]['Setup plan']).widgetOrigins).toHaveLength(50);
        // the repeated plan is the price of one self-describing file; it stays a few megabytes at this size
        expect(csv.length).toBeLessThan(5_000_000);
    });

    it('labels a run checked without API access incomplete, with how many results need it', () => {
        const input = readyWithoutApi();
        expect(input.summary.verdict).toBe('incomplete');
        const rows = parseCsv(buildCsv(Papa, input)).data as Record<string, string>[];
        expect(rows[0]['Run verdict']).toBe('incomplete');
        expect(rows[0]['Verdict detail']).toMatch(
            /^Incomplete, not known to be ready: \d+ blocker checks? could not be evaluated: .+\. Checked without API access: \d+ results could not be evaluated; connect the app to the org's API/
        );
        expect(rows[0]['Blockers not evaluated']).not.toBe('');
    });

    it('keeps commas, quotes and newlines inside a cell and neutralises spreadsheet formulas', () => {
        const input = liveInput('ready');
        const [base] = input.results;
        const tricky = {
            ...base,
            subject: '=HYPERLINK("http://evil.example")',
            message: 'Line one, with "quotes"\nline two'
        };
        const csv = buildCsv(Papa as PapaUnparser, { ...input, results: [tricky] });
        const parsed = parseCsv(csv);
        expect(parsed.data[0].Message).toBe('Line one, with "quotes"\nline two');
        expect(parsed.data[0].Subject.startsWith('=')).toBe(false);
        expect(parsed.data[0].Subject).toContain('HYPERLINK');
    });

    it('adds who confirmed a manual item and when', () => {
        const input = liveInput('ready');
        const manual = input.results.find((r) => r.status === 'manual');
        const rows = csvRows({
            ...input,
            results: [{ ...manual!, attestedByName: 'Ada Admin', attestedAt: '2026-11-20T10:00:00Z' }]
        });
        const at = CSV_FIELDS.indexOf('Confirmed by');
        expect(rows[0].slice(at, at + 2)).toEqual(['Ada Admin', '2026-11-20T10:00:00Z']);
    });

    it("carries each check's evidence and the run verdict on every row", () => {
        const input = liveInput('ready');
        const results = input.results.slice(0, 2);
        const rows = csvRows({ ...input, results });
        const at = CSV_FIELDS.indexOf('Evidence');
        expect(rows.map((r) => r.slice(at, at + 2))).toEqual(results.map((r) => [r.evidence, input.summary.verdict]));
        expect(CSV_FIELDS.slice(at, at + 2)).toEqual(['Evidence', 'Run verdict']);
    });

    it('says where a value too long for a spreadsheet cell is, instead of cutting it', () => {
        const input = liveInput('ready');
        const origins = Array.from({ length: 1200 }, (_, i) => `https://shop-${i}.brand-portfolio.example.com`);
        const plan = parseSetupPlan({ widgetOrigins: origins });
        const rows = csvRows({ ...input, plan: { plan } });
        const cell = rows[0][CSV_FIELDS.indexOf('Setup plan')];
        expect(cell).toBe('Too long for a spreadsheet cell: see plan in the JSON export.');
    });
});

describe('verdict label', () => {
    it('says ready with its scope only when every blocker in scope passed and API access was there', () => {
        const { summary } = demoReport('ready');
        expect(summary.verdict).toBe('ready');
        expect(verdictLabel(summary, 0)).toBe('Ready: every blocker in scope (metadata) was evaluated and passed.');
    });

    it('never says ready for results checked without API access', () => {
        const { summary } = demoReport('ready');
        expect(verdictLabel(summary, 29)).toBe(
            "Incomplete, not known to be ready: Checked without API access: 29 results could not be evaluated; connect the app to the org's API (Guided Setup, step 1) and check again."
        );
    });
});

describe('JSON', () => {
    it('has the CLI shape (the same builder) plus the org, the run and the plan', () => {
        const input = liveInput('needs-work');
        const parsed = JSON.parse(buildJson(input));
        expect(Object.keys(parsed)).toEqual(['schemaVersion', 'tool', 'org', 'run', 'summary', 'plan', 'results']);
        const report = demoReport('needs-work');
        // the CLI's builder on the same report gives the same summary and results
        expect(parsed.summary).toEqual(toJsonReport(report).summary);
        expect(parsed.results).toEqual(toJsonReport(report).results);
        expect(parsed.tool).toEqual({ name: 'MIAW Setup Assistant', version: TOOL_VERSION });
        expect(parsed.org).toEqual({
            id: '00D5e000000AcmeEAQ',
            name: 'Acme Outdoor',
            myDomain: 'https://acme-outdoor.my.salesforce.com'
        });
        expect(parsed.run).toEqual({
            saved: false,
            checkedAt: '2026-03-02T09:30:00.000Z',
            verdictLabel: expect.stringMatching(/^Not ready: /),
            apiAccess: true,
            resultsNeedingApiAccess: 0,
            isSignedOff: false,
            planSource: 'The setup plan saved 2026-11-20T09:00:00.000Z by Ada Admin.'
        });
        expect(parseSetupPlan(parsed.plan)).toEqual(demoInputs('needs-work').plan);
    });

    it('names the saved run, who signed it, and warns when the plan changed after the run', () => {
        const input = liveInput('ready');
        const parsed = JSON.parse(
            buildJson({
                ...input,
                run: {
                    recordId: 'a025e0000000042AAA',
                    name: 'RUN-000042',
                    runAt: '2026-11-20T08:30:00.000Z',
                    runByName: 'Ada Admin',
                    isSignedOff: true,
                    signedOffByName: 'Grace Lead',
                    signedOffAt: '2026-11-20T08:45:00.000Z'
                }
            })
        );
        expect(parsed.run).toMatchObject({
            id: 'a025e0000000042AAA',
            name: 'RUN-000042',
            saved: true,
            checkedAt: '2026-11-20T08:30:00.000Z',
            isSignedOff: true,
            signedOffByName: 'Grace Lead'
        });
        expect(parsed.run.planSource).toContain('It changed after RUN-000042 was saved');
        expect(parsed.schemaVersion).toBe(2);
    });

    it('says the large org checked without API access was not read whole, and keeps attestations', () => {
        const input = largeInput(false);
        const manual = input.results.findIndex((r) => r.status === 'manual');
        const results = [...input.results];
        results[manual] = { ...results[manual], attestedByName: 'Ada Admin', attestedAt: '2026-03-02T09:40:00.000Z' };
        const parsed = JSON.parse(buildJson({ ...input, results }));
        expect(parsed.summary.verdict).toBe('not_ready');
        expect(parsed.run.apiAccess).toBe(false);
        expect(parsed.run.resultsNeedingApiAccess).toBeGreaterThan(0);
        expect(parsed.run.verdictLabel).toMatch(
            /^Not ready: .* Checked without API access: \d+ results could not be evaluated/
        );
        expect(parsed.results).toHaveLength(input.results.length);
        expect(parsed.results[manual]).toMatchObject({ attestedByName: 'Ada Admin' });
    });

    it('leaves the org out when it could not be read, rather than inventing one', () => {
        const parsed = JSON.parse(buildJson({ ...liveInput('ready'), org: null }));
        expect(parsed).not.toHaveProperty('org');
    });
});

describe('file names and download', () => {
    it('dates the file name', () => {
        expect(exportFileName('csv', new Date(2026, 10, 20, 8, 0))).toBe('miaw-readiness-2026-11-20.csv');
        expect(exportFileName('json', new Date(2026, 0, 2))).toBe('miaw-readiness-2026-01-02.json');
        expect(exportFileName('json', new Date(2026, 0, 2), 'RUN-000042')).toBe(
            'miaw-readiness-2026-01-02-RUN-000042.json'
        );
    });

    it('clicks a temporary download link on a blob URL and releases it later', async () => {
        jest.useFakeTimers();
        const createObjectURL = jest.fn(() => 'blob:https://example.com/1');
        const revokeObjectURL = jest.fn();
        Object.assign(URL, { createObjectURL, revokeObjectURL });
        const clicked: { download: string; href: string; inPage: boolean }[] = [];
        const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
            this: HTMLAnchorElement
        ) {
            clicked.push({ download: this.download, href: this.href, inPage: document.body.contains(this) });
        });
        downloadFile('miaw-readiness-2026-11-20.json', '{}', 'application/json');
        expect(clicked).toEqual([
            { download: 'miaw-readiness-2026-11-20.json', href: 'blob:https://example.com/1', inPage: true }
        ]);
        const blob = (createObjectURL.mock.calls[0] as unknown[])[0] as Blob;
        expect(blob.type).toBe('application/json');
        expect(document.body.getElementsByTagName('a')).toHaveLength(0);
        expect(revokeObjectURL).not.toHaveBeenCalled();
        jest.runAllTimers();
        expect(revokeObjectURL).toHaveBeenCalledWith('blob:https://example.com/1');
        click.mockRestore();
        jest.useRealTimers();
    });
});

describe('loadPapa', () => {
    const host = window as unknown as { Papa?: unknown };
    afterEach(() => {
        delete host.Papa;
        jest.clearAllMocks();
    });

    it('loads the static resource and returns window.Papa', async () => {
        (loadScript as jest.Mock).mockImplementation(async () => {
            host.Papa = Papa;
        });
        const component = {} as LightningElement;
        await expect(loadPapa(component)).resolves.toBe(Papa);
        expect(loadScript).toHaveBeenCalledWith(component, expect.stringContaining('papaparse'));
    });

    it('says which resource failed when the library is missing', async () => {
        (loadScript as jest.Mock).mockResolvedValue(undefined);
        await expect(loadPapa({} as LightningElement)).rejects.toThrow('static resource "papaparse"');
    });
});
