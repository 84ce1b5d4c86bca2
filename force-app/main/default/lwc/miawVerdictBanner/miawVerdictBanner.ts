/*
 * The verdict banner, the same in the Readiness Report and on Guided Setup's review step: ready (green),
 * not ready (red) or incomplete (amber, never green: it names the blocker checks that could not be evaluated
 * and, when the API connection is what is missing, how to connect), with an icon and words, never colour alone,
 * and the counts that say what each number is.
 */
import { LightningElement, api } from 'lwc';
import type { ReportSummary } from 'c/miawReadinessEngine';
import { bannerCounts, countLabels } from 'c/miawReportModel';
import type { ReportResult } from 'c/miawReportModel';

/** Which blockers are unknown, and — when the API connection is missing — how to connect. */
export function incompleteReason(summary: ReportSummary | null): string {
    const missing = summary?.unevaluatedBlockers ?? [];
    const ids = [...new Set(missing.map((b) => b.checkId))];
    const needsApi = missing.some((b) => /Connect the app to the org's API/i.test(b.how));
    const head = `${ids.length} blocker ${ids.length === 1 ? 'check' : 'checks'} could not be evaluated (${ids.join(', ')}).`;
    return needsApi ? `${head} Connect the app to the org's API in Guided Setup, step 1, and check again.` : head;
}

export default class MiawVerdictBanner extends LightningElement {
    /** The run's summary (verdict, counts, unevaluated blockers). */
    @api summary: ReportSummary | null = null;
    /** The run's results: the "to confirm" count leaves out what was already confirmed. */
    @api results: ReportResult[] = [];

    get hasSummary(): boolean {
        return this.summary !== null && this.summary !== undefined;
    }
    get isReady(): boolean {
        return this.summary?.verdict === 'ready';
    }
    get isIncomplete(): boolean {
        return this.summary?.verdict === 'incomplete';
    }
    get verdictText(): string {
        if (this.isReady) return 'Ready for go-live';
        if (this.isIncomplete)
            return `Incomplete, not known to be ready for go-live: ${incompleteReason(this.summary)}`;
        return 'Not ready for go-live';
    }
    get bannerClass(): string {
        const theme = this.isReady
            ? 'slds-theme_success'
            : this.isIncomplete
              ? 'slds-theme_warning'
              : 'slds-theme_error';
        return `slds-box slds-theme_alert-texture ${theme} slds-m-vertical_small verdict`;
    }
    get verdictIcon(): string {
        return this.isReady ? 'utility:success' : this.isIncomplete ? 'utility:warning' : 'utility:error';
    }
    get countItems(): { key: string; text: string }[] {
        const summary = this.summary;
        if (!summary) return [];
        return countLabels(bannerCounts(summary, this.results ?? [])).map((text, i) => ({ key: `c${i}`, text }));
    }
}
