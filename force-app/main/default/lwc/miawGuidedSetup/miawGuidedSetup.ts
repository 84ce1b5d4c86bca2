/*
 * Guided Setup: the community setup guide's seven-step workflow with the live readiness checks of each step. It reads the org
 * (snapshot, API connection, org context, saved plan) through miawSetupAssistantApi, runs the pure engine locally
 * and reruns it at once whenever the plan changes; results that could have changed outside (the admin opened
 * Setup) are marked as needing a re-check instead of being shown as current.
 */
import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { buildIndex, emptyPlan, parseOrigin, runReadiness, setupPlanProblems } from 'c/miawReadinessEngine';
import type {
    CapacityModel,
    CheckResult,
    OrgSnapshot,
    PreChatFieldPlan,
    ReadinessReport,
    RoutingStrategy,
    SetupPlan,
    WidgetOrigin
} from 'c/miawReadinessEngine';
import {
    errorMessage,
    loadConnectionStatus,
    loadOrgContext,
    loadSetupPlan,
    loadSnapshot,
    saveSetupPlan,
    saveTestChecklist
} from 'c/miawSetupAssistantApi';
import type { ConnectionStatus, OrgContext, SavedPlan } from 'c/miawSetupAssistantApi';
import { formatDateTime, formatTime } from 'c/miawReportModel';
import {
    CAPACITY_GUIDANCE,
    ROUTING_GUIDANCE,
    STEPS,
    TEST_SCRIPT,
    resultsForStep,
    sectionLabel,
    stepById,
    summarizeStep,
    unreadSectionNotes
} from './guidedSetupSteps';
import type { StepId } from './guidedSetupSteps';
import { browserStorage, clearDraft, draftKey, readDraft, writeDraft, DRAFT_VERSION } from './planDraft';
import USER_ID from '@salesforce/user/Id';
import { stepStatus } from './stepStatus';
import type { StepStatus } from './stepStatus';

const READINESS_REPORT_TAB = 'Miaw_Readiness_Report';

const ALL = '';

interface PreChatRow extends PreChatFieldPlan {
    /** Stable key while the admin edits the name. */
    rowId: number;
}

export default class MiawGuidedSetup extends NavigationMixin(LightningElement) {
    loading = true;
    loadError = '';
    snapshot: OrgSnapshot | null = null;
    connection: ConnectionStatus | null = null;
    connectionError = '';
    orgContext: OrgContext | null = null;
    orgContextError = '';
    planLoadError = '';
    savedInfo = '';

    plan: SetupPlan = emptyPlan();
    preChatRows: PreChatRow[] = [];
    nextRowId = 1;
    planDirty = false;

    report: ReadinessReport | null = null;
    engineError = '';
    checkedAt: Date | null = null;
    stale = false;

    saving = false;
    saveMessage = '';
    saveError = '';

    currentStep: StepId = 'prerequisites';
    checklist: Record<string, boolean> = {};

    /** The plan as last saved, what "Discard" goes back to. */
    savedPlan: SavedPlan | null = null;
    /** "Restored your unsaved changes…", shown with a Discard button. */
    draftNotice = '';
    /** Set by Next, Back and a step click: the new step's heading takes focus once it has rendered. */
    focusStepHeading = false;
    private readonly beforeUnload = (event: BeforeUnloadEvent) => this.handleBeforeUnload(event);

    connectedCallback(): void {
        window.addEventListener('beforeunload', this.beforeUnload);
        this.loadAll();
    }

    disconnectedCallback(): void {
        window.removeEventListener('beforeunload', this.beforeUnload);
    }

    renderedCallback(): void {
        if (this.focusPreChatRow !== null) {
            this.focusInvalidField();
            return;
        }
        if (!this.focusStepHeading) return;
        this.focusStepHeading = false;
        const heading = this.template?.querySelector('.step-heading') as HTMLElement | null;
        if (!heading) return;
        // The heading of the new step is where a sighted and a screen-reader user continue.
        heading.focus();
        // 'center', not 'start': Lightning Experience's fixed global header would cover a heading scrolled to the top.
        heading.scrollIntoView?.({ block: 'center', behavior: 'auto' });
    }

