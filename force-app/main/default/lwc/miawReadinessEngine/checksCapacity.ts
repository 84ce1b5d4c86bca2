/*
 * CP — capacity and presence (CHECKS.md "CP"): the messaging service channel, its capacity model, the
 * presence status linked to it, who may use that status, and the presence configuration that gives agents
 * capacity. Without all of them Omni-Channel never offers a chat to anyone (check-research.md failure
 * mode 11, "agent never offered work").
 */
import { agentCount, heldSummary, nameAgents, partialAgentsNote } from './agentGroups';
import {
    agentStatusAccess,
    candidateViews,
    heldPermissionSets,
    messagingChannelName,
    messagingStatuses
} from './checksAgents';
import { fail, isRead, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { Agent, PermissionSet, PresenceConfig, ServiceChannel } from './snapshot';
import { isDefaultPresenceConfig, MESSAGING_SESSION_OBJECT } from './snapshotIndex';

export const STATUS_BASED = 'StatusBased';
export const TAB_BASED = 'TabBased';

function channelLabel(channel: ServiceChannel): string {
    return channel.label ? `"${channel.developerName}" (${channel.label})` : `"${channel.developerName}"`;
}

const NO_CHANNEL_REASON = 'Not evaluated: there is no messaging service channel to check (CP-01 reports it).';
const NO_CHANNEL_HOW =
    'Create the messaging service channel first (Setup > Omni-Channel > Service Channels), then run the check again.';

// CP-01
function checkServiceChannel(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['CP-01'], ['serviceChannels']);
    if (unread) return unread;
    const channel = ctx.index.messagingServiceChannel;
    const all = ctx.snapshot.serviceChannels.items;
    const remediation =
        'In Setup > Omni-Channel > Service Channels, create a service channel for Messaging Session; Salesforce names it sfdc_livemessage when Messaging is set up.';
    const others = all.length > 0 ? `; the source has ${listNames(all.map((c) => c.developerName))}` : '';
    if (!channel && ctx.snapshot.origin.kind === 'metadata' && ctx.index.miawChannels.length > 0) {
        // Salesforce creates sfdc_livemessage itself when messaging is set up; exports with MIAW channels but
        // without it retrieved only some service channels (diogo-weenow), so its absence proves nothing.
        return [
            notEvaluated(
                'CP-01',
                'org',
                `Not evaluated: the scanned source has Messaging for In-App and Web channels but not the messaging service channel sfdc_livemessage${others}. Salesforce creates that channel when messaging is set up, so it was most likely not retrieved.`,
                'Retrieve it (sf project retrieve start --metadata ServiceChannel:sfdc_livemessage) and scan again, or run the in-org Readiness Report.'
            )
        ];
    }
    if (!channel) {
        return [
            fail(
                'CP-01',
                'org',
                `No service channel for Messaging Session exists${all.length > 0 ? `; the ${all.length} service channel${all.length === 1 ? ' is' : 's are'} ${listNames(all.map((c) => c.developerName))}` : ''}. Omni-Channel cannot route messaging sessions without it.`,
                remediation
            )
        ];
    }
    const options = { location: channel.source };
    if (channel.relatedEntityType === MESSAGING_SESSION_OBJECT) {
        return [
            pass(
                'CP-01',
                channel.developerName,
                `Service channel ${channelLabel(channel)} routes Messaging Session work.`,
                options
            )
        ];
    }
    if (channel.relatedEntityType === undefined) {
        // The index found it by its standard name; the source leaves the related object empty (xsi:nil).
        return [
            pass(
                'CP-01',
                channel.developerName,
                `Service channel ${channelLabel(channel)} exists; its related object is not stated in the source, so confirm in Setup that it is Messaging Session.`,
                options
            )
        ];
    }
    return [
        fail(
            'CP-01',
            channel.developerName,
            `Service channel ${channelLabel(channel)} routes ${channel.relatedEntityType}, not Messaging Session, and no other service channel routes Messaging Session.`,
            remediation,
            options
        )
    ];
}

