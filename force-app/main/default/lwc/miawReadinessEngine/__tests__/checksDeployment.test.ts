import { runDeploymentChecks } from '../checksDeployment';
import type { CheckResult } from '../result';
import { readSection } from '../snapshot';
import type { EmbeddedServiceDeployment, MessagingChannel, OrgSnapshot } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

const DP_IDS = ['DP-01', 'DP-02', 'DP-03', 'DP-04', 'DP-05', 'DP-06', 'DP-07', 'DP-08'];

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runDeploymentChecks(contextFor(snapshot, plan));
}

function one(results: CheckResult[], checkId: string, subject: string): CheckResult {
    const found = resultsFor(results, checkId).filter((r) => r.subject === subject);
    expect(found).toHaveLength(1);
    return found[0];
}

function deployment(s: OrgSnapshot): EmbeddedServiceDeployment {
    return s.deployments.items[0];
}

/** A plan about every channel and deployment (the corpus orgs have no plan). */
const openPlan = () => healthyPlan({ channel: undefined, deployment: undefined, preChatFields: [] });

function miawChannel(developerName: string, routing: Partial<MessagingChannel> = {}): MessagingChannel {
    return {
        developerName,
        messagingChannelType: 'EmbeddedMessaging',
        customParameters: [],
        standardParameters: [],
        automatedResponseTypes: [],
        source: { file: `messagingChannels/${developerName}.messagingChannel-meta.xml` },
        ...routing
    };
}

function webDeployment(
    developerName: string,
    channel: string,
    extra: Partial<EmbeddedServiceDeployment> = {}
): EmbeddedServiceDeployment {
    return {
        developerName,
        deploymentFeature: 'EmbeddedMessaging',
        deploymentType: 'Web',
        isEnabled: true,
        messagingChannel: { messagingChannel: channel, isEnabled: true },
        preChatForms: [],
        source: { file: `EmbeddedServiceConfig/${developerName}.EmbeddedServiceConfig-meta.xml` },
        ...extra
    };
}

/*
 * diogo-weenow__arnone, from the real files: five MIAW channels (Chat_ADV and Chat_STE flow-routed, Chat_ESG,
 * Chat_SCO and Chat_SOL queue-routed); deployments Chat_Web_ADV → Chat_ADV, Chat_Stech and StechV2 → Chat_STE;
 * settings/BusinessHours.settings-meta.xml has "Default" (America/Los_Angeles) and "Stech - Business Hours"
 * (America/Belem). No deployment in the repo names business hours; the Stech link below adds them.
 */
function diogoSnapshot(): OrgSnapshot {
    const s = healthySnapshot();
    s.messagingChannels = readSection([
        miawChannel('Chat_ADV', {
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'Route_to_Assistente_Arnone_Aprimorado',
            sessionHandlerQueue: 'Fila_ADV'
        }),
        miawChannel('Chat_ESG', { sessionHandlerType: 'Queue', sessionHandlerQueue: 'Fila_ESG' }),
        miawChannel('Chat_SCO', { sessionHandlerType: 'Queue', sessionHandlerQueue: 'Fila_SCO' }),
        miawChannel('Chat_SOL', { sessionHandlerType: 'Queue', sessionHandlerQueue: 'Fila_SOL' }),
        miawChannel('Chat_STE', {
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'Route_to_Assistente_STE_Aprimorado',
            sessionHandlerQueue: 'Fila_STE'
        })
    ]);
    s.deployments = readSection([
        webDeployment('Chat_Stech', 'Chat_STE', { branding: 'EmbeddedServiceConfig_BrandingSet_19fc8f02fda' }),
        webDeployment('Chat_Web_ADV', 'Chat_ADV', { branding: 'EmbeddedServiceConfig_BrandingSet_19f854a4d20' }),
        webDeployment('StechV2', 'Chat_STE', { branding: 'EmbeddedServiceConfig_BrandingSet_1a01138ca47' })
    ]);
    s.businessHours = readSection([
        { name: 'Default', timeZoneId: 'America/Los_Angeles', isActive: true, isDefault: true },
        { name: 'Stech - Business Hours', timeZoneId: 'America/Belem', isActive: true, isDefault: false }
    ]);
    return s;
}

