/*
 * The saved readiness runs, newest first. Selecting one asks the report to show it (event "runselect");
 * "Compare with previous" loads the selected run and the one saved before it and lists what changed among
 * the failing results.
 */
import { LightningElement, api } from 'lwc';
import { errorMessage, getRun, listRuns } from 'c/miawSetupAssistantApi';
import type { SavedResult, SavedRun } from 'c/miawSetupAssistantApi';
import { compareRuns, formatDateTime } from 'c/miawReportModel';

interface RunRow {
    recordId: string;
    name: string;
    runAtText: string;
    runByName: string;
    verdictText: string;
    verdictClass: string;
    signOffText: string;
    selected: boolean;
    ariaPressed: string;
    rowClass: string;
    buttonLabel: string;
}

interface ComparisonItem {
    key: string;
    text: string;
}

interface ComparisonList {
    key: string;
    heading: string;
    items: ComparisonItem[];
    isEmpty: boolean;
}

function newestFirst(runs: SavedRun[]): SavedRun[] {
    return [...runs].sort((a, b) => Date.parse(b.runAt) - Date.parse(a.runAt));
}

function describe(result: SavedResult): ComparisonItem {
    const subject = ['org', 'go-live', 'scope'].includes(result.subject) ? '' : ` — ${result.subject}`;
    return { key: `${result.checkId}\u0000${result.subject}`, text: `${result.checkId} ${result.title}${subject}` };
}

const VERDICT_TEXT: Record<string, string> = { ready: 'Ready', not_ready: 'Not ready', incomplete: 'Incomplete' };
const VERDICT_BADGE: Record<string, string> = {
    ready: 'slds-badge slds-theme_success',
    not_ready: 'slds-badge slds-theme_error',
    incomplete: 'slds-badge slds-theme_warning'
};

/**
 * The verdict as the list shows it. A run that could not evaluate everything (typically saved without API
 * access) says so and how much is unknown, so it is never taken for a complete one.
 */
function verdictText(run: SavedRun): string {
    const verdict = VERDICT_TEXT[run.verdict] ?? run.verdict;
    const unknown = run.notEvaluated > 0 ? `${run.notEvaluated} not evaluated` : '';
    if (run.verdict === 'incomplete') return `Incomplete${unknown ? `: ${unknown}` : ''}`;
    return unknown ? `${verdict} (${unknown})` : verdict;
}

export default class MiawRunHistory extends LightningElement {
    runs: SavedRun[] = [];
    isLoading = false;
    loadError = '';
    isComparing = false;
    compareError = '';
    comparedWith = '';
    comparison: ComparisonList[] | null = null;
    private selectedId = '';

    /** The run the report shows; highlighted here. */
    @api
    get selectedRunId(): string {
        return this.selectedId;
    }
    set selectedRunId(value: string) {
        if ((value ?? '') !== this.selectedId) this.clearComparison();
        this.selectedId = value ?? '';
    }

    /** Reads the list again, e.g. after the report saved a run. */
    @api
    async refresh(): Promise<void> {
        this.isLoading = true;
        this.loadError = '';
        try {
            this.runs = newestFirst((await listRuns()) ?? []);
        } catch (error) {
            this.loadError = `The run history could not be loaded: ${errorMessage(error)}`;
        } finally {
            this.isLoading = false;
        }
    }

    connectedCallback(): void {
        this.refresh();
    }

    get hasRuns(): boolean {
        return this.runs.length > 0;
    }
    get isEmpty(): boolean {
        return !this.isLoading && !this.loadError && this.runs.length === 0;
    }
    get rows(): RunRow[] {
        return this.runs.map((run) => {
            const selected = run.recordId === this.selectedId;
            return {
                recordId: run.recordId,
                name: run.name,
                runAtText: formatDateTime(run.runAt),
                runByName: run.runByName,
                verdictText: verdictText(run),
                verdictClass: VERDICT_BADGE[run.verdict] ?? 'slds-badge slds-theme_error',
                signOffText: run.isSignedOff
                    ? `Signed off by ${run.signedOffByName ?? 'unknown'} on ${formatDateTime(run.signedOffAt)}`
                    : 'Not signed off',
                selected,
                ariaPressed: String(selected),
                rowClass: selected ? 'slds-is-selected run-row' : 'run-row',
                buttonLabel: `View run ${run.name}`
            };
        });
    }
    get selectedRun(): SavedRun | undefined {
        return this.runs.find((r) => r.recordId === this.selectedId);
    }
    get previousRun(): SavedRun | undefined {
        const index = this.runs.findIndex((r) => r.recordId === this.selectedId);
        return index >= 0 ? this.runs[index + 1] : undefined;
    }
    get showCompare(): boolean {
        return Boolean(this.selectedRun);
    }
    get compareDisabled(): boolean {
        return !this.previousRun || this.isComparing;
    }
    get noPreviousText(): string {
        return this.selectedRun && !this.previousRun
            ? 'This is the oldest saved run: there is nothing before it to compare with.'
            : '';
    }

    handleRetry(): void {
        this.refresh();
    }

    handleSelect(event: Event): void {
        const runId = (event.currentTarget as HTMLElement).dataset.id ?? '';
        if (!runId) return;
        if (runId !== this.selectedId) this.clearComparison();
        this.selectedId = runId;
        this.dispatchEvent(new CustomEvent('runselect', { detail: { runId } }));
    }

    async handleCompare(): Promise<void> {
        const current = this.selectedRun;
        const previous = this.previousRun;
        if (!current || !previous) return;
        this.isComparing = true;
        this.compareError = '';
        this.comparison = null;
        try {
            const [now, before] = await Promise.all([getRun(current.recordId), getRun(previous.recordId)]);
            const diff = compareRuns<SavedResult>(now.results ?? [], before.results ?? []);
            this.comparedWith = `${current.name} compared with ${previous.name} (${formatDateTime(previous.runAt)})`;
            this.comparison = [
                this.list('new', 'New failures', diff.newFailures),
                this.list('fixed', 'Fixed', diff.fixed),
                this.list('unchanged', 'Unchanged', diff.unchanged)
            ];
        } catch (error) {
            this.compareError = `The runs could not be compared: ${errorMessage(error)}`;
        } finally {
            this.isComparing = false;
        }
    }

    private list(key: string, label: string, results: SavedResult[]): ComparisonList {
        return {
            key,
            heading: `${label} (${results.length})`,
            items: results.map(describe),
            isEmpty: results.length === 0
        };
    }

    private clearComparison(): void {
        this.comparison = null;
        this.compareError = '';
        this.comparedWith = '';
    }
}
