/*
 * Writes a large, real-shaped SFDX source project (sfdx-project.json + force-app/main/default/...) for the CLI
 * benchmark. Shapes follow the bundled demos (examples/ready), which follow real org exports.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SourceSize {
    messagingChannels: number;
    queues: number;
    /** CORS entries + CSP Trusted Sites together, split evenly. */
    trustedSites: number;
    flows: number;
    routingConfigs: number;
}

export const SOURCE_SIZE: SourceSize = {
    messagingChannels: 2000,
    queues: 2000,
    trustedSites: 5000,
    flows: 200,
    routingConfigs: 50
};

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" ?>\n';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const pad = (i: number, width = 5): string => String(i).padStart(width, '0');

function doc(root: string, body: string): string {
    return `${XML_HEAD}<${root} ${NS}>\n${body}</${root}>\n`;
}

function channelXml(i: number, flow: string, fallbackQueue: string): string {
    return doc(
        'MessagingChannel',
        `    <automatedResponses>
        <autoResponseContentType>TextResponse</autoResponseContentType>
        <language>en_US</language>
        <response>Thanks for reaching out! An agent will be with you shortly.</response>
        <type>InitialResponse</type>
    </automatedResponses>
    <customParameters>
        <actionParameterMappings>
            <actionParameterName>Cart_Value</actionParameterName>
        </actionParameterMappings>
        <externalParameterName>Cart_Value</externalParameterName>
        <masterLabel>Cart Value</masterLabel>
        <maxLength>20</maxLength>
        <name>Cart_Value</name>
        <parameterDataType>String</parameterDataType>
    </customParameters>
    <customParameters>
        <actionParameterMappings>
            <actionParameterName>Order_Number</actionParameterName>
        </actionParameterMappings>
        <externalParameterName>Order_Number</externalParameterName>
        <masterLabel>Order Number</masterLabel>
        <maxLength>40</maxLength>
        <name>Order_Number</name>
        <parameterDataType>String</parameterDataType>
    </customParameters>
    <embeddedConfig>
        <authMode>UnAuth</authMode>
        <isAttachmentUploadEnabled>true</isAttachmentUploadEnabled>
        <isEstimatedWaitTimeEnabled>${i % 3 === 0}</isEstimatedWaitTimeEnabled>
        <isSaveTranscriptEnabled>true</isSaveTranscriptEnabled>
    </embeddedConfig>
    <masterLabel>Web Chat ${i}</masterLabel>
    <messagingChannelType>EmbeddedMessaging</messagingChannelType>
    <sessionHandlerFlow>${flow}</sessionHandlerFlow>
    <sessionHandlerQueue>${fallbackQueue}</sessionHandlerQueue>
    <sessionHandlerType>Flow</sessionHandlerType>
    <standardParameters>
        <actionParameterMappings>
            <actionParameterName>Email</actionParameterName>
        </actionParameterMappings>
        <parameterType>Email</parameterType>
    </standardParameters>
    <standardParameters>
        <actionParameterMappings>
            <actionParameterName>FirstName</actionParameterName>
        </actionParameterMappings>
        <parameterType>FirstName</parameterType>
    </standardParameters>
`
    );
}

function formField(
    order: number,
    field: string,
    type: string,
    hidden: boolean,
    required: boolean,
    kind: string
): string {
    return `        <embeddedServiceFormFields>
            <displayOrder>${order}</displayOrder>
            <formField>${field}</formField>
            <formFieldType>${type}</formFieldType>
            <isHidden>${hidden}</isHidden>
            <isRequired>${required}</isRequired>
            <messagingChannelParameterType>${kind}</messagingChannelParameterType>
        </embeddedServiceFormFields>
`;
}