    // -----------------------------------------------------------------------------------------------------
    // Loading and checking
    // -----------------------------------------------------------------------------------------------------

    async loadAll(): Promise<void> {
        this.loading = true;
        this.loadError = '';
        const [snapshot, connection, orgContext, saved] = await Promise.allSettled([
            loadSnapshot(),
            loadConnectionStatus(),
            loadOrgContext(),
            loadSetupPlan()
        ]);
        this.applyConnection(connection);
        if (orgContext.status === 'fulfilled') {
            this.orgContext = orgContext.value;
            this.orgContextError = '';
        } else {
            this.orgContext = null;
            this.orgContextError = errorMessage(orgContext.reason);
        }
        if (saved.status === 'fulfilled') {
            this.planLoadError = '';
            if (saved.value) this.applySavedPlan(saved.value);
        } else {
            this.planLoadError = `The saved setup plan could not be loaded: ${errorMessage(saved.reason)}. You are editing a new plan; saving it replaces the saved one.`;
        }
        this.restoreDraft();
        this.applySnapshot(snapshot);
        this.loading = false;
    }

    /** Re-check: reads the org again (never the saved plan, which would discard unsaved edits). */
    async recheck(): Promise<void> {
        this.loading = true;
        this.loadError = '';
        const [snapshot, connection] = await Promise.allSettled([loadSnapshot(), loadConnectionStatus()]);
        this.applyConnection(connection);
        this.applySnapshot(snapshot);
        this.loading = false;
    }

    applyConnection(result: PromiseSettledResult<ConnectionStatus>): void {
        if (result.status === 'fulfilled') {
            this.connection = result.value;
            this.connectionError = '';
        } else {
            this.connection = null;
            this.connectionError = errorMessage(result.reason);
        }
    }

    applySnapshot(result: PromiseSettledResult<OrgSnapshot>): void {
        if (result.status === 'rejected') {
            // Old results would now look current: drop them.
            this.snapshot = null;
            this.report = null;
            this.checkedAt = null;
            this.loadError = `The org could not be read: ${errorMessage(result.reason)}`;
            return;
        }
        this.snapshot = result.value;
        this.checkedAt = new Date();
        this.stale = false;
        this.runEngine();
    }

    applySavedPlan(saved: SavedPlan): void {
        this.savedPlan = saved;
        this.applyChecklist(saved);
        this.plan = saved.plan;
        this.preChatRows = saved.plan.preChatFields.map((f) => ({ ...f, rowId: this.nextRowId++ }));
        this.savedInfo = `Last saved by ${saved.lastModifiedByName} on ${formatDateTime(saved.lastModifiedDate)}.`;
        this.planDirty = false;
    }

    /** The plan as the engine and Apex take it: pre-chat rows without a name are still being typed. */
    get planForEngine(): SetupPlan {
        return {
            ...this.plan,
            preChatFields: this.preChatRows
                .filter((r) => r.name.trim() !== '')
                .map((r) => {
                    const field: PreChatFieldPlan = { name: r.name.trim(), hidden: r.hidden, required: r.required };
                    if (r.label && r.label.trim() !== '') field.label = r.label.trim();
                    if (r.target) field.target = r.target;
                    return field;
                })
        };
    }

    runEngine(): void {
        if (!this.snapshot) return;
        try {
            this.report = runReadiness(this.snapshot, this.planForEngine);
            this.engineError = '';
        } catch (error) {
            this.report = null;
            this.engineError = `The checks could not run: ${errorMessage(error)}`;
        }
    }

    /** Every plan edit goes through here: the engine is local and pure, so results are never stale for the plan. */
    updatePlan(changes: Partial<SetupPlan>): void {
        this.plan = { ...this.plan, ...changes };
        this.planChanged();
    }

