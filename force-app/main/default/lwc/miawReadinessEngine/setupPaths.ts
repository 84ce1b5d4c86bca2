/*
 * Lightning Setup paths for deep links, each taken from the Setup page's own URL in Lightning Experience.
 * Record pages exist only for some types; the others link to the list page.
 */
export const SETUP_PATHS = {
    cors: '/lightning/setup/CorsWhitelistEntries/home',
    cspTrustedSites: '/lightning/setup/SecurityCspTrustedSite/home',
    messagingSettings: '/lightning/setup/LiveMessageSetup/home',
    embeddedServiceDeployments: '/lightning/setup/EmbeddedServiceDeployments/home',
    omniChannelSettings: '/lightning/setup/OmniChannelSettings/home',
    serviceChannels: '/lightning/setup/ServiceChannelSettings/home',
    presenceStatuses: '/lightning/setup/ServicePresenceStatusSettings/home',
    presenceConfigurations: '/lightning/setup/ServicePresenceUserConfigSettings/home',
    routingConfigurations: '/lightning/setup/QueueRoutingConfigSettings/home',
    queues: '/lightning/setup/Queues/home',
    flows: '/lightning/setup/Flows/home',
    businessHours: '/lightning/setup/BusinessHours/home',
    permissionSets: '/lightning/setup/PermSets/home',
    users: '/lightning/setup/ManageUsers/home',
    lightningAppBuilder: '/lightning/setup/FlexiPageList/home',
    digitalExperiences: '/lightning/setup/SetupNetworks/home',
    namedCredentials: '/lightning/setup/NamedCredential/home',
    appManager: '/lightning/setup/NavigationMenus/home',
    objectManager: '/lightning/setup/ObjectManager/home'
} as const;

/** Queue record page in Setup (Id 00G…); the list page when the Id is unknown. */
export function queueSetupPath(queueId?: string): string {
    if (!queueId || !/^00G[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(queueId)) return SETUP_PATHS.queues;
    return `/lightning/setup/Queues/page?address=${encodeURIComponent(`/p/own/Queue/d?id=${queueId}`)}`;
}

/** Embedded Service deployment record page; the list page when the Id is unknown. */
export function deploymentSetupPath(deploymentId?: string): string {
    if (!deploymentId) return SETUP_PATHS.embeddedServiceDeployments;
    return `/lightning/setup/EmbeddedServiceDeployments/${deploymentId}/view`;
}

/** Flow detail page in Setup by FlowDefinition Id (300…); the list page when unknown. */
export function flowSetupPath(flowDefinitionId?: string): string {
    if (!flowDefinitionId || !flowDefinitionId.startsWith('300')) return SETUP_PATHS.flows;
    return `/lightning/setup/Flows/page?address=${encodeURIComponent(`/${flowDefinitionId}`)}`;
}

/** Permission set record page (0PS…); the list page when unknown. */
export function permissionSetSetupPath(permissionSetId?: string): string {
    if (!permissionSetId || !permissionSetId.startsWith('0PS')) return SETUP_PATHS.permissionSets;
    return `/lightning/setup/PermSets/page?address=${encodeURIComponent(`/${permissionSetId}`)}`;
}

/**
 * The Setup record page for an org record, from its Id's key prefix (00G queue, 300 flow definition, 0PS
 * permission set); undefined when no verified record page exists for that kind of record.
 */
export function recordSetupPath(recordId: string | undefined): string | undefined {
    switch (recordId?.slice(0, 3)) {
        case '00G':
            return queueSetupPath(recordId);
        case '300':
            return flowSetupPath(recordId);
        case '0PS':
            return permissionSetSetupPath(recordId);
        default:
            return undefined;
    }
}
