/*
 * AG-08 — agents go online and accept chats in Omni-Channel inside a Lightning app: the Omni-Channel utility in the
 * app's utility bar (the Spring '23 admin guide; Help "Add the Omni-Channel Utility to a Lightning Console App") or, with
 * Enhanced Omni-Channel (every org since Summer '26), the Omni-Channel sidebar pinned in the app
 * (`isOmniPinnedViewEnabled`; Help article 002186101: the sidebar is Enhanced-only, and on a downgrade users need the
 * utility instead). Without either, no agent can set a presence status, so Omni-Channel routes no chat to anyone.
 *
 * The utility is the component `runtime_service_omnichannel:omniWidget` on the app's UtilityBar Lightning
 * page (public UtilityBar flexipages: a Service Console utility bar holding it with label "Omni-Channel").
 */
import { fail, listNames, notEvaluated, notReadInOrg, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';
import type { FlexiPage, LightningApp } from './snapshot';

export const OMNI_CHANNEL_UTILITY_COMPONENT = 'runtime_service_omnichannel:omniWidget';

type UtilityState = 'has_omni' | 'sidebar' | 'no_omni' | 'no_utility_bar' | 'page_missing';

function utilityState(app: LightningApp, pages: ReadonlyMap<string, FlexiPage>): UtilityState {
    if (app.isOmniPinnedViewEnabled === true) return 'sidebar';
    if (!app.utilityBar) return 'no_utility_bar';
    const page = pages.get(app.utilityBar.toLowerCase());
    if (!page) return 'page_missing';
    return page.components.includes(OMNI_CHANNEL_UTILITY_COMPONENT) ? 'has_omni' : 'no_omni';
}

function appName(app: LightningApp): string {
    return app.label ? `${app.label} (${app.name})` : app.name;
}

// AG-08
function checkOmniChannelUtility(ctx: CheckContext): CheckResult[] {
    const inOrg = notReadInOrg(
        ctx,
        ['AG-08'],
        'lightningApps',
        'Lightning apps and their utility bars',
        'In Setup > App Manager, edit the app agents use and confirm Omni-Channel is pinned as its sidebar or listed in its Utility Items.'
    );
    if (inOrg) return inOrg;
    const appsUnread = unreadSections(ctx, ['AG-08'], ['lightningApps']);
    if (appsUnread) return appsUnread;
    const apps = ctx.snapshot.lightningApps.items;
    // A pinned Omni-Channel sidebar is proof on its own; only the utility bar route needs the pages (which the
    // in-org report reads only with the API connection).
    const hasSidebar = apps.some((app) => app.isOmniPinnedViewEnabled === true);
    const pagesUnread = hasSidebar ? null : unreadSections(ctx, ['AG-08'], ['flexiPages']);
    if (pagesUnread) return pagesUnread;
    const pages = new Map(ctx.snapshot.flexiPages.items.map((p) => [p.name.toLowerCase(), p]));
    const states = apps.map((app) => ({ app, state: utilityState(app, pages) }));
    const withOmni = states.filter((s) => s.state === 'has_omni' || s.state === 'sidebar');
    if (withOmni.length > 0) {
        const where = withOmni.map(({ app, state }) => `${appName(app)}${state === 'sidebar' ? ' (sidebar)' : ''}`);
        return [
            pass(
                'AG-08',
                'org',
                `Omni-Channel is in ${listNames(where)}: agents can go online and accept chats there. Make sure agents work in ${withOmni.length === 1 ? 'that app' : 'one of these apps'}.`
            )
        ];
    }
    const missingPages = states.filter((s) => s.state === 'page_missing').map((s) => s.app);
    if (missingPages.length > 0) {
        return [
            notEvaluated(
                'AG-08',
                'org',
                `Not evaluated: the utility bar page of ${listNames(missingPages.map(appName))} (${listNames(missingPages.map((a) => a.utilityBar ?? ''))}) was not read, and no other app has the Omni-Channel utility.`,
                'Read the Lightning pages (FlexiPage) named as these apps’ utility bars, then run the check again.'
            )
        ];
    }
    const consoles = apps.filter((a) => a.navType === 'Console');
    const checked = consoles.length > 0 ? consoles : apps;
    const found =
        checked.length === 0
            ? 'No Lightning app was found'
            : `None of the Lightning apps checked has it: ${listNames(checked.map(appName))}`;
    return [
        fail(
            'AG-08',
            'org',
            `No Lightning app has Omni-Channel: no utility bar holds the Omni-Channel utility and no app pins the Omni-Channel sidebar. ${found}. Agents set their presence status and accept chats in Omni-Channel; without it no agent goes online and no chat is routed to anyone.`,
            'In Setup > App Manager, edit the console app agents use (for example Service Console): pin the Omni-Channel sidebar in its app options, or open Utility Items and add Omni-Channel, and save. Check that agents have that app assigned.'
        )
    ];
}

export function runConsoleChecks(ctx: CheckContext): CheckResult[] {
    return checkOmniChannelUtility(ctx);
}
