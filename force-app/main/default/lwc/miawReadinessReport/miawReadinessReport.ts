/*
 * The Readiness Report page. It reads the org and the saved setup plan, runs the engine in the browser and
 * shows the live verdict; "Save run" stores it, after which its manual items can be confirmed and the run
 * signed off. A saved run (just saved or picked from the history) is always labelled as that run, so results
 * from the past are never mistaken for the org as it is now.
 */
import { LightningElement } from 'lwc';
import { runReadiness, summarize } from 'c/miawReadinessEngine';
import type { ReadProblem, ReadinessReport, ReportSummary } from 'c/miawReadinessEngine';
import {
    attest,
    errorMessage,
    getRun,
    loadOrgContext,
    loadSetupPlan,
    loadSnapshot,
    saveRun,
    signOff
} from 'c/miawSetupAssistantApi';
import type { OrgContext, SavedPlan, SavedResult, SavedRun } from 'c/miawSetupAssistantApi';
import { formatDateTime, formatTime, resultKey, signOffReasons } from 'c/miawReportModel';
import type { ReportResult } from 'c/miawReportModel';
import { buildCsv, buildJson, downloadFile, exportFileName, loadPapa } from 'c/miawCsvExport';
import type { ExportInput } from 'c/miawCsvExport';

interface LiveRun {
    report: ReadinessReport;
    checkedAt: Date;
    planId?: string;
    /** The saved setup plan the checks used (exports carry it). */
    plan: SavedPlan | null;
    /** Who the org is (exports name it); null when it could not be read — the checks do not need it. */
    org: OrgContext | null;
    /** What the read could not use (an object, a callout); the affected checks say not_evaluated. */
    problems: ReadProblem[];
}

interface ResultListApi {
    attestFailed(checkId: string, subject: string): void;
}

interface RunHistoryApi {
    refresh(): Promise<void>;
}

/** Errors while reading, labelled with the step that failed so the admin knows what to fix. */
class StepError extends Error {}

async function step<T>(what: string, work: () => Promise<T> | T): Promise<T> {
    try {
        return await work();
    } catch (error) {
        throw new StepError(`${what}: ${errorMessage(error)}`);
    }
}

/** Only the exports use the org context: one that cannot be read leaves them without the org block, not the report. */
async function orgContextOrNull(): Promise<OrgContext | null> {
    try {
        return (await loadOrgContext()) ?? null;
    } catch {
        return null;
    }
}

/** The stored counts and verdict; the scope fields are recomputed from the stored results (org scope). */
function summaryOf(run: SavedRun): ReportSummary {
    return {
        ...summarize(run.results ?? []),
        verdict: run.verdict,
        blockers: run.blockers,
        warnings: run.warnings,
        passed: run.passed,
        notEvaluated: run.notEvaluated,
        manual: run.manual
    };
}

export default class MiawReadinessReport extends LightningElement {
    isLoading = true;
    loadError = '';
    live: LiveRun | null = null;
    /** The saved run on screen; null while the live results are shown. */
    run: SavedRun | null = null;
    isOpeningRun = false;
    isSaving = false;
    isSigning = false;
    isExporting = false;
    printMode = false;
    actionError = '';
    signOffError = '';
    signOffComment = '';
    private printRequested = false;

    connectedCallback(): void {
        this.runChecks();
    }

    renderedCallback(): void {
        // Print once the print layout is on screen, not the interactive one.
        if (this.printRequested && this.printMode) {
            this.printRequested = false;
            window.print();
        }
    }

    // ----- what is shown -----

    /** Read problems belong to the live read; a saved run from history does not carry them. */
    get readProblems(): { key: string; where: string; message: string }[] {
        if (this.run || !this.live) return [];
        return this.live.problems.map((p, i) => ({
            key: `${i}`,
            where: p.section ? `${p.file} (${p.section})` : p.file,
            message: p.message
        }));
    }

    get hasReadProblems(): boolean {
        return this.readProblems.length > 0;
    }

    get readProblemsHeading(): string {
        const n = this.readProblems.length;
        return n === 1 ? '1 thing could not be read' : `${n} things could not be read`;
    }