/** Whether the Omni-Channel settings enable status-based capacity (then chosen per service channel), when stated. */
function orgStatusCapFlag(ctx: CheckContext): boolean | undefined {
    if (!isRead(ctx, 'omniChannelSettings')) return undefined;
    return ctx.snapshot.omniChannelSettings.items[0]?.enableOmniStatusCapModel;
}

// CP-02
function checkCapacityModel(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['CP-02'], ['serviceChannels']);
    if (unread) return unread;
    const channel = ctx.index.messagingServiceChannel;
    if (!channel) return [notEvaluated('CP-02', 'org', NO_CHANNEL_REASON, NO_CHANNEL_HOW)];
    const options = { location: channel.source };
    // The plan may deliberately choose tab-based; a tab-based channel stays a warning (capacity is freed when a
    // rep closes the tab, not when the asynchronous session ends) and the message says the plan chose it.
    const planTab = ctx.plan.capacityModel === 'tab';
    const planNote = planTab
        ? ' The setup plan chose tab-based capacity; this stays a warning so the trade-off is seen at sign-off.'
        : '';
    const remediation =
        'To count capacity by session status: enable "Status-Based Capacity Model" in Setup > Omni-Channel Settings, then in Setup > Service Channels edit the Messaging channel and set Capacity Model to Status-Based. The model is chosen per service channel, so other channels keep theirs. Trade-off: Customer Inactivity (marking idle sessions Inactive automatically) does not work with status-based capacity.';
    let model = channel.capacityModel;
    let inferred = '';
    if (model === undefined && orgStatusCapFlag(ctx) === false) {
        // Without the Omni-Channel setting no service channel can choose status-based, so the channel is tab-based.
        model = TAB_BASED;
        inferred = ' (inferred: status-based capacity is not enabled in the Omni-Channel settings)';
    }
    if (model === STATUS_BASED) {
        return [
            pass(
                'CP-02',
                channel.developerName,
                `Service channel ${channelLabel(channel)} uses status-based capacity: a session uses a rep's capacity until it ends or is reassigned. Customer Inactivity (marking idle sessions Inactive automatically) does not work with status-based capacity.${planTab ? ' Note: the setup plan says tab-based; update the plan to match.' : ''}`,
                options
            )
        ];
    }
    if (model === undefined) {
        return [
            notEvaluated(
                'CP-02',
                channel.developerName,
                `Not evaluated: service channel ${channelLabel(channel)} does not state its capacity model (the capacityModel field exists from API version 65.0) and the Omni-Channel settings do not show status-based capacity disabled.${planNote}`,
                'Retrieve the service channel with API version 65.0 or later, or check Capacity Model on the channel in Setup > Omni-Channel > Service Channels.',
                options
            )
        ];
    }
    return [
        fail(
            'CP-02',
            channel.developerName,
            `Service channel ${channelLabel(channel)} uses ${model === TAB_BASED ? 'tab-based' : model} capacity${inferred}: a session stops using a rep's capacity when the rep closes its tab, not when the session ends.${planNote}`,
            remediation,
            options
        )
    ];
}

// CP-03
function checkLinkedStatus(ctx: CheckContext): CheckResult[] {
    const unreadChannels = unreadSections(ctx, ['CP-03'], ['serviceChannels']);
    if (unreadChannels) return unreadChannels;
    const channel = ctx.index.messagingServiceChannel;
    if (!channel) return [notEvaluated('CP-03', 'org', NO_CHANNEL_REASON, NO_CHANNEL_HOW)];
    const unread = unreadSections(ctx, ['CP-03'], ['presenceStatuses'], channel.developerName);
    if (unread) return unread;
    const linked = messagingStatuses(ctx);
    if (linked.length > 0) {
        return linked.map((status) =>
            pass(
                'CP-03',
                status.developerName,
                `Presence status "${status.developerName}"${status.label ? ` (${status.label})` : ''} is linked to the messaging service channel "${channel.developerName}".`,
                { location: status.source }
            )
        );
    }
    const all = ctx.snapshot.presenceStatuses.items;
    return [
        fail(
            'CP-03',
            channel.developerName,
            `No presence status is linked to the messaging service channel "${channel.developerName}"${all.length > 0 ? `; the presence statuses are ${listNames(all.map((s) => (s.channels.length > 0 ? `${s.developerName} → ${s.channels.join(', ')}` : `${s.developerName} → no channel`)))}` : '; there are no presence statuses'}. Agents cannot go online for messaging.`,
            'In Setup > Omni-Channel > Presence Statuses, create a status such as "Available - Messaging" (Status Options: Online) and add the Messaging service channel to it.',
            { location: channel.source }
        )
    ];
}