/*
 * peticavictor__ndax, from the real files: MIAW deployments NDAX_Messaging (Web), Ndax_Mobile_App (Mobile),
 * and Ndax_Messaging_Verified, which despite its name is deploymentFeature LiveAgent (no channel link);
 * legacy components liveChatDeployments/live_agent_setup_flow, liveChatButtons/Chat_Support and
 * EmbeddedServiceBranding/EmbeddedServiceBranding_Parent04IG10000002HsnMAE_198997bb5d2.
 */
function ndaxSnapshot(): OrgSnapshot {
    const s = healthySnapshot();
    s.messagingChannels = readSection([
        miawChannel('NDAX_Messaging', { sessionHandlerType: 'Flow', sessionHandlerFlow: 'Route_to_NDAX' }),
        miawChannel('Ndax_Messaging_Unverified', {
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'Route_to_NDAX_Guest'
        })
    ]);
    s.deployments = readSection([
        webDeployment('NDAX_Messaging', 'NDAX_Messaging', { site: 'ESW_NDAX_Messaging_17473209180741' }),
        webDeployment('Ndax_Mobile_App', 'Ndax_Messaging_Unverified', { deploymentType: 'Mobile' }),
        {
            developerName: 'Ndax_Messaging_Verified',
            deploymentFeature: 'LiveAgent',
            deploymentType: 'Web',
            isEnabled: true,
            site: 'ESW_Ndax_Guest_1749777298631',
            preChatForms: [],
            source: { file: 'EmbeddedServiceConfig/Ndax_Messaging_Verified.EmbeddedServiceConfig-meta.xml' }
        }
    ]);
    s.legacyChat = readSection([
        {
            kind: 'LiveChatDeployment',
            name: 'live_agent_setup_flow',
            source: { file: 'liveChatDeployments/live_agent_setup_flow.liveChatDeployment-meta.xml' }
        },
        {
            kind: 'LiveChatButton',
            name: 'Chat_Support',
            source: { file: 'liveChatButtons/Chat_Support.liveChatButton-meta.xml' }
        },
        { kind: 'EmbeddedServiceBranding', name: 'EmbeddedServiceBranding_Parent04IG10000002HsnMAE_198997bb5d2' },
        // A reader may list the LiveAgent deployment here too; it must not be reported twice.
        { kind: 'EmbeddedServiceConfig', name: 'Ndax_Messaging_Verified' }
    ]);
    return s;
}

describe('deployment checks on a ready org', () => {
    it('passes every DP check on healthySnapshot() with healthyPlan(); DP-07 is manual', () => {
        const results = run(healthySnapshot());
        expect(results.map((r) => `${r.checkId} ${r.status} ${r.subject}`)).toEqual([
            'DP-01 pass Web_Chat',
            'DP-02 pass Web_Chat_Site',
            'DP-03 pass Web_Chat_Site',
            'DP-04 pass org',
            'DP-05 pass Web_Chat_Site',
            'DP-06 pass Web_Chat_Site',
            'DP-07 manual Web_Chat_Site',
            'DP-08 pass org'
        ]);
    });

    it('returns not_evaluated for every check when the deployments were not read', () => {
        const results = run(withUnread(healthySnapshot(), 'deployments', 'unavailable', 'needs API access'));
        for (const id of DP_IDS.filter((x) => x !== 'DP-01' && x !== 'DP-04')) {
            expect(statuses(results, id)).toEqual(['not_evaluated org']);
        }
        // DP-01 names the planned deployment; DP-04 still reads the legacy components.
        expect(statuses(results, 'DP-01')).toEqual(['not_evaluated Web_Chat_Site']);
        expect(statuses(results, 'DP-04')).toEqual(['pass org', 'not_evaluated legacy Chat deployments']);
        expect(one(results, 'DP-02', 'org').message).toBe(
            'Not evaluated: Embedded Service deployments (EmbeddedServiceConfig) not read (needs API access).'
        );
    });
});