    get showingRun(): boolean {
        return this.run !== null;
    }
    get hasReport(): boolean {
        return !this.isLoading && !this.loadError && (this.run !== null || this.live !== null);
    }
    get results(): ReportResult[] {
        if (this.run) return this.run.results ?? [];
        return this.live?.report.results ?? [];
    }
    get summary(): ReportSummary | null {
        if (this.run) return summaryOf(this.run);
        return this.live?.report.summary ?? null;
    }
    /** Says which results these are: live and unsaved, or a named saved run and its date. */
    get contextText(): string {
        if (this.run) {
            return `Saved run ${this.run.name} from ${formatDateTime(this.run.runAt)}, run by ${this.run.runByName}. These are the results saved then, not a new check of the org.`;
        }
        if (this.live) return `Checked at ${formatTime(this.live.checkedAt)}. Live results, not saved yet.`;
        return '';
    }
    get contextClass(): string {
        return this.run ? 'slds-text-body_regular run-context saved' : 'slds-text-body_regular run-context live';
    }
    get showLiveLink(): boolean {
        return this.run !== null && this.live !== null && !this.printMode;
    }
    get isSignedOff(): boolean {
        return Boolean(this.run?.isSignedOff);
    }
    get signedOffText(): string {
        const run = this.run;
        if (!run?.isSignedOff) return '';
        return `Signed off by ${run.signedOffByName ?? 'unknown'} on ${formatDateTime(run.signedOffAt)}`;
    }
    get signOffCommentText(): string {
        return this.run?.signOffComment ?? '';
    }
    get showDrift(): boolean {
        return Boolean(this.run?.isSignedOff && this.run.driftDetectedAt);
    }
    get driftText(): string {
        const run = this.run;
        if (!run?.driftDetectedAt) return '';
        const what = run.driftSummary ? ` (changed: ${run.driftSummary})` : '';
        return `The configuration changed after this run was signed off${what}, detected on ${formatDateTime(run.driftDetectedAt)}. Run the checks again and sign off a new run.`;
    }
    get canAttest(): boolean {
        return this.run !== null && !this.run.isSignedOff && !this.printMode;
    }
    get attestationHint(): string {
        if (!this.run) return 'Save the run to confirm this item.';
        if (this.run.isSignedOff) return 'The run is signed off and read-only.';
        return '';
    }
    get showActions(): boolean {
        return !this.printMode;
    }
    get saveDisabled(): boolean {
        return this.run !== null || this.live === null || this.isSaving;
    }
    get exportDisabled(): boolean {
        return !this.hasReport || this.isExporting;
    }
    get runChecksDisabled(): boolean {
        return this.isLoading || this.isSaving || this.isSigning;
    }
    get showSignOffForm(): boolean {
        return !this.isSignedOff && !this.printMode;
    }
    /** Why Sign off is not available, shown before any click; Apex re-checks the same rules on the click. */
    get signOffReasons(): { key: string; text: string }[] {
        const summary = this.summary;
        if (!summary || this.isSignedOff) return [];
        return signOffReasons({
            saved: this.run !== null,
            signedOff: false,
            verdict: summary.verdict,
            results: this.results
        }).map((text, i) => ({ key: `reason-${i}`, text }));
    }
    get hasSignOffReasons(): boolean {
        return this.signOffReasons.length > 0;
    }
    get signOffDisabled(): boolean {
        return this.run === null || this.isSigning || this.hasSignOffReasons;
    }
    get signOffHint(): string {
        return this.hasSignOffReasons
            ? 'Sign-off is not available yet:'
            : 'Every blocker passed and every manual item is confirmed: this run can be signed off.';
    }
    get historyRunId(): string {
        return this.run?.recordId ?? '';
    }
    get showHistory(): boolean {
        return !this.printMode;
    }

    // ----- loading and running -----

    async runChecks(): Promise<void> {
        this.isLoading = true;
        this.loadError = '';
        this.actionError = '';
        this.signOffError = '';
        try {
            const [snapshot, savedPlan, org] = await Promise.all([
                step('The org could not be read', () => loadSnapshot()),
                step('The saved setup plan could not be read', () => loadSetupPlan()),
                orgContextOrNull()
            ]);
            const plan = savedPlan?.plan ?? { widgetOrigins: [], preChatFields: [] };
            const report = await step('The checks could not run', () => runReadiness(snapshot, plan));
            this.live = {
                report,
                checkedAt: new Date(),
                planId: savedPlan?.recordId,
                plan: savedPlan,
                org,
                problems: snapshot.problems ?? []
            };
            this.run = null;
        } catch (error) {
            this.loadError = error instanceof StepError ? error.message : errorMessage(error);
        } finally {
            this.isLoading = false;
        }
    }

    handleRunChecks(): void {
        this.runChecks();
    }

    handleShowLive(): void {
        this.run = null;
        this.actionError = '';
        this.signOffError = '';
    }