const STATUS_ACCESS_FIX =
    'In Setup > Users > Permission Sets, open the agent permission set, choose Service Presence Statuses Access, enable the messaging presence status and assign the permission set to the agents.';

/** Statuses a permission set grants that the (read) snapshot does not define. */
function danglingGrants(ctx: CheckContext, ps: PermissionSet): string[] {
    return ps.presenceStatusAccesses.filter((s) => !ctx.index.presenceStatusesByName.has(s));
}

function danglingNote(names: readonly string[]): string {
    if (names.length === 0) return '';
    return ` It also grants ${listNames(names)}, which ${names.length === 1 ? 'is' : 'are'} not among the presence statuses read: the reference is stale, or the status was not retrieved.`;
}

// CP-04
function checkStatusAccess(ctx: CheckContext): CheckResult[] {
    const channelName = messagingChannelName(ctx);
    if (!channelName) {
        return [
            notEvaluated(
                'CP-04',
                'org',
                'Not evaluated: there is no messaging service channel, so no presence status can be linked to it (CP-01 reports it).',
                'Create the messaging service channel and a presence status linked to it, then run the check again.'
            )
        ];
    }
    if (!isRead(ctx, 'presenceStatuses')) {
        // Still say which statuses the permission sets grant, so the admin can tell what to retrieve.
        const granted = isRead(ctx, 'permissionSets')
            ? [...new Set(ctx.snapshot.permissionSets.items.flatMap((ps) => ps.presenceStatusAccesses))]
            : [];
        const base = unreadSections(ctx, ['CP-04'], ['presenceStatuses']) ?? [];
        if (granted.length === 0) return base;
        return base.map((r) =>
            notEvaluated(
                'CP-04',
                r.subject,
                `${r.message} Permission sets grant ${listNames(granted)}; whether any of them is linked to messaging needs the presence statuses.`,
                r.remediation
            )
        );
    }
    const statuses = messagingStatuses(ctx);
    if (statuses.length === 0) {
        return [
            notEvaluated(
                'CP-04',
                channelName,
                `Not evaluated: no presence status is linked to the messaging service channel "${channelName}" (CP-03 reports it), so there is no status to grant.`,
                'Link a presence status to the messaging service channel first (Setup > Omni-Channel > Presence Statuses).'
            )
        ];
    }
    const unread = unreadSections(ctx, ['CP-04'], ['permissionSets']);
    if (unread) return unread;
    const statusNames = new Set(statuses.map((s) => s.developerName));
    const statusList = `${statusNames.size === 1 ? 'status' : 'statuses'} ${listNames([...statusNames])}`;
    const results: CheckResult[] = [];
    const granting: PermissionSet[] = [];
    for (const ps of ctx.snapshot.permissionSets.items) {
        const grants = ps.presenceStatusAccesses.filter((s) => statusNames.has(s));
        const dangling = danglingGrants(ctx, ps);
        if (grants.length > 0) {
            granting.push(ps);
            const assignees =
                ps.assigneeCount === undefined
                    ? ''
                    : ps.assigneeCount === 0
                      ? ' It is assigned to no one yet.'
                      : ` It is assigned to ${ps.assigneeCount} user${ps.assigneeCount === 1 ? '' : 's'}.`;
            results.push(
                pass(
                    'CP-04',
                    ps.name,
                    `Permission set "${ps.name}" grants the messaging presence status ${listNames(grants)}.${assignees}${danglingNote(dangling)}`,
                    { location: ps.source }
                )
            );
        } else if (dangling.length > 0) {
            // Cannot tell whether the unknown status is a messaging one; say so rather than guess.
            results.push(
                notEvaluated(
                    'CP-04',
                    ps.name,
                    `Not evaluated: permission set "${ps.name}" grants the presence status ${listNames(dangling)}, which is not among the presence statuses read (${listNames(ctx.snapshot.presenceStatuses.items.map((s) => s.developerName))}), so whether it is linked to messaging is unknown.`,
                    'Retrieve the presence status into the scanned folder, or correct the permission set to grant an existing messaging status.',
                    { location: ps.source }
                )
            );
        }
    }
    if (granting.length === 0) {
        if (ctx.snapshot.origin.kind === 'metadata') {
            // Profiles can grant status access too and are not read: a fail here would be a false blocker for
            // an admin who grants by profile.
            results.push(
                notEvaluated(
                    'CP-04',
                    'org',
                    `Not evaluated: no permission set in the scanned source grants the messaging presence ${statusList}. Profiles can also grant access to presence statuses and were not read, so this is not conclusive.`,
                    `If the agents' profile grants it, nothing to do; otherwise: ${STATUS_ACCESS_FIX} The in-org Readiness Report checks each agent.`
                )
            );
        } else {
            results.push(
                fail(
                    'CP-04',
                    'org',
                    `No permission set in the org grants the messaging presence ${statusList}, so no agent can go online for messaging.`,
                    STATUS_ACCESS_FIX
                )
            );
        }
    }
    if (ctx.snapshot.origin.kind === 'org') results.push(...checkAgentsStatusAccess(ctx, statusList));
    return results;
}

