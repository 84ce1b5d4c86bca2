/*
 * Synthetic, real-shaped OrgSnapshots for the benchmark: an org-kind snapshot (agents read, queues with Ids
 * and member counts) whose every section grows linearly with one scale factor, up to the org limits named
 * in ARCHITECTURE.md "Performance shape". Deterministic: the same scale gives the same snapshot.
 */
import { SNAPSHOT_SCHEMA_VERSION, readSection } from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type {
    Agent,
    CorsEntry,
    CspTrustedSite,
    EmbeddedServiceDeployment,
    Flow,
    MessagingChannel,
    OrgSnapshot,
    PermissionSet,
    PresenceConfig,
    PresenceStatus,
    Queue,
    RoutingConfig,
    ServiceChannel
} from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { parseSetupPlan } from '../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { SetupPlan } from '../force-app/main/default/lwc/miawReadinessEngine/setupPlan';

/** The largest org the benchmark models (scale 1). */
export const ORG_LIMITS = {
    messagingChannels: 2000,
    /** CORS entries + CSP Trusted Sites together, split evenly. */
    trustedSites: 5000,
    queues: 2000,
    agents: 50000,
    /** Routing flows (several channels share one flow). */
    flows: 500,
    routingConfigs: 100,
    presenceConfigs: 50,
    permissionSets: 40
} as const;

export interface SyntheticCounts {
    messagingChannels: number;
    deployments: number;
    corsEntries: number;
    cspTrustedSites: number;
    queues: number;
    agents: number;
    flows: number;
    routingConfigs: number;
    presenceConfigs: number;
    permissionSets: number;
}

export function countsAt(scale: number): SyntheticCounts {
    const n = (max: number): number => Math.max(1, Math.round(max * scale));
    const sites = n(ORG_LIMITS.trustedSites);
    return {
        messagingChannels: n(ORG_LIMITS.messagingChannels),
        deployments: n(ORG_LIMITS.messagingChannels),
        corsEntries: Math.ceil(sites / 2),
        cspTrustedSites: Math.floor(sites / 2),
        queues: n(ORG_LIMITS.queues),
        agents: n(ORG_LIMITS.agents),
        flows: n(ORG_LIMITS.flows),
        routingConfigs: n(ORG_LIMITS.routingConfigs),
        presenceConfigs: n(ORG_LIMITS.presenceConfigs),
        permissionSets: n(ORG_LIMITS.permissionSets)
    };
}

const pad = (i: number, width = 5): string => String(i).padStart(width, '0');

/** A fake but well-formed 18-character queue Id (00G prefix) for queue i. */
export function queueId(i: number): string {
    return `00G5e00000${pad(i, 5)}AAA`;
}

/** The host of brand i: brands own sub-domains, so a plan origin is covered by a wildcard or an exact entry. */
export function brandDomain(i: number): string {
    return `brand${pad(i, 4)}.example.com`;
}

/** ~50 widget origins: production, staging and preview sites of the first brands. */
export function syntheticPlan(originCount = 50): SetupPlan {
    const kinds = ['www', 'staging', 'preview', 'shop', 'help'];
    const origins: string[] = [];
    for (let i = 0; origins.length < originCount; i++) {
        origins.push(`https://${kinds[i % kinds.length]}.${brandDomain(Math.floor(i / kinds.length))}`);
    }
    return parseSetupPlan({ widgetOrigins: origins, routing: 'flow', capacityModel: 'status' });
}

