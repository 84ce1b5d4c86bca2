/*
 * The CLI reads the demo's metadata folder; the preview serves an org snapshot of the same demo, which also holds
 * data (queue members, licences, live sessions). Where their blocker counts differ, the preview says why, naming
 * each blocker only the org read could judge, so nobody takes the two numbers for a bug.
 */
import type { CheckResult, ReadinessReport } from '../../force-app/main/default/lwc/miawReadinessEngine/result';

const key = (r: CheckResult): string => `${r.checkId}\u0000${r.subject}`;
const label = (r: CheckResult): string =>
    r.subject && r.subject !== 'org' ? `${r.checkId} (${r.subject})` : r.checkId;
const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Failing blockers the org read finds that the CLI did not, and what the CLI said about each instead. */
export function blockersOnlyInOrg(
    cli: ReadinessReport,
    org: ReadinessReport
): { result: CheckResult; cli?: CheckResult }[] {
    const failing = (r: CheckResult) => r.status === 'fail' && r.severity === 'blocker';
    const cliFailing = new Set(cli.results.filter(failing).map(key));
    const cliByKey = new Map(cli.results.map((r) => [key(r), r]));
    return org.results
        .filter((r) => failing(r) && !cliFailing.has(key(r)))
        .map((result) => ({ result, cli: cliByKey.get(key(result)) }));
}

/**
 * "`npm run demo` (the CLI, metadata only) finds 9 failing blockers; this org read finds 10. Only the org can show
 * RT-03 (Acme_Order_Support): the CLI reports it not evaluated (…)." Empty when the counts agree.
 */
export function cliBlockerNote(cli: ReadinessReport, org: ReadinessReport, demo: string): string {
    const cliCount = cli.summary.blockers;
    const orgCount = org.summary.blockers;
    const only = blockersOnlyInOrg(cli, org);
    if (cliCount === orgCount && only.length === 0) {
        return `The CLI on examples/${demo} finds the same ${plural(cliCount, 'failing blocker')} as this org read.`;
    }
    const head = `The CLI on examples/${demo} (metadata only) finds ${plural(cliCount, 'failing blocker')}; this org read finds ${orgCount}.`;
    if (only.length === 0) return head;
    const why = only
        .map(({ result, cli: there }) =>
            there?.status === 'not_evaluated'
                ? `${label(result)}, which needs data the metadata folder does not hold (the CLI reports it not evaluated)`
                : `${label(result)}`
        )
        .join('; ');
    return `${head} Only the org shows ${why}.`;
}