describe('DP-01 a MIAW deployment exists for the channel', () => {
    it('passes the real diogo channels that deployments use and leaves the unused ones to DP-08 (a warning)', () => {
        const results = run(diogoSnapshot(), openPlan());
        expect(statuses(results, 'DP-01')).toEqual(['pass Chat_ADV', 'pass Chat_STE']);
        expect(statuses(results, 'DP-08')).toEqual([
            'pass Chat_ADV',
            'fail Chat_ESG',
            'fail Chat_SCO',
            'fail Chat_SOL',
            'pass Chat_STE'
        ]);
        const r = one(results, 'DP-08', 'Chat_ESG');
        expect(r.severity).toBe('warning');
        expect(r.message).toBe(
            'No Embedded Service deployment uses channel "Chat_ESG" (the chat has deployments on "Chat_ADV" and "Chat_STE"), so no customer can reach "Chat_ESG". Customers reach a Messaging for In-App and Web channel only through a deployment on it: a Web deployment for a website, an In-App (Mobile) deployment for an app built with the In-App SDK, a Custom Client deployment for the Enhanced Chat API.'
        );
        expect(r.message).not.toContain('fine if');
        expect(r.remediation).toContain('choose Web, Mobile (In-App) or Custom Client');
        expect(r.remediation).toContain('If the channel is unused, deactivate it');
        expect(one(results, 'DP-01', 'Chat_STE').message).toContain(
            '"Chat_Stech" and "StechV2". 2 web deployments share this channel'
        );
    });

    it('blocks on every channel when no MIAW channel has any deployment, and DP-08 stays silent', () => {
        const s = diogoSnapshot();
        s.deployments = readSection([]);
        const results = run(s, openPlan());
        expect(statuses(results, 'DP-01')).toEqual([
            'fail Chat_ADV',
            'fail Chat_ESG',
            'fail Chat_SCO',
            'fail Chat_SOL',
            'fail Chat_STE'
        ]);
        const r = one(results, 'DP-01', 'Chat_ESG');
        expect(r.severity).toBe('blocker');
        expect(r.message).toContain(
            'Channel "Chat_ESG", and no Embedded Service deployment uses it, so no customer can start a conversation on it.'
        );
        expect(r.message).toContain('a Custom Client deployment for the Enhanced Chat API');
        expect(statuses(results, 'DP-08')).toEqual(['not_evaluated org']);
        expect(one(results, 'DP-08', 'org').message).toContain('DP-01 reports each channel as a blocker');
    });

    it('is not evaluated (DP-08) when the deployments were not read', () => {
        const results = run(withUnread(diogoSnapshot(), 'deployments'), openPlan());
        expect(statuses(results, 'DP-08')).toEqual(['not_evaluated org']);
    });

    it('does not call a web and a mobile deployment on one channel (real NDAX) a duplicate', () => {
        const s = ndaxSnapshot();
        s.deployments.items.push(
            webDeployment('Ndax_Mobile_App_Verified', 'NDAX_Messaging', { deploymentType: 'Mobile' })
        );
        const r = one(run(s, openPlan()), 'DP-01', 'NDAX_Messaging');
        expect(r.status).toBe('pass');
        expect(r.message).toBe(
            'Channel "NDAX_Messaging" is used by the Messaging for In-App and Web deployment(s) "NDAX_Messaging" and "Ndax_Mobile_App_Verified".'
        );
    });

    it('narrows to plan.channel', () => {
        const results = run(diogoSnapshot(), healthyPlan({ channel: 'Chat_SOL', deployment: undefined }));
        expect(statuses(results, 'DP-01')).toEqual(['fail Chat_SOL']);
        expect(one(results, 'DP-01', 'Chat_SOL')).toMatchObject({ severity: 'blocker' });
        expect(one(results, 'DP-01', 'Chat_SOL').message).toContain('The plan names channel "Chat_SOL"');
        // The plan's channel is what goes live: the other channels are only warnings (DP-08).
        expect(statuses(results, 'DP-08')).toEqual([
            'pass Chat_ADV',
            'fail Chat_ESG',
            'fail Chat_SCO',
            'pass Chat_STE'
        ]);
        expect(one(results, 'DP-08', 'Chat_ESG').severity).toBe('warning');
    });

    it('fails a planned deployment that is really legacy LiveAgent (real: Ndax_Messaging_Verified)', () => {
        const results = run(ndaxSnapshot(), healthyPlan({ channel: undefined, deployment: 'Ndax_Messaging_Verified' }));
        const r = one(results, 'DP-01', 'Ndax_Messaging_Verified');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'The plan names deployment "Ndax_Messaging_Verified", but "Ndax_Messaging_Verified" exists but is a legacy Chat (LiveAgent) deployment, which cannot be converted; Messaging for In-App and Web deployments in the snapshot: "NDAX_Messaging" and "Ndax_Mobile_App".'
        );
    });

    it('fails a planned deployment that does not exist, listing the MIAW deployments', () => {
        const r = one(run(healthySnapshot(), healthyPlan({ deployment: 'Web_Chat_Typo' })), 'DP-01', 'Web_Chat_Typo');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'The plan names deployment "Web_Chat_Typo", but no deployment named "Web_Chat_Typo" exists; Messaging for In-App and Web deployments in the snapshot: "Web_Chat_Site".'
        );
        expect(r.remediation).toContain('Set plan "deployment" to one of the existing');
    });

    it('fails when the planned deployment uses another channel than the plan names', () => {
        const r = one(run(healthySnapshot(), healthyPlan({ channel: 'Other_Channel' })), 'DP-01', 'Other_Channel');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('but "Web_Chat_Site" uses channel "Web_Chat"');
    });

    it('fails the org when there is neither a MIAW channel nor a MIAW deployment', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([]);
        s.deployments = readSection([]);
        const r = one(run(s, openPlan()), 'DP-01', 'org');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'No Messaging for In-App and Web channel and no Messaging for In-App and Web deployment exist'
        );
    });

    it('is not evaluated when the channels were not read (no planned deployment)', () => {
        const r = one(run(withUnread(healthySnapshot(), 'messagingChannels'), openPlan()), 'DP-01', 'org');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('messaging channels (MessagingChannel) not in the scanned source');
    });
});

