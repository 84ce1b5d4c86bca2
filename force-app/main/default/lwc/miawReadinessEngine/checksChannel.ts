/*
 * CH — the Messaging for In-App and Web channel (CHECKS.md): it exists, is active, routes somewhere, has a
 * fallback queue, and its Omni-Channel flow is active, receives `recordId` and routes to something real.
 *
 * Subjects: CH-01 is org-wide (or the plan's channel); CH-02/03/04/08/09 are per channel in scope; CH-05/06/07
 * are per routing flow (a flow shared by several channels is reported once, naming every channel).
 * Channels of other types (SMS, WhatsApp, voice…) are out of scope: `index.channelsInScope` holds MIAW only.
 */
import { fail, isRead, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { Flow, FlowRouteWork, FlowVariable, MessagingChannel, Queue } from './snapshot';
import type { RoutingStrategy } from './setupPlan';
import {
    MESSAGING_SERVICE_CHANNEL,
    MESSAGING_SESSION_OBJECT,
    isQueueId,
    queueLabelKey,
    resolveQueue
} from './snapshotIndex';

const CHANNEL_IDS = ['CH-01', 'CH-02', 'CH-03', 'CH-04', 'CH-05', 'CH-06', 'CH-07', 'CH-08', 'CH-09'] as const;
const PER_CHANNEL_IDS = ['CH-02', 'CH-03', 'CH-04', 'CH-05', 'CH-06', 'CH-07', 'CH-08', 'CH-09'] as const;
const MESSAGING_SETTINGS = 'Setup > Messaging Settings';

export function runChannelChecks(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, CHANNEL_IDS, ['messagingChannels'], ctx.plan.channel ?? 'org');
    if (unread) return unread;
    const results: CheckResult[] = [checkMiawChannelExists(ctx)];
    const channels = ctx.index.channelsInScope;
    if (channels.length === 0) return results.concat(noChannelInScope(ctx));
    // The plan's routing choice is about its channel (the index scopes to plan.channel) or the only MIAW channel;
    // with several in scope and none named, it cannot be attributed.
    const plannedRouting = channels.length === 1 ? ctx.plan.routing : undefined;
    for (const channel of channels) {
        results.push(
            checkChannelActive(channel),
            checkRoutingTarget(channel, plannedRouting),
            checkFallbackQueue(channel)
        );
    }
    const flows = routingFlows(channels);
    if (flows.size === 0) results.push(...noRoutingFlow(channels));
    for (const [flowName, users] of flows) {
        results.push(
            checkRoutingFlow(ctx, flowName, users),
            checkRecordIdVariable(ctx, flowName, users),
            checkRouteWork(ctx, flowName, users)
        );
    }
    for (const channel of channels) {
        results.push(checkPreChatNeedsFlow(ctx, channel), checkEstimatedWaitTime(ctx, channel));
    }
    // Report order: by check, then by channel/flow in scope order (sort is stable).
    // IDs are ASCII: a plain comparison orders them as localeCompare does, at a fraction of its cost.
    return results.sort((a, b) => (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------------

function channelName(channel: MessagingChannel): string {
    return channel.developerName;
}

/** `Setup > Messaging Settings > Web_Chat`: where an admin edits the channel. */
function channelPath(channel: MessagingChannel): string {
    return `${MESSAGING_SETTINGS} > ${channel.developerName}`;
}

/**
 * The Omni-Channel flow that routes the channel's sessions, when it is flow-routed. Queue- and User-routed
 * channels can keep a stale sessionHandlerFlow in metadata; it does not run, so it is ignored.
 */
export function routingFlowOf(channel: MessagingChannel): string | undefined {
    const type = channel.sessionHandlerType;
    if (type === 'Queue' || type === 'User') return undefined;
    return channel.sessionHandlerFlow || undefined;
}

/** Routing flows of the channels in scope, each with the channels that use it (first-seen order). */
function routingFlows(channels: readonly MessagingChannel[]): Map<string, MessagingChannel[]> {
    const flows = new Map<string, MessagingChannel[]>();
    for (const channel of channels) {
        const flow = routingFlowOf(channel);
        if (!flow) continue;
        const users = flows.get(flow);
        if (users) users.push(channel);
        else flows.set(flow, [channel]);
    }
    return flows;
}

/** "channel "A"" / "channels "A" and "B"" for messages about a flow. */
function channelList(channels: readonly MessagingChannel[]): string {
    return `${channels.length === 1 ? 'channel' : 'channels'} ${listNames(channels.map(channelName))}`;
}

/** The per-channel checks cannot run: no MIAW channel (or not the one the plan names). CH-01 says why. */
function noChannelInScope(ctx: CheckContext): CheckResult[] {
    const subject = ctx.plan.channel ?? 'org';
    const reason = ctx.plan.channel
        ? `Not evaluated: the setup plan's channel "${ctx.plan.channel}" is not a Messaging for In-App and Web channel in this snapshot (see CH-01).`
        : 'Not evaluated: there is no Messaging for In-App and Web channel to check (see CH-01).';
    const how = `Create the channel (${MESSAGING_SETTINGS} > New Channel > Messaging for In-App and Web) or correct "channel" in the setup plan, then run the check again.`;
    return PER_CHANNEL_IDS.map((id) => notEvaluated(id, subject, reason, how));
}

/**
 * CH-05/CH-06/CH-07 are about the routing flow. When every channel in scope routes straight to a queue (or
 * a bot) there is no flow to check: that is a vacuous pass that says so, not "not evaluated" — an unknown
 * would make a complete org's verdict incomplete.
 */
function noRoutingFlow(channels: readonly MessagingChannel[]): CheckResult[] {
    const names = listNames(channels.map((c) => c.developerName));
    const message = `Nothing to check: channel(s) ${names} route without an Omni-Channel flow, so there is no routing flow to check.`;
    return (['CH-05', 'CH-06', 'CH-07'] as const).map((id) => pass(id, 'routing flow', message));
}

/** Whether queue record Ids can be matched here: org snapshots carry them; metadata folders do not. */
function queueIdsKnown(ctx: CheckContext): boolean {
    return ctx.snapshot.origin.kind === 'org' || ctx.snapshot.queues.items.some((q) => q.id !== undefined);
}

/** A queue whose label equals the Route Work's queueLabel: a hint for replacing a hard-coded Id. */
function queueByLabel(ctx: CheckContext, label: string | undefined): Queue | undefined {
    if (!label) return undefined;
    const wanted = queueLabelKey(label);
    return wanted ? ctx.index.queuesByLabel.get(wanted) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// CH-01 … CH-04: the channel itself
// ---------------------------------------------------------------------------------------------------------

// CH-01
/** A MIAW channel exists; when the plan names one, that one must exist and be of type EmbeddedMessaging. */
export function checkMiawChannelExists(ctx: CheckContext): CheckResult {
    const { miawChannels, channelsByName } = ctx.index;
    const miawNames = miawChannels.map(channelName);
    const existing = miawNames.length
        ? `The Messaging for In-App and Web channels that exist: ${listNames(miawNames)}.`
        : 'No Messaging for In-App and Web channel exists.';
    const createIt = `Create it: ${MESSAGING_SETTINGS} > New Channel > select "Messaging for In-App and Web" > name it and save.`;
    const planned = ctx.plan.channel;
    if (planned) {
        const channel = channelsByName.get(planned);
        if (channel && miawChannels.includes(channel)) {
            return pass('CH-01', planned, `Channel "${planned}" is a Messaging for In-App and Web channel.`, {
                location: channel.source
            });
        }
        const found = channel
            ? `Channel "${planned}" exists but is of type "${channel.messagingChannelType ?? 'unknown'}", not Messaging for In-App and Web (EmbeddedMessaging).`
            : `The setup plan names channel "${planned}", but no channel with that developer name was found.`;
        return fail(
            'CH-01',
            planned,
            `${found} ${existing}`,
            `Set "channel" in the setup plan to one of the existing Messaging for In-App and Web channels, or ${createIt.charAt(0).toLowerCase()}${createIt.slice(1)}`,
            { location: channel?.source }
        );
    }
    if (miawChannels.length > 0) {
        return pass(
            'CH-01',
            'org',
            `${miawChannels.length} Messaging for In-App and Web channel(s): ${listNames(miawNames)}.`
        );
    }
    const others = ctx.snapshot.messagingChannels.items;
    const otherText = others.length
        ? ` The channels found are of other types (${listNames(others.map((c) => `${c.developerName}: ${c.messagingChannelType ?? 'unknown type'}`))}) and do not serve web chat.`
        : '';
    return fail(
        'CH-01',
        'org',
        `No channel of type Messaging for In-App and Web (EmbeddedMessaging) was found.${otherText}`,
        createIt
    );
}

// CH-02
/**
 * The channel is active. Metadata has no active flag (the org does: MessagingChannel.IsActive), so a
 * metadata snapshot leaves this not_evaluated rather than guessing.
 */
export function checkChannelActive(channel: MessagingChannel): CheckResult {
    const name = channelName(channel);
    const location = channel.source;
    if (channel.isActive === true) {
        return pass('CH-02', name, `Channel "${name}" is active.`, { location });
    }
    if (channel.isActive === false) {
        return fail(
            'CH-02',
            name,
            `Channel "${name}" is inactive: the chat widget cannot start conversations on it.`,
            `${channelPath(channel)} > Activate (the channel's Status must show Active).`,
            { location }
        );
    }
    return notEvaluated(
        'CH-02',
        name,
        `Not evaluated: channel "${name}" — metadata has no active flag; the org shows it (MessagingChannel.IsActive).`,
        `Check ${MESSAGING_SETTINGS}: the Status of "${name}" must be Active; or run the Readiness Report in the org, which reads MessagingChannel.IsActive.`,
        { location }
    );
}

/** What the channel routes to, by handler type; undefined when the type's target is missing. */
function routingTargetOf(channel: MessagingChannel): string | undefined {
    switch (channel.sessionHandlerType) {
        case 'Queue':
            return channel.sessionHandlerQueue ? `queue "${channel.sessionHandlerQueue}"` : undefined;
        case 'Flow':
            return channel.sessionHandlerFlow ? `Omni-Channel flow "${channel.sessionHandlerFlow}"` : undefined;
        case 'User':
            return channel.sessionHandlerUser ? `user "${channel.sessionHandlerUser}"` : undefined;
        case 'AgentforceServiceAgent':
            if (channel.sessionHandlerAgent) return `Agentforce Service Agent "${channel.sessionHandlerAgent}"`;
            return channel.sessionHandlerFlow
                ? `Agentforce Service Agent through flow "${channel.sessionHandlerFlow}"`
                : undefined;
        default:
            return undefined;
    }
}

/** The handler field an admin must fill for the channel's routing type. */
function missingTargetText(channel: MessagingChannel): string {
    switch (channel.sessionHandlerType) {
        case 'Queue':
            return 'routes with a queue but names no queue';
        case 'Flow':
            return 'routes with an Omni-Channel flow but names no flow';
        case 'User':
            return 'routes to a user but names no user';
        case 'AgentforceServiceAgent':
            return 'routes to an Agentforce Service Agent but names no agent';
        case undefined:
            return 'has no routing type';
        default:
            return `has routing type "${channel.sessionHandlerType}", which this check does not recognise as a routing target`;
    }
}

// CH-03
/** The strategy a channel actually uses, in the plan's terms; undefined for users and bots (no plan choice). */
function actualRouting(channel: MessagingChannel): RoutingStrategy | undefined {
    if (channel.sessionHandlerType === 'Flow') return 'flow';
    if (channel.sessionHandlerType === 'Queue') return 'queue';
    return undefined;
}

const ROUTING_WORDS: Readonly<Record<RoutingStrategy, string>> = {
    flow: 'an Omni-Channel flow',
    queue: 'a queue'
};

/**
 * The channel has a routing target that matches its routing type (sessionHandlerType + handler field), and,
 * when the setup plan chose a routing strategy for it, the channel uses that strategy.
 */
export function checkRoutingTarget(channel: MessagingChannel, plannedRouting?: RoutingStrategy): CheckResult {
    const name = channelName(channel);
    const target = routingTargetOf(channel);
    const actual = actualRouting(channel);
    if (target && plannedRouting && actual && actual !== plannedRouting) {
        return fail(
            'CH-03',
            name,
            `Channel "${name}" routes new sessions to ${target}, but the setup plan chose ${ROUTING_WORDS[plannedRouting]}.`,
            plannedRouting === 'flow'
                ? `${channelPath(channel)} > Edit > Routing Type: Omni-Flow, then select the routing flow and a Fallback Queue — or, if a queue is what you want, set the plan's routing strategy to "queue" (Guided Setup, Messaging channel step).`
                : `${channelPath(channel)} > Edit > Routing Type: Omni-Queue and select the queue — or, if the flow is what you want, set the plan's routing strategy to "flow" (Guided Setup, Messaging channel step).`,
            { location: channel.source }
        );
    }
    if (target) {
        const planned = plannedRouting && actual ? ', as the setup plan chose' : '';
        return pass('CH-03', name, `Channel "${name}" routes new sessions to ${target}${planned}.`, {
            location: channel.source
        });
    }
    return fail(
        'CH-03',
        name,
        `Channel "${name}" ${missingTargetText(channel)}: new conversations have nowhere to go.`,
        `${channelPath(channel)} > Edit > Routing Type: choose Omni-Flow (recommended; needed for pre-chat and bots) and select the Flow Definition and a Fallback Queue — or choose Omni-Queue and select the queue.`,
        { location: channel.source }
    );
}

// CH-04
/**
 * A fallback queue is set. For flow- and Agentforce-routed channels sessionHandlerQueue IS the fallback
 * queue (sessions the flow cannot route land there). For queue-routed channels that queue is the target
 * itself, so every session already lands in a queue.
 */
export function checkFallbackQueue(channel: MessagingChannel): CheckResult {
    const name = channelName(channel);
    const queue = channel.sessionHandlerQueue;
    const location = channel.source;
    if (channel.sessionHandlerType === 'Queue') {
        if (queue) {
            return pass(
                'CH-04',
                name,
                `Channel "${name}" routes straight to queue "${queue}", so every session lands in a queue; no separate fallback queue is needed.`,
                { location }
            );
        }
        return fail(
            'CH-04',
            name,
            `Channel "${name}" routes with a queue but names no queue: sessions have no queue to land in.`,
            `${channelPath(channel)} > Edit > Queue: select a queue that supports Messaging Session.`,
            { location }
        );
    }
    const via = routingTargetOf(channel) ?? 'its routing target';
    if (queue) {
        return pass('CH-04', name, `Channel "${name}" has fallback queue "${queue}" for sessions when ${via} fails.`, {
            location
        });
    }
    return fail(
        'CH-04',
        name,
        `Channel "${name}" routes with ${via} but has no fallback queue: when the routing flow fails, Salesforce sends the session to the fallback queue, so without one those sessions are not routed.`,
        `${channelPath(channel)} > Edit > Fallback Queue: select a queue that supports Messaging Session and has agents.`,
        { location }
    );
}

// ---------------------------------------------------------------------------------------------------------
// CH-05 … CH-07: the routing flow
// ---------------------------------------------------------------------------------------------------------

/** The flow, or the not_evaluated result saying why it cannot be looked at (flows unread or flow missing). */
function flowOrReason(
    ctx: CheckContext,
    checkId: string,
    flowName: string,
    channels: readonly MessagingChannel[]
): Flow | CheckResult {
    const unread = unreadSections(ctx, [checkId], ['flows'], flowName);
    if (unread) return unread[0];
    const flow = ctx.index.flowsByName.get(flowName);
    if (flow) return flow;
    return notEvaluated(
        checkId,
        flowName,
        `Not evaluated: flow "${flowName}" (routing flow of ${channelList(channels)}) was not found (see CH-05).`,
        `Deploy or create the flow, or select an existing Omni-Channel flow on the channel, then run the check again.`,
        { location: channels[0].source }
    );
}

function isFlow(value: Flow | CheckResult): value is Flow {
    return 'apiName' in value;
}

// CH-05
/** The routing flow exists, is Active and is an Omni-Channel flow (processType RoutingFlow). */
export function checkRoutingFlow(
    ctx: CheckContext,
    flowName: string,
    channels: readonly MessagingChannel[]
): CheckResult {
    const unread = unreadSections(ctx, ['CH-05'], ['flows'], flowName);
    if (unread) return unread[0];
    const used = `routing flow of ${channelList(channels)}`;
    const flow = ctx.index.flowsByName.get(flowName);
    if (!flow) {
        const where = ctx.snapshot.origin.kind === 'org' ? 'in the org' : 'in the scanned source';
        return fail(
            'CH-05',
            flowName,
            `Flow "${flowName}" (${used}) was not found ${where}: the channel cannot route any session.`,
            `Create it (Setup > Flows > New Flow > Omni-Channel Flow) or deploy it with the channel; or pick an existing Omni-Channel flow: ${channelPath(channels[0])} > Edit > Flow Definition.`,
            { location: channels[0].source }
        );
    }
    const location = flow.source;
    const problems: string[] = [];
    const unknowns: string[] = [];
    if (flow.processType === undefined) unknowns.push('its flow type (processType) is not in the snapshot');
    else if (flow.processType !== 'RoutingFlow') {
        problems.push(`it is a "${flow.processType}" flow, not an Omni-Channel flow (RoutingFlow)`);
    }
    if (flow.status === undefined) unknowns.push('its status (active or not) is not in the snapshot');
    else if (flow.status !== 'Active') problems.push(`it is not active (status ${flow.status})`);
    if (problems.length > 0) {
        return fail(
            'CH-05',
            flowName,
            `Flow "${flowName}" (${used}): ${problems.join(' and ')}. Sessions are not routed by it.`,
            `Open "${flowName}" in Setup > Flows. ${flow.processType !== 'RoutingFlow' ? 'A channel can only run an Omni-Channel flow: create one (New Flow > Omni-Channel Flow) and select it on the channel. ' : ''}${flow.status !== 'Active' ? 'Activate the version that should run (Activate button in Flow Builder). ' : ''}`.trim(),
            { location }
        );
    }
    if (unknowns.length > 0) {
        return notEvaluated(
            'CH-05',
            flowName,
            `Not evaluated: flow "${flowName}" (${used}) exists, but ${unknowns.join(' and ')}.`,
            `Check in Setup > Flows that "${flowName}" is an Omni-Channel flow with an active version, or retrieve the full flow metadata and run the check again.`,
            { location }
        );
    }
    return pass('CH-05', flowName, `Flow "${flowName}" (${used}) exists, is active and is an Omni-Channel flow.`, {
        location
    });
}

function isTextType(dataType: string | undefined): boolean {
    return dataType !== undefined && ['string', 'text'].includes(dataType.toLowerCase());
}

// CH-06
/**
 * The flow declares `recordId` (exact case), Text, available for input: the channel passes the session Id
 * only to a variable with exactly that name (the Spring '23 admin guide). A case variant is called out by name.
 */
export function checkRecordIdVariable(
    ctx: CheckContext,
    flowName: string,
    channels: readonly MessagingChannel[]
): CheckResult {
    const found = flowOrReason(ctx, 'CH-06', flowName, channels);
    if (!isFlow(found)) return found;
    const flow = found;
    const location = flow.source;
    const fixIt = `Open "${flowName}" in Flow Builder > Manager > the variable: API Name recordId (exactly that case), Data Type Text, "Available for input" ticked; save and activate the new version.`;
    const exact = flow.variables.find((v) => v.name === 'recordId');
    if (!exact) {
        const variant = flow.variables.find((v) => v.name.toLowerCase() === 'recordid');
        const message = variant
            ? `Flow "${flowName}" declares "${variant.name}" but not "recordId": the API name is case-sensitive, so the channel's session Id never reaches the flow and Route Work gets no record.`
            : `Flow "${flowName}" declares no "recordId" variable: the channel passes the messaging session Id only to a Text input variable named exactly recordId.`;
        return fail('CH-06', flowName, message, fixIt, { location });
    }
    const problems = recordIdProblems(exact);
    if (problems.length > 0) {
        return fail(
            'CH-06',
            flowName,
            `Flow "${flowName}" declares "recordId", but ${problems.join(' and ')}: the channel cannot pass the session Id into it.`,
            fixIt,
            { location }
        );
    }
    if (exact.dataType === undefined) {
        return notEvaluated(
            'CH-06',
            flowName,
            `Not evaluated: flow "${flowName}" declares "recordId" as an input, but its data type is not in the snapshot.`,
            `Check in Flow Builder that recordId is of type Text, or retrieve the full flow metadata and run the check again.`,
            { location }
        );
    }
    return pass('CH-06', flowName, `Flow "${flowName}" declares "recordId" as a Text input variable.`, { location });
}

function recordIdProblems(variable: FlowVariable): string[] {
    const problems: string[] = [];
    if (variable.dataType !== undefined && !isTextType(variable.dataType)) {
        problems.push(`it is of type ${variable.dataType}, not Text`);
    }
    if (!variable.isInput) problems.push('it is not available for input');
    if (variable.isCollection) problems.push('it is a collection');
    return problems;
}

/** One Route Work element's findings: problems fail the check, unknowns make it not_evaluated. */
interface RouteWorkFindings {
    problems: string[];
    unknowns: string[];
    notes: string[];
    /** Remediation sentences, de-duplicated across elements. */
    fixes: Set<string>;
}

function literal(routeWork: FlowRouteWork, input: string): string | undefined {
    return routeWork.inputs[input]?.stringValue?.trim() || undefined;
}

function reference(routeWork: FlowRouteWork, input: string): string | undefined {
    return routeWork.inputs[input]?.elementReference?.trim() || undefined;
}

/** The Route Work uses the messaging service channel (sfdc_livemessage, or its "Messaging" label). */
function checkServiceChannel(ctx: CheckContext, routeWork: FlowRouteWork, into: RouteWorkFindings): void {
    const element = `Route Work "${routeWork.name}"`;
    const devName = literal(routeWork, 'serviceChannelDevName');
    if (devName) {
        const channel = ctx.index.serviceChannelsByName.get(devName);
        if (devName === MESSAGING_SERVICE_CHANNEL || channel?.relatedEntityType === MESSAGING_SESSION_OBJECT) return;
        into.problems.push(
            `${element} uses service channel "${devName}", not Messaging (${MESSAGING_SERVICE_CHANNEL})`
        );
        into.fixes.add(`In each Route Work element, set Service Channel to Messaging (${MESSAGING_SERVICE_CHANNEL}).`);
        return;
    }
    const label = literal(routeWork, 'serviceChannelLabel');
    if (label?.toLowerCase() === 'messaging') return;
    if (label) {
        into.problems.push(`${element} uses service channel "${label}", not Messaging`);
        into.fixes.add(`In each Route Work element, set Service Channel to Messaging (${MESSAGING_SERVICE_CHANNEL}).`);
        return;
    }
    if (reference(routeWork, 'serviceChannelDevName') || reference(routeWork, 'serviceChannelId')) {
        into.unknowns.push(`${element} takes its service channel from a variable`);
    } else if (literal(routeWork, 'serviceChannelId')) {
        into.unknowns.push(`${element} names its service channel only by record Id`);
    } else {
        into.problems.push(`${element} names no service channel`);
        into.fixes.add(`In each Route Work element, set Service Channel to Messaging (${MESSAGING_SERVICE_CHANNEL}).`);
    }
}

/** Route Work 2.0 or later (`versionString` "2.0.0"); flows without a version use version 1. */
function isRouteWorkV2(routeWork: FlowRouteWork): boolean {
    const major = Number.parseInt(routeWork.version ?? '1', 10);
    return Number.isFinite(major) && major >= 2;
}

/** A literal queueId (developer name or 00G Id) resolves to a queue; hard-coded Ids are flagged. */
function checkQueueLiteral(
    ctx: CheckContext,
    routeWork: FlowRouteWork,
    queueRef: string,
    into: RouteWorkFindings
): void {
    const element = `Route Work "${routeWork.name}"`;
    const queue = resolveQueue(ctx.index, queueRef);
    if (queue) {
        into.notes.push(`${element} routes to queue "${queue.developerName}"`);
        return;
    }
    const byLabel = queueByLabel(ctx, literal(routeWork, 'queueLabel'));
    const hint = byLabel ? ` (its label "${byLabel.name}" matches queue "${byLabel.developerName}")` : '';
    if (isQueueId(queueRef)) {
        if (queueIdsKnown(ctx)) {
            into.problems.push(
                `${element} routes to queue Id "${queueRef}", which matches no queue in this org${hint}`
            );
            into.fixes.add(
                'In Route Work, re-select the queue (Route To = Queue), or look it up by developer name with a Get Records on Group (Type = Queue, DeveloperName = the queue) and pass its Id.'
            );
            return;
        }
        if (isRouteWorkV2(routeWork)) {
            // Route Work 2.0 is migrated between orgs without manual updates (Salesforce Help, "Considerations
            // When Using Omni-Channel Flows"); whether the queue exists there is RT-01's question.
            into.notes.push(
                `${element} (version ${routeWork.version}) routes to queue Id "${queueRef}"${hint}; Route Work 2.0 carries its queue to the target org on deployment`
            );
            return;
        }
        into.problems.push(
            `${element} (version ${routeWork.version ?? '1'}) routes to the hard-coded queue Id "${queueRef}"${hint}: Route Work before version 2.0 keeps the record Id of the org the flow was built in, so it breaks in an org where the queue was created separately (a scratch org, or production when the queue was made there)`
        );
        into.fixes.add(
            'Upgrade the Route Work action to version 2.0, which is migrated between orgs without manual updates; or look the queue up with a Get Records on Group (Type = Queue, DeveloperName = the queue) before Route Work and pass its Id.'
        );
        return;
    }
    if (!isRead(ctx, 'queues')) {
        into.unknowns.push(`${element} routes to queue "${queueRef}", but the queues were not read`);
        return;
    }
    into.problems.push(`${element} routes to queue "${queueRef}", which does not exist`);
    into.fixes.add('In Route Work, select an existing queue that supports Messaging Session (Setup > Queues).');
}

/** Inputs that name a non-queue routing target (bot, Agentforce agent, user, skills): literal, variable or setup reference. */
const TARGET_INPUT = /^(agent|bot|copilot|agentforceEmployeeAgent|externalConversationBot|digitalWorker|skill)/;

function hasNonQueueTarget(routeWork: FlowRouteWork): boolean {
    return Object.entries(routeWork.inputs).some(
        ([name, value]) =>
            TARGET_INPUT.test(name) &&
            Boolean(value.stringValue?.trim() || value.elementReference?.trim() || value.setupReference?.trim())
    );
}

/** Lookups on Group that a `{!Lookup.Id}` queue reference points at: the recommended pattern. */
function lookupHint(flow: Flow, ref: string): string {
    const element = ref.split('.')[0];
    const lookup = flow.recordLookups.find((l) => l.name === element);
    return lookup ? ` (Get Records "${lookup.name}" on ${lookup.object ?? 'an object'})` : '';
}

/** The Route Work routes to a queue that exists, or to skills / an agent / a bot. */
function checkRouteWorkTarget(ctx: CheckContext, flow: Flow, routeWork: FlowRouteWork, into: RouteWorkFindings): void {
    const element = `Route Work "${routeWork.name}"`;
    const typeRef = reference(routeWork, 'routingType');
    const routingType = literal(routeWork, 'routingType');
    const queueRef = literal(routeWork, 'queueId');
    const queueVariable = reference(routeWork, 'queueId');
    // A literal queue is checked whatever the routing type: for bots and agents it is their fallback queue.
    if (queueRef) checkQueueLiteral(ctx, routeWork, queueRef, into);
    else if (queueVariable) {
        into.notes.push(
            `${element} takes its queue from {!${queueVariable}}${lookupHint(flow, queueVariable)}, computed at run time (cannot be verified statically; the end-to-end test GL-01 covers it)`
        );
    }
    if (typeRef) {
        into.unknowns.push(`${element} takes its routing type from a variable`);
        return;
    }
    if (routingType === undefined || routingType === 'QueueBased') {
        if (!queueRef && !queueVariable) {
            into.problems.push(`${element} routes to a queue but names none`);
            into.fixes.add('In Route Work, set Route To = Queue and select the queue.');
        }
        return;
    }
    if (hasNonQueueTarget(routeWork)) {
        into.notes.push(`${element} routes by ${routingType}`);
    } else {
        into.unknowns.push(
            `${element} routes by ${routingType}, but its target (agent, bot or skills) is not visible in the flow source`
        );
    }
}

// CH-07
/**
 * Each Route Work uses the messaging service channel and routes to a queue that exists (or to skills, an
 * agent or a bot). Queues taken from a variable pass with a note: looking the queue up at run time is the
 * recommended cure for hard-coded Ids, so it must not be penalised; what it resolves to is only knowable
 * when the flow runs (GL-01). Hard-coded 00G Ids fail: they break between orgs.
 */
export function checkRouteWork(
    ctx: CheckContext,
    flowName: string,
    channels: readonly MessagingChannel[]
): CheckResult {
    const found = flowOrReason(ctx, 'CH-07', flowName, channels);
    if (!isFlow(found)) return found;
    const flow = found;
    const location = flow.source;
    const used = `routing flow of ${channelList(channels)}`;
    if (flow.routeWorks.length === 0) {
        return fail(
            'CH-07',
            flowName,
            `Flow "${flowName}" (${used}) has no Route Work action: sessions reach the flow but are never routed to a queue, agent or bot.`,
            `Open "${flowName}" in Flow Builder, add a Route Work action with recordId as input, Service Channel = Messaging and Route To = your queue; save and activate. If it routes in a subflow, check that subflow.`,
            { location }
        );
    }
    const findings: RouteWorkFindings = { problems: [], unknowns: [], notes: [], fixes: new Set() };
    for (const routeWork of flow.routeWorks) {
        checkServiceChannel(ctx, routeWork, findings);
        checkRouteWorkTarget(ctx, flow, routeWork, findings);
    }
    if (findings.problems.length > 0) {
        return fail(
            'CH-07',
            flowName,
            `Flow "${flowName}" (${used}): ${findings.problems.join('; ')}.`,
            `Open "${flowName}" in Flow Builder. ${[...findings.fixes].join(' ')} Save and activate the new version.`,
            { location }
        );
    }
    if (findings.unknowns.length > 0) {
        return notEvaluated(
            'CH-07',
            flowName,
            `Not evaluated: flow "${flowName}" (${used}): ${findings.unknowns.join('; ')}.`,
            `Open "${flowName}" in Flow Builder and confirm each Route Work uses Service Channel = Messaging and routes to an existing queue, agent or bot${ctx.snapshot.origin.kind === 'org' ? '' : '; or run the Readiness Report in the org'}.`,
            { location }
        );
    }
    return pass(
        'CH-07',
        flowName,
        `Flow "${flowName}" (${used}) uses the Messaging service channel: ${findings.notes.join('; ')}.`,
        {
            location
        }
    );
}

// ---------------------------------------------------------------------------------------------------------
// CH-08, CH-09: what the routing type enables
// ---------------------------------------------------------------------------------------------------------

/** Pre-chat values reach Salesforce only through a flow: Omni-Flow routing, or an agent channel with a flow. */
function routesThroughFlow(channel: MessagingChannel): boolean {
    return channel.sessionHandlerType !== undefined && routingFlowOf(channel) !== undefined;
}

// CH-08
/**
 * A deployment in scope with an active pre-chat form needs its channel to route with an Omni-Channel flow:
 * pre-chat values reach the session only through the flow's input variables (the Spring '23 admin guide).
 */
export function checkPreChatNeedsFlow(ctx: CheckContext, channel: MessagingChannel): CheckResult {
    const name = channelName(channel);
    const unread = unreadSections(ctx, ['CH-08'], ['deployments'], name);
    if (unread) return unread[0];
    const location = channel.source;
    const withForm = (ctx.index.deploymentsInScopeByChannel.get(name) ?? []).filter((d) =>
        d.preChatForms.some((f) => f.isActive)
    );
    if (withForm.length === 0) {
        return pass(
            'CH-08',
            name,
            `No deployment of channel "${name}" in scope has an active pre-chat form, so the routing type does not matter for pre-chat.`,
            { location }
        );
    }
    const deployments = `Deployment${withForm.length > 1 ? 's' : ''} ${listNames(withForm.map((d) => d.developerName))}`;
    if (routesThroughFlow(channel)) {
        return pass(
            'CH-08',
            name,
            `${deployments} ha${withForm.length > 1 ? 've' : 's'} an active pre-chat form, and channel "${name}" routes with flow "${routingFlowOf(channel)}", which receives the pre-chat values.`,
            { location }
        );
    }
    const target = routingTargetOf(channel) ?? `routing type ${channel.sessionHandlerType ?? 'not set'}`;
    return fail(
        'CH-08',
        name,
        `${deployments} ha${withForm.length > 1 ? 've' : 's'} an active pre-chat form, but channel "${name}" routes to ${target}, not through an Omni-Channel flow: the pre-chat values are collected and then lost.`,
        `${channelPath(channel)} > Edit > Routing Type: Omni-Flow; select a flow that declares the pre-chat variables (and keep a Fallback Queue). Otherwise turn the pre-chat form off on the deployment.`,
        { location }
    );
}

/** Whether the channel's new sessions end in a queue: queue-routed, or a flow with a queue-based Route Work. */
function endsInQueue(ctx: CheckContext, channel: MessagingChannel): { answer: boolean; how: string } | undefined {
    if (channel.sessionHandlerType === 'Queue') {
        return { answer: true, how: `routes straight to queue "${channel.sessionHandlerQueue ?? '?'}"` };
    }
    const flowName = routingFlowOf(channel);
    if (!flowName) return { answer: false, how: `routes to ${routingTargetOf(channel) ?? 'no target'}, not a queue` };
    const flow = isRead(ctx, 'flows') ? ctx.index.flowsByName.get(flowName) : undefined;
    if (!flow) return undefined;
    const queueRouted = flow.routeWorks.find((rw) => {
        const type = literal(rw, 'routingType');
        return (
            (type === undefined || type === 'QueueBased') && Boolean(literal(rw, 'queueId') || reference(rw, 'queueId'))
        );
    });
    return queueRouted
        ? {
              answer: true,
              how: `routes with flow "${flowName}", whose Route Work "${queueRouted.name}" ends in a queue`
          }
        : { answer: false, how: `routes with flow "${flowName}", which routes only to agents, bots or skills` };
}

// CH-09
/**
 * Informational: estimated wait time shows only when new sessions end in a queue (Omni-Queue, or Omni-Flow
 * routing to a queue) and the queue had 10 accepts in the last 10 minutes (the Spring '23 admin guide).
 */
export function checkEstimatedWaitTime(ctx: CheckContext, channel: MessagingChannel): CheckResult {
    const name = channelName(channel);
    const location = channel.source;
    if (channel.parametersUnavailable !== undefined) {
        return notEvaluated(
            'CH-09',
            name,
            `Not evaluated: the embedded settings of channel "${name}" (embeddedConfig, where the estimated wait time flag lives) were not read: ${channel.parametersUnavailable}.`,
            "Connect the app to the org's API (Guided Setup, step 1) so it can read the channel metadata, then run the check again.",
            { location }
        );
    }
    // In the org the flag lives in Metadata-API-only settings; in a source file an absent embeddedConfig
    // means the defaults (estimated wait time off).
    if (!channel.embeddedConfig && ctx.snapshot.origin.kind === 'org') {
        return notEvaluated(
            'CH-09',
            name,
            `Not evaluated: the embedded settings of channel "${name}" (embeddedConfig, where the estimated wait time flag lives) were not read.`,
            "Connect the app to the org's API (Guided Setup, step 1) so it can read the channel metadata, then run the check again.",
            { location }
        );
    }
    const enableIt = `${channelPath(channel)} > Edit > "Show estimated wait time".`;
    // Metadata default is false when the element is absent.
    if (!channel.embeddedConfig?.isEstimatedWaitTimeEnabled) {
        return pass(
            'CH-09',
            name,
            `Estimated wait time is off on channel "${name}"${channel.embeddedConfig ? '' : ' (not set in the channel metadata; the default is off)'}. It is optional; to show it: ${enableIt}`,
            { location }
        );
    }
    const route = endsInQueue(ctx, channel);
    if (!route) {
        return notEvaluated(
            'CH-09',
            name,
            `Not evaluated: estimated wait time is on for channel "${name}", but its routing flow "${routingFlowOf(channel)}" could not be read to see whether it ends in a queue.`,
            'Retrieve the flow (or connect the app to the org) and run the check again.',
            { location }
        );
    }
    if (route.answer) {
        return pass(
            'CH-09',
            name,
            `Estimated wait time is on for channel "${name}", which ${route.how}. It appears only after agents accepted at least 10 sessions from that queue in the last 10 minutes, and is rounded up to 1 minute.`,
            { location }
        );
    }
    return fail(
        'CH-09',
        name,
        `Estimated wait time is on for channel "${name}", but the channel ${route.how}: new customers never see a wait time.`,
        `Route new sessions to a queue (Omni-Queue, or an Omni-Flow whose Route Work targets a queue) if you want the wait time shown; otherwise turn it off: ${enableIt}`,
        { location }
    );
}
