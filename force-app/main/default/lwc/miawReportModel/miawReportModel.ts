/*
 * What the Readiness Report screens show, as pure functions: filtering, grouping by area with paging,
 * the counts of the verdict banner, run comparison and date formatting. No DOM and no Apex, so every rule
 * here is tested without rendering and the components stay thin.
 */
import { AREA_ORDER, AREA_TITLES } from 'c/miawReadinessEngine';
import type {
    Area,
    AttestedResult,
    CheckResult,
    CheckStatus,
    ReportSummary,
    Severity,
    Verdict
} from 'c/miawReadinessEngine';

/** A result as the report shows it: a live result, or a saved one that may carry its attestation. */
export type ReportResult = AttestedResult;

export type SeverityFilter = 'all' | Severity;
export type StatusFilter = 'all' | CheckStatus;

export interface ResultFilter {
    severity: SeverityFilter;
    status: StatusFilter;
    /** Free text; matched case-insensitively against ID, title, subject, message and remediation. */
    search: string;
}

export const NO_FILTER: ResultFilter = { severity: 'all', status: 'all', search: '' };

/** Rows rendered per area before "Show more": keeps the DOM bounded whatever the report size. */
export const PAGE_SIZE = 50;

/**
 * Rows the areas opened by default may render together: the first view of a report of any size costs about
 * the same. Areas past the budget start closed, showing their counts.
 */
export const INITIAL_ROW_BUDGET = 150;

export const SEVERITY_OPTIONS: readonly { label: string; value: SeverityFilter }[] = [
    { label: 'All', value: 'all' },
    { label: 'Blocker', value: 'blocker' },
    { label: 'Warning', value: 'warning' },
    { label: 'Info', value: 'info' }
];

export const STATUS_OPTIONS: readonly { label: string; value: StatusFilter }[] = [
    { label: 'All', value: 'all' },
    { label: 'Fail', value: 'fail' },
    { label: 'Pass', value: 'pass' },
    { label: 'Not evaluated', value: 'not_evaluated' },
    { label: 'Manual', value: 'manual' }
];

export const STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
    fail: 'Fail',
    pass: 'Pass',
    not_evaluated: 'Not evaluated',
    manual: 'Manual'
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
    blocker: 'Blocker',
    warning: 'Warning',
    info: 'Info'
};

/** One result per check per subject, so check ID + subject names a result across runs. */
export function resultKey(result: Pick<CheckResult, 'checkId' | 'subject'>): string {
    return `${result.checkId}\u0000${result.subject}`;
}

// Built once per result object: a filter keystroke then costs one substring test per result.
const searchTexts = new WeakMap<CheckResult, string>();

function searchText(result: CheckResult): string {
    let text = searchTexts.get(result);
    if (text === undefined) {
        text = [result.checkId, result.title, result.subject, result.message, result.remediation]
            .join('\n')
            .toLowerCase();
        searchTexts.set(result, text);
    }
    return text;
}

export function isFilterActive(filter: ResultFilter): boolean {
    return filter.severity !== 'all' || filter.status !== 'all' || filter.search.trim() !== '';
}

export function matchesFilter(result: CheckResult, filter: ResultFilter): boolean {
    if (filter.severity !== 'all' && result.severity !== filter.severity) return false;
    if (filter.status !== 'all' && result.status !== filter.status) return false;
    const needle = filter.search.trim().toLowerCase();
    return needle === '' || searchText(result).includes(needle);
}

/** Failing blockers first, then other failures, then what needs a person or data, then passes. */
export function attentionRank(result: CheckResult): number {
    if (result.status === 'fail') return result.severity === 'blocker' ? 0 : result.severity === 'warning' ? 1 : 2;
    if (result.status === 'not_evaluated') return 3;
    if (result.status === 'manual') return 4;
    return 5;
}

export interface AreaGroup<T extends ReportResult = ReportResult> {
    area: Area;
    title: string;
    /** The area's results that pass the filter, failing first (engine order otherwise). */
    results: T[];
    /** Results of the area before filtering. */
    total: number;
    failing: number;
    blockers: number;
    /** Manual results nobody has confirmed yet. */
    toConfirm: number;
}

