/*
 * What each metadata type turns into, read through the public entry point from small real-shaped
 * source folders (element names and values as in the corpus exports).
 */
import { readMetadataFolder } from '../metadataReader';
import { metadataFolder, metadataXml, removeMetadataFolders, SRC } from './fixtureFolder';

afterAll(removeMetadataFolders);

function read(files: Record<string, string>) {
    const snapshot = readMetadataFolder(metadataFolder(files));
    expect(snapshot.problems).toEqual([]);
    return snapshot;
}

describe('MessagingChannel', () => {
    const channel = metadataXml(
        'MessagingChannel',
        `
    <automatedResponses>
        <autoResponseContentType>TextResponse</autoResponseContentType>
        <language>en_US</language>
        <response>Text STOP to opt out of further messages.</response>
        <type>HelpResponse</type>
    </automatedResponses>
    <customParameters>
        <externalParameterName>email</externalParameterName>
        <masterLabel>email</masterLabel>
        <maxLength>120</maxLength>
        <name>email</name>
        <parameterDataType>String</parameterDataType>
    </customParameters>
    <customParameters>
        <actionParameterMappings>
            <actionParameterName>userId</actionParameterName>
        </actionParameterMappings>
        <externalParameterName>userId</externalParameterName>
        <masterLabel>userId</masterLabel>
        <maxLength>80</maxLength>
        <name>userId</name>
        <parameterDataType>String</parameterDataType>
    </customParameters>
    <embeddedConfig>
        <authMode>Auth</authMode>
        <isEstimatedWaitTimeEnabled>true</isEstimatedWaitTimeEnabled>
        <messagingAuthorizations>
            <authIdentifier>test</authIdentifier>
            <authorizationType>PublicKeyCertificateSet</authorizationType>
            <enabled>true</enabled>
            <publicKeyCertificateSetName>test</publicKeyCertificateSetName>
        </messagingAuthorizations>
    </embeddedConfig>
    <masterLabel>NDAX Messaging</masterLabel>
    <messagingChannelType>EmbeddedMessaging</messagingChannelType>
    <sessionHandlerFlow>Route_to_NDAX</sessionHandlerFlow>
    <sessionHandlerQueue>Service_Messaging</sessionHandlerQueue>
    <sessionHandlerType>Flow</sessionHandlerType>
    <standardParameters>
        <actionParameterMappings>
            <actionParameterName>email</actionParameterName>
        </actionParameterMappings>
        <parameterType>Email</parameterType>
    </standardParameters>`
    );

    it('reads routing, embedded config, parameters and their flow mappings', () => {
        const snapshot = read({ [`${SRC}/messagingChannels/NDAX_Messaging.messagingChannel-meta.xml`]: channel });
        expect(snapshot.messagingChannels.state).toBe('read');
        expect(snapshot.messagingChannels.items).toEqual([
            {
                developerName: 'NDAX_Messaging',
                masterLabel: 'NDAX Messaging',
                messagingChannelType: 'EmbeddedMessaging',
                sessionHandlerType: 'Flow',
                sessionHandlerQueue: 'Service_Messaging',
                sessionHandlerFlow: 'Route_to_NDAX',
                embeddedConfig: {
                    authMode: 'Auth',
                    isEstimatedWaitTimeEnabled: true,
                    hasAuthorizations: true,
                    hasEnabledAuthorizations: true
                },
                customParameters: [
                    {
                        name: 'email',
                        masterLabel: 'email',
                        externalParameterName: 'email',
                        parameterDataType: 'String',
                        maxLength: 120,
                        actionParameterMappings: []
                    },
                    {
                        name: 'userId',
                        masterLabel: 'userId',
                        externalParameterName: 'userId',
                        parameterDataType: 'String',
                        maxLength: 80,
                        actionParameterMappings: [{ actionParameterName: 'userId' }]
                    }
                ],
                standardParameters: [
                    { parameterType: 'Email', actionParameterMappings: [{ actionParameterName: 'email' }] }
                ],
                automatedResponseTypes: ['HelpResponse'],
                source: {
                    file: 'force-app/main/default/messagingChannels/NDAX_Messaging.messagingChannel-meta.xml',
                    line: 2
                }
            }
        ]);
    });

    it('takes the Agentforce handler from sessionHandlerAsa and leaves embeddedConfig out when absent', () => {
        const snapshot = read({
            [`${SRC}/messagingChannels/Agent_Chat.messagingChannel-meta.xml`]: metadataXml(
                'MessagingChannel',
                `<masterLabel>Agent Chat</masterLabel>
    <messagingChannelType>EmbeddedMessaging</messagingChannelType>
    <sessionHandlerAsa>Northwind_Service_Agent</sessionHandlerAsa>
    <sessionHandlerQueue>NW_Live_Support</sessionHandlerQueue>
    <sessionHandlerType>AgentforceServiceAgent</sessionHandlerType>`
            )
        });
        const [item] = snapshot.messagingChannels.items;
        expect(item.sessionHandlerAgent).toBe('Northwind_Service_Agent');
        expect(item.sessionHandlerType).toBe('AgentforceServiceAgent');
        expect(item.embeddedConfig).toBeUndefined();
        expect(item.isActive).toBeUndefined();
    });

    it('reads non-MIAW channels too; the engine filters by type', () => {
        const snapshot = read({
            [`${SRC}/messagingChannels/Support_SMS.messagingChannel-meta.xml`]: metadataXml(
                'MessagingChannel',
                `<masterLabel>Support SMS</masterLabel>
    <messagingChannelType>Text</messagingChannelType>
    <sessionHandlerQueue>Support</sessionHandlerQueue>
    <sessionHandlerType>Queue</sessionHandlerType>`
            )
        });
        expect(snapshot.messagingChannels.items.map((c) => c.messagingChannelType)).toEqual(['Text']);
    });
});

