/*
 * DP — Embedded Service deployment (CHECKS.md "DP"). A MIAW deployment is the web (or mobile) front of a
 * messaging channel: it must exist, be enabled on both switches, point at a live MIAW channel and be
 * republished after changes. Legacy Chat leftovers are an org-level migration risk, so DP-04 looks at every
 * deployment in the snapshot, not only the ones in scope.
 */
import { fail, isRead, listNames, manual, notEvaluated, pass, SECTION_LABELS, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { EmbeddedServiceDeployment } from './snapshot';
import { deploymentSetupPath, SETUP_PATHS } from './setupPaths';
import { MIAW_CHANNEL_TYPE, MIAW_DEPLOYMENT_FEATURE } from './snapshotIndex';

const LEGACY_FEATURE = 'LiveAgent';
const LEGACY_RETIRED =
    'Legacy Chat (Live Agent) was retired on 14 February 2026, and a legacy deployment cannot be converted into a Messaging for In-App and Web deployment';
const LEGACY_PLAN =
    "Move the chat to a Messaging for In-App and Web deployment (Setup > Embedded Service Deployments > New Deployment > Messaging for In-App and Web; Salesforce's migration tool can copy some configuration), replace the legacy snippet on the website with the new deployment's snippet, then deactivate and delete the legacy component so nobody maintains it by mistake.";

function options(d: EmbeddedServiceDeployment) {
    return { setupPath: deploymentSetupPath(d.source?.recordId), location: d.source };
}

function flag(value: boolean | undefined): string {
    return value === undefined ? 'not stated' : String(value);
}

/*
 * DP-01: the chat the plan is about has a MIAW deployment. Every way to reach a MIAW channel needs one: a website a
 * Web deployment, an app an In-App (Mobile) deployment, an Enhanced Chat API client a Custom Client (API) deployment.
 * It blocks for the deployment or channel the plan names; with neither, only when no MIAW channel in scope has any
 * deployment (then no customer can reach the chat at all). A channel left without a deployment while another one has
 * one is often an unused or abandoned channel (real orgs keep several): DP-08 warns about it instead.
 */
function checkDeploymentExists(ctx: CheckContext): CheckResult[] {
    const { plan, index } = ctx;
    if (plan.deployment) {
        const unread = unreadSections(ctx, ['DP-01'], ['deployments'], plan.deployment);
        if (unread) return unread;
        return [plannedDeployment(ctx, plan.deployment)];
    }
    const unread = unreadSections(ctx, ['DP-01'], ['deployments', 'messagingChannels']);
    if (unread) return unread;
    const channelNames = index.channelsInScope.map((c) => c.developerName);
    if (!channelNames.length && plan.channel) channelNames.push(plan.channel);
    if (!channelNames.length) {
        // No MIAW channel at all (CH-01 reports that); still say whether any MIAW deployment exists.
        if (!index.miawDeployments.length) {
            return [
                fail(
                    'DP-01',
                    'org',
                    'No Messaging for In-App and Web channel and no Messaging for In-App and Web deployment exist.',
                    'Create the channel in Setup > Messaging Settings > New Channel (Messaging for In-App and Web), then Setup > Embedded Service Deployments > New Deployment > Messaging for In-App and Web, pick that channel and Publish.'
                )
            ];
        }
        return [
            pass(
                'DP-01',
                'org',
                `Messaging for In-App and Web deployment(s) ${listNames(index.miawDeployments.map((d) => d.developerName))} exist, but no MIAW channel is in the snapshot (DP-03 checks their channels).`
            )
        ];
    }
    const used = channelNames.filter((name) => (index.miawDeploymentsByChannel.get(name) ?? []).length > 0);
    if (used.length === 0) return channelNames.map((name) => channelWithoutDeployment(ctx, name));
    // Channels without a deployment next to used ones are DP-08's (a warning), unless the plan names the channel.
    return used.map((name) => channelWithDeployment(ctx, 'DP-01', name));
}

function channelWithDeployment(ctx: CheckContext, checkId: 'DP-01' | 'DP-08', name: string): CheckResult {
    const users = ctx.index.miawDeploymentsByChannel.get(name) ?? [];
    const channel = ctx.index.channelsByName.get(name);
    // Two web deployments on one channel (charleston76, diogo) usually means one is stale; web + mobile is normal.
    const web = users.filter((d) => d.deploymentType === 'Web');
    const shared =
        web.length > 1
            ? ` ${web.length} web deployments share this channel: make sure the website embeds the snippet of the one you maintain.`
            : '';
    return pass(
        checkId,
        name,
        `Channel "${name}" is used by the Messaging for In-App and Web deployment(s) ${listNames(users.map((d) => d.developerName))}.${shared}`,
        { location: channel?.source }
    );
}

const DEPLOYMENT_KINDS =
    'Customers reach a Messaging for In-App and Web channel only through a deployment on it: a Web deployment for a website, an In-App (Mobile) deployment for an app built with the In-App SDK, a Custom Client deployment for the Enhanced Chat API.';

function newDeploymentRemedy(name: string): string {
    return `Setup > Embedded Service Deployments > New Deployment > Messaging for In-App and Web, choose Web, Mobile (In-App) or Custom Client as the customers will reach it, pick channel "${name}" (a deployment's channel cannot be changed later), save and Publish.`;
}

function channelWithoutDeployment(ctx: CheckContext, name: string): CheckResult {
    const channel = ctx.index.channelsByName.get(name);
    const planned = ctx.plan.channel === name ? 'The plan names channel' : 'Channel';
    return fail(
        'DP-01',
        name,
        `${planned} "${name}", and no Embedded Service deployment uses it, so no customer can start a conversation on it. ${DEPLOYMENT_KINDS}`,
        newDeploymentRemedy(name),
        { location: channel?.source }
    );
}

/*
 * DP-08: the other MIAW channels — all but the one the plan goes live with, which DP-01 judges — each reachable
 * through a deployment. Nobody can reach a channel without one: harmless if it is unused, a gap if customers were
 * meant to use it, so a warning, never a blocker.
 */
function checkUnusedChannels(ctx: CheckContext): CheckResult[] {
    const { index } = ctx;
    const unread = unreadSections(ctx, ['DP-08'], ['deployments', 'messagingChannels']);
    if (unread) return unread;
    if (!index.miawChannels.length) {
        return [
            notEvaluated(
                'DP-08',
                'org',
                'Not evaluated: there is no Messaging for In-App and Web channel (CH-01 says so).',
                'Create the channel in Setup > Messaging Settings > New Channel (Messaging for In-App and Web), then run the check again.'
            )
        ];
    }
    const planned = plannedChannel(ctx);
    const names = index.miawChannels.map((c) => c.developerName).filter((name) => name !== planned);
    if (!names.length) {
        return [
            pass(
                'DP-08',
                'org',
                `The only Messaging for In-App and Web channel is "${planned}", the one the plan names; DP-01 checks its deployment.`
            )
        ];
    }
    const used = index.miawChannels
        .map((c) => c.developerName)
        .filter((name) => (index.miawDeploymentsByChannel.get(name) ?? []).length > 0);
    if (!planned && !used.length) {
        return [
            notEvaluated(
                'DP-08',
                'org',
                'Not evaluated: no Messaging for In-App and Web channel has a deployment at all; DP-01 reports each channel as a blocker.',
                'Create the deployment for the channel customers will use (see DP-01), then run the check again.'
            )
        ];
    }
    // A set, not used.includes: 2,000 channels made this loop quadratic (bench, largest snapshot).
    const usedNames = new Set(used);
    return names.map((name) => {
        if (usedNames.has(name)) return channelWithDeployment(ctx, 'DP-08', name);
        const channel = index.channelsByName.get(name);
        const elsewhere = used.length ? ` (the chat has deployments on ${listNames(used)})` : '';
        return fail(
            'DP-08',
            name,
            `No Embedded Service deployment uses channel "${name}"${elsewhere}, so no customer can reach "${name}". ${DEPLOYMENT_KINDS}`,
            `If customers should reach "${name}": ${newDeploymentRemedy(name)} If the channel is unused, deactivate it in Setup > Messaging Settings.`,
            { location: channel?.source }
        );
    });
}

/** The channel the plan goes live with: plan.channel, else the channel of the planned deployment. */
function plannedChannel(ctx: CheckContext): string | undefined {
    const { plan, index } = ctx;
    if (plan.channel) return plan.channel;
    if (!plan.deployment) return undefined;
    return index.deploymentsByName.get(plan.deployment)?.messagingChannel?.messagingChannel;
}

function plannedDeployment(ctx: CheckContext, name: string): CheckResult {
    const { index, plan } = ctx;
    const d = index.deploymentsByName.get(name);
    const miawNames = index.miawDeployments.map((x) => x.developerName);
    const existing = miawNames.length
        ? `Messaging for In-App and Web deployments in the snapshot: ${listNames(miawNames)}`
        : 'the snapshot has no Messaging for In-App and Web deployment';
    if (!d || d.deploymentFeature !== MIAW_DEPLOYMENT_FEATURE) {
        const found = !d
            ? `no deployment named "${name}" exists`
            : d.deploymentFeature === LEGACY_FEATURE
              ? `"${name}" exists but is a legacy Chat (LiveAgent) deployment, which cannot be converted`
              : `"${name}" exists but its type is ${d.deploymentFeature ?? 'not stated'}, not Messaging for In-App and Web`;
        return fail(
            'DP-01',
            name,
            `The plan names deployment "${name}", but ${found}; ${existing}.`,
            `Set plan "deployment" to one of the existing Messaging for In-App and Web deployments, or create one: Setup > Embedded Service Deployments > New Deployment > Messaging for In-App and Web, pick the channel and Publish.`,
            d ? options(d) : undefined
        );
    }
    // DP-01 is about "a deployment for the channel": once the planned deployment is found, the channel is the subject.
    const channel = d.messagingChannel?.messagingChannel;
    if (plan.channel && channel !== plan.channel) {
        return fail(
            'DP-01',
            plan.channel,
            `The plan names deployment "${name}" for channel "${plan.channel}", but "${name}" uses channel ${channel ? `"${channel}"` : '(none)'}.`,
            `Correct the plan, or create a deployment for channel "${plan.channel}" (a deployment's channel cannot be changed after it is added): Setup > Embedded Service Deployments > New Deployment > Messaging for In-App and Web.`,
            options(d)
        );
    }
    return pass(
        'DP-01',
        channel ?? name,
        `The planned deployment "${name}" is a Messaging for In-App and Web deployment${channel ? ` on channel "${channel}"` : ' (it names no channel; DP-03 reports that)'}.`,
        options(d)
    );
}

// DP-02: the deployment and its messaging-channel link are both enabled (real exports show them disagreeing).
function checkEnabled(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['DP-02'], ['deployments']);
    if (unread) return unread;
    return ctx.index.deploymentsInScope.map((d) => {
        const top = d.isEnabled;
        const link = d.messagingChannel?.isEnabled;
        const values = `deployment isEnabled = ${flag(top)}, messaging-channel link isEnabled = ${flag(link)}`;
        if (top === false || link === false) {
            const off =
                top === false && link === false
                    ? 'both the deployment and its messaging-channel link are off'
                    : top === false
                      ? 'the deployment itself is off'
                      : 'its messaging-channel link is off';
            return fail(
                'DP-02',
                d.developerName,
                `Deployment "${d.developerName}": ${off} (${values}); the chat button does not start conversations.`,
                `Setup > Embedded Service Deployments > ${d.developerName}: turn on the deployment and its Messaging for In-App and Web settings (the channel link), then Publish (changes can take up to 10 minutes to show).`,
                options(d)
            );
        }
        if (top === undefined || link === undefined) {
            return notEvaluated(
                'DP-02',
                d.developerName,
                `Not evaluated: the source does not state whether deployment "${d.developerName}" is enabled (${values}).`,
                `Retrieve EmbeddedServiceConfig/${d.developerName} with its embeddedServiceMessagingChannel block, or check both switches in Setup > Embedded Service Deployments > ${d.developerName}.`,
                options(d)
            );
        }
        return pass(
            'DP-02',
            d.developerName,
            `Deployment "${d.developerName}" and its channel link are both enabled.`,
            options(d)
        );
    });
}

