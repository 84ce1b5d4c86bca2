import { runChannelChecks } from '../checksChannel';
import { runPrerequisiteChecks } from '../checksPrerequisites';
import { runRoutingChecks } from '../checksRouting';
import type { CheckResult } from '../result';
import { missingSection, readSection } from '../snapshot';
import type { OrgSnapshot } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runPrerequisiteChecks(contextFor(snapshot, plan));
}

function only(results: CheckResult[], checkId: string): CheckResult {
    const found = resultsFor(results, checkId);
    expect(found).toHaveLength(1);
    return found[0];
}

/** An org snapshot of an org where Omni-Channel is off: Omni objects are not describable. */
function omniOffOrgSnapshot(): OrgSnapshot {
    const s = healthySnapshot();
    s.origin = { kind: 'org', label: 'acme.my.salesforce.com' };
    const off = 'object not present: Omni-Channel is off';
    s.omniChannelSettings = missingSection('unavailable', 'needs API access');
    s.liveMessageSettings = missingSection('unavailable', 'needs API access');
    s.serviceChannels = missingSection('not_present', off);
    s.presenceStatuses = missingSection('not_present', off);
    s.presenceConfigs = missingSection('not_present', off);
    s.routingConfigs = missingSection('not_present', off);
    // Without Omni-Channel a queue cannot carry a routing configuration.
    for (const q of s.queues.items) q.queueRoutingConfig = undefined;
    return s;
}

describe('PRE-01 Omni-Channel is enabled', () => {
    it('passes when enableOmniChannel is true', () => {
        const r = only(run(healthySnapshot()), 'PRE-01');
        expect(r.status).toBe('pass');
        expect(r.subject).toBe('org');
        expect(r.message).toContain('enableOmniChannel = true');
    });

    it('fails when enableOmniChannel is false, with the Setup path to turn it on', () => {
        const s = healthySnapshot();
        s.omniChannelSettings.items[0].enableOmniChannel = false;
        const r = only(run(s), 'PRE-01');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Omni-Channel is turned off');
        expect(r.remediation).toContain('Setup > Omni-Channel Settings');
        expect(r.remediation).toContain('Enable Omni-Channel');
        expect(r.setupPath).toBe('/lightning/setup/OmniChannelSettings/home');
    });

    it('passes by inference when the settings are not in source but Omni-Channel objects are', () => {
        const s = withUnread(healthySnapshot(), 'omniChannelSettings');
        const r = only(run(s), 'PRE-01');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('inferred: Omni-Channel objects exist');
        expect(r.message).toContain('1 routing configuration(s)');
    });

    it('infers from queues with a routing configuration alone (an export without Omni settings or objects)', () => {
        const s = withUnread(healthySnapshot(), 'omniChannelSettings');
        for (const name of ['serviceChannels', 'presenceStatuses', 'presenceConfigs', 'routingConfigs'] as const) {
            withUnread(s, name);
        }
        const r = only(run(s), 'PRE-01');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('2 queue(s) with a routing configuration');
    });

    it('fails in an org where Omni-Channel objects are not present', () => {
        const r = only(run(omniOffOrgSnapshot()), 'PRE-01');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Omni-Channel is off');
        expect(r.message).toContain('object not present: Omni-Channel is off');
        expect(r.remediation).toContain('Enable Omni-Channel');
    });

    it('is not evaluated when neither the settings nor any Omni-Channel object could be read', () => {
        const s = withUnread(healthySnapshot(), 'omniChannelSettings');
        for (const name of [
            'serviceChannels',
            'presenceStatuses',
            'presenceConfigs',
            'routingConfigs',
            'queues'
        ] as const) {
            withUnread(s, name);
        }
        const r = only(run(s), 'PRE-01');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('Omni-Channel settings (OmniChannelSettings) not in the scanned source');
        expect(r.remediation).toContain('sf project retrieve start');
    });

    it('is not evaluated when the settings were read but hold no record and no Omni object exists', () => {
        const s = healthySnapshot();
        s.omniChannelSettings = readSection([]);
        s.serviceChannels = readSection([]);
        s.presenceStatuses = readSection([]);
        s.presenceConfigs = readSection([]);
        s.routingConfigs = readSection([]);
        s.queues = readSection([]);
        const r = only(run(s), 'PRE-01');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('hold no OmniChannelSettings record');
    });
});

