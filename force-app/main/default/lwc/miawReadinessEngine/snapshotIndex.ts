/*
 * Indexes a snapshot once (maps by developer name, scoped lists) so each check is one pass over its
 * subjects: the engine stays linear in snapshot size (ARCHITECTURE.md "Performance shape").
 */
import type {
    EmbeddedServiceDeployment,
    Flow,
    FlowRecordLookup,
    FlowRouteWork,
    MessagingChannel,
    OrgSnapshot,
    PermissionSet,
    PresenceConfig,
    PresenceStatus,
    Queue,
    RoutingConfig,
    ServiceChannel
} from './snapshot';
import type { SetupPlan } from './setupPlan';

export const MIAW_CHANNEL_TYPE = 'EmbeddedMessaging';
export const MIAW_DEPLOYMENT_FEATURE = 'EmbeddedMessaging';
export const MESSAGING_SERVICE_CHANNEL = 'sfdc_livemessage';
export const MESSAGING_SESSION_OBJECT = 'MessagingSession';
/**
 * Salesforce creates the Default Presence Configuration when Omni-Channel is turned on and applies it to every
 * rep who is not assigned another configuration (Salesforce Help, "Create Presence Configurations"), so it has
 * no assignments of its own in metadata and still gives everyone else capacity.
 */
export const DEFAULT_PRESENCE_CONFIG = 'default_presence_config';

export function isDefaultPresenceConfig(config: PresenceConfig): boolean {
    return config.developerName === DEFAULT_PRESENCE_CONFIG;
}

/** Why a queue counts as a messaging queue: which channel or flow uses it, and how. */
export interface QueueUse {
    /** Queue developer name, or the raw reference (an Id) when it resolves to no queue in the snapshot. */
    queueRef: string;
    queue?: Queue;
    role: 'routing' | 'fallback' | 'route-work';
    channel: string;
    /** Set for route-work uses. */
    flow?: string;
    element?: string;
    /** The Get Records element that finds the queue by developer name at run time (route-work uses). */
    lookup?: string;
}

export interface SnapshotIndex {
    channelsByName: Map<string, MessagingChannel>;
    /** Channels of type Messaging for In-App and Web. */
    miawChannels: MessagingChannel[];
    /** The MIAW channels the plan is about (plan.channel), or all of them. */
    channelsInScope: MessagingChannel[];
    deploymentsByName: Map<string, EmbeddedServiceDeployment>;
    /** Deployments with deploymentFeature EmbeddedMessaging. */
    miawDeployments: EmbeddedServiceDeployment[];
    /** The MIAW deployments the plan is about (plan.deployment, else those on plan.channel), or all of them. */
    deploymentsInScope: EmbeddedServiceDeployment[];
    /** MIAW deployments by the developer name of the channel they link to. */
    miawDeploymentsByChannel: Map<string, EmbeddedServiceDeployment[]>;
    /** The deployments in scope, by the developer name of the channel they link to. */
    deploymentsInScopeByChannel: Map<string, EmbeddedServiceDeployment[]>;
    queuesByName: Map<string, Queue>;
    queuesById: Map<string, Queue>;
    /** Queues by label (trimmed, lower case): flows name queues by label next to hard-coded Ids. */
    queuesByLabel: Map<string, Queue>;
    flowsByName: Map<string, Flow>;
    routingConfigsByName: Map<string, RoutingConfig>;
    serviceChannelsByName: Map<string, ServiceChannel>;
    presenceStatusesByName: Map<string, PresenceStatus>;
    permissionSetsByName: Map<string, PermissionSet>;
    /** The messaging service channel (sfdc_livemessage / related entity MessagingSession), if present. */
    messagingServiceChannel?: ServiceChannel;
    /** Every queue use by the channels in scope: routing queue, fallback queue, Route Work queues of their flows. */
    queueUses: QueueUse[];
}

