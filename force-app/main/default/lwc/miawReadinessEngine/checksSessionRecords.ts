/*
 * OPS-03, OPS-04 — what can stop Salesforce creating the Messaging Session or Messaging User record when a
 * customer starts a chat. The widget then keeps loading or shows "Not sent"; OPS-01 sees the errored sessions
 * afterwards, these checks read the objects' metadata before go-live (review-checks "Failure modes" item 2;
 * the Spring '23 admin guide names the same causes for the Error status).
 *
 * - OPS-03 (blocker): a required custom field without a default fails every insert.
 * - OPS-04 (warning): an active validation rule, Apex trigger or record-triggered flow may be fine, or may
 *   reject or break the insert; each is named with its object for a person to review.
 */
import { fail, listNames, notReadInOrg, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { SessionRecordRule } from './snapshot';

export const SESSION_RECORD_OBJECTS: readonly string[] = ['MessagingSession', 'MessagingEndUser'];

const OBJECT_LABELS: Readonly<Record<string, string>> = {
    MessagingSession: 'Messaging Session',
    MessagingEndUser: 'Messaging User'
};

const KIND_LABELS: Readonly<Record<string, string>> = {
    RequiredField: 'Required field',
    ValidationRule: 'Validation rule',
    ApexTrigger: 'Apex trigger',
    RecordTriggeredFlow: 'Record-triggered flow'
};

function objectLabel(sobjectType: string): string {
    return OBJECT_LABELS[sobjectType] ?? sobjectType;
}

function subjectOf(rule: SessionRecordRule): string {
    return `${rule.sobjectType}.${rule.name}`;
}

// OPS-03
function checkRequiredFields(ctx: CheckContext): CheckResult[] {
    const inOrg = notReadInOrg(
        ctx,
        ['OPS-03'],
        'sessionRecordRules',
        'the custom fields of Messaging Session and Messaging User',
        'In Setup > Object Manager > Messaging Session, then Messaging User > Fields & Relationships, confirm no custom field is required without a default value.'
    );
    if (inOrg) return inOrg;
    const unread = unreadSections(ctx, ['OPS-03'], ['sessionRecordRules']);
    if (unread) return unread;
    const required = ctx.snapshot.sessionRecordRules.items.filter((r) => r.kind === 'RequiredField');
    const blocking = required.filter((r) => r.hasDefault !== true);
    if (blocking.length === 0) {
        const defaulted = required.length > 0 ? ` (${listNames(required.map(subjectOf))} required with a default)` : '';
        return [
            pass(
                'OPS-03',
                'org',
                `No custom field on Messaging Session or Messaging User is required without a default value${defaulted}: Salesforce can create both records when a chat starts.`
            )
        ];
    }
    return blocking.map((field) =>
        fail(
            'OPS-03',
            subjectOf(field),
            `The custom field "${field.name}" on ${objectLabel(field.sobjectType)} is required and has no default value. Salesforce creates this record itself when a customer starts a chat and cannot fill the field, so the insert fails: the chat window keeps loading or shows "Not sent".`,
            `In Object Manager > ${objectLabel(field.sobjectType)} > Fields & Relationships, edit "${field.name}" and clear "Always require a value in this field", or give it a default value. Enforce the rule on the page layout instead, where agents fill it in.`,
            { location: field.source }
        )
    );
}

// OPS-04
function checkAutomation(ctx: CheckContext): CheckResult[] {
    const inOrg = notReadInOrg(
        ctx,
        ['OPS-04'],
        'sessionAutomation',
        'validation rules, Apex triggers and record-triggered flows on Messaging Session and Messaging User',
        'In Setup > Object Manager > Messaging Session, then Messaging User, review each active Validation Rule and Trigger; in Setup > Flows, review active record-triggered flows on these objects. Then run a test chat in a sandbox.'
    );
    if (inOrg) return inOrg;
    const results: CheckResult[] = [];
    const rulesUnread = unreadSections(ctx, ['OPS-04'], ['sessionRecordRules'], 'validation rules');
    // The in-org report reads validation rules with triggers and flows (Tooling), so its section holds all three.
    const automationUnread = unreadSections(
        ctx,
        ['OPS-04'],
        ['sessionAutomation'],
        ctx.snapshot.origin.kind === 'org'
            ? 'validation rules, Apex triggers and record-triggered flows'
            : 'Apex triggers and record-triggered flows'
    );
    const candidates = [
        ...(rulesUnread ? [] : ctx.snapshot.sessionRecordRules.items.filter((r) => r.kind === 'ValidationRule')),
        ...(automationUnread ? [] : ctx.snapshot.sessionAutomation.items)
    ];
    // Unknown activity counts as active: a rule that may run must be reviewed, never assumed off.
    const running = candidates.filter((r) => r.isActive !== false);
    const inactive = candidates.length - running.length;
    for (const rule of running) {
        const kind = KIND_LABELS[rule.kind] ?? rule.kind;
        const state = rule.isActive === undefined ? 'may be active (its status could not be read)' : 'is active';
        results.push(
            fail(
                'OPS-04',
                subjectOf(rule),
                `${kind} "${rule.name}" on ${objectLabel(rule.sobjectType)} ${state}${rule.detail ? ` (${rule.detail})` : ''}. It runs when Salesforce creates or updates this record during a chat; if it rejects the record or throws an error, the chat window keeps loading or shows "Not sent".`,
                remediationFor(rule),
                { location: rule.source }
            )
        );
    }
    if (rulesUnread) results.push(...rulesUnread);
    if (automationUnread) results.push(...automationUnread);
    if (results.length === 0) {
        const off = inactive > 0 ? ` (${inactive} inactive)` : '';
        results.push(
            pass(
                'OPS-04',
                'org',
                `No active validation rule, Apex trigger or record-triggered flow on Messaging Session or Messaging User${off}.`
            )
        );
    }
    return results;
}

function remediationFor(rule: SessionRecordRule): string {
    const test =
        'Start a test chat in a sandbox and confirm the Messaging Session is created and routed (no status Error).';
    switch (rule.kind) {
        case 'ValidationRule':
            return `Review the rule's error condition: it must never be true for a record Salesforce creates on its own when a chat starts (no agent, no pre-chat values yet). Exclude those records in the formula or deactivate the rule. ${test}`;
        case 'ApexTrigger':
            return `Review the trigger's code: it must not add errors to, or throw on, records created when a chat starts, and must stay within governor limits. ${test}`;
        case 'RecordTriggeredFlow':
            return `Review the flow's entry conditions and fault paths: it must not fail on records created when a chat starts. ${test}`;
        default:
            return test;
    }
}

export function runSessionRecordChecks(ctx: CheckContext): CheckResult[] {
    return [...checkRequiredFields(ctx), ...checkAutomation(ctx)];
}