function deploymentXml(i: number, channel: string): string {
    return doc(
        'EmbeddedServiceConfig',
        `    <areGuestUsersAllowed>false</areGuestUsersAllowed>
    <branding>EmbeddedServiceConfig_BrandingSet_${pad(i)}</branding>
    <deploymentFeature>EmbeddedMessaging</deploymentFeature>
    <deploymentType>Web</deploymentType>
    <embeddedServiceForms>
        <displayContext>Conversation</displayContext>
${formField(-1, 'Cart_Value', 'Text', true, false, 'Custom')}${formField(0, '_FirstName', 'Text', false, false, 'Standard')}${formField(1, '_Email', 'Email', false, true, 'Standard')}${formField(2, 'Order_Number', 'Text', false, false, 'Custom')}        <isActive>true</isActive>
    </embeddedServiceForms>
    <embeddedServiceMessagingChannel>
        <businessHours>Support Hours</businessHours>
        <isEnabled>true</isEnabled>
        <messagingChannel>${channel}</messagingChannel>
        <shouldShowAgentforceTagline>false</shouldShowAgentforceTagline>
        <shouldShowDeliveryReceipts>true</shouldShowDeliveryReceipts>
        <shouldShowEmojiSelection>true</shouldShowEmojiSelection>
        <shouldShowReadReceipts>true</shouldShowReadReceipts>
        <shouldShowTypingIndicators>true</shouldShowTypingIndicators>
        <shouldStartNewLineOnEnter>false</shouldStartNewLineOnEnter>
    </embeddedServiceMessagingChannel>
    <isEnabled>true</isEnabled>
    <isTermsAndConditionsEnabled>false</isTermsAndConditionsEnabled>
    <isTermsAndConditionsRequired>false</isTermsAndConditionsRequired>
    <masterLabel>Web Chat ${i}</masterLabel>
    <shouldHideAuthDialog>false</shouldHideAuthDialog>
    <site>ESW_Web_Chat_${pad(i)}_17302856409121</site>
`
    );
}

function queueXml(i: number, routingConfig: string): string {
    const users = [0, 1, 2]
        .map((k) => `            <user>agent${pad((i * 3 + k) % 5000, 5)}@example.invalid</user>\n`)
        .join('');
    return doc(
        'Queue',
        `    <doesSendEmailToMembers>false</doesSendEmailToMembers>
    <name>Queue ${i}</name>
    <queueMembers>
        <users>
${users}        </users>
    </queueMembers>
    <queueRoutingConfig>${routingConfig}</queueRoutingConfig>
    <queueSobject>
        <sobjectType>MessagingSession</sobjectType>
    </queueSobject>
`
    );
}

function routeWorkXml(name: string, y: number, queue: string): string {
    const input = (n: string, v: string): string =>
        `        <inputParameters>\n            <name>${n}</name>\n            <value>\n                ${v}\n            </value>\n        </inputParameters>\n`;
    return `    <actionCalls>
        <name>${name}</name>
        <label>${name.replace(/_/g, ' ')}</label>
        <locationX>182</locationX>
        <locationY>${y}</locationY>
        <actionName>routeWork</actionName>
        <actionType>routeWork</actionType>
        <flowTransactionModel>CurrentTransaction</flowTransactionModel>
${input('recordId', '<elementReference>recordId</elementReference>')}${input('serviceChannelDevName', '<stringValue>sfdc_livemessage</stringValue>')}${input('routingType', '<stringValue>QueueBased</stringValue>')}${input('queueId', `<stringValue>${queue}</stringValue>`)}        <nameSegment>routeWork</nameSegment>
        <offset>0</offset>
    </actionCalls>
`;
}