function byKey<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T> {
    const map = new Map<string, T>();
    for (const item of items) {
        const k = key(item);
        if (k !== undefined && !map.has(k)) map.set(k, item);
    }
    return map;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
    const map = new Map<string, T[]>();
    for (const item of items) {
        const k = key(item);
        if (k === undefined) continue;
        const list = map.get(k);
        if (list) list.push(item);
        else map.set(k, [item]);
    }
    return map;
}

/** The key queuesByLabel uses: labels compare trimmed and case-insensitively. */
export function queueLabelKey(label: string | undefined): string | undefined {
    const key = label?.trim().toLowerCase();
    return key ? key : undefined;
}

/** Salesforce Ids compare on their first 15 characters (the 18-character form adds a case checksum). */
export function idKey(id: string): string {
    return id.length === 18 ? id.slice(0, 15) : id;
}

export function isQueueId(value: string): boolean {
    return /^00G[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(value);
}

/** Resolves a queue reference (developer name or Id) against the snapshot. */
export function resolveQueue(
    index: Pick<SnapshotIndex, 'queuesByName' | 'queuesById'>,
    ref: string
): Queue | undefined {
    return index.queuesByName.get(ref) ?? (isQueueId(ref) ? index.queuesById.get(idKey(ref)) : undefined);
}

/** The literal queue a Route Work element targets, when it is a literal (not a variable reference). */
export function routeWorkQueueLiteral(routeWork: FlowRouteWork): string | undefined {
    const value = routeWork.inputs.queueId;
    return value?.stringValue?.trim() || undefined;
}

/** A queue a flow finds at run time by a literal developer name, and the Get Records element that does it. */
export interface QueueLookup {
    developerName: string;
    lookup: string;
}

const GROUP_OBJECT = 'Group';

/** The literal DeveloperName a Get Records on Group filters by (`DeveloperName EqualTo "X"`), if any. */
function lookupQueueName(lookup: FlowRecordLookup): string | undefined {
    if (lookup.object !== GROUP_OBJECT) return undefined;
    const byName = (lookup.filters ?? []).find(
        (f) => f.field === 'DeveloperName' && (f.operator ?? 'EqualTo') === 'EqualTo'
    );
    return byName?.value?.stringValue?.trim() || undefined;
}

/**
 * The queue a Route Work's queueId variable holds when a Get Records on Group by a literal DeveloperName fills
 * it — `{!Lookup.Id}` (automatic output), `{!record.Id}` (outputReference) or a text variable the lookup's
 * Id is assigned to (outputAssignments). This is the portable pattern for naming a queue in a flow, so the
 * queue it names is as much in scope as a literal one.
 */
export function routeWorkQueueLookup(flow: Flow, routeWork: FlowRouteWork): QueueLookup | undefined {
    const ref = routeWork.inputs.queueId?.elementReference?.trim();
    if (!ref) return undefined;
    const [head, field] = ref.split('.');
    const found = flow.recordLookups.find((lookup) => {
        if (field !== undefined) {
            return field === 'Id' && (lookup.name === head || lookup.outputReference === head);
        }
        return (lookup.outputAssignments ?? []).some((a) => a.field === 'Id' && a.assignToReference === head);
    });
    const developerName = found ? lookupQueueName(found) : undefined;
    return found && developerName ? { developerName, lookup: found.name } : undefined;
}

export function buildIndex(snapshot: OrgSnapshot, plan: SetupPlan): SnapshotIndex {
    const channels = snapshot.messagingChannels.items;
    const deployments = snapshot.deployments.items;
    const queues = snapshot.queues.items;
    const channelsByName = byKey(channels, (c) => c.developerName);
    const miawChannels = channels.filter((c) => c.messagingChannelType === MIAW_CHANNEL_TYPE);
    const channelsInScope = plan.channel ? miawChannels.filter((c) => c.developerName === plan.channel) : miawChannels;
    const miawDeployments = deployments.filter((d) => d.deploymentFeature === MIAW_DEPLOYMENT_FEATURE);
    let deploymentsInScope = miawDeployments;
    if (plan.deployment) deploymentsInScope = miawDeployments.filter((d) => d.developerName === plan.deployment);
    else if (plan.channel) {
        deploymentsInScope = miawDeployments.filter((d) => d.messagingChannel?.messagingChannel === plan.channel);
    }
    const serviceChannels = snapshot.serviceChannels.items;
    const index: SnapshotIndex = {
        channelsByName,
        miawChannels,
        channelsInScope,
        deploymentsByName: byKey(deployments, (d) => d.developerName),
        miawDeployments,
        deploymentsInScope,
        miawDeploymentsByChannel: groupBy(miawDeployments, (d) => d.messagingChannel?.messagingChannel),
        deploymentsInScopeByChannel: groupBy(deploymentsInScope, (d) => d.messagingChannel?.messagingChannel),
        queuesByName: byKey(queues, (q) => q.developerName),
        queuesById: byKey(queues, (q) => (q.id ? idKey(q.id) : undefined)),
        queuesByLabel: byKey(queues, (q) => queueLabelKey(q.name)),
        flowsByName: byKey(snapshot.flows.items, (f) => f.apiName),
        routingConfigsByName: byKey(snapshot.routingConfigs.items, (r) => r.developerName),
        serviceChannelsByName: byKey(serviceChannels, (s) => s.developerName),
        presenceStatusesByName: byKey(snapshot.presenceStatuses.items, (s) => s.developerName),
        permissionSetsByName: byKey(snapshot.permissionSets.items, (p) => p.name),
        messagingServiceChannel:
            serviceChannels.find((s) => s.developerName === MESSAGING_SERVICE_CHANNEL) ??
            serviceChannels.find((s) => s.relatedEntityType === MESSAGING_SESSION_OBJECT),
        queueUses: []
    };
    index.queueUses = collectQueueUses(index);
    return index;
}

function collectQueueUses(index: SnapshotIndex): QueueUse[] {
    const uses: QueueUse[] = [];
    for (const channel of index.channelsInScope) {
        const handlerQueue = channel.sessionHandlerQueue;
        if (handlerQueue) {
            uses.push({
                queueRef: handlerQueue,
                queue: resolveQueue(index, handlerQueue),
                role: channel.sessionHandlerType === 'Queue' ? 'routing' : 'fallback',
                channel: channel.developerName
            });
        }
        const flow = channel.sessionHandlerFlow ? index.flowsByName.get(channel.sessionHandlerFlow) : undefined;
        if (!flow) continue;
        for (const routeWork of flow.routeWorks) {
            const literal = routeWorkQueueLiteral(routeWork);
            const looked = literal ? undefined : routeWorkQueueLookup(flow, routeWork);
            const ref = literal ?? looked?.developerName;
            if (!ref) continue;
            const use: QueueUse = {
                queueRef: ref,
                queue: resolveQueue(index, ref),
                role: 'route-work',
                channel: channel.developerName,
                flow: flow.apiName,
                element: routeWork.name
            };
            if (looked) use.lookup = looked.lookup;
            uses.push(use);
        }
    }
    return uses;
}

/** True when every use of a queue is as a fallback: it receives sessions only when the routing flow or agent fails. */
export function isFallbackOnly(uses: readonly QueueUse[]): boolean {
    return uses.length > 0 && uses.every((use) => use.role === 'fallback');
}

/** Queue uses grouped by queue (resolved developer name or raw reference), in first-seen order. */
export function queueUsesByQueue(index: SnapshotIndex): Map<string, QueueUse[]> {
    const grouped = new Map<string, QueueUse[]>();
    for (const use of index.queueUses) {
        const key = use.queue?.developerName ?? use.queueRef;
        const list = grouped.get(key);
        if (list) list.push(use);
        else grouped.set(key, [use]);
    }
    return grouped;
}
