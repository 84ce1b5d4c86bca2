/*
 * OPS — live signals (CHECKS.md "OPS"). Only the org has recent Messaging Session records; a metadata scan
 * says so once per check instead of passing.
 */
import { fail, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { SessionSignals } from './snapshot';

/** A session waiting longer than this (minutes) points at a routing or fallback problem (a community setup gotcha). */
export const WAITING_THRESHOLD_MINUTES = 30;

const NO_REASON = 'no error reason recorded';

const METADATA_REASON =
    'Not evaluated: recent messaging sessions are live data in the org; a metadata folder does not contain them.';
const METADATA_HOW = 'Open the in-org Readiness Report (MIAW Setup Assistant app > Readiness Report) and run it there.';
const NO_RESULT_REASON = 'Not evaluated: the recent messaging sessions query returned no result set.';
const NO_RESULT_HOW =
    'Run the Readiness Report again; if it persists, give the running user read access to Messaging Sessions.';

function isMetadata(ctx: CheckContext): boolean {
    return ctx.snapshot.origin.kind === 'metadata';
}

/** The one SessionSignals item of a read section (undefined when the reader returned none). */
function signalsOf(ctx: CheckContext): SessionSignals | undefined {
    return ctx.snapshot.sessionSignals.items[0];
}

function latest(dates: readonly (string | undefined)[]): string | undefined {
    return dates
        .filter((d): d is string => !!d)
        .sort()
        .pop();
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// OPS-01
function checkErroredSessions(ctx: CheckContext): CheckResult[] {
    if (isMetadata(ctx)) return [notEvaluated('OPS-01', 'org', METADATA_REASON, METADATA_HOW)];
    const unread = unreadSections(ctx, ['OPS-01'], ['sessionSignals']);
    if (unread) return unread;
    const signals = signalsOf(ctx);
    if (!signals) return [notEvaluated('OPS-01', 'org', NO_RESULT_REASON, NO_RESULT_HOW)];
    const window = `the last ${plural(signals.windowHours, 'hour')}`;
    if (signals.errored.length === 0) {
        return [pass('OPS-01', 'org', `No messaging session ended in status Error in ${window}.`)];
    }
    // Group by error reason: one reason is one fix (a trigger, a validation rule, a required field).
    const groups = new Map<string, typeof signals.errored>();
    for (const session of signals.errored) {
        const key = session.errorReason?.trim() || NO_REASON;
        groups.set(key, [...(groups.get(key) ?? []), session]);
    }
    return [...groups.entries()].map(([reason, sessions]) => {
        const channels = [...new Set(sessions.map((s) => s.channel).filter((c): c is string => !!c))];
        const when = latest(sessions.map((s) => s.createdDate));
        return fail(
            'OPS-01',
            reason,
            `${plural(sessions.length, 'messaging session')} failed with status Error in ${window}: ${reason === NO_REASON ? 'Salesforce recorded no error reason' : `"${reason}"`}${when ? `; latest ${when}` : ''}${channels.length > 0 ? `; channel ${listNames(channels)}` : ''}. Customers on these sessions see the chat stuck or messages not sent.`,
            'Open one of these Messaging Session records and read Error Reason. Fix what blocks creating or updating the Messaging Session or Messaging User record: a trigger, a validation rule, a required field or a flow on those objects.'
        );
    });
}

// OPS-02
function checkWaitingSessions(ctx: CheckContext): CheckResult[] {
    if (isMetadata(ctx)) return [notEvaluated('OPS-02', 'org', METADATA_REASON, METADATA_HOW)];
    const unread = unreadSections(ctx, ['OPS-02'], ['sessionSignals']);
    if (unread) return unread;
    const signals = signalsOf(ctx);
    if (!signals) return [notEvaluated('OPS-02', 'org', NO_RESULT_REASON, NO_RESULT_HOW)];
    const late = signals.waiting.filter((s) => s.waitingMinutes > WAITING_THRESHOLD_MINUTES);
    if (late.length === 0) {
        return [
            pass(
                'OPS-02',
                'org',
                `No messaging session has been waiting longer than ${WAITING_THRESHOLD_MINUTES} minutes (${plural(signals.waiting.length, 'session')} waiting now).`
            )
        ];
    }
    // Group by queue (the place to fix routing), else by channel.
    const groups = new Map<string, typeof late>();
    for (const session of late) {
        const key = session.queue ?? session.channel ?? 'unknown queue';
        groups.set(key, [...(groups.get(key) ?? []), session]);
    }
    return [...groups.entries()].map(([where, sessions]) => {
        const longest = Math.max(...sessions.map((s) => s.waitingMinutes));
        const kind = sessions[0].queue ? 'queue' : sessions[0].channel ? 'channel' : 'an unknown queue';
        return fail(
            'OPS-02',
            where,
            `${plural(sessions.length, 'messaging session')} in ${kind === 'an unknown queue' ? kind : `${kind} "${where}"`} ${sessions.length === 1 ? 'has' : 'have'} been waiting longer than ${WAITING_THRESHOLD_MINUTES} minutes; the longest for ${Math.round(longest)} minutes.`,
            'Check that agents in this queue are online in a messaging presence status with free capacity (CP, AG checks), that the routing flow sends work to a queue agents belong to, and that the channel has a fallback queue (CH-04). Route or end the stuck sessions from the Omni-Channel Supervisor.'
        );
    });
}

export function runOperationsChecks(ctx: CheckContext): CheckResult[] {
    return [...checkErroredSessions(ctx), ...checkWaitingSessions(ctx)];
}