describe('EmbeddedServiceConfig and legacy chat', () => {
    const messagingDeployment = metadataXml(
        'EmbeddedServiceConfig',
        `<branding>EmbeddedServiceConfig_BrandingSet_196d4791c9b</branding>
    <deploymentFeature>EmbeddedMessaging</deploymentFeature>
    <deploymentType>Web</deploymentType>
    <embeddedServiceForms>
        <displayContext>Conversation</displayContext>
        <embeddedServiceFormFields>
            <displayOrder>-1</displayOrder>
            <formField>userId</formField>
            <formFieldType>Text</formFieldType>
            <isHidden>true</isHidden>
            <isRequired>false</isRequired>
            <messagingChannelParameterType>Custom</messagingChannelParameterType>
        </embeddedServiceFormFields>
        <isActive>true</isActive>
    </embeddedServiceForms>
    <embeddedServiceMessagingChannel>
        <businessHours>EST Agent</businessHours>
        <isEnabled>false</isEnabled>
        <messagingChannel>NDAX_Messaging</messagingChannel>
    </embeddedServiceMessagingChannel>
    <isEnabled>true</isEnabled>
    <masterLabel>NDAX Messaging</masterLabel>
    <site>ESW_NDAX_Messaging_17473209180741</site>`
    );
    const liveAgentDeployment = metadataXml(
        'EmbeddedServiceConfig',
        `<deploymentFeature>LiveAgent</deploymentFeature>
    <deploymentType>Web</deploymentType>
    <isEnabled>true</isEnabled>
    <masterLabel>Ndax Messaging Verified</masterLabel>
    <site>ESW_Ndax_Guest_1749777298631</site>`
    );

    it('reads the channel link (with its own isEnabled), business hours and pre-chat form', () => {
        const snapshot = read({
            [`${SRC}/EmbeddedServiceConfig/NDAX_Messaging.EmbeddedServiceConfig-meta.xml`]: messagingDeployment
        });
        const [deployment] = snapshot.deployments.items;
        expect(deployment).toEqual({
            developerName: 'NDAX_Messaging',
            masterLabel: 'NDAX Messaging',
            deploymentFeature: 'EmbeddedMessaging',
            deploymentType: 'Web',
            isEnabled: true,
            site: 'ESW_NDAX_Messaging_17473209180741',
            branding: 'EmbeddedServiceConfig_BrandingSet_196d4791c9b',
            messagingChannel: { messagingChannel: 'NDAX_Messaging', isEnabled: false, businessHours: 'EST Agent' },
            preChatForms: [
                {
                    displayContext: 'Conversation',
                    isActive: true,
                    fields: [
                        {
                            formField: 'userId',
                            messagingChannelParameterType: 'Custom',
                            formFieldType: 'Text',
                            isHidden: true,
                            isRequired: false,
                            displayOrder: -1
                        }
                    ]
                }
            ],
            source: {
                file: 'force-app/main/default/EmbeddedServiceConfig/NDAX_Messaging.EmbeddedServiceConfig-meta.xml',
                line: 2
            }
        });
        // Nothing in the file says the site is an Experience Cloud site: unknown, not false.
        expect(deployment.isExperienceSite).toBeUndefined();
        expect(deployment.domain).toBeUndefined();
    });

    it('keeps a LiveAgent deployment as a deployment and lists legacy chat files as artifacts', () => {
        const snapshot = read({
            [`${SRC}/EmbeddedServiceConfig/Ndax_Messaging_Verified.EmbeddedServiceConfig-meta.xml`]:
                liveAgentDeployment,
            [`${SRC}/EmbeddedServiceBranding/Brand_1.EmbeddedServiceBranding-meta.xml`]: metadataXml(
                'EmbeddedServiceBranding',
                '<embeddedServiceConfig>Ndax_Messaging_Verified</embeddedServiceConfig>'
            ),
            [`${SRC}/EmbeddedServiceLiveAgent/Ndax_LA.EmbeddedServiceLiveAgent-meta.xml`]: metadataXml(
                'EmbeddedServiceLiveAgent',
                '<embeddedServiceConfig>Ndax_Messaging_Verified</embeddedServiceConfig>'
            ),
            [`${SRC}/liveChatDeployments/live_agent_setup_flow.liveChatDeployment-meta.xml`]: metadataXml(
                'LiveChatDeployment',
                '<label>Chat Setup Flow</label>'
            ),
            [`${SRC}/liveChatButtons/Chat_Support.liveChatButton-meta.xml`]: metadataXml(
                'LiveChatButton',
                '<label>Chat Support</label><routingType xsi:nil="true"/>'
            )
        });
        expect(snapshot.deployments.items.map((d) => [d.developerName, d.deploymentFeature])).toEqual([
            ['Ndax_Messaging_Verified', 'LiveAgent']
        ]);
        expect(snapshot.legacyChat.state).toBe('read');
        expect(snapshot.legacyChat.items.map((a) => [a.kind, a.name])).toEqual([
            ['EmbeddedServiceLiveAgent', 'Ndax_LA'],
            ['EmbeddedServiceBranding', 'Brand_1'],
            ['LiveChatDeployment', 'live_agent_setup_flow'],
            ['LiveChatButton', 'Chat_Support']
        ]);
    });

    it('answers "no legacy chat" when deployments were retrieved but no legacy folder exists', () => {
        const snapshot = read({
            [`${SRC}/EmbeddedServiceConfig/NDAX_Messaging.EmbeddedServiceConfig-meta.xml`]: messagingDeployment
        });
        expect(snapshot.legacyChat).toEqual({ state: 'read', items: [] });
    });
});

