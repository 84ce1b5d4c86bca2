import { CSV_FIELDS, buildCsv, buildJson, csvRows, downloadFile, exportFileName, loadPapa } from 'c/miawCsvExport';
import type { PapaUnparser } from 'c/miawCsvExport';
import { loadScript } from 'lightning/platformResourceLoader';
import type { LightningElement } from 'lwc';
import { demoReport } from '../../miawReadinessReport/__tests__/fixtures';

const Papa = require('papaparse');

describe('CSV', () => {
    it('writes one row per result with readable columns, through papaparse', () => {
        const report = demoReport('needs-work');
        const unparse = jest.spyOn(Papa, 'unparse');
        const csv = buildCsv(Papa, report.results);
        expect(unparse).toHaveBeenCalledWith(
            { fields: [...CSV_FIELDS], data: csvRows(report.results) },
            expect.objectContaining({ escapeFormulae: true })
        );
        unparse.mockRestore();
        expect(csv.startsWith('\uFEFF')).toBe(true);
        const parsed = Papa.parse(csv.slice(1), { header: true, skipEmptyLines: true });
        expect(parsed.errors).toEqual([]);
        expect(parsed.data).toHaveLength(report.results.length);
        const firstBlocker = report.results.find((r) => r.status === 'fail' && r.severity === 'blocker');
        const row = parsed.data.find(
            (d: Record<string, string>) =>
                d['Check ID'] === firstBlocker?.checkId && d.Subject === firstBlocker?.subject
        );
        expect(row).toMatchObject({ Status: 'Fail', Severity: 'Blocker', Message: firstBlocker?.message });
    });

    it('keeps commas, quotes and newlines inside a cell and neutralises spreadsheet formulas', () => {
        const [base] = demoReport('ready').results;
        const tricky = {
            ...base,
            subject: '=HYPERLINK("http://evil.example")',
            message: 'Line one, with "quotes"\nline two'
        };
        const csv = buildCsv(Papa as PapaUnparser, [tricky]);
        const parsed = Papa.parse(csv.slice(1), { header: true });
        expect(parsed.data[0].Message).toBe('Line one, with "quotes"\nline two');
        expect(parsed.data[0].Subject.startsWith('=')).toBe(false);
        expect(parsed.data[0].Subject).toContain('HYPERLINK');
    });

    it('adds who confirmed a manual item and when', () => {
        const manual = demoReport('ready').results.find((r) => r.status === 'manual');
        const rows = csvRows([{ ...manual!, attestedByName: 'Ada Admin', attestedAt: '2026-11-20T10:00:00Z' }]);
        expect(rows[0].slice(-4, -2)).toEqual(['Ada Admin', '2026-11-20T10:00:00Z']);
    });

    it("carries each check's evidence and the run verdict on every row", () => {
        const results = demoReport('ready').results.slice(0, 2);
        const rows = csvRows(results, 'incomplete');
        expect(rows.map((r) => r.slice(-2))).toEqual(results.map((r) => [r.evidence, 'incomplete']));
        expect(CSV_FIELDS.slice(-2)).toEqual(['Evidence', 'Run verdict']);
    });
});

describe('JSON', () => {
    it('has the CLI shape: schemaVersion, summary and results', () => {
        const report = demoReport('needs-work');
        const parsed = JSON.parse(buildJson(report.summary, report.results));
        expect(Object.keys(parsed)).toEqual(['schemaVersion', 'summary', 'results']);
        expect(parsed).toEqual(report);
    });

    it('adds the run when the results come from a saved run', () => {
        const report = demoReport('ready');
        const parsed = JSON.parse(
            buildJson(report.summary, report.results, {
                name: 'RUN-000042',
                runAt: '2026-11-20T10:30:00.000Z',
                runByName: 'Ada Admin',
                isSignedOff: true,
                signedOffByName: 'Grace Lead'
            })
        );
        expect(parsed.run).toMatchObject({ name: 'RUN-000042', signedOffByName: 'Grace Lead' });
        expect(parsed.schemaVersion).toBe(2);
    });
});

describe('file names and download', () => {
    it('dates the file name', () => {
        expect(exportFileName('csv', new Date(2026, 10, 20, 8, 0))).toBe('miaw-readiness-2026-11-20.csv');
        expect(exportFileName('json', new Date(2026, 0, 2))).toBe('miaw-readiness-2026-01-02.json');
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
