/*
 * The report's results: filters (severity, status, text), one section per area, and per result its message,
 * what to do and a link to the Setup page. Built to stay fast at thousands of results: only areas that need
 * attention open by default, within a row budget; each open area renders PAGE_SIZE rows until "Show more";
 * the search waits for typing to pause; the view model is rebuilt when an input changes, not per render.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { Area } from 'c/miawReadinessEngine';
import {
    NO_FILTER,
    PAGE_SIZE,
    SEVERITY_OPTIONS,
    STATUS_OPTIONS,
    groupResults,
    initiallyOpenAreas,
    isConfirmed,
    isFilterActive,
    needsApiAccess,
    plural,
    resultKey
} from 'c/miawReportModel';
import type { AreaGroup, ReportResult, ResultFilter, SeverityFilter, StatusFilter } from 'c/miawReportModel';

const SEARCH_DELAY_MS = 250;

/** Which results these are (check ID + subject, in order): the same signature means the same run on screen. */
function resultSignature(results: readonly ReportResult[]): string {
    return results.map(resultKey).join('\u0001');
}

interface RowView {
    key: string;
    checkId: string;
    result: ReportResult;
    canAttest: boolean;
    pending: boolean;
}

interface GroupView {
    area: Area;
    title: string;
    /** The print heading in one string: "Prerequisites (5 results, 2 failing, 3 passed, not listed)". */
    printTitle: string;
    bodyId: string;
    countText: string;
    expanded: boolean;
    /** "true" / "false": aria-expanded takes a string. */
    ariaExpanded: string;
    sectionClass: string;
    rows: RowView[];
    hasMore: boolean;
    moreLabel: string;
}

/** Print order of an area: what needs doing first. */
function printRank(group: AreaGroup): number {
    return group.blockers > 0 ? 0 : group.failing > 0 ? 1 : group.toConfirm > 0 ? 2 : 3;
}

export default class MiawResultList extends NavigationMixin(LightningElement) {
    private resultList: ReportResult[] = [];
    private print = false;
    private compactMode = false;
    private attestEnabled = false;
    private filter: ResultFilter = NO_FILTER;
    private expandedOverride = new Map<Area, boolean>();
    private pages = new Map<Area, number>();
    private pending = new Set<string>();
    private searchTimer: ReturnType<typeof setTimeout> | undefined;
    private keys = new WeakMap<ReportResult, string>();

    /** Rebuilt by refresh() only; the template reads these fields, so a render does no work. */
    groups: GroupView[] = [];
    shownCount = 0;
    /** Print: passing results counted in their area's heading instead of listed. */
    printedPasses = 0;
    apiAccessCount = 0;

    /** Why the "Confirm" boxes are read-only, e.g. "Save the run to confirm these items." */
    @api attestationHint = '';

    @api
    get results(): ReportResult[] {
        return this.resultList;
    }
    set results(value: ReportResult[]) {
        const next = Array.isArray(value) ? value : [];
        // The same results again (a confirmation came back, the parent re-rendered): the admin's open areas and
        // pages stay as they are, so the page does not fold up and jump under them. New results, new state.
        const sameResults = next.length > 0 && resultSignature(next) === resultSignature(this.resultList);
        this.resultList = next;
        this.keys = new WeakMap();
        this.resultList.forEach((r, i) => this.keys.set(r, `r${i}`));
        if (sameResults) {
            for (const g of this.groups)
                if (!this.expandedOverride.has(g.area)) this.expandedOverride.set(g.area, g.expanded);
            for (const r of next) if (isConfirmed(r)) this.pending.delete(resultKey(r));
        } else {
            this.expandedOverride = new Map();
            this.pages = new Map();
            this.pending = new Set();
        }
        this.apiAccessCount = this.resultList.filter(needsApiAccess).length;
        this.refresh();
    }

