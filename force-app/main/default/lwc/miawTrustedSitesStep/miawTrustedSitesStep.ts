/*
 * Trusted sites step: every widget origin with its CORS coverage, and for what is missing a fix the
 * admin chooses — a zip of ready-to-deploy metadata, the same metadata as text, or (when the app is connected to
 * the org's API) "Create missing entries", which lists exactly what it will add before calling Apex. Nothing is
 * ever deleted or changed.
 */
import { LightningElement, api } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import JSZIP_URL from '@salesforce/resourceUrl/jszip';
import { createTrustedSites, errorMessage } from 'c/miawSetupAssistantApi';
import type { OrgContext, TrustedSiteOutcome } from 'c/miawSetupAssistantApi';
import type { CheckResult, OrgSnapshot, WidgetOrigin } from 'c/miawReadinessEngine';
import {
    buildFixFiles,
    cspOriginsToCreate,
    developerNameFor,
    existingEntryNames,
    hasMissing,
    metadataAsText,
    missingEntries,
    originCoverage,
    scrtCspNeeded
} from './trustedSiteFix';
import type { FixFile, MissingEntries, OriginCoverage } from './trustedSiteFix';

interface JSZipInstance {
    file(path: string, content: string): JSZipInstance;
    generateAsync(options: { type: 'base64' }): Promise<string>;
}
type JSZipConstructor = new () => JSZipInstance;

const ZIP_FILE_NAME = 'miaw-trusted-sites.zip';

export default class MiawTrustedSitesStep extends LightningElement {
    @api origins: WidgetOrigin[] = [];
    @api snapshot: OrgSnapshot | null = null;
    /** The engine's TS results for this plan and snapshot (TS-03 decides whether the SCRT URL is missing). */
    @api results: CheckResult[] = [];
    @api orgContext: OrgContext | null = null;
    /** The app can call the org's API (connection status "connected"). */
    @api connected = false;

    zipUrl = '';
    zipMessage = '';
    copyMessage = '';
    copyFallbackText = '';
    confirming = false;
    creating = false;
    createError = '';
    outcomes: TrustedSiteOutcome[] = [];

    get coverage(): OriginCoverage[] {
        return originCoverage({ widgetOrigins: this.origins ?? [], preChatFields: [] }, this.snapshot);
    }

    get missing(): MissingEntries {
        return missingEntries(
            this.coverage,
            scrtCspNeeded(this.results ?? [], this.snapshot, this.orgContext?.scrtUrl)
        );
    }

    get hasMissing(): boolean {
        return hasMissing(this.missing);
    }

    get files(): FixFile[] {
        return buildFixFiles(this.missing, existingEntryNames(this.snapshot));
    }

    get sectionNotes(): { key: string; text: string }[] {
        const notes: { key: string; text: string }[] = [];
        if (!this.snapshot) return notes;
        const sections = [
            ['corsEntries', 'The CORS allowlist'],
            ['cspTrustedSites', 'The Trusted URLs (CSP Trusted Sites)']
        ] as const;
        for (const [name, label] of sections) {
            const section = this.snapshot[name];
            if (section.state !== 'read') {
                const why = section.reason ? ` (${section.reason})` : '';
                notes.push({
                    key: name,
                    text: `${label} could not be read${why}, so coverage shows "Not known". Fix the connection on the Prerequisites step and click Re-check.`
                });
            }
        }
        return notes;
    }

    get missingSummary(): string {
        const m = this.missing;
        const parts: string[] = [];
        if (m.cors.length) parts.push(`${m.cors.length} CORS allowlist ${m.cors.length === 1 ? 'entry' : 'entries'}`);
        const csp = cspOriginsToCreate(m).length;
        if (csp)
            parts.push(`${csp} Trusted ${csp === 1 ? 'URL' : 'URLs'} (CSP Trusted ${csp === 1 ? 'Site' : 'Sites'})`);
        return `Missing: ${parts.join(' and ')}.`;
    }

    get scrtNote(): string {
        const scrt = this.missing.scrt;
        return scrt
            ? `The messaging service URL ${scrt} needs a Trusted URL with connect-src, because an Experience or Commerce site hosts the chat (check TS-03).`
            : '';
    }

    /** Exactly what "Create" adds, one line per entry, named as the zip names it (developerNameFor). */
    get confirmItems(): { key: string; text: string }[] {
        const m = this.missing;
        return [
            ...m.cors.map((o) => ({
                key: `cors:${o}`,
                text: `CORS allowlist entry ${developerNameFor('cors', o)} for ${o}`
            })),
            ...(m.scrt
                ? [
                      {
                          key: `csp:${m.scrt}`,
                          text: `Trusted URL ${developerNameFor('csp', m.scrt)} for ${m.scrt} (connect-src)`
                      }
                  ]
                : [])
        ];
    }

