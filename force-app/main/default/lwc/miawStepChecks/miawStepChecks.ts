/*
 * The live check results of one Guided Setup step: failing ones first, each with its message, its fix and an
 * "Open in Setup" button to the exact Setup page the engine named. Opening Setup also tells the parent, which
 * marks the results as needing a re-check (what the admin changes there is not in this snapshot).
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import type { CheckResult, CheckStatus, Severity } from 'c/miawReadinessEngine';

const STATUS_ORDER: Record<CheckStatus, number> = { fail: 0, manual: 1, not_evaluated: 2, pass: 3 };
const SEVERITY_ORDER: Record<Severity, number> = { blocker: 0, warning: 1, info: 2 };
const SEVERITY_LABELS: Record<Severity, string> = { blocker: 'Blocker', warning: 'Warning', info: 'Info' };

function statusLabel(result: CheckResult): string {
    switch (result.status) {
        case 'fail':
            return `Fail (${SEVERITY_LABELS[result.severity]})`;
        case 'pass':
            return 'Pass';
        case 'manual':
            return 'To confirm';
        default:
            return 'Not evaluated';
    }
}

function statusClass(result: CheckResult): string {
    if (result.status === 'pass') return 'slds-badge slds-theme_success';
    if (result.status === 'fail') return result.severity === 'info' ? 'slds-badge' : 'slds-badge slds-theme_error';
    if (result.status === 'manual') return 'slds-badge slds-theme_warning';
    return 'slds-badge slds-badge_lightest';
}

export default class MiawStepChecks extends NavigationMixin(LightningElement) {
    @api results: CheckResult[] = [];
    /** Results were computed before something changed that the snapshot does not know. */
    @api stale = false;
    @api emptyMessage = 'No checks belong to this step.';

    get hasResults(): boolean {
        return (this.results ?? []).length > 0;
    }

    get counts(): string {
        const list = this.results ?? [];
        const fails = list.filter((r) => r.status === 'fail' && r.severity !== 'info').length;
        const passed = list.filter((r) => r.status === 'pass').length;
        const other = list.length - fails - passed;
        return `${fails} to fix, ${passed} passed, ${other} other`;
    }

    get items() {
        return [...(this.results ?? [])]
            .sort(
                (a, b) =>
                    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
                    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
            )
            .map((r, i) => ({
                key: `${r.checkId}|${r.subject}|${i}`,
                heading: `${r.checkId} ${r.title}`,
                subject: r.subject,
                message: r.message,
                remediation: r.remediation,
                showFix: r.status !== 'pass' && r.remediation !== '',
                fixLabel: r.status === 'not_evaluated' ? 'To evaluate it:' : 'Fix:',
                showOpen: r.status !== 'pass' && Boolean(r.setupPath),
                setupPath: r.setupPath,
                openTitle: `Open in Setup: ${r.title}`,
                statusLabel: statusLabel(r),
                statusClass: statusClass(r),
                itemClass: `result slds-item result_${r.status}`
            }));
    }

    handleOpen(event: Event): void {
        const url = (event.currentTarget as HTMLElement).dataset.path;
        if (!url) return;
        this[NavigationMixin.Navigate]({ type: 'standard__webPage', attributes: { url } });
        this.dispatchEvent(new CustomEvent('opensetup', { detail: { url } }));
    }
}
