/*
 * The findings on real org exports (test/fixtures/real-orgs, see its README) must be right. Each pin below was checked against the
 * corpus files by hand; a change that moves one is a change in what we tell a real admin.
 */
import fs from 'fs';
import path from 'path';
import { readMetadataFolder } from '../cli/read/metadataReader';
import { parseSetupPlan, runReadiness } from '../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import type {
    CheckResult,
    ReadinessReport
} from '../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';

const CORPUS = path.resolve(__dirname, 'fixtures', 'real-orgs');

function scan(org: string): { report: ReadinessReport; problems: number } {
    const snapshot = readMetadataFolder(path.join(CORPUS, org, 'force-app'));
    return { report: runReadiness(snapshot, parseSetupPlan({})), problems: snapshot.problems.length };
}

function find(report: ReadinessReport, checkId: string, subject: string): CheckResult {
    const found = report.results.find((r) => r.checkId === checkId && r.subject === subject);
    if (!found) throw new Error(`no ${checkId} result for ${subject}`);
    return found;
}

const failing = (report: ReadinessReport, severity: string): string[] =>
    report.results
        .filter((r) => r.status === 'fail' && r.severity === severity)
        .map((r) => `${r.checkId} ${r.subject}`);

describe('every corpus org', () => {
    const orgs = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory());

    it.each(orgs)('%s reads without a problem and every result names its subject and fix', (org) => {
        const { report, problems } = scan(org);
        expect(problems).toBe(0);
        for (const r of report.results) {
            expect(r.subject).not.toBe('');
            expect(r.message).not.toBe('');
        }
        const failures = report.results.filter((r) => r.status === 'fail');
        expect(failures.filter((r) => r.remediation === '')).toEqual([]);
        expect(failures.filter((r) => !r.setupPath.startsWith('/lightning/setup/'))).toEqual([]);
    });
});

describe('charleston76__einsteinBot (scratch-org proof of concept)', () => {
    const { report } = scan('charleston76__einsteinBot');

    it('blocks on the fallback queue that has no routing configuration and no members', () => {
        expect(find(report, 'RT-02', 'FallbackQueue')).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(find(report, 'RT-02', 'FallbackQueue').message).toContain('fallback queue of channel "MIAWPoc"');
        expect(find(report, 'RT-03', 'FallbackQueue').status).toBe('fail');
    });

    it('flags the legacy LiveAgent deployment next to the two MIAW deployments', () => {
        expect(find(report, 'DP-04', 'Bot_Preview')).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(find(report, 'DP-02', 'MIAW_POC').status).toBe('pass');
        expect(find(report, 'DP-02', 'MiawDirectPOC').status).toBe('pass');
    });

    it('warns that the scratch-org wildcards cover every scratch org', () => {
        expect(find(report, 'TS-05', 'https://*.scratch.my.salesforce.com').status).toBe('fail');
    });

    it('accepts the flow that looks its queue up at run time', () => {
        expect(find(report, 'CH-07', 'MIAWToQueue').status).toBe('pass');
        expect(find(report, 'CH-06', 'MIAWToQueue').status).toBe('pass');
    });
});

describe('peticavictor__ndax (sandbox export)', () => {
    const { report } = scan('peticavictor__ndax');

    it('blocks on the pre-chat parameter without a flow mapping', () => {
        const r = find(report, 'PC-02', 'NDAX_Messaging: email');
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(r.message).toContain('no parameter mapping');
    });

    it('reports the deployment named "Verified" that is really legacy LiveAgent, and the legacy button', () => {
        expect(find(report, 'DP-04', 'Ndax_Messaging_Verified').message).toContain('LiveAgent');
        expect(find(report, 'DP-04', 'LiveChatButton Chat_Support').status).toBe('fail');
    });

    it('names the channels no web deployment uses', () => {
        expect(find(report, 'DP-01', 'CustomerServiceMessaging').status).toBe('fail');
        expect(find(report, 'DP-01', 'NDAX_Chat_Demo').status).toBe('fail');
        expect(find(report, 'DP-05', 'Ndax_Mobile_App').message).toContain('Mobile');
    });

    it('flags the hard-coded queue Ids in the routing flows', () => {
        expect(find(report, 'CH-07', 'Route_to_NDAX').message).toContain('hard-coded queue Id');
    });
});