    planChanged(): void {
        this.planDirty = true;
        this.saveMessage = '';
        // A refusal for invalid fields goes away once they are fixed (or removed).
        if (this.showPlanErrors && this.planProblems().length === 0) {
            this.showPlanErrors = false;
            this.saveError = '';
        }
        this.runEngine();
        this.keepDraft();
    }

    // -----------------------------------------------------------------------------------------------------
    // Header, status and steps
    // -----------------------------------------------------------------------------------------------------

    get checkedAtText(): string {
        return this.checkedAt ? `Checked at ${formatTime(this.checkedAt)}` : '';
    }

    get hasReport(): boolean {
        return this.report !== null;
    }

    get showSpinner(): boolean {
        return this.loading;
    }

    /** Each step's status from its results (stepStatus.ts): what the path and the review summary both show. */
    get stepStatuses(): Map<StepId, StepStatus> {
        const results = this.report?.results ?? [];
        return new Map(STEPS.map((s) => [s.id, stepStatus(resultsForStep(s, results), this.report !== null)]));
    }

    /**
     * The step path: each button's name is its step, its status and why ("4. Trusted sites: Blocked, 3 blockers
     * fail"); the current one is aria-current="step".
     */
    get stepNav() {
        const statuses = this.stepStatuses;
        return STEPS.map((s, i) => {
            const status = statuses.get(s.id) as StepStatus;
            const current = s.id === this.currentStep;
            return {
                id: s.id,
                number: i + 1,
                label: s.label,
                state: status.state,
                icon: status.icon,
                iconVariant: status.iconVariant,
                statusLabel: status.label,
                detail: status.detail,
                // The name is the visible text plus the status detail (assistive text): label in name holds.
                ariaCurrent: current ? 'step' : null,
                itemClass: `step-nav-item step-nav-item_${status.state}${current ? ' step-nav-item_current' : ''}`
            };
        });
    }

    get step() {
        return stepById(this.currentStep);
    }

    get stepIndex(): number {
        return STEPS.findIndex((s) => s.id === this.currentStep);
    }

    get stepHeading(): string {
        return `Step ${this.stepIndex + 1} of ${STEPS.length}: ${this.step.label}`;
    }

    get isFirstStep(): boolean {
        return this.stepIndex === 0;
    }

    get isLastStep(): boolean {
        return this.stepIndex === STEPS.length - 1;
    }

    get isPrerequisites(): boolean {
        return this.currentStep === 'prerequisites';
    }
    get isChannel(): boolean {
        return this.currentStep === 'channel';
    }
    get isDeployment(): boolean {
        return this.currentStep === 'deployment';
    }
    get isTrustedSites(): boolean {
        return this.currentStep === 'trustedSites';
    }
    get isCapacity(): boolean {
        return this.currentStep === 'capacity';
    }
    get isDeployTest(): boolean {
        return this.currentStep === 'deployTest';
    }
    get isReview(): boolean {
        return this.currentStep === 'review';
    }

    get todoItems() {
        return this.step.todo.map((text, i) => ({ key: `${this.currentStep}-${i}`, text }));
    }

    get setupLinks() {
        return this.step.setupLinks.map((l) => ({ key: l.path, label: `Open in Setup: ${l.label}`, path: l.path }));
    }

    get stepResults(): CheckResult[] {
        return this.report ? resultsForStep(this.step, this.report.results) : [];
    }

    get sectionNotes() {
        return unreadSectionNotes(this.snapshot, this.step.sections);
    }

    get hasSectionNotes(): boolean {
        return this.sectionNotes.length > 0;
    }

    handleStepClick(event: Event): void {
        const step = (event.currentTarget as HTMLElement).dataset.step as StepId | undefined;
        if (step) this.goToStep(step);
    }

    handleNext(): void {
        if (!this.isLastStep) this.goToStep(STEPS[this.stepIndex + 1].id);
    }

    handleBack(): void {
        if (!this.isFirstStep) this.goToStep(STEPS[this.stepIndex - 1].id);
    }

    goToStep(step: StepId): void {
        this.currentStep = step;
        this.focusStepHeading = true;
        if (this.planDirty) this.keepDraft();
    }

    handleRecheck(): void {
        this.recheck();
    }

