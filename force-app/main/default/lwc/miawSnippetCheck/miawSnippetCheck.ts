/*
 * Guided Setup's paste-and-check (deploy-and-test step): the admin pastes the page's HTML, or just the code
 * snippet, and gets the website checks (WEB-01..09) against the live snapshot, run here in the browser: the HTML is
 * parsed by DOMParser into an inert document (nothing runs, nothing is sent anywhere). Beside the results, the
 * snippet values the org expects are shown next to the ones pasted, so a snippet from another org or deployment is
 * seen at a glance.
 */
import { LightningElement, api } from 'lwc';
import { buildIndex, emptyPlan, findSnippet, PASTE_HEADERS_NOTE, runWebsiteChecks } from 'c/miawReadinessEngine';
import type { CheckResult, InitCall, OrgSnapshot, SetupPlan, WebPageModel } from 'c/miawReadinessEngine';
import type { OrgContext } from 'c/miawSetupAssistantApi';
import { isFragment, pageModelFromHtml } from './pageModelFromDocument';

/** Where the pasted text is kept while the admin moves between steps (and across a reload of the tab). */
export const STORAGE_KEY = 'miawSnippetCheck.draft';

interface Draft {
    html: string;
    pageAddress: string;
    /** The admin clicked Check on this text: show its results again when the step is shown again. */
    checked: boolean;
}

/** Fallback when the browser refuses session storage: the draft lives as long as the page. */
let memoryDraft: Draft | null = null;

function loadDraft(): Draft | null {
    try {
        const raw = window.sessionStorage.getItem(STORAGE_KEY);
        if (raw) {
            const parsed = JSON.parse(raw) as Partial<Draft>;
            return {
                html: typeof parsed.html === 'string' ? parsed.html : '',
                pageAddress: typeof parsed.pageAddress === 'string' ? parsed.pageAddress : '',
                checked: parsed.checked === true
            };
        }
    } catch {
        // storage blocked or a value from an older version: fall back to memory
    }
    return memoryDraft;
}

function saveDraft(draft: Draft): void {
    memoryDraft = draft;
    try {
        window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
    } catch {
        // quota or storage blocked: the in-memory copy still keeps the text while the page is open
    }
}

/** For tests: forget the in-memory draft. */
export function resetDraftForTests(): void {
    memoryDraft = null;
}

export const EMPTY_HTML_ERROR = "Paste the page's HTML or the code snippet, then click Check.";
export const PAGE_ADDRESS_ERROR =
    "The page address must be the page's full https:// address, for example https://www.example.com/help; a page served over http cannot use the chat. Leave it empty to check without it.";

type Comparison = 'match' | 'mismatch' | 'missing' | 'unknown';

const COMPARISON: Record<Comparison, { text: string; icon: string; variant: string }> = {
    match: { text: 'Matches', icon: 'utility:success', variant: 'success' },
    mismatch: { text: 'Differs', icon: 'utility:error', variant: 'error' },
    missing: { text: 'Not in what you pasted', icon: 'utility:warning', variant: 'warning' },
    unknown: { text: "Not compared: the org's value is not known", icon: 'utility:info', variant: '' }
};

function originOf(url: string | undefined): string | undefined {
    if (!url) return undefined;
    try {
        return new URL(url).origin.toLowerCase();
    } catch {
        return undefined;
    }
}

function validPageAddress(value: string): boolean {
    try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.hostname !== '';
    } catch {
        return false;
    }
}

export default class MiawSnippetCheck extends LightningElement {
    @api snapshot: OrgSnapshot | null = null;
    @api plan: SetupPlan | null = null;
    @api orgContext: OrgContext | null = null;
    /** Why the org context could not be read, when it could not. */
    @api orgContextError = '';

    html = '';
    pageAddress = '';
    htmlError = '';
    addressError = '';
    /** The page as parsed at the last Check; the results are recomputed from it against the current snapshot. */
    model: WebPageModel | null = null;
    /** The checked text was the snippet alone, not a page. */
    fragment = false;
    /** The text or address changed after the last Check: the results shown are for the earlier text. */
    changedSinceCheck = false;
    checkError = '';

