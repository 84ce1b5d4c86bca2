import { runCapacityChecks } from '../checksCapacity';
import { readSection } from '../snapshot';
import type { Agent, OrgSnapshot, PermissionSet } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, resultsFor, statuses, withUnread, agent } from './fixtures';

function run(snapshot: OrgSnapshot, plan = healthyPlan()) {
    return runCapacityChecks(contextFor(snapshot, plan));
}

function one(snapshot: OrgSnapshot, checkId: string, plan = healthyPlan()) {
    const results = resultsFor(run(snapshot, plan), checkId);
    expect(results).toHaveLength(1);
    return results[0];
}

/** The healthy org as the in-org reader sees it: same configuration plus agents and assignee counts. */
function orgSnapshot(agents: Agent[]): OrgSnapshot {
    const s = healthySnapshot();
    s.origin = { kind: 'org', label: 'fixture.my.salesforce.com' };
    s.agents = readSection(agents);
    s.permissionSets.items[0].assigneeCount = agents.length;
    return s;
}

const ready = agent('agent1@example.invalid', {
    name: 'Ada Agent',
    permissionSets: ['Chat_Agent'],
    queues: ['Chat_Support'],
    presenceConfig: 'Chat_Agents'
});

const statusOnlySet = (name: string, statusName: string): PermissionSet => ({
    name,
    userPermissions: [],
    presenceStatusAccesses: [statusName],
    objectPermissions: [],
    source: { file: `permissionsets/${name}.permissionset-meta.xml` }
});

describe('runCapacityChecks on the healthy fixture', () => {
    it('passes every CP check on healthySnapshot() + healthyPlan()', () => {
        const results = run(healthySnapshot());
        for (const id of ['CP-01', 'CP-02', 'CP-03', 'CP-04', 'CP-05']) {
            expect(resultsFor(results, id).length).toBeGreaterThan(0);
            expect(resultsFor(results, id).every((r) => r.status === 'pass')).toBe(true);
        }
        expect(statuses(results, 'CP-04')).toEqual(['pass Chat_Agent']);
    });
});

describe('CP-01 messaging service channel', () => {
    it('passes on the messaging service channel', () => {
        const r = one(healthySnapshot(), 'CP-01');
        expect(r).toMatchObject({ status: 'pass', subject: 'sfdc_livemessage', severity: 'blocker' });
        expect(r.message).toContain('routes Messaging Session work');
    });

    it('fails naming the service channels found when none routes Messaging Session', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme.my.salesforce.com' };
        s.serviceChannels = readSection([
            { developerName: 'Cases', label: 'Cases', relatedEntityType: 'Case' },
            { developerName: 'sfdc_phone', label: 'Phone', relatedEntityType: 'VoiceCall' }
        ]);
        const r = one(s, 'CP-01');
        expect(r).toMatchObject({ status: 'fail', subject: 'org' });
        expect(r.message).toContain('No service channel for Messaging Session exists');
        expect(r.message).toContain('"Cases" and "sfdc_phone"');
        expect(r.remediation).toContain('Setup > Omni-Channel > Service Channels');
        expect(r.setupPath).toBe('/lightning/setup/ServiceChannelSettings/home');
    });

    it('is not evaluated when a metadata export has MIAW channels but did not retrieve sfdc_livemessage', () => {
        // diogo-weenow: five MIAW channels, serviceChannels/ holds only "Casos".
        const s = healthySnapshot();
        s.serviceChannels = readSection([{ developerName: 'Casos', label: 'Casos', relatedEntityType: 'Case' }]);
        const r = one(s, 'CP-01');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('not the messaging service channel sfdc_livemessage; the source has "Casos"');
        expect(r.remediation).toContain('ServiceChannel:sfdc_livemessage');
    });

    it('fails when sfdc_livemessage relates to another object', () => {
        const s = healthySnapshot();
        s.serviceChannels = readSection([{ developerName: 'sfdc_livemessage', relatedEntityType: 'Case' }]);
        const r = one(s, 'CP-01');
        expect(r).toMatchObject({ status: 'fail', subject: 'sfdc_livemessage' });
        expect(r.message).toContain('routes Case, not Messaging Session');
    });

    it('passes with a note when the source leaves the related object empty (xsi:nil)', () => {
        const s = healthySnapshot();
        s.serviceChannels = readSection([
            { developerName: 'sfdc_livemessage', label: 'Messaging', source: { file: 'serviceChannels/x.xml' } }
        ]);
        const r = one(s, 'CP-01');
        expect(r).toMatchObject({ status: 'pass', subject: 'sfdc_livemessage' });
        expect(r.message).toContain('related object is not stated in the source');
        expect(r.location).toEqual({ file: 'serviceChannels/x.xml' });
    });

    it('is not evaluated when the service channels were not read', () => {
        const r = one(withUnread(healthySnapshot(), 'serviceChannels'), 'CP-01');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('service channels (ServiceChannel) not in the scanned source');
        expect(r.remediation).toContain('sf project retrieve start');
    });

    it('fails on an org snapshot without the channel', () => {
        const s = orgSnapshot([ready]);
        s.serviceChannels = readSection([]);
        expect(statuses(run(s), 'CP-01')).toEqual(['fail org']);
    });
});

