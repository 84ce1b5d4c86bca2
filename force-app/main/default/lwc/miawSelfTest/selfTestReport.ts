/*
 * The self-test's plain-text report: what an admin pastes into an issue or an email after the first install, so a
 * maintainer can act without asking back (org, API version, package version and namespace, then each path with its
 * status, Salesforce's own error text and the fix). Failures come first.
 */
import type { SelfTestPath, SelfTestResult } from 'c/miawSetupAssistantApi';

export const STATUS_TEXT: Readonly<Record<SelfTestPath['status'], string>> = {
    pass: 'Pass',
    note: 'Pass, with a note',
    fail: 'Fail',
    not_run: 'Not run'
};

const ORDER: Readonly<Record<SelfTestPath['status'], number>> = { fail: 0, not_run: 1, note: 2, pass: 3 };

/** "2 failed, 1 not run, 1 passed with a note, 19 passed" (zero counts left out, except passed). */
export function summaryText(paths: readonly SelfTestPath[]): string {
    const count = (status: SelfTestPath['status']) => paths.filter((p) => p.status === status).length;
    const parts = [
        count('fail') ? `${count('fail')} failed` : '',
        count('not_run') ? `${count('not_run')} not run` : '',
        count('note') ? `${count('note')} passed with a note` : '',
        `${count('pass')} passed`
    ];
    return `${parts.filter(Boolean).join(', ')} (${paths.length} read paths)`;
}

/** Paths in report order: failures, then not run, notes, passes; the service's order within each. */
export function orderedPaths(paths: readonly SelfTestPath[]): SelfTestPath[] {
    return paths
        .map((path, index) => ({ path, index }))
        .sort((a, b) => ORDER[a.path.status] - ORDER[b.path.status] || a.index - b.index)
        .map((entry) => entry.path);
}

export function reportText(result: SelfTestResult): string {
    const lines = [
        'MIAW Setup Assistant self-test',
        `Org ID: ${result.organizationId}`,
        `My Domain: ${result.myDomainUrl}`,
        `Run by: ${result.userName}`,
        `Run at: ${result.ranAt}`,
        `Package version: ${result.packageVersion}`,
        `Namespace: ${result.namespacePrefix || '(none)'}`,
        `API version: ${result.apiVersion}`,
        `Result: ${summaryText(result.paths)}`,
        ''
    ];
    for (const path of orderedPaths(result.paths)) {
        lines.push(`[${STATUS_TEXT[path.status]}] ${path.label} (${path.id})`);
        lines.push(`    ${path.status === 'pass' ? 'Read' : 'Salesforce said'}: ${path.detail || '-'}`);
        if (path.fix) lines.push(`    Fix: ${path.fix}`);
    }
    return lines.join('\n') + '\n';
}
