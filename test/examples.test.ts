/*
 * The bundled demos (examples/needs-work, examples/ready) read through the metadata reader and the engine, as the
 * CLI does. Pins: every planted defect is caught by its check on its subject; every metadata-evaluable check
 * reports pass or fail on the needs-work demo unless metadata cannot answer it; the ready demo is ready.
 */
import { readDemo } from './support/demoOrgs';
import type { Demo } from './support/demoOrgs';
import { CHECK_SPECS, runReadiness } from '../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import type { ReadinessReport } from '../force-app/main/default/lwc/miawReadinessEngine/result';
import type { OrgSnapshot } from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';

function scan(example: Demo): { snapshot: OrgSnapshot; report: ReadinessReport } {
    const { snapshot, plan } = readDemo(example);
    return { snapshot, report: runReadiness(snapshot, plan) };
}

/** "checkId status subject" for compact assertions. */
function keys(report: ReadinessReport): string[] {
    return report.results.map((r) => `${r.checkId} ${r.status} ${r.subject}`);
}

/** Checks that no metadata folder can answer (documented in the examples' READMEs). */
const NOT_EVALUABLE_FROM_METADATA = ['CH-02', 'AG-03', 'TS-07'];

/** Each planted defect of examples/needs-work/README.md: [checkId, subject]. */
const PLANTED_DEFECTS: ReadonlyArray<[string, string]> = [
    ['TS-01', 'https://shop.acme-outdoor.example'],
    ['TS-01', 'https://staging.acme-outdoor.example'],
    ['TS-06', 'https://staging.acme-outdoor.example'],
    ['TS-03', 'https://acme-outdoor.my.site.com'],
    ['TS-04', 'https://help.acme-outdoor.example/support'],
    ['TS-04', 'http://www.acme-outdoor.example'],
    ['TS-05', 'https://*.com'],
    ['CH-06', 'Acme_Route_Web_Chat'],
    ['PC-02', 'Acme_Web_Chat: Order_Number'],
    ['PC-04', 'Acme_Web_Chat: Cart_Value'],
    ['PC-09', 'Acme_Web_Chat'],
    ['DP-02', 'Acme_Web_Chat'],
    ['DP-04', 'Acme_Legacy_Chat'],
    ['DP-04', 'EmbeddedServiceLiveAgent Acme_Legacy_Chat_LiveAgent'],
    ['RT-02', 'Acme_Chat_Fallback'],
    ['RT-04', 'Acme_Chat_Support'],
    ['CP-02', 'sfdc_livemessage'],
    ['PRE-04', 'org'],
    ['AG-07', 'Acme_Chat_Agent'],
    ['AG-08', 'org'],
    ['OPS-03', 'MessagingSession.Acme_Case_Reason__c'],
    ['OPS-04', 'MessagingSession.Acme_Require_Case_On_End']
];

describe('examples/needs-work', () => {
    const { snapshot, report } = scan('needs-work');

    it('reads every file without a problem', () => {
        expect(snapshot.problems).toEqual([]);
    });

    it('is not ready', () => {
        expect(report.summary.verdict).toBe('not_ready');
        expect(report.summary.blockers).toBeGreaterThan(0);
    });

    it.each(PLANTED_DEFECTS)('%s fails on %s', (checkId, subject) => {
        const found = report.results.filter((r) => r.checkId === checkId && r.subject === subject);
        expect(found.map((r) => `${r.checkId} ${r.status} ${r.subject}`)).toEqual([`${checkId} fail ${subject}`]);
        expect(found[0].remediation).not.toBe('');
    });

    it('leaves queue membership to the org when the source lists no queueMembers (planted defect 13)', () => {
        const found = report.results.filter((r) => r.checkId === 'RT-03' && r.subject === 'Acme_Order_Support');
        expect(found.map((r) => r.status)).toEqual(['not_evaluated']);
        expect(found[0].message).toContain('Queue membership is often set in the org');
    });

    it('keeps the correct parts of the org passing', () => {
        const all = keys(report);
        for (const expected of [
            'TS-01 pass https://www.acme-outdoor.example',
            'TS-01 pass https://preview.acme-outdoor.example',
            'CH-05 pass Acme_Route_Web_Chat',
            'RT-02 pass Acme_Chat_Support',
            'RT-03 pass Acme_Chat_Support',
            'PC-03 pass Acme_Web_Chat: Cart_Value',
            'DP-01 pass Acme_Web_Chat',
            'CP-05 pass Acme_Chat_Agents',
            'AG-05 pass Acme_Chat_Agent',
            'AG-06 pass Acme_Chat_Agent',
            'AG-04 pass Acme_Messaging_Session_Record_Page'
        ]) {
            expect(all).toContain(expected);
        }
    });

    it('exercises every metadata-evaluable check with pass or fail', () => {
        const evaluated = new Set(
            report.results.filter((r) => r.status === 'pass' || r.status === 'fail').map((r) => r.checkId)
        );
        const missing = CHECK_SPECS.filter((s) => s.evaluatedIn === 'metadata')
            .map((s) => s.id)
            .filter((id) => !evaluated.has(id) && !NOT_EVALUABLE_FROM_METADATA.includes(id));
        expect(missing).toEqual([]);
    });
});

describe('examples/ready', () => {
    const { snapshot, report } = scan('ready');

    it('reads every file without a problem', () => {
        expect(snapshot.problems).toEqual([]);
    });

    it('is ready with no failing blocker or warning', () => {
        expect(report.summary.verdict).toBe('ready');
        expect(report.summary.blockers).toBe(0);
        expect(report.summary.warnings).toBe(0);
        expect(report.results.filter((r) => r.status === 'fail').map((r) => `${r.checkId} ${r.subject}`)).toEqual([]);
    });

    it('fixes every planted defect', () => {
        const all = keys(report);
        for (const [checkId, subject] of PLANTED_DEFECTS) {
            expect(all).not.toContain(`${checkId} fail ${subject}`);
        }
    });

    it('leaves only what metadata cannot answer not evaluated', () => {
        const notEvaluated = new Set(report.results.filter((r) => r.status === 'not_evaluated').map((r) => r.checkId));
        expect([...notEvaluated].sort()).toEqual([...NOT_EVALUABLE_FROM_METADATA, 'OPS-01', 'OPS-02'].sort());
    });

    it('holds every metadata type a blocker needs: no in-scope blocker is left unevaluated', () => {
        expect(report.summary.scope).toEqual(['metadata']);
        expect(report.summary.unevaluatedBlockers).toEqual([]);
        // only the org can answer these; the report names them instead of calling them ready
        expect(report.summary.outOfScopeChecks.map((c) => c.checkId)).toEqual(['CH-02', 'AG-03', 'OPS-01', 'OPS-02']);
    });
});