describe('CP-02 capacity model', () => {
    it('passes on status-based', () => {
        const r = one(healthySnapshot(), 'CP-02');
        expect(r).toMatchObject({ status: 'pass', subject: 'sfdc_livemessage', severity: 'warning' });
        expect(r.message).toContain('uses status-based capacity');
    });

    it('warns on tab-based', () => {
        const s = healthySnapshot();
        s.serviceChannels.items[0].capacityModel = 'TabBased';
        const r = one(s, 'CP-02');
        expect(r).toMatchObject({ status: 'fail', subject: 'sfdc_livemessage' });
        expect(r.message).toContain('uses tab-based capacity');
        expect(r.message).not.toContain('setup plan');
        expect(r.remediation).toContain('Setup > Omni-Channel Settings');
    });

    it('still warns when the plan chose tab-based, and says the plan chose it', () => {
        const s = healthySnapshot();
        s.serviceChannels.items[0].capacityModel = 'TabBased';
        const r = one(s, 'CP-02', healthyPlan({ capacityModel: 'tab' }));
        expect(r.status).toBe('fail');
        expect(r.message).toContain('The setup plan chose tab-based capacity');
        expect(r.message).toContain('closes its tab, not when the session ends');
        expect(r.message).not.toContain('recommends');
        expect(r.remediation).toContain('Customer Inactivity');
        expect(r.remediation).toContain('chosen per service channel');
    });

    it('passes a status-based channel but points out a plan that says tab-based', () => {
        const r = one(healthySnapshot(), 'CP-02', healthyPlan({ capacityModel: 'tab' }));
        expect(r.status).toBe('pass');
        expect(r.message).toContain('the setup plan says tab-based');
    });

    it('infers tab-based when the model is absent and the Omni-Channel setting is off (Camden-sung)', () => {
        const s = healthySnapshot();
        delete s.serviceChannels.items[0].capacityModel;
        s.omniChannelSettings.items[0].enableOmniStatusCapModel = false;
        const r = one(s, 'CP-02');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'tab-based capacity (inferred: status-based capacity is not enabled in the Omni-Channel settings)'
        );
    });

    it('is not evaluated when the model is absent and the org flag does not settle it', () => {
        const s = healthySnapshot();
        delete s.serviceChannels.items[0].capacityModel;
        const r = one(s, 'CP-02');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'sfdc_livemessage' });
        expect(r.message).toContain('does not state its capacity model');
        expect(r.remediation).toContain('API version 65.0');
    });

    it('is not evaluated when there is no messaging service channel', () => {
        const s = healthySnapshot();
        s.serviceChannels = readSection([]);
        const r = one(s, 'CP-02');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('CP-01 reports it');
    });

    it('is not evaluated when service channels were not read', () => {
        expect(one(withUnread(healthySnapshot(), 'serviceChannels'), 'CP-02').status).toBe('not_evaluated');
    });
});

