/*
 * The live check results of one Guided Setup step. It draws them with the report's own result list
 * (c-miaw-result-list, which draws each result with c-miaw-result-item), so both screens page a long list the
 * same way (an area renders 50 results until "Show more"), open only the areas that need attention and look
 * alike. Opening Setup tells the parent, which marks the results as needing a re-check (what the admin changes
 * there is not in this snapshot).
 */
import { LightningElement, api } from 'lwc';
import { resultCountsText } from 'c/miawReportModel';
import type { CheckResult } from 'c/miawReadinessEngine';

export default class MiawStepChecks extends LightningElement {
    @api results: CheckResult[] = [];
    /** Results were computed before something changed that the snapshot does not know. */
    @api stale = false;
    @api emptyMessage = 'No checks belong to this step.';

    get hasResults(): boolean {
        return (this.results ?? []).length > 0;
    }

    /** Says what each number is: "1 blocker fails, 0 warnings fail, 3 passed, 2 not evaluated, 1 to confirm". */
    get counts(): string {
        return resultCountsText(this.results ?? []);
    }

    handleOpenSetup(event: CustomEvent<{ url: string }>): void {
        this.dispatchEvent(new CustomEvent('opensetup', { detail: { url: event.detail?.url } }));
    }
}