    /**
     * Guided Setup's short form: no API-access box (the step explains what it could not read) and the filters
     * only when the list is long enough to page.
     */
    @api
    get compact(): boolean {
        return this.compactMode;
    }
    set compact(value: boolean) {
        this.compactMode = Boolean(value);
    }

    /** Manual results can be confirmed (a saved run that is not signed off). */
    @api
    get canAttest(): boolean {
        return this.attestEnabled;
    }
    set canAttest(value: boolean) {
        this.attestEnabled = Boolean(value);
        this.refresh();
    }

    /**
     * Print layout: no filters or buttons; areas that need attention first, every result that is not a pass listed,
     * passes counted in their area's heading (a printed report is for what to do, not 100 green rows).
     */
    @api
    get printMode(): boolean {
        return this.print;
    }
    set printMode(value: boolean) {
        this.print = Boolean(value);
        this.refresh();
    }

    /** The parent could not record a confirmation: untick it so the box says what is stored. */
    @api
    attestFailed(checkId: string, subject: string): void {
        this.pending.delete(resultKey({ checkId, subject }));
        this.refresh();
    }

    disconnectedCallback(): void {
        if (this.searchTimer) clearTimeout(this.searchTimer);
    }

    get severityOptions() {
        return SEVERITY_OPTIONS;
    }
    get statusOptions() {
        return STATUS_OPTIONS;
    }
    get severityValue(): string {
        return this.filter.severity;
    }
    /** The search in force; the box is re-created after the print view and must show it again. */
    get searchValue(): string {
        return this.filter.search;
    }
    get statusValue(): string {
        return this.filter.status;
    }
    get showFilters(): boolean {
        if (this.print || this.resultList.length === 0) return false;
        return !this.compactMode || this.resultList.length > PAGE_SIZE;
    }
    get hasResults(): boolean {
        return this.resultList.length > 0;
    }
    /** "N of M match the filters" means something only where the filters are shown (or printed). */
    get showShownCount(): boolean {
        return this.hasResults && (this.print || this.showFilters);
    }
    get isEmpty(): boolean {
        return !this.hasResults;
    }
    get hasGroups(): boolean {
        return this.groups.length > 0;
    }
    get noMatch(): boolean {
        return this.hasResults && !this.hasGroups;
    }
    get showApiAccess(): boolean {
        return !this.compactMode && this.apiAccessCount > 0;
    }
    get apiAccessText(): string {
        return `${plural(this.apiAccessCount, 'result')} could not be evaluated because the app has no API access to the org.`;
    }
    get shownText(): string {
        if (!this.print) return `${this.shownCount} of ${plural(this.resultList.length, 'result')} match the filters`;
        const all = `All ${plural(this.resultList.length, 'result')}`;
        return this.printedPasses > 0
            ? `${all}: ${this.resultList.length - this.printedPasses} listed, failures first; ${this.printedPasses} passed (counted per area, not listed)`
            : all;
    }

    handleSeverity(event: CustomEvent<{ value: string }>): void {
        this.setFilter({ ...this.filter, severity: event.detail.value as SeverityFilter });
    }

    handleStatus(event: CustomEvent<{ value: string }>): void {
        this.setFilter({ ...this.filter, status: event.detail.value as StatusFilter });
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        const search = event.detail.value ?? '';
        if (this.searchTimer) clearTimeout(this.searchTimer);
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- debounce: regroup once typing pauses, not per key
        this.searchTimer = setTimeout(() => {
            this.searchTimer = undefined;
            this.setFilter({ ...this.filter, search });
        }, SEARCH_DELAY_MS);
    }

    handleClearFilters(): void {
        if (this.searchTimer) clearTimeout(this.searchTimer);
        const search = this.template?.querySelector<HTMLInputElement>('lightning-input.search');
        if (search) search.value = '';
        this.setFilter(NO_FILTER);
    }

    handleToggle(event: Event): void {
        const area = (event.currentTarget as HTMLElement).dataset.area as Area;
        const group = this.groups.find((g) => g.area === area);
        if (!group) return;
        this.expandedOverride.set(area, !group.expanded);
        this.refresh();
    }