    async handleSave(): Promise<void> {
        const live = this.live;
        if (!live || this.run) return;
        this.isSaving = true;
        this.actionError = '';
        try {
            const saved = await saveRun(live.report, live.planId);
            this.run = saved.results ? saved : { ...saved, results: live.report.results };
            await this.history()?.refresh();
        } catch (error) {
            this.actionError = `The run was not saved: ${errorMessage(error)}`;
        } finally {
            this.isSaving = false;
        }
    }

    async handleRunSelect(event: CustomEvent<{ runId: string }>): Promise<void> {
        const runId = event.detail.runId;
        this.isOpeningRun = true;
        this.actionError = '';
        this.signOffError = '';
        try {
            this.run = await getRun(runId);
        } catch (error) {
            this.actionError = `The saved run could not be opened: ${errorMessage(error)}`;
        } finally {
            this.isOpeningRun = false;
        }
    }

    async handleAttest(event: CustomEvent<{ checkId: string; subject: string }>): Promise<void> {
        const run = this.run;
        const { checkId, subject } = event.detail;
        if (!run) return;
        this.actionError = '';
        try {
            const updated = await attest(run.recordId, checkId, subject, '');
            const confirmedAt = new Date().toISOString();
            this.run = this.mergeRun(updated, (r) => {
                const isThis = r.checkId === checkId && r.subject === subject && !r.attestedAt;
                return isThis ? { ...r, attestedAt: confirmedAt } : r;
            });
        } catch (error) {
            const title = run.results?.find((r) => resultKey(r) === resultKey({ checkId, subject }))?.title ?? checkId;
            this.actionError = `"${title}" was not confirmed: ${errorMessage(error)}`;
            this.resultList()?.attestFailed(checkId, subject);
        }
    }

    handleCommentChange(event: CustomEvent<{ value: string }>): void {
        this.signOffComment = event.detail.value ?? '';
    }

    async handleSignOff(): Promise<void> {
        const run = this.run;
        if (!run || run.isSignedOff) return;
        this.isSigning = true;
        this.signOffError = '';
        try {
            const signed = await signOff(run.recordId, this.signOffComment);
            this.run = this.mergeRun(signed, (r) => r);
            this.signOffComment = '';
            await this.history()?.refresh();
        } catch (error) {
            this.signOffError = `Sign-off refused: ${errorMessage(error)}`;
        } finally {
            this.isSigning = false;
        }
    }

    // ----- export and print -----

    async handleExportCsv(): Promise<void> {
        this.isExporting = true;
        this.actionError = '';
        try {
            const papa = await loadPapa(this);
            const input = this.exportInput();
            if (!input) return;
            downloadFile(
                exportFileName('csv', input.checkedAt, input.run?.name),
                buildCsv(papa, input),
                'text/csv;charset=utf-8'
            );
        } catch (error) {
            this.actionError = `The CSV export failed: ${errorMessage(error)}`;
        } finally {
            this.isExporting = false;
        }
    }

    handleExportJson(): void {
        const input = this.exportInput();
        if (!input) return;
        this.actionError = '';
        try {
            downloadFile(
                exportFileName('json', input.checkedAt, input.run?.name),
                buildJson(input),
                'application/json'
            );
        } catch (error) {
            this.actionError = `The JSON export failed: ${errorMessage(error)}`;
        }
    }

    handlePrint(): void {
        this.printMode = true;
        this.printRequested = true;
    }

    handleExitPrint(): void {
        this.printMode = false;
    }

    // ----- helpers -----

    /** The server's run, keeping the results on screen when the answer carries none. */
    private mergeRun(updated: SavedRun, patch: (r: SavedResult) => SavedResult): SavedRun {
        if (updated.results) return updated;
        return { ...updated, results: (this.run?.results ?? []).map(patch) };
    }

    /** What the exports say besides the results: the org, the run (live or saved) and the plan. */
    private exportInput(): ExportInput | null {
        const summary = this.summary;
        if (!summary) return null;
        const run = this.run;
        return {
            summary,
            results: this.results,
            checkedAt: run?.runAt ?? this.live?.checkedAt ?? new Date(),
            org: this.live?.org ?? null,
            run: run
                ? {
                      recordId: run.recordId,
                      name: run.name,
                      runAt: run.runAt,
                      runByName: run.runByName,
                      isSignedOff: run.isSignedOff,
                      signedOffByName: run.signedOffByName,
                      signedOffAt: run.signedOffAt,
                      signOffComment: run.signOffComment
                  }
                : null,
            plan: this.live?.plan ?? null
        };
    }

    private history(): RunHistoryApi | null {
        return this.template?.querySelector('c-miaw-run-history') as unknown as RunHistoryApi | null;
    }

    private resultList(): ResultListApi | null {
        return this.template?.querySelector('c-miaw-result-list') as unknown as ResultListApi | null;
    }
}