    handleRetry(): void {
        this.loadAll();
    }

    handleOpenSetup(event: Event): void {
        const url = (event.currentTarget as HTMLElement).dataset.path;
        if (!url) return;
        this[NavigationMixin.Navigate]({ type: 'standard__webPage', attributes: { url } });
        this.stale = true;
    }

    /** A result's "Open in Setup" was used: what changes there is not in this snapshot. */
    handleResultOpened(): void {
        this.stale = true;
    }

    // -----------------------------------------------------------------------------------------------------
    // Prerequisites: the API connection
    // -----------------------------------------------------------------------------------------------------

    get isConnected(): boolean {
        return this.connection?.state === 'connected';
    }

    get showConnectionProblem(): boolean {
        return this.connection !== null && this.connection.state !== 'connected';
    }

    get connectionFixSteps() {
        return (this.connection?.fixSteps ?? []).map((text, i) => ({ key: `fix-${i}`, text }));
    }

    get unavailableSectionsText(): string {
        const sections = this.connection?.unavailableSections ?? [];
        return sections.length ? sections.map(sectionLabel).join('; ') : '';
    }

    get connectionSetupLabel(): string {
        return 'Open in Setup: API connection';
    }

    get connectionSetupPath(): string {
        return this.connection?.setupPath ?? '';
    }

    // -----------------------------------------------------------------------------------------------------
    // Messaging channel, routing, deployment, pre-chat
    // -----------------------------------------------------------------------------------------------------

    get miawChannels(): string[] {
        if (!this.snapshot || this.snapshot.messagingChannels.state !== 'read') return [];
        return buildIndex(this.snapshot, emptyPlan()).miawChannels.map((c) => c.developerName);
    }

    get miawDeployments(): string[] {
        if (!this.snapshot || this.snapshot.deployments.state !== 'read') return [];
        return buildIndex(this.snapshot, emptyPlan()).miawDeployments.map((d) => d.developerName);
    }

    choiceOptions(names: string[], chosen: string | undefined, allLabel: string) {
        const options = [{ label: allLabel, value: ALL }, ...names.map((n) => ({ label: n, value: n }))];
        if (chosen && !names.includes(chosen))
            options.push({ label: `${chosen} (not found in the org)`, value: chosen });
        return options;
    }

    get channelOptions() {
        return this.choiceOptions(this.miawChannels, this.plan.channel, 'All Messaging for In-App and Web channels');
    }

    get deploymentOptions() {
        return this.choiceOptions(
            this.miawDeployments,
            this.plan.deployment,
            'All Messaging for In-App and Web deployments'
        );
    }

    get channelValue(): string {
        return this.plan.channel ?? ALL;
    }

    get deploymentValue(): string {
        return this.plan.deployment ?? ALL;
    }

    get routingOptions() {
        return [
            { label: 'Omni-Channel flow', value: 'flow' },
            { label: 'Queue', value: 'queue' }
        ];
    }

    get capacityOptions() {
        return [
            { label: 'Status-based', value: 'status' },
            { label: 'Tab-based', value: 'tab' }
        ];
    }

    get routingValue(): string {
        return this.plan.routing ?? '';
    }

    get capacityValue(): string {
        return this.plan.capacityModel ?? '';
    }

    get routingGuidance() {
        return ROUTING_GUIDANCE.map((r, i) => ({ ...r, key: `r${i}` }));
    }

    get capacityGuidance() {
        return CAPACITY_GUIDANCE.map((r, i) => ({ ...r, key: `c${i}` }));
    }

    get routingNote(): string {
        if (this.plan.routing === 'flow') {
            return "Omni-Channel flow: set the channel's routing to the flow and still set a fallback queue for when the flow fails.";
        }
        if (this.plan.routing === 'queue') {
            return 'Queue: the channel routes every session to one queue. A pre-chat form that must reach routing needs a flow instead.';
        }
        return 'Choose a routing strategy: the checks (CH-03) then hold the channel to it.';
    }

