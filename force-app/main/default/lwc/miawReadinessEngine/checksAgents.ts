/*
 * AG — agents (CHECKS.md "AG"). Who can actually take a chat: licence and permission, object access, the full
 * join (queue ∩ presence status ∩ capacity ∩ permission) and the agent's record page.
 *
 * Two sources see different things (ARCHITECTURE.md): an org snapshot lists the agents with their assigned
 * permission sets, licences, queues and presence configuration; a metadata folder has permission sets,
 * queue members and presence-configuration assignments but no user records and no permission set
 * assignments. Each check evaluates what its source allows and says `not_evaluated` (with why) for the rest.
 *
 * In the org, agent results are grouped (agentGroups.ts): passing agents per granting permission set, failing
 * agents per what they lack, so 50,000 agents make a handful of results, not one per agent.
 *
 * The agent helpers are exported because the CP checks (checksCapacity.ts) judge the same agents.
 */
import {
    agentCount,
    agentName,
    groupByKey,
    heldPermissionSets,
    heldSummary,
    nameAgents,
    partialAgentsNote,
    perCombination,
    perCombinationFor,
    permissionSetGroupSubject
} from './agentGroups';
import type { HeldPermissionSets } from './agentGroups';
import { fail, isRead, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import { SETUP_PATHS } from './setupPaths';
import type { Agent, ObjectPermission, PermissionSet, PresenceConfig, PresenceStatus } from './snapshot';
import type { SnapshotIndex } from './snapshotIndex';
import {
    DEFAULT_PRESENCE_CONFIG,
    isDefaultPresenceConfig,
    MESSAGING_SERVICE_CHANNEL,
    MESSAGING_SESSION_OBJECT
} from './snapshotIndex';

export { agentName, heldPermissionSets } from './agentGroups';

export const MESSAGING_END_USER_OBJECT = 'MessagingEndUser';
/** Enhanced Chat User permission set licence (reference/data-model.md I). */
export const ENHANCED_CHAT_USER_PSL = 'EmbeddedServiceMessagingUserPsl';
/** "Enhanced Chat Rep" app permission (PermissionsEmbeddedMessagingAgent). */
export const ENHANCED_CHAT_REP_PERMISSION = 'EmbeddedMessagingAgent';
/** Messaging (WhatsApp/Facebook/SMS) agent permission: not what MIAW needs (the Spring '23 admin guide). */
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

const statusesByIndex = new WeakMap<SnapshotIndex, PresenceStatus[]>();

/**
 * Presence statuses linked to the messaging service channel (empty when statuses or the channel are unknown). One
 * array per run, so per-agent facts keyed on it are computed once per combination of permission sets.
 */
export function messagingStatuses(ctx: CheckContext): PresenceStatus[] {
    const cached = statusesByIndex.get(ctx.index);
    if (cached) return cached;
    const channel = messagingChannelName(ctx);
    const statuses =
        !channel || !isRead(ctx, 'presenceStatuses')
            ? []
            : ctx.snapshot.presenceStatuses.items.filter((s) => s.channels.includes(channel));
    statusesByIndex.set(ctx.index, statuses);
    return statuses;
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

const candidatesByIndex = new WeakMap<SnapshotIndex, Agent[]>();

/** Org snapshots: active users who are in a messaging queue or have a presence configuration. */
export function candidateAgents(ctx: CheckContext, queues?: Set<string>): Agent[] {
    // Four checks ask for the same candidates; at 50,000 agents the filter is worth doing once per run.
    const cached = queues ? undefined : candidatesByIndex.get(ctx.index);
    if (cached) return cached;
    const messagingQueues = queues ?? messagingQueueNames(ctx);
    const agents = ctx.snapshot.agents.items.filter(
        (a) => a.isActive !== false && (a.queues.some((q) => messagingQueues.has(q)) || a.presenceConfig !== undefined)
    );
    if (!queues) candidatesByIndex.set(ctx.index, agents);
    return agents;
}

/** A candidate agent with its permission sets resolved once per run. */
export interface AgentView {
    agent: Agent;
    held: HeldPermissionSets;
}

const viewsByIndex = new WeakMap<SnapshotIndex, AgentView[]>();

/** candidateAgents with their held permission sets, computed once per run for the five checks that judge them. */
export function candidateViews(ctx: CheckContext): AgentView[] {
    let views = viewsByIndex.get(ctx.index);
    if (!views) {
        views = candidateAgents(ctx).map((agent) => ({ agent, held: heldPermissionSets(ctx, agent) }));
        viewsByIndex.set(ctx.index, views);
    }
    return views;
}

const statusNamesOf = new WeakMap<readonly PresenceStatus[], Set<string>>();

/** Status access per combination of permission sets, for the run's list of messaging statuses. */
const statusAccessOf = perCombinationFor((held: HeldPermissionSets, statuses: readonly PresenceStatus[]): Fact => {
    let names = statusNamesOf.get(statuses);
    if (!names) {
        names = new Set(statuses.map((s) => s.developerName));
        statusNamesOf.set(statuses, names);
    }
    const granted = names;
    if (held.known.some((ps) => ps.presenceStatusAccesses.some((s) => granted.has(s)))) return 'yes';
    return held.unknown.length > 0 ? 'unknown' : 'no';
});

/** Whether the agent holds, through an assigned permission set, access to one of the messaging statuses. */
export function agentStatusAccess(
    ctx: CheckContext,
    agent: Agent,
    statuses: readonly PresenceStatus[],
    held: HeldPermissionSets = heldPermissionSets(ctx, agent)
): Fact {
    if (!isRead(ctx, 'permissionSets')) return 'unknown';
    return statusAccessOf(held, statuses);
}

const configsByIndex = new WeakMap<SnapshotIndex, Map<string, PresenceConfig>>();

function presenceConfigNamed(ctx: CheckContext, name: string): PresenceConfig | undefined {
    let byName = configsByIndex.get(ctx.index);
    if (!byName) {
        byName = new Map();
        for (const c of ctx.snapshot.presenceConfigs.items)
            if (!byName.has(c.developerName)) byName.set(c.developerName, c);
        configsByIndex.set(ctx.index, byName);
    }
    return byName.get(name);
}

/** Whether the agent's presence configuration exists and has capacity. */
export function agentCapacity(ctx: CheckContext, agent: Agent): { fact: Fact; config?: PresenceConfig } {
    if (!isRead(ctx, 'presenceConfigs')) return { fact: agent.presenceConfig ? 'unknown' : 'no' };
    // A user with no configuration of their own gets the org's Default Presence Configuration.
    const configName = agent.presenceConfig ?? DEFAULT_PRESENCE_CONFIG;
    const config = presenceConfigNamed(ctx, configName);
    if (!config && !agent.presenceConfig) return { fact: 'no' };
    if (!config) return { fact: 'unknown' };
    return { fact: (config.capacity ?? 0) > 0 ? 'yes' : 'no', config };
}

/** What an agent lacks for AG-05, or `ready` with the permission set that grants Enhanced Chat Rep. */
export type LicenceGap = 'licence' | 'permission' | 'licence-and-permission';

export interface LicenceFinding {
    fact: Fact;
    /** yes: the permission set granting Enhanced Chat Rep. */
    repSet?: PermissionSet | null;
    /** no: what is missing. */
    gap?: LicenceGap;
}

/** The first assigned permission set granting Enhanced Chat Rep, per combination of permission sets. */
const repSetOf = perCombination(
    (held: HeldPermissionSets) =>
        held.known.find((ps) => ps.userPermissions.includes(ENHANCED_CHAT_REP_PERMISSION)) ?? null
);

/**
 * AG-05's rule. Current Help ("Give Users Access to Enhanced Chat") asks for both: the Enhanced Chat User
 * permission set licence on the user, and a permission set with the Enhanced Chat Rep app permission. The Service
 * Cloud User feature licence of the Spring '23 admin guide no longer qualifies an agent on its own.
 * Enhanced Chat Rep comes with that licence, and licence-backed permissions are granted through permission sets,
 * which is what the snapshot lists per agent (profile-owned sets excluded).
 */
export function agentLicence(
    ctx: CheckContext,
    agent: Agent,
    held: HeldPermissionSets = heldPermissionSets(ctx, agent)
): LicenceFinding {
    const hasPsl = agent.permissionSetLicenses.includes(ENHANCED_CHAT_USER_PSL);
    const repSet = repSetOf(held);
    if (hasPsl && repSet) return { fact: 'yes', repSet };
    // The licence list is read with the agent, so a missing licence is conclusive whatever the permission sets say.
    if (!hasPsl) return { fact: 'no', gap: repSet || held.unknown.length > 0 ? 'licence' : 'licence-and-permission' };
    // Licensed, but the Enhanced Chat Rep permission may sit in a permission set the snapshot does not define.
    return held.unknown.length > 0 ? { fact: 'unknown' } : { fact: 'no', gap: 'permission' };
}

/** Read/edit gaps on one Messaging object, e.g. ["edit on Messaging Users"]. */
export function missingAccessOn(permissions: readonly ObjectPermission[], object: string): string[] {
    const grants = permissions.filter((p) => p.object === object);
    const label = OBJECT_LABELS[object];
    const read = grants.some((p) => p.allowRead);
    const edit = grants.some((p) => p.allowEdit);
    if (!read && !edit) return [`read and edit on ${label}`];
    if (!read) return [`read on ${label}`];
    if (!edit) return [`edit on ${label}`];
    return [];
}

const MESSAGING_OBJECTS: readonly string[] = [MESSAGING_SESSION_OBJECT, MESSAGING_END_USER_OBJECT];

function grantsMessagingObject(
    ps: PermissionSet,
    access: 'allowRead' | 'allowEdit',
    objects = MESSAGING_OBJECTS
): boolean {
    return ps.objectPermissions.some((p) => objects.includes(p.object) && p[access]);
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
const NO_AGENTS_FIX =
    'Add the agents to the messaging queue and assign them a presence configuration, then run the check again.';

/** Agents whose finding depends on permission sets the snapshot does not define: one not_evaluated result. */
function unreadSetsResult(ctx: CheckContext, checkId: string, agents: readonly Agent[], what: string): CheckResult {
    const unread = [...new Set(agents.flatMap((a) => heldPermissionSets(ctx, a).unknown))];
    return notEvaluated(
        checkId,
        'Agents with unread permission sets',
        `Not evaluated: ${agentCount(agents.length)} ${agents.length === 1 ? 'lacks' : 'lack'} ${what} in the permission sets that were read, but also ${agents.length === 1 ? 'holds' : 'hold'} ${listNames(unread)}, which ${unread.length === 1 ? 'was' : 'were'} not read: ${nameAgents(agents)}.`,
        'Run the Readiness Report as an admin who can read all permission sets.',
        { setupPath: SETUP_PATHS.permissionSets }
    );
}

// ---------------------------------------------------------------------------------------------------------
// AG-05 — the Enhanced Chat User licence and the Enhanced Chat Rep permission
// ---------------------------------------------------------------------------------------------------------

const LICENCE_FIX =
    'Assign each of them the Enhanced Chat User permission set licence (Setup > Users > Users > the user > Permission Set License Assignments > Edit Assignments).';
const REP_FIX =
    'Give them a permission set with the Enhanced Chat Rep app permission: in Setup > Users > Permission Sets, create one with License set to None, turn on App Permissions > Enhanced Chat Rep, and assign it to them.';

const LICENCE_GAPS: Readonly<Record<LicenceGap, { subject: string; lacks: string; fix: string; setupPath: string }>> = {
    'licence-and-permission': {
        subject: 'Agents without the Enhanced Chat User licence or the Enhanced Chat Rep permission',
        lacks: 'neither the Enhanced Chat User permission set licence nor a permission set with the Enhanced Chat Rep permission',
        fix: `${LICENCE_FIX} Then: ${REP_FIX}`,
        setupPath: SETUP_PATHS.users
    },
    licence: {
        subject: 'Agents without the Enhanced Chat User licence',
        lacks: 'no Enhanced Chat User permission set licence',
        fix: LICENCE_FIX,
        setupPath: SETUP_PATHS.users
    },
    permission: {
        subject: 'Agents without the Enhanced Chat Rep permission',
        lacks: 'the Enhanced Chat User licence but no permission set with the Enhanced Chat Rep permission',
        fix: REP_FIX,
        setupPath: SETUP_PATHS.permissionSets
    }
};

// AG-05
function checkLicence(ctx: CheckContext): CheckResult[] {
    return ctx.snapshot.origin.kind === 'org' ? checkLicenceInOrg(ctx) : checkLicenceInMetadata(ctx);
}

function checkLicenceInOrg(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-05'], ['agents', 'permissionSets']);
    if (unread) return unread;
    const views = candidateViews(ctx);
    if (views.length === 0) return [notEvaluated('AG-05', 'org', NO_AGENTS_REASON, NO_AGENTS_FIX)];
    const ready = new Map<PermissionSet, Agent[]>();
    const gaps = new Map<LicenceGap, Agent[]>();
    const unsure: Agent[] = [];
    for (const { agent, held } of views) {
        const finding = agentLicence(ctx, agent, held);
        if (finding.repSet) addTo(ready, finding.repSet, agent);
        else if (finding.gap) addTo(gaps, finding.gap, agent);
        else unsure.push(agent);
    }
    const results: CheckResult[] = [];
    for (const [ps, group] of ready) {
        results.push(
            pass(
                'AG-05',
                permissionSetGroupSubject([ps]),
                `${agentCount(group.length)} ${group.length === 1 ? 'holds' : 'hold'} the Enhanced Chat User licence and ${group.length === 1 ? 'gets' : 'get'} the Enhanced Chat Rep permission from permission set "${ps.name}".${partialAgentsNote(ctx)}`,
                { location: ps.source }
            )
        );
    }
    for (const gap of ['licence-and-permission', 'licence', 'permission'] as const) {
        const group = gaps.get(gap);
        if (group) results.push(licenceGapResult(gap, group));
    }
    if (unsure.length > 0) results.push(unreadSetsResult(ctx, 'AG-05', unsure, 'the Enhanced Chat Rep permission'));
    return results;
}

function addTo<K>(groups: Map<K, Agent[]>, key: K, agent: Agent): void {
    const group = groups.get(key);
    if (group) group.push(agent);
    else groups.set(key, [agent]);
}

function licenceGapResult(gap: LicenceGap, agents: readonly Agent[]): CheckResult {
    const spec = LICENCE_GAPS[gap];
    const oldModel = agents.filter((a) => a.hasServiceCloudUser === true).length;
    const oldModelNote =
        oldModel > 0
            ? ` ${oldModel === agents.length ? (agents.length === 1 ? 'It holds' : 'All of them hold') : `${agentCount(oldModel)} of them hold`} the Service Cloud User feature licence, which does not give access to Enhanced Chat on its own.`
            : '';
    return fail(
        'AG-05',
        spec.subject,
        `${agentCount(agents.length)} ${agents.length === 1 ? 'has' : 'have'} ${spec.lacks}, so ${agents.length === 1 ? 'it cannot' : 'they cannot'} send or receive Enhanced Chat messages: ${nameAgents(agents)}.${oldModelNote}`,
        spec.fix,
        { setupPath: spec.setupPath }
    );
}

function checkLicenceInMetadata(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['AG-05'], ['permissionSets']);
    if (unread) return unread;
    const repSets = ctx.snapshot.permissionSets.items.filter((ps) =>
        ps.userPermissions.includes(ENHANCED_CHAT_REP_PERMISSION)
    );
    if (repSets.length > 0) {
        return repSets.map((ps) =>
            pass(
                'AG-05',
                ps.name,
                `Permission set "${ps.name}" grants the Enhanced Chat Rep permission (EmbeddedMessagingAgent)${ps.license ? ` with licence ${ps.license}` : ''}. Its agents also need the Enhanced Chat User permission set licence; licence and permission set assignments are visible only in the org (the in-org Readiness Report checks each agent).`,
                { location: ps.source }
            )
        );
    }
    const legacy = ctx.snapshot.permissionSets.items.filter((ps) =>
        ps.userPermissions.includes(LEGACY_MESSAGING_AGENT_PERMISSION)
    );
    const legacyNote =
        legacy.length > 0
            ? ` ${listNames(legacy.map((ps) => ps.name))} grant${legacy.length === 1 ? 's' : ''} the Messaging Agent permission (LiveMessageAgent), which is for WhatsApp, Facebook and SMS, not for Enhanced Chat.`
            : '';
    // Not a fail: the agents' permission set may simply not be in the scanned folder.
    return [
        notEvaluated(
            'AG-05',
            'org',
            `Not evaluated: no permission set in the scanned source grants the Enhanced Chat Rep permission (EmbeddedMessagingAgent), which every Enhanced Chat agent needs together with the Enhanced Chat User permission set licence.${legacyNote}`,
            `Retrieve the agents' permission sets into the scanned folder, or run the in-org Readiness Report. If none exists yet: ${REP_FIX}`
        )
    ];
}

// ---------------------------------------------------------------------------------------------------------
// AG-06, AG-07 — read and edit on Messaging Sessions (blocker) and Messaging Users (warning)
// ---------------------------------------------------------------------------------------------------------

/**
 * Current Help asks for read and edit on Messaging Session in the agents' permission set; the Spring '23 guide
 * also asked for Messaging User (the Spring '23 admin guide), which current Help no longer lists, so that one only warns.
 */
const OBJECT_ACCESS_CHECKS: ReadonlyArray<{ checkId: 'AG-06' | 'AG-07'; object: string }> = [
    { checkId: 'AG-06', object: MESSAGING_SESSION_OBJECT },
    { checkId: 'AG-07', object: MESSAGING_END_USER_OBJECT }
];

function objectAccessFix(object: string): string {
    return `In Setup > Users > Permission Sets, open the agents' permission set, then Object Settings > ${OBJECT_LABELS[object]}, and give Read and Edit.`;
}

// AG-06, AG-07
function checkObjectAccess(ctx: CheckContext): CheckResult[] {
    const inOrg = ctx.snapshot.origin.kind === 'org';
    return OBJECT_ACCESS_CHECKS.flatMap(({ checkId, object }) => {
        if (inOrg) return checkObjectAccessInOrg(ctx, checkId, object);
        return checkObjectAccessInMetadata(ctx, checkId, object);
    });
}

interface ObjectAccess {
    /** The known permission sets granting read or edit on the object. */
    granting: PermissionSet[];
    /** e.g. "edit on Messaging Users"; empty when read and edit are both granted. */
    missing: string;
    /** The subject of the passing group: "Permission set X". */
    subject: string;
}

const objectAccessBy: Record<string, (held: HeldPermissionSets) => ObjectAccess> = Object.fromEntries(
    MESSAGING_OBJECTS.map((object) => [
        object,
        perCombination((held: HeldPermissionSets): ObjectAccess => {
            const granting = held.known.filter(
                (ps) =>
                    grantsMessagingObject(ps, 'allowRead', [object]) || grantsMessagingObject(ps, 'allowEdit', [object])
            );
            const permissions = held.known.flatMap((ps) => ps.objectPermissions);
            return {
                granting,
                missing: missingAccessOn(permissions, object).join(''),
                subject: permissionSetGroupSubject(granting)
            };
        })
    ])
);

function checkObjectAccessInOrg(ctx: CheckContext, checkId: string, object: string): CheckResult[] {
    const unread = unreadSections(ctx, [checkId], ['agents', 'permissionSets']);
    if (unread) return unread;
    const views = candidateViews(ctx);
    if (views.length === 0) return [notEvaluated(checkId, 'org', NO_AGENTS_REASON, NO_AGENTS_FIX)];
    const accessOf = objectAccessBy[object];
    const label = OBJECT_LABELS[object];
    const granted = new Map<string, { sets: PermissionSet[]; agents: Agent[] }>();
    const lacking = new Map<string, Agent[]>();
    const unsure: Agent[] = [];
    for (const { agent, held } of views) {
        const access = accessOf(held);
        if (access.missing === '') {
            const group = granted.get(access.subject);
            if (group) group.agents.push(agent);
            else granted.set(access.subject, { sets: access.granting, agents: [agent] });
        } else if (held.unknown.length > 0) unsure.push(agent);
        else addTo(lacking, access.missing, agent);
    }
    const results: CheckResult[] = [];
    for (const [subject, group] of granted) {
        const single = group.sets.length === 1 ? group.sets[0] : undefined;
        results.push(
            pass(
                checkId,
                subject,
                `${agentCount(group.agents.length)} can read and edit ${label} through ${single ? `permission set "${single.name}"` : `permission sets ${listNames(group.sets.map((ps) => ps.name))} together`}.${partialAgentsNote(ctx)}`,
                { location: single?.source }
            )
        );
    }
    for (const [missing, group] of lacking) {
        results.push(
            fail(
                checkId,
                `Agents without ${missing}`,
                `${agentCount(group.length)} ${group.length === 1 ? 'lacks' : 'lack'} ${missing} through their permission sets (object access granted by a profile is not read): ${nameAgents(group)}. They hold: ${heldSummary(group)}.`,
                objectAccessFix(object),
                { setupPath: SETUP_PATHS.permissionSets }
            )
        );
    }
    if (unsure.length > 0) results.push(unreadSetsResult(ctx, checkId, unsure, `read and edit on ${label}`));
    return results;
}

function checkObjectAccessInMetadata(ctx: CheckContext, checkId: string, object: string): CheckResult[] {
    const unread = unreadSections(ctx, [checkId], ['permissionSets']);
    if (unread) return unread;
    const label = OBJECT_LABELS[object];
    const fix = objectAccessFix(object);
    const sets = agentPermissionSets(ctx, messagingStatuses(ctx));
    if (sets.length === 0) {
        return [
            notEvaluated(
                checkId,
                'org',
                `Not evaluated: no permission set in the scanned source looks like an agent permission set (none grants a messaging presence status, the Enhanced Chat Rep permission or edit access on Messaging Sessions or Messaging Users). Agents may get their access from profiles, which were not read.`,
                `Retrieve the agent permission sets into the scanned folder, or run the in-org Readiness Report. ${fix}`
            )
        ];
    }
    const missingOf = (ps: PermissionSet): string => missingAccessOn(ps.objectPermissions, object).join('');
    const complete = sets.filter((ps) => missingOf(ps) === '');
    return sets.map((ps) => {
        const missing = missingOf(ps);
        const options = { location: ps.source };
        if (missing === '') {
            return pass(checkId, ps.name, `Permission set "${ps.name}" grants read and edit on ${label}.`, options);
        }
        // A set that grants no access on the object at all is often one of several an agent holds (a
        // presence-status set next to an object-access set). Metadata has no assignments, so when another set
        // in the source covers the object this is not conclusive.
        const grantsAny =
            grantsMessagingObject(ps, 'allowRead', [object]) || grantsMessagingObject(ps, 'allowEdit', [object]);
        if (!grantsAny && complete.length > 0) {
            return notEvaluated(
                checkId,
                ps.name,
                `Not evaluated: permission set "${ps.name}" grants no access on ${label} itself; ${listNames(complete.map((c) => c.name))} in the source grant${complete.length === 1 ? 's' : ''} read and edit on it. Whether the agents who hold "${ps.name}" also hold ${complete.length === 1 ? 'it' : 'one of them'} is only visible in the org.`,
                `Run the in-org Readiness Report, or add read and edit on ${label} to "${ps.name}". ${fix}`,
                options
            );
        }
        return fail(
            checkId,
            ps.name,
            `Permission set "${ps.name}" is an agent permission set but lacks ${missing}${complete.length === 0 ? `; no permission set in the source grants read and edit on ${label} (profiles were not read)` : ''}.`,
            fix,
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
    licence: 'no Enhanced Chat User licence with the Enhanced Chat Rep permission'
} as const;
type Requirement = keyof typeof LACK_LABELS;

interface AgentReadiness {
    agent: Agent;
    lacks: Requirement[];
    unknown: Requirement[];
}

const READY_FIX =
    'For each agent: add them to the messaging queue (Setup > Users > Queues), give them a permission set that grants the messaging presence status (Setup > Users > Permission Sets > Service Presence Statuses Access), assign a presence configuration with capacity (Setup > Omni-Channel > Presence Configurations) and the Enhanced Chat User licence with a permission set granting Enhanced Chat Rep (AG-05).';

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

const REQUIREMENTS = Object.keys(LACK_LABELS) as Requirement[];

/** The requirements whose bit is set in the mask; one shared array per mask, so agents cost no allocation. */
const requirementsByMask = new Map<number, Requirement[]>();
function requirementsIn(mask: number): Requirement[] {
    let list = requirementsByMask.get(mask);
    if (!list) {
        list = REQUIREMENTS.filter((_, i) => (mask & (1 << i)) !== 0);
        requirementsByMask.set(mask, list);
    }
    return list;
}

function assessAgent(
    ctx: CheckContext,
    { agent, held }: AgentView,
    queues: Set<string>,
    statuses: readonly PresenceStatus[],
    routesWithoutQueue = false
): AgentReadiness {
    let lacks = 0;
    let unknown = 0;
    // With skills-based or direct-to-rep routes a rep outside every queue may still be offered chats.
    const outsideQueues: Fact = routesWithoutQueue ? 'unknown' : 'no';
    // Bits in REQUIREMENTS order: queue, status, capacity, licence.
    const facts = [
        agent.queues.some((q) => queues.has(q)) ? 'yes' : outsideQueues,
        !isRead(ctx, 'presenceStatuses') ? 'unknown' : agentStatusAccess(ctx, agent, statuses, held),
        agentCapacity(ctx, agent).fact,
        agentLicence(ctx, agent, held).fact
    ] as const;
    for (let i = 0; i < facts.length; i++) {
        if (facts[i] === 'no') lacks |= 1 << i;
        else if (facts[i] === 'unknown') unknown |= 1 << i;
    }
    return { agent, lacks: requirementsIn(lacks), unknown: requirementsIn(unknown) };
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
    const assessed = candidateViews(ctx).map((view) => assessAgent(ctx, view, queues, statuses, withoutQueue));
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
                `${ready.length} agent${ready.length === 1 ? ' is' : 's are'} fully ready (in a messaging queue, with the messaging presence status, capacity and licence): ${nameAgents(
                    ready.map((r) => r.agent),
                    8
                )}.${partialNote}`
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
                `Not evaluated: no agent is confirmed ready; ${nameAgents(
                    maybe.map((r) => r.agent),
                    8
                )} could be, but the snapshot does not settle: ${unknowns.join(', ')}.${partialNote}`,
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
        ...partialAgentResults(partial)
    ];
}

/**
 * The partially configured agents when none is ready, one result per combination of what they lack (a handful,
 * whatever the number of agents), naming the first agents of each.
 */
function partialAgentResults(partial: readonly AgentReadiness[]): CheckResult[] {
    const groups = groupByKey(partial, (r) => r.lacks.join('+'));
    return [...groups.values()].map((group) => {
        const lacks = group[0].lacks.map((l) => LACK_LABELS[l]).join(', ');
        const agents = group.map((r) => r.agent);
        return fail(
            'AG-03',
            `Partially configured agents: ${lacks}`,
            `${agentCount(agents.length)} ${agents.length === 1 ? 'is' : 'are'} partially configured (${lacks}): ${nameAgents(agents)}.`,
            READY_FIX,
            { setupPath: SETUP_PATHS.users }
        );
    });
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
            `Not evaluated: whether any agent can use the messaging presence status and holds the Enhanced Chat User licence and the Enhanced Chat Rep permission depends on permission set assignments, which are not metadata. ${facts}${repRoutes.length > 0 ? ` Route Work ${repRoutes.join(', ')} offers chats to reps by skills or directly, without a queue, so queue membership is not required for those routes.` : ''}`,
            'Run the in-org Readiness Report to join queue membership, presence status access, capacity and licence per agent.'
        )
    ];
}

// ---------------------------------------------------------------------------------------------------------
// AG-04 — Enhanced Conversation on the Messaging Session record page
// ---------------------------------------------------------------------------------------------------------

const PAGE_FIX =
    'In Setup > User Interface > Lightning App Builder, open (or create from the Salesforce default) the Messaging Session record page, add the Enhanced Conversation component, save and activate it.';

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
            ? ` It has the older Conversation component (${LEGACY_CONVERSATION_COMPONENT}), which shows an empty transcript for Enhanced Chat sessions.`
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
        ...checkReadyAgent(ctx),
        ...checkConversationComponent(ctx),
        ...checkLicence(ctx),
        ...checkObjectAccess(ctx)
    ];
}