    connectedCallback(): void {
        const draft = loadDraft();
        if (!draft) return;
        this.html = draft.html;
        this.pageAddress = draft.pageAddress;
        if (draft.checked && draft.html.trim() !== '' && this.addressOk(draft.pageAddress)) this.parse();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Input
    // ---------------------------------------------------------------------------------------------------------

    handleHtmlChange(event: CustomEvent<{ value: string }>): void {
        this.html = event.detail.value ?? '';
        if (this.htmlError && this.html.trim() !== '') this.setHtmlError('');
        this.changedSinceCheck = this.model !== null;
        this.persist(false);
    }

    handleAddressChange(event: CustomEvent<{ value: string }>): void {
        this.pageAddress = (event.detail.value ?? '').trim();
        if (this.addressError && this.addressOk(this.pageAddress)) this.setAddressError('');
        this.changedSinceCheck = this.model !== null;
        this.persist(false);
    }

    handleCheck(): void {
        const emptyHtml = this.html.trim() === '';
        this.setHtmlError(emptyHtml ? EMPTY_HTML_ERROR : '');
        const badAddress = !this.addressOk(this.pageAddress);
        this.setAddressError(badAddress ? PAGE_ADDRESS_ERROR : '');
        if (emptyHtml || badAddress) {
            // the last results belong to other text: never show them as this text's
            this.model = null;
            this.persist(false);
            return;
        }
        this.parse();
        this.persist(this.model !== null);
    }

    addressOk(value: string): boolean {
        return value === '' || validPageAddress(value);
    }

    parse(): void {
        this.changedSinceCheck = false;
        try {
            this.model = pageModelFromHtml(this.html, this.pageAddress);
            this.fragment = isFragment(this.html);
            this.checkError = '';
        } catch (error) {
            this.model = null;
            this.checkError = `The pasted text could not be read as HTML: ${error instanceof Error ? error.message : String(error)}`;
        }
    }

    persist(checked: boolean): void {
        saveDraft({ html: this.html, pageAddress: this.pageAddress, checked });
    }

    // The message is shown right under the field by this component (role="alert"), not through the base field's
    // validity as well: both at once would show and announce it twice.
    setHtmlError(message: string): void {
        this.htmlError = message;
    }

    setAddressError(message: string): void {
        this.addressError = message;
    }

    get hasHtmlError(): boolean {
        return this.htmlError !== '';
    }

    get hasAddressError(): boolean {
        return this.addressError !== '';
    }

    // ---------------------------------------------------------------------------------------------------------
    // Results
    // ---------------------------------------------------------------------------------------------------------

    get showResults(): boolean {
        return this.model !== null;
    }

    get results(): CheckResult[] {
        if (!this.model) return [];
        return runWebsiteChecks({
            pages: [this.model],
            org: this.snapshot
                ? {
                      snapshot: this.snapshot,
                      plan: this.plan ?? emptyPlan(),
                      orgId: this.orgContext?.organizationId
                  }
                : undefined,
            howToAddOrg: 'Click Re-check so Guided Setup reads the org, then click Check again.',
            source: 'paste',
            fragment: this.fragment
        });
    }

    get headersNote(): string {
        return `${PASTE_HEADERS_NOTE}.`;
    }

    get addressNote(): string {
        return this.model && this.model.finalUrl === ''
            ? 'No page address given: the CORS allowlist (WEB-07) and HTTPS (WEB-09) checks are not evaluated; add the page address to run them.'
            : '';
    }

    get init(): InitCall | undefined {
        return this.model ? findSnippet(this.model.scripts).init : undefined;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expected by the org vs in what you pasted
    // ---------------------------------------------------------------------------------------------------------

    /** The deployment the page should name: the plan's, or the org's only Enhanced Chat deployment. */
    get expectedDeployment(): string | undefined {
        if (this.plan?.deployment) return this.plan.deployment;
        if (!this.snapshot || this.snapshot.deployments.state !== 'read') return undefined;
        const all = buildIndex(this.snapshot, emptyPlan()).miawDeployments;
        return all.length === 1 ? all[0].developerName : undefined;
    }

    get expectedSiteName(): string | undefined {
        const name = this.expectedDeployment;
        if (!name || !this.snapshot || this.snapshot.deployments.state !== 'read') return undefined;
        return this.snapshot.deployments.items.find((d) => d.developerName === name)?.site;
    }

    get comparisonRows() {
        const ctx = this.orgContext;
        const init = this.init;
        const notKnown = this.orgContextError
            ? `Not known: the org details could not be read (${this.orgContextError}).`
            : 'Not known.';
        const deployment = this.expectedDeployment;
        const siteName = this.expectedSiteName;
        const rows: {
            key: string;
            label: string;
            expected?: string;
            expectedText: string;
            pasted?: string;
            state: Comparison;
        }[] = [];
        const add = (
            key: string,
            label: string,
            expected: string | undefined,
            expectedText: string,
            pasted: string | undefined,
            same: (a: string, b: string) => boolean
        ) => {
            let state: Comparison = 'unknown';
            if (pasted === undefined) state = 'missing';
            else if (expected !== undefined) state = same(expected, pasted) ? 'match' : 'mismatch';
            rows.push({ key, label, expected, expectedText, pasted, state });
        };
        add(
            'org',
            'Org Id',
            ctx?.organizationId,
            ctx?.organizationId ?? notKnown,
            init?.orgId,
            // a 15-character Id is the 18-character one without its case-safe suffix
            (a, b) => a.slice(0, 15) === b.slice(0, 15)
        );
        add(
            'deployment',
            'Deployment developer name',
            deployment,
            deployment ?? 'Not known: choose the deployment on the Embedded Service deployment step.',
            init?.deploymentName,
            (a, b) => a === b
        );
        const site = ctx?.siteUrl;
        add(
            'site',
            'Site URL',
            site,
            site
                ? `${/^https?:\/\/[^/]+\/?$/i.test(site) ? `${site.replace(/\/+$/, '')}/…` : site}${siteName ? ` (the site of ${deployment}: ${siteName})` : ''}`
                : ctx
                  ? 'Not known: copy it from the code snippet in Setup.'
                  : notKnown,
            init?.siteUrl,
            // the org knows the site domain; the path (the deployment's site) is WEB-04's to compare
            (a, b) => originOf(a) !== undefined && originOf(a) === originOf(b)
        );
        add(
            'scrt',
            'SCRT URL (scrt2URL)',
            ctx?.scrtUrl,
            ctx?.scrtUrl ?? notKnown,
            init?.scrt2Url,
            (a, b) => originOf(a) !== undefined && originOf(a) === originOf(b)
        );
        return rows.map((r) => {
            const look = COMPARISON[r.state];
            return {
                key: r.key,
                label: r.label,
                expectedText: r.expectedText,
                pastedText: r.pasted ?? 'Not in what you pasted',
                comparisonText: look.text,
                icon: look.icon,
                variant: look.variant,
                rowClass: `comparison-row${r.state === 'mismatch' || r.state === 'missing' ? ' comparison-row_problem' : ''}`,
                state: r.state
            };
        });
    }

    get mismatchCount(): number {
        return this.comparisonRows.filter((r) => r.state === 'mismatch').length;
    }

    get comparisonSummary(): string {
        const rows = this.comparisonRows;
        const differ = rows.filter((r) => r.state === 'mismatch').length;
        const missing = rows.filter((r) => r.state === 'missing').length;
        if (differ === 0 && missing === 0) {
            return rows.some((r) => r.state === 'unknown')
                ? 'No value differs from what the org knows; some could not be compared.'
                : 'Every value matches what the org expects.';
        }
        const parts: string[] = [];
        if (differ > 0)
            parts.push(`${differ} ${differ === 1 ? 'value differs' : 'values differ'} from what the org expects`);
        if (missing > 0) parts.push(`${missing} ${missing === 1 ? 'value is' : 'values are'} not in what you pasted`);
        return `${parts.join('; ')}.`;
    }
}
