/*
 * Embedded Service deployments (EmbeddedServiceConfig) and the leftovers of legacy Chat. A LiveAgent
 * deployment stays a deployment — the engine reports it there — while EmbeddedServiceLiveAgent,
 * EmbeddedServiceBranding, LiveChatDeployment and LiveChatButton files become `legacyChat` items.
 */
import type {
    EmbeddedServiceDeployment,
    LegacyChatArtifact,
    PreChatForm,
    PreChatFormField
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { required, type MetadataFile } from './readSupport';
import type { TypeSpec } from './typeSpec';
import { bool, child, children, listPathSet, num, text, type XmlNode } from './xmlDocument';

const ROOT = 'EmbeddedServiceConfig';

export const EMBEDDED_SERVICE_CONFIG: TypeSpec<EmbeddedServiceDeployment> = {
    type: 'EmbeddedServiceConfig',
    directory: 'EmbeddedServiceConfig',
    suffix: 'EmbeddedServiceConfig',
    root: ROOT,
    lists: listPathSet(ROOT, [
        'embeddedServiceCustomComponents',
        'embeddedServiceCustomLabels',
        'embeddedServiceCustomizations',
        'embeddedServiceFlows',
        'embeddedServiceForms',
        'embeddedServiceForms.embeddedServiceFormFields',
        'embeddedServiceLayouts'
    ]),
    read: (file) => [readDeployment(file)]
};

function readDeployment({ name, doc, source }: MetadataFile): EmbeddedServiceDeployment {
    const node = doc.node;
    const channel = child(node, 'embeddedServiceMessagingChannel');
    return {
        developerName: name,
        masterLabel: text(node, 'masterLabel'),
        deploymentFeature: text(node, 'deploymentFeature'),
        deploymentType: text(node, 'deploymentType'),
        isEnabled: bool(node, 'isEnabled'),
        site: text(node, 'site'),
        branding: text(node, 'branding'),
        clientVersion: text(node, 'clientVersion'),
        // No element in EmbeddedServiceConfig says whether `site` is an Experience Cloud site (the
        // auto-created ESW_… sites are not); `domain` and `isExperienceSite` stay unknown in source.
        messagingChannel: channel && {
            messagingChannel: text(channel, 'messagingChannel'),
            isEnabled: bool(channel, 'isEnabled'),
            businessHours: text(channel, 'businessHours')
        },
        preChatForms: children(node, 'embeddedServiceForms').map((f) => preChatForm(f, doc.line)),
        source
    };
}

function preChatForm(node: XmlNode, line: number): PreChatForm {
    return {
        displayContext: text(node, 'displayContext'),
        // Metadata default for EmbeddedServiceForm.isActive is false.
        isActive: bool(node, 'isActive') ?? false,
        fields: children(node, 'embeddedServiceFormFields').map((f) => preChatField(f, line))
    };
}

function preChatField(node: XmlNode, line: number): PreChatFormField {
    return {
        formField: required(text(node, 'formField'), 'embeddedServiceFormFields/formField', line),
        messagingChannelParameterType: text(node, 'messagingChannelParameterType'),
        formFieldType: text(node, 'formFieldType'),
        isHidden: bool(node, 'isHidden') ?? false,
        isRequired: bool(node, 'isRequired') ?? false,
        displayOrder: num(node, 'displayOrder')
    };
}

/** One legacy Chat type: every file is an artifact named by its developer name. */
function legacySpec(type: string, directory: string, suffix: string): TypeSpec<LegacyChatArtifact> {
    return {
        type,
        directory,
        suffix,
        root: type,
        lists: new Set(),
        read: ({ name, source }) => [{ kind: type, name, source }]
    };
}

export const LEGACY_CHAT_SPECS: readonly TypeSpec<LegacyChatArtifact>[] = [
    legacySpec('EmbeddedServiceLiveAgent', 'EmbeddedServiceLiveAgent', 'EmbeddedServiceLiveAgent'),
    legacySpec('EmbeddedServiceBranding', 'EmbeddedServiceBranding', 'EmbeddedServiceBranding'),
    legacySpec('LiveChatDeployment', 'liveChatDeployments', 'liveChatDeployment'),
    legacySpec('LiveChatButton', 'liveChatButtons', 'liveChatButton')
];
