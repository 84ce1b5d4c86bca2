/*
 * AG — agents (CHECKS.md "AG"). Who can actually take a chat: licence/permission, object access, the full
 * join (queue ∩ presence status ∩ capacity ∩ permission) and the agent's record page.
 *
 * Two sources see different things (ARCHITECTURE.md): an org snapshot lists the agents with their assigned
 * permission sets, licences, queues and presence configuration; a metadata folder has permission sets,
 * queue members and presence-configuration assignments but no user records and no permission set
 * assignments. Each check evaluates what its source allows and says `not_evaluated` (with why) for the rest.
 *
 * The agent helpers are exported because the CP checks (checksCapacity.ts) judge the same agents.
 */
import { fail, isRead, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import { SETUP_PATHS } from './setupPaths';
import type { Agent, ObjectPermission, PermissionSet, PresenceConfig, PresenceStatus } from './snapshot';
import {
    DEFAULT_PRESENCE_CONFIG,
    isDefaultPresenceConfig,
    MESSAGING_SERVICE_CHANNEL,
    MESSAGING_SESSION_OBJECT
} from './snapshotIndex';

export const MESSAGING_END_USER_OBJECT = 'MessagingEndUser';
/** Enhanced Chat User permission set licence (reference/data-model.md I). */
export const ENHANCED_CHAT_USER_PSL = 'EmbeddedServiceMessagingUserPsl';
/** "Enhanced Chat Rep" app permission (PermissionsEmbeddedMessagingAgent). */
export const ENHANCED_CHAT_REP_PERMISSION = 'EmbeddedMessagingAgent';
/** Messaging (WhatsApp/Facebook/SMS) agent permission: not what MIAW needs (002 L1745-1802, L6195-6201). */
const LEGACY_MESSAGING_AGENT_PERMISSION = 'LiveMessageAgent';

/**
 * The Enhanced Conversation component on the Messaging Session record page. Derived from the corpus:
 * every MIAW record page there carries `scrt:conversationBody`
 * (corpus/charleston76__einsteinBot/.../flexipages/Messaging_Session_Record_Page.flexipage-meta.xml L41,
 * corpus/peticavictor__ndax/.../flexipages/Messaging_Session_Record_Page.flexipage-meta.xml L92), while
 * `runtime_service_livemessage:chatBody` (charleston76 Messaging_Session.flexipage-meta.xml L37) is the
 * older Conversation component of standard messaging, which shows an empty transcript for MIAW sessions.
 */
export const ENHANCED_CONVERSATION_COMPONENT = 'scrt:conversationBody';
const LEGACY_CONVERSATION_COMPONENT = 'runtime_service_livemessage:chatBody';

const OBJECT_LABELS: Readonly<Record<string, string>> = {
    [MESSAGING_SESSION_OBJECT]: 'Messaging Sessions',
    [MESSAGING_END_USER_OBJECT]: 'Messaging Users'
};

// ---------------------------------------------------------------------------------------------------------
// Shared helpers (also used by checksCapacity.ts)
// ---------------------------------------------------------------------------------------------------------

/** A fact about an agent that the data may not settle. */
export type Fact = 'yes' | 'no' | 'unknown';

/** Developer name of the messaging service channel presence statuses link to, when it can be known. */
export function messagingChannelName(ctx: CheckContext): string | undefined {
    if (ctx.index.messagingServiceChannel) return ctx.index.messagingServiceChannel.developerName;
    // Service channels not read: statuses still name the channel Salesforce creates for messaging.
    return isRead(ctx, 'serviceChannels') ? undefined : MESSAGING_SERVICE_CHANNEL;
}

/** Presence statuses linked to the messaging service channel (empty when statuses or the channel are unknown). */
export function messagingStatuses(ctx: CheckContext): PresenceStatus[] {
    const channel = messagingChannelName(ctx);
    if (!channel || !isRead(ctx, 'presenceStatuses')) return [];
    return ctx.snapshot.presenceStatuses.items.filter((s) => s.channels.includes(channel));
}

/**
 * Queues that carry messaging work: the routing, fallback and Route Work queues of the channels in scope.
 * When no channel names a queue (channels not read, or none in scope), the queues that list Messaging
 * Session as a supported object stand in, so agents can still be found.
 */
export function messagingQueueNames(ctx: CheckContext): Set<string> {
    const names = new Set(ctx.index.queueUses.map((use) => use.queue?.developerName ?? use.queueRef));
    if (names.size > 0) return names;
    return new Set(
        ctx.snapshot.queues.items
            .filter((q) => q.sobjectTypes.includes(MESSAGING_SESSION_OBJECT))
            .map((q) => q.developerName)
    );
}

/** Org snapshots: active users who are in a messaging queue or have a presence configuration. */
export function candidateAgents(ctx: CheckContext, queues: Set<string> = messagingQueueNames(ctx)): Agent[] {
    return ctx.snapshot.agents.items.filter(
        (a) => a.isActive !== false && (a.queues.some((q) => queues.has(q)) || a.presenceConfig !== undefined)
    );
}

export function agentName(agent: Agent): string {
    return agent.name ? `${agent.name} (${agent.user})` : agent.user;
}

interface HeldPermissionSets {
    known: PermissionSet[];
    /** Assigned permission sets the snapshot has no definition for. */
    unknown: string[];
}

export function heldPermissionSets(ctx: CheckContext, agent: Agent): HeldPermissionSets {
    const known: PermissionSet[] = [];
    const unknown: string[] = [];
    for (const name of agent.permissionSets) {
        const ps = ctx.index.permissionSetsByName.get(name);
        if (ps) known.push(ps);
        else unknown.push(name);
    }
    return { known, unknown };
}

/** Whether the agent holds, through an assigned permission set, access to one of the messaging statuses. */
export function agentStatusAccess(ctx: CheckContext, agent: Agent, statuses: readonly PresenceStatus[]): Fact {
    if (!isRead(ctx, 'permissionSets')) return 'unknown';
    const names = new Set(statuses.map((s) => s.developerName));
    const held = heldPermissionSets(ctx, agent);
    if (held.known.some((ps) => ps.presenceStatusAccesses.some((s) => names.has(s)))) return 'yes';
    return held.unknown.length > 0 ? 'unknown' : 'no';
}

/** Whether the agent's presence configuration exists and has capacity. */
export function agentCapacity(ctx: CheckContext, agent: Agent): { fact: Fact; config?: PresenceConfig } {
    if (!isRead(ctx, 'presenceConfigs')) return { fact: agent.presenceConfig ? 'unknown' : 'no' };
    // A user with no configuration of their own gets the org's Default Presence Configuration.
    const configName = agent.presenceConfig ?? DEFAULT_PRESENCE_CONFIG;
    const config = ctx.snapshot.presenceConfigs.items.find((c) => c.developerName === configName);
    if (!config && !agent.presenceConfig) return { fact: 'no' };
    if (!config) return { fact: 'unknown' };
    return { fact: (config.capacity ?? 0) > 0 ? 'yes' : 'no', config };
}

interface LicenceFinding {
    fact: Fact;
    /** How the agent qualifies (yes) or what is missing (no/unknown). */
    detail: string;
}

/**
 * AG-01's rule, accepting either licence model (002 L775, L6191; reference/data-model.md I): the Service Cloud
 * User feature licence, or the Enhanced Chat User permission set licence plus a permission set with the
 * Enhanced Chat Rep permission.
 */
export function agentLicence(ctx: CheckContext, agent: Agent): LicenceFinding {
    if (agent.hasServiceCloudUser === true) return { fact: 'yes', detail: 'the Service Cloud User feature licence' };
    const held = heldPermissionSets(ctx, agent);
    const hasPsl = agent.permissionSetLicenses.includes(ENHANCED_CHAT_USER_PSL);
    const repSet = held.known.find((ps) => ps.userPermissions.includes(ENHANCED_CHAT_REP_PERMISSION));
    if (hasPsl && repSet) {
        return {
            fact: 'yes',
            detail: `the Enhanced Chat User licence and the Enhanced Chat Rep permission (permission set "${repSet.name}")`
        };
    }
    let missing: string;
    if (hasPsl) missing = 'the Enhanced Chat User licence but no permission set with the Enhanced Chat Rep permission';
    else if (repSet) {
        missing = `the Enhanced Chat Rep permission ("${repSet.name}") but not the Enhanced Chat User permission set licence`;
    } else {
        missing =
            'neither the Service Cloud User licence nor the Enhanced Chat User licence with the Enhanced Chat Rep permission';
    }
    // An unread licence flag, or a permission set the snapshot does not define, might still qualify the agent.
    const unsure = agent.hasServiceCloudUser === undefined || (hasPsl && !repSet && held.unknown.length > 0);
    return { fact: unsure ? 'unknown' : 'no', detail: missing };
}

/** Read/edit gaps on Messaging Session and Messaging User, e.g. ["edit on Messaging Users"]. */
export function missingObjectAccess(permissions: readonly ObjectPermission[]): string[] {
    const missing: string[] = [];
    for (const object of [MESSAGING_SESSION_OBJECT, MESSAGING_END_USER_OBJECT]) {
        const grants = permissions.filter((p) => p.object === object);
        const label = OBJECT_LABELS[object];
        const read = grants.some((p) => p.allowRead);
        const edit = grants.some((p) => p.allowEdit);
        if (!read && !edit) missing.push(`read and edit on ${label}`);
        else if (!read) missing.push(`read on ${label}`);
        else if (!edit) missing.push(`edit on ${label}`);
    }
    return missing;
}

function grantsMessagingObject(ps: PermissionSet, access: 'allowRead' | 'allowEdit'): boolean {
    return ps.objectPermissions.some(
        (p) => (p.object === MESSAGING_SESSION_OBJECT || p.object === MESSAGING_END_USER_OBJECT) && p[access]
    );
}

/**
 * Permission sets that look meant for messaging agents (metadata has no assignments to go by): they grant
 * Enhanced Chat Rep, a messaging presence status, or edit on a Messaging object. Read-only grants do not
 * count: real exports carry read-only integration sets (corpus peticavictor, Camden-sung:
 * sfdcInternalInt__sfdc_a360_sfcrm_data_extract) that no agent works with.
 */
function agentPermissionSets(ctx: CheckContext, statuses: readonly PresenceStatus[]): PermissionSet[] {
    const names = new Set(statuses.map((s) => s.developerName));
    return ctx.snapshot.permissionSets.items.filter(
        (ps) =>
            ps.userPermissions.includes(ENHANCED_CHAT_REP_PERMISSION) ||
            ps.presenceStatusAccesses.some((s) => names.has(s)) ||
            grantsMessagingObject(ps, 'allowEdit')
    );
}

const NO_AGENTS_REASON =
    'No active user is in a messaging queue or has a presence configuration, so there is no agent to check (AG-03 reports this).';

// ---------------------------------------------------------------------------------------------------------
// AG-01 — licence and permission
// ---------------------------------------------------------------------------------------------------------

// AG-01
function checkLicence(ctx: CheckContext): CheckResult[] {
    return ctx.snapshot.origin.kind === 'org' ? checkLicenceInOrg(ctx) : checkLicenceInMetadata(ctx);
}

function checkLicenceInOrg(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-01'], ['agents']);
    if (unread) return unread;
    const agents = candidateAgents(ctx);
    if (agents.length === 0) {
        return [
            notEvaluated(
                'AG-01',
                'org',
                NO_AGENTS_REASON,
                'Add the agents to the messaging queue and assign them a presence configuration, then run the check again.'
            )
        ];
    }
    return agents.map((agent) => {
        const licence = agentLicence(ctx, agent);
        const who = agentName(agent);
        if (licence.fact === 'yes') return pass('AG-01', agent.user, `Agent ${who} holds ${licence.detail}.`);
        if (licence.fact === 'unknown') {
            const unknownSets = heldPermissionSets(ctx, agent).unknown;
            const gap =
                agent.hasServiceCloudUser === undefined
                    ? 'the Service Cloud User flag of the user record was not read'
                    : `the assigned permission set${unknownSets.length === 1 ? '' : 's'} ${listNames(unknownSets)} ${unknownSets.length === 1 ? 'was' : 'were'} not read`;
            return notEvaluated(
                'AG-01',
                agent.user,
                `Not evaluated: agent ${who} has ${licence.detail} as far as the snapshot shows, but ${gap}.`,
                'Run the Readiness Report as an admin who can read users and permission sets.',
                { setupPath: SETUP_PATHS.users }
            );
        }
        return fail(
            'AG-01',
            agent.user,
            `Agent ${who} has ${licence.detail}, so cannot work enhanced chat sessions.`,
            'Either tick Service Cloud User on the user record (Setup > Users > Users > Edit), or assign the Enhanced Chat User permission set licence and a permission set with the Enhanced Chat Rep app permission (Setup > Users > Permission Sets).',
            { setupPath: SETUP_PATHS.users }
        );
    });
}

function checkLicenceInMetadata(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-01'], ['permissionSets']);
    if (unread) return unread;
    const repSets = ctx.snapshot.permissionSets.items.filter((ps) =>
        ps.userPermissions.includes(ENHANCED_CHAT_REP_PERMISSION)
    );
    if (repSets.length > 0) {
        return repSets.map((ps) =>
            pass(
                'AG-01',
                ps.name,
                `Permission set "${ps.name}" grants the Enhanced Chat Rep permission (EmbeddedMessagingAgent)${ps.license ? ` with licence ${ps.license}` : ''}. Agents also need the Enhanced Chat User licence and the assignment, which only the in-org Readiness Report can see.`,
                { location: ps.source }
            )
        );
    }
    const legacy = ctx.snapshot.permissionSets.items.filter((ps) =>
        ps.userPermissions.includes(LEGACY_MESSAGING_AGENT_PERMISSION)
    );
    const legacyNote =
        legacy.length > 0
            ? ` ${listNames(legacy.map((ps) => ps.name))} grant${legacy.length === 1 ? 's' : ''} the Messaging Agent permission (LiveMessageAgent), which is for WhatsApp, Facebook and SMS, not for enhanced chat.`
            : '';
    return [
        notEvaluated(
            'AG-01',
            'org',
            `Not evaluated: no permission set in the scanned source grants the Enhanced Chat Rep permission (EmbeddedMessagingAgent).${legacyNote} Agents may use the older model instead, the Service Cloud User feature licence, which is set on each user record and is only visible in the org.`,
            'Run the in-org Readiness Report to check each agent. To use the newer model, create a permission set with the Enhanced Chat Rep app permission (Setup > Users > Permission Sets) and assign it with the Enhanced Chat User licence.'
        )
    ];
}

// ---------------------------------------------------------------------------------------------------------
// AG-02 — object access
// ---------------------------------------------------------------------------------------------------------

// AG-02
function checkObjectAccess(ctx: CheckContext): CheckResult[] {
    return ctx.snapshot.origin.kind === 'org' ? checkObjectAccessInOrg(ctx) : checkObjectAccessInMetadata(ctx);
}

const OBJECT_ACCESS_FIX =
    'In Setup > Users > Permission Sets, open the agent permission set, then Object Settings > Messaging Sessions and Object Settings > Messaging Users, and give Read and Edit (002 L779-781).';

function checkObjectAccessInOrg(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-02'], ['agents', 'permissionSets']);
    if (unread) return unread;
    const agents = candidateAgents(ctx);
    if (agents.length === 0) {
        return [
            notEvaluated(
                'AG-02',
                'org',
                NO_AGENTS_REASON,
                'Add the agents to the messaging queue and assign them a presence configuration, then run the check again.'
            )
        ];
    }
    return agents.map((agent) => {
        const held = heldPermissionSets(ctx, agent);
        const missing = missingObjectAccess(held.known.flatMap((ps) => ps.objectPermissions));
        const who = agentName(agent);
        if (missing.length === 0) {
            return pass('AG-02', agent.user, `Agent ${who} can read and edit Messaging Sessions and Messaging Users.`);
        }
        if (held.unknown.length > 0) {
            return notEvaluated(
                'AG-02',
                agent.user,
                `Not evaluated: agent ${who} lacks ${missing.join(' and ')} in the permission sets the snapshot has, but ${listNames(held.unknown)} ${held.unknown.length === 1 ? 'was' : 'were'} not read.`,
                'Run the Readiness Report as an admin who can read all permission sets.'
            );
        }
        return fail(
            'AG-02',
            agent.user,
            `Agent ${who} lacks ${missing.join(' and ')} through their permission sets (${held.known.length > 0 ? listNames(held.known.map((ps) => ps.name)) : 'none assigned'}).`,
            OBJECT_ACCESS_FIX
        );
    });
}

function checkObjectAccessInMetadata(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-02'], ['permissionSets']);
    if (unread) return unread;
    const sets = agentPermissionSets(ctx, messagingStatuses(ctx));
    if (sets.length === 0) {
        return [
            notEvaluated(
                'AG-02',
                'org',
                'Not evaluated: no permission set in the scanned source looks like an agent permission set (none grants a messaging presence status, the Enhanced Chat Rep permission or edit access on Messaging Sessions or Messaging Users). Agents may get their access from profiles, which were not read.',
                `Retrieve the agent permission sets into the scanned folder, or run the in-org Readiness Report. ${OBJECT_ACCESS_FIX}`
            )
        ];
    }
    const complete = sets.filter((ps) => missingObjectAccess(ps.objectPermissions).length === 0);
    return sets.map((ps) => {
        const missing = missingObjectAccess(ps.objectPermissions);
        const options = { location: ps.source };
        if (missing.length === 0) {
            return pass(
                'AG-02',
                ps.name,
                `Permission set "${ps.name}" grants read and edit on Messaging Sessions and Messaging Users.`,
                options
            );
        }
        // A set that grants no Messaging object access at all is often one of several an agent holds (a
        // presence-status set next to an object-access set). Metadata has no assignments, so when another set
        // in the source covers the objects this is not conclusive.
        if (!grantsMessagingObject(ps, 'allowRead') && complete.length > 0) {
            return notEvaluated(
                'AG-02',
                ps.name,
                `Not evaluated: permission set "${ps.name}" grants no access on Messaging Sessions or Messaging Users itself; ${listNames(complete.map((c) => c.name))} in the source grant${complete.length === 1 ? 's' : ''} read and edit on both. Whether the agents who hold "${ps.name}" also hold ${complete.length === 1 ? 'it' : 'one of them'} is only visible in the org.`,
                `Run the in-org Readiness Report, or add read and edit on both objects to "${ps.name}". ${OBJECT_ACCESS_FIX}`,
                options
            );
        }
        return fail(
            'AG-02',
            ps.name,
            `Permission set "${ps.name}" is an agent permission set but lacks ${missing.join(' and ')}${complete.length === 0 ? '; no permission set in the source grants read and edit on both objects (profiles were not read)' : ''}.`,
            OBJECT_ACCESS_FIX,
            options
        );
    });
}

// ---------------------------------------------------------------------------------------------------------
// AG-03 — at least one agent fully ready
// ---------------------------------------------------------------------------------------------------------

const LACK_LABELS = {
    queue: 'not in a messaging queue',
    status: 'no access to a messaging presence status',
    capacity: 'no presence configuration with capacity',
    licence: 'no enhanced chat licence or permission'
} as const;
type Requirement = keyof typeof LACK_LABELS;

interface AgentReadiness {
    agent: Agent;
    lacks: Requirement[];
    unknown: Requirement[];
}

const READY_FIX =
    'For each agent: add them to the messaging queue (Setup > Users > Queues), give them a permission set that grants the messaging presence status (Setup > Users > Permission Sets > Service Presence Statuses Access), assign a presence configuration with capacity (Setup > Omni-Channel > Presence Configurations) and the enhanced chat licence or permission (AG-01).';

/** Route Work types that offer sessions to reps without a queue: by skills, or straight to a named rep. */
const REP_ROUTES_WITHOUT_QUEUE = new Set(['SkillsBased', 'Agent', 'AgentBased']);

/**
 * Route Work elements of the channels' routing flows that route to reps by skills or directly, so a rep can be
 * offered chats without being in a queue; membership is then not a requirement AG-03 can insist on.
 */
function repRoutesWithoutQueue(ctx: CheckContext): string[] {
    const names: string[] = [];
    for (const channel of ctx.index.channelsInScope) {
        const flow = channel.sessionHandlerFlow ? ctx.index.flowsByName.get(channel.sessionHandlerFlow) : undefined;
        for (const routeWork of flow?.routeWorks ?? []) {
            const type = routeWork.inputs.routingType?.stringValue?.trim();
            if (type && REP_ROUTES_WITHOUT_QUEUE.has(type)) names.push(`"${routeWork.name}" (${type})`);
        }
    }
    return names;
}

// AG-03
function checkReadyAgent(ctx: CheckContext): CheckResult[] {
    return ctx.snapshot.origin.kind === 'org' ? checkReadyAgentInOrg(ctx) : checkReadyAgentInMetadata(ctx);
}

function assessAgent(
    ctx: CheckContext,
    agent: Agent,
    queues: Set<string>,
    statuses: readonly PresenceStatus[],
    routesWithoutQueue = false
): AgentReadiness {
    // With skills-based or direct-to-rep routes a rep outside every queue may still be offered chats.
    const outsideQueues: Fact = routesWithoutQueue ? 'unknown' : 'no';
    const facts: Record<Requirement, Fact> = {
        queue: agent.queues.some((q) => queues.has(q)) ? 'yes' : outsideQueues,
        status: !isRead(ctx, 'presenceStatuses') ? 'unknown' : agentStatusAccess(ctx, agent, statuses),
        capacity: agentCapacity(ctx, agent).fact,
        licence: agentLicence(ctx, agent).fact
    };
    const requirements = Object.keys(LACK_LABELS) as Requirement[];
    return {
        agent,
        lacks: requirements.filter((r) => facts[r] === 'no'),
        unknown: requirements.filter((r) => facts[r] === 'unknown')
    };
}

function describeAgent(r: AgentReadiness): string {
    const lacks = r.lacks.map((l) => LACK_LABELS[l]).join(', ');
    return `${agentName(r.agent)}: ${lacks}`;
}

function checkReadyAgentInOrg(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-03'], ['agents']);
    if (unread) return unread;
    const queues = messagingQueueNames(ctx);
    const statuses = messagingStatuses(ctx);
    const withoutQueue = repRoutesWithoutQueue(ctx).length > 0;
    const assessed = candidateAgents(ctx, queues).map((a) => assessAgent(ctx, a, queues, statuses, withoutQueue));
    if (assessed.length === 0) {
        return [
            fail(
                'AG-03',
                'org',
                `No active user is in a messaging queue${queues.size > 0 ? ` (${listNames([...queues])})` : ''} or has a presence configuration, so no one can be offered a chat.`,
                READY_FIX,
                { setupPath: SETUP_PATHS.queues }
            )
        ];
    }
    const ready = assessed.filter((r) => r.lacks.length === 0 && r.unknown.length === 0);
    const maybe = assessed.filter((r) => r.lacks.length === 0 && r.unknown.length > 0);
    const partial = assessed.filter((r) => r.lacks.length > 0);
    const partialNote =
        partial.length > 0
            ? ` Partially configured: ${partial
                  .slice(0, 8)
                  .map(describeAgent)
                  .join('; ')}${partial.length > 8 ? ` and ${partial.length - 8} more` : ''}.`
            : '';
    if (ready.length > 0) {
        // The blocker is "at least one agent is ready"; partial agents are named here rather than as failing
        // results, which would block the verdict although chats can be answered.
        return [
            pass(
                'AG-03',
                'org',
                `${ready.length} agent${ready.length === 1 ? ' is' : 's are'} fully ready (in a messaging queue, with the messaging presence status, capacity and licence): ${listNames(ready.map((r) => agentName(r.agent)))}.${partialNote}`
            )
        ];
    }
    if (maybe.length > 0) {
        const unknowns = [...new Set(maybe.flatMap((r) => r.unknown))].map((u) =>
            LACK_LABELS[u].replace(/^no |^not /, '')
        );
        return [
            notEvaluated(
                'AG-03',
                'org',
                `Not evaluated: no agent is confirmed ready; ${listNames(maybe.map((r) => agentName(r.agent)))} could be, but the snapshot does not settle: ${unknowns.join(', ')}.${partialNote}`,
                'Run the Readiness Report as an admin who can read users, permission sets, presence statuses and presence configurations.'
            )
        ];
    }
    return [
        fail(
            'AG-03',
            'org',
            `No agent is fully ready to take chats: each of the ${assessed.length} messaging user${assessed.length === 1 ? '' : 's'} lacks something.`,
            READY_FIX,
            { setupPath: SETUP_PATHS.users }
        ),
        ...partial.map((r) =>
            fail(
                'AG-03',
                r.agent.user,
                `Agent ${agentName(r.agent)} is partially configured: ${r.lacks.map((l) => LACK_LABELS[l]).join(', ')}.`,
                READY_FIX,
                { setupPath: SETUP_PATHS.users }
            )
        )
    ];
}

/**
 * Metadata: join what is known — users directly in a messaging queue and users directly assigned a
 * presence configuration with capacity. Status access and licence need permission set assignments, which
 * metadata lacks, so the overall result is not_evaluated unless the join itself already fails conclusively.
 */
function checkReadyAgentInMetadata(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-03'], ['queues', 'presenceConfigs']);
    if (unread) return unread;
    const queueNames = messagingQueueNames(ctx);
    const queues = ctx.snapshot.queues.items.filter((q) => queueNames.has(q.developerName));
    if (queues.length === 0) {
        return [
            notEvaluated(
                'AG-03',
                'org',
                'Not evaluated: no messaging queue was found in the scanned source (RT-01 reports the queues), so there are no queue members to join with presence configurations.',
                'Retrieve the messaging queues and channels into the scanned folder, or run the in-org Readiness Report.'
            )
        ];
    }
    const listed = (q: (typeof queues)[number]): boolean =>
        q.members.users.length +
            q.members.publicGroups.length +
            q.members.roles.length +
            q.members.roleAndSubordinates.length >
        0;
    if (!queues.some(listed)) {
        // Queue membership is usually set in the org, not kept in source: absence here says nothing (RT-03).
        return [
            notEvaluated(
                'AG-03',
                'org',
                `Not evaluated: the messaging queues (${listNames(queues.map((q) => q.developerName))}) list no members in the scanned source, and queue membership is often set in the org rather than kept in source.`,
                'Retrieve the queues with their members and scan again, or run the in-org Readiness Report to join queue membership, presence status access, capacity and licence per agent.'
            )
        ];
    }
    const repRoutes = repRoutesWithoutQueue(ctx);
    const inQueue = new Set(queues.flatMap((q) => q.members.users));
    const indirectQueue = queues.some(
        (q) => q.members.publicGroups.length + q.members.roles.length + q.members.roleAndSubordinates.length > 0
    );
    const configs = ctx.snapshot.presenceConfigs.items;
    const withCapacity = configs.filter((c) => (c.capacity ?? 0) > 0);
    const configured = new Set(withCapacity.flatMap((c) => c.assignedUsers));
    // Queue members assigned no configuration of their own get the Default Presence Configuration.
    if (withCapacity.some(isDefaultPresenceConfig)) {
        const assignedElsewhere = new Set(configs.flatMap((c) => c.assignedUsers));
        for (const user of queues.flatMap((q) => q.members.users)) {
            if (!assignedElsewhere.has(user)) configured.add(user);
        }
    }
    const viaProfile = withCapacity.filter((c) => c.assignedProfiles.length > 0);
    const both = [...inQueue].filter((u) => configured.has(u));
    const queueOnly = [...inQueue].filter((u) => !configured.has(u));
    const configOnly = [...configured].filter((u) => !inQueue.has(u));
    const queueList = listNames(queues.map((q) => q.developerName));
    const facts = [
        both.length > 0
            ? `${both.length} user${both.length === 1 ? ' is' : 's are'} in a messaging queue and assigned a presence configuration with capacity: ${listNames(both)}.`
            : '',
        configured.size === 0 && viaProfile.length === 0
            ? 'No presence configuration with capacity is assigned to any user or profile (CP-05 names the configurations).'
            : '',
        inQueue.size === 0 ? 'The messaging queues have no user members (RT-03).' : '',
        queueOnly.length > 0 && (configured.size > 0 || viaProfile.length > 0)
            ? `In a messaging queue but not directly assigned a presence configuration with capacity: ${listNames(queueOnly)}.`
            : '',
        configOnly.length > 0 && inQueue.size > 0
            ? `Assigned a presence configuration with capacity but directly in no messaging queue: ${listNames(configOnly)}.`
            : '',
        indirectQueue
            ? `The messaging queues also have public-group or role members, which metadata cannot expand.`
            : '',
        viaProfile.length > 0
            ? `${listNames(viaProfile.map((c) => c.developerName))} ${viaProfile.length === 1 ? 'is' : 'are'} assigned to profiles (${listNames(viaProfile.flatMap((c) => c.assignedProfiles))}), whose users metadata cannot list.`
            : ''
    ]
        .filter((f) => f !== '')
        .join(' ');
    if (both.length === 0 && !indirectQueue && viaProfile.length === 0 && repRoutes.length === 0) {
        // Conclusive: the only ways into a queue and to a capacity are the direct ones listed in the source.
        return [
            fail(
                'AG-03',
                'org',
                `No user is both a member of a messaging queue (${queueList}) and assigned a presence configuration with capacity, so no one can be offered a chat.${facts ? ` ${facts}` : ''}`,
                READY_FIX,
                { setupPath: SETUP_PATHS.queues }
            ),
            // Per-user results only where they tell users apart: when nobody has a configuration (or nobody is
            // in a queue) every user shares the one cause the overall result already names.
            ...(configured.size > 0 ? queueOnly : []).map((user) =>
                fail(
                    'AG-03',
                    user,
                    `User ${user} is in a messaging queue but has no presence configuration with capacity.`,
                    'Assign the user a presence configuration with capacity above 0 (Setup > Omni-Channel > Presence Configurations > Assign Users).',
                    { setupPath: SETUP_PATHS.presenceConfigurations }
                )
            ),
            ...(inQueue.size > 0 ? configOnly : []).map((user) =>
                fail(
                    'AG-03',
                    user,
                    `User ${user} has a presence configuration with capacity but is not a member of any messaging queue (${queueList}).`,
                    'Add the user to the messaging queue (Setup > Users > Queues > Edit > Queue Members).',
                    { setupPath: SETUP_PATHS.queues }
                )
            )
        ];
    }
    return [
        notEvaluated(
            'AG-03',
            'org',
            `Not evaluated: whether any agent can use the messaging presence status and holds the enhanced chat licence depends on permission set assignments, which are not metadata. ${facts}${repRoutes.length > 0 ? ` Route Work ${repRoutes.join(', ')} offers chats to reps by skills or directly, without a queue, so queue membership is not required for those routes.` : ''}`,
            'Run the in-org Readiness Report to join queue membership, presence status access, capacity and licence per agent.'
        )
    ];
}

// ---------------------------------------------------------------------------------------------------------
// AG-04 — Enhanced Conversation on the Messaging Session record page
// ---------------------------------------------------------------------------------------------------------

const PAGE_FIX =
    'In Setup > User Interface > Lightning App Builder, open (or create from the Salesforce default) the Messaging Session record page, add the Enhanced Conversation component, save and activate it (002 L880-888).';

// AG-04
function checkConversationComponent(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-04'], ['flexiPages']);
    if (unread) return unread;
    const pages = ctx.snapshot.flexiPages.items.filter((p) => p.sobjectType === MESSAGING_SESSION_OBJECT);
    if (pages.length === 0) {
        return [
            fail(
                'AG-04',
                'org',
                `No Lightning record page for Messaging Session was found${ctx.snapshot.origin.kind === 'metadata' ? ' in the scanned source' : ''}, so agents see the default page without the Enhanced Conversation component.`,
                PAGE_FIX
            )
        ];
    }
    return pages.map((page) => {
        const options = { location: page.source };
        if (page.components.includes(ENHANCED_CONVERSATION_COMPONENT)) {
            return pass(
                'AG-04',
                page.name,
                `Messaging Session page "${page.name}" has the Enhanced Conversation component (${ENHANCED_CONVERSATION_COMPONENT}). Make sure it is the activated page for the agents' app.`,
                options
            );
        }
        const legacy = page.components.includes(LEGACY_CONVERSATION_COMPONENT)
            ? ` It has the older Conversation component (${LEGACY_CONVERSATION_COMPONENT}), which shows an empty transcript for enhanced chat sessions.`
            : '';
        return fail(
            'AG-04',
            page.name,
            `Messaging Session page "${page.name}" has no Enhanced Conversation component (${ENHANCED_CONVERSATION_COMPONENT}).${legacy}`,
            PAGE_FIX,
            options
        );
    });
}

export function runAgentChecks(ctx: CheckContext): CheckResult[] {
    return [
        ...checkLicence(ctx),
        ...checkObjectAccess(ctx),
        ...checkReadyAgent(ctx),
        ...checkConversationComponent(ctx)
    ];
}
