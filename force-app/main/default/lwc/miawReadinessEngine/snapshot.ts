/*
 * OrgSnapshot: the one contract between the data sources (the CLI's metadata reader, the in-org Apex
 * layer) and the checks. JSON-serialisable, no platform types. Every section says whether it was read and,
 * if not, why — checks answer `not_evaluated` with that reason instead of guessing.
 *
 * Names follow the Metadata API Developer Guide's type reference and are keyed by developer name;
 * the Apex layer resolves record Ids to developer names before filling the snapshot.
 */

export const SNAPSHOT_SCHEMA_VERSION = 1;

/**
 * Why a section holds what it holds.
 * - `read`: the section is complete (an empty `items` list means "none exist").
 * - `not_in_source`: a metadata folder did not contain this type (not retrieved, or none exist — unknowable).
 * - `unavailable`: needs something the reader lacks (in the org: "needs API access").
 * - `not_present`: the object does not exist in the org (a feature is off); PRE checks treat this as a finding.
 * - `no_permission`: the running user may not read the object.
 * - `error`: the source could not be read (malformed file, failed callout); see `OrgSnapshot.problems`.
 */
export type SectionState = 'read' | 'not_in_source' | 'unavailable' | 'not_present' | 'no_permission' | 'error';

export interface Section<T> {
    state: SectionState;
    /** Plain-words reason when `state` is not `read`, e.g. "object not present: Omni-Channel is off". */
    reason?: string;
    items: T[];
}

/** Where an item came from: a metadata file (relative to the scanned folder) or an org record. */
export interface SourceRef {
    file?: string;
    line?: number;
    recordId?: string;
}

export interface Sourced {
    source?: SourceRef;
}

// ---------------------------------------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------------------------------------

/** OmniChannelSettings (settings/OmniChannel.settings-meta.xml). Absent flags stay undefined. */
export interface OmniChannelSettings extends Sourced {
    enableOmniChannel?: boolean;
    enableOmniStatusCapModel?: boolean;
    enableOmniSkillsRouting?: boolean;
    enableOmniSecondaryRoutingPriority?: boolean;
    enableOmniAutoLoginPrompt?: boolean;
}