describe('DP-02 the deployment and its channel link are both enabled', () => {
    /*
     * Camden-sung__agentforce-portfolio EmbeddedServiceConfig/Meridian_Portal_Channel: the corpus copy has
     * both switches true (so it passes); the disagreement data-model D reports is reproduced by turning the
     * link off on the same real shape.
     */
    function camden(): OrgSnapshot {
        const s = healthySnapshot();
        s.messagingChannels = readSection([
            miawChannel('Meridian_Portal_Channel', { sessionHandlerType: 'Flow', sessionHandlerFlow: 'Meridian_Route' })
        ]);
        s.deployments = readSection([
            webDeployment('Meridian_Portal_Channel', 'Meridian_Portal_Channel', {
                branding: 'EmbeddedServiceConfig_BrandingSet_19f862236ab',
                site: 'ESW_Meridian_Portal_Channe_17846618054031'
            })
        ]);
        return s;
    }

    it('passes the real Camden deployment (both true)', () => {
        expect(statuses(run(camden(), openPlan()), 'DP-02')).toEqual(['pass Meridian_Portal_Channel']);
    });

    it('fails when the two switches disagree and gives both values', () => {
        const s = camden();
        deployment(s).messagingChannel = { messagingChannel: 'Meridian_Portal_Channel', isEnabled: false };
        const r = one(run(s, openPlan()), 'DP-02', 'Meridian_Portal_Channel');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'Deployment "Meridian_Portal_Channel": its messaging-channel link is off (deployment isEnabled = true, messaging-channel link isEnabled = false); the chat button does not start conversations.'
        );
        expect(r.remediation).toContain('Setup > Embedded Service Deployments > Meridian_Portal_Channel');
        expect(r.location).toEqual({
            file: 'EmbeddedServiceConfig/Meridian_Portal_Channel.EmbeddedServiceConfig-meta.xml'
        });
    });

    it('fails the other way round too', () => {
        const s = healthySnapshot();
        deployment(s).isEnabled = false;
        expect(one(run(s), 'DP-02', 'Web_Chat_Site').message).toContain(
            'the deployment itself is off (deployment isEnabled = false, messaging-channel link isEnabled = true)'
        );
    });

    it('is not evaluated when a switch is not stated', () => {
        const s = healthySnapshot();
        deployment(s).messagingChannel = { messagingChannel: 'Web_Chat' };
        const r = one(run(s), 'DP-02', 'Web_Chat_Site');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('messaging-channel link isEnabled = not stated');
    });
});

