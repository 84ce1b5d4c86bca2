/*
 * A Guided Setup step's status, from its check results — never from whether the admin visited it. A step is
 * done only when every check of its areas passes; otherwise the worst thing wins: a blocker fails (blocked), a
 * warning or info check fails (needs attention), a check could not read its data (not evaluated), a person
 * must confirm something (to confirm). The step path and the review step's summary both use this, so they
 * cannot disagree. Pure: no DOM, no Apex.
 */
import { isConfirmed, plural as n } from 'c/miawReportModel';
import type { ReportResult } from 'c/miawReportModel';

export type StepState = 'done' | 'blocked' | 'attention' | 'not_evaluated' | 'to_confirm' | 'not_checked';

export interface StepStatus {
    state: StepState;
    /** One or two words: "Done", "Blocked", "Needs attention", "Not evaluated", "To confirm", "Not checked". */
    label: string;
    /** What is behind it, e.g. "2 blockers fail", "3 blocker items to confirm (GL-01, GL-03, GL-05)". */
    detail: string;
    /** SLDS utility icon: shape as well as colour, so the state never rests on colour alone. */
    icon: string;
    /** lightning-icon variant ('' for the default grey). */
    iconVariant: string;
}

export interface StepCounts {
    blockers: number;
    warnings: number;
    infos: number;
    notEvaluated: number;
    /** Of which blocker severity. */
    blockersNotEvaluated: number;
    toConfirm: number;
    /** Of which blocker severity (the go-live attestations GL-01, GL-03, GL-05 are). */
    blockersToConfirm: number;
    passed: number;
    total: number;
}

/** Manual results the caller knows were confirmed (a saved run) are not "to confirm". */
type StepResult = ReportResult;

export function countStep(results: readonly StepResult[]): StepCounts {
    const counts: StepCounts = {
        blockers: 0,
        warnings: 0,
        infos: 0,
        notEvaluated: 0,
        blockersNotEvaluated: 0,
        toConfirm: 0,
        blockersToConfirm: 0,
        passed: 0,
        total: results.length
    };
    for (const r of results) {
        if (r.status === 'fail') {
            if (r.severity === 'blocker') counts.blockers++;
            else if (r.severity === 'warning') counts.warnings++;
            else counts.infos++;
        } else if (r.status === 'not_evaluated') {
            counts.notEvaluated++;
            if (r.severity === 'blocker') counts.blockersNotEvaluated++;
        } else if (r.status === 'manual') {
            if (isConfirmed(r)) counts.passed++;
            else {
                counts.toConfirm++;
                if (r.severity === 'blocker') counts.blockersToConfirm++;
            }
        } else counts.passed++;
    }
    return counts;
}

function ids(results: readonly StepResult[], keep: (r: StepResult) => boolean): string {
    const list = [...new Set(results.filter(keep).map((r) => r.checkId))];
    return list.length > 0 && list.length <= 4 ? ` (${list.join(', ')})` : '';
}

/**
 * The status of a step whose checks produced `results`; `checked` is false while no check has run (the org
 * could not be read), which is "Not checked", never "Done".
 */
export function stepStatus(results: readonly StepResult[], checked = true): StepStatus {
    if (!checked) {
        return {
            state: 'not_checked',
            label: 'Not checked',
            detail: 'the org has not been read',
            icon: 'utility:clock',
            iconVariant: ''
        };
    }
    const c = countStep(results);
    if (c.blockers > 0) {
        const more = c.warnings > 0 ? `, ${n(c.warnings, 'warning fails', 'warnings fail')}` : '';
        return {
            state: 'blocked',
            label: 'Blocked',
            detail: `${n(c.blockers, 'blocker fails', 'blockers fail')}${more}`,
            icon: 'utility:error',
            iconVariant: 'error'
        };
    }
    if (c.warnings + c.infos > 0) {
        const parts = [];
        if (c.warnings) parts.push(n(c.warnings, 'warning fails', 'warnings fail'));
        if (c.infos) parts.push(n(c.infos, 'info check fails', 'info checks fail'));
        return {
            state: 'attention',
            label: 'Needs attention',
            detail: parts.join(', '),
            icon: 'utility:warning',
            iconVariant: 'warning'
        };
    }
    if (c.notEvaluated > 0) {
        const blockers =
            c.blockersNotEvaluated > 0 ? `, ${n(c.blockersNotEvaluated, 'blocker', 'blockers')} among them` : '';
        return {
            state: 'not_evaluated',
            label: 'Not evaluated',
            detail: `${n(c.notEvaluated, 'check could not be read', 'checks could not be read')}${blockers}`,
            icon: 'utility:question',
            iconVariant: ''
        };
    }
    if (c.toConfirm > 0) {
        const detail =
            c.blockersToConfirm > 0
                ? `${n(c.blockersToConfirm, 'blocker item', 'blocker items')} to confirm${ids(results, (r) => r.status === 'manual' && r.severity === 'blocker' && !isConfirmed(r))}` +
                  (c.toConfirm > c.blockersToConfirm ? `, ${c.toConfirm - c.blockersToConfirm} more` : '')
                : `${n(c.toConfirm, 'item', 'items')} to confirm`;
        return { state: 'to_confirm', label: 'To confirm', detail, icon: 'utility:task', iconVariant: '' };
    }
    if (c.total === 0) {
        return {
            state: 'done',
            label: 'Done',
            detail: 'no checks belong to this step',
            icon: 'utility:success',
            iconVariant: 'success'
        };
    }
    return {
        state: 'done',
        label: 'Done',
        detail: c.total === 1 ? 'its check passes' : `all ${c.total} checks pass`,
        icon: 'utility:success',
        iconVariant: 'success'
    };
}