/** Areas in catalog order, each with its filtered results; areas with no match are left out. */
export function groupResults<T extends ReportResult>(results: readonly T[], filter: ResultFilter): AreaGroup<T>[] {
    const byArea = new Map<Area, AreaGroup<T>>();
    for (const area of AREA_ORDER) {
        byArea.set(area, {
            area,
            title: AREA_TITLES[area],
            results: [],
            total: 0,
            failing: 0,
            blockers: 0,
            toConfirm: 0
        });
    }
    for (const r of results) {
        const group = byArea.get(r.area);
        if (!group) continue;
        group.total++;
        if (r.status === 'fail') {
            group.failing++;
            if (r.severity === 'blocker') group.blockers++;
        } else if (r.status === 'manual' && !isConfirmed(r)) {
            group.toConfirm++;
        }
        if (matchesFilter(r, filter)) group.results.push(r);
    }
    const groups: AreaGroup<T>[] = [];
    for (const area of AREA_ORDER) {
        const group = byArea.get(area);
        if (!group || group.results.length === 0) continue;
        // Array.prototype.sort is stable: equal ranks keep the engine's order.
        group.results.sort((a, b) => attentionRank(a) - attentionRank(b));
        groups.push(group);
    }
    return groups;
}

/** Which areas start open: failing blockers first, then other failures, then items to confirm — within budget. */
export function initiallyOpenAreas(groups: readonly AreaGroup[], filtering: boolean): Set<Area> {
    const priority = (g: AreaGroup) => (g.blockers > 0 ? 0 : g.failing > 0 ? 1 : g.toConfirm > 0 ? 2 : 3);
    const candidates = groups
        .filter((g) => filtering || priority(g) < 3)
        .map((g, index) => ({ g, index }))
        .sort((a, b) => priority(a.g) - priority(b.g) || a.index - b.index);
    const open = new Set<Area>();
    let budget = INITIAL_ROW_BUDGET;
    for (const { g } of candidates) {
        if (budget <= 0) break;
        open.add(g.area);
        budget -= Math.min(g.results.length, PAGE_SIZE);
    }
    return open;
}

/** The banner's numbers. `toConfirm` counts manual results nobody has confirmed yet. */
export interface BannerCounts {
    verdict: Verdict;
    blockers: number;
    warnings: number;
    passed: number;
    notEvaluated: number;
    toConfirm: number;
}

export function isConfirmed(result: ReportResult): boolean {
    return Boolean(result.attestedAt || result.attestedByName);
}

export function bannerCounts(summary: ReportSummary, results: readonly ReportResult[]): BannerCounts {
    const toConfirm = results.filter((r) => r.status === 'manual' && !isConfirmed(r)).length;
    return {
        verdict: summary.verdict,
        blockers: summary.blockers,
        warnings: summary.warnings,
        passed: summary.passed,
        notEvaluated: summary.notEvaluated,
        toConfirm
    };
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}

export function countLabels(counts: BannerCounts): string[] {
    return [
        plural(counts.blockers, 'blocker'),
        plural(counts.warnings, 'warning'),
        `${counts.passed} passed`,
        `${counts.notEvaluated} not evaluated`,
        `${counts.toConfirm} to confirm`
    ];
}

// The engine's reason for sections the org reader could not read without the Named Credential
// (checkKit howToRead "unavailable"; snapshot reason "needs API access").
const API_ACCESS = /needs API access|Connect the app to the org's API/i;

/** not_evaluated results that only need the API connection: one instruction fixes them all. */
export function needsApiAccess(result: CheckResult): boolean {
    return (
        result.status === 'not_evaluated' && (API_ACCESS.test(result.message) || API_ACCESS.test(result.remediation))
    );
}

export interface RunComparison<T extends CheckResult = CheckResult> {
    /** Failing now, not failing in the previous run. */
    newFailures: T[];
    /** Failing in the previous run, not failing now (the previous run's result). */
    fixed: T[];
    /** Failing in both (the current result). */
    unchanged: T[];
}

/** Compares the failing results of two runs by check ID + subject. */
export function compareRuns<T extends CheckResult>(current: readonly T[], previous: readonly T[]): RunComparison<T> {
    const failing = (list: readonly T[]) => {
        const map = new Map<string, T>();
        for (const r of list) if (r.status === 'fail') map.set(resultKey(r), r);
        return map;
    };
    const now = failing(current);
    const before = failing(previous);
    const comparison: RunComparison<T> = { newFailures: [], fixed: [], unchanged: [] };
    for (const [key, r] of now) (before.has(key) ? comparison.unchanged : comparison.newFailures).push(r);
    for (const [key, r] of before) if (!now.has(key)) comparison.fixed.push(r);
    return comparison;
}

function toDate(value: string | Date | undefined | null): Date | null {
    if (value === undefined || value === null || value === '') return null;
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
}