// DP-03: the deployment's channel exists, is a MIAW channel and (when known) is active.
function checkChannelLink(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['DP-03'], ['deployments', 'messagingChannels']);
    if (unread) return unread;
    return ctx.index.deploymentsInScope.map((d) => {
        const name = d.messagingChannel?.messagingChannel;
        const subject = d.developerName;
        if (!name) {
            return fail(
                'DP-03',
                subject,
                `Deployment "${subject}" names no messaging channel.`,
                `A deployment's channel cannot be added or changed afterwards: create a new deployment (Setup > Embedded Service Deployments > New Deployment > Messaging for In-App and Web) on the right channel and Publish it.`,
                options(d)
            );
        }
        const channel = ctx.index.channelsByName.get(name);
        if (!channel) {
            return fail(
                'DP-03',
                subject,
                `Deployment "${subject}" points at messaging channel "${name}", which does not exist in the snapshot.`,
                `Check Setup > Messaging Settings for "${name}". If it was deleted, create a new deployment on an existing Messaging for In-App and Web channel (a deployment's channel cannot be changed); if it exists, retrieve messagingChannels/${name}.messagingChannel-meta.xml and run the check again.`,
                options(d)
            );
        }
        if (channel.messagingChannelType !== MIAW_CHANNEL_TYPE) {
            return fail(
                'DP-03',
                subject,
                `Deployment "${subject}" points at channel "${name}", whose type is ${channel.messagingChannelType ?? 'not stated'}, not Messaging for In-App and Web (EmbeddedMessaging).`,
                `Create a Messaging for In-App and Web channel in Setup > Messaging Settings, then a new deployment on it (Setup > Embedded Service Deployments > New Deployment) and Publish.`,
                options(d)
            );
        }
        if (channel.isActive === false) {
            return fail(
                'DP-03',
                subject,
                `Deployment "${subject}" points at channel "${name}", which is not active.`,
                `Setup > Messaging Settings > ${name}: click Activate, then republish deployment "${subject}".`,
                { setupPath: SETUP_PATHS.messagingSettings, location: d.source }
            );
        }
        const active =
            channel.isActive === true
                ? 'active'
                : 'of unknown active state (metadata has no active flag; CH-02 reads it in the org)';
        return pass(
            'DP-03',
            subject,
            `Deployment "${subject}" points at the Messaging for In-App and Web channel "${name}", which exists and is ${active}.`,
            options(d)
        );
    });
}