/** LiveMessageSettings (settings/LiveMessage.settings-meta.xml): the Messaging toggle (WhatsApp/Facebook/SMS). */
export interface LiveMessageSettings extends Sourced {
    enableLiveMessage?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Messaging channel (MessagingChannel metadata)
// ---------------------------------------------------------------------------------------------------------

/** `messagingChannelType`; `EmbeddedMessaging` is Messaging for In-App and Web. Others are kept as read. */
export type MessagingChannelType = string;

/** `sessionHandlerType`: Queue | Flow | User | AgentforceServiceAgent (others kept as read). */
export type SessionHandlerType = string;

export interface ChannelParameterMapping {
    /** Name of an input variable of the session-handler flow. */
    actionParameterName: string;
}

export interface ChannelCustomParameter {
    name: string;
    masterLabel?: string;
    externalParameterName?: string;
    parameterDataType?: string;
    maxLength?: number;
    actionParameterMappings: ChannelParameterMapping[];
}

export interface ChannelStandardParameter {
    /** FirstName | LastName | Email | Subject (form field `_FirstName`…). */
    parameterType: string;
    actionParameterMappings: ChannelParameterMapping[];
}

export interface MessagingChannel extends Sourced {
    developerName: string;
    masterLabel?: string;
    messagingChannelType?: MessagingChannelType;
    /** Metadata has no active flag; the org does (MessagingChannel.IsActive). Undefined = unknown. */
    isActive?: boolean;
    sessionHandlerType?: SessionHandlerType;
    /** Queue developer name; the fallback queue when the handler type is Flow. */
    sessionHandlerQueue?: string;
    /** Flow API name when routed by an Omni-Channel flow. */
    sessionHandlerFlow?: string;
    sessionHandlerUser?: string;
    /** Agentforce / bot handler, when that is the routing target. */
    sessionHandlerAgent?: string;
    embeddedConfig?: {
        authMode?: string;
        isEstimatedWaitTimeEnabled?: boolean;
        hasAuthorizations?: boolean;
        /** True when at least one of them is enabled (`messagingAuthorizations/enabled`); absent when not read. */
        hasEnabledAuthorizations?: boolean;
    };
    customParameters: ChannelCustomParameter[];
    standardParameters: ChannelStandardParameter[];
    /** Types of the channel's automated responses (InitialResponse, …). */
    automatedResponseTypes: string[];
    /**
     * Set when the channel's parameters, parameter mappings, automated responses and embedded settings were not
     * read (in the org they come from the Metadata API): why, in words. The lists above are then empty because
     * they are unknown, not because the channel has none. Absent = they were read.
     */
    parametersUnavailable?: string;
}

// ---------------------------------------------------------------------------------------------------------
// Embedded Service deployment (EmbeddedServiceConfig metadata) and legacy chat
// ---------------------------------------------------------------------------------------------------------

export interface PreChatFormField {
    /** `_FirstName`, `_LastName`, `_Email`, `_Subject` for standard parameters; the custom parameter name otherwise. */
    formField: string;
    /** Standard | Custom */
    messagingChannelParameterType?: string;
    /** Text, Email, Phone, Number, Checkbox, ChoiceList */
    formFieldType?: string;
    isHidden: boolean;
    isRequired: boolean;
    displayOrder?: number;
}

export interface PreChatForm {
    /** Session | Conversation */
    displayContext?: string;
    isActive: boolean;
    fields: PreChatFormField[];
}

export interface EmbeddedServiceDeployment extends Sourced {
    developerName: string;
    masterLabel?: string;
    /** EmbeddedMessaging (MIAW) | LiveAgent (legacy chat) | Flows | FieldService | None */
    deploymentFeature?: string;
    /** Web | Mobile | API */
    deploymentType?: string;
    isEnabled?: boolean;
    site?: string;
    branding?: string;
    /** The deployment's Domain (top-level domain covering subdomains) when known; not in source metadata. */
    domain?: string;
    /** True when the deployment serves an Experience Cloud or Commerce site (Embedded Messaging component). */
    isExperienceSite?: boolean;
    /** Web client: WebV1 (Enhanced Web Chat v1) | WebV2 (v2); metadata `clientVersion`, absent when not stated. */
    clientVersion?: string;
    messagingChannel?: {
        messagingChannel?: string;
        isEnabled?: boolean;
        businessHours?: string;
    };
    preChatForms: PreChatForm[];
}

/** A leftover of legacy Chat (Live Agent): a LiveAgent deployment, EmbeddedServiceLiveAgent, branding, button… */
export interface LegacyChatArtifact extends Sourced {
    /** Metadata type, e.g. EmbeddedServiceLiveAgent, EmbeddedServiceBranding, LiveChatDeployment, LiveChatButton. */
    kind: string;
    name: string;
}

// ---------------------------------------------------------------------------------------------------------
// Trusted sites
// ---------------------------------------------------------------------------------------------------------

export interface CorsEntry extends Sourced {
    developerName: string;
    urlPattern: string;
}

export interface CspTrustedSite extends Sourced {
    developerName: string;
    endpointUrl: string;
    /** Metadata default is true when the element is absent. */
    isActive: boolean;
    /** All | LEX | Communities | FieldServiceMobileExtension | VisualForce */
    context?: string;
    isApplicableToConnectSrc?: boolean;
    isApplicableToFrameSrc?: boolean;
    isApplicableToImgSrc?: boolean;
    isApplicableToStyleSrc?: boolean;
    isApplicableToFontSrc?: boolean;
    isApplicableToMediaSrc?: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Omni-Channel: service channels, presence, routing, queues
// ---------------------------------------------------------------------------------------------------------

export interface ServiceChannel extends Sourced {
    developerName: string;
    label?: string;
    /** Related entity, e.g. MessagingSession; undefined when the source has xsi:nil. */
    relatedEntityType?: string;
    /** Normalised to the SOQL picklist values: StatusBased | TabBased (metadata STATUS_BASED / TAB_BASED). */
    capacityModel?: string;
}

export interface PresenceStatus extends Sourced {
    developerName: string;
    label?: string;
    /** Developer names of the service channels this status is linked to. */
    channels: string[];
}

export interface PresenceConfig extends Sourced {
    developerName: string;
    label?: string;
    capacity?: number;
    interruptibleCapacity?: number;
    /** Users (username or Id) the configuration is assigned to. */
    assignedUsers: string[];
    /** Profiles (name or Id) the configuration is assigned to. */
    assignedProfiles: string[];
}

export interface RoutingConfig extends Sourced {
    developerName: string;
    label?: string;
    /** Normalised: LeastActive | MostAvailable | ExternalRouting (metadata LEAST_ACTIVE …). */
    routingModel?: string;
    capacityWeight?: number;
    capacityPercentage?: number;
    capacityType?: string;
    pushTimeout?: number;
    routingPriority?: number;
}

export interface QueueMembers {
    users: string[];
    publicGroups: string[];
    roles: string[];
    roleAndSubordinates: string[];
}

export interface Queue extends Sourced {
    developerName: string;
    /** Record Id when known (org snapshots; flows often reference queues by Id). */
    id?: string;
    name?: string;
    queueRoutingConfig?: string;
    /** Supported objects, e.g. MessagingSession. */
    sobjectTypes: string[];
    members: QueueMembers;
    /** Member count when only the aggregate is known (org snapshots read counts, not rows). */
    memberCount?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Flows
// ---------------------------------------------------------------------------------------------------------

export interface FlowVariable {
    name: string;
    /** Metadata data type: String (Text in the UI), Boolean, Number, SObject… */
    dataType?: string;
    isInput: boolean;
    isOutput?: boolean;
    isCollection?: boolean;
    objectType?: string;
    /** True when the variable has a default value (metadata `value`); absent when not read. */
    hasDefaultValue?: boolean;
}

/** A value in a flow element input: a literal or a reference to a variable/element. */
export interface FlowValue {
    stringValue?: string;
    elementReference?: string;
    booleanValue?: boolean;
    numberValue?: number;
    /** A reference to a setup object by name (Agentforce/bot flows pass copilotId, botId this way). */
    setupReference?: string;
}

export interface FlowRouteWork {
    name: string;
    /** routeWork input parameters by name (serviceChannelDevName, routingType, queueId, …). */
    inputs: Record<string, FlowValue>;
    /**
     * The action version: `versionString` ("2.0.0") or `versionSegment` ("1"). Route Work 2.0 carries its
     * queue across orgs on deployment; version 1 keeps the source org's record Id.
     */
    version?: string;
}

export interface FlowRecordUpdate {
    name: string;
    object?: string;
    /** `inputReference` when the element updates a record variable (e.g. recordId-based record). */
    inputReference?: string;
    /** Fields written by inputAssignments. */
    fields: string[];
}

/** One filter of a Get Records element (`field operator value`). */
export interface FlowRecordFilter {
    field: string;
    operator?: string;
    value?: FlowValue;
}

/** A Get Records output field copied into a variable (`outputAssignments`). */
export interface FlowOutputAssignment {
    field: string;
    assignToReference: string;
}

export interface FlowRecordLookup {
    name: string;
    object?: string;
    /** Filters, so a lookup of a queue by a literal DeveloperName can be resolved to that queue. */
    filters?: FlowRecordFilter[];
    /** The record variable the found record is stored in (`outputReference`). */
    outputReference?: string;
    outputAssignments?: FlowOutputAssignment[];
}

/** One way out of a flow element: the normal next step, a decision outcome, a loop branch, a fault path… */
export interface FlowExit {
    /** next | outcome | default | loopNext | loopEnd | wait | scheduled | timeout | fault */
    kind: string;
    /** The outcome's label as Flow Builder shows it (decision rules, default outcome label), when it has one. */
    label?: string;
    /** The element it leads to; absent when the exit is not connected (the path ends there). */
    target?: string;
}

/** A flow element with the facts a path walk needs. */
export interface FlowNode {
    name: string;
    label?: string;
    /** Metadata element list it came from: actionCalls, assignments, decisions, subflows, loops… */
    kind: string;
    /** For actionCalls: routeWork, apex, … */
    actionType?: string;
    /** For assignments: the variables it writes (assignToReference). */
    assignedVariables?: string[];
    exits: FlowExit[];
}

/** The flow's connector graph: where it starts and every element with its exits. */
export interface FlowGraph {
    /** The first element after Start; absent when Start connects to nothing. */
    startTarget?: string;
    nodes: FlowNode[];
}

export interface Flow extends Sourced {
    apiName: string;
    label?: string;
    /** RoutingFlow for Omni-Channel flows. */
    processType?: string;
    /** Active | Draft | Obsolete | InvalidDraft (metadata `status`); in the org, from FlowDefinitionView.IsActive. */
    status?: string;
    variables: FlowVariable[];
    routeWorks: FlowRouteWork[];
    recordUpdates: FlowRecordUpdate[];
    recordLookups: FlowRecordLookup[];
    /** Element names in execution order along the main path from start (best effort; connectors followed). */
    executionOrder: string[];
    /** The connector graph, when the reader kept it (absent: not read, so path checks cannot run). */
    graph?: FlowGraph;
}

// ---------------------------------------------------------------------------------------------------------
// Permissions, agents, pages, business hours, live signals
// ---------------------------------------------------------------------------------------------------------

export interface ObjectPermission {
    object: string;
    allowRead: boolean;
    allowEdit: boolean;
    allowCreate?: boolean;
    allowDelete?: boolean;
}

export interface PermissionSet extends Sourced {
    name: string;
    label?: string;
    license?: string;
    /** Enabled user permissions, e.g. EmbeddedMessagingAgent. */
    userPermissions: string[];
    /** Presence statuses (developer names) this permission set grants. */
    presenceStatusAccesses: string[];
    objectPermissions: ObjectPermission[];
    /** Number of users assigned (org snapshots; aggregate). */
    assigneeCount?: number;
}

/** One agent (a user) as the org sees it. Metadata cannot list users with their assignments. */
export interface Agent extends Sourced {
    /** Username or Id. */
    user: string;
    name?: string;
    profile?: string;
    isActive?: boolean;
    /** Service Cloud User feature licence (User.UserPermissionsSupportUser). */
    hasServiceCloudUser?: boolean;
    /** Permission set licence developer names, e.g. EmbeddedServiceMessagingUserPsl. */
    permissionSetLicenses: string[];
    /** Assigned permission set names. */
    permissionSets: string[];
    /** Queue developer names the user is a member of (expanded through groups and roles). */
    queues: string[];
    /** Presence configuration developer name assigned to the user (directly or through the profile). */
    presenceConfig?: string;
}

export interface FlexiPage extends Sourced {
    name: string;
    sobjectType?: string;
    /** RecordPage, AppPage… */
    type?: string;
    /** Component names on the page, e.g. runtime_service_livemessage:… or scrt:conversationBody. */
    components: string[];
}

/**
 * Something on Messaging Session or Messaging User that can stop Salesforce creating the record when a chat
 * starts: the widget then keeps loading or shows "Not sent". Required fields and validation rules come from the
 * object's metadata (section `sessionRecordRules`); Apex triggers and record-triggered flows from code and flows
 * (section `sessionAutomation`). The in-org report reads required fields by describe and validation rules through
 * Tooling (with the triggers), so in an org snapshot validation rules sit in `sessionAutomation`.
 */
export interface SessionRecordRule extends Sourced {
    /** MessagingSession | MessagingEndUser */
    sobjectType: string;
    /** RequiredField | ValidationRule | ApexTrigger | RecordTriggeredFlow */
    kind: string;
    /** API name: Field__c, the rule, trigger or flow name. */
    name: string;
    /** Validation rules, triggers and flows: whether active (undefined = unknown). Required fields: undefined. */
    isActive?: boolean;
    /** Required fields: the field gets a value on create (default value or default picklist value). */
    hasDefault?: boolean;
    /** Plain-words detail: the error condition (shortened), the trigger events, the flow's trigger. */
    detail?: string;
}

/** A Lightning app (CustomApplication / AppDefinition): where agents work and what its utility bar holds. */
export interface LightningApp extends Sourced {
    /** Developer name, e.g. standard__LightningService. */
    name: string;
    label?: string;
    /** Console | Standard */
    navType?: string;
    /** Developer name of the app's UtilityBar Lightning page, when it has one. */
    utilityBar?: string;
    /** Omni-Channel pinned as a sidebar (isOmniPinnedViewEnabled). */
    isOmniPinnedViewEnabled?: boolean;
}

export interface BusinessHours extends Sourced {
    name: string;
    timeZoneId?: string;
    isActive?: boolean;
    isDefault?: boolean;
}

export interface ErroredSession {
    id: string;
    createdDate?: string;
    channel?: string;
    errorReason?: string;
}

export interface WaitingSession {
    id: string;
    createdDate: string;
    channel?: string;
    queue?: string;
    waitingMinutes: number;
}

/** Live signals only the org has (OPS checks). */
export interface SessionSignals {
    /** Window the query covered, in hours. */
    windowHours: number;
    errored: ErroredSession[];
    waiting: WaitingSession[];
}

/** A file or record the reader could not use. The scan carries on; `section` is marked. */
export interface ReadProblem {
    /** Path relative to the scanned folder, or an object name for org reads. */
    file: string;
    line?: number;
    /** Snapshot section affected, e.g. "messagingChannels". */
    section?: SnapshotSectionName;
    message: string;
}

export interface SnapshotOrigin {
    /** metadata: a source folder read by the CLI; org: read live by the Apex layer. */
    kind: 'metadata' | 'org';
    /** The folder path or the org's My Domain / Id. */
    label: string;
    readAt?: string;
}

export interface OrgSnapshot {
    schemaVersion: number;
    origin: SnapshotOrigin;
    omniChannelSettings: Section<OmniChannelSettings>;
    liveMessageSettings: Section<LiveMessageSettings>;
    messagingChannels: Section<MessagingChannel>;
    deployments: Section<EmbeddedServiceDeployment>;
    legacyChat: Section<LegacyChatArtifact>;
    corsEntries: Section<CorsEntry>;
    cspTrustedSites: Section<CspTrustedSite>;
    serviceChannels: Section<ServiceChannel>;
    presenceStatuses: Section<PresenceStatus>;
    presenceConfigs: Section<PresenceConfig>;
    routingConfigs: Section<RoutingConfig>;
    queues: Section<Queue>;
    flows: Section<Flow>;
    permissionSets: Section<PermissionSet>;
    agents: Section<Agent>;
    flexiPages: Section<FlexiPage>;
    /** Required custom fields and validation rules on MessagingSession and MessagingEndUser. */
    sessionRecordRules: Section<SessionRecordRule>;
    /** Apex triggers and record-triggered flows on MessagingSession and MessagingEndUser. */
    sessionAutomation: Section<SessionRecordRule>;
    lightningApps: Section<LightningApp>;
    businessHours: Section<BusinessHours>;
    sessionSignals: Section<SessionSignals>;
    problems: ReadProblem[];
}

export type SnapshotSectionName = Exclude<keyof OrgSnapshot, 'schemaVersion' | 'origin' | 'problems'>;

export const SNAPSHOT_SECTIONS: readonly SnapshotSectionName[] = [
    'omniChannelSettings',
    'liveMessageSettings',
    'messagingChannels',
    'deployments',
    'legacyChat',
    'corsEntries',
    'cspTrustedSites',
    'serviceChannels',
    'presenceStatuses',
    'presenceConfigs',
    'routingConfigs',
    'queues',
    'flows',
    'permissionSets',
    'agents',
    'flexiPages',
    'sessionRecordRules',
    'sessionAutomation',
    'lightningApps',
    'businessHours',
    'sessionSignals'
];

/** A section that is complete and holds the given items. */
export function readSection<T>(items: T[]): Section<T> {
    return { state: 'read', items };
}

/** A section that could not be read, with the reason a person can act on. */
export function missingSection<T>(state: Exclude<SectionState, 'read'>, reason: string): Section<T> {
    return { state, reason, items: [] };
}

/** An empty snapshot where every section is `not_in_source`; readers fill what they find. */
export function emptySnapshot(origin: SnapshotOrigin): OrgSnapshot {
    const snapshot = { schemaVersion: SNAPSHOT_SCHEMA_VERSION, origin, problems: [] } as unknown as OrgSnapshot;
    for (const name of SNAPSHOT_SECTIONS) {
        (snapshot as unknown as Record<string, Section<unknown>>)[name] = missingSection('not_in_source', 'not read');
    }
    return snapshot;
}