describe('trusted sites', () => {
    it('reads CORS patterns and CSP sites, defaulting CSP isActive to true', () => {
        const snapshot = read({
            [`${SRC}/corsWhitelistOrigins/https_vf_force_com.corsWhitelistOrigin-meta.xml`]: metadataXml(
                'CorsWhitelistOrigin',
                '<urlPattern>https://*.vf.force.com</urlPattern>'
            ),
            [`${SRC}/cspTrustedSites/dev2.cspTrustedSite-meta.xml`]: metadataXml(
                'CspTrustedSite',
                `<context>All</context>
    <endpointUrl>http://localhost:63342</endpointUrl>
    <isApplicableToConnectSrc>true</isApplicableToConnectSrc>
    <isApplicableToFrameSrc>false</isApplicableToFrameSrc>`
            )
        });
        expect(snapshot.corsEntries.items).toEqual([
            {
                developerName: 'https_vf_force_com',
                urlPattern: 'https://*.vf.force.com',
                source: { file: `${SRC}/corsWhitelistOrigins/https_vf_force_com.corsWhitelistOrigin-meta.xml`, line: 2 }
            }
        ]);
        expect(snapshot.cspTrustedSites.items[0]).toMatchObject({
            developerName: 'dev2',
            endpointUrl: 'http://localhost:63342',
            isActive: true,
            context: 'All',
            isApplicableToConnectSrc: true,
            isApplicableToFrameSrc: false
        });
        expect(snapshot.cspTrustedSites.items[0].isApplicableToImgSrc).toBeUndefined();
    });
});