describe('DP-03 the deployment points at an existing, active MIAW channel', () => {
    it('fails a channel that is not in the snapshot, naming it', () => {
        const s = healthySnapshot();
        deployment(s).messagingChannel = { messagingChannel: 'Deleted_Channel', isEnabled: true };
        const r = one(run(s, openPlan()), 'DP-03', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'Deployment "Web_Chat_Site" points at messaging channel "Deleted_Channel", which does not exist in the snapshot.'
        );
    });

    it('fails a channel of another type', () => {
        const s = healthySnapshot();
        s.messagingChannels.items[0].messagingChannelType = 'Text';
        const r = one(run(s), 'DP-03', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('whose type is Text, not Messaging for In-App and Web (EmbeddedMessaging)');
    });

    it('fails an inactive channel and passes an active one (org snapshot)', () => {
        const s = healthySnapshot();
        s.messagingChannels.items[0].isActive = false;
        const r = one(run(s), 'DP-03', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toBe('Deployment "Web_Chat_Site" points at channel "Web_Chat", which is not active.');
        s.messagingChannels.items[0].isActive = true;
        expect(one(run(s), 'DP-03', 'Web_Chat_Site').message).toContain('which exists and is active.');
    });

    it('fails a deployment with no channel link', () => {
        const s = healthySnapshot();
        deployment(s).messagingChannel = undefined;
        expect(one(run(s, openPlan()), 'DP-03', 'Web_Chat_Site').message).toBe(
            'Deployment "Web_Chat_Site" names no messaging channel.'
        );
    });

    it('is not evaluated when the channels were not read', () => {
        expect(statuses(run(withUnread(healthySnapshot(), 'messagingChannels')), 'DP-03')).toEqual([
            'not_evaluated org'
        ]);
    });
});

describe('DP-04 no legacy Chat remains', () => {
    it('warns on the real NDAX LiveAgent deployment and legacy components, even out of scope', () => {
        const results = run(ndaxSnapshot(), healthyPlan({ channel: undefined, deployment: 'NDAX_Messaging' }));
        expect(statuses(results, 'DP-04')).toEqual([
            'fail Ndax_Messaging_Verified',
            'fail LiveChatDeployment live_agent_setup_flow',
            'fail LiveChatButton Chat_Support',
            'fail EmbeddedServiceBranding EmbeddedServiceBranding_Parent04IG10000002HsnMAE_198997bb5d2'
        ]);
        const r = one(results, 'DP-04', 'Ndax_Messaging_Verified');
        expect(r.severity).toBe('warning');
        expect(r.message).toBe(
            'Deployment "Ndax_Messaging_Verified" is a legacy Chat deployment (deploymentFeature LiveAgent) despite its name. Legacy Chat (Live Agent) was retired on 14 February 2026, and a legacy deployment cannot be converted into a Messaging for In-App and Web deployment.'
        );
        expect(r.remediation).toContain("replace the legacy snippet on the website with the new deployment's snippet");
        expect(r.remediation).not.toContain('parallel');
        expect(one(results, 'DP-04', 'LiveChatButton Chat_Support').location).toEqual({
            file: 'liveChatButtons/Chat_Support.liveChatButton-meta.xml'
        });
    });

    it('warns on the charleston76 Bot_Preview LiveAgent deployment next to two MIAW ones', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([
            miawChannel('MIAWPoc', { sessionHandlerType: 'Flow', sessionHandlerFlow: 'x' })
        ]);
        s.deployments = readSection([
            {
                developerName: 'Bot_Preview',
                deploymentFeature: 'LiveAgent',
                deploymentType: 'Web',
                isEnabled: true,
                site: 'Total_Bot',
                preChatForms: []
            },
            webDeployment('MIAW_POC', 'MIAWPoc'),
            webDeployment('MiawDirectPOC', 'MIAWPoc')
        ]);
        const results = run(s, openPlan());
        expect(statuses(results, 'DP-04')).toEqual(['fail Bot_Preview']);
        expect(one(results, 'DP-04', 'Bot_Preview').message).not.toContain('despite its name');
        expect(statuses(results, 'DP-01')).toEqual(['pass MIAWPoc']);
    });

    it('still evaluates deployments when the legacy components were not read, and says so', () => {
        const s = withUnread(ndaxSnapshot(), 'legacyChat', 'not_in_source', 'no legacy folders retrieved');
        const results = run(s, openPlan());
        expect(statuses(results, 'DP-04')).toEqual([
            'fail Ndax_Messaging_Verified',
            'not_evaluated legacy Chat components'
        ]);
        expect(one(results, 'DP-04', 'legacy Chat components').message).toContain(
            'were not read (no legacy folders retrieved); only the deployments were checked'
        );
        const clean = run(withUnread(healthySnapshot(), 'legacyChat'));
        expect(one(clean, 'DP-04', 'org').message).toContain('the rest was not read; see the not-evaluated result');
    });

    it('is not evaluated when neither deployments nor legacy components were read', () => {
        const s = withUnread(withUnread(healthySnapshot(), 'deployments'), 'legacyChat');
        expect(statuses(run(s), 'DP-04')).toEqual(['not_evaluated org']);
    });
});

describe('DP-05 deployment type', () => {
    it('says Web or Mobile (real NDAX web and mobile deployments)', () => {
        const results = run(ndaxSnapshot(), openPlan());
        expect(statuses(results, 'DP-05')).toEqual(['pass NDAX_Messaging', 'pass Ndax_Mobile_App']);
        expect(one(results, 'DP-05', 'Ndax_Mobile_App').message).toContain(
            'is a Mobile (in-app) deployment (the type cannot change later); widget-origin checks (CORS/CSP) do not apply to it'
        );
    });

    it('fails (info) an unknown type', () => {
        const s = healthySnapshot();
        deployment(s).deploymentType = undefined;
        const r = one(run(s), 'DP-05', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('info');
        expect(r.message).toBe('Deployment "Web_Chat_Site" has no type in the source; expected Web or Mobile.');
    });
});

describe('DP-06 business hours', () => {
    it('names the real diogo "Stech - Business Hours" and their time zone', () => {
        const s = diogoSnapshot();
        s.deployments.items[0].messagingChannel = {
            messagingChannel: 'Chat_STE',
            isEnabled: true,
            businessHours: 'Stech - Business Hours'
        };
        const results = run(s, openPlan());
        const r = one(results, 'DP-06', 'Chat_Stech');
        expect(r.status).toBe('pass');
        expect(r.message).toBe(
            'Deployment "Chat_Stech" uses business hours "Stech - Business Hours" in time zone America/Belem: the chat button is hidden outside them.'
        );
        expect(r.setupPath).toBe('/lightning/setup/BusinessHours/home');
        expect(one(results, 'DP-06', 'StechV2').message).toContain('the chat button shows at all hours');
    });

    it('fails (info) business hours that do not exist', () => {
        const s = healthySnapshot();
        deployment(s).messagingChannel = {
            messagingChannel: 'Web_Chat',
            isEnabled: true,
            businessHours: 'Support Hours'
        };
        const r = one(run(s), 'DP-06', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('"Support Hours", which are not among the org\'s business hours ("Default")');
    });

    it('fails (info) inactive business hours', () => {
        const s = healthySnapshot();
        s.businessHours.items[0].isActive = false;
        deployment(s).messagingChannel = { messagingChannel: 'Web_Chat', isEnabled: true, businessHours: 'Default' };
        const r = one(run(s), 'DP-06', 'Web_Chat_Site');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'Deployment "Web_Chat_Site" uses business hours "Default" (America/Los_Angeles), which are inactive.'
        );
    });

    it('names the hours but says the time zone is unknown when business hours were not read', () => {
        const s = withUnread(healthySnapshot(), 'businessHours');
        deployment(s).messagingChannel = { messagingChannel: 'Web_Chat', isEnabled: true, businessHours: 'Default' };
        const r = one(run(s), 'DP-06', 'Web_Chat_Site');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('Their time zone is unknown because business hours (BusinessHours) were not read');
    });
});

describe('DP-07 republished after the last change', () => {
    it('asks a person to confirm, per deployment in scope, with how to publish', () => {
        const results = run(diogoSnapshot(), openPlan());
        expect(statuses(results, 'DP-07')).toEqual(['manual Chat_Stech', 'manual Chat_Web_ADV', 'manual StechV2']);
        const r = one(results, 'DP-07', 'StechV2');
        expect(r.message).toBe(
            'Republish "StechV2" after its last change (and after enabling enhanced domains) — no API shows whether it is published.'
        );
        expect(r.remediation).toContain('Setup > Embedded Service Deployments > StechV2 > View > Publish');
        expect(r.remediation).toContain('wait up to 10 minutes');
    });
});
