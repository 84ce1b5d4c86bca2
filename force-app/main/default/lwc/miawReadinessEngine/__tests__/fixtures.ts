/*
 * Test fixtures: small, real-shaped snapshots. `healthySnapshot()` is a complete, ready MIAW org (every
 * metadata-evaluable check passes on it with `healthyPlan()`); tests break one thing and assert the finding.
 */
import { buildIndex } from '../snapshotIndex';
import type { CheckContext } from '../checkKit';
import type { CheckResult } from '../result';
import { parseSetupPlan } from '../setupPlan';
import type { SetupPlan } from '../setupPlan';
import { emptySnapshot, readSection } from '../snapshot';
import type { Agent, OrgSnapshot, SnapshotSectionName } from '../snapshot';

/** Every section read and empty: "none exist". */
export function blankSnapshot(kind: 'metadata' | 'org' = 'metadata'): OrgSnapshot {
    const s = emptySnapshot({ kind, label: 'fixture' });
    for (const key of Object.keys(s) as (keyof OrgSnapshot)[]) {
        const v = s[key] as unknown as { state?: string };
        if (v && typeof v === 'object' && 'state' in v)
            (s as unknown as Record<string, unknown>)[key] = readSection([]);
    }
    return s;
}

export function healthyPlan(overrides: Record<string, unknown> = {}): SetupPlan {
    return parseSetupPlan({
        widgetOrigins: ['https://www.example.com', 'https://staging.example.com'],
        channel: 'Web_Chat',
        deployment: 'Web_Chat_Site',
        routing: 'flow',
        capacityModel: 'status',
        preChatFields: [{ name: 'Order_Number', hidden: true }],
        ...overrides
    });
}

