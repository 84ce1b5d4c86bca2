/*
 * RT — queues and routing (CHECKS.md): every queue the channels in scope use (routing queue, fallback queue,
 * literal Route Work queue of their flows — `index.queueUses`) exists, supports Messaging Session, has an
 * Omni-Channel routing configuration and members, and its work items fit an agent's capacity.
 *
 * Subject: the queue developer name, or the raw reference when it resolves to no queue. Every message says
 * which channel or flow uses the queue and how. Queues a flow computes at run time (a variable queueId)
 * cannot be named statically; CH-07 reports them.
 */
import { SETUP_PATHS, queueSetupPath } from './setupPaths';
import { fail, isRead, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { PresenceConfig, Queue, RoutingConfig, SourceRef } from './snapshot';
import { MESSAGING_SESSION_OBJECT, isFallbackOnly, isQueueId, queueLabelKey, queueUsesByQueue } from './snapshotIndex';
import type { QueueUse } from './snapshotIndex';

const RT_IDS = ['RT-01', 'RT-02', 'RT-03', 'RT-04', 'RT-05'] as const;

export function runRoutingChecks(ctx: CheckContext): CheckResult[] {
    // Queue uses come from the channels; without them there is nothing to name.
    const unread = unreadSections(ctx, RT_IDS, ['messagingChannels'], ctx.plan.channel ?? 'org');
    if (unread) return unread;
    const grouped = queueUsesByQueue(ctx.index);
    if (grouped.size === 0) return noQueueUses(ctx);
    const results: CheckResult[] = [];
    for (const [key, uses] of grouped) {
        const queuesUnread = unreadSections(ctx, RT_IDS, ['queues'], key);
        if (queuesUnread) results.push(...queuesUnread);
        else if (uses[0].queue) results.push(...checkQueue(ctx, uses[0].queue, uses));
        else results.push(...unresolvedQueue(ctx, key, uses));
    }
    // Report order: by check, then by queue in first-seen order (sort is stable). IDs are ASCII, so a plain
    // comparison orders them as localeCompare did, without its cost on 10,000 results.
    return results.sort((a, b) => (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
}

function checkQueue(ctx: CheckContext, queue: Queue, uses: readonly QueueUse[]): CheckResult[] {
    return [
        checkQueueSupportsMessaging(ctx, queue, uses),
        checkQueueRoutingConfig(ctx, queue, uses),
        checkQueueMembers(ctx, queue, uses),
        checkCapacityFit(ctx, queue, uses),
        checkRoutingSettings(ctx, queue, uses)
    ];
}

// ---------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------

/**
 * "fallback queue of channel "A"; queue of Route Work "R" in flow "F" on channels "A" and "B"": every
 * distinct use, a flow element shared by several channels once, capped for readability.
 */
const describedUses = new WeakMap<readonly QueueUse[], string>();

export function describeUses(uses: readonly QueueUse[], max = 4): string {
    // The five RT checks describe the same queue's uses: once per queue.
    if (max !== 4) return describeUsesUncached(uses, max);
    let described = describedUses.get(uses);
    if (described === undefined) {
        described = describeUsesUncached(uses, max);
        describedUses.set(uses, described);
    }
    return described;
}

function describeUsesUncached(uses: readonly QueueUse[], max: number): string {
    const byUse = new Map<string, string[]>();
    for (const use of uses) {
        const lookedUp = use.lookup ? ` (looked up by developer name in Get Records "${use.lookup}")` : '';
        const key =
            use.role === 'route-work'
                ? `queue of Route Work "${use.element}" in flow "${use.flow}"${lookedUp}`
                : `${use.role} queue of channel "${use.channel}"`;
        const channels = byUse.get(key) ?? [];
        if (!channels.includes(use.channel)) channels.push(use.channel);
        byUse.set(key, channels);
    }
    const described = [...byUse].map(([key, channels]) => {
        if (!key.startsWith('queue of Route Work')) return key;
        return `${key} on ${channels.length === 1 ? 'channel' : 'channels'} ${listNames(channels, 3)}`;
    });
    const more = described.length > max ? `; and ${described.length - max} more` : '';
    return described.slice(0, max).join('; ') + more;
}

/**
 * A queue used only as a fallback receives sessions only when the Omni-Channel flow fails (Salesforce Help:
 * work is routed to the channel's fallback queue when an error occurs in the flow); a gap there is worth
 * fixing but does not stop normal routing, so RT-02 and RT-03 report it as a warning and say why.
 */
function fallbackOnlyOptions(uses: readonly QueueUse[]): { severity?: 'warning'; note: string } {
    if (!isFallbackOnly(uses)) return { note: '' };
    return {
        severity: 'warning',
        note: ' It is only a fallback queue: it receives sessions only when the routing flow fails, so this is a warning, not a blocker.'
    };
}

/** Where an unresolvable reference is written: the flow (route work) or the channel. */
function referenceLocation(ctx: CheckContext, use: QueueUse): SourceRef | undefined {
    if (use.flow) return ctx.index.flowsByName.get(use.flow)?.source;
    return ctx.index.channelsByName.get(use.channel)?.source;
}

/** Org snapshots carry queue record Ids; metadata folders do not, so an Id cannot be matched there. */
function queueIdsKnown(ctx: CheckContext): boolean {
    return ctx.snapshot.origin.kind === 'org' || ctx.snapshot.queues.items.some((q) => q.id !== undefined);
}

/** A queue whose label equals the Route Work's queueLabel: the likely target of a hard-coded Id. */
function queueByRouteWorkLabel(ctx: CheckContext, uses: readonly QueueUse[]): Queue | undefined {
    for (const use of uses) {
        const routeWork = use.flow
            ? ctx.index.flowsByName.get(use.flow)?.routeWorks.find((rw) => rw.name === use.element)
            : undefined;
        const label = queueLabelKey(routeWork?.inputs.queueLabel?.stringValue);
        const queue = label ? ctx.index.queuesByLabel.get(label) : undefined;
        if (queue) return queue;
    }
    return undefined;
}

/** RT results when no queue can be named: no channel in scope, or the channels name none. */
function noQueueUses(ctx: CheckContext): CheckResult[] {
    const subject = ctx.plan.channel ?? 'org';
    if (ctx.index.channelsInScope.length === 0) {
        return RT_IDS.map((id) =>
            notEvaluated(
                id,
                subject,
                'Not evaluated: there is no Messaging for In-App and Web channel in scope, so no messaging queue to check (see CH-01).',
                'Create the channel (Setup > Messaging Settings > New Channel) or correct "channel" in the setup plan, then run the check again.'
            )
        );
    }
    const channels = listNames(ctx.index.channelsInScope.map((c) => c.developerName));
    return RT_IDS.map((id) =>
        notEvaluated(
            id,
            subject,
            `Not evaluated: channel(s) ${channels} name no routing or fallback queue, and their flows route to no queue named in the flow (a queue computed at run time cannot be identified statically).`,
            'Set a fallback queue on the channel (Setup > Messaging Settings > the channel > Edit > Fallback Queue, see CH-04); then run the check again.'
        )
    );
}

/** RT results for a reference that resolves to no queue in the snapshot. */
function unresolvedQueue(ctx: CheckContext, ref: string, uses: readonly QueueUse[]): CheckResult[] {
    const location = referenceLocation(ctx, uses[0]);
    const usedBy = describeUses(uses);
    if (isQueueId(ref) && !queueIdsKnown(ctx)) {
        const likely = queueByRouteWorkLabel(ctx, uses);
        const hint = likely ? ` Its label matches queue "${likely.developerName}".` : '';
        const reason = `Not evaluated: queue record Id "${ref}" (${usedBy}) cannot be matched to a queue here: source metadata carries no record Ids (CH-07 says whether the Id survives deployment).${hint}`;
        const how =
            'Run the Readiness Report in the org, where Ids resolve. In a Route Work before version 2.0, upgrade the action to 2.0 or look the queue up by developer name (Get Records on Group).';
        const dependent = RT_IDS.slice(1).map((id) =>
            notEvaluated(
                id,
                ref,
                `Not evaluated: queue record Id "${ref}" cannot be matched to a queue in source metadata (see RT-01).`,
                how,
                { location }
            )
        );
        return [notEvaluated('RT-01', ref, reason, how, { location }), ...dependent];
    }
    const where = ctx.snapshot.origin.kind === 'org' ? 'in the org' : 'in the scanned source';
    const what = isQueueId(ref)
        ? `No queue with Id "${ref}" exists ${where}`
        : `Queue "${ref}" does not exist ${where}`;
    const missing = fail(
        'RT-01',
        ref,
        `${what} (${usedBy}): sessions sent there are lost or stay unrouted.`,
        'Create the queue (Setup > Queues > New) with Messaging Session under Supported Objects, or point the channel or Route Work at an existing messaging queue.',
        { location }
    );
    const dependent = RT_IDS.slice(1).map((id) =>
        notEvaluated(
            id,
            ref,
            `Not evaluated: queue "${ref}" does not exist (see RT-01).`,
            'Fix RT-01 first, then run the check again.',
            {
                location
            }
        )
    );
    return [missing, ...dependent];
}

/**
 * The queue's routing configuration, or the not_evaluated result saying why it is not available
 * (configurations not read, none set, or the named one missing — RT-02 reports the latter two).
 */
function routingConfigOf(ctx: CheckContext, checkId: string, queue: Queue): RoutingConfig | CheckResult {
    const name = queue.developerName;
    const unread = unreadSections(ctx, [checkId], ['routingConfigs'], name);
    if (unread) return unread[0];
    const options = { location: queue.source };
    if (!queue.queueRoutingConfig) {
        return notEvaluated(
            checkId,
            name,
            `Not evaluated: queue "${name}" has no routing configuration (see RT-02).`,
            'Fix RT-02 first, then run the check again.',
            options
        );
    }
    const config = ctx.index.routingConfigsByName.get(queue.queueRoutingConfig);
    if (config) return config;
    return notEvaluated(
        checkId,
        name,
        `Not evaluated: routing configuration "${queue.queueRoutingConfig}" of queue "${name}" does not exist (see RT-02).`,
        'Fix RT-02 first, then run the check again.',
        options
    );
}

function isConfig(value: RoutingConfig | CheckResult): value is RoutingConfig {
    return !('checkId' in value);
}

// ---------------------------------------------------------------------------------------------------------
// RT-01 … RT-05
// ---------------------------------------------------------------------------------------------------------

// RT-01
/** The queue exists (resolved by the caller) and lists Messaging Session as a supported object. */
export function checkQueueSupportsMessaging(ctx: CheckContext, queue: Queue, uses: readonly QueueUse[]): CheckResult {
    const name = queue.developerName;
    const options = { location: queue.source, setupPath: queueSetupPath(queue.id) };
    const usedBy = describeUses(uses);
    if (queue.sobjectTypes.includes(MESSAGING_SESSION_OBJECT)) {
        return pass('RT-01', name, `Queue "${name}" (${usedBy}) exists and supports Messaging Session.`, options);
    }
    const lists = queue.sobjectTypes.length
        ? `it lists ${listNames(queue.sobjectTypes)}`
        : 'it lists no supported object';
    const where = ctx.snapshot.origin.kind === 'org' ? '' : ' in the source';
    return fail(
        'RT-01',
        name,
        `Queue "${name}" (${usedBy}) does not list Messaging Session as a supported object${where} (${lists}): messaging sessions cannot be placed in it.`,
        `Setup > Queues > ${queue.name ?? name} > Edit > Supported Objects: add Messaging Session > Save.`,
        options
    );
}

// RT-02
/**
 * The queue has a routing configuration that exists. Without one Omni-Channel never pushes its sessions to
 * agents (the Spring '23 admin guide). When the configurations were not read, the name alone passes, and the message says so;
 * when they are `not_present` (Omni-Channel off) no queue can have one and PRE-01 carries the finding.
 */
export function checkQueueRoutingConfig(ctx: CheckContext, queue: Queue, uses: readonly QueueUse[]): CheckResult {
    const name = queue.developerName;
    const usedBy = describeUses(uses);
    const section = ctx.snapshot.routingConfigs;
    const omniOff = section.state === 'not_present' ? unreadSections(ctx, ['RT-02'], ['routingConfigs'], name) : null;
    if (omniOff) return omniOff[0];
    const location = queue.source;
    const configName = queue.queueRoutingConfig;
    const fallback = fallbackOnlyOptions(uses);
    if (!configName) {
        return fail(
            'RT-02',
            name,
            `Queue "${name}" (${usedBy}) has no routing configuration: Omni-Channel never offers its messaging sessions to agents, so they wait indefinitely.${fallback.note}`,
            `Create one (Setup > Routing Configurations > New: routing model, push timeout, units of capacity), then Setup > Queues > ${queue.name ?? name} > Edit > Routing Configuration: select it > Save.`,
            { location, setupPath: queueSetupPath(queue.id), severity: fallback.severity }
        );
    }
    if (!isRead(ctx, 'routingConfigs')) {
        return pass(
            'RT-02',
            name,
            `Queue "${name}" (${usedBy}) names routing configuration "${configName}". The routing configurations were not read (${section.reason ?? section.state}), so only the name was checked, not that it exists.`,
            { location }
        );
    }
    if (ctx.index.routingConfigsByName.has(configName)) {
        return pass('RT-02', name, `Queue "${name}" (${usedBy}) uses routing configuration "${configName}".`, {
            location
        });
    }
    return fail(
        'RT-02',
        name,
        `Queue "${name}" (${usedBy}) names routing configuration "${configName}", which does not exist${ctx.snapshot.origin.kind === 'org' ? '' : ' in the scanned source'}.${fallback.note}`,
        `Create routing configuration "${configName}" (Setup > Routing Configurations > New) or select an existing one on the queue (Setup > Queues > ${queue.name ?? name} > Edit > Routing Configuration).`,
        { location, setupPath: SETUP_PATHS.routingConfigurations, severity: fallback.severity }
    );
}

function memberSummary(queue: Queue): string[] {
    const m = queue.members;
    const parts: string[] = [];
    if (m.users.length) parts.push(`${m.users.length} user(s)`);
    if (m.publicGroups.length) parts.push(`public group(s) ${listNames(m.publicGroups, 3)}`);
    if (m.roles.length) parts.push(`role(s) ${listNames(m.roles, 3)}`);
    if (m.roleAndSubordinates.length) parts.push(`role(s) and subordinates ${listNames(m.roleAndSubordinates, 3)}`);
    return parts;
}

// RT-03
/**
 * The queue has members (users, public groups, roles) or, in org snapshots, a member count above zero.
 * Groups and roles are not expanded here; AG-03 joins members with presence access and capacity.
 * A source folder without `queueMembers` says nothing: in SFDX projects membership is usually org data
 * (added in Setup or by a script), so it is not evaluated there rather than failed.
 */
export function checkQueueMembers(ctx: CheckContext, queue: Queue, uses: readonly QueueUse[]): CheckResult {
    const name = queue.developerName;
    const options = { location: queue.source, setupPath: queueSetupPath(queue.id) };
    const usedBy = describeUses(uses);
    const parts = memberSummary(queue);
    if (parts.length > 0) {
        return pass('RT-03', name, `Queue "${name}" (${usedBy}) has members: ${parts.join(', ')}.`, options);
    }
    if (queue.memberCount !== undefined && queue.memberCount > 0) {
        return pass('RT-03', name, `Queue "${name}" (${usedBy}) has ${queue.memberCount} member(s).`, options);
    }
    const addMembers = `Setup > Queues > ${queue.name ?? name} > Edit > Queue Members: add the agents who work messaging (users, or a public group or role they belong to) > Save.`;
    if (queue.memberCount === undefined && ctx.snapshot.origin.kind !== 'org') {
        return notEvaluated(
            'RT-03',
            name,
            `Not evaluated: queue "${name}" (${usedBy}) lists no members (queueMembers) in the scanned source. Queue membership is often set in the org rather than kept in source, so its absence here says nothing about the org.`,
            `Retrieve the queue with its members (sf project retrieve start -m Queue:${name}) and scan again, or run the Readiness Report in the org; if the queue really has no members: ${addMembers}`,
            options
        );
    }
    const fallback = fallbackOnlyOptions(uses);
    return fail(
        'RT-03',
        name,
        `Queue "${name}" (${usedBy}) has no members: no agent can receive its messaging sessions.${fallback.note}`,
        addMembers,
        { ...options, severity: fallback.severity }
    );
}

/** Capacity a work item competes for: the interruptible capacity when the routing config is interruptible. */
function capacityFor(config: PresenceConfig, interruptible: boolean): number | undefined {
    return interruptible ? (config.interruptibleCapacity ?? config.capacity) : config.capacity;
}

// RT-04
/**
 * A work item fits an agent: a capacity percentage is at most 100; a capacity weight is at most the largest
 * capacity of the presence configurations assigned to the queue's member users (all configurations when
 * none is assigned to a member by user). Otherwise no agent is ever offered the session.
 */
export function checkCapacityFit(ctx: CheckContext, queue: Queue, uses: readonly QueueUse[]): CheckResult {
    const name = queue.developerName;
    const found = routingConfigOf(ctx, 'RT-04', queue);
    if (!isConfig(found)) return found;
    const config = found;
    const location = config.source ?? queue.source;
    const usedBy = describeUses(uses);
    const head = `Routing configuration "${config.developerName}" of queue "${name}" (${usedBy})`;
    const editConfig = `Setup > Routing Configurations > ${config.label ?? config.developerName} > Edit`;
    if (config.capacityPercentage !== undefined) {
        const pct = config.capacityPercentage;
        if (pct > 0 && pct <= 100) {
            return pass('RT-04', name, `${head} takes ${pct}% of an agent's capacity per session, which fits.`, {
                location
            });
        }
        return fail(
            'RT-04',
            name,
            `${head} takes ${pct}% of an agent's capacity per session: it must be above 0 and at most 100, or no agent is ever offered the session.`,
            `${editConfig}: set Percentage of Capacity between 1 and 100.`,
            { location }
        );
    }
    const unread = unreadSections(ctx, ['RT-04'], ['presenceConfigs'], name);
    if (unread) return unread[0];
    const weight = config.capacityWeight;
    if (weight === undefined) {
        return notEvaluated(
            'RT-04',
            name,
            `Not evaluated: ${head} sets neither Units of Capacity (capacityWeight) nor Percentage of Capacity.`,
            `${editConfig}: set Units of Capacity (e.g. 1), or retrieve the full routing configuration and run the check again.`,
            { location }
        );
    }
    const interruptible = (config.capacityType ?? '').toLowerCase() === 'interruptible';
    const kind = interruptible ? 'interruptible capacity' : 'capacity';
    const all = ctx.snapshot.presenceConfigs.items;
    if (all.length === 0) {
        return fail(
            'RT-04',
            name,
            `${head} gives each session a weight of ${weight}, but no presence configuration exists, so no agent has capacity for it (see CP-05).`,
            'Setup > Presence Configurations > New: set Capacity (at least the routing weight) and assign it to the messaging agents.',
            { location, setupPath: SETUP_PATHS.presenceConfigurations }
        );
    }
    const members = new Set(queue.members.users);
    const assigned = all.filter((pc) => pc.assignedUsers.some((u) => members.has(u)));
    const scope = assigned.length > 0 ? assigned : all;
    const scopeText =
        assigned.length > 0
            ? "assigned to the queue's members"
            : 'in the org (none is assigned to a queue member by user)';
    const sized = scope.filter((pc) => capacityFor(pc, interruptible) !== undefined);
    if (sized.length === 0) {
        return notEvaluated(
            'RT-04',
            name,
            `Not evaluated: the presence configurations ${scopeText} (${listNames(scope.map((pc) => pc.developerName))}) have no ${kind} in the snapshot.`,
            'Retrieve the presence configurations (PresenceUserConfig) with their capacity and run the check again.',
            { location }
        );
    }
    const capacityOf = (pc: PresenceConfig): number => capacityFor(pc, interruptible) ?? 0;
    const largest = sized.reduce((best, pc) => {
        return capacityOf(pc) > capacityOf(best) ? pc : best;
    });
    const max = capacityOf(largest);
    if (weight > max) {
        return fail(
            'RT-04',
            name,
            `${head} gives each session a weight of ${weight}, but the largest ${kind} of the presence configurations ${scopeText} is ${max} ("${largest.developerName}"): no agent is ever offered these sessions.`,
            `Lower Units of Capacity (${editConfig}) to ${max} or less, or raise the ${kind} of the agents' presence configuration (Setup > Presence Configurations > ${largest.label ?? largest.developerName}).`,
            { location }
        );
    }
    const fits = sized.filter((pc) => capacityOf(pc) >= weight).length;
    return pass(
        'RT-04',
        name,
        `${head} gives each session a weight of ${weight}; it fits the ${kind} of ${fits} of ${sized.length} presence configuration(s) ${scopeText} (largest ${max}, "${largest.developerName}").`,
        { location }
    );
}

// RT-05
/**
 * Informational: the routing model and push timeout are set deliberately. Without a push timeout a session
 * offered to an agent who does not respond stays with that agent instead of moving on to the next one.
 */
export function checkRoutingSettings(ctx: CheckContext, queue: Queue, uses: readonly QueueUse[]): CheckResult {
    const name = queue.developerName;
    const found = routingConfigOf(ctx, 'RT-05', queue);
    if (!isConfig(found)) return found;
    const config = found;
    const location = config.source ?? queue.source;
    const head = `Routing configuration "${config.developerName}" of queue "${name}" (${describeUses(uses)})`;
    const problems: string[] = [];
    if (!config.routingModel) problems.push('sets no routing model');
    if (!config.pushTimeout) {
        problems.push(
            `has no push timeout (${config.pushTimeout === 0 ? '0' : 'not set'}): a session offered to an agent who does not respond stays with that agent instead of moving to the next`
        );
    }
    if (problems.length > 0) {
        return fail(
            'RT-05',
            name,
            `${head} ${problems.join(' and ')}.`,
            `Setup > Routing Configurations > ${config.label ?? config.developerName} > Edit: choose the Routing Model (Least Active or Most Available) and set Push Time-Out (for example 30–60 seconds).`,
            { location }
        );
    }
    return pass(
        'RT-05',
        name,
        `${head} uses routing model ${config.routingModel} with a push timeout of ${config.pushTimeout} seconds.`,
        {
            location
        }
    );
}