describe('CP-03 presence status linked to messaging', () => {
    it('passes once per linked status', () => {
        const s = healthySnapshot();
        s.presenceStatuses = readSection([
            { developerName: 'Available_Messaging', label: 'Available - Messaging', channels: ['sfdc_livemessage'] },
            { developerName: 'Chat_Messaging', channels: ['sfdc_liveagent', 'sfdc_livemessage'] },
            { developerName: 'Busy', channels: [] }
        ]);
        const results = run(s);
        expect(statuses(results, 'CP-03')).toEqual(['pass Available_Messaging', 'pass Chat_Messaging']);
        expect(resultsFor(results, 'CP-03')[0].message).toContain(
            'Presence status "Available_Messaging" (Available - Messaging) is linked to the messaging service channel "sfdc_livemessage"'
        );
    });

    it('fails on the service channel when no status is linked, listing the statuses', () => {
        const s = healthySnapshot();
        s.presenceStatuses = readSection([
            { developerName: 'Chat', channels: ['sfdc_liveagent'] },
            { developerName: 'Busy', channels: [] }
        ]);
        const r = one(s, 'CP-03');
        expect(r).toMatchObject({ status: 'fail', subject: 'sfdc_livemessage' });
        expect(r.message).toContain('No presence status is linked to the messaging service channel "sfdc_livemessage"');
        expect(r.message).toContain('Chat → sfdc_liveagent');
        expect(r.message).toContain('Busy → no channel');
        expect(r.remediation).toContain('Setup > Omni-Channel > Presence Statuses');
    });

    it('is not evaluated when presence statuses were not read', () => {
        const r = one(withUnread(healthySnapshot(), 'presenceStatuses', 'no_permission', 'no access'), 'CP-03');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'sfdc_livemessage' });
        expect(r.message).toContain('presence statuses (ServicePresenceStatus) not read (no access)');
    });
});

describe('CP-04 agents can use the messaging status — metadata', () => {
    it('passes each permission set that grants a messaging status', () => {
        const r = one(healthySnapshot(), 'CP-04');
        expect(r).toMatchObject({ status: 'pass', subject: 'Chat_Agent' });
        expect(r.message).toContain('grants the messaging presence status "Available_Messaging"');
    });

    it('is not evaluated (not a false blocker) when no permission set grants it: profiles were not read', () => {
        const s = healthySnapshot();
        s.permissionSets.items[0].presenceStatusAccesses = [];
        const r = one(s, 'CP-04');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('no permission set in the scanned source grants the messaging presence status');
        expect(r.message).toContain('Profiles can also grant access');
        expect(r.remediation).toContain('Service Presence Statuses Access');
    });

    it('reports a permission set granting a status missing from the source (shekharh500)', () => {
        const s = healthySnapshot();
        s.permissionSets = readSection([statusOnlySet('NW_Live_Support_Agent', 'NW_Available_Messaging')]);
        const results = resultsFor(run(s), 'CP-04');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'not_evaluated NW_Live_Support_Agent',
            'not_evaluated org'
        ]);
        expect(results[0].message).toContain(
            'grants the presence status "NW_Available_Messaging", which is not among the presence statuses read'
        );
        expect(results[0].location).toEqual({ file: 'permissionsets/NW_Live_Support_Agent.permissionset-meta.xml' });
    });

    it('notes a stale grant next to a valid one', () => {
        const s = healthySnapshot();
        s.permissionSets.items[0].presenceStatusAccesses = ['Available_Messaging', 'Old_Status'];
        const r = one(s, 'CP-04');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('It also grants "Old_Status", which is not among the presence statuses read');
    });

    it('is not evaluated without presence statuses, naming the statuses the permission sets grant', () => {
        const s = withUnread(healthySnapshot(), 'presenceStatuses');
        const r = one(s, 'CP-04');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('Permission sets grant "Available_Messaging"');
    });

    it('is not evaluated when no status is linked to messaging', () => {
        const s = healthySnapshot();
        s.presenceStatuses.items[0].channels = ['Cases'];
        const r = one(s, 'CP-04');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'sfdc_livemessage' });
        expect(r.message).toContain('CP-03 reports it');
    });

    it('is not evaluated when permission sets were not read', () => {
        const r = one(withUnread(healthySnapshot(), 'permissionSets'), 'CP-04');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('permission sets (PermissionSet)');
    });
});