/** Date and time in the user's locale; an unreadable value is shown as given rather than as "Invalid Date". */
export function formatDateTime(value: string | Date | undefined | null): string {
    const date = toDate(value);
    if (!date) return typeof value === 'string' ? value : '';
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

export function formatTime(value: Date): string {
    return new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' }).format(value);
}

/** YYYY-MM-DD in local time, for file names. */
export function isoDay(value: string | Date | undefined | null): string {
    const date = toDate(value) ?? new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// ---------------------------------------------------------------------------------------------------------
// One visual language for a result, in every screen: a status badge with an icon and a word (never colour
// alone) and a severity badge whose theme differs by severity. A passing result shows its severity muted, so
// "Pass" next to "Blocker" never reads like a blocker.
// ---------------------------------------------------------------------------------------------------------

export interface ResultLook {
    statusLabel: string;
    statusClass: string;
    statusIcon: string;
    /** lightning-icon variant: "inverse" on the dark error/success themes. */
    statusIconVariant: string;
    severityLabel: string;
    severityClass: string;
    /** What to call the remediation: "Fix", "To evaluate it", "To confirm". */
    fixLabel: string;
}

const SEVERITY_BADGES: Readonly<Record<Severity, string>> = {
    blocker: 'slds-badge slds-theme_error severity severity_blocker',
    warning: 'slds-badge slds-theme_warning severity severity_warning',
    info: 'slds-badge slds-badge_inverse severity severity_info'
};

const FAIL_LOOK: Readonly<Record<Severity, { icon: string; theme: string; variant: string }>> = {
    blocker: { icon: 'utility:error', theme: 'slds-theme_error', variant: 'inverse' },
    warning: { icon: 'utility:warning', theme: 'slds-theme_warning', variant: '' },
    info: { icon: 'utility:info', theme: 'slds-badge_lightest', variant: '' }
};

/** Status word, icon and badge themes of one result; pure so both screens (and tests) share it. */
export function resultLook(result: Pick<CheckResult, 'status' | 'severity'>): ResultLook {
    const severity = SEVERITY_LABELS[result.severity] ?? result.severity;
    const severityClass = SEVERITY_BADGES[result.severity] ?? 'slds-badge severity';
    switch (result.status) {
        case 'fail': {
            const look = FAIL_LOOK[result.severity] ?? FAIL_LOOK.info;
            return {
                statusLabel: 'Fail',
                statusClass: `slds-badge ${look.theme} status status_fail`,
                statusIcon: look.icon,
                statusIconVariant: look.variant,
                severityLabel: severity,
                severityClass,
                fixLabel: 'Fix'
            };
        }
        case 'pass':
            return {
                statusLabel: 'Pass',
                statusClass: 'slds-badge slds-theme_success status status_pass',
                statusIcon: 'utility:success',
                statusIconVariant: 'inverse',
                severityLabel: `${severity} check`,
                severityClass: 'slds-badge slds-badge_lightest slds-text-color_weak severity severity_muted',
                fixLabel: ''
            };
        case 'manual':
            return {
                statusLabel: 'To confirm',
                statusClass: 'slds-badge slds-theme_info status status_manual',
                statusIcon: 'utility:task',
                statusIconVariant: 'inverse',
                severityLabel: severity,
                severityClass,
                fixLabel: 'To confirm'
            };
        default:
            return {
                statusLabel: 'Not evaluated',
                statusClass: 'slds-badge slds-badge_lightest status status_not_evaluated',
                statusIcon: 'utility:question',
                statusIconVariant: '',
                severityLabel: severity,
                severityClass,
                fixLabel: 'To evaluate it'
            };
    }
}

/** Subjects that only say "the whole org" or "go-live" add nothing next to the title. */
export const GENERIC_SUBJECTS: ReadonlySet<string> = new Set(['org', 'go-live', 'scope']);

/**
 * Manual checks a person does not tick in the report: GL-01 (the end-to-end test) is confirmed by completing the
 * deploy-and-test checklist in Guided Setup, which records who and when (MiawTestChecklist), and withdrawn when a
 * step of it is unticked.
 */
export const CONFIRMED_BY_CHECKLIST: ReadonlySet<string> = new Set(['GL-01']);
export const CHECKLIST_HINT =
    'Confirmed by completing the end-to-end test checklist in Guided Setup (step 6, Deploy and test), with who and when.';

/**
 * The accessible name of a result's Setup button: which page, for which result. It starts with the visible
 * text "Open in Setup" (WCAG 2.5.3, label in name) so speech users can still say what they see.
 */
export function openInSetupLabel(result: Pick<CheckResult, 'checkId' | 'title' | 'subject' | 'setupPath'>): string {
    const page = setupPageName(result.setupPath);
    const subject = GENERIC_SUBJECTS.has(result.subject) ? '' : ` — ${result.subject}`;
    return `Open in Setup (${page}) for ${result.checkId} ${result.title}${subject}`;
}

// Setup paths are /lightning/setup/<Page>/home; the page's own name is what the admin sees in Setup.
const SETUP_PAGE_NAMES: Readonly<Record<string, string>> = {
    CorsWhitelistEntries: 'CORS',
    SecurityCspTrustedSite: 'Trusted URLs',
    LiveMessageSetup: 'Messaging Settings',
    EmbeddedServiceDeployments: 'Embedded Service Deployments',
    OmniChannelSettings: 'Omni-Channel Settings',
    ServiceChannelSettings: 'Service Channels',
    ServicePresenceStatusSettings: 'Presence Statuses',
    ServicePresenceUserConfigSettings: 'Presence Configurations',
    QueueRoutingConfigSettings: 'Routing Configurations',
    Queues: 'Queues',
    Flows: 'Flows',
    BusinessHours: 'Business Hours',
    PermSets: 'Permission Sets',
    ManageUsers: 'Users',
    FlexiPageList: 'Lightning App Builder',
    SetupNetworks: 'Digital Experiences',
    NamedCredential: 'Named Credentials',
    NavigationMenus: 'App Manager',
    ObjectManager: 'Object Manager'
};

export function setupPageName(path: string): string {
    const match = /\/lightning\/setup\/([^/]+)/.exec(path ?? '');
    if (!match) return 'the page';
    const key = match[1];
    if (SETUP_PAGE_NAMES[key]) return SETUP_PAGE_NAMES[key];
    // Unknown page: split its CamelCase name into words rather than show the raw path segment.
    return key.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** The counts line of a list of results, saying what each number is (no "other"). */
export function resultCountsText(results: readonly ReportResult[]): string {
    let blockers = 0;
    let warnings = 0;
    let infos = 0;
    let passed = 0;
    let notEvaluated = 0;
    let toConfirm = 0;
    let confirmed = 0;
    for (const r of results) {
        if (r.status === 'fail') {
            if (r.severity === 'blocker') blockers++;
            else if (r.severity === 'warning') warnings++;
            else infos++;
        } else if (r.status === 'pass') passed++;
        else if (r.status === 'not_evaluated') notEvaluated++;
        else if (isConfirmed(r)) confirmed++;
        else toConfirm++;
    }
    const parts = [
        `${blockers} ${blockers === 1 ? 'blocker fails' : 'blockers fail'}`,
        `${warnings} ${warnings === 1 ? 'warning fails' : 'warnings fail'}`
    ];
    if (infos) parts.push(`${infos} info ${infos === 1 ? 'note' : 'notes'}`);
    parts.push(`${passed} passed`, `${notEvaluated} not evaluated`, `${toConfirm} to confirm`);
    if (confirmed) parts.push(`${confirmed} confirmed`);
    return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------------------
// Sign-off: why it is not allowed yet, as a short list shown before any click. Apex re-checks the same rules
// (MiawRunService.signOff), so this only spares the admin a refusal.
// ---------------------------------------------------------------------------------------------------------

export interface SignOffState {
    /** A saved run is on screen. */
    saved: boolean;
    signedOff: boolean;
    verdict: Verdict;
    results: readonly ReportResult[];
}

/** Short reasons sign-off is not allowed; empty when it is. */
export function signOffReasons(state: SignOffState): string[] {
    if (state.signedOff) return [];
    const reasons: string[] = [];
    const failing = state.results.filter((r) => r.status === 'fail' && r.severity === 'blocker').length;
    const unevaluated = state.results.filter((r) => r.status === 'not_evaluated' && r.severity === 'blocker');
    const toConfirm = state.results.filter((r) => r.status === 'manual' && !isConfirmed(r)).length;
    if (failing > 0) {
        reasons.push(`Not ready: ${failing} ${failing === 1 ? 'blocker fails' : 'blockers fail'}`);
    }
    if (unevaluated.length > 0) {
        const apiOnly = unevaluated.every(needsApiAccess);
        const anyApi = unevaluated.some(needsApiAccess);
        const how = apiOnly || anyApi ? " — connect the app to the org's API (Guided Setup, step 1)" : '';
        reasons.push(`Incomplete: ${plural(unevaluated.length, 'blocker')} not evaluated${how}`);
    }
    if (failing === 0 && unevaluated.length === 0 && state.verdict !== 'ready') {
        reasons.push(`The verdict is ${state.verdict.replace('_', ' ')}, not ready`);
    }
    if (toConfirm > 0) {
        reasons.push(`${plural(toConfirm, 'manual item')} to confirm`);
    }
    if (!state.saved) reasons.push('Save the run first: only a saved run can be confirmed and signed off');
    return reasons;
}
