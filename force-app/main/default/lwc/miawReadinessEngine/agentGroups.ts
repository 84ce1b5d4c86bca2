/*
 * Agent results at org scale. An org can have tens of thousands of messaging agents; one result per agent per
 * check is unreadable (and was most of the engine's time). The agent checks (AG, CP-04) report instead:
 * - passing agents per group, the permission set (or sets) that grants what the check tests, with a count;
 * - failing agents grouped by what they lack, naming the first NAMED_AGENTS_MAX and giving the total.
 * Subjects name the group, never a count, so a result keeps its identity (check ID + subject) across runs.
 *
 * Agents that hold the same permission sets share the same facts, so facts are computed once per combination of
 * permission sets (a handful in a real org), not once per agent.
 */
import { listNames } from './checkKit';
import type { CheckContext } from './checkKit';
import type { Agent, PermissionSet } from './snapshot';
import type { SnapshotIndex } from './snapshotIndex';

/** How many agents a grouped result names before it says "and N more". */
export const NAMED_AGENTS_MAX = 20;

export function agentName(agent: Agent): string {
    return agent.name ? `${agent.name} (${agent.user})` : agent.user;
}

/** "1 agent", "1,234 agents". */
export function agentCount(count: number): string {
    return `${count.toLocaleString('en-US')} agent${count === 1 ? '' : 's'}`;
}

/** The first NAMED_AGENTS_MAX agents by name, quoted, then "and N more". */
export function nameAgents(agents: readonly Agent[], max = NAMED_AGENTS_MAX): string {
    const shown = agents.slice(0, max).map(agentName);
    const rest = agents.length - shown.length;
    return rest > 0 ? `${listNames(shown, max)} and ${rest.toLocaleString('en-US')} more` : listNames(shown, max);
}

/**
 * When the in-org read listed only part of the agents (it caps the candidates and says so in a read problem), a
 * passing group must not sound like all of them: this note says so. Empty when every candidate was read.
 */
export function partialAgentsNote(ctx: CheckContext): string {
    const capped = ctx.snapshot.problems.find((p) => p.section === 'agents');
    return capped ? ` Only the agents the read listed were checked: ${capped.message}` : '';
}

/** Groups items by key, keeping first-seen order of the keys and of the items. */
export function groupByKey<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
    const groups = new Map<K, T[]>();
    for (const item of items) {
        const key = keyOf(item);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
    }
    return groups;
}

export interface HeldPermissionSets {
    /** The assigned permission sets the snapshot defines, in assignment order. */
    known: PermissionSet[];
    /** Assigned permission sets the snapshot has no definition for. */
    unknown: string[];
    /** Facts computed once for this combination (perCombination slots): a property read per agent, not a lookup. */
    memo: unknown[];
}

const heldByIndex = new WeakMap<SnapshotIndex, Map<string, HeldPermissionSets>>();

/**
 * The agent's assigned permission sets, resolved against the snapshot. Agents holding the same combination share
 * one (frozen-by-convention) object, so callers can memoize facts per combination with a WeakMap keyed on it.
 */
export function heldPermissionSets(ctx: CheckContext, agent: Agent): HeldPermissionSets {
    let byCombination = heldByIndex.get(ctx.index);
    if (!byCombination) {
        byCombination = new Map();
        heldByIndex.set(ctx.index, byCombination);
    }
    const key = agent.permissionSets.length === 1 ? agent.permissionSets[0] : agent.permissionSets.join('\u0000');
    let held = byCombination.get(key);
    if (!held) {
        held = { known: [], unknown: [], memo: [] };
        for (const name of agent.permissionSets) {
            const ps = ctx.index.permissionSetsByName.get(name);
            if (ps) held.known.push(ps);
            else held.unknown.push(name);
        }
        byCombination.set(key, held);
    }
    return held;
}

let nextMemoSlot = 0;
const NOT_COMPUTED = undefined;

/**
 * A fact computed once per combination of permission sets, kept in a slot of the combination's memo. A combination
 * belongs to one run (heldPermissionSets is per snapshot index), so a slot never outlives the data it was computed
 * from. Facts must not be undefined (use null). Call at module level: each call allocates a slot.
 */
export function perCombination<T>(compute: (held: HeldPermissionSets) => T): (held: HeldPermissionSets) => T {
    const slot = nextMemoSlot++;
    return (held) => {
        const cached = held.memo[slot];
        if (cached !== NOT_COMPUTED) return cached as T;
        const value = compute(held);
        held.memo[slot] = value;
        return value;
    };
}

/**
 * perCombination for a fact that also depends on a key object (e.g. the run's messaging statuses): one slot, holding
 * the key it was computed for. Slots are allocated once per call site, never per run, so memo arrays stay dense.
 */
export function perCombinationFor<K, T>(
    compute: (held: HeldPermissionSets, key: K) => T
): (held: HeldPermissionSets, key: K) => T {
    const slot = nextMemoSlot++;
    return (held, key) => {
        const cached = held.memo[slot] as { key: K; value: T } | undefined;
        if (cached !== NOT_COMPUTED && cached.key === key) return cached.value;
        const value = compute(held, key);
        held.memo[slot] = { key, value };
        return value;
    };
}

/** "Permission set X" or "Permission sets X + Y": the subject of a group of passing agents. */
export function permissionSetGroupSubject(sets: readonly PermissionSet[]): string {
    const names = sets.map((ps) => ps.name);
    return names.length === 1 ? `Permission set ${names[0]}` : `Permission sets ${names.join(' + ')}`;
}

/**
 * What the agents of a failing group hold, most common first: `"Status_Only" (12 agents), none (3 agents)`.
 * Tells the admin which permission sets to edit.
 */
export function heldSummary(agents: readonly Agent[], max = 8): string {
    // Count by combination first and format only the combinations shown: the groups can hold 50,000 agents.
    const counts = new Map<string, { sets: readonly string[]; count: number }>();
    for (const agent of agents) {
        const sets = agent.permissionSets;
        const key = sets.length === 1 ? sets[0] : sets.join('\u0000');
        const entry = counts.get(key);
        if (entry) entry.count++;
        else counts.set(key, { sets: agent.permissionSets, count: 1 });
    }
    const sorted = [...counts.values()].sort((a, b) => b.count - a.count);
    const shown = sorted
        .slice(0, max)
        .map(({ sets, count }) => `${sets.length > 0 ? listNames(sets) : 'none'} (${agentCount(count)})`);
    const rest = sorted.length - shown.length;
    return `${shown.join('; ')}${rest > 0 ? `; and ${rest} other combination${rest === 1 ? '' : 's'}` : ''}`;
}
