/*
 * CH-10 — user verification is either off or complete. A channel set to verified users only (embeddedConfig
 * `authMode` = Auth) shows the chat button only after the website passes an identity token the channel can
 * validate against a keyset in its User Verification settings (`messagingAuthorizations`). With Auth and no
 * keyset, nobody's token can be validated: the button never renders, and nothing reports an error.
 *
 * Not read, so not checked here (no metadata field carries it): whether the deployment serves an LWR site
 * (verification is unsupported there) and whether Session-Based Chat is on (it cannot be, for verified users).
 */
import { fail, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { MessagingChannel } from './snapshot';

const CHECK_ID = 'CH-10';
const MESSAGING_SETTINGS = 'Setup > Messaging Settings';

export function runChannelVerificationChecks(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, [CHECK_ID], ['messagingChannels'], ctx.plan.channel ?? 'org');
    if (unread) return unread;
    const channels = ctx.index.channelsInScope;
    if (channels.length === 0) {
        return [
            pass(
                CHECK_ID,
                ctx.plan.channel ?? 'org',
                'Nothing to check: no Messaging for In-App and Web channel is in scope (see CH-01).'
            )
        ];
    }
    return channels.map(checkUserVerification);
}

// CH-10
/** Per channel: Auth mode needs at least one verification keyset; any other mode has nothing to configure. */
export function checkUserVerification(channel: MessagingChannel): CheckResult {
    const name = channel.developerName;
    const location = channel.source;
    const config = channel.embeddedConfig;
    if (channel.parametersUnavailable || config?.authMode === undefined) {
        const why = channel.parametersUnavailable ?? 'the channel has no embedded settings (embeddedConfig)';
        return notEvaluated(
            CHECK_ID,
            name,
            `Not evaluated: whether channel "${name}" requires verified users is not known: ${why}.`,
            `Open ${MESSAGING_SETTINGS} > ${name}: if "User Verification" is on, make sure a keyset is added under User Verification Configuration; then run the check again.`,
            { location }
        );
    }
    if (config.authMode !== 'Auth') {
        return pass(
            CHECK_ID,
            name,
            `Nothing to check: channel "${name}" does not require verified users (authentication mode "${config.authMode}").`,
            { location }
        );
    }
    if (config.hasAuthorizations === undefined) {
        return notEvaluated(
            CHECK_ID,
            name,
            `Not evaluated: channel "${name}" requires verified users, but whether it has a verification keyset is not known.`,
            `Open ${MESSAGING_SETTINGS} > ${name} > User Verification Configuration and make sure a keyset is added; then run the check again.`,
            { location }
        );
    }
    if (config.hasAuthorizations && config.hasEnabledAuthorizations === false) {
        return fail(
            CHECK_ID,
            name,
            `Channel "${name}" requires verified users, but none of its verification keysets is enabled: no identity token can be validated, so the chat button never appears for anyone, and no error is shown.`,
            `${MESSAGING_SETTINGS} > ${name} > User Verification Configuration: enable the keyset the website's tokens are signed for (or, if guests should chat, turn off User Verification on the channel). Then republish the deployment.`,
            { location }
        );
    }
    if (config.hasAuthorizations) {
        return pass(
            CHECK_ID,
            name,
            `Channel "${name}" requires verified users and has a verification keyset. The website must still pass a valid identity token (setIdentityToken) on every page that shows the chat.`,
            { location }
        );
    }
    return fail(
        CHECK_ID,
        name,
        `Channel "${name}" requires verified users but has no verification keyset: no identity token can be validated, so the chat button never appears for anyone, and no error is shown.`,
        `Either add verification: ${MESSAGING_SETTINGS} > ${name} > User Verification Configuration > New > select a keyset (create it first in Setup > Enhanced Chat User Verification); or, if guests should chat, turn off User Verification on the channel. Then republish the deployment.`,
        { location }
    );
}