/** A complete, ready MIAW org as the CLI would read it from metadata. */
export function healthySnapshot(): OrgSnapshot {
    const s = blankSnapshot('metadata');
    s.omniChannelSettings = readSection([
        { enableOmniChannel: true, enableOmniStatusCapModel: true, enableOmniSkillsRouting: true }
    ]);
    s.liveMessageSettings = readSection([{ enableLiveMessage: false }]);
    s.messagingChannels = readSection([
        {
            developerName: 'Web_Chat',
            masterLabel: 'Web Chat',
            messagingChannelType: 'EmbeddedMessaging',
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'Route_Web_Chat',
            sessionHandlerQueue: 'Chat_Fallback',
            embeddedConfig: { authMode: 'UnAuth', isEstimatedWaitTimeEnabled: false },
            customParameters: [
                {
                    name: 'Order_Number',
                    masterLabel: 'Order Number',
                    externalParameterName: 'Order_Number',
                    parameterDataType: 'String',
                    maxLength: 40,
                    actionParameterMappings: [{ actionParameterName: 'Order_Number' }]
                }
            ],
            standardParameters: [
                { parameterType: 'Email', actionParameterMappings: [{ actionParameterName: 'Email' }] }
            ],
            automatedResponseTypes: ['InitialResponse'],
            source: { file: 'messagingChannels/Web_Chat.messagingChannel-meta.xml' }
        }
    ]);
    s.deployments = readSection([
        {
            developerName: 'Web_Chat_Site',
            masterLabel: 'Web Chat Site',
            deploymentFeature: 'EmbeddedMessaging',
            deploymentType: 'Web',
            isEnabled: true,
            site: 'ESW_Web_Chat_Site_1700000000000',
            branding: 'EmbeddedServiceConfig_BrandingSet_1a',
            messagingChannel: { messagingChannel: 'Web_Chat', isEnabled: true },
            preChatForms: [
                {
                    displayContext: 'Conversation',
                    isActive: true,
                    fields: [
                        {
                            formField: '_Email',
                            messagingChannelParameterType: 'Standard',
                            formFieldType: 'Email',
                            isHidden: false,
                            isRequired: true,
                            displayOrder: 0
                        },
                        {
                            formField: 'Order_Number',
                            messagingChannelParameterType: 'Custom',
                            formFieldType: 'Text',
                            isHidden: true,
                            isRequired: false,
                            displayOrder: -1
                        }
                    ]
                }
            ],
            source: { file: 'EmbeddedServiceConfig/Web_Chat_Site.EmbeddedServiceConfig-meta.xml' }
        }
    ]);
    s.corsEntries = readSection([
        { developerName: 'Example_Web', urlPattern: 'https://*.example.com' },
        { developerName: 'Example_Apex', urlPattern: 'https://example.com' }
    ]);
    s.cspTrustedSites = readSection([
        {
            developerName: 'Example_WWW',
            endpointUrl: 'https://www.example.com',
            isActive: true,
            context: 'All',
            isApplicableToConnectSrc: true
        },
        {
            developerName: 'Example_Staging',
            endpointUrl: 'https://staging.example.com',
            isActive: true,
            context: 'All',
            isApplicableToConnectSrc: true
        }
    ]);
    s.serviceChannels = readSection([
        {
            developerName: 'sfdc_livemessage',
            label: 'Messaging',
            relatedEntityType: 'MessagingSession',
            capacityModel: 'StatusBased'
        }
    ]);
    s.presenceStatuses = readSection([
        { developerName: 'Available_Messaging', label: 'Available - Messaging', channels: ['sfdc_livemessage'] }
    ]);
    s.presenceConfigs = readSection([
        {
            developerName: 'Chat_Agents',
            label: 'Chat Agents',
            capacity: 5,
            assignedUsers: ['agent1@example.invalid'],
            assignedProfiles: []
        }
    ]);
    s.routingConfigs = readSection([
        {
            developerName: 'Chat_Routing',
            label: 'Chat Routing',
            routingModel: 'MostAvailable',
            capacityWeight: 1,
            pushTimeout: 60,
            routingPriority: 1
        }
    ]);
    s.queues = readSection([
        {
            developerName: 'Chat_Support',
            name: 'Chat Support',
            queueRoutingConfig: 'Chat_Routing',
            sobjectTypes: ['MessagingSession'],
            members: { users: ['agent1@example.invalid'], publicGroups: [], roles: [], roleAndSubordinates: [] }
        },
        {
            developerName: 'Chat_Fallback',
            name: 'Chat Fallback',
            queueRoutingConfig: 'Chat_Routing',
            sobjectTypes: ['MessagingSession'],
            members: { users: ['agent1@example.invalid'], publicGroups: [], roles: [], roleAndSubordinates: [] }
        }
    ]);
    s.flows = readSection([
        {
            apiName: 'Route_Web_Chat',
            label: 'Route Web Chat',
            processType: 'RoutingFlow',
            status: 'Active',
            variables: [
                { name: 'recordId', dataType: 'String', isInput: true },
                { name: 'Order_Number', dataType: 'String', isInput: true },
                { name: 'Email', dataType: 'String', isInput: true }
            ],
            recordLookups: [{ name: 'Find_Contact', object: 'Contact' }],
            recordUpdates: [
                { name: 'Save_Prechat', object: 'MessagingSession', fields: ['Order_Number__c'] },
                { name: 'Link_Contact', object: 'MessagingEndUser', fields: ['ContactId'] }
            ],
            routeWorks: [
                {
                    name: 'Route_To_Chat_Support',
                    inputs: {
                        recordId: { elementReference: 'recordId' },
                        serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
                        routingType: { stringValue: 'QueueBased' },
                        queueId: { stringValue: 'Chat_Support' }
                    }
                }
            ],
            executionOrder: ['Find_Contact', 'Save_Prechat', 'Link_Contact', 'Route_To_Chat_Support'],
            graph: {
                startTarget: 'Find_Contact',
                nodes: [
                    {
                        name: 'Route_To_Chat_Support',
                        label: 'Route To Chat Support',
                        kind: 'actionCalls',
                        actionType: 'routeWork',
                        exits: [{ kind: 'next' }]
                    },
                    {
                        name: 'Find_Contact',
                        label: 'Find Contact',
                        kind: 'recordLookups',
                        exits: [{ kind: 'next', target: 'Save_Prechat' }]
                    },
                    {
                        name: 'Save_Prechat',
                        label: 'Save Pre-Chat',
                        kind: 'recordUpdates',
                        exits: [{ kind: 'next', target: 'Link_Contact' }]
                    },
                    {
                        name: 'Link_Contact',
                        label: 'Link Contact',
                        kind: 'recordUpdates',
                        exits: [{ kind: 'next', target: 'Route_To_Chat_Support' }]
                    }
                ]
            },
            source: { file: 'flows/Route_Web_Chat.flow-meta.xml' }
        }
    ]);
    s.permissionSets = readSection([
        {
            name: 'Chat_Agent',
            label: 'Chat Agent',
            userPermissions: ['EmbeddedMessagingAgent'],
            presenceStatusAccesses: ['Available_Messaging'],
            objectPermissions: [
                { object: 'MessagingSession', allowRead: true, allowEdit: true },
                { object: 'MessagingEndUser', allowRead: true, allowEdit: true }
            ]
        }
    ]);
    s.agents = { state: 'not_in_source', reason: 'user assignments are data, not metadata', items: [] };
    s.flexiPages = readSection([
        {
            name: 'Messaging_Session_Record_Page',
            sobjectType: 'MessagingSession',
            type: 'RecordPage',
            components: ['force:highlightsPanel', 'scrt:conversationBody']
        },
        {
            name: 'LightningService_UtilityBar',
            type: 'UtilityBar',
            components: ['runtime_service_omnichannel:omniWidget', 'runtime_service_macros:macroBrowser']
        }
    ]);
    s.lightningApps = readSection([
        {
            name: 'standard__LightningService',
            label: 'Service Console',
            navType: 'Console',
            utilityBar: 'LightningService_UtilityBar',
            isOmniPinnedViewEnabled: false
        }
    ]);
    s.businessHours = readSection([
        { name: 'Default', timeZoneId: 'America/Los_Angeles', isActive: true, isDefault: true }
    ]);
    s.sessionSignals = { state: 'unavailable', reason: 'live session data exists only in the org', items: [] };
    return s;
}

export function contextFor(snapshot: OrgSnapshot, plan: SetupPlan = healthyPlan()): CheckContext {
    return { snapshot, plan, index: buildIndex(snapshot, plan) };
}

/** Marks a section as not read, as a reader would. */
export function withUnread(
    snapshot: OrgSnapshot,
    name: SnapshotSectionName,
    state: 'not_in_source' | 'unavailable' | 'not_present' | 'no_permission' | 'error' = 'not_in_source',
    reason = 'not in source'
): OrgSnapshot {
    (snapshot as unknown as Record<string, unknown>)[name] = { state, reason, items: [] };
    return snapshot;
}

export function resultsFor(results: CheckResult[], checkId: string): CheckResult[] {
    return results.filter((r) => r.checkId === checkId);
}

/** "status subject" pairs, compact for assertions. */
export function statuses(results: CheckResult[], checkId: string): string[] {
    return resultsFor(results, checkId).map((r) => `${r.status} ${r.subject}`);
}

/** An active agent as the in-org reader returns one; tests add what the agent holds. */
export function agent(user: string, overrides: Partial<Agent> = {}): Agent {
    return {
        user,
        isActive: true,
        hasServiceCloudUser: false,
        permissionSetLicenses: [],
        permissionSets: [],
        queues: [],
        ...overrides
    };
}
