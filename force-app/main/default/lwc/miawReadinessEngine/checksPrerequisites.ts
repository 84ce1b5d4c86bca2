/*
 * PRE — prerequisites (CHECKS.md): Omni-Channel on, Messaging for In-App and Web available, the Messaging
 * toggle (not needed), the Omni-Channel setting that enables status-based capacity, skills-based routing for transfers.
 *
 * PRE-01 and PRE-02 treat a `not_present` section as the finding itself (the object exists only when the
 * feature is on); every other unread section makes the check not_evaluated with the reader's reason.
 */
import { SECTION_LABELS, fail, isRead, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { OmniChannelSettings, Section, SnapshotSectionName } from './snapshot';
import { MIAW_CHANNEL_TYPE } from './snapshotIndex';

const ORG = 'org';
const OMNI_SETTINGS_PATH = 'Setup > Omni-Channel Settings';

/** Omni-Channel objects that exist only when Omni-Channel is on (data-model A: in-org proxy). */
const OMNI_OBJECT_SECTIONS: readonly SnapshotSectionName[] = [
    'serviceChannels',
    'presenceStatuses',
    'presenceConfigs',
    'routingConfigs'
];

export function runPrerequisiteChecks(ctx: CheckContext): CheckResult[] {
    return [
        checkOmniChannelEnabled(ctx),
        checkMessagingAvailable(ctx),
        checkMessagingToggle(ctx),
        checkStatusBasedCapacity(ctx),
        checkSkillsRouting(ctx)
    ];
}

/** The settings record when the section was read and holds one; undefined otherwise. */
function omniSettings(ctx: CheckContext): OmniChannelSettings | undefined {
    return isRead(ctx, 'omniChannelSettings') ? ctx.snapshot.omniChannelSettings.items[0] : undefined;
}

/**
 * Not evaluated because the Omni-Channel settings are missing: the section was not read, or it was read
 * but holds no settings record (an empty settings folder).
 */
function settingsUnread(ctx: CheckContext, checkId: string): CheckResult {
    const unread = unreadSections(ctx, [checkId], ['omniChannelSettings']);
    if (unread) return unread[0];
    return notEvaluated(
        checkId,
        ORG,
        'Not evaluated: the Omni-Channel settings were read but hold no OmniChannelSettings record.',
        'Retrieve settings/OmniChannel.settings-meta.xml (sf project retrieve start -m Settings:OmniChannel) and run the check again.'
    );
}

/** The not_evaluated result for one unread section (the caller has checked that it is not read). */
function sectionUnread(ctx: CheckContext, checkId: string, name: SnapshotSectionName): CheckResult {
    const unread = unreadSections(ctx, [checkId], [name]);
    if (unread) return unread[0];
    return notEvaluated(checkId, ORG, `Not evaluated: the ${SECTION_LABELS[name]} could not be used.`, '');
}

function yesNo(value: boolean | undefined): string {
    return value === undefined ? 'not set' : String(value);
}

// PRE-01
/**
 * Omni-Channel is on. The settings flag wins when it was read; otherwise Omni-only objects stand in
 * for it: objects that were read with items prove it is on, objects that are `not_present` prove it is off.
 */
export function checkOmniChannelEnabled(ctx: CheckContext): CheckResult {
    const settings = omniSettings(ctx);
    const location = settings?.source;
    if (settings?.enableOmniChannel === true) {
        return pass('PRE-01', ORG, 'Omni-Channel is enabled (OmniChannelSettings.enableOmniChannel = true).', {
            location
        });
    }
    if (settings?.enableOmniChannel === false) {
        return fail(
            'PRE-01',
            ORG,
            'Omni-Channel is turned off (OmniChannelSettings.enableOmniChannel = false): messaging sessions cannot be routed to agents.',
            `Turn it on: ${OMNI_SETTINGS_PATH} > select "Enable Omni-Channel" > Save. Messaging needs it before channels, queues and presence statuses can route work.`,
            { location }
        );
    }
    const settingsSection = ctx.snapshot.omniChannelSettings;
    const evidence = omniObjectEvidence(ctx);
    if (evidence.length > 0) {
        const why =
            settingsSection.reason && settingsSection.reason !== 'not read' ? `: ${settingsSection.reason}` : '';
        const settingsState =
            settingsSection.state === 'read' ? 'were read without the enableOmniChannel flag' : `were not read${why}`;
        return pass(
            'PRE-01',
            ORG,
            `Omni-Channel is on (inferred: Omni-Channel objects exist — ${evidence.join(', ')}); the Omni-Channel settings themselves ${settingsState}.`
        );
    }
    const absent = [
        ...(settingsSection.state === 'not_present' ? ['omniChannelSettings'] : []),
        ...OMNI_OBJECT_SECTIONS.filter((name) => ctx.snapshot[name].state === 'not_present')
    ];
    if (absent.length > 0) {
        const reason = (ctx.snapshot[absent[0] as SnapshotSectionName] as Section<unknown>).reason;
        return fail(
            'PRE-01',
            ORG,
            `Omni-Channel is off: the org has no Omni-Channel objects (${absent.join(', ')} not present${reason ? `: ${reason}` : ''}).`,
            `Turn it on: ${OMNI_SETTINGS_PATH} > select "Enable Omni-Channel" > Save, then run the check again.`
        );
    }
    return settingsUnread(ctx, 'PRE-01');
}

/** Omni-only sections read with items (plus queues that carry a routing configuration), as readable text. */
function omniObjectEvidence(ctx: CheckContext): string[] {
    const s = ctx.snapshot;
    const found: string[] = [];
    const count = (name: SnapshotSectionName, label: string): void => {
        const section = s[name] as Section<unknown>;
        if (section.state === 'read' && section.items.length > 0) found.push(`${section.items.length} ${label}`);
    };
    count('serviceChannels', 'service channel(s)');
    count('routingConfigs', 'routing configuration(s)');
    count('presenceConfigs', 'presence configuration(s)');
    count('presenceStatuses', 'presence status(es)');
    if (s.queues.state === 'read') {
        const routed = s.queues.items.filter((q) => q.queueRoutingConfig).length;
        if (routed > 0) found.push(`${routed} queue(s) with a routing configuration`);
    }
    return found;
}

// PRE-02
/**
 * MIAW is available when the MessagingChannel object is (read, even with no channel: CH-01 reports an
 * empty list). `not_present` is the finding: the org lacks the licence/add-on. A metadata folder without a
 * messagingChannels folder says nothing either way.
 */
export function checkMessagingAvailable(ctx: CheckContext): CheckResult {
    const section = ctx.snapshot.messagingChannels;
    if (section.state === 'read') {
        const miaw = section.items.filter((c) => c.messagingChannelType === MIAW_CHANNEL_TYPE).length;
        const where =
            ctx.snapshot.origin.kind === 'org'
                ? 'the MessagingChannel object is present in the org'
                : 'the source holds MessagingChannel metadata';
        return pass(
            'PRE-02',
            ORG,
            `MessagingChannel object available: ${where} (${section.items.length} channel(s), ${miaw} of type Messaging for In-App and Web).`
        );
    }
    if (section.state === 'not_present') {
        return fail(
            'PRE-02',
            ORG,
            `Messaging for In-App and Web is not available: the MessagingChannel object is not present in the org${section.reason ? ` (${section.reason})` : ''}.`,
            'Enhanced Chat (Messaging for In-App and Web) needs a Service Cloud edition with a Messaging add-on: the Digital Engagement add-on or, since 23 February 2026, the Agentforce Contact Center Digital add-on (sandboxes need a matching licence). Ask your Salesforce account team which one your contract includes; once provisioned, Setup > Messaging Settings > New Channel offers "Messaging for In-App and Web".'
        );
    }
    const result = sectionUnread(ctx, 'PRE-02', 'messagingChannels');
    // The Messaging toggle is the usual red herring here (emielergo-style exports: no channels, toggle off).
    const toggle = isRead(ctx, 'liveMessageSettings') ? ctx.snapshot.liveMessageSettings.items[0] : undefined;
    if (toggle?.enableLiveMessage === false) {
        result.message +=
            ' The Messaging toggle being off (enableLiveMessage = false) is no evidence either way: MIAW does not use it.';
    }
    return result;
}

// PRE-03
/**
 * Informational: the Messaging toggle is for WhatsApp, Facebook Messenger and SMS only (the Spring '23 admin guide).
 * The check never fails on either value — the toggle is not a MIAW requirement. A missing settings file
 * means the toggle was never set, which is the same answer; only a failed read is not_evaluated.
 */
export function checkMessagingToggle(ctx: CheckContext): CheckResult {
    const section = ctx.snapshot.liveMessageSettings;
    const settings = section.state === 'read' ? section.items[0] : undefined;
    const location = settings?.source;
    if (settings?.enableLiveMessage === true) {
        return pass(
            'PRE-03',
            ORG,
            'The Messaging toggle is on (enableLiveMessage = true). It is only needed for WhatsApp, Facebook Messenger and SMS channels; Messaging for In-App and Web works with it on or off.',
            { location }
        );
    }
    if (section.state === 'read' || section.state === 'not_in_source') {
        const found =
            settings?.enableLiveMessage === false
                ? 'off (enableLiveMessage = false)'
                : section.state === 'not_in_source'
                  ? 'not set (no Messaging settings file in the source)'
                  : 'not set';
        return pass(
            'PRE-03',
            ORG,
            `The Messaging toggle is ${found}. That is fine: Messaging for In-App and Web does not need it; it is only for WhatsApp, Facebook Messenger and SMS.`,
            { location }
        );
    }
    return sectionUnread(ctx, 'PRE-03', 'liveMessageSettings');
}

// PRE-04
/**
 * The org setting that makes status-based capacity available (Salesforce Help, "Set Up a Status-Based
 * Capacity Model": enabling it lets each service channel choose status-based; the model is chosen per
 * channel, so it changes nothing for other channels by itself). A plan that deliberately chose tab-based
 * capacity turns the warning into a pass that says so. The trade-off admins must know: Customer Inactivity
 * (sessions marked Inactive automatically) does not work with status-based capacity enabled.
 */
export function checkStatusBasedCapacity(ctx: CheckContext): CheckResult {
    const settings = omniSettings(ctx);
    if (!settings) return settingsUnread(ctx, 'PRE-04');
    const location = settings.source;
    if (settings.enableOmniStatusCapModel === true) {
        const note =
            ctx.plan.capacityModel === 'tab'
                ? ' Note: the setup plan says tab-based; each service channel still chooses its own model (CP-02).'
                : '';
        return pass(
            'PRE-04',
            ORG,
            `Status-based capacity is enabled in the Omni-Channel settings (enableOmniStatusCapModel = true), so the Messaging service channel can use it (CP-02). Customer Inactivity (marking idle sessions Inactive automatically) does not work while status-based capacity is enabled.${note}`,
            { location }
        );
    }
    if (ctx.plan.capacityModel === 'tab') {
        return pass(
            'PRE-04',
            ORG,
            `Status-based capacity is not enabled in the Omni-Channel settings (enableOmniStatusCapModel = ${yesNo(settings.enableOmniStatusCapModel)}), and the setup plan chose tab-based capacity deliberately.`,
            { location }
        );
    }
    return fail(
        'PRE-04',
        ORG,
        `Status-based capacity is not enabled in the Omni-Channel settings (enableOmniStatusCapModel = ${yesNo(settings.enableOmniStatusCapModel)}), so every service channel, messaging included, counts agent capacity by open tab: a session stops using capacity when the rep closes its tab, not when it ends.`,
        `To count capacity by session status: ${OMNI_SETTINGS_PATH} > select "Enable Status-Based Capacity Model" > Save, then set the Messaging service channel to Status-Based (CP-02); other service channels keep their own model. Trade-off: Customer Inactivity (marking idle sessions Inactive automatically) does not work with status-based capacity. If you keep tab-based on purpose, choose tab-based capacity in the setup plan.`,
        { location }
    );
}

// PRE-05
/** Informational: transfers in MIAW need skills-based and direct-to-agent routing (the Spring '23 admin guide). */
export function checkSkillsRouting(ctx: CheckContext): CheckResult {
    const settings = omniSettings(ctx);
    if (!settings) return settingsUnread(ctx, 'PRE-05');
    const location = settings.source;
    if (settings.enableOmniSkillsRouting === true) {
        return pass(
            'PRE-05',
            ORG,
            'Skills-based and direct-to-agent routing is enabled (enableOmniSkillsRouting = true): agents can transfer messaging sessions.',
            { location }
        );
    }
    return fail(
        'PRE-05',
        ORG,
        `Skills-based and direct-to-agent routing is off (enableOmniSkillsRouting = ${yesNo(settings.enableOmniSkillsRouting)}): agents cannot transfer Messaging for In-App and Web sessions to another agent, queue or flow.`,
        `If agents must transfer chats: ${OMNI_SETTINGS_PATH} > select "Enable Skills-Based and Direct-to-Agent Routing" > Save.`,
        { location }
    );
}