describe('Omni-Channel', () => {
    it('normalises capacity and routing models and parses numbers', () => {
        const snapshot = read({
            [`${SRC}/serviceChannels/sfdc_livemessage.serviceChannel-meta.xml`]: metadataXml(
                'ServiceChannel',
                `<capacityModel>STATUS_BASED</capacityModel>
    <label>Messaging</label>
    <relatedEntityType>MessagingSession</relatedEntityType>`
            ),
            [`${SRC}/serviceChannels/Cases.serviceChannel-meta.xml`]: metadataXml(
                'ServiceChannel',
                '<capacityModel>TAB_BASED</capacityModel><label>Cases</label><relatedEntityType>Case</relatedEntityType>'
            ),
            [`${SRC}/queueRoutingConfigs/Messaging_Routing.queueRoutingConfig-meta.xml`]: metadataXml(
                'QueueRoutingConfig',
                `<capacityType>NOT_INTERRUPTIBLE</capacityType>
    <capacityWeight>5.0</capacityWeight>
    <label>Messaging Routing</label>
    <pushTimeout>60</pushTimeout>
    <routingModel>LEAST_ACTIVE</routingModel>
    <routingPriority>1</routingPriority>`
            ),
            [`${SRC}/queueRoutingConfigs/External.queueRoutingConfig-meta.xml`]: metadataXml(
                'QueueRoutingConfig',
                '<capacityPercentage>100.0</capacityPercentage><label>External</label><routingModel>EXTERNAL_ROUTING</routingModel>'
            ),
            [`${SRC}/queueRoutingConfigs/Most.queueRoutingConfig-meta.xml`]: metadataXml(
                'QueueRoutingConfig',
                '<label>Most</label><routingModel>MOST_AVAILABLE</routingModel>'
            )
        });
        expect(
            snapshot.serviceChannels.items.map((c) => [c.developerName, c.capacityModel, c.relatedEntityType])
        ).toEqual([
            ['Cases', 'TabBased', 'Case'],
            ['sfdc_livemessage', 'StatusBased', 'MessagingSession']
        ]);
        expect(snapshot.routingConfigs.items.map((r) => r.routingModel)).toEqual([
            'ExternalRouting',
            'LeastActive',
            'MostAvailable'
        ]);
        expect(snapshot.routingConfigs.items[1]).toMatchObject({
            developerName: 'Messaging_Routing',
            label: 'Messaging Routing',
            capacityWeight: 5,
            capacityType: 'NOT_INTERRUPTIBLE',
            pushTimeout: 60,
            routingPriority: 1
        });
        expect(snapshot.routingConfigs.items[0].capacityPercentage).toBe(100);
    });

    it('reads a service channel whose related entity is xsi:nil as having none', () => {
        const snapshot = read({
            [`${SRC}/serviceChannels/sfdc_liveagent.serviceChannel-meta.xml`]: metadataXml(
                'ServiceChannel',
                '<label>Chat</label>\n    <relatedEntityType xsi:nil="true"/>'
            )
        });
        expect(snapshot.serviceChannels.items[0]).toEqual({
            developerName: 'sfdc_liveagent',
            label: 'Chat',
            relatedEntityType: undefined,
            capacityModel: undefined,
            source: { file: `${SRC}/serviceChannels/sfdc_liveagent.serviceChannel-meta.xml`, line: 2 }
        });
    });

    it('reads presence statuses, presence configurations with assignments, and queues with members', () => {
        const snapshot = read({
            [`${SRC}/servicePresenceStatuses/Chat_Messaging.servicePresenceStatus-meta.xml`]: metadataXml(
                'ServicePresenceStatus',
                `<channels>
        <channel>sfdc_liveagent</channel>
        <channel>sfdc_livemessage</channel>
    </channels>
    <label>Chat Messaging</label>`
            ),
            [`${SRC}/servicePresenceStatuses/Busy.servicePresenceStatus-meta.xml`]: metadataXml(
                'ServicePresenceStatus',
                '<label>Busy</label>'
            ),
            [`${SRC}/presenceUserConfigs/Config_Atendimento.presenceUserConfig-meta.xml`]: metadataXml(
                'PresenceUserConfig',
                `<assignments>
        <profiles>
            <profile>Admin</profile>
        </profiles>
        <users>
            <user>user1@example.invalid</user>
            <user>user2@example.invalid</user>
        </users>
    </assignments>
    <capacity>5</capacity>
    <interruptibleCapacity>25</interruptibleCapacity>
    <label>Atendimento</label>`
            ),
            [`${SRC}/queues/Fila_STE.queue-meta.xml`]: metadataXml(
                'Queue',
                `<name>Fila Instituto STech</name>
    <queueMembers>
        <publicGroups>
            <publicGroup>Agents</publicGroup>
        </publicGroups>
        <roleAndSubordinates>
            <roleAndSubordinate>CEO</roleAndSubordinate>
        </roleAndSubordinates>
        <roleAndSubordinatesInternal>
            <roleAndSubordinateInternal>COO</roleAndSubordinateInternal>
        </roleAndSubordinatesInternal>
        <roles>
            <role>SupportLead</role>
        </roles>
        <users>
            <user>user2@example.invalid</user>
        </users>
    </queueMembers>
    <queueRoutingConfig>Roteamento_Mensagens</queueRoutingConfig>
    <queueSobject>
        <sobjectType>MessagingSession</sobjectType>
    </queueSobject>`
            ),
            [`${SRC}/queues/FallbackQueue.queue-meta.xml`]: metadataXml(
                'Queue',
                `<name>Fallback Queue</name>
    <queueSobject>
        <sobjectType>LiveChatTranscript</sobjectType>
    </queueSobject>
    <queueSobject>
        <sobjectType>MessagingSession</sobjectType>
    </queueSobject>`
            )
        });
        expect(snapshot.presenceStatuses.items.map((s) => [s.developerName, s.channels])).toEqual([
            ['Busy', []],
            ['Chat_Messaging', ['sfdc_liveagent', 'sfdc_livemessage']]
        ]);
        expect(snapshot.presenceConfigs.items[0]).toMatchObject({
            developerName: 'Config_Atendimento',
            label: 'Atendimento',
            capacity: 5,
            interruptibleCapacity: 25,
            assignedUsers: ['user1@example.invalid', 'user2@example.invalid'],
            assignedProfiles: ['Admin']
        });
        const [fallback, ste] = snapshot.queues.items;
        expect(fallback).toMatchObject({
            developerName: 'FallbackQueue',
            name: 'Fallback Queue',
            queueRoutingConfig: undefined,
            sobjectTypes: ['LiveChatTranscript', 'MessagingSession'],
            members: { users: [], publicGroups: [], roles: [], roleAndSubordinates: [] }
        });
        expect(ste).toMatchObject({
            queueRoutingConfig: 'Roteamento_Mensagens',
            sobjectTypes: ['MessagingSession'],
            members: {
                users: ['user2@example.invalid'],
                publicGroups: ['Agents'],
                roles: ['SupportLead'],
                roleAndSubordinates: ['CEO', 'COO']
            }
        });
    });
});

