/*
 * Real org exports (test/fixtures/real-orgs, with their provenance in its README): every folder must read without a
 * problem, and facts a reviewer can check against the XML are pinned per org.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type {
    OrgSnapshot,
    SnapshotSectionName
} from '../../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { readMetadataFolder } from '../metadataReader';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS = path.resolve(REPO_ROOT, 'test', 'fixtures', 'real-orgs');

const orgs = fs.readdirSync(CORPUS).filter((name) => fs.statSync(path.join(CORPUS, name)).isDirectory());

const snapshots = new Map<string, OrgSnapshot>();
function org(name: string): OrgSnapshot {
    let snapshot = snapshots.get(name);
    if (!snapshot) {
        snapshot = readMetadataFolder(path.join(CORPUS, name));
        snapshots.set(name, snapshot);
    }
    return snapshot;
}

/** `section: item count` for sections that were read; every other section must be not_in_source. */
type Shape = Partial<Record<SnapshotSectionName, number>>;
function shapeOf(snapshot: OrgSnapshot): Shape {
    const shape: Shape = {};
    for (const [key, value] of Object.entries(snapshot)) {
        if (value && typeof value === 'object' && 'state' in value) {
            if (value.state === 'read') shape[key as SnapshotSectionName] = value.items.length;
            else expect([key, value.state]).toEqual([key, 'not_in_source']);
        }
    }
    return shape;
}

const EXPECTED_SHAPES: Record<string, Shape> = {
    'Camden-sung__agentforce-portfolio': {
        omniChannelSettings: 1,
        messagingChannels: 1,
        deployments: 1,
        legacyChat: 0,
        serviceChannels: 2,
        presenceConfigs: 1,
        routingConfigs: 1,
        queues: 1,
        flows: 1,
        permissionSets: 1
    },
    charleston76__einsteinBot: {
        omniChannelSettings: 1,
        messagingChannels: 1,
        deployments: 3,
        legacyChat: 0,
        corsEntries: 6,
        cspTrustedSites: 6,
        serviceChannels: 2,
        presenceStatuses: 4,
        presenceConfigs: 1,
        routingConfigs: 1,
        queues: 2,
        flows: 2,
        permissionSets: 2,
        flexiPages: 2
    },
    'diogo-weenow__arnone': {
        messagingChannels: 5,
        deployments: 3,
        legacyChat: 0,
        corsEntries: 3,
        serviceChannels: 1,
        presenceStatuses: 2,
        presenceConfigs: 1,
        routingConfigs: 1,
        queues: 5,
        flows: 2,
        businessHours: 2
    },
    'emielergo__dev-org-2025': {
        omniChannelSettings: 1,
        liveMessageSettings: 1,
        serviceChannels: 2,
        presenceConfigs: 1,
        businessHours: 1
    },
    peticavictor__ndax: {
        omniChannelSettings: 1,
        liveMessageSettings: 1,
        messagingChannels: 5,
        deployments: 6,
        legacyChat: 3,
        corsEntries: 9,
        cspTrustedSites: 5,
        serviceChannels: 3,
        presenceStatuses: 5,
        presenceConfigs: 1,
        routingConfigs: 3,
        queues: 3,
        flows: 7,
        permissionSets: 9,
        flexiPages: 1,
        businessHours: 6
    },
    'shekharh500__northwind-service-agent': {
        liveMessageSettings: 1,
        messagingChannels: 1,
        corsEntries: 2,
        cspTrustedSites: 2,
        routingConfigs: 1,
        queues: 1,
        flows: 2,
        permissionSets: 1
    },
    vamsireddy2002__smartAgentsCrew: {
        omniChannelSettings: 1,
        liveMessageSettings: 1,
        serviceChannels: 5,
        routingConfigs: 2,
        queues: 3,
        flows: 3,
        businessHours: 1
    }
};

describe('corpus', () => {
    it('is present next to the repository', () => {
        expect(orgs.sort()).toEqual(Object.keys(EXPECTED_SHAPES).sort());
    });

    it.each(Object.keys(EXPECTED_SHAPES))('%s reads without problems, with the expected sections', (name) => {
        const snapshot = org(name);
        expect(snapshot.problems).toEqual([]);
        expect(shapeOf(snapshot)).toEqual(EXPECTED_SHAPES[name]);
        expect(snapshot.agents.state).toBe('not_in_source');
        expect(snapshot.sessionSignals.state).toBe('not_in_source');
    });
});