/**
 * Org snapshots: each messaging agent holds a messaging status through an assigned permission set. Agents are
 * reported in groups (agentGroups.ts): one pass with the count, one fail naming the agents without access.
 */
function checkAgentsStatusAccess(ctx: CheckContext, statusList: string): CheckResult[] {
    const unread = unreadSections(ctx, ['CP-04'], ['agents'], 'agents');
    if (unread) return unread;
    const statuses = messagingStatuses(ctx);
    const views = candidateViews(ctx);
    // No agents at all is AG-03's finding; there is nobody to judge here.
    if (views.length === 0) return [];
    const withAccess: Agent[] = [];
    const without: Agent[] = [];
    const unsure: Agent[] = [];
    for (const { agent, held } of views) {
        const fact = agentStatusAccess(ctx, agent, statuses, held);
        if (fact === 'yes') withAccess.push(agent);
        else if (fact === 'no') without.push(agent);
        else unsure.push(agent);
    }
    const results: CheckResult[] = [];
    if (withAccess.length > 0) {
        const total = `${views.length.toLocaleString('en-US')} messaging agent${views.length === 1 ? '' : 's'}`;
        let who = `${withAccess.length.toLocaleString('en-US')} of the ${total} ${withAccess.length === 1 ? 'holds' : 'hold'}`;
        if (withAccess.length === views.length)
            who = views.length === 1 ? 'The 1 messaging agent holds' : `All ${total} hold`;
        results.push(
            pass(
                'CP-04',
                'agents',
                `${who} a permission set granting the messaging presence ${statusList}.${partialAgentsNote(ctx)}`
            )
        );
    }
    if (without.length > 0) {
        results.push(
            fail(
                'CP-04',
                'Agents without a messaging presence status',
                `${agentCount(without.length)} ${without.length === 1 ? 'holds' : 'hold'} no permission set that grants the messaging presence ${statusList}, so ${without.length === 1 ? 'it cannot' : 'they cannot'} go online for messaging: ${nameAgents(without)}. They hold: ${heldSummary(without)}.`,
                STATUS_ACCESS_FIX
            )
        );
    }
    if (unsure.length > 0) {
        const unreadSets = [...new Set(unsure.flatMap((a) => heldPermissionSets(ctx, a).unknown))];
        results.push(
            notEvaluated(
                'CP-04',
                'Agents with unread permission sets',
                `Not evaluated: ${agentCount(unsure.length)} ${unsure.length === 1 ? 'holds' : 'hold'} permission sets that were not read (${listNames(unreadSets)}), so access to the messaging presence ${statusList} is unknown: ${nameAgents(unsure)}.`,
                'Run the Readiness Report as an admin who can read all permission sets.'
            )
        );
    }
    return results;
}

