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
            // admins read these: public documents by title, never the team's numbering of its source texts
            expect(`${r.checkId} ${r.message} ${r.remediation} ${r.source}`).not.toMatch(
                /\b(seed|000|001|002|003|L\d{3,4}|gotcha)\b/i
            );
        }
        const failures = report.results.filter((r) => r.status === 'fail');
        expect(failures.filter((r) => r.remediation === '')).toEqual([]);
        expect(failures.filter((r) => !r.setupPath.startsWith('/lightning/setup/'))).toEqual([]);
    });
});

describe('charleston76__einsteinBot (scratch-org proof of concept)', () => {
    const { report } = scan('charleston76__einsteinBot');

    it('warns on the fallback queue that has no routing configuration; its members are org data', () => {
        // Re-judged: queues/FallbackQueue.queue-meta.xml has no queueRoutingConfig, but the channel routes by flow
        // (MIAWPoc sessionHandlerType Flow), so FallbackQueue only receives sessions when MIAWToQueue fails: warning.
        expect(find(report, 'RT-02', 'FallbackQueue')).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(find(report, 'RT-02', 'FallbackQueue').message).toContain('fallback queue of channel "MIAWPoc"');
        // Re-judged: the queue file has no <queueMembers>; a scratch-org project adds members in the org.
        expect(find(report, 'RT-03', 'FallbackQueue').status).toBe('not_evaluated');
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

    it('names the channels no deployment uses, as warnings (DP-08), not blockers', () => {
        expect(find(report, 'DP-08', 'CustomerServiceMessaging')).toMatchObject({
            status: 'fail',
            severity: 'warning'
        });
        expect(find(report, 'DP-08', 'NDAX_Chat_Demo')).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(find(report, 'DP-05', 'Ndax_Mobile_App').message).toContain('Mobile');
    });

    it('flags the hard-coded queue Ids in the routing flows', () => {
        expect(find(report, 'CH-07', 'Route_to_NDAX').message).toContain('hard-coded queue Id');
    });
});

describe('diogo-weenow__arnone (multi-brand org)', () => {
    const { report } = scan('diogo-weenow__arnone');

    it('accepts hard-coded queue Ids in Route Work 2.0, which is migrated between orgs', () => {
        // Re-judged: every routeWork in flows/Route_to_Assistente_*.flow-meta.xml has <versionString>2.0.0</versionString>;
        // Salesforce Help (Considerations When Using Omni-Channel Flows) says 2.0 actions migrate without manual updates.
        const ch07 = find(report, 'CH-07', 'Route_to_Assistente_STE_Aprimorado');
        expect(ch07.status).toBe('pass');
        expect(ch07.message).toContain('(version 2.0.0) routes to queue Id "00Gbe000006MaceEAC"');
        expect(find(report, 'CH-07', 'Route_to_Assistente_Arnone_Aprimorado').status).toBe('pass');
    });

    it('does not call the unretrieved messaging service channel missing', () => {
        expect(find(report, 'CP-01', 'org').status).toBe('not_evaluated');
    });

    it('names the three channels without a deployment, as warnings (DP-08), not blockers', () => {
        expect(failing(report, 'blocker').filter((f) => f.startsWith('DP-'))).toEqual([]);
        expect(failing(report, 'warning').filter((f) => f.startsWith('DP-08'))).toEqual([
            'DP-08 Chat_ESG',
            'DP-08 Chat_SCO',
            'DP-08 Chat_SOL'
        ]);
    });
});

describe('Camden-sung__agentforce-portfolio (Agentforce-routed channel)', () => {
    const { report } = scan('Camden-sung__agentforce-portfolio');

    it('has one blocker, user verification without a keyset (CH-10): the deployment, its channel link and the fallback queue are fine', () => {
        expect(failing(report, 'blocker')).toEqual(['CH-10 Meridian_Portal_Channel']);
        expect(find(report, 'DP-02', 'Meridian_Portal_Channel').status).toBe('pass');
        expect(find(report, 'CH-04', 'Meridian_Portal_Channel').status).toBe('pass');
    });

    it('warns that status-based capacity is not enabled and the messaging channel is tab-based', () => {
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

describe('trusted sites and deployments (TS, DP, PC): corpus findings re-judged', () => {
    const scanWith = (org: string, plan: Record<string, unknown>): ReadinessReport =>
        runReadiness(readMetadataFolder(path.join(CORPUS, org, 'force-app')), parseSetupPlan(plan));

    it('DP-01 no longer blocks on channels nobody uses: diogo and ndax keep a deployment on their live channels', () => {
        // diogo: Chat_ESG/SCO/SOL have no EmbeddedServiceConfig (Chat_ADV, Chat_STE have one) — a true gap, not a blocker.
        expect(statuses(scan('diogo-weenow__arnone').report, 'DP-01')).toEqual(['pass Chat_ADV', 'pass Chat_STE']);
        // ndax: CustomerServiceMessaging and NDAX_Chat_Demo have no deployment; the three others do.
        expect(statuses(scan('peticavictor__ndax').report, 'DP-01')).toEqual([
            'pass Einstein_Bot_NDAX',
            'pass NDAX_Messaging',
            'pass Ndax_Messaging_Unverified'
        ]);
    });

    it('DP-01 still blocks on the channel the plan names when it has no deployment (diogo Chat_SOL)', () => {
        // messagingChannels/Chat_SOL exists; no EmbeddedServiceConfig names <messagingChannel>Chat_SOL.
        const r = find(scanWith('diogo-weenow__arnone', { channel: 'Chat_SOL' }), 'DP-01', 'Chat_SOL');
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker' });
    });

    it('TS-02 is gone: no corpus org is told to add its own site as a Trusted URL', () => {
        for (const org of ['charleston76__einsteinBot', 'peticavictor__ndax', 'shekharh500__northwind-service-agent']) {
            expect(scan(org).report.results.filter((r) => r.checkId === 'TS-02')).toEqual([]);
        }
    });

    it('TS-03 says it cannot tell, never "not needed", for web deployments with no site evidence', () => {
        // EmbeddedServiceConfig <site> is each deployment's own ESW_… site, so it proves nothing about Experience Cloud.
        for (const org of ['Camden-sung__agentforce-portfolio', 'diogo-weenow__arnone', 'peticavictor__ndax']) {
            expect(statuses(scan(org).report, 'TS-03')).toEqual(['not_evaluated Experience/Commerce sites']);
        }
    });

    it('TS-03 passes charleston76 once the plan names its Experience site: scrt2URL allows connect-src, CORS covers it', () => {
        // cspTrustedSites/scrt2URL: context All, connect-src true; corsWhitelistOrigins/https_sites_com_two: *.scratch.my.site.com.
        const site = 'https://ruby-dream-7222-dev-ed.scratch.my.site.com';
        const r = find(scanWith('charleston76__einsteinBot', { widgetOrigins: [site] }), 'TS-03', site);
        expect(r.status).toBe('pass');
        expect(r.message).toContain('"scrt2URL"');
    });

    it('TS-04/TS-05 results about Trusted URLs link the Trusted URLs page (charleston76 scrtSite)', () => {
        // cspTrustedSites/scrtSite: *.my.salesforce-scrt.com — over-broad, and a Trusted URL, not a CORS entry.
        const r = find(scan('charleston76__einsteinBot').report, 'TS-05', '*.my.salesforce-scrt.com');
        expect(r.status).toBe('fail');
        expect(r.setupPath).toBe('/lightning/setup/SecurityCspTrustedSite/home');
    });
});

function statuses(report: ReadinessReport, checkId: string): string[] {
    return report.results.filter((r) => r.checkId === checkId).map((r) => `${r.status} ${r.subject}`);
}

describe('routing, channel, capacity and prerequisites: corpus findings re-judged', () => {
    it('charleston76: checks MIAWQueue, which MIAWToQueue looks up by developer name at run time', () => {
        const { report } = scan('charleston76__einsteinBot');
        // flows/MIAWToQueue.flow-meta.xml: Get_Queue_ID (Group, DeveloperName = "MIAWQueue") assigns Id to queueId.
        const rt01 = find(report, 'RT-01', 'MIAWQueue');
        expect(rt01.status).toBe('pass');
        expect(rt01.message).toContain('looked up by developer name in Get Records "Get_Queue_ID"');
        // queues/MIAWQueue.queue-meta.xml names MIAW_Routing_Configuration, which exists.
        expect(find(report, 'RT-02', 'MIAWQueue')).toMatchObject({ status: 'pass', severity: 'blocker' });
        // No <queueMembers> in the file: membership is set in the org.
        expect(find(report, 'RT-03', 'MIAWQueue').status).toBe('not_evaluated');
        // AG-03 now joins both queues, and neither lists members in source.
        const ag03 = find(report, 'AG-03', 'org');
        expect(ag03.status).toBe('not_evaluated');
        expect(ag03.message).toContain('"FallbackQueue" and "MIAWQueue"');
        // Route Work version 1 (<versionSegment>1</versionSegment>) with a looked-up queue: nothing hard-coded.
        expect(find(report, 'CH-07', 'MIAWToQueue').status).toBe('pass');
    });

    it('shekharh500: its queue membership comes from a setup script, so RT-03 is not evaluated', () => {
        const { report } = scan('shekharh500__northwind-service-agent');
        // queues/NW_Live_Support.queue-meta.xml lists no <queueMembers>; the project adds the admin in the org.
        const rt03 = find(report, 'RT-03', 'NW_Live_Support');
        expect(rt03.status).toBe('not_evaluated');
        expect(rt03.message).toContain('looked up by developer name in Get Records "Get_Fallback_Queue"');
        expect(failing(report, 'blocker').filter((f) => f.startsWith('RT-'))).toEqual([]);
    });

    it('Camden-sung: the Route Work 2.0 queue Id passes CH-07; RT leaves the Id to the org', () => {
        const { report } = scan('Camden-sung__agentforce-portfolio');
        // flows/Route_To_Meridian_Assistant.flow-meta.xml: queueId 00Gg5000006o1dNEAQ, <versionString>2.0.0</versionString>.
        expect(find(report, 'CH-07', 'Route_To_Meridian_Assistant').status).toBe('pass');
        expect(find(report, 'RT-01', '00Gg5000006o1dNEAQ').status).toBe('not_evaluated');
    });

    it('peticavictor: Route Work without a version keeps its hard-coded queue Id, so CH-07 still warns', () => {
        const { report } = scan('peticavictor__ndax');
        // flows/Route_to_NDAX.flow-meta.xml: queueId 00GOI000001HIWG2A4, no versionString (version 1).
        const ch07 = find(report, 'CH-07', 'Route_to_NDAX');
        expect(ch07).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(ch07.message).toContain('(version 1) routes to the hard-coded queue Id "00GOI000001HIWG2A4"');
        expect(ch07.remediation).toContain('Upgrade the Route Work action to version 2.0');
    });

    it('no org gets CP-06 any more: the capacity model is chosen per service channel', () => {
        for (const org of [
            'peticavictor__ndax',
            'Camden-sung__agentforce-portfolio',
            'vamsireddy2002__smartAgentsCrew'
        ]) {
            expect(scan(org).report.results.filter((r) => r.checkId === 'CP-06')).toEqual([]);
        }
    });

    it('PRE-04 and CP-02 state the Customer Inactivity trade-off, not an org-wide switch', () => {
        const { report } = scan('vamsireddy2002__smartAgentsCrew');
        // settings/OmniChannel.settings-meta.xml: enableOmniStatusCapModel false.
        const pre04 = find(report, 'PRE-04', 'org');
        expect(pre04).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(pre04.remediation).toContain('Customer Inactivity');
        expect(`${pre04.message} ${pre04.remediation}`).not.toContain('org-wide');
        expect(find(report, 'CP-02', 'sfdc_livemessage').remediation).toContain('chosen per service channel');
    });
});

describe('record and console checks (AG-08, OPS-03, OPS-04): corpus findings re-judged', () => {
    const orgs = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory());

    // No corpus export holds applications/, objects/MessagingSession|MessagingEndUser/ or triggers/ (the folders
    // were not retrieved), so none of the three may pass or fail there: each says what to retrieve instead.
    it.each(orgs)('%s: not evaluated, naming the metadata to retrieve', (org) => {
        const { report } = scan(org);
        const statusOf = (id: string) => report.results.filter((r) => r.checkId === id).map((r) => r.status);
        expect(statusOf('AG-08')).toEqual(['not_evaluated']);
        expect(statusOf('OPS-03')).toEqual(['not_evaluated']);
        expect([...new Set(statusOf('OPS-04'))]).toEqual(['not_evaluated']);
        expect(find(report, 'AG-08', 'org').message).toContain('Lightning apps (CustomApplication)');
        expect(find(report, 'OPS-03', 'org').message).toContain(
            'retrieve CustomObject MessagingSession and MessagingEndUser'
        );
        expect(find(report, 'OPS-04', 'Apex triggers and record-triggered flows').message).toContain('ApexTrigger');
    });

    // charleston76 has flexipages/ but no applications/: the Omni-Channel utility cannot be judged from pages alone.
    it('charleston76__einsteinBot: the flexipages alone do not settle AG-08', () => {
        const { report } = scan('charleston76__einsteinBot');
        expect(find(report, 'AG-08', 'org').message).toContain('no applications/ folder');
    });
});

describe('new channel and flow checks: corpus findings re-judged', () => {
    it('Camden: the channel requires verified users but has no keyset, so its chat button would never render', () => {
        // True problem: Meridian_Portal_Channel.messagingChannel-meta.xml has <authMode>Auth</authMode> and no <messagingAuthorizations>.
        const r = find(scan('Camden-sung__agentforce-portfolio').report, 'CH-10', 'Meridian_Portal_Channel');
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker' });
    });

    it('ndax: the verified channel has a keyset; the unverified ones have nothing to check', () => {
        // NDAX_Messaging.messagingChannel-meta.xml: <authMode>Auth</authMode> with a PublicKeyCertificateSet <messagingAuthorizations>.
        const { report } = scan('peticavictor__ndax');
        expect(find(report, 'CH-10', 'NDAX_Messaging').status).toBe('pass');
        expect(find(report, 'CH-10', 'Ndax_Messaging_Unverified').message).toMatch(/^Nothing to check: /);
        // CustomerServiceMessaging.messagingChannel-meta.xml has no <embeddedConfig>: whether it requires verification is unknown.
        expect(find(report, 'CH-10', 'CustomerServiceMessaging').status).toBe('not_evaluated');
    });

    it('ndax: Messaging_Routing drops guests when no agent is available', () => {
        // True problem: decision Guest_User_or_Not in Messaging_Routing.flow-meta.xml has no <defaultConnector>, and the flow has no reasonForNotRouting.
        const r = find(scan('peticavictor__ndax').report, 'CH-11', 'Messaging_Routing');
        expect(r).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(r.message).toContain('"Guest User or Not" (default outcome "Default Outcome") → end');
        expect(find(scan('peticavictor__ndax').report, 'CH-11', 'Route_to_NDAX').status).toBe('pass');
    });

    it('diogo: two web deployments state Enhanced Web Chat v2; one states no client version', () => {
        // Chat_Stech and Chat_Web_ADV have <clientVersion>WebV2</clientVersion>; StechV2 has no clientVersion element.
        const { report } = scan('diogo-weenow__arnone');
        expect(find(report, 'DP-09', 'Chat_Stech').status).toBe('pass');
        expect(find(report, 'DP-09', 'Chat_Web_ADV').status).toBe('pass');
        expect(find(report, 'DP-09', 'StechV2').status).toBe('not_evaluated');
        // ndax's mobile deployments (<deploymentType>Mobile</deploymentType>) have no web client to check.
        expect(find(scan('peticavictor__ndax').report, 'DP-09', 'Ndax_Mobile_App').message).toMatch(
            /^Nothing to check: /
        );
    });

    it('every other corpus routing flow routes on every path', () => {
        // Each of these flows ends every decision outcome in a routeWork action (checked in their flow-meta.xml).
        expect(
            find(scan('Camden-sung__agentforce-portfolio').report, 'CH-11', 'Route_To_Meridian_Assistant').status
        ).toBe('pass');
        expect(find(scan('charleston76__einsteinBot').report, 'CH-11', 'MIAWToQueue').status).toBe('pass');
        expect(find(scan('diogo-weenow__arnone').report, 'CH-11', 'Route_to_Assistente_STE_Aprimorado').status).toBe(
            'pass'
        );
        expect(
            find(scan('shekharh500__northwind-service-agent').report, 'CH-11', 'NW_Route_Messaging_To_Agent').status
        ).toBe('pass');
    });
});

describe('verdict: corpus findings re-judged', () => {
    // A scan without a plan names no widget origin, so TS-01 (CORS) is unknown in every org: none can be ready.
    it.each([
        // no messagingChannels/ or EmbeddedServiceConfig/ folder: CH-01, DP-01 and the rest could not be evaluated
        ['emielergo__dev-org-2025', 'incomplete'],
        // flows, queues and settings only: no MessagingChannel or EmbeddedServiceConfig metadata to judge
        ['vamsireddy2002__smartAgentsCrew', 'incomplete'],
        // Meridian_Portal_Channel requires verified users (<authMode>Auth</authMode>) and has no keyset (CH-10)
        ['Camden-sung__agentforce-portfolio', 'not_ready'],
        // FallbackQueue only takes flow errors (RT-02 a warning); no queueMembers in the export, so RT-03 is unknown
        ['charleston76__einsteinBot', 'incomplete'],
        // the three channels without a deployment are DP-08 warnings; queues named by hard-coded Id are unknown
        ['diogo-weenow__arnone', 'incomplete'],
        // pre-chat parameters of NDAX_Messaging are not mapped to flow variables (PC-02, PC-03)
        ['peticavictor__ndax', 'not_ready'],
        // NW_Live_Support.queue-meta.xml lists no queueMembers: membership is org data here (RT-03 unknown)
        ['shekharh500__northwind-service-agent', 'incomplete']
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

describe('agents at org scale: corpus findings re-judged', () => {
    it('charleston76: both MIAW agent sets grant Enhanced Chat Rep and read/edit on both Messaging objects', () => {
        const { report } = scan('charleston76__einsteinBot');
        // true: MIAWAgentsPermissionSet.permissionset-meta.xml L84 <name>EmbeddedMessagingAgent</name>, objects R/E
        for (const set of ['MIAWAgentsPermissionSet', 'MIAWOnlyPermissionSet']) {
            expect(find(report, 'AG-05', set).status).toBe('pass');
            expect(find(report, 'AG-05', set).message).toContain(
                'also need the Enhanced Chat User permission set licence'
            );
            expect(find(report, 'AG-06', set).status).toBe('pass');
            expect(find(report, 'AG-07', set).status).toBe('pass');
        }
    });

    it('peticavictor: the licensed Rep set has no object access of its own, which the modular sets cover', () => {
        const { report } = scan('peticavictor__ndax');
        // true: Messaging_for_In_App_and_Web_Agent.permissionset-meta.xml L5 <license>EmbeddedServiceMessagingUserPsl</license>, L8 EmbeddedMessagingAgent
        expect(find(report, 'AG-05', 'Messaging_for_In_App_and_Web_Agent').message).toContain(
            'with licence EmbeddedServiceMessagingUserPsl'
        );
        // not a fail: the set has no objectPermissions, Service_Messaging_Agent L47 grants MessagingSession R/E;
        // whether agents hold both is an assignment, visible only in the org
        expect(find(report, 'AG-06', 'Messaging_for_In_App_and_Web_Agent').status).toBe('not_evaluated');
        expect(find(report, 'AG-06', 'Service_Messaging_Agent').status).toBe('pass');
        expect(find(report, 'AG-07', 'Messaging_for_In_App_and_Web_Agent').status).toBe('not_evaluated');
        // true: OmniPresenceStatusPermissionSet L17 grants Messaging_Available, whose status file L4 links sfdc_livemessage
        expect(find(report, 'CP-04', 'OmniPresenceStatusPermissionSet').status).toBe('pass');
    });

    it('Camden-sung: no permission set grants Enhanced Chat Rep, and that is not called a failure from source', () => {
        const { report } = scan('Camden-sung__agentforce-portfolio');
        // the export has only integration sets (no EmbeddedMessagingAgent anywhere): the agents' set was not retrieved
        const r = find(report, 'AG-05', 'org');
        expect(r.status).toBe('not_evaluated');
        expect(r.remediation).toContain("Retrieve the agents' permission sets");
    });

    it('shekharh500: the hand-written agent set passes the three access checks', () => {
        const { report } = scan('shekharh500__northwind-service-agent');
        // true: NW_Live_Support_Agent.permissionset-meta.xml L39 <name>EmbeddedMessagingAgent</name>
        for (const id of ['AG-05', 'AG-06', 'AG-07'])
            expect(find(report, id, 'NW_Live_Support_Agent').status).toBe('pass');
    });

    it('no AG or CP-04 text cites internal references', () => {
        const orgs = fs.readdirSync(CORPUS).filter((d) => fs.statSync(path.join(CORPUS, d)).isDirectory());
        for (const org of orgs) {
            const { report } = scan(org);
            for (const r of report.results.filter((x) => x.area === 'AG' || x.checkId === 'CP-04')) {
                for (const text of [r.message, r.remediation, r.source]) {
                    expect(text).not.toMatch(/\b00[0-4]\b|\bL\d{2,}|gotcha|checklist|research/);
                }
            }
        }
    });
});
