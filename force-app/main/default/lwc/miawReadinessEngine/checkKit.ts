/*
 * What every check needs: the context it reads and the builders that turn a finding into a CheckResult
 * with the catalog's title, area, severity, Setup path and source filled in.
 */
import { checkSpec } from './checkCatalog';
import type { CheckResult, CheckStatus, Severity } from './result';
import { recordSetupPath } from './setupPaths';
import type { OrgSnapshot, Section, SnapshotSectionName, SourceRef } from './snapshot';
import type { SetupPlan } from './setupPlan';
import type { SnapshotIndex } from './snapshotIndex';

export interface CheckContext {
    snapshot: OrgSnapshot;
    plan: SetupPlan;
    index: SnapshotIndex;
}

/** A function that evaluates one or more check IDs and returns one result per check per subject. */
export type CheckRunner = (ctx: CheckContext) => CheckResult[];

export interface ResultOptions {
    /** A more exact Setup page than the catalog default (e.g. the queue's record page). */
    setupPath?: string;
    location?: SourceRef;
    /**
     * A lower severity than the catalog's for this one result, when the subject matters less than the check
     * assumes (e.g. a queue that only receives sessions when a flow fails). The message must say why.
     */
    severity?: Severity;
}

/** Human names for snapshot sections, as an admin would call them. */
export const SECTION_LABELS: Readonly<Record<SnapshotSectionName, string>> = {
    omniChannelSettings: 'Omni-Channel settings (OmniChannelSettings)',
    liveMessageSettings: 'Messaging settings (LiveMessageSettings)',
    messagingChannels: 'messaging channels (MessagingChannel)',
    deployments: 'Embedded Service deployments (EmbeddedServiceConfig)',
    legacyChat: 'legacy Chat components (EmbeddedServiceLiveAgent, EmbeddedServiceBranding, LiveChatDeployment)',
    corsEntries: 'CORS allowlist (CorsWhitelistOrigin)',
    cspTrustedSites: 'CSP Trusted Sites (CspTrustedSite)',
    serviceChannels: 'service channels (ServiceChannel)',
    presenceStatuses: 'presence statuses (ServicePresenceStatus)',
    presenceConfigs: 'presence configurations (PresenceUserConfig)',
    routingConfigs: 'routing configurations (QueueRoutingConfig)',
    queues: 'queues (Queue)',
    flows: 'flows (Flow)',
    permissionSets: 'permission sets (PermissionSet)',
    agents: 'agents and their assignments (User, PermissionSetAssignment)',
    flexiPages: 'Lightning pages (FlexiPage)',
    sessionRecordRules:
        'Messaging Session and Messaging User fields and validation rules (CustomObject MessagingSession, MessagingEndUser)',
    sessionAutomation: 'Apex triggers and record-triggered flows (ApexTrigger, Flow)',
    lightningApps: 'Lightning apps (CustomApplication)',
    businessHours: 'business hours (BusinessHours)',
    sessionSignals: 'recent messaging sessions (MessagingSession)'
};

/**
 * Returns the string flattened. Messages are template literals, which V8 builds as trees of string pieces; a result
 * lives as long as the report, so each piece would be copied by every young-generation collection until promoted.
 * Reading one character makes V8 flatten the tree into one string and the pieces die young: on the largest bench
 * org (75,000 results) this took a third off the engine's time. Any other engine just reads a character.
 */
function flat(text: string): string {
    text.charCodeAt(0);
    return text;
}

function build(
    checkId: string,
    status: CheckStatus,
    subject: string,
    message: string,
    remediation: string,
    options: ResultOptions = {}
): CheckResult {
    const s = checkSpec(checkId);
    const result: CheckResult = {
        checkId,
        title: s.title,
        area: s.area,
        severity: options.severity ?? s.severity,
        status,
        subject: flat(subject),
        message: flat(message),
        remediation: flat(remediation),
        // An org record in the location links straight to its Setup page; otherwise the catalog's list page.
        setupPath: flat(options.setupPath ?? recordSetupPath(options.location?.recordId) ?? s.setupPath),
        source: s.source,
        evidence: s.evaluatedIn
    };
    if (options.location && (options.location.file || options.location.recordId)) result.location = options.location;
    return result;
}