    get capacityNote(): string {
        if (this.plan.capacityModel === 'status') {
            return 'Status-based: enable it in Omni-Channel Settings, then choose it on the Messaging service channel; other channels keep their own model. Customer Inactivity does not work with status-based capacity.';
        }
        if (this.plan.capacityModel === 'tab') {
            return "Tab-based: a session stops using a rep's capacity when the rep closes its tab, not when the session ends. Customer Inactivity can mark idle sessions Inactive.";
        }
        return 'Choose a capacity model: the checks then hold the service channel to it.';
    }

    handleChannelChange(event: CustomEvent<{ value: string }>): void {
        this.updatePlan({ channel: event.detail.value || undefined });
    }

    handleDeploymentChange(event: CustomEvent<{ value: string }>): void {
        this.updatePlan({ deployment: event.detail.value || undefined });
    }

    handleRoutingChange(event: CustomEvent<{ value: string }>): void {
        this.updatePlan({ routing: event.detail.value as RoutingStrategy });
    }

    handleCapacityChange(event: CustomEvent<{ value: string }>): void {
        this.updatePlan({ capacityModel: event.detail.value as CapacityModel });
    }

    /** Parameters the channels and deployments in scope already know, for the pre-chat picker. */
    get knownParameters(): { name: string; hidden: boolean; required: boolean }[] {
        if (!this.snapshot) return [];
        const index = buildIndex(this.snapshot, this.planForEngine);
        const known = new Map<string, { name: string; hidden: boolean; required: boolean }>();
        for (const d of index.deploymentsInScope) {
            for (const form of d.preChatForms) {
                for (const f of form.fields) {
                    if (!known.has(f.formField)) {
                        known.set(f.formField, { name: f.formField, hidden: f.isHidden, required: f.isRequired });
                    }
                }
            }
        }
        for (const c of index.channelsInScope) {
            for (const p of c.standardParameters) {
                const name = `_${p.parameterType}`;
                if (!known.has(name)) known.set(name, { name, hidden: false, required: false });
            }
            for (const p of c.customParameters) {
                if (!known.has(p.name)) known.set(p.name, { name: p.name, hidden: false, required: false });
            }
        }
        return [...known.values()];
    }

    get knownParameterOptions() {
        const used = new Set(this.preChatRows.map((r) => r.name));
        return this.knownParameters.filter((p) => !used.has(p.name)).map((p) => ({ label: p.name, value: p.name }));
    }

    get hasKnownParameters(): boolean {
        return this.knownParameterOptions.length > 0;
    }

    get preChatItems() {
        const problems = this.preChatProblems;
        return this.preChatRows.map((r, i) => {
            // An empty name is still being typed: it is named only once Save plan was tried.
            const problem = problems.find((p) => p.index === i && (r.name.trim() !== '' || this.showPlanErrors));
            return {
                ...r,
                key: `row-${r.rowId}`,
                id: String(r.rowId),
                position: `Pre-chat field ${i + 1}`,
                removeTitle: `Remove pre-chat field ${r.name || i + 1}`,
                label: r.label ?? '',
                nameError: problem?.message ?? '',
                // SLDS marks the input itself as invalid (red border) when its form element has an error.
                nameClass: problem ? 'slds-col slds-has-error' : 'slds-col'
            };
        });
    }

    get preChatProblems() {
        return setupPlanProblems({ preChatFields: this.preChatRows });
    }

    get hasPreChatRows(): boolean {
        return this.preChatRows.length > 0;
    }

    handleAddKnownParameter(event: CustomEvent<{ value: string }>): void {
        const known = this.knownParameters.find((p) => p.name === event.detail.value);
        if (!known) return;
        this.preChatRows = [
            ...this.preChatRows,
            { name: known.name, hidden: known.hidden, required: known.required, rowId: this.nextRowId++ }
        ];
        this.planChanged();
    }

    handleAddPreChatField(): void {
        this.preChatRows = [...this.preChatRows, { name: '', hidden: false, required: false, rowId: this.nextRowId++ }];
        this.planChanged();
    }

