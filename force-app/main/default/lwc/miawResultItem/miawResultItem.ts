/*
 * One check result (one check, one subject), drawn the same way wherever a result appears: Guided Setup's step
 * checks and the Readiness Report both render this component, so their labels ("Fix", "Open in Setup"), order,
 * separators and severity/status look cannot drift apart. It shows; it does not navigate or store: "Open in
 * Setup" fires `opensetup` ({ url }) and confirming a manual item fires `attest` ({ checkId, subject }).
 */
import { LightningElement, api } from 'lwc';
import {
    CHECKLIST_HINT,
    CONFIRMED_BY_CHECKLIST,
    GENERIC_SUBJECTS,
    formatDateTime,
    isConfirmed,
    openInSetupLabel,
    resultLook
} from 'c/miawReportModel';
import type { ReportResult, ResultLook } from 'c/miawReportModel';

const EMPTY_LOOK: ResultLook = resultLook({ status: 'not_evaluated', severity: 'info' });

export default class MiawResultItem extends LightningElement {
    private current: ReportResult | null = null;
    look: ResultLook = EMPTY_LOOK;

    /** The result to draw. */
    @api
    get result(): ReportResult | null {
        return this.current;
    }
    set result(value: ReportResult | null) {
        this.current = value ?? null;
        this.look = value ? resultLook(value) : EMPTY_LOOK;
    }

    /** A manual result may be confirmed here (a saved run that is not signed off). */
    @api canAttest = false;
    /** The confirmation was sent and not answered yet: the box shows ticked and read-only. */
    @api pending = false;
    /** Why the box is read-only, e.g. "Save the run to confirm this item." */
    @api attestationHint = '';
    /** Print layout: no buttons. */
    @api printMode = false;

    get checkId(): string {
        return this.current?.checkId ?? '';
    }
    get title(): string {
        return this.current?.title ?? '';
    }
    get heading(): string {
        return `${this.checkId} ${this.title}`;
    }
    get subject(): string {
        return this.current?.subject ?? '';
    }
    get showSubject(): boolean {
        return this.subject !== '' && !GENERIC_SUBJECTS.has(this.subject);
    }
    get message(): string {
        return this.current?.message ?? '';
    }
    get remediation(): string {
        return this.current?.remediation ?? '';
    }
    get showFix(): boolean {
        return this.current !== null && this.current.status !== 'pass' && this.remediation !== '';
    }
    get hasStatusIconVariant(): boolean {
        return this.look.statusIconVariant !== '';
    }
    get showSetup(): boolean {
        const r = this.current;
        return !this.printMode && r !== null && r.status !== 'pass' && Boolean(r.setupPath);
    }
    get setupPath(): string {
        return this.current?.setupPath ?? '';
    }
    get setupLabel(): string {
        return this.current ? openInSetupLabel(this.current) : '';
    }
    get isManual(): boolean {
        return this.current?.status === 'manual';
    }
    /** GL-01 is confirmed by the deploy-and-test checklist, never by a tick here. */
    get byChecklist(): boolean {
        return this.current !== null && CONFIRMED_BY_CHECKLIST.has(this.current.checkId);
    }
    get showConfirmBox(): boolean {
        return this.isManual && !this.byChecklist;
    }
    get checklistHint(): string {
        return this.byChecklist && !this.isConfirmed ? CHECKLIST_HINT : '';
    }
    get isConfirmed(): boolean {
        return this.current !== null && isConfirmed(this.current);
    }
    get confirmChecked(): boolean {
        return this.isConfirmed || Boolean(this.pending);
    }
    get confirmDisabled(): boolean {
        return this.printMode || !this.canAttest || this.confirmChecked;
    }
    get confirmLabel(): string {
        return `Confirm: ${this.title}${this.showSubject ? ` (${this.subject})` : ''}`;
    }
    get confirmedText(): string {
        const r = this.current;
        if (!r || !isConfirmed(r)) return '';
        const parts = [r.attestedByName ? `Confirmed by ${r.attestedByName}` : 'Confirmed'];
        if (r.attestedAt) parts.push(`on ${formatDateTime(r.attestedAt)}`);
        return `${parts.join(' ')}${r.attestationNote ? `: ${r.attestationNote}` : ''}`;
    }
    get showHint(): boolean {
        return !this.confirmedText && !this.byChecklist && Boolean(this.attestationHint);
    }
    get showActions(): boolean {
        return this.showSetup || this.isManual;
    }

    handleOpenSetup(): void {
        const url = this.setupPath;
        if (url) this.dispatchEvent(new CustomEvent('opensetup', { detail: { url } }));
    }

    handleConfirm(event: CustomEvent<{ checked: boolean }>): void {
        if (!event.detail.checked || this.confirmDisabled || !this.current || this.byChecklist) return;
        const { checkId, subject } = this.current;
        this.dispatchEvent(new CustomEvent('attest', { detail: { checkId, subject } }));
    }
}