describe('CP-04 agents can use the messaging status — org', () => {
    it('passes the permission set with its assignee count and all agents', () => {
        const results = resultsFor(run(orgSnapshot([ready])), 'CP-04');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['pass Chat_Agent', 'pass agents']);
        expect(results[0].message).toContain('It is assigned to 1 user.');
        expect(results[1].message).toContain('The 1 messaging agent holds a permission set granting');
    });

    it('fails the agents who hold no permission set granting the status in one result, naming them', () => {
        const bob = agent('bob@example.invalid', {
            name: 'Bob',
            permissionSets: ['Case_Worker'],
            queues: ['Chat_Support']
        });
        const s = orgSnapshot([ready, bob]);
        s.permissionSets.items.push({
            name: 'Case_Worker',
            userPermissions: [],
            presenceStatusAccesses: [],
            objectPermissions: []
        });
        const results = resultsFor(run(s), 'CP-04');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'pass agents',
            'fail Agents without a messaging presence status'
        ]);
        expect(results[1].message).toBe(
            '1 of the 2 messaging agents holds a permission set granting the messaging presence status "Available_Messaging".'
        );
        expect(results[2].message).toBe(
            '1 agent holds no permission set that grants the messaging presence status "Available_Messaging", so it cannot go online for messaging: "Bob (bob@example.invalid)". They hold: "Case_Worker" (1 agent).'
        );
    });

    it('reports thousands of agents without access as one result, naming 20 of them', () => {
        const many = Array.from({ length: 3000 }, (_, i) =>
            agent(`u${i}@example.invalid`, { permissionSets: i % 3 ? ['Chat_Agent'] : [], queues: ['Chat_Support'] })
        );
        const results = resultsFor(run(orgSnapshot(many)), 'CP-04');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'pass agents',
            'fail Agents without a messaging presence status'
        ]);
        expect(results[1].message).toMatch(/^2,000 of the 3,000 messaging agents hold/);
        expect(results[2].message).toMatch(/^1,000 agents hold no permission set/);
        expect(results[2].message).toContain('"u57@example.invalid" and 980 more. They hold: none (1,000 agents).');
    });

    it('fails the org when no permission set grants the status', () => {
        const s = orgSnapshot([ready]);
        s.permissionSets.items[0].presenceStatusAccesses = [];
        const results = resultsFor(run(s), 'CP-04');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail org',
            'fail Agents without a messaging presence status'
        ]);
        expect(results[0].message).toContain('No permission set in the org grants the messaging presence status');
    });

    it('is not evaluated for agents whose permission set was not read', () => {
        const s = orgSnapshot([
            agent('carol@example.invalid', { permissionSets: ['Hidden_Set'], queues: ['Chat_Support'] })
        ]);
        const results = resultsFor(run(s), 'CP-04');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'not_evaluated Agents with unread permission sets'
        ]);
        expect(results[1].message).toContain('"Hidden_Set"');
        expect(results[1].message).toContain('"carol@example.invalid"');
    });

    it('is not evaluated for agents when the agents were not read', () => {
        const s = withUnread(orgSnapshot([]), 'agents', 'unavailable', 'needs API access');
        expect(statuses(run(s), 'CP-04')).toEqual(['pass Chat_Agent', 'not_evaluated agents']);
    });
});