// CP-05
function checkPresenceConfig(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['CP-05'], ['presenceConfigs']);
    if (unread) return unread;
    const configs = ctx.snapshot.presenceConfigs.items;
    const remediation =
        'In Setup > Omni-Channel > Presence Configurations, set a capacity above 0 (e.g. the number of chats an agent handles at once) and assign the configuration to the messaging agents or their profile.';
    if (configs.length === 0) {
        return [
            fail(
                'CP-05',
                'org',
                'No presence configuration exists, so agents have no capacity and are never offered a chat.',
                remediation
            )
        ];
    }
    // In org snapshots the agents also say which configuration applies to them (directly or through the profile).
    const agentCounts = new Map<string, number>();
    for (const agent of ctx.snapshot.agents.items) {
        if (agent.presenceConfig)
            agentCounts.set(agent.presenceConfig, (agentCounts.get(agent.presenceConfig) ?? 0) + 1);
    }
    const assignment = (c: PresenceConfig): string => {
        if (isDefaultPresenceConfig(c)) return 'every user not assigned another configuration (the org default)';
        const parts: string[] = [];
        if (c.assignedUsers.length > 0)
            parts.push(`${c.assignedUsers.length} user${c.assignedUsers.length === 1 ? '' : 's'}`);
        if (c.assignedProfiles.length > 0)
            parts.push(`the profile${c.assignedProfiles.length === 1 ? '' : 's'} ${listNames(c.assignedProfiles)}`);
        const viaAgents = agentCounts.get(c.developerName) ?? 0;
        if (parts.length === 0 && viaAgents > 0) parts.push(`${viaAgents} agent${viaAgents === 1 ? '' : 's'}`);
        return parts.join(' and ');
    };
    const assigned = configs.filter((c) => assignment(c) !== '');
    const usable = assigned.filter((c) => (c.capacity ?? 0) > 0);
    const unassigned = configs.filter((c) => assignment(c) === '');
    const unusedNote =
        unassigned.length > 0
            ? ` Not assigned to anyone, so without effect: ${listNames(unassigned.map((c) => c.developerName))}.`
            : '';
    const results: CheckResult[] = assigned.map((c) => {
        const options = { location: c.source };
        if ((c.capacity ?? 0) > 0) {
            return pass(
                'CP-05',
                c.developerName,
                `Presence configuration "${c.developerName}" has capacity ${c.capacity} and is assigned to ${assignment(c)}.${unusedNote}`,
                options
            );
        }
        return fail(
            'CP-05',
            c.developerName,
            `Presence configuration "${c.developerName}" is assigned to ${assignment(c)} but its capacity is ${c.capacity ?? 'not set'}, so those agents are never offered work.`,
            remediation,
            options
        );
    });
    if (usable.length === 0) {
        // Nothing gives agents capacity: each unassigned configuration is a candidate to fix, so name each.
        for (const c of unassigned) {
            results.push(
                fail(
                    'CP-05',
                    c.developerName,
                    `Presence configuration "${c.developerName}"${(c.capacity ?? 0) > 0 ? ` has capacity ${c.capacity} but` : ` has capacity ${c.capacity ?? 'not set'} and`} is assigned to no user or profile, so no agent gets capacity from it.`,
                    remediation,
                    { location: c.source }
                )
            );
        }
    }
    return results;
}

export function runCapacityChecks(ctx: CheckContext): CheckResult[] {
    return [
        ...checkServiceChannel(ctx),
        ...checkCapacityModel(ctx),
        ...checkLinkedStatus(ctx),
        ...checkStatusAccess(ctx),
        ...checkPresenceConfig(ctx)
    ];
}
