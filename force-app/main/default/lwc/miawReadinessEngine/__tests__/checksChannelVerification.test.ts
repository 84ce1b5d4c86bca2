import { runChannelVerificationChecks } from '../checksChannelVerification';
import type { CheckResult } from '../result';
import type { MessagingChannel, OrgSnapshot } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runChannelVerificationChecks(contextFor(snapshot, plan));
}

function only(results: CheckResult[]): CheckResult {
    expect(results).toHaveLength(1);
    expect(results[0].checkId).toBe('CH-10');
    return results[0];
}

function channel(s: OrgSnapshot): MessagingChannel {
    return s.messagingChannels.items[0];
}

describe('CH-10 a channel that requires verified users has a verification keyset', () => {
    it('passes with nothing to check when the channel lets guests chat (authMode UnAuth)', () => {
        const r = only(run(healthySnapshot()));
        expect(r.status).toBe('pass');
        expect(r.message).toMatch(/^Nothing to check: channel "Web_Chat" does not require verified users/);
    });

    it('fails when the channel requires verified users and has no keyset (as exported by a real org)', () => {
        // Shape of a real export: <authMode>Auth</authMode> and no <messagingAuthorizations> in embeddedConfig.
        const s = healthySnapshot();
        channel(s).embeddedConfig = { authMode: 'Auth', isEstimatedWaitTimeEnabled: false, hasAuthorizations: false };
        const r = only(run(s));
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker', subject: 'Web_Chat' });
        expect(r.message).toContain('the chat button never appears for anyone');
        expect(r.remediation).toContain('User Verification Configuration');
        expect(r.remediation).toContain('turn off User Verification');
        expect(r.location?.file).toBe('messagingChannels/Web_Chat.messagingChannel-meta.xml');
    });

    it('passes when the channel requires verified users and has a keyset, reminding that the site must pass a token', () => {
        const s = healthySnapshot();
        channel(s).embeddedConfig = {
            authMode: 'Auth',
            isEstimatedWaitTimeEnabled: true,
            hasAuthorizations: true,
            hasEnabledAuthorizations: true
        };
        const r = only(run(s));
        expect(r.status).toBe('pass');
        expect(r.message).toContain('setIdentityToken');
    });

    it('fails when the only keyset is listed but not enabled (metadata default for enabled is false)', () => {
        const s = healthySnapshot();
        channel(s).embeddedConfig = { authMode: 'Auth', hasAuthorizations: true, hasEnabledAuthorizations: false };
        const r = only(run(s));
        expect(r).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(r.message).toContain('none of its verification keysets is enabled');
        expect(r.remediation).toContain('enable the keyset');
    });

    it('is not evaluated when the channel file has no embedded settings (older exports)', () => {
        const s = healthySnapshot();
        channel(s).embeddedConfig = undefined;
        const r = only(run(s));
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('no embedded settings');
    });

    it('is not evaluated when the org could not read the channel settings', () => {
        const s = healthySnapshot();
        channel(s).parametersUnavailable = 'the Metadata API call failed';
        const r = only(run(s));
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('the Metadata API call failed');
    });

    it('is not evaluated when the keyset list was not read', () => {
        const s = healthySnapshot();
        channel(s).embeddedConfig = { authMode: 'Auth' };
        expect(only(run(s)).status).toBe('not_evaluated');
    });

    it('is not evaluated when the messaging channels were not read', () => {
        const r = only(run(withUnread(healthySnapshot(), 'messagingChannels')));
        expect(r.status).toBe('not_evaluated');
    });

    it('passes with nothing to check when no MIAW channel is in scope', () => {
        const s = healthySnapshot();
        s.messagingChannels.items = [];
        const r = only(run(s));
        expect(r.status).toBe('pass');
        expect(r.message).toMatch(/^Nothing to check: /);
    });

    it('reports each channel in scope', () => {
        const s = healthySnapshot();
        s.messagingChannels.items.push({
            ...channel(s),
            developerName: 'Portal_Chat',
            embeddedConfig: { authMode: 'Auth', hasAuthorizations: false }
        });
        const results = run(s, healthyPlan({ channel: undefined }));
        expect(results.map((r) => `${r.subject} ${r.status}`)).toEqual(['Web_Chat pass', 'Portal_Chat fail']);
    });
});