describe('Flow', () => {
    const routingFlow = metadataXml(
        'Flow',
        `<actionCalls>
        <name>Resolver</name>
        <label>Resolver</label>
        <actionName>STE_RoutingResolver</actionName>
        <actionType>apex</actionType>
        <connector>
            <targetReference>Decidir</targetReference>
        </connector>
        <faultConnector>
            <targetReference>Route_Fallback</targetReference>
        </faultConnector>
    </actionCalls>
    <actionCalls>
        <name>Route_Bot</name>
        <actionName>routeWork</actionName>
        <actionType>routeWork</actionType>
        <inputParameters>
            <name>recordId</name>
            <value>
                <elementReference>recordId</elementReference>
            </value>
        </inputParameters>
        <inputParameters>
            <name>routingType</name>
            <value>
                <stringValue>Bot</stringValue>
            </value>
        </inputParameters>
        <inputParameters>
            <name>queueId</name>
            <value>
                <stringValue>00Gbe000006GoTmEAK</stringValue>
            </value>
        </inputParameters>
        <inputParameters>
            <name>isQueueVariable</name>
            <value>
                <booleanValue>false</booleanValue>
            </value>
        </inputParameters>
        <inputParameters>
            <name>pushTimeout</name>
            <value>
                <numberValue>30.0</numberValue>
            </value>
        </inputParameters>
        <inputParameters>
            <name>botId</name>
            <value>
                <setupReference>Assistente_STE</setupReference>
                <setupReferenceType>BotDefinition</setupReferenceType>
            </value>
        </inputParameters>
        <inputParameters>
            <name>agentId</name>
        </inputParameters>
    </actionCalls>
    <actionCalls>
        <name>Route_Fallback</name>
        <actionType>routeWork</actionType>
        <inputParameters>
            <name>routingType</name>
            <value>
                <stringValue>QueueBased</stringValue>
            </value>
        </inputParameters>
    </actionCalls>
    <decisions>
        <name>Decidir</name>
        <defaultConnector>
            <targetReference>Route_Bot</targetReference>
        </defaultConnector>
        <rules>
            <name>Lead</name>
            <connector>
                <targetReference>Vincular_Lead</targetReference>
            </connector>
        </rules>
    </decisions>
    <label>Rotear para Assistente</label>
    <processType>RoutingFlow</processType>
    <recordLookups>
        <name>Unused_Lookup</name>
        <object>Group</object>
    </recordLookups>
    <recordUpdates>
        <name>Vincular_Lead</name>
        <connector>
            <targetReference>Route_Bot</targetReference>
        </connector>
        <inputAssignments>
            <field>LeadId</field>
            <value>
                <elementReference>Resolver.recordId</elementReference>
            </value>
        </inputAssignments>
        <inputAssignments>
            <field>STE_Classificacao_Fila__c</field>
            <value>
                <elementReference>Resolver.classificacao</elementReference>
            </value>
        </inputAssignments>
        <object>MessagingSession</object>
    </recordUpdates>
    <start>
        <connector>
            <targetReference>Resolver</targetReference>
        </connector>
    </start>
    <status>Draft</status>
    <variables>
        <name>recordId</name>
        <dataType>String</dataType>
        <isCollection>false</isCollection>
        <isInput>true</isInput>
        <isOutput>false</isOutput>
    </variables>
    <variables>
        <name>input_record</name>
        <dataType>SObject</dataType>
        <isInput>true</isInput>
        <objectType>MessagingSession</objectType>
    </variables>`
    );

    it('reads variables, routeWork inputs, record updates and lookups', () => {
        const snapshot = read({ [`${SRC}/flows/Route_STE.flow-meta.xml`]: routingFlow });
        const [flow] = snapshot.flows.items;
        expect(flow).toMatchObject({
            apiName: 'Route_STE',
            label: 'Rotear para Assistente',
            processType: 'RoutingFlow',
            status: 'Draft',
            variables: [
                { name: 'recordId', dataType: 'String', isInput: true, isOutput: false, isCollection: false },
                { name: 'input_record', dataType: 'SObject', isInput: true, objectType: 'MessagingSession' }
            ],
            recordUpdates: [
                {
                    name: 'Vincular_Lead',
                    object: 'MessagingSession',
                    fields: ['LeadId', 'STE_Classificacao_Fila__c']
                }
            ],
            recordLookups: [{ name: 'Unused_Lookup', object: 'Group' }]
        });
        expect(flow.routeWorks).toEqual([
            {
                name: 'Route_Bot',
                // agentId (blank) carries no value; botId names the bot by a setupReference.
                inputs: {
                    botId: { setupReference: 'Assistente_STE' },
                    recordId: { elementReference: 'recordId' },
                    routingType: { stringValue: 'Bot' },
                    queueId: { stringValue: '00Gbe000006GoTmEAK' },
                    isQueueVariable: { booleanValue: false },
                    pushTimeout: { numberValue: 30 }
                }
            },
            { name: 'Route_Fallback', inputs: { routingType: { stringValue: 'QueueBased' } } }
        ]);
    });

    it("orders elements breadth-first from start, each once, an element's fault path after its normal path", () => {
        const snapshot = read({ [`${SRC}/flows/Route_STE.flow-meta.xml`]: routingFlow });
        expect(snapshot.flows.items[0].executionOrder).toEqual([
            'Resolver',
            'Decidir',
            'Route_Fallback',
            'Route_Bot',
            'Vincular_Lead'
        ]);
    });

    it('keeps the connector graph: assignments, loop branches and a connected fault path, and default values', () => {
        const graphFlow = metadataXml(
            'Flow',
            `
    <assignments>
        <name>Closed_Reason</name>
        <label>Closed reason</label>
        <assignmentItems>
            <assignToReference>reasonForNotRouting</assignToReference>
            <operator>Assign</operator>
            <value><stringValue>We are closed</stringValue></value>
        </assignmentItems>
    </assignments>
    <label>Route with hours</label>
    <loops>
        <name>Each_Skill</name>
        <label>Each skill</label>
        <nextValueConnector><targetReference>Closed_Reason</targetReference></nextValueConnector>
    </loops>
    <processType>RoutingFlow</processType>
    <recordLookups>
        <name>Find_Hours</name>
        <label>Find hours</label>
        <connector><targetReference>Each_Skill</targetReference></connector>
        <faultConnector><targetReference>Closed_Reason</targetReference></faultConnector>
        <object>BusinessHours</object>
    </recordLookups>
    <start><connector><targetReference>Find_Hours</targetReference></connector></start>
    <status>Active</status>
    <variables>
        <name>reasonForNotRouting</name>
        <dataType>String</dataType>
        <isInput>false</isInput>
        <isOutput>true</isOutput>
        <value><stringValue>Sorry, no one can answer now</stringValue></value>
    </variables>`
        );
        const [flow] = read({ [`${SRC}/flows/Route_Hours.flow-meta.xml`]: graphFlow }).flows.items;
        expect(flow.variables[0].hasDefaultValue).toBe(true);
        expect(flow.graph).toEqual({
            startTarget: 'Find_Hours',
            nodes: [
                {
                    name: 'Closed_Reason',
                    label: 'Closed reason',
                    kind: 'assignments',
                    assignedVariables: ['reasonForNotRouting'],
                    exits: [{ kind: 'next' }]
                },
                {
                    name: 'Each_Skill',
                    label: 'Each skill',
                    kind: 'loops',
                    exits: [{ kind: 'loopNext', target: 'Closed_Reason' }, { kind: 'loopEnd' }]
                },
                {
                    name: 'Find_Hours',
                    label: 'Find hours',
                    kind: 'recordLookups',
                    exits: [
                        { kind: 'next', target: 'Each_Skill' },
                        { kind: 'fault', target: 'Closed_Reason' }
                    ]
                }
            ]
        });
    });

    it('marks a flow Active when its definition names an active version, and keeps its status otherwise', () => {
        const flow = (status: string) =>
            metadataXml('Flow', `<label>F</label><processType>RoutingFlow</processType><status>${status}</status>`);
        const snapshot = read({
            [`${SRC}/flows/Activated.flow-meta.xml`]: flow('Draft'),
            [`${SRC}/flows/Deactivated.flow-meta.xml`]: flow('Obsolete'),
            [`${SRC}/flows/Undefined.flow-meta.xml`]: flow('Obsolete'),
            [`${SRC}/flows/NoDefinition.flow-meta.xml`]: flow('Draft'),
            [`${SRC}/flowDefinitions/Activated.flowDefinition-meta.xml`]: metadataXml(
                'FlowDefinition',
                '<activeVersionNumber>3</activeVersionNumber>'
            ),
            [`${SRC}/flowDefinitions/Deactivated.flowDefinition-meta.xml`]: metadataXml(
                'FlowDefinition',
                '<activeVersionNumber>0</activeVersionNumber>'
            ),
            [`${SRC}/flowDefinitions/Undefined.flowDefinition-meta.xml`]:
                '<?xml version="1.0" encoding="UTF-8"?>\n<FlowDefinition xmlns="http://soap.sforce.com/2006/04/metadata"/>\n'
        });
        expect(snapshot.flows.items.map((f) => [f.apiName, f.status])).toEqual([
            ['Activated', 'Active'],
            ['Deactivated', 'Obsolete'],
            ['NoDefinition', 'Draft'],
            ['Undefined', 'Obsolete']
        ]);
    });
});