// DP-04: legacy Chat deployments and components anywhere in the org (not only in scope).
function checkLegacyChat(ctx: CheckContext): CheckResult[] {
    const deploymentsRead = isRead(ctx, 'deployments');
    const legacyRead = isRead(ctx, 'legacyChat');
    if (!deploymentsRead && !legacyRead) {
        return unreadSections(ctx, ['DP-04'], ['deployments', 'legacyChat']) ?? [];
    }
    const results: CheckResult[] = [];
    const legacyDeployments = deploymentsRead
        ? ctx.snapshot.deployments.items.filter((d) => d.deploymentFeature === LEGACY_FEATURE)
        : [];
    for (const d of legacyDeployments) {
        // A name like "Ndax_Messaging_Verified" reads as MIAW; say plainly what it is.
        const misleading = /messag|miaw/i.test(d.developerName) ? ' despite its name' : '';
        results.push(
            fail(
                'DP-04',
                d.developerName,
                `Deployment "${d.developerName}" is a legacy Chat deployment (deploymentFeature LiveAgent)${misleading}. ${LEGACY_RETIRED}.`,
                LEGACY_PLAN,
                options(d)
            )
        );
    }
    const deploymentNames = new Set(legacyDeployments.map((d) => d.developerName));
    const artifacts = legacyRead
        ? ctx.snapshot.legacyChat.items.filter(
              (a) => !(a.kind === 'EmbeddedServiceConfig' && deploymentNames.has(a.name))
          )
        : [];
    for (const a of artifacts) {
        results.push(
            fail(
                'DP-04',
                `${a.kind} ${a.name}`,
                `Legacy Chat component ${a.kind} "${a.name}" is still in the org. ${LEGACY_RETIRED}.`,
                LEGACY_PLAN,
                { location: a.source }
            )
        );
    }
    if (!legacyRead) {
        const section = ctx.snapshot.legacyChat;
        results.push(
            notEvaluated(
                'DP-04',
                'legacy Chat components',
                `Not evaluated: ${SECTION_LABELS.legacyChat} were not read${section.reason ? ` (${section.reason})` : ''}; only the deployments were checked.`,
                'Retrieve EmbeddedServiceLiveAgent, EmbeddedServiceBranding, LiveChatDeployment and LiveChatButton metadata into the scanned folder (or run the check in the org) and run it again.'
            )
        );
    }
    if (!deploymentsRead) {
        const section = ctx.snapshot.deployments;
        results.push(
            notEvaluated(
                'DP-04',
                'legacy Chat deployments',
                `Not evaluated: ${SECTION_LABELS.deployments} were not read${section.reason ? ` (${section.reason})` : ''}; only the legacy Chat components were checked.`,
                'Retrieve EmbeddedServiceConfig metadata into the scanned folder (or run the check in the org) and run it again.'
            )
        );
    }
    if (!legacyDeployments.length && !artifacts.length) {
        const what = [
            deploymentsRead
                ? `none of the ${ctx.snapshot.deployments.items.length} deployment(s) is a LiveAgent deployment`
                : '',
            legacyRead
                ? 'no legacy Chat component (EmbeddedServiceLiveAgent, branding, LiveChatDeployment, button) exists'
                : ''
        ]
            .filter((x) => x)
            .join(' and ');
        const partial = deploymentsRead && legacyRead ? '' : ' (the rest was not read; see the not-evaluated result)';
        results.unshift(pass('DP-04', 'org', `No legacy Chat remains: ${what}${partial}.`));
    }
    return results;
}