export function syntheticSnapshot(scale: number): { snapshot: OrgSnapshot; counts: SyntheticCounts; elements: number } {
    const c = countsAt(scale);

    const routingConfigs: RoutingConfig[] = [];
    for (let i = 0; i < c.routingConfigs; i++) {
        routingConfigs.push({
            developerName: `Routing_${pad(i)}`,
            label: `Routing ${i}`,
            routingModel: i % 2 ? 'LeastActive' : 'MostAvailable',
            capacityWeight: 1 + (i % 3),
            pushTimeout: 60,
            routingPriority: 1 + (i % 5)
        });
    }

    const queues: Queue[] = [];
    for (let i = 0; i < c.queues; i++) {
        queues.push({
            developerName: `Queue_${pad(i)}`,
            id: queueId(i),
            name: `Queue ${i}`,
            // a few queues lack a routing configuration or members, as in real orgs
            queueRoutingConfig: i % 97 === 13 ? undefined : `Routing_${pad(i % c.routingConfigs)}`,
            sobjectTypes: i % 5 === 0 ? ['Case', 'MessagingSession'] : ['MessagingSession'],
            members: { users: [], publicGroups: [], roles: [], roleAndSubordinates: [] },
            memberCount: i % 89 === 7 ? 0 : 5 + (i % 40)
        });
    }

    const flows: Flow[] = [];
    for (let i = 0; i < c.flows; i++) {
        const target = queues[(i * 7) % c.queues].developerName;
        const fallbackTarget = queues[(i * 7 + 1) % c.queues].id ?? '';
        flows.push({
            apiName: `Route_Flow_${pad(i)}`,
            label: `Route Flow ${i}`,
            processType: 'RoutingFlow',
            status: i % 50 === 49 ? 'Draft' : 'Active',
            variables: [
                { name: i % 61 === 5 ? 'RecordId' : 'recordId', dataType: 'String', isInput: true },
                { name: 'Email', dataType: 'String', isInput: true },
                { name: 'FirstName', dataType: 'String', isInput: true },
                { name: 'Order_Number', dataType: 'String', isInput: true },
                { name: 'Cart_Value', dataType: 'String', isInput: true }
            ],
            recordLookups: [
                { name: 'Get_Messaging_Session', object: 'MessagingSession' },
                { name: 'Find_Contact', object: 'Contact' }
            ],
            recordUpdates: [
                { name: 'Link_Contact', object: 'MessagingEndUser', fields: ['ContactId'] },
                { name: 'Save_Prechat', object: 'MessagingSession', fields: ['Order_Number__c', 'Cart_Value__c'] }
            ],
            routeWorks: [
                {
                    name: 'Route_To_Order_Support',
                    inputs: {
                        recordId: { elementReference: 'recordId' },
                        serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
                        routingType: { stringValue: 'QueueBased' },
                        queueId: { stringValue: fallbackTarget }
                    }
                },
                {
                    name: 'Route_To_Support',
                    inputs: {
                        recordId: { elementReference: 'recordId' },
                        serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
                        routingType: { stringValue: 'QueueBased' },
                        queueId: { stringValue: target }
                    }
                }
            ],
            executionOrder: [
                'Get_Messaging_Session',
                'Find_Contact',
                'Link_Contact',
                'Save_Prechat',
                'Has_Order_Number',
                'Route_To_Order_Support',
                'Route_To_Support'
            ],
            source: { recordId: `301${pad(i, 12)}` }
        });
    }

    const channels: MessagingChannel[] = [];
    const deployments: EmbeddedServiceDeployment[] = [];
    for (let i = 0; i < c.messagingChannels; i++) {
        const name = `Web_Chat_${pad(i)}`;
        channels.push({
            developerName: name,
            masterLabel: `Web Chat ${i}`,
            messagingChannelType: i % 10 === 9 ? 'Text' : 'EmbeddedMessaging',
            isActive: i % 53 !== 3,
            sessionHandlerType: i % 4 === 3 ? 'Queue' : 'Flow',
            sessionHandlerFlow: i % 4 === 3 ? undefined : `Route_Flow_${pad(i % c.flows)}`,
            sessionHandlerQueue: queues[i % c.queues].developerName,
            embeddedConfig: { authMode: 'UnAuth', isEstimatedWaitTimeEnabled: i % 3 === 0 },
            customParameters: [
                {
                    name: 'Order_Number',
                    masterLabel: 'Order Number',
                    externalParameterName: 'Order_Number',
                    parameterDataType: 'String',
                    maxLength: 40,
                    actionParameterMappings: i % 71 === 1 ? [] : [{ actionParameterName: 'Order_Number' }]
                },
                {
                    name: 'Cart_Value',
                    masterLabel: 'Cart Value',
                    externalParameterName: 'Cart_Value',
                    parameterDataType: 'String',
                    maxLength: 20,
                    actionParameterMappings: [{ actionParameterName: 'Cart_Value' }]
                }
            ],
            standardParameters: [
                { parameterType: 'Email', actionParameterMappings: [{ actionParameterName: 'Email' }] },
                { parameterType: 'FirstName', actionParameterMappings: [{ actionParameterName: 'FirstName' }] }
            ],
            automatedResponseTypes: ['InitialResponse'],
            source: { recordId: `0Mj${pad(i, 12)}` }
        });
        deployments.push({
            developerName: name,
            masterLabel: `Web Chat ${i}`,
            deploymentFeature: i % 25 === 24 ? 'LiveAgent' : 'EmbeddedMessaging',
            deploymentType: i % 20 === 19 ? 'Mobile' : 'Web',
            isEnabled: true,
            site: `ESW_${name}_17302856409121`,
            branding: `EmbeddedServiceConfig_BrandingSet_${pad(i)}`,
            messagingChannel: {
                messagingChannel: name,
                isEnabled: i % 41 !== 2,
                businessHours: i % 2 ? 'Support Hours' : undefined
            },
            preChatForms: [
                {
                    displayContext: 'Conversation',
                    isActive: true,
                    fields: [
                        {
                            formField: 'Cart_Value',
                            messagingChannelParameterType: 'Custom',
                            formFieldType: i % 67 === 4 ? 'Number' : 'Text',
                            isHidden: true,
                            isRequired: false,
                            displayOrder: -1
                        },
                        {
                            formField: '_FirstName',
                            messagingChannelParameterType: 'Standard',
                            formFieldType: 'Text',
                            isHidden: false,
                            isRequired: false,
                            displayOrder: 0
                        },
                        {
                            formField: '_Email',
                            messagingChannelParameterType: 'Standard',
                            formFieldType: 'Email',
                            isHidden: false,
                            isRequired: true,
                            displayOrder: 1
                        },
                        {
                            formField: 'Order_Number',
                            messagingChannelParameterType: 'Custom',
                            formFieldType: 'Text',
                            isHidden: false,
                            isRequired: false,
                            displayOrder: 2
                        }
                    ]
                }
            ]
        });
    }

    // Trusted sites: brand wildcards, exact origins, a few malformed or over-broad entries.
    const cors: CorsEntry[] = [];
    for (let i = 0; i < c.corsEntries; i++) {
        const brand = brandDomain(Math.floor(i / 3));
        let urlPattern: string;
        if (i % 499 === 17) urlPattern = 'https://*.com';
        else if (i % 251 === 5) urlPattern = `http://www.${brand}`;
        else if (i % 3 === 0) urlPattern = `https://*.${brand}`;
        else if (i % 3 === 1) urlPattern = `https://www.${brand}`;
        else urlPattern = `https://${brand}:8443`;
        cors.push({ developerName: `Cors_${pad(i)}`, urlPattern });
    }
    const csp: CspTrustedSite[] = [];
    for (let i = 0; i < c.cspTrustedSites; i++) {
        const brand = brandDomain(Math.floor(i / 2));
        csp.push({
            developerName: `Csp_${pad(i)}`,
            endpointUrl: i % 2 ? `*.${brand}` : `https://www.${brand}`,
            isActive: i % 37 !== 11,
            context: 'All',
            isApplicableToConnectSrc: true,
            isApplicableToFrameSrc: true
        });
    }

    const serviceChannels: ServiceChannel[] = [
        {
            developerName: 'sfdc_livemessage',
            label: 'Messaging',
            relatedEntityType: 'MessagingSession',
            capacityModel: 'StatusBased'
        },
        {
            developerName: 'sfdc_liveagent',
            label: 'Chat',
            relatedEntityType: 'LiveChatTranscript',
            capacityModel: 'TabBased'
        },
        { developerName: 'sfdc_phone', label: 'Phone', relatedEntityType: 'VoiceCall', capacityModel: 'TabBased' },
        { developerName: 'Cases', label: 'Cases', relatedEntityType: 'Case', capacityModel: 'TabBased' }
    ];
    const presenceStatuses: PresenceStatus[] = [
        { developerName: 'Available_Messaging', label: 'Available - Messaging', channels: ['sfdc_livemessage'] },
        { developerName: 'Available_All', label: 'Available', channels: ['sfdc_livemessage', 'sfdc_phone', 'Cases'] },
        { developerName: 'Busy', label: 'Busy', channels: [] }
    ];
    const presenceConfigs: PresenceConfig[] = [];
    for (let i = 0; i < c.presenceConfigs; i++) {
        presenceConfigs.push({
            developerName: `Presence_${pad(i)}`,
            label: `Presence ${i}`,
            capacity: i % 13 === 6 ? 1 : 5 + (i % 4),
            assignedUsers: [],
            assignedProfiles: [`Support Profile ${i}`]
        });
    }
    const permissionSets: PermissionSet[] = [];
    for (let i = 0; i < c.permissionSets; i++) {
        permissionSets.push({
            name: `Chat_Agent_${pad(i)}`,
            label: `Chat Agent ${i}`,
            userPermissions: i % 4 === 3 ? [] : ['EmbeddedMessagingAgent'],
            presenceStatusAccesses: i % 5 === 4 ? ['Busy'] : ['Available_Messaging', 'Busy'],
            objectPermissions: [
                { object: 'MessagingSession', allowRead: true, allowEdit: true },
                { object: 'MessagingEndUser', allowRead: true, allowEdit: i % 6 !== 5 }
            ],
            assigneeCount: Math.round(c.agents / c.permissionSets)
        });
    }
    const agents: Agent[] = [];
    for (let i = 0; i < c.agents; i++) {
        agents.push({
            user: `agent${pad(i, 6)}@example.invalid`,
            name: `Agent ${i}`,
            profile: `Support Profile ${i % c.presenceConfigs}`,
            isActive: i % 29 !== 0,
            hasServiceCloudUser: i % 3 === 0,
            permissionSetLicenses: i % 3 === 0 ? [] : ['EmbeddedServiceMessagingUserPsl'],
            permissionSets: [`Chat_Agent_${pad(i % c.permissionSets)}`],
            queues: [queues[i % c.queues].developerName, queues[(i * 31) % c.queues].developerName],
            presenceConfig: i % 43 === 8 ? undefined : `Presence_${pad(i % c.presenceConfigs)}`
        });
    }

    const snapshot: OrgSnapshot = {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        origin: { kind: 'org', label: `synthetic org (scale ${scale})` },
        omniChannelSettings: readSection([
            { enableOmniChannel: true, enableOmniStatusCapModel: true, enableOmniSkillsRouting: true }
        ]),
        liveMessageSettings: readSection([{ enableLiveMessage: true }]),
        messagingChannels: readSection(channels),
        deployments: readSection(deployments),
        legacyChat: readSection([{ kind: 'LiveChatButton', name: 'Legacy_Chat_Button' }]),
        corsEntries: readSection(cors),
        cspTrustedSites: readSection(csp),
        serviceChannels: readSection(serviceChannels),
        presenceStatuses: readSection(presenceStatuses),
        presenceConfigs: readSection(presenceConfigs),
        routingConfigs: readSection(routingConfigs),
        queues: readSection(queues),
        flows: readSection(flows),
        permissionSets: readSection(permissionSets),
        agents: readSection(agents),
        flexiPages: readSection([
            {
                name: 'Messaging_Session_Record_Page',
                sobjectType: 'MessagingSession',
                type: 'RecordPage',
                components: ['force:highlightsPanel', 'scrt:conversationBody']
            },
            {
                name: 'LightningService_UtilityBar',
                type: 'UtilityBar',
                components: ['runtime_service_omnichannel:omniWidget', 'console:history']
            }
        ]),
        sessionRecordRules: readSection([]),
        sessionAutomation: readSection([]),
        lightningApps: readSection([
            {
                name: 'standard__LightningService',
                label: 'Service Console',
                navType: 'Console',
                utilityBar: 'LightningService_UtilityBar'
            }
        ]),
        businessHours: readSection([
            { name: 'Support Hours', timeZoneId: 'America/Denver', isActive: true, isDefault: false },
            { name: 'Default', timeZoneId: 'America/Los_Angeles', isActive: true, isDefault: true }
        ]),
        sessionSignals: readSection([{ windowHours: 24, errored: [], waiting: [] }]),
        problems: []
    };
    const elements =
        channels.length +
        deployments.length +
        cors.length +
        csp.length +
        queues.length +
        agents.length +
        flows.length +
        routingConfigs.length +
        presenceConfigs.length +
        permissionSets.length +
        serviceChannels.length +
        presenceStatuses.length;
    return { snapshot, counts: c, elements };
}