describe('PermissionSet', () => {
    it('keeps enabled user permissions, presence access (either element spelling) and object permissions', () => {
        const snapshot = read({
            [`${SRC}/permissionsets/Messaging_Agent.permissionset-meta.xml`]: metadataXml(
                'PermissionSet',
                `<hasActivationRequired>false</hasActivationRequired>
    <label>Messaging for In-App and Web Agent</label>
    <license>EmbeddedServiceMessagingUserPsl</license>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>true</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>MessagingSession</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <ServicePresenceStatusAccesses>
        <enabled>true</enabled>
        <servicePresenceStatus>Available</servicePresenceStatus>
    </ServicePresenceStatusAccesses>
    <servicePresenceStatusAccesses>
        <enabled>true</enabled>
        <servicePresenceStatus>Messaging_Available</servicePresenceStatus>
    </servicePresenceStatusAccesses>
    <servicePresenceStatusAccesses>
        <enabled>false</enabled>
        <servicePresenceStatus>Busy</servicePresenceStatus>
    </servicePresenceStatusAccesses>
    <userPermissions>
        <enabled>true</enabled>
        <name>EmbeddedMessagingAgent</name>
    </userPermissions>
    <userPermissions>
        <enabled>false</enabled>
        <name>ConfigureLiveMessage</name>
    </userPermissions>`
            )
        });
        expect(snapshot.permissionSets.items).toEqual([
            {
                name: 'Messaging_Agent',
                label: 'Messaging for In-App and Web Agent',
                license: 'EmbeddedServiceMessagingUserPsl',
                userPermissions: ['EmbeddedMessagingAgent'],
                presenceStatusAccesses: ['Messaging_Available', 'Available'],
                objectPermissions: [
                    {
                        object: 'MessagingSession',
                        allowRead: true,
                        allowEdit: true,
                        allowCreate: false,
                        allowDelete: false
                    }
                ],
                source: { file: `${SRC}/permissionsets/Messaging_Agent.permissionset-meta.xml`, line: 2 }
            }
        ]);
    });
});