describe('diogo-weenow__arnone (multi-brand org)', () => {
    const { report } = scan('diogo-weenow__arnone');

    it('flags routing flows that route to hard-coded queue Ids', () => {
        expect(find(report, 'CH-07', 'Route_to_Assistente_STE_Aprimorado')).toMatchObject({
            status: 'fail',
            severity: 'warning'
        });
    });

    it('does not call the unretrieved messaging service channel missing', () => {
        expect(find(report, 'CP-01', 'org').status).toBe('not_evaluated');
    });

    it('names the three channels without a deployment', () => {
        expect(failing(report, 'blocker').filter((f) => f.startsWith('DP-01'))).toEqual([
            'DP-01 Chat_ESG',
            'DP-01 Chat_SCO',
            'DP-01 Chat_SOL'
        ]);
    });
});

describe('Camden-sung__agentforce-portfolio (Agentforce-routed channel)', () => {
    const { report } = scan('Camden-sung__agentforce-portfolio');

    it('has no blocker: the deployment and its channel link are both enabled and the fallback queue is set', () => {
        expect(failing(report, 'blocker')).toEqual([]);
        expect(find(report, 'DP-02', 'Meridian_Portal_Channel').status).toBe('pass');
        expect(find(report, 'CH-04', 'Meridian_Portal_Channel').status).toBe('pass');
    });

    it('warns that capacity is tab-based org-wide', () => {
        expect(find(report, 'PRE-04', 'org').status).toBe('fail');
        expect(find(report, 'CP-02', 'sfdc_livemessage').status).toBe('fail');
    });

    it('counts the default presence configuration as giving every rep capacity', () => {
        expect(find(report, 'CP-05', 'default_presence_config').status).toBe('pass');
    });
});

describe('shekharh500__northwind-service-agent (hand-written source)', () => {
    const { report } = scan('shekharh500__northwind-service-agent');

    it('reports the unreplaced __MY_DOMAIN__ placeholders as malformed entries', () => {
        const placeholders = report.results.filter((r) => r.checkId === 'TS-04' && r.subject.includes('__MY_DOMAIN__'));
        expect(placeholders.length).toBeGreaterThanOrEqual(2);
        expect(placeholders.every((r) => r.status === 'fail')).toBe(true);
    });
});

describe('emielergo__dev-org-2025 (Omni-Channel only, messaging not set up)', () => {
    const { report } = scan('emielergo__dev-org-2025');

    it('does not pass the channel checks on a folder with no channels: it says they were not in the source', () => {
        const ch01 = find(report, 'CH-01', 'org');
        expect(ch01.status).toBe('not_evaluated');
        expect(ch01.message).toContain('not in the scanned source');
    });
});

describe('verdict: corpus findings re-judged', () => {
    // A scan without a plan names no widget origin, so TS-01 (CORS) is unknown in every org: none can be ready.
    it.each([
        // no messagingChannels/ or EmbeddedServiceConfig/ folder: CH-01, DP-01 and the rest could not be evaluated
        ['emielergo__dev-org-2025', 'incomplete'],
        // flows, queues and settings only: no MessagingChannel or EmbeddedServiceConfig metadata to judge
        ['vamsireddy2002__smartAgentsCrew', 'incomplete'],
        // no blocker fails, but its flows route to queue record Ids (00Gg5000006o1dNEAQ) no Queue file resolves
        ['Camden-sung__agentforce-portfolio', 'incomplete'],
        // FallbackQueue.queue-meta.xml has no queueRoutingConfig and no queueMembers (RT-02, RT-03)
        ['charleston76__einsteinBot', 'not_ready'],
        // the Chat_ESG/SCO/SOL deployments point at no MIAW channel in the export (DP-01)
        ['diogo-weenow__arnone', 'not_ready'],
        // pre-chat parameters of NDAX_Messaging are not mapped to flow variables (PC-02, PC-03)
        ['peticavictor__ndax', 'not_ready'],
        // NW_Live_Support.queue-meta.xml lists no queueMembers (RT-03)
        ['shekharh500__northwind-service-agent', 'not_ready']
    ])('%s is %s, so the CLI exits 1', (org, verdict) => {
        const { summary } = scan(org).report;
        expect(summary.verdict).toBe(verdict);
        // incomplete: no blocker fails and at least one could not be evaluated
        expect(summary.blockers === 0 && summary.blockersNotEvaluated > 0).toBe(verdict === 'incomplete');
    });

    it('names what emielergo is missing: the channel and deployment metadata', () => {
        const { summary } = scan('emielergo__dev-org-2025').report;
        const ch01 = summary.unevaluatedBlockers.find((b) => b.checkId === 'CH-01');
        expect(ch01?.reason).toContain('messaging channels (MessagingChannel) not in the scanned source');
        expect(summary.unevaluatedBlockers.map((b) => b.checkId)).toContain('DP-01');
    });
});