// DP-05: say whether each deployment is Web or Mobile; the type cannot change later (the Spring '23 admin guide).
function checkDeploymentType(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['DP-05'], ['deployments']);
    if (unread) return unread;
    return ctx.index.deploymentsInScope.map((d) => {
        const subject = d.developerName;
        switch (d.deploymentType) {
            case 'Web':
                return pass(
                    'DP-05',
                    subject,
                    `Deployment "${subject}" is a Web deployment (the type cannot change later); the widget-origin checks (TS) apply to it.`,
                    options(d)
                );
            case 'Mobile':
                return pass(
                    'DP-05',
                    subject,
                    `Deployment "${subject}" is a Mobile (in-app) deployment (the type cannot change later); widget-origin checks (CORS/CSP) do not apply to it. A website needs a separate Web deployment.`,
                    options(d)
                );
            case 'API':
                return pass(
                    'DP-05',
                    subject,
                    `Deployment "${subject}" is an API deployment for a custom client (the type cannot change later).`,
                    options(d)
                );
            default:
                return fail(
                    'DP-05',
                    subject,
                    `Deployment "${subject}" has ${d.deploymentType ? `the unknown type "${d.deploymentType}"` : 'no type in the source'}; expected Web or Mobile.`,
                    `Check Setup > Embedded Service Deployments > ${subject}. The type cannot be changed: if it is wrong, create a new deployment of the right type (Web for a website, Mobile for an app).`,
                    options(d)
                );
        }
    });
}

