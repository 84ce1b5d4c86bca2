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
    SEVERITY_LABELS,
    SEVERITY_OPTIONS,
    STATUS_LABELS,
    STATUS_OPTIONS,
    formatDateTime,
    groupResults,
    initiallyOpenAreas,
    isConfirmed,
    isFilterActive,
    needsApiAccess,
    plural
} from 'c/miawReportModel';
import type { AreaGroup, ReportResult, ResultFilter, SeverityFilter, StatusFilter } from 'c/miawReportModel';

const SEARCH_DELAY_MS = 250;

interface RowView {
    key: string;
    checkId: string;
    title: string;
    subject: string;
    showSubject: boolean;
    message: string;
    remediation: string;
    remediationLabel: string;
    statusLabel: string;
    statusClass: string;
    severityLabel: string;
    showSetup: boolean;
    setupPath: string;
    setupLabel: string;
    isManual: boolean;
    confirmLabel: string;
    confirmed: boolean;
    confirmDisabled: boolean;
    confirmedText: string;
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

const STATUS_CLASSES: Record<string, string> = {
    fail: 'slds-badge slds-theme_error',
    pass: 'slds-badge slds-theme_success',
    not_evaluated: 'slds-badge slds-badge_lightest',
    manual: 'slds-badge slds-theme_info'
};

const REMEDIATION_LABELS: Record<string, string> = {
    fail: 'How to fix',
    not_evaluated: 'How to evaluate it',
    manual: 'What to confirm',
    pass: ''
};

/** Print order of an area: what needs doing first. */
function printRank(group: AreaGroup): number {
    return group.blockers > 0 ? 0 : group.failing > 0 ? 1 : group.toConfirm > 0 ? 2 : 3;
}

// Subjects that only say "the whole org" or "go-live" add nothing next to the title.
const GENERIC_SUBJECTS = new Set(['org', 'go-live', 'scope']);

export default class MiawResultList extends NavigationMixin(LightningElement) {
    private resultList: ReportResult[] = [];
    private print = false;
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
        this.resultList = Array.isArray(value) ? value : [];
        this.keys = new WeakMap();
        this.resultList.forEach((r, i) => this.keys.set(r, `r${i}`));
        // New results, new state: what was opened or paged for the previous run does not carry over.
        this.expandedOverride = new Map();
        this.pages = new Map();
        this.pending = new Set();
        this.apiAccessCount = this.resultList.filter(needsApiAccess).length;
        this.refresh();
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
        this.pending.delete(`${checkId}\u0000${subject}`);
        const box = Array.from(this.template?.querySelectorAll<HTMLInputElement>('lightning-input.confirm') ?? []).find(
            (el) => el.dataset.checkId === checkId && el.dataset.subject === subject
        );
        if (box) box.checked = false;
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
        return !this.print && this.resultList.length > 0;
    }
    get hasResults(): boolean {
        return this.resultList.length > 0;
    }
    get hasGroups(): boolean {
        return this.groups.length > 0;
    }
    get noMatch(): boolean {
        return this.hasResults && !this.hasGroups;
    }
    get showApiAccess(): boolean {
        return this.apiAccessCount > 0;
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

    handleOpenSetup(event: Event): void {
        const url = (event.currentTarget as HTMLElement).dataset.path;
        if (!url) return;
        this[NavigationMixin.Navigate]({ type: 'standard__webPage', attributes: { url } });
    }

    handleConfirm(event: CustomEvent<{ checked: boolean }>): void {
        const target = event.currentTarget as HTMLElement;
        const checkId = target.dataset.checkId ?? '';
        const subject = target.dataset.subject ?? '';
        if (!event.detail.checked || !this.attestEnabled) return;
        this.pending.add(`${checkId}\u0000${subject}`);
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
        const pending = this.pending.has(`${r.checkId}\u0000${r.subject}`);
        const showSubject = !GENERIC_SUBJECTS.has(r.subject);
        const confirmedParts = [r.attestedByName ? `Confirmed by ${r.attestedByName}` : 'Confirmed'];
        if (r.attestedAt) confirmedParts.push(`on ${formatDateTime(r.attestedAt)}`);
        return {
            key: this.keys.get(r) ?? `${r.checkId}|${r.subject}`,
            checkId: r.checkId,
            title: r.title,
            subject: r.subject,
            showSubject,
            message: r.message,
            remediation: r.status === 'pass' ? '' : r.remediation,
            remediationLabel: REMEDIATION_LABELS[r.status] ?? '',
            statusLabel: STATUS_LABELS[r.status] ?? r.status,
            statusClass: STATUS_CLASSES[r.status] ?? 'slds-badge',
            severityLabel: SEVERITY_LABELS[r.severity] ?? r.severity,
            showSetup: !this.print && (r.status === 'fail' || r.status === 'manual') && Boolean(r.setupPath),
            setupPath: r.setupPath,
            setupLabel: `Open in Setup: ${r.title}${showSubject ? ` (${r.subject})` : ''}`,
            isManual: r.status === 'manual',
            confirmLabel: `Confirm: ${r.title}${showSubject ? ` (${r.subject})` : ''}`,
            confirmed: confirmed || pending,
            confirmDisabled: this.print || !this.attestEnabled || confirmed || pending,
            confirmedText: confirmed
                ? `${confirmedParts.join(' ')}${r.attestationNote ? `: ${r.attestationNote}` : ''}`
                : ''
        };
    }
}