const channel = (snapshot: OrgSnapshot, name: string) =>
    snapshot.messagingChannels.items.find((c) => c.developerName === name);
const deployment = (snapshot: OrgSnapshot, name: string) =>
    snapshot.deployments.items.find((d) => d.developerName === name);
const queue = (snapshot: OrgSnapshot, name: string) => snapshot.queues.items.find((q) => q.developerName === name);
const flow = (snapshot: OrgSnapshot, name: string) => snapshot.flows.items.find((f) => f.apiName === name);

describe('charleston76__einsteinBot', () => {
    const s = () => org('charleston76__einsteinBot');

    it('routes MIAWPoc through a flow with FallbackQueue as the fallback', () => {
        expect(channel(s(), 'MIAWPoc')).toMatchObject({
            messagingChannelType: 'EmbeddedMessaging',
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'MIAWToQueue',
            sessionHandlerQueue: 'FallbackQueue'
        });
        expect(channel(s(), 'MIAWPoc')?.customParameters.map((p) => p.name)).toEqual([
            'endUserId',
            'externalTicketId',
            'recordId',
            'queueId',
            'messagingChannelId'
        ]);
    });

    it('has three deployments, one of them legacy LiveAgent, and two on MIAWPoc', () => {
        expect(
            s().deployments.items.map((d) => [
                d.developerName,
                d.deploymentFeature,
                d.messagingChannel?.messagingChannel
            ])
        ).toEqual([
            ['Bot_Preview', 'LiveAgent', undefined],
            ['MIAW_POC', 'EmbeddedMessaging', 'MIAWPoc'],
            ['MiawDirectPOC', 'EmbeddedMessaging', 'MIAWPoc']
        ]);
    });

    it('has a fallback queue without a routing configuration', () => {
        expect(queue(s(), 'FallbackQueue')?.queueRoutingConfig).toBeUndefined();
        expect(queue(s(), 'FallbackQueue')?.sobjectTypes).toEqual(['LiveChatTranscript', 'MessagingSession']);
        expect(queue(s(), 'MIAWQueue')?.queueRoutingConfig).toBe('MIAW_Routing_Configuration');
    });

    it('reads the routing flow path and its queue variable', () => {
        expect(flow(s(), 'MIAWToQueue')).toMatchObject({
            status: 'Active',
            processType: 'RoutingFlow',
            executionOrder: ['Get_Queue_ID', 'New_Action'],
            recordLookups: [
                {
                    name: 'Get_Queue_ID',
                    object: 'Group',
                    filters: [
                        { field: 'Type', operator: 'EqualTo', value: { stringValue: 'Queue' } },
                        { field: 'DeveloperName', operator: 'EqualTo', value: { stringValue: 'MIAWQueue' } }
                    ],
                    outputAssignments: [{ field: 'Id', assignToReference: 'queueId' }]
                }
            ]
        });
        expect(flow(s(), 'MIAWToQueue')?.routeWorks[0].inputs.queueId).toEqual({ elementReference: 'queueId' });
        // versionSegment 1: a Route Work before 2.0.
        expect(flow(s(), 'MIAWToQueue')?.routeWorks[0].version).toBe('1');
    });

    it('allows wildcard scratch-org CORS origins and reads no LiveMessage settings file', () => {
        expect(s().corsEntries.items.map((c) => c.urlPattern)).toContain('https://*.scratch.my.salesforce-scrt.com');
        expect(s().liveMessageSettings.state).toBe('not_in_source');
    });

    it('ignores commented-out permissions and finds messaging components on the record pages', () => {
        const agents = s().permissionSets.items.find((p) => p.name === 'MIAWAgentsPermissionSet');
        expect(agents?.userPermissions).toEqual(['EmbeddedMessagingAgent']);
        expect(agents?.objectPermissions.map((o) => o.object)).toEqual(['MessagingEndUser', 'MessagingSession']);
        expect(s().flexiPages.items.find((p) => p.name === 'Messaging_Session')?.components).toEqual(
            expect.arrayContaining(['runtime_service_livemessage:chatBody', 'scrt:conversationBody'])
        );
    });
});