    handleShowMore(event: Event): void {
        const area = (event.currentTarget as HTMLElement).dataset.area as Area;
        this.pages.set(area, (this.pages.get(area) ?? 1) + 1);
        this.refresh();
    }

    handleOpenSetup(event: CustomEvent<{ url: string }>): void {
        const url = event.detail?.url;
        if (!url) return;
        this[NavigationMixin.Navigate]({ type: 'standard__webPage', attributes: { url } });
        // Guided Setup marks its results as needing a re-check: what changes in Setup is not in this snapshot.
        this.dispatchEvent(new CustomEvent('opensetup', { detail: { url } }));
    }

    handleConfirm(event: CustomEvent<{ checkId: string; subject: string }>): void {
        const { checkId, subject } = event.detail;
        if (!this.attestEnabled) return;
        this.pending.add(resultKey({ checkId, subject }));
        this.refresh();
        this.dispatchEvent(new CustomEvent('attest', { detail: { checkId, subject } }));
    }

    private setFilter(filter: ResultFilter): void {
        this.filter = filter;
        this.pages = new Map();
        this.refresh();
    }

    private refresh(): void {
        const filter = this.print ? NO_FILTER : this.filter;
        const filtering = isFilterActive(filter);
        const grouped = groupResults(this.resultList, filter);
        this.shownCount = grouped.reduce((n, g) => n + g.results.length, 0);
        const autoOpen = initiallyOpenAreas(grouped, filtering);
        // Print: areas with failing blockers, then other failures, then items to confirm, then the rest (stable).
        const ordered = this.print ? [...grouped].sort((a, b) => printRank(a) - printRank(b)) : grouped;
        this.groups = ordered.map((g) => this.groupView(g, filtering, autoOpen.has(g.area)));
        this.printedPasses = this.print
            ? grouped.reduce((n, g) => n + g.results.filter((r) => r.status === 'pass').length, 0)
            : 0;
    }

    private groupView(group: AreaGroup, filtering: boolean, autoOpen: boolean): GroupView {
        const listed = this.print ? group.results.filter((r) => r.status !== 'pass') : group.results;
        const passesHidden = group.results.length - listed.length;
        const expanded = this.print ? listed.length > 0 : (this.expandedOverride.get(group.area) ?? autoOpen);
        const limit = this.print ? listed.length : PAGE_SIZE * (this.pages.get(group.area) ?? 1);
        const visible = expanded ? listed.slice(0, limit) : [];
        const remaining = expanded ? listed.length - visible.length : 0;
        const counts = [
            filtering
                ? `${group.results.length} of ${plural(group.total, 'result')} match`
                : plural(group.total, 'result')
        ];
        if (group.failing > 0) counts.push(`${group.failing} failing`);
        if (group.toConfirm > 0) counts.push(`${group.toConfirm} to confirm`);
        if (passesHidden > 0) counts.push(`${passesHidden} passed, not listed`);
        return {
            area: group.area,
            title: group.title,
            printTitle: `${group.title} (${counts.join(', ')})`,
            bodyId: `area-${group.area}`,
            countText: counts.join(', '),
            expanded,
            ariaExpanded: String(expanded),
            sectionClass: expanded ? 'slds-section slds-is-open' : 'slds-section',
            rows: visible.map((r) => this.rowView(r)),
            hasMore: remaining > 0,
            moreLabel: `Show more (${remaining} more in ${group.title})`
        };
    }

    private rowView(r: ReportResult): RowView {
        const confirmed = isConfirmed(r);
        const pending = !confirmed && this.pending.has(resultKey(r));
        return {
            key: this.keys.get(r) ?? resultKey(r),
            checkId: r.checkId,
            result: r,
            canAttest: !this.print && this.attestEnabled && !confirmed && !pending,
            pending
        };
    }
}