describe('PRE-02 Messaging for In-App and Web is available', () => {
    it('passes when the messaging channels were read', () => {
        const r = only(run(healthySnapshot()), 'PRE-02');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('MessagingChannel object available');
        expect(r.message).toContain('1 of type Messaging for In-App and Web');
    });

    it('passes when read but empty (CH-01 reports the missing channel)', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([]);
        expect(statuses(run(s), 'PRE-02')).toEqual(['pass org']);
    });

    it('fails when the MessagingChannel object is not present in the org', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        s.messagingChannels = missingSection('not_present', 'object not present: MessagingChannel');
        const r = only(run(s), 'PRE-02');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Messaging for In-App and Web is not available');
        expect(r.message).toContain('object not present: MessagingChannel');
        expect(r.remediation).toContain('add-on');
        expect(r.remediation).toContain('Setup > Messaging Settings');
    });

    it('is not evaluated for a source folder without channels, and says the toggle is no evidence (emielergo)', () => {
        const s = withUnread(healthySnapshot(), 'messagingChannels', 'not_in_source', 'no messagingChannels folder');
        s.liveMessageSettings = readSection([{ enableLiveMessage: false }]);
        const r = only(run(s), 'PRE-02');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('messaging channels (MessagingChannel) not in the scanned source');
        expect(r.message).toContain('no evidence either way');
        expect(r.remediation).toContain('Retrieve');
    });
});