describe('peticavictor__ndax', () => {
    const s = () => org('peticavictor__ndax');

    it('has five channels, two of them without a deployment', () => {
        expect(s().messagingChannels.items).toHaveLength(5);
        const linked = new Set(s().deployments.items.map((d) => d.messagingChannel?.messagingChannel));
        expect(
            s()
                .messagingChannels.items.map((c) => c.developerName)
                .filter((n) => !linked.has(n))
        ).toEqual(['CustomerServiceMessaging', 'NDAX_Chat_Demo']);
    });

    it('has a deployment named Verified that is legacy LiveAgent, plus Mobile deployments', () => {
        expect(deployment(s(), 'Ndax_Messaging_Verified')).toMatchObject({
            deploymentFeature: 'LiveAgent',
            deploymentType: 'Web'
        });
        expect(
            s()
                .deployments.items.filter((d) => d.deploymentType === 'Mobile')
                .map((d) => d.developerName)
        ).toEqual(['Ndax_Mobile_App', 'Ndax_Mobile_App_Verified']);
        expect(s().legacyChat.items.map((a) => a.kind)).toEqual([
            'EmbeddedServiceBranding',
            'LiveChatDeployment',
            'LiveChatButton'
        ]);
    });

    it('trusts http://localhost:63342 in CSP', () => {
        expect(s().cspTrustedSites.items.find((c) => c.endpointUrl === 'http://localhost:63342')).toMatchObject({
            developerName: 'dev2',
            isActive: true
        });
    });

    it('leaves the NDAX_Messaging custom parameter `email` unmapped; the Auth channel has authorizations', () => {
        const ndax = channel(s(), 'NDAX_Messaging');
        expect(ndax?.customParameters.find((p) => p.name === 'email')?.actionParameterMappings).toEqual([]);
        expect(ndax?.customParameters.find((p) => p.name === 'userId')?.actionParameterMappings).toEqual([
            { actionParameterName: 'userId' }
        ]);
        expect(ndax?.embeddedConfig).toEqual({
            authMode: 'Auth',
            isEstimatedWaitTimeEnabled: true,
            hasAuthorizations: true,
            // <enabled>true</enabled> in its PublicKeyCertificateSet authorization.
            hasEnabledAuthorizations: true
        });
    });

    it('reads the hidden pre-chat fields of NDAX_Messaging', () => {
        expect(
            deployment(s(), 'NDAX_Messaging')?.preChatForms[0].fields.map((f) => [
                f.formField,
                f.isHidden,
                f.displayOrder
            ])
        ).toEqual([
            ['userId', true, -1],
            ['email', true, -1],
            ['_Email', false, 0]
        ]);
    });

    it('keeps an obsolete flow obsolete when its definition names no active version', () => {
        expect(flow(s(), 'Case_Skills_based_Routing')?.status).toBe('Obsolete');
        expect(flow(s(), 'Route_to_NDAX')?.status).toBe('Active');
    });

    it('reads presence access, interruptible capacity and capacity types', () => {
        const omni = s().permissionSets.items.find((p) => p.name === 'OmniPresenceStatusPermissionSet');
        expect(omni?.presenceStatusAccesses.length).toBeGreaterThan(0);
        expect(s().presenceConfigs.items[0]).toMatchObject({ capacity: 25, interruptibleCapacity: 25 });
        expect(s().routingConfigs.items.map((r) => r.capacityType)).toEqual([
            'INTERRUPTIBLE',
            'INHERITED',
            'NOT_INTERRUPTIBLE'
        ]);
    });
});