    get outcomeItems(): { key: string; text: string; className: string }[] {
        return this.outcomes.map((o, i) => {
            const what = o.kind === 'cors' ? 'CORS allowlist entry' : 'Trusted URL';
            return o.error
                ? {
                      key: `o${i}`,
                      text: `Not created: ${what} for ${o.origin}: ${o.error}`,
                      className: 'outcome slds-text-color_error'
                  }
                : {
                      key: `o${i}`,
                      text: `Created ${what} ${o.developerName ?? ''} for ${o.origin}.`.replace('  ', ' '),
                      className: 'outcome slds-text-color_success'
                  };
        });
    }

    get hasOutcomes(): boolean {
        return this.outcomes.length > 0;
    }

    get allCovered(): boolean {
        return (this.origins ?? []).length > 0 && !this.hasMissing && this.sectionNotes.length === 0;
    }

    handleOriginsChange(event: CustomEvent<{ origins: WidgetOrigin[] }>): void {
        this.resetFix();
        this.dispatchEvent(new CustomEvent('originschange', { detail: { origins: event.detail.origins } }));
    }

    resetFix(): void {
        this.zipUrl = '';
        this.zipMessage = '';
        this.copyMessage = '';
        this.copyFallbackText = '';
    }

    async handleDownload(): Promise<void> {
        this.zipMessage = '';
        try {
            await loadScript(this, JSZIP_URL);
            const JSZip = (window as unknown as { JSZip?: JSZipConstructor }).JSZip;
            if (!JSZip) throw new Error('the JSZip library did not load');
            const zip = new JSZip();
            for (const f of this.files) zip.file(f.path, f.content);
            const base64 = await zip.generateAsync({ type: 'base64' });
            this.zipUrl = `data:application/zip;base64,${base64}`;
            this.zipMessage = `${ZIP_FILE_NAME} is ready. If the download did not start, use the link.`;
            // The link renders first; clicking it starts the browser download.
            await Promise.resolve();
            (this.template?.querySelector('a.zip-link') as HTMLAnchorElement | null)?.click();
        } catch (error) {
            this.zipUrl = '';
            this.zipMessage = `The zip could not be made: ${errorMessage(error)}. Use "Copy metadata" instead.`;
        }
    }

    get zipFileName(): string {
        return ZIP_FILE_NAME;
    }

    async handleCopy(): Promise<void> {
        const text = metadataAsText(this.files);
        this.copyFallbackText = '';
        try {
            if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
            await navigator.clipboard.writeText(text);
            this.copyMessage = `Metadata for ${this.files.length} files copied to the clipboard.`;
        } catch {
            this.copyMessage = 'This browser did not allow copying. Select the text below and copy it.';
            this.copyFallbackText = text;
        }
    }

    /** Where focus goes after the next render: into the dialog, or back to the button that opened it. */
    focusAfterRender: 'dialog' | 'opener' | null = null;

    handleCreateClick(): void {
        this.createError = '';
        this.confirming = true;
        this.focusAfterRender = 'dialog';
    }

    handleCancel(): void {
        this.closeDialog();
    }

    closeDialog(): void {
        this.confirming = false;
        this.focusAfterRender = 'opener';
    }

    renderedCallback(): void {
        const target = this.focusAfterRender;
        if (!target) return;
        this.focusAfterRender = null;
        const selector = target === 'dialog' ? '.dialog-cancel' : '.create-button';
        (this.template?.querySelector(selector) as unknown as HTMLElement | null)?.focus();
    }

    /** The controls Tab cycles through inside the dialog, in order. */
    dialogControls(): HTMLElement[] {
        return ['.dialog-close', '.dialog-cancel', '.dialog-create']
            .map((s) => this.template?.querySelector(s) as unknown as HTMLElement | null)
            .filter((e): e is HTMLElement => e !== null);
    }

    /** Escape closes; Tab and Shift+Tab wrap around inside the dialog instead of reaching the page behind it. */
    handleDialogKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            this.closeDialog();
            return;
        }
        if (event.key !== 'Tab') return;
        const controls = this.dialogControls();
        if (controls.length === 0) return;
        const active = this.template?.activeElement as Element | null;
        const at = controls.findIndex((c) => c === active);
        const first = controls[0];
        const last = controls[controls.length - 1];
        if (event.shiftKey && (at <= 0 || active === null)) {
            event.preventDefault();
            last.focus();
        } else if (!event.shiftKey && (at === controls.length - 1 || at < 0)) {
            event.preventDefault();
            first.focus();
        }
    }

    async handleConfirmCreate(): Promise<void> {
        const m = this.missing;
        this.closeDialog();
        this.creating = true;
        this.createError = '';
        try {
            this.outcomes = await createTrustedSites({ cors: [...m.cors], csp: cspOriginsToCreate(m) });
            this.dispatchEvent(new CustomEvent('trustedsitescreated', { detail: { outcomes: this.outcomes } }));
        } catch (error) {
            this.createError = `The entries could not be created: ${errorMessage(error)}`;
        } finally {
            this.creating = false;
        }
    }
}