function flowXml(i: number, queue: string): string {
    const variable = (n: string): string =>
        `    <variables>\n        <name>${n}</name>\n        <dataType>String</dataType>\n        <isCollection>false</isCollection>\n        <isInput>true</isInput>\n        <isOutput>false</isOutput>\n    </variables>\n`;
    return doc(
        'Flow',
        `${routeWorkXml('Route_To_Support', 566, queue)}    <apiVersion>65.0</apiVersion>
    <environments>Default</environments>
    <interviewLabel>Route Flow ${i} {!$Flow.CurrentDateTime}</interviewLabel>
    <label>Route Flow ${i}</label>
    <processType>RoutingFlow</processType>
    <recordLookups>
        <name>Find_Contact</name>
        <label>Find Contact by Email</label>
        <locationX>182</locationX>
        <locationY>134</locationY>
        <assignNullValuesIfNoRecordsFound>false</assignNullValuesIfNoRecordsFound>
        <connector>
            <targetReference>Save_Prechat</targetReference>
        </connector>
        <filterLogic>and</filterLogic>
        <filters>
            <field>Email</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>Email</elementReference>
            </value>
        </filters>
        <getFirstRecordOnly>true</getFirstRecordOnly>
        <object>Contact</object>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordLookups>
    <recordUpdates>
        <name>Save_Prechat</name>
        <label>Save Pre-Chat Values on Session</label>
        <locationX>182</locationX>
        <locationY>350</locationY>
        <connector>
            <targetReference>Route_To_Support</targetReference>
        </connector>
        <filterLogic>and</filterLogic>
        <filters>
            <field>Id</field>
            <operator>EqualTo</operator>
            <value>
                <elementReference>recordId</elementReference>
            </value>
        </filters>
        <inputAssignments>
            <field>Order_Number__c</field>
            <value>
                <elementReference>Order_Number</elementReference>
            </value>
        </inputAssignments>
        <object>MessagingSession</object>
    </recordUpdates>
    <start>
        <locationX>56</locationX>
        <locationY>0</locationY>
        <connector>
            <targetReference>Find_Contact</targetReference>
        </connector>
    </start>
    <status>Active</status>
${['Cart_Value', 'Email', 'FirstName', 'Order_Number', 'recordId'].map(variable).join('')}`
    );
}

function corsXml(url: string): string {
    return doc('CorsWhitelistOrigin', `    <urlPattern>${url}</urlPattern>\n`);
}

function cspXml(url: string): string {
    return doc(
        'CspTrustedSite',
        `    <context>All</context>
    <endpointUrl>${url}</endpointUrl>
    <isActive>true</isActive>
    <isApplicableToConnectSrc>true</isApplicableToConnectSrc>
    <isApplicableToFontSrc>false</isApplicableToFontSrc>
    <isApplicableToFrameSrc>true</isApplicableToFrameSrc>
    <isApplicableToImgSrc>true</isApplicableToImgSrc>
    <isApplicableToMediaSrc>false</isApplicableToMediaSrc>
    <isApplicableToStyleSrc>false</isApplicableToStyleSrc>
`
    );
}