describe('CP-05 presence configuration with capacity', () => {
    it('passes an assigned configuration with capacity', () => {
        const r = one(healthySnapshot(), 'CP-05');
        expect(r).toMatchObject({ status: 'pass', subject: 'Chat_Agents' });
        expect(r.message).toBe('Presence configuration "Chat_Agents" has capacity 5 and is assigned to 1 user.');
    });

    it('fails an assigned configuration with capacity 0', () => {
        const s = healthySnapshot();
        s.presenceConfigs.items[0].capacity = 0;
        const r = one(s, 'CP-05');
        expect(r).toMatchObject({ status: 'fail', subject: 'Chat_Agents' });
        expect(r.message).toContain('is assigned to 1 user but its capacity is 0');
        expect(r.remediation).toContain('Setup > Omni-Channel > Presence Configurations');
    });

    it('counts the org default configuration as assigned to everyone else (corpus default_presence_config)', () => {
        // Salesforce applies the Default Presence Configuration to every rep not assigned another one, so an
        // export shows it with no assignments even though it gives everyone capacity.
        const s = healthySnapshot();
        s.presenceConfigs = readSection([
            {
                developerName: 'default_presence_config',
                capacity: 5,
                assignedUsers: [],
                assignedProfiles: [],
                source: { file: 'presenceUserConfigs/default_presence_config.presenceUserConfig-meta.xml' }
            }
        ]);
        const r = one(s, 'CP-05');
        expect(r).toMatchObject({ status: 'pass', subject: 'default_presence_config' });
        expect(r.message).toContain('has capacity 5 and is assigned to every user not assigned another configuration');
    });

    it('fails an unassigned custom configuration when nothing else gives capacity', () => {
        const s = healthySnapshot();
        s.presenceConfigs = readSection([
            {
                developerName: 'Chat_Agents',
                capacity: 5,
                assignedUsers: [],
                assignedProfiles: [],
                source: { file: 'presenceUserConfigs/Chat_Agents.presenceUserConfig-meta.xml' }
            }
        ]);
        const r = one(s, 'CP-05');
        expect(r).toMatchObject({ status: 'fail', subject: 'Chat_Agents' });
        expect(r.message).toContain('has capacity 5 but is assigned to no user or profile');
        expect(r.location?.file).toContain('Chat_Agents');
    });

    it('names an unused configuration in the pass when another one is assigned', () => {
        const s = healthySnapshot();
        s.presenceConfigs.items.push({
            developerName: 'Old_Config',
            capacity: 3,
            assignedUsers: [],
            assignedProfiles: []
        });
        const results = resultsFor(run(s), 'CP-05');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['pass Chat_Agents']);
        expect(results[0].message).toContain('Not assigned to anyone, so without effect: "Old_Config"');
    });

    it('counts profile assignments (diogo-weenow)', () => {
        const s = healthySnapshot();
        s.presenceConfigs.items[0].assignedUsers = [];
        s.presenceConfigs.items[0].assignedProfiles = ['Admin', 'Standard'];
        const r = one(s, 'CP-05');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('the profiles "Admin" and "Standard"');
    });

    it('fails when no presence configuration exists', () => {
        const s = healthySnapshot();
        s.presenceConfigs = readSection([]);
        const r = one(s, 'CP-05');
        expect(r).toMatchObject({ status: 'fail', subject: 'org' });
        expect(r.message).toContain('No presence configuration exists');
    });

    it('is not evaluated when presence configurations were not read', () => {
        expect(one(withUnread(healthySnapshot(), 'presenceConfigs'), 'CP-05').status).toBe('not_evaluated');
    });

    it('on an org snapshot, counts agents that use the configuration', () => {
        const s = orgSnapshot([ready]);
        s.presenceConfigs.items[0].assignedUsers = [];
        const r = one(s, 'CP-05');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('is assigned to 1 agent');
    });
});

describe('CP-06 (retired: the capacity model is chosen per service channel)', () => {
    it('reports nothing about other service channels, whatever their capacity model (peticavictor)', () => {
        const s = healthySnapshot();
        s.serviceChannels.items.push(
            { developerName: 'Cases', label: 'Cases', relatedEntityType: 'Case' },
            {
                developerName: 'sfdc_liveagent',
                label: 'Chat',
                relatedEntityType: 'LiveChatTranscript',
                capacityModel: 'TabBased'
            }
        );
        const results = run(s);
        expect(resultsFor(results, 'CP-06')).toEqual([]);
        expect(results.filter((r) => r.subject === 'Cases' || r.subject === 'sfdc_liveagent')).toEqual([]);
    });
});
