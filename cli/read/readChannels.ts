/*
 * MessagingChannel (messagingChannels/X.messagingChannel-meta.xml). Every channel type is read — SMS,
 * WhatsApp and Enhanced Chat alike — and the engine filters by `messagingChannelType`.
 */
import type {
    ChannelCustomParameter,
    ChannelParameterMapping,
    ChannelStandardParameter,
    MessagingChannel
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { required, type MetadataFile } from './readSupport';
import type { TypeSpec } from './typeSpec';
import { bool, child, children, listPathSet, num, text, type XmlNode } from './xmlDocument';

const ROOT = 'MessagingChannel';

export const MESSAGING_CHANNEL: TypeSpec<MessagingChannel> = {
    type: 'MessagingChannel',
    directory: 'messagingChannels',
    suffix: 'messagingChannel',
    root: ROOT,
    lists: listPathSet(ROOT, [
        'automatedResponses',
        'channelUsages',
        'customParameters',
        'customParameters.actionParameterMappings',
        'standardParameters',
        'standardParameters.actionParameterMappings',
        'embeddedConfig.messagingAuthorizations',
        'messagingKeywords',
        'messagingKeywords.keyword'
    ]),
    read: (file) => [readMessagingChannel(file)]
};

function readMessagingChannel({ name, doc, source }: MetadataFile): MessagingChannel {
    const node = doc.node;
    const embedded = child(node, 'embeddedConfig');
    // Older exports (diogo-weenow) carry the EWT flag on the channel itself rather than in embeddedConfig.
    const channelEwt = bool(node, 'isEstimatedWaitTimeEnabled');
    return {
        developerName: name,
        masterLabel: text(node, 'masterLabel'),
        messagingChannelType: text(node, 'messagingChannelType'),
        sessionHandlerType: text(node, 'sessionHandlerType'),
        sessionHandlerQueue: text(node, 'sessionHandlerQueue'),
        sessionHandlerFlow: text(node, 'sessionHandlerFlow'),
        sessionHandlerUser: text(node, 'sessionHandlerUser'),
        // `sessionHandlerAsa` (Agentforce Service Agent) is the WSDL element for an agent handler.
        sessionHandlerAgent: text(node, 'sessionHandlerAsa'),
        embeddedConfig:
            embedded || channelEwt !== undefined
                ? {
                      authMode: embedded && text(embedded, 'authMode'),
                      isEstimatedWaitTimeEnabled:
                          (embedded && bool(embedded, 'isEstimatedWaitTimeEnabled')) ?? channelEwt,
                      hasAuthorizations: embedded ? children(embedded, 'messagingAuthorizations').length > 0 : false,
                      hasEnabledAuthorizations: embedded
                          ? children(embedded, 'messagingAuthorizations').some((a) => bool(a, 'enabled') === true)
                          : false
                  }
                : undefined,
        customParameters: children(node, 'customParameters').map((p) => customParameter(p, doc.line)),
        standardParameters: children(node, 'standardParameters').map((p) => standardParameter(p, doc.line)),
        automatedResponseTypes: children(node, 'automatedResponses')
            .map((r) => text(r, 'type'))
            .filter((t): t is string => t !== undefined),
        source
    };
}

function customParameter(node: XmlNode, line: number): ChannelCustomParameter {
    return {
        name: required(text(node, 'name'), 'customParameters/name', line),
        masterLabel: text(node, 'masterLabel'),
        externalParameterName: text(node, 'externalParameterName'),
        parameterDataType: text(node, 'parameterDataType'),
        maxLength: num(node, 'maxLength'),
        actionParameterMappings: mappings(node, line)
    };
}

function standardParameter(node: XmlNode, line: number): ChannelStandardParameter {
    return {
        parameterType: required(text(node, 'parameterType'), 'standardParameters/parameterType', line),
        actionParameterMappings: mappings(node, line)
    };
}

function mappings(node: XmlNode, line: number): ChannelParameterMapping[] {
    return children(node, 'actionParameterMappings').map((m) => ({
        actionParameterName: required(
            text(m, 'actionParameterName'),
            'actionParameterMappings/actionParameterName',
            line
        )
    }));
}