/** Writes the project under `root` (created; must not exist or be empty). Returns the number of metadata files. */
export function writeSyntheticSource(root: string, size: SourceSize = SOURCE_SIZE): number {
    const base = path.join(root, 'force-app', 'main', 'default');
    let files = 0;
    const write = (folder: string, name: string, text: string): void => {
        const dir = path.join(base, folder);
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
        files++;
    };
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(
        path.join(root, 'sfdx-project.json'),
        JSON.stringify(
            { packageDirectories: [{ path: 'force-app', default: true }], name: 'bench', sourceApiVersion: '65.0' },
            null,
            4
        )
    );
    write(
        'settings',
        'OmniChannel.settings-meta.xml',
        doc(
            'OmniChannelSettings',
            '    <enableOmniChannel>true</enableOmniChannel>\n    <enableOmniSkillsRouting>true</enableOmniSkillsRouting>\n    <enableOmniStatusCapModel>true</enableOmniStatusCapModel>\n'
        )
    );
    write(
        'settings',
        'LiveMessage.settings-meta.xml',
        doc('LiveMessageSettings', '    <enableLiveMessage>false</enableLiveMessage>\n')
    );
    write(
        'serviceChannels',
        'sfdc_livemessage.serviceChannel-meta.xml',
        doc(
            'ServiceChannel',
            '    <capacityModel>STATUS_BASED</capacityModel>\n    <label>Messaging</label>\n    <relatedEntityType>MessagingSession</relatedEntityType>\n'
        )
    );
    write(
        'servicePresenceStatuses',
        'Available_Messaging.servicePresenceStatus-meta.xml',
        doc(
            'ServicePresenceStatus',
            '    <channels>\n        <channel>sfdc_livemessage</channel>\n    </channels>\n    <label>Available - Messaging</label>\n'
        )
    );
    const presenceUsers = Array.from(
        { length: 200 },
        (_, k) => `            <user>agent${pad(k)}@example.invalid</user>\n`
    ).join('');
    write(
        'presenceUserConfigs',
        'Chat_Agents.presenceUserConfig-meta.xml',
        doc(
            'PresenceUserConfig',
            `    <assignments>\n        <users>\n${presenceUsers}        </users>\n    </assignments>\n    <capacity>5</capacity>\n    <label>Chat Agents</label>\n`
        )
    );
    for (let i = 0; i < size.routingConfigs; i++) {
        write(
            'queueRoutingConfigs',
            `Routing_${pad(i)}.queueRoutingConfig-meta.xml`,
            doc(
                'QueueRoutingConfig',
                `    <capacityWeight>1.0</capacityWeight>\n    <label>Routing ${i}</label>\n    <pushTimeout>60</pushTimeout>\n    <routingModel>MOST_AVAILABLE</routingModel>\n    <routingPriority>1</routingPriority>\n`
            )
        );
    }
    for (let i = 0; i < size.queues; i++) {
        write('queues', `Queue_${pad(i)}.queue-meta.xml`, queueXml(i, `Routing_${pad(i % size.routingConfigs)}`));
    }
    for (let i = 0; i < size.flows; i++) {
        write('flows', `Route_Flow_${pad(i)}.flow-meta.xml`, flowXml(i, `Queue_${pad((i * 7) % size.queues)}`));
    }
    for (let i = 0; i < size.messagingChannels; i++) {
        const name = `Web_Chat_${pad(i)}`;
        write(
            'messagingChannels',
            `${name}.messagingChannel-meta.xml`,
            channelXml(i, `Route_Flow_${pad(i % size.flows)}`, `Queue_${pad(i % size.queues)}`)
        );
        write('EmbeddedServiceConfig', `${name}.EmbeddedServiceConfig-meta.xml`, deploymentXml(i, name));
    }
    const cors = Math.ceil(size.trustedSites / 2);
    for (let i = 0; i < cors; i++) {
        const brand = `brand${pad(Math.floor(i / 2), 4)}.example.com`;
        const url = i % 2 ? `https://www.${brand}` : `https://*.${brand}`;
        write('corsWhitelistOrigins', `Cors_${pad(i)}.corsWhitelistOrigin-meta.xml`, corsXml(url));
    }
    for (let i = 0; i < size.trustedSites - cors; i++) {
        const brand = `brand${pad(Math.floor(i / 2), 4)}.example.com`;
        write(
            'cspTrustedSites',
            `Csp_${pad(i)}.cspTrustedSite-meta.xml`,
            cspXml(i % 2 ? `*.${brand}` : `https://www.${brand}`)
        );
    }
    write(
        'permissionsets',
        'Chat_Agent.permissionset-meta.xml',
        doc(
            'PermissionSet',
            `    <label>Chat Agent</label>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>true</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>MessagingEndUser</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>true</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>MessagingSession</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <servicePresenceStatusAccesses>
        <enabled>true</enabled>
        <servicePresenceStatus>Available_Messaging</servicePresenceStatus>
    </servicePresenceStatusAccesses>
    <userPermissions>
        <enabled>true</enabled>
        <name>EmbeddedMessagingAgent</name>
    </userPermissions>
`
        )
    );
    return files;
}