export function pass(checkId: string, subject: string, message: string, options?: ResultOptions): CheckResult {
    return build(checkId, 'pass', subject, message, '', options);
}

export function fail(
    checkId: string,
    subject: string,
    message: string,
    remediation: string,
    options?: ResultOptions
): CheckResult {
    return build(checkId, 'fail', subject, message, remediation, options);
}

/** The data could not be read: `reason` says why and how to get it. */
export function notEvaluated(
    checkId: string,
    subject: string,
    reason: string,
    howToEnable: string,
    options?: ResultOptions
): CheckResult {
    return build(checkId, 'not_evaluated', subject, reason, howToEnable, options);
}

/** Only a person can confirm it; the sign-off records who and when. */
export function manual(checkId: string, subject: string, message: string, whatToDo: string): CheckResult {
    return build(checkId, 'manual', subject, message, whatToDo);
}

/** How to get a section that was not read, by why it was not read. */
function howToRead(snapshot: OrgSnapshot, name: SnapshotSectionName, section: Section<unknown>): string {
    const label = SECTION_LABELS[name];
    switch (section.state) {
        case 'not_in_source':
            return snapshot.origin.kind === 'metadata'
                ? `Retrieve the ${label} into the scanned folder (sf project retrieve start) and run the scan again.`
                : `Read the ${label} in the org.`;
        case 'unavailable':
            return `Connect the app to the org's API (Guided Setup, step 1) so it can read the ${label}.`;
        case 'not_present':
            return 'Turn on the feature that provides this object, then run the check again.';
        case 'no_permission':
            return `Give the running user read access to the ${label}, or run the check as an admin.`;
        case 'error':
            return `Fix the problems reported for the ${label} (see the read problems) and run the scan again.`;
        default:
            return '';
    }
}

/**
 * Returns not_evaluated results (one per check ID) when any of the sections the checks read was not read,
 * or null when all were. The message names the section and its reason; never a silent pass.
 */
export function unreadSections(
    ctx: CheckContext,
    checkIds: readonly string[],
    sections: readonly SnapshotSectionName[],
    subject = 'org'
): CheckResult[] | null {
    for (const name of sections) {
        const section = ctx.snapshot[name] as Section<unknown>;
        if (section.state !== 'read') {
            const reason = `Not evaluated: ${SECTION_LABELS[name]} ${section.state === 'not_in_source' ? 'not in the scanned source' : 'not read'}${section.reason ? ` (${section.reason})` : ''}.`;
            const how = howToRead(ctx.snapshot, name, section);
            return checkIds.map((id) => notEvaluated(id, subject, reason, how));
        }
    }
    return null;
}

/** True when the section was read completely. */
export function isRead(ctx: CheckContext, name: SnapshotSectionName): boolean {
    return (ctx.snapshot[name] as Section<unknown>).state === 'read';
}

/** Joins names for a message: "a, b and c". */
export function listNames(names: readonly string[], max = 8): string {
    const shown = names.slice(0, max).map((n) => `"${n}"`);
    const more = names.length > max ? ` and ${names.length - max} more` : '';
    if (shown.length <= 1) return shown.join('') + more;
    if (more) return shown.join(', ') + more;
    return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/**
 * For a section an in-org reader did not read (package versions before apps, object rules and triggers were read;
 * their stored runs still load): in an org snapshot marked `not_in_source`, one
 * not_evaluated result per check that names what was not read and where in Setup a person can look instead;
 * null otherwise (a metadata scan explains a missing folder through `unreadSections`).
 */
export function notReadInOrg(
    ctx: CheckContext,
    checkIds: readonly string[],
    section: SnapshotSectionName,
    what: string,
    whereToLook: string,
    subject = 'org'
): CheckResult[] | null {
    if (ctx.snapshot.origin.kind !== 'org' || (ctx.snapshot[section] as Section<unknown>).state !== 'not_in_source') {
        return null;
    }
    return checkIds.map((id) =>
        notEvaluated(id, subject, `Not evaluated: the in-org report does not read ${what} yet.`, whereToLook)
    );
}