describe('FlexiPage', () => {
    it('collects every component name anywhere in the page, once each', () => {
        const snapshot = read({
            [`${SRC}/flexipages/Messaging_Session.flexipage-meta.xml`]: metadataXml(
                'FlexiPage',
                `<flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentName>force:highlightsPanel</componentName>
            </componentInstance>
        </itemInstances>
        <name>header</name>
        <type>Region</type>
    </flexiPageRegions>
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>body</name>
                    <value>Facet-1</value>
                </componentInstanceProperties>
                <componentName>flexipage:tab</componentName>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <componentInstance>
                <componentName>runtime_service_livemessage:chatBody</componentName>
            </componentInstance>
        </itemInstances>
        <itemInstances>
            <componentInstance>
                <componentName>flexipage:tab</componentName>
            </componentInstance>
        </itemInstances>
        <name>Facet-1</name>
        <type>Facet</type>
    </flexiPageRegions>
    <masterLabel>Messaging Session</masterLabel>
    <sobjectType>MessagingSession</sobjectType>
    <type>RecordPage</type>`
            )
        });
        expect(snapshot.flexiPages.items[0]).toMatchObject({
            name: 'Messaging_Session',
            sobjectType: 'MessagingSession',
            type: 'RecordPage',
            components: ['force:highlightsPanel', 'flexipage:tab', 'runtime_service_livemessage:chatBody']
        });
    });
});

