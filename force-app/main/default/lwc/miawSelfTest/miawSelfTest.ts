/*
 * Post-install self-test (Guided Setup, Prerequisites): one button runs every read path the snapshot uses and shows,
 * per path, pass or fail with Salesforce's own error text and the fix. "Copy report" puts the plain-text report on the
 * clipboard (or in a box to copy by hand when the browser refuses), for the maintainers.
 */
import { LightningElement } from 'lwc';
import { errorMessage, runSelfTest } from 'c/miawSetupAssistantApi';
import type { SelfTestResult } from 'c/miawSetupAssistantApi';
import { STATUS_TEXT, orderedPaths, reportText, summaryText } from './selfTestReport';

const STATUS_CLASS: Readonly<Record<string, string>> = {
    pass: 'slds-text-color_success',
    note: 'slds-text-color_weak',
    fail: 'slds-text-color_error',
    not_run: 'slds-text-color_weak'
};

export default class MiawSelfTest extends LightningElement {
    running = false;
    result: SelfTestResult | null = null;
    error = '';
    copyMessage = '';
    copyFallbackText = '';

    get hasResult(): boolean {
        return this.result !== null;
    }

    get runLabel(): string {
        return this.result ? 'Run self-test again' : 'Run self-test';
    }

    get summary(): string {
        return this.result ? summaryText(this.result.paths) : '';
    }

    get rows() {
        return orderedPaths(this.result?.paths ?? []).map((path) => ({
            ...path,
            key: path.id,
            statusText: STATUS_TEXT[path.status],
            statusClass: `status ${STATUS_CLASS[path.status] ?? ''}`,
            fixText: path.fix || '—'
        }));
    }

    get facts(): string {
        const r = this.result;
        if (!r) return '';
        return `Org ${r.organizationId}, package version ${r.packageVersion}, namespace ${r.namespacePrefix || '(none)'}, API ${r.apiVersion}.`;
    }

    async handleRun(): Promise<void> {
        this.running = true;
        this.error = '';
        this.copyMessage = '';
        this.copyFallbackText = '';
        try {
            this.result = await runSelfTest();
        } catch (e) {
            this.error = errorMessage(e);
        } finally {
            this.running = false;
        }
    }

    async handleCopy(): Promise<void> {
        if (!this.result) return;
        const text = reportText(this.result);
        this.copyFallbackText = '';
        try {
            if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
            await navigator.clipboard.writeText(text);
            this.copyMessage =
                'The self-test report is on the clipboard: paste it into your message to the maintainers.';
        } catch {
            this.copyMessage = 'This browser did not allow copying. Select the report below and copy it.';
            this.copyFallbackText = text;
        }
    }
}