// DP-06: business hours on the channel link hide the button outside them; name them and their time zone.
function checkBusinessHours(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['DP-06'], ['deployments']);
    if (unread) return unread;
    const hoursRead = isRead(ctx, 'businessHours');
    return ctx.index.deploymentsInScope.map((d) => {
        const subject = d.developerName;
        const name = d.messagingChannel?.businessHours;
        const opts = { setupPath: SETUP_PATHS.businessHours, location: d.source };
        if (!name) {
            return pass(
                'DP-06',
                subject,
                `Deployment "${subject}" sets no business hours: the chat button shows at all hours (off-hours handling, if any, comes from the routing flow).`,
                opts
            );
        }
        if (!hoursRead) {
            const section = ctx.snapshot.businessHours;
            return pass(
                'DP-06',
                subject,
                `Deployment "${subject}" uses business hours "${name}": the chat button is hidden outside them. Their time zone is unknown because ${SECTION_LABELS.businessHours} were not read${section.reason ? ` (${section.reason})` : ''}; retrieve BusinessHoursSettings to see it.`,
                opts
            );
        }
        const hours = ctx.snapshot.businessHours.items.find((h) => h.name === name);
        if (!hours) {
            return fail(
                'DP-06',
                subject,
                `Deployment "${subject}" uses business hours "${name}", which are not among the org's business hours (${listNames(ctx.snapshot.businessHours.items.map((h) => h.name))}).`,
                `Setup > Business Hours: check that "${name}" exists, or pick existing hours in Setup > Embedded Service Deployments > ${subject} > Messaging for In-App and Web settings, then Publish.`,
                opts
            );
        }
        if (hours.isActive === false) {
            return fail(
                'DP-06',
                subject,
                `Deployment "${subject}" uses business hours "${name}" (${hours.timeZoneId ?? 'time zone not stated'}), which are inactive.`,
                `Setup > Business Hours > ${name}: activate them, or pick active hours on the deployment and Publish.`,
                opts
            );
        }
        return pass(
            'DP-06',
            subject,
            `Deployment "${subject}" uses business hours "${name}" in time zone ${hours.timeZoneId ?? '(not stated)'}: the chat button is hidden outside them.`,
            opts
        );
    });
}

// DP-07: publishing is not readable by any API, so a person confirms it (the Spring '23 admin guide).
function checkRepublished(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, ['DP-07'], ['deployments']);
    if (unread) return unread;
    return ctx.index.deploymentsInScope.map((d) =>
        manual(
            'DP-07',
            d.developerName,
            `Republish "${d.developerName}" after its last change (and after enabling enhanced domains) — no API shows whether it is published.`,
            `Setup > Embedded Service Deployments > ${d.developerName} > View > Publish; stay on the page until it finishes, wait up to 10 minutes for caching, then test the widget.`
        )
    );
}

export function runDeploymentChecks(ctx: CheckContext): CheckResult[] {
    return [
        ...checkDeploymentExists(ctx),
        ...checkEnabled(ctx),
        ...checkChannelLink(ctx),
        ...checkLegacyChat(ctx),
        ...checkDeploymentType(ctx),
        ...checkBusinessHours(ctx),
        ...checkRepublished(ctx),
        ...checkUnusedChannels(ctx)
    ];
}
