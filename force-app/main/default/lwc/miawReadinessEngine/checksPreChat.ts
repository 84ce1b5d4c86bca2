/*
 * PC — pre-chat (CHECKS.md "PC"). The form lives on the deployment, its fields name channel parameters,
 * the channel maps each parameter to an input variable of its routing flow, and only that flow can write the
 * values to a record (the Spring '23 admin guide). Each check follows one link of that chain.
 *
 * Only fields of active forms are checked: an inactive form collects nothing (PC-09 reports an inactive
 * form that still has fields). A deployment without an active form gets one pass per check saying so.
 */
import { fail, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type {
    ChannelCustomParameter,
    ChannelStandardParameter,
    EmbeddedServiceDeployment,
    Flow,
    FlowRecordUpdate,
    MessagingChannel,
    PreChatFormField,
    SnapshotSectionName
} from './snapshot';
import { deploymentSetupPath, SETUP_PATHS } from './setupPaths';
import { MESSAGING_SESSION_OBJECT } from './snapshotIndex';

/** Form field name → standard channel parameter type (the Spring '23 admin guide). */
const STANDARD_FIELDS: Readonly<Record<string, string>> = {
    _FirstName: 'FirstName',
    _LastName: 'LastName',
    _Email: 'Email',
    _Subject: 'Subject'
};

const MAX_VISIBLE_FIELDS = 6;
const PUBLISH = 'then click Publish on the deployment (changes can take up to 10 minutes to show)';

// ---------------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------------

const activeFieldsByDeployment = new WeakMap<EmbeddedServiceDeployment, PreChatFormField[]>();

/** The fields of the active forms; asked by every PC check, so computed once per deployment (bench: 2,000). */
function activeFields(d: EmbeddedServiceDeployment): PreChatFormField[] {
    let fields = activeFieldsByDeployment.get(d);
    if (!fields) {
        fields = d.preChatForms.filter((f) => f.isActive).flatMap((f) => f.fields);
        activeFieldsByDeployment.set(d, fields);
    }
    return fields;
}

function inactiveFieldCount(d: EmbeddedServiceDeployment): number {
    return d.preChatForms.filter((f) => !f.isActive).reduce((n, f) => n + f.fields.length, 0);
}

function deploymentOptions(d: EmbeddedServiceDeployment) {
    return { setupPath: deploymentSetupPath(d.source?.recordId), location: d.source };
}

/** The single result a deployment without an active pre-chat form gets, or null when it has one. */
function noFormPass(checkId: string, d: EmbeddedServiceDeployment, what: string): CheckResult | null {
    if (activeFields(d).length > 0) return null;
    const inactive = inactiveFieldCount(d);
    const why =
        inactive > 0
            ? `its pre-chat form is inactive, so its ${inactive} field(s) are not collected (PC-09 reports this)`
            : 'it has no active pre-chat form with fields';
    // Vacuous, not unknown: a pass that says so, so a complete org without pre-chat is not "incomplete".
    return pass(
        checkId,
        d.developerName,
        `Nothing to check: deployment "${d.developerName}" does not collect pre-chat values (${why}); ${what}.`,
        deploymentOptions(d)
    );
}

function isStandardField(f: PreChatFormField): boolean {
    if (f.messagingChannelParameterType) return f.messagingChannelParameterType === 'Standard';
    return f.formField.startsWith('_');
}

function fieldSubject(d: EmbeddedServiceDeployment, f: PreChatFormField): string {
    return `${d.developerName}: ${f.formField}`;
}

function channelName(d: EmbeddedServiceDeployment): string | undefined {
    return d.messagingChannel?.messagingChannel || undefined;
}

/** Not evaluated because the deployment's channel is unknown (DP-03 reports the broken link itself). */
function channelMissing(checkId: string, d: EmbeddedServiceDeployment): CheckResult {
    const name = channelName(d);
    const reason = name
        ? `Not evaluated: deployment "${d.developerName}" points at messaging channel "${name}", which is not in the snapshot, so its pre-chat parameters cannot be checked (DP-03 reports the link).`
        : `Not evaluated: deployment "${d.developerName}" names no messaging channel, so its pre-chat parameters cannot be checked (DP-03 reports the link).`;
    const how = name
        ? `Retrieve messagingChannels/${name}.messagingChannel-meta.xml (or fix the deployment's channel, DP-03) and run the check again.`
        : 'Link the deployment to a Messaging for In-App and Web channel (DP-03) and run the check again.';
    return notEvaluated(checkId, d.developerName, reason, how, deploymentOptions(d));
}

/** Not evaluated because the channel's parameters were not read (snapshot: `parametersUnavailable`). */
function parametersUnknown(checkId: string, d: EmbeddedServiceDeployment, channel: MessagingChannel): CheckResult {
    return notEvaluated(
        checkId,
        d.developerName,
        `Not evaluated: the parameters and parameter mappings of channel "${channel.developerName}" (used by deployment "${d.developerName}") were not read: ${channel.parametersUnavailable}.`,
        "Connect the app to the org's API (Guided Setup, step 1) so it can read the channel's metadata, then run the check again.",
        { location: channel.source }
    );
}

type ParamRef =
    | { kind: 'custom'; key: string; label: string; name: string; param: ChannelCustomParameter }
    | { kind: 'standard'; key: string; label: string; type: string; param?: ChannelStandardParameter };

/** The channel parameter a form field uses, or undefined when the channel has none (PC-01 reports it). */
function paramFor(channel: MessagingChannel, f: PreChatFormField): ParamRef | undefined {
    if (isStandardField(f)) {
        const type = STANDARD_FIELDS[f.formField];
        if (!type) return undefined;
        const param = channel.standardParameters.find((p) => p.parameterType === type);
        return { kind: 'standard', key: `standard:${type}`, label: `${type} (standard)`, type, param };
    }
    const param = channel.customParameters.find((p) => p.name === f.formField);
    if (!param) return undefined;
    return { kind: 'custom', key: `custom:${param.name}`, label: param.name, name: param.name, param };
}

function mappingsOf(ref: ParamRef): string[] {
    return (ref.param?.actionParameterMappings ?? []).map((m) => m.actionParameterName).filter((n) => n);
}

/** How the channel routes, for the checks that need its flow. */
type Routing =
    | { kind: 'flow'; flow: Flow }
    | { kind: 'flowMissing'; flowName: string }
    | { kind: 'agent'; description: string }
    | { kind: 'noFlow'; description: string };

function routingOf(ctx: CheckContext, channel: MessagingChannel): Routing {
    const type = channel.sessionHandlerType;
    if (type === 'Flow' || (!type && channel.sessionHandlerFlow)) {
        if (!channel.sessionHandlerFlow) {
            return { kind: 'noFlow', description: 'is set to route by Omni-Channel flow but names no flow' };
        }
        const flow = ctx.index.flowsByName.get(channel.sessionHandlerFlow);
        return flow ? { kind: 'flow', flow } : { kind: 'flowMissing', flowName: channel.sessionHandlerFlow };
    }
    if (type === 'AgentforceServiceAgent') {
        const agent = channel.sessionHandlerAgent ? ` "${channel.sessionHandlerAgent}"` : '';
        return { kind: 'agent', description: `routes to the Agentforce agent${agent}` };
    }
    if (type === 'Queue') {
        const queue = channel.sessionHandlerQueue ? ` "${channel.sessionHandlerQueue}"` : '';
        return {
            kind: 'noFlow',
            description: `routes straight to the queue${queue}, not through an Omni-Channel flow`
        };
    }
    if (type === 'User') {
        const user = channel.sessionHandlerUser ? ` "${channel.sessionHandlerUser}"` : '';
        return { kind: 'noFlow', description: `routes straight to the user${user}, not through an Omni-Channel flow` };
    }
    return {
        kind: 'noFlow',
        description: type ? `routes by "${type}", not an Omni-Channel flow` : 'has no routing type'
    };
}

function flowNotInSnapshot(checkId: string, subject: string, channel: MessagingChannel, flowName: string): CheckResult {
    return notEvaluated(
        checkId,
        subject,
        `Not evaluated: channel "${channel.developerName}" routes through the flow "${flowName}", which is not in the snapshot.`,
        `Retrieve flows/${flowName}.flow-meta.xml into the scanned folder (or run the check in the org) and run it again.`,
        { setupPath: SETUP_PATHS.flows, location: channel.source }
    );
}

/** Deployments that have an active form, with their resolved channel; the others get `other`. */
function withChannels(
    ctx: CheckContext,
    checkId: string,
    what: string,
    needsParameters = true
): { pairs: Array<{ d: EmbeddedServiceDeployment; channel: MessagingChannel }>; other: CheckResult[] } {
    const pairs: Array<{ d: EmbeddedServiceDeployment; channel: MessagingChannel }> = [];
    const other: CheckResult[] = [];
    for (const d of ctx.index.deploymentsInScope) {
        const none = noFormPass(checkId, d, what);
        if (none) {
            other.push(none);
            continue;
        }
        const name = channelName(d);
        const channel = name ? ctx.index.channelsByName.get(name) : undefined;
        if (!channel) other.push(channelMissing(checkId, d));
        else if (needsParameters && channel.parametersUnavailable !== undefined)
            other.push(parametersUnknown(checkId, d, channel));
        else pairs.push({ d, channel });
    }
    return { pairs, other };
}

/** Channels (once each) of the deployments with an active form. */
function uniqueChannels(pairs: Array<{ channel: MessagingChannel }>): MessagingChannel[] {
    const seen = new Map<string, MessagingChannel>();
    for (const { channel } of pairs) if (!seen.has(channel.developerName)) seen.set(channel.developerName, channel);
    return [...seen.values()];
}

function guard(ctx: CheckContext, checkId: string, sections: SnapshotSectionName[]): CheckResult[] | null {
    return unreadSections(ctx, [checkId], sections);
}

/** The object a Update Records element writes: its `object`, or the type of the record it updates. */
function updatedObject(flow: Flow, u: FlowRecordUpdate): string | undefined {
    if (u.object) return u.object;
    const ref = u.inputReference?.split('.')[0];
    if (!ref) return undefined;
    const variable = flow.variables.find((v) => v.name === ref);
    if (variable?.objectType) return variable.objectType;
    return flow.recordLookups.find((l) => l.name === ref)?.object;
}

// ---------------------------------------------------------------------------------------------------------
// PC-01 … PC-09
// ---------------------------------------------------------------------------------------------------------

// PC-01: every form field names a parameter the channel has (custom: exact name; standard: a known type).
function checkFieldParameters(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-01', ['deployments', 'messagingChannels']);
    if (unread) return unread;
    const { pairs, other } = withChannels(ctx, 'PC-01', 'no field to match to a channel parameter');
    const results = [...other];
    for (const { d, channel } of pairs) {
        for (const f of activeFields(d)) {
            const subject = fieldSubject(d, f);
            const c = channel.developerName;
            if (isStandardField(f)) {
                const type = STANDARD_FIELDS[f.formField];
                if (type) {
                    results.push(
                        pass(
                            'PC-01',
                            subject,
                            `Standard pre-chat field "${f.formField}" on "${d.developerName}" uses the channel's built-in ${type} parameter on "${c}".`,
                            deploymentOptions(d)
                        )
                    );
                } else {
                    results.push(
                        fail(
                            'PC-01',
                            subject,
                            `Pre-chat field "${f.formField}" on "${d.developerName}" is marked Standard, but the standard fields are ${listNames(Object.keys(STANDARD_FIELDS))}.`,
                            `Setup > Embedded Service Deployments > ${d.developerName} > Edit Pre-Chat: remove the field and add it again as a standard field, or as a custom field backed by a custom parameter of channel "${c}"; ${PUBLISH}.`,
                            deploymentOptions(d)
                        )
                    );
                }
                continue;
            }
            const exact = channel.customParameters.find((p) => p.name === f.formField);
            if (exact) {
                results.push(
                    pass(
                        'PC-01',
                        subject,
                        `Custom pre-chat field "${f.formField}" on "${d.developerName}" refers to the custom parameter "${exact.name}" of channel "${c}".`,
                        deploymentOptions(d)
                    )
                );
                continue;
            }
            const caseOnly = channel.customParameters.find((p) => p.name.toLowerCase() === f.formField.toLowerCase());
            const found = caseOnly
                ? `channel "${c}" has "${caseOnly.name}", which differs only in letter case (names are case-sensitive)`
                : channel.customParameters.length
                  ? `channel "${c}" has only ${listNames(channel.customParameters.map((p) => p.name))}`
                  : `channel "${c}" has no custom parameters`;
            results.push(
                fail(
                    'PC-01',
                    subject,
                    `Custom pre-chat field "${f.formField}" on "${d.developerName}" refers to no custom parameter: ${found}.`,
                    `Setup > Messaging Settings > ${c} > Custom Parameters > New: create the parameter "${f.formField}" (Data Type String), or Setup > Embedded Service Deployments > ${d.developerName} > Edit Pre-Chat: pick an existing channel variable name for the field; ${PUBLISH}.`,
                    deploymentOptions(d)
                )
            );
        }
    }
    return results;
}

// PC-02: each channel parameter a form uses has at least one mapping to a flow variable; one result per parameter.
function checkParameterMappings(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-02', ['deployments', 'messagingChannels']);
    if (unread) return unread;
    const { pairs, other } = withChannels(ctx, 'PC-02', 'no channel parameter needs a mapping');
    const results = [...other];
    // Group users by channel parameter so a parameter shared by two deployments yields one result.
    const used = new Map<string, { channel: MessagingChannel; ref: ParamRef; users: string[] }>();
    for (const { d, channel } of pairs) {
        for (const f of activeFields(d)) {
            // A field without a parameter cannot be mapped; PC-01 fails it and names the fix.
            const ref = paramFor(channel, f);
            if (!ref) continue;
            const key = `${channel.developerName}\u0000${ref.key}`;
            const entry = used.get(key) ?? { channel, ref, users: [] };
            entry.users.push(`${d.developerName}: ${f.formField}`);
            used.set(key, entry);
        }
    }
    for (const { channel, ref, users } of used.values()) {
        const c = channel.developerName;
        const subject = `${c}: ${ref.label}`;
        const names = mappingsOf(ref);
        const opts = { location: channel.source };
        if (names.length) {
            results.push(
                pass(
                    'PC-02',
                    subject,
                    `Parameter ${ref.label} of channel "${c}" (used by ${listNames(users)}) is mapped to the flow variable ${listNames(names)}.`,
                    opts
                )
            );
            continue;
        }
        const paramName = ref.kind === 'custom' ? ref.name : ref.type;
        const declared =
            ref.kind === 'standard' && !ref.param
                ? `channel "${c}" declares no ${ref.type} standard parameter mapping at all`
                : `it has no parameter mapping`;
        results.push(
            fail(
                'PC-02',
                subject,
                `Parameter ${ref.label} of channel "${c}" is used by ${listNames(users)}, but ${declared}, so its value never reaches the routing flow.`,
                `Setup > Messaging Settings > ${c} > Parameter Mappings > New: map ${paramName} to the flow variable ${paramName} (same name keeps it simple), then add that variable to the routing flow as a Text input (PC-03).`,
                opts
            )
        );
    }
    return results;
}

// PC-03: every mapped flow variable exists in the channel's routing flow, exact name, Text, available for input.
function checkMappedVariables(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-03', ['deployments', 'messagingChannels', 'flows']);
    if (unread) return unread;
    const { pairs, other } = withChannels(ctx, 'PC-03', 'no mapped flow variable to check');
    const results = [...other];
    for (const channel of uniqueChannels(pairs)) {
        const c = channel.developerName;
        const mapped: Array<{ label: string; names: string[] }> = [
            ...channel.customParameters.map((p) => ({
                label: p.name,
                names: p.actionParameterMappings.map((m) => m.actionParameterName)
            })),
            ...channel.standardParameters.map((p) => ({
                label: `${p.parameterType} (standard)`,
                names: p.actionParameterMappings.map((m) => m.actionParameterName)
            }))
        ].filter((m) => m.names.length > 0);
        if (!mapped.length) {
            results.push(
                pass(
                    'PC-03',
                    c,
                    `Channel "${c}" maps no parameter to a flow variable, so there is no variable to check (PC-02 reports form fields left unmapped).`,
                    { location: channel.source }
                )
            );
            continue;
        }
        const routing = routingOf(ctx, channel);
        if (routing.kind === 'flowMissing') {
            results.push(flowNotInSnapshot('PC-03', c, channel, routing.flowName));
            continue;
        }
        if (routing.kind === 'agent') {
            results.push(
                notEvaluated(
                    'PC-03',
                    c,
                    `Not evaluated: channel "${c}" ${routing.description}; its mappings (${listNames(mapped.flatMap((m) => m.names))}) target the agent's context variables, which this check cannot read.`,
                    'Open the agent in Agentforce Builder and confirm each mapped name is a context variable of type Text; sign off the result in the readiness report.',
                    { location: channel.source }
                )
            );
            continue;
        }
        if (routing.kind === 'noFlow') {
            for (const m of mapped) {
                results.push(
                    fail(
                        'PC-03',
                        `${c}: ${m.label}`,
                        `Channel "${c}" maps ${m.label} to ${listNames(m.names)}, but it ${routing.description}: with no flow the mapped values reach no variable and never land on a record.`,
                        `Setup > Messaging Settings > ${c} > Edit: set the routing type to Omni-Flow, pick an Omni-Channel flow that declares ${listNames(m.names)} as Text input variables, and keep the queue as the fallback queue.`,
                        { setupPath: SETUP_PATHS.messagingSettings, location: channel.source }
                    )
                );
            }
            continue;
        }
        const flow = routing.flow;
        for (const m of mapped) {
            const problems: string[] = [];
            for (const name of m.names) {
                const variable = flow.variables.find((v) => v.name === name);
                if (!variable) {
                    const caseOnly = flow.variables.find((v) => v.name.toLowerCase() === name.toLowerCase());
                    problems.push(
                        caseOnly
                            ? `the flow declares "${caseOnly.name}", not "${name}" — the names differ only in letter case and must match exactly`
                            : `the flow has no variable "${name}"`
                    );
                    continue;
                }
                const wrong: string[] = [];
                if (variable.dataType !== 'String')
                    wrong.push(`its data type is ${variable.dataType ?? 'not stated'}, not Text`);
                if (variable.isCollection) wrong.push('it is a collection, not a single value');
                if (!variable.isInput) wrong.push('it is not available for input');
                if (wrong.length) problems.push(`variable "${name}": ${wrong.join('; ')}`);
            }
            const subject = `${c}: ${m.label}`;
            const opts = { location: flow.source ?? channel.source };
            if (!problems.length) {
                results.push(
                    pass(
                        'PC-03',
                        subject,
                        `Parameter ${m.label} of channel "${c}" is mapped to ${listNames(m.names)}, a Text input variable of flow "${flow.apiName}".`,
                        opts
                    )
                );
                continue;
            }
            results.push(
                fail(
                    'PC-03',
                    subject,
                    `Parameter ${m.label} of channel "${c}" is mapped to ${listNames(m.names)} in flow "${flow.apiName}", but ${problems.join('; ')}.`,
                    `Setup > Flows > ${flow.apiName}: add (or fix) the variable with API name exactly as mapped (${listNames(m.names)}), Data Type Text, "Available for input" checked; save as a new version and activate it. Or change the mapping in Setup > Messaging Settings > ${c} > Parameter Mappings to the variable's exact name.`,
                    opts
                )
            );
        }
    }
    return results;
}

// PC-04: hidden fields are Text and not required (the Spring '23 admin guide).
function checkHiddenFields(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-04', ['deployments']);
    if (unread) return unread;
    const results: CheckResult[] = [];
    for (const d of ctx.index.deploymentsInScope) {
        const none = noFormPass('PC-04', d, 'no hidden field to check');
        if (none) {
            results.push(none);
            continue;
        }
        const hidden = activeFields(d).filter((f) => f.isHidden);
        if (!hidden.length) {
            results.push(
                pass(
                    'PC-04',
                    d.developerName,
                    `Deployment "${d.developerName}" has no hidden pre-chat fields.`,
                    deploymentOptions(d)
                )
            );
            continue;
        }
        for (const f of hidden) {
            const subject = fieldSubject(d, f);
            const wrong: string[] = [];
            if (f.formFieldType !== undefined && f.formFieldType !== 'Text')
                wrong.push(`its type is ${f.formFieldType}, not Text`);
            if (f.isRequired) wrong.push('it is required');
            if (wrong.length) {
                results.push(
                    fail(
                        'PC-04',
                        subject,
                        `Hidden pre-chat field "${f.formField}" on "${d.developerName}" breaks the rule for hidden fields: ${wrong.join(' and ')}.`,
                        `Setup > Embedded Service Deployments > ${d.developerName} > Edit Pre-Chat: make "${f.formField}" a Text field that is not required (hidden fields are set by the website's code, so the customer cannot fill them in); ${PUBLISH}.`,
                        deploymentOptions(d)
                    )
                );
            } else if (f.formFieldType === undefined) {
                results.push(
                    notEvaluated(
                        'PC-04',
                        subject,
                        `Not evaluated: the source does not state the type of hidden field "${f.formField}" on "${d.developerName}" (it is not required).`,
                        `Retrieve EmbeddedServiceConfig/${d.developerName} again with its pre-chat form, or check in Setup > Embedded Service Deployments > ${d.developerName} > Edit Pre-Chat that the field is Text.`,
                        deploymentOptions(d)
                    )
                );
            } else {
                results.push(
                    pass(
                        'PC-04',
                        subject,
                        `Hidden pre-chat field "${f.formField}" on "${d.developerName}" is Text and not required.`,
                        deploymentOptions(d)
                    )
                );
            }
        }
    }
    return results;
}

// PC-05: a hidden and a visible field of one form never share a parameter name (the Spring '23 admin guide).
function checkHiddenVisibleClash(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-05', ['deployments']);
    if (unread) return unread;
    const results: CheckResult[] = [];
    for (const d of ctx.index.deploymentsInScope) {
        const none = noFormPass('PC-05', d, 'no fields that could clash');
        if (none) {
            results.push(none);
            continue;
        }
        const clashes = new Set<string>();
        for (const form of d.preChatForms.filter((f) => f.isActive)) {
            const hidden = new Set(form.fields.filter((f) => f.isHidden).map((f) => f.formField));
            for (const f of form.fields) if (!f.isHidden && hidden.has(f.formField)) clashes.add(f.formField);
        }
        if (!clashes.size) {
            results.push(
                pass(
                    'PC-05',
                    d.developerName,
                    `No hidden and visible pre-chat field of "${d.developerName}" share a parameter name.`,
                    deploymentOptions(d)
                )
            );
            continue;
        }
        for (const name of clashes) {
            results.push(
                fail(
                    'PC-05',
                    `${d.developerName}: ${name}`,
                    `Parameter "${name}" is used by both a hidden and a visible pre-chat field on "${d.developerName}"; a form may use a parameter only once.`,
                    `Setup > Embedded Service Deployments > ${d.developerName} > Edit Pre-Chat: keep "${name}" either visible or hidden; for the other role create a separate custom parameter in Setup > Messaging Settings > ${channelName(d) ?? '<channel>'} > Custom Parameters; ${PUBLISH}.`,
                    deploymentOptions(d)
                )
            );
        }
    }
    return results;
}

// PC-06: at most 6 visible fields per form (the Spring '23 admin guide: "no more than 5 or 6").
function checkVisibleFieldCount(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-06', ['deployments']);
    if (unread) return unread;
    const results: CheckResult[] = [];
    for (const d of ctx.index.deploymentsInScope) {
        const none = noFormPass('PC-06', d, 'no visible field to count');
        if (none) {
            results.push(none);
            continue;
        }
        const counts = d.preChatForms.filter((f) => f.isActive).map((f) => f.fields.filter((x) => !x.isHidden).length);
        const most = Math.max(0, ...counts);
        if (most <= MAX_VISIBLE_FIELDS) {
            results.push(
                pass(
                    'PC-06',
                    d.developerName,
                    `The pre-chat form of "${d.developerName}" shows ${most} visible field(s) (at most ${MAX_VISIBLE_FIELDS} recommended).`,
                    deploymentOptions(d)
                )
            );
        } else {
            results.push(
                fail(
                    'PC-06',
                    d.developerName,
                    `The pre-chat form of "${d.developerName}" shows ${most} visible fields; Salesforce recommends no more than 5 or 6, since each one delays the customer's first message.`,
                    `Setup > Embedded Service Deployments > ${d.developerName} > Edit Pre-Chat: cut the visible fields to ${MAX_VISIBLE_FIELDS} or fewer (pass known values as hidden fields from the website instead); ${PUBLISH}.`,
                    deploymentOptions(d)
                )
            );
        }
    }
    return results;
}

/** Names of the flow variables the deployment's form fields are mapped to. */
function mappedNamesOf(d: EmbeddedServiceDeployment, channel: MessagingChannel): string[] {
    const names = new Set<string>();
    for (const f of activeFields(d)) {
        const ref = paramFor(channel, f);
        if (ref) for (const n of mappingsOf(ref)) names.add(n);
    }
    return [...names];
}

// PC-07: an Update Records on the messaging session runs before the first Route Work (the Spring '23 admin guide).
function checkSessionWrite(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-07', ['deployments', 'messagingChannels', 'flows']);
    if (unread) return unread;
    const { pairs, other } = withChannels(ctx, 'PC-07', 'no pre-chat value for the flow to write');
    const results = [...other];
    for (const { d, channel } of pairs) {
        const subject = d.developerName;
        const mapped = mappedNamesOf(d, channel);
        if (!mapped.length) {
            results.push(
                pass(
                    'PC-07',
                    subject,
                    `No pre-chat field of "${d.developerName}" is mapped to a flow variable, so there is no value for the flow to write (PC-02 reports unmapped fields).`,
                    deploymentOptions(d)
                )
            );
            continue;
        }
        const routing = routingOf(ctx, channel);
        if (routing.kind === 'flowMissing') {
            results.push(flowNotInSnapshot('PC-07', subject, channel, routing.flowName));
            continue;
        }
        if (routing.kind !== 'flow') {
            const agent = routing.kind === 'agent';
            const message = `Channel "${channel.developerName}" of "${d.developerName}" ${routing.description}, so no Omni-Channel flow writes the pre-chat values (${listNames(mapped)}) to the messaging session.`;
            results.push(
                agent
                    ? notEvaluated(
                          'PC-07',
                          subject,
                          `Not evaluated: ${message} Whether the agent stores them cannot be read here.`,
                          'Confirm in Agentforce Builder that the agent saves the values it needs on the messaging session, and sign off the result.',
                          { location: channel.source }
                      )
                    : fail(
                          'PC-07',
                          subject,
                          message,
                          `Setup > Messaging Settings > ${channel.developerName}: route with an Omni-Channel flow, and in that flow add an Update Records element on Messaging Session (filtered by recordId) before Route Work that sets each field from its input variable.`,
                          { setupPath: SETUP_PATHS.messagingSettings, location: channel.source }
                      )
            );
            continue;
        }
        const flow = routing.flow;
        const order = flow.executionOrder;
        const sessionUpdates = flow.recordUpdates.filter((u) => updatedObject(flow, u) === MESSAGING_SESSION_OBJECT);
        const routeIndexes = flow.routeWorks.map((r) => order.indexOf(r.name)).filter((i) => i >= 0);
        const firstRoute = routeIndexes.length ? Math.min(...routeIndexes) : -1;
        const firstRouteName = firstRoute >= 0 ? order[firstRoute] : flow.routeWorks[0]?.name;
        const before = sessionUpdates.find((u) => {
            const i = order.indexOf(u.name);
            return i >= 0 && (firstRoute < 0 || i < firstRoute);
        });
        const opts = { location: flow.source ?? channel.source };
        if (before) {
            const route = firstRouteName
                ? ` before Route Work "${firstRouteName}"`
                : ' (the flow has no Route Work element)';
            results.push(
                pass(
                    'PC-07',
                    subject,
                    `Flow "${flow.apiName}" (channel "${channel.developerName}") updates the messaging session in "${before.name}"${route}.`,
                    opts
                )
            );
            continue;
        }
        const found = sessionUpdates.length
            ? `its Update Records on Messaging Session (${listNames(sessionUpdates.map((u) => u.name))}) ${firstRouteName ? `is not on the path before Route Work "${firstRouteName}"` : 'is not on the path the flow runs'}`
            : 'it has no Update Records element on Messaging Session';
        results.push(
            fail(
                'PC-07',
                subject,
                `Flow "${flow.apiName}" (channel "${channel.developerName}") receives the pre-chat values of "${d.developerName}" (${listNames(mapped)}), but ${found}, so agents do not see them on the session.`,
                `Setup > Flows > ${flow.apiName}: add an Update Records element before the Route Work element: object Messaging Session, filter Id equals recordId, and set each field from its input variable; save as a new version and activate it.`,
                opts
            )
        );
    }
    return results;
}

/** True when the form collects an e-mail address or a name, the values Contact matching would use. */
function collectsIdentity(fields: PreChatFormField[]): PreChatFormField[] {
    return fields.filter(
        (f) =>
            f.formField === '_Email' ||
            f.formField === '_FirstName' ||
            f.formField === '_LastName' ||
            f.formFieldType === 'Email' ||
            /e-?mail|first_?name|last_?name|full_?name|^name$/i.test(f.formField)
    );
}

// PC-08: the flow finds or links the Contact; pre-chat e-mail does not do it by itself (the community setup guide gotcha).
function checkContactMatching(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-08', ['deployments', 'messagingChannels', 'flows']);
    if (unread) return unread;
    const { pairs, other } = withChannels(ctx, 'PC-08', 'no e-mail or name to match a Contact with', false);
    const results = [...other];
    for (const { d, channel } of pairs) {
        const subject = d.developerName;
        const identity = collectsIdentity(activeFields(d));
        if (!identity.length) {
            results.push(
                pass(
                    'PC-08',
                    subject,
                    `The pre-chat form of "${d.developerName}" collects no e-mail or name, so there is nothing to match a Contact with.`,
                    deploymentOptions(d)
                )
            );
            continue;
        }
        const fieldNames = listNames(identity.map((f) => f.formField));
        const gotcha = `Pre-chat ${fieldNames} on "${d.developerName}" do not find or link a Contact by themselves`;
        const routing = routingOf(ctx, channel);
        if (routing.kind === 'flowMissing') {
            results.push(flowNotInSnapshot('PC-08', subject, channel, routing.flowName));
            continue;
        }
        if (routing.kind !== 'flow') {
            results.push(
                fail(
                    'PC-08',
                    subject,
                    `${gotcha}, and channel "${channel.developerName}" ${routing.description}, so no flow does it either.`,
                    `Route channel "${channel.developerName}" with an Omni-Channel flow that looks up the Contact by the pre-chat e-mail (Get Records on Contact) and sets ContactId on the Messaging User or Messaging Session — or, if an Apex trigger on MessagingSession already does it, confirm that and accept this warning.`,
                    { location: channel.source }
                )
            );
            continue;
        }
        const flow = routing.flow;
        const lookup = flow.recordLookups.find((l) => l.object === 'Contact');
        const link = flow.recordUpdates.find((u) => {
            const object = updatedObject(flow, u);
            return (
                (object === 'MessagingEndUser' || object === MESSAGING_SESSION_OBJECT) &&
                u.fields.some((x) => x.toLowerCase() === 'contactid')
            );
        });
        const opts = { location: flow.source ?? channel.source };
        if (lookup || link) {
            const how = [
                lookup ? `looks up Contact in "${lookup.name}"` : '',
                link ? `sets ContactId in "${link.name}"` : ''
            ]
                .filter((x) => x)
                .join(' and ');
            results.push(
                pass('PC-08', subject, `Flow "${flow.apiName}" (channel "${channel.developerName}") ${how}.`, opts)
            );
            continue;
        }
        results.push(
            fail(
                'PC-08',
                subject,
                `${gotcha}, and flow "${flow.apiName}" (channel "${channel.developerName}") neither looks up a Contact nor sets ContactId, so agents get sessions with no Contact.`,
                `Setup > Flows > ${flow.apiName}: add Get Records on Contact matching the pre-chat e-mail, then Update Records on the Messaging User (MessagingEndUser.ContactId) or the Messaging Session; save as a new version and activate it. If an Apex trigger on MessagingSession already does this, confirm it and accept this warning.`,
                opts
            )
        );
    }
    return results;
}

// PC-09: a configured form is active, and the plan's pre-chat fields are on it with the planned flags.
function checkFormMatchesPlan(ctx: CheckContext): CheckResult[] {
    const unread = guard(ctx, 'PC-09', ['deployments']);
    if (unread) return unread;
    const results: CheckResult[] = [];
    const planned = ctx.plan.preChatFields;
    for (const d of ctx.index.deploymentsInScope) {
        const problems: string[] = [];
        const inactive = inactiveFieldCount(d);
        if (inactive > 0) {
            problems.push(`its pre-chat form has ${inactive} field(s) but is not active, so customers never see it`);
        }
        const fields = d.preChatForms.flatMap((f) => f.fields);
        const missing: string[] = [];
        const different: string[] = [];
        for (const p of planned) {
            const f = fields.find((x) => x.formField === p.name);
            if (!f) {
                const other = fields.find((x) => x.formField.toLowerCase() === p.name.toLowerCase());
                missing.push(
                    other
                        ? `"${p.name}" (the form has "${other.formField}", which differs in letter case)`
                        : `"${p.name}"`
                );
                continue;
            }
            const diffs: string[] = [];
            if (f.isHidden !== p.hidden) diffs.push(f.isHidden ? 'hidden, planned visible' : 'visible, planned hidden');
            if (f.isRequired !== p.required)
                diffs.push(f.isRequired ? 'required, planned optional' : 'optional, planned required');
            if (diffs.length) different.push(`"${p.name}" is ${diffs.join(' and ')}`);
        }
        if (missing.length) problems.push(`the planned field(s) ${missing.join(', ')} are not on the form`);
        if (different.length) problems.push(`${different.join('; ')}`);
        if (!problems.length) {
            const what = planned.length
                ? `has the ${planned.length} planned field(s) (${listNames(planned.map((p) => p.name))}) with the planned hidden/required settings`
                : fields.length
                  ? `has an active pre-chat form (the plan lists no pre-chat fields to compare)`
                  : 'has no pre-chat fields and the plan lists none';
            results.push(
                pass('PC-09', d.developerName, `Deployment "${d.developerName}" ${what}.`, deploymentOptions(d))
            );
            continue;
        }
        results.push(
            fail(
                'PC-09',
                d.developerName,
                `Pre-chat form of "${d.developerName}": ${problems.join('; ')}.`,
                `Setup > Embedded Service Deployments > ${d.developerName} > Edit Pre-Chat: select "Activate the pre-chat feature" and add or adjust the fields to match the plan (each custom field needs a custom parameter on the channel first); ${PUBLISH}.`,
                deploymentOptions(d)
            )
        );
    }
    return results;
}

export function runPreChatChecks(ctx: CheckContext): CheckResult[] {
    return [
        ...checkFieldParameters(ctx),
        ...checkParameterMappings(ctx),
        ...checkMappedVariables(ctx),
        ...checkHiddenFields(ctx),
        ...checkHiddenVisibleClash(ctx),
        ...checkVisibleFieldCount(ctx),
        ...checkSessionWrite(ctx),
        ...checkContactMatching(ctx),
        ...checkFormMatchesPlan(ctx)
    ];
}