describe('PRE-03 the Messaging toggle is not needed', () => {
    it('passes when the toggle is off, saying MIAW does not need it', () => {
        const r = only(run(healthySnapshot()), 'PRE-03');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('off (enableLiveMessage = false)');
        expect(r.message).toContain('does not need it');
    });

    it('passes when the toggle is on, noting it is only for WhatsApp/Facebook/SMS (never a fail)', () => {
        const s = healthySnapshot();
        s.liveMessageSettings.items[0].enableLiveMessage = true;
        const r = only(run(s), 'PRE-03');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('only needed for WhatsApp, Facebook Messenger and SMS');
    });

    it('passes when no Messaging settings file is in the source (toggle never set)', () => {
        const s = withUnread(healthySnapshot(), 'liveMessageSettings');
        const r = only(run(s), 'PRE-03');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('no Messaging settings file');
    });

    it('is not evaluated when the settings could not be read', () => {
        const s = withUnread(healthySnapshot(), 'liveMessageSettings', 'error', 'malformed XML');
        const r = only(run(s), 'PRE-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('malformed XML');
    });
});

describe('PRE-04 status-based capacity enabled in the Omni-Channel settings', () => {
    it('passes when enableOmniStatusCapModel is true', () => {
        expect(statuses(run(healthySnapshot()), 'PRE-04')).toEqual(['pass org']);
    });

    it('fails (warning) when the flag is off or absent', () => {
        const s = healthySnapshot();
        s.omniChannelSettings.items[0].enableOmniStatusCapModel = undefined;
        const r = only(run(s), 'PRE-04');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('warning');
        expect(r.message).toContain('enableOmniStatusCapModel = not set');
        expect(r.remediation).toContain('Enable Status-Based Capacity Model');
        expect(r.remediation).toContain('other service channels keep their own model');
        expect(r.remediation).toContain('Customer Inactivity');
        expect(r.remediation).toContain('choose tab-based capacity in the setup plan');
        expect(r.remediation).not.toContain('"capacityModel"');
    });

    it('passes when the plan chose tab-based capacity deliberately', () => {
        const s = healthySnapshot();
        s.omniChannelSettings.items[0].enableOmniStatusCapModel = false;
        const r = only(run(s, healthyPlan({ capacityModel: 'tab' })), 'PRE-04');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('the setup plan chose tab-based capacity');
    });

    it('is not evaluated when the Omni-Channel settings were not read', () => {
        const s = withUnread(healthySnapshot(), 'omniChannelSettings', 'unavailable', 'needs API access');
        const r = only(run(s), 'PRE-04');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('needs API access');
        expect(r.remediation).toContain("Connect the app to the org's API");
    });
});

describe('PRE-05 skills-based and direct-to-agent routing', () => {
    it('passes when enableOmniSkillsRouting is true', () => {
        expect(statuses(run(healthySnapshot()), 'PRE-05')).toEqual(['pass org']);
    });

    it('fails (info) when it is off, explaining transfers', () => {
        const s = healthySnapshot();
        s.omniChannelSettings.items[0].enableOmniSkillsRouting = false;
        const r = only(run(s), 'PRE-05');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('info');
        expect(r.message).toContain('cannot transfer');
        expect(r.remediation).toContain('Enable Skills-Based and Direct-to-Agent Routing');
    });

    it('is not evaluated when the settings were not read', () => {
        const s = withUnread(healthySnapshot(), 'omniChannelSettings');
        expect(statuses(run(s), 'PRE-05')).toEqual(['not_evaluated org']);
    });
});

describe('PRE, CH and RT together', () => {
    function all(snapshot: OrgSnapshot): CheckResult[] {
        const ctx = contextFor(snapshot, healthyPlan());
        return [...runPrerequisiteChecks(ctx), ...runChannelChecks(ctx), ...runRoutingChecks(ctx)];
    }

    it('all pass on the healthy snapshot; only CH-02 is not evaluated (metadata has no active flag)', () => {
        const results = all(healthySnapshot());
        expect(results.filter((r) => r.status === 'fail')).toEqual([]);
        expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.checkId} ${r.status}`)).toEqual([
            'CH-02 not_evaluated'
        ]);
        const ids = new Set(results.map((r) => r.checkId));
        for (const id of ['PRE-01', 'PRE-02', 'PRE-03', 'PRE-04', 'PRE-05']) expect(ids).toContain(id);
        for (const id of ['CH-01', 'CH-03', 'CH-04', 'CH-05', 'CH-06', 'CH-07', 'CH-08', 'CH-09'])
            expect(ids).toContain(id);
        for (const id of ['RT-01', 'RT-02', 'RT-03', 'RT-04', 'RT-05']) expect(ids).toContain(id);
    });

    it('every result passes once the channel is known to be active', () => {
        const s = healthySnapshot();
        s.messagingChannels.items[0].isActive = true;
        expect(all(s).filter((r) => r.status !== 'pass')).toEqual([]);
    });

    it('an org with Omni-Channel off: PRE-01 fails, the Omni-dependent checks say why they were not evaluated', () => {
        const results = all(omniOffOrgSnapshot());
        expect(only(results, 'PRE-01').status).toBe('fail');
        for (const id of ['PRE-04', 'PRE-05']) {
            const r = only(results, id);
            expect(r.status).toBe('not_evaluated');
            expect(r.message).toContain('needs API access');
        }
        for (const id of ['RT-02', 'RT-04', 'RT-05']) {
            const found = resultsFor(results, id);
            expect(found.length).toBeGreaterThan(0);
            for (const r of found) {
                expect(r.status).toBe('not_evaluated');
                expect(r.message).toContain('object not present: Omni-Channel is off');
            }
        }
        // Nothing Omni-dependent passes silently.
        expect(results.filter((r) => ['RT-02', 'RT-04', 'RT-05'].includes(r.checkId) && r.status === 'pass')).toEqual(
            []
        );
    });
});