    handlePreChatEdit(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
        const target = event.currentTarget as HTMLElement;
        const rowId = Number(target.dataset.row);
        const field = target.dataset.field as 'name' | 'label' | 'hidden' | 'required';
        this.preChatRows = this.preChatRows.map((r) => {
            if (r.rowId !== rowId) return r;
            if (field === 'hidden' || field === 'required') return { ...r, [field]: Boolean(event.detail.checked) };
            return { ...r, [field]: event.detail.value ?? '' };
        });
        this.planChanged();
    }

    handleRemovePreChatField(event: Event): void {
        const rowId = Number((event.currentTarget as HTMLElement).dataset.row);
        this.preChatRows = this.preChatRows.filter((r) => r.rowId !== rowId);
        this.planChanged();
    }

    // -----------------------------------------------------------------------------------------------------
    // Trusted sites
    // -----------------------------------------------------------------------------------------------------

    get trustedSiteResults(): CheckResult[] {
        return this.report ? this.report.results.filter((r) => r.area === 'TS') : [];
    }

    handleOriginsChange(event: CustomEvent<{ origins: WidgetOrigin[] }>): void {
        this.updatePlan({ widgetOrigins: event.detail.origins });
    }

    handleTrustedSitesCreated(): void {
        this.recheck();
    }

    // -----------------------------------------------------------------------------------------------------
    // Deploy and test
    // -----------------------------------------------------------------------------------------------------

    get deploymentName(): string {
        if (this.plan.deployment) return this.plan.deployment;
        const all = this.miawDeployments;
        if (all.length === 1) return all[0];
        return 'Not chosen: pick the deployment on the Embedded Service deployment step.';
    }

    get placeholders() {
        const ctx = this.orgContext;
        const unknown = this.orgContextError
            ? `Not known: the org details could not be read (${this.orgContextError}).`
            : 'Not known.';
        const rows = [
            { key: 'org', label: 'Org Id', value: ctx?.organizationId ?? unknown },
            { key: 'deployment', label: 'Deployment developer name', value: this.deploymentName },
            {
                key: 'site',
                label: "Site URL (the deployment's site endpoint)",
                value: ctx ? (ctx.siteUrl ?? 'Not known: copy it from the code snippet.') : unknown
            },
            { key: 'scrt', label: 'SCRT URL (scrt2URL, the messaging service)', value: ctx?.scrtUrl ?? unknown }
        ];
        return rows.map((r) => ({ ...r, labelKey: `${r.key}-label`, valueKey: `${r.key}-value` }));
    }

    checklistSaving = false;
    checklistError = '';

    get checklistItems() {
        return TEST_SCRIPT.map((item) => ({ ...item, checked: Boolean(this.checklist[item.id]) }));
    }

    get checklistProgress(): string {
        const done = TEST_SCRIPT.filter((i) => this.checklist[i.id]).length;
        return `${done} of ${TEST_SCRIPT.length} test steps done`;
    }

    /** Says what the checklist confirms, and by whom once it is complete (from the server, never the screen's clock). */
    get checklistStatus(): string {
        const saved = this.savedPlan?.testChecklist;
        if (saved?.completedAt && TEST_SCRIPT.every((i) => this.checklist[i.id])) {
            return `Test completed by ${saved.completedByName} on ${formatDateTime(saved.completedAt)}: this confirms GL-01 (end-to-end test in a sandbox) in the Readiness Report.`;
        }
        return 'When every step is done, the completed test confirms GL-01 (end-to-end test in a sandbox) in the Readiness Report, with your name and the time. Each tick is saved at once.';
    }

    get checklistComplete(): boolean {
        return Boolean(this.savedPlan?.testChecklist?.completedAt) && TEST_SCRIPT.every((i) => this.checklist[i.id]);
    }

    applyChecklist(saved: SavedPlan): void {
        const done = new Set((saved.testChecklist?.items ?? []).map((i) => i.id));
        this.checklist = Object.fromEntries(TEST_SCRIPT.map((i) => [i.id, done.has(i.id)]));
    }