describe('Camden-sung__agentforce-portfolio (prettier-formatted)', () => {
    const s = () => org('Camden-sung__agentforce-portfolio');

    it('links the enabled deployment to its channel; both enabled flags are true', () => {
        expect(deployment(s(), 'Meridian_Portal_Channel')).toMatchObject({
            deploymentFeature: 'EmbeddedMessaging',
            isEnabled: true,
            site: 'ESW_Meridian_Portal_Channe_17846618054031',
            branding: 'EmbeddedServiceConfig_BrandingSet_19f862236ab',
            messagingChannel: { messagingChannel: 'Meridian_Portal_Channel', isEnabled: true }
        });
    });

    it('has an Auth channel without authorizations, routed by flow with a fallback queue', () => {
        expect(channel(s(), 'Meridian_Portal_Channel')).toMatchObject({
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'Route_To_Meridian_Assistant',
            sessionHandlerQueue: 'Meridian_Support_Fallback',
            embeddedConfig: { authMode: 'Auth', isEstimatedWaitTimeEnabled: false, hasAuthorizations: false },
            automatedResponseTypes: ['OptOutConfirmation', 'HelpResponse']
        });
        // Agentforce routing happens inside the flow (routingType Copilot), not on the channel.
        expect(channel(s(), 'Meridian_Portal_Channel')?.sessionHandlerAgent).toBeUndefined();
        expect(flow(s(), 'Route_To_Meridian_Assistant')?.routeWorks[0].inputs.routingType).toEqual({
            stringValue: 'Copilot'
        });
    });

    it('runs tab-based capacity: the org-wide status-based flag is off and no channel sets a model', () => {
        expect(s().omniChannelSettings.items[0].enableOmniStatusCapModel).toBe(false);
        expect(s().serviceChannels.items.map((c) => c.capacityModel)).toEqual([undefined, undefined]);
        expect(s().routingConfigs.items[0]).toMatchObject({ routingModel: 'LeastActive', capacityWeight: 1 });
    });
});

describe('emielergo__dev-org-2025', () => {
    const s = () => org('emielergo__dev-org-2025');

    it('has no messaging channels in source and Messaging switched off', () => {
        expect(s().messagingChannels).toMatchObject({ state: 'not_in_source', items: [] });
        expect(s().messagingChannels.reason).toMatch(/^no messagingChannels\/ folder under /);
        expect(s().liveMessageSettings.items[0].enableLiveMessage).toBe(false);
        expect(s().omniChannelSettings.items[0].enableOmniChannel).toBe(true);
    });
});

describe('diogo-weenow__arnone', () => {
    const s = () => org('diogo-weenow__arnone');

    it('has five channels routed by flow or queue', () => {
        expect(s().messagingChannels.items.map((c) => [c.developerName, c.sessionHandlerType])).toEqual([
            ['Chat_ADV', 'Flow'],
            ['Chat_ESG', 'Queue'],
            ['Chat_SCO', 'Queue'],
            ['Chat_SOL', 'Queue'],
            ['Chat_STE', 'Flow']
        ]);
    });

    it('routes to hard-coded queue ids in routeWork, all in Route Work 2.0.0', () => {
        const routeWorks = s().flows.items.flatMap((f) => f.routeWorks);
        expect(routeWorks.map((r) => r.inputs.queueId?.stringValue)).toEqual([
            '00Gbe000006GoTdEAK',
            '00Gbe000006MaceEAC',
            '00Gbe000006MacfEAC',
            '00Gbe000006MacgEAC',
            '00Gbe000006GoTmEAK'
        ]);
        expect(new Set(routeWorks.map((r) => r.version))).toEqual(new Set(['2.0.0']));
    });

    it('follows the decision outcomes of the STE flow', () => {
        expect(flow(s(), 'Route_to_Assistente_STE_Aprimorado')?.executionOrder).toEqual([
            'Resolver_Classificacao',
            'Decidir_Vinculo',
            'Decidir_Destino',
            'Vincular_Lead_Sessao',
            'Atualizar_Classificacao_Sessao',
            'Rotear_Para_Bot',
            'Rotear_Fila_Fria',
            'Rotear_Fila_Morna',
            'Rotear_Fila_Quente'
        ]);
    });

    it('has business hours in America/Belem and no CSP in source', () => {
        expect(s().businessHours.items.find((b) => b.name === 'Stech - Business Hours')).toMatchObject({
            timeZoneId: 'America/Belem',
            isActive: true,
            isDefault: false
        });
        expect(s().cspTrustedSites.state).toBe('not_in_source');
    });
});