describe('settings', () => {
    it('reads Omni-Channel and Messaging flags, leaving absent flags undefined', () => {
        const snapshot = read({
            [`${SRC}/settings/OmniChannel.settings-meta.xml`]: metadataXml(
                'OmniChannelSettings',
                `<enableOmniAutoLoginPrompt>true</enableOmniAutoLoginPrompt>
    <enableOmniChannel>true</enableOmniChannel>
    <enableOmniSkillsRouting>false</enableOmniSkillsRouting>`
            ),
            [`${SRC}/settings/LiveMessage.settings-meta.xml`]: metadataXml(
                'LiveMessageSettings',
                '<enableCheckCEUserPerm xsi:nil="true" />\n    <enableLiveMessage>false</enableLiveMessage>'
            ),
            [`${SRC}/settings/LiveAgent.settings-meta.xml`]: metadataXml(
                'LiveAgentSettings',
                '<enableLiveAgent>true</enableLiveAgent>'
            )
        });
        expect(snapshot.omniChannelSettings.items).toEqual([
            {
                enableOmniChannel: true,
                enableOmniStatusCapModel: undefined,
                enableOmniSkillsRouting: false,
                enableOmniSecondaryRoutingPriority: undefined,
                enableOmniAutoLoginPrompt: true,
                source: { file: `${SRC}/settings/OmniChannel.settings-meta.xml`, line: 2 }
            }
        ]);
        expect(snapshot.liveMessageSettings.items.map((s) => s.enableLiveMessage)).toEqual([false]);
    });

    it('reads each business-hours entry of BusinessHours.settings', () => {
        const snapshot = read({
            [`${SRC}/settings/BusinessHours.settings-meta.xml`]: metadataXml(
                'BusinessHoursSettings',
                `<businessHours>
        <active>true</active>
        <default>true</default>
        <mondayStartTime>00:00:00.000Z</mondayStartTime>
        <name>Default</name>
        <timeZoneId>America/Los_Angeles</timeZoneId>
    </businessHours>
    <businessHours>
        <active>false</active>
        <default>false</default>
        <name>Stech - Business Hours</name>
        <timeZoneId>America/Belem</timeZoneId>
    </businessHours>`
            )
        });
        expect(snapshot.businessHours.items.map(({ source: _source, ...hours }) => hours)).toEqual([
            { name: 'Default', timeZoneId: 'America/Los_Angeles', isActive: true, isDefault: true },
            { name: 'Stech - Business Hours', timeZoneId: 'America/Belem', isActive: false, isDefault: false }
        ]);
    });
});

describe('prettier-formatted exports', () => {
    it('read the same as compact ones (line breaks inside tags)', () => {
        const snapshot = read({
            [`${SRC}/settings/OmniChannel.settings-meta.xml`]: `<?xml version="1.0" encoding="UTF-8" ?>
<OmniChannelSettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <enableOmniChannel>true</enableOmniChannel>
    <enableOmniSecondaryRoutingPriority
  >false</enableOmniSecondaryRoutingPriority>
</OmniChannelSettings>
`,
            [`${SRC}/flows/Route_To_Meridian_Assistant.flow-meta.xml`]: `<?xml version="1.0" encoding="UTF-8" ?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <actionCalls>
        <name>Route_to_Agentforce_Service_Agent</name>
        <actionType>routeWork</actionType>
        <inputParameters>
            <name>copilotLabel</name>
            <value>
                <stringValue
        >Meridian Customer Portal Assistant</stringValue>
            </value>
        </inputParameters>
    </actionCalls>
    <interviewLabel
  >Route_To_Meridian_Assistant {!$Flow.CurrentDateTime}</interviewLabel>
    <start>
        <connector>
            <targetReference
            >Route_to_Agentforce_Service_Agent</targetReference>
        </connector>
    </start>
    <status>Active</status>
</Flow>
`
        });
        expect(snapshot.omniChannelSettings.items[0].enableOmniSecondaryRoutingPriority).toBe(false);
        const [flow] = snapshot.flows.items;
        expect(flow.routeWorks[0].inputs.copilotLabel).toEqual({ stringValue: 'Meridian Customer Portal Assistant' });
        expect(flow.executionOrder).toEqual(['Route_to_Agentforce_Service_Agent']);
    });
});