    /** Each tick is saved with the plan at once (who and when are recorded by the server). */
    async handleChecklistChange(event: CustomEvent<{ checked: boolean }>): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.item;
        if (!id) return;
        const before = this.checklist;
        this.checklist = { ...this.checklist, [id]: Boolean(event.detail.checked) };
        this.checklistError = '';
        this.checklistSaving = true;
        try {
            const saved = await saveTestChecklist(TEST_SCRIPT.filter((i) => this.checklist[i.id]).map((i) => i.id));
            // Only the checklist is taken over: unsaved plan edits on screen stay as they are. The record's new
            // modification time is kept so a draft is not later mistaken for one based on an older plan.
            const base = this.savedPlan ?? saved;
            this.savedPlan = {
                ...base,
                testChecklist: saved.testChecklist,
                lastModifiedDate: saved.lastModifiedDate,
                lastModifiedByName: saved.lastModifiedByName
            };
            this.applyChecklist(saved);
            if (this.planDirty) this.keepDraft();
        } catch (error) {
            this.checklist = before;
            this.checklistError = `The test step was not saved: ${errorMessage(error)}`;
        } finally {
            this.checklistSaving = false;
        }
    }

    // -----------------------------------------------------------------------------------------------------
    // Review and sign off
    // -----------------------------------------------------------------------------------------------------

    get stepSummaries() {
        const results = this.report?.results ?? [];
        const statuses = this.stepStatuses;
        return STEPS.map((s) => {
            const sum = summarizeStep(resultsForStep(s, results));
            const status = statuses.get(s.id) as StepStatus;
            return {
                key: s.id,
                label: s.label,
                verdict: status.label,
                detail: status.detail,
                state: status.state,
                ...sum
            };
        });
    }

    /**
     * Next to the banner: the go-live attestations of blocker severity (GL-01, GL-03, GL-05) still to confirm.
     * The engine's verdict leaves manual items out, so without this line a run with no failing blocker would
     * read as if nothing blocked go-live.
     */
    get readinessVerdict(): string {
        if (!this.report) return '';
        const manualBlockers = this.report.results.filter((r) => r.status === 'manual' && r.severity === 'blocker');
        if (manualBlockers.length === 0) return '';
        const ids = [...new Set(manualBlockers.map((r) => r.checkId))].join(', ');
        const n = manualBlockers.length;
        return `Sign-off also needs ${n} blocker go-live ${n === 1 ? 'item' : 'items'} confirmed by a person (${ids}): confirm ${n === 1 ? 'it' : 'them'} on a saved run in the Readiness Report.`;
    }

    handleOpenReport(): void {
        this[NavigationMixin.Navigate]({
            type: 'standard__navItemPage',
            attributes: { apiName: READINESS_REPORT_TAB }
        });
    }

    // -----------------------------------------------------------------------------------------------------
    // Saving the plan
    // -----------------------------------------------------------------------------------------------------

    /** Set once Save plan was refused: from then on an empty pre-chat name is shown as a problem too. */
    showPlanErrors = false;
    /** The pre-chat row whose name input takes focus after the next render ("Go to …" in the save error). */
    focusPreChatRow: number | null = null;

    /** Problems that would make the plan unusable, each naming the item (the engine's rules, as the CLI uses). */
    planProblems(): string[] {
        const problems: string[] = [];
        for (const o of this.plan.widgetOrigins) {
            const parsed = parseOrigin(o.origin);
            if (!parsed.ok) problems.push(`Widget origin: ${parsed.error}`);
        }
        for (const p of this.preChatProblems) problems.push(p.message);
        return problems;
    }

    /** The first pre-chat field to fix, for the "Go to" button under the save error. */
    get firstInvalidField(): { rowId: number; label: string } | null {
        const first = this.preChatProblems[0];
        if (!first || !this.saveError) return null;
        return { rowId: this.preChatRows[first.index].rowId, label: `Go to pre-chat field ${first.index + 1}` };
    }

    handleGoToInvalidField(): void {
        const target = this.firstInvalidField;
        if (!target) return;
        this.focusPreChatRow = target.rowId;
        // Already on the step: nothing re-renders, so focus now; otherwise renderedCallback does it.
        if (this.currentStep === 'deployment') this.focusInvalidField();
        else this.currentStep = 'deployment';
    }

    focusInvalidField(): void {
        const input = this.template?.querySelector(
            `lightning-input[data-row="${this.focusPreChatRow}"][data-field="name"]`
        ) as HTMLElement | null;
        this.focusPreChatRow = null;
        input?.focus();
        input?.scrollIntoView?.({ block: 'center', behavior: 'auto' });
    }

    async handleSave(): Promise<void> {
        this.saveMessage = '';
        this.saveError = '';
        const problems = this.planProblems();
        this.showPlanErrors = problems.length > 0;
        if (problems.length > 0) {
            this.saveError = `The setup plan was not saved: ${problems.join(' ')}`;
            return;
        }
        this.saving = true;
        try {
            const saved = await saveSetupPlan(this.planForEngine);
            this.applySavedPlan(saved);
            this.draftNotice = '';
            clearDraft(browserStorage(), this.draftKey);
            this.saveMessage = 'Setup plan saved.';
            this.runEngine();
        } catch (error) {
            this.saveError = `The setup plan was not saved: ${errorMessage(error)}`;
        } finally {
            this.saving = false;
        }
    }

    get saveDisabled(): boolean {
        return this.saving || this.loading;
    }

    get dirtyText(): string {
        return this.planDirty ? 'Unsaved changes' : '';
    }

    // -----------------------------------------------------------------------------------------------------
    // Unsaved work: a draft in the browser, restored on load; leaving the page with changes asks first
    // -----------------------------------------------------------------------------------------------------

    get draftKey(): string {
        return draftKey(this.orgContext?.organizationId, USER_ID);
    }

    keepDraft(): void {
        writeDraft(browserStorage(), this.draftKey, {
            version: DRAFT_VERSION,
            plan: { ...this.plan, preChatFields: this.preChatRows.map(({ rowId: _rowId, ...field }) => field) },
            step: this.currentStep,
            writtenAt: new Date().toISOString(),
            basedOn: this.savedPlan?.lastModifiedDate ?? null
        });
    }

    /** Puts back edits that were never saved (another tab, a reload, a closed window) and says so. */
    restoreDraft(): void {
        const draft = readDraft(browserStorage(), this.draftKey);
        if (!draft) return;
        this.plan = { ...draft.plan, preChatFields: [] };
        this.preChatRows = draft.plan.preChatFields.map((f) => ({ ...f, rowId: this.nextRowId++ }));
        if (STEPS.some((s) => s.id === draft.step)) this.currentStep = draft.step as StepId;
        this.planDirty = true;
        const when = draft.writtenAt ? ` from ${formatDateTime(draft.writtenAt)}` : '';
        const changed =
            this.savedPlan && draft.basedOn !== this.savedPlan.lastModifiedDate
                ? ` The saved plan has changed since (saved by ${this.savedPlan.lastModifiedByName} on ${formatDateTime(this.savedPlan.lastModifiedDate)}): saving replaces it.`
                : '';
        this.draftNotice = `Restored your unsaved changes${when}. They are not saved yet.${changed}`;
    }

    /** Discard: back to the saved plan (or an empty one), and the draft is gone. */
    handleDiscardDraft(): void {
        clearDraft(browserStorage(), this.draftKey);
        this.draftNotice = '';
        this.saveError = '';
        this.showPlanErrors = false;
        if (this.savedPlan) this.applySavedPlan(this.savedPlan);
        else {
            this.plan = emptyPlan();
            this.preChatRows = [];
            this.planDirty = false;
        }
        this.runEngine();
    }

    /** The browser's own "Leave site?" prompt while edits are unsaved (the draft still keeps them). */
    handleBeforeUnload(event: BeforeUnloadEvent): void {
        if (!this.planDirty) return;
        event.preventDefault();
        // Older browsers show the prompt only when returnValue is set.
        event.returnValue = '';
    }
}