describe('vamsireddy2002__smartAgentsCrew', () => {
    const s = () => org('vamsireddy2002__smartAgentsCrew');

    it('reads the xsi:nil related entity of sfdc_liveagent as undefined', () => {
        const chat = s().serviceChannels.items.find((c) => c.developerName === 'sfdc_liveagent');
        expect(chat).toMatchObject({ label: 'Chat' });
        expect(chat?.relatedEntityType).toBeUndefined();
    });

    it('has three active routing flows and routing configs by percentage and by weight', () => {
        expect(s().flows.items.map((f) => [f.apiName, f.status, f.processType])).toEqual([
            ['Route_Conversations_to_Agentforce_Service_Agents', 'Active', 'RoutingFlow'],
            ['Route_message_to', 'Active', 'RoutingFlow'],
            ['Service_Agent_Route_To_Work', 'Active', 'RoutingFlow']
        ]);
        expect(s().routingConfigs.items.map((r) => [r.developerName, r.capacityPercentage, r.capacityWeight])).toEqual([
            ['Default_Routing_Configuration_Agentforce_Contact_Center', 100, undefined],
            ['Service_Agent_Configuration', undefined, 10]
        ]);
    });
});

describe('shekharh500__northwind-service-agent', () => {
    const s = () => org('shekharh500__northwind-service-agent');

    it('grants a presence status that the source does not define', () => {
        expect(s().permissionSets.items[0].presenceStatusAccesses).toEqual(['NW_Available_Messaging']);
        expect(s().presenceStatuses.state).toBe('not_in_source');
    });

    it('routes the channel by flow with its fallback queue, and keeps __MY_DOMAIN__ placeholders as written', () => {
        expect(channel(s(), 'NW_Web_Chat')).toMatchObject({
            sessionHandlerFlow: 'NW_Route_Messaging_To_Agent',
            sessionHandlerQueue: 'NW_Live_Support'
        });
        expect(s().corsEntries.items.map((c) => c.urlPattern)).toEqual([
            'https://__MY_DOMAIN__.my.salesforce-scrt.com',
            'https://__MY_DOMAIN__.my.site.com'
        ]);
    });

    it('points at the root element line when a comment precedes it', () => {
        expect(s().liveMessageSettings.items[0].source).toEqual({
            file: 'force-app/main/default/settings/LiveMessage.settings-meta.xml',
            line: 3
        });
    });
});

describe('flow connector graphs and channel verification (new channel and flow checks)', () => {
    it('keeps every exit of Messaging_Routing, with an unconnected default outcome as an exit without a target', () => {
        const flow = org('peticavictor__ndax').flows.items.find((f) => f.apiName === 'Messaging_Routing');
        expect(flow?.graph?.startTarget).toBe('Check_Messaging_Session_Queue');
        const guest = flow?.graph?.nodes.find((n) => n.name === 'Guest_User_or_Not');
        expect(guest).toEqual({
            name: 'Guest_User_or_Not',
            label: 'Guest User or Not',
            kind: 'decisions',
            exits: [
                { kind: 'outcome', label: 'Not Guest', target: 'Route_to_AgentForce' },
                { kind: 'default', label: 'Default Outcome' }
            ]
        });
        const routeWorks = flow?.graph?.nodes.filter((n) => n.actionType === 'routeWork').map((n) => n.name);
        expect(routeWorks?.sort()).toEqual(flow?.routeWorks.map((r) => r.name).sort());
    });

    it('reads whether a verified channel has a keyset', () => {
        const channels = org('peticavictor__ndax').messagingChannels.items;
        expect(channels.find((c) => c.developerName === 'NDAX_Messaging')?.embeddedConfig).toMatchObject({
            authMode: 'Auth',
            hasAuthorizations: true,
            hasEnabledAuthorizations: true
        });
        const camden = org('Camden-sung__agentforce-portfolio').messagingChannels.items[0];
        expect(camden.embeddedConfig).toMatchObject({ authMode: 'Auth', hasAuthorizations: false });
    });

    it('reads the web client version of a deployment when the file states it', () => {
        const deployments = org('diogo-weenow__arnone').deployments.items;
        expect(deployments.find((d) => d.developerName === 'Chat_Stech')?.clientVersion).toBe('WebV2');
        expect(deployments.find((d) => d.developerName === 'StechV2')?.clientVersion).toBeUndefined();
    });
});
