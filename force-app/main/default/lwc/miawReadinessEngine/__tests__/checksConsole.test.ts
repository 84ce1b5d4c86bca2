import { OMNI_CHANNEL_UTILITY_COMPONENT, runConsoleChecks } from '../checksConsole';
import { readSection } from '../snapshot';
import type { FlexiPage, LightningApp, OrgSnapshot } from '../snapshot';
import { blankSnapshot, contextFor, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot) {
    return runConsoleChecks(contextFor(snapshot));
}

/** applications/standard__LightningService.app-meta.xml as retrieved: the Service Console. */
const SERVICE_CONSOLE: LightningApp = {
    name: 'standard__LightningService',
    label: 'Service Console',
    navType: 'Console',
    utilityBar: 'LightningService_UtilityBar',
    isOmniPinnedViewEnabled: false
};
const SALES_APP: LightningApp = { name: 'standard__LightningSales', label: 'Sales', navType: 'Standard' };

function utilityBar(name: string, components: string[]): FlexiPage {
    return { name, type: 'UtilityBar', components };
}

function withApps(apps: LightningApp[], pages: FlexiPage[], kind: 'metadata' | 'org' = 'metadata'): OrgSnapshot {
    const s = healthySnapshot();
    s.origin = { ...s.origin, kind };
    s.lightningApps = readSection(apps);
    s.flexiPages = readSection(pages);
    return s;
}

describe('AG-08 the Omni-Channel utility in an app agents use', () => {
    it('passes when a console app has the Omni-Channel utility, naming the app', () => {
        const [r] = resultsFor(run(healthySnapshot()), 'AG-08');
        expect(r).toMatchObject({ status: 'pass', subject: 'org', severity: 'blocker' });
        expect(r.message).toContain('"Service Console (standard__LightningService)"');
    });

    it('fails when the console app utility bar has no Omni-Channel, naming the console apps checked', () => {
        const s = withApps(
            [SERVICE_CONSOLE, SALES_APP],
            [utilityBar('LightningService_UtilityBar', ['runtime_service_macros:macroBrowser', 'console:history'])]
        );
        const [r] = resultsFor(run(s), 'AG-08');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'None of the Lightning apps checked has it: "Service Console (standard__LightningService)"'
        );
        expect(r.message).not.toContain('Sales');
        expect(r.remediation).toContain('App Manager');
        expect(r.setupPath).toBe('/lightning/setup/NavigationMenus/home');
    });

    it('fails when no app has a utility bar or a pinned sidebar, or there is no app at all', () => {
        const bare = { ...SERVICE_CONSOLE, utilityBar: undefined };
        expect(statuses(run(withApps([bare], [])), 'AG-08')).toEqual(['fail org']);
        expect(statuses(run(withApps([], [])), 'AG-08')).toEqual(['fail org']);
    });

    it('passes on a console app that pins the Omni-Channel sidebar (Enhanced Omni-Channel) without the utility', () => {
        const pinned = { ...SERVICE_CONSOLE, isOmniPinnedViewEnabled: true };
        const s = withApps([pinned], [utilityBar('LightningService_UtilityBar', ['console:history'])]);
        const [r] = resultsFor(run(s), 'AG-08');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('"Service Console (standard__LightningService) (sidebar)"');
    });

    it('passes on a standard-navigation app that has the utility', () => {
        const sales = { ...SALES_APP, utilityBar: 'Sales_UtilityBar' };
        const s = withApps([sales], [utilityBar('Sales_UtilityBar', [OMNI_CHANNEL_UTILITY_COMPONENT])]);
        expect(statuses(run(s), 'AG-08')).toEqual(['pass org']);
    });

    it('is not evaluated when an app names a utility bar page that was not read', () => {
        const [r] = resultsFor(run(withApps([SERVICE_CONSOLE], [])), 'AG-08');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('"LightningService_UtilityBar"');
    });

    it('is not evaluated when the apps were not retrieved', () => {
        const s = withUnread(
            healthySnapshot(),
            'lightningApps',
            'not_in_source',
            'no applications/ folder under force-app'
        );
        const [r] = resultsFor(run(s), 'AG-08');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('Lightning apps (CustomApplication)');
    });

    it('in an org read without the API connection, passes on a pinned Omni-Channel sidebar without the pages', () => {
        const s = withApps([SALES_APP, { ...SERVICE_CONSOLE, isOmniPinnedViewEnabled: true }], [], 'org');
        s.flexiPages = { state: 'unavailable', reason: 'needs API access', items: [] };
        const [r] = resultsFor(run(s), 'AG-08');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('"Service Console (standard__LightningService) (sidebar)"');
    });

    it('in an org read without the API connection, is not evaluated when only a utility bar could hold Omni-Channel', () => {
        const s = withApps([SERVICE_CONSOLE], [], 'org');
        s.flexiPages = { state: 'unavailable', reason: 'needs API access', items: [] };
        const [r] = resultsFor(run(s), 'AG-08');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('needs API access');
    });

    it('in an org read with the connection, fails when neither the sidebar nor the utility bar has Omni-Channel', () => {
        const s = withApps([SERVICE_CONSOLE], [utilityBar('LightningService_UtilityBar', ['console:history'])], 'org');
        const [r] = resultsFor(run(s), 'AG-08');
        expect(r.status).toBe('fail');
    });

    it('in an org snapshot from a version that did not read apps, says so and where to look in Setup', () => {
        const s = withUnread(blankSnapshot('org'), 'lightningApps', 'not_in_source', 'not read by this version');
        const [r] = resultsFor(run(s), 'AG-08');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toBe(
            'Not evaluated: the in-org report does not read Lightning apps and their utility bars yet.'
        );
        expect(r.remediation).toContain('App Manager');
    });
});
