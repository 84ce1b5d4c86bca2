import { ENHANCED_CONVERSATION_COMPONENT, runAgentChecks } from '../checksAgents';
import { readSection } from '../snapshot';
import type { Agent, OrgSnapshot, PermissionSet } from '../snapshot';
import {
    blankSnapshot,
    contextFor,
    healthyPlan,
    healthySnapshot,
    resultsFor,
    statuses,
    withUnread,
    agent
} from './fixtures';

function run(snapshot: OrgSnapshot) {
    return runAgentChecks(contextFor(snapshot, healthyPlan()));
}

function one(snapshot: OrgSnapshot, checkId: string) {
    const results = resultsFor(run(snapshot), checkId);
    expect(results).toHaveLength(1);
    return results[0];
}

/** Fully ready under the newer model: Enhanced Chat User PSL + Chat_Agent (Enhanced Chat Rep, status, objects). */
const ada = agent('ada@example.invalid', {
    name: 'Ada',
    permissionSetLicenses: ['EmbeddedServiceMessagingUserPsl'],
    permissionSets: ['Chat_Agent'],
    queues: ['Chat_Support'],
    presenceConfig: 'Chat_Agents'
});

/** The healthy org as the in-org reader sees it, with the given agents. */
function orgSnapshot(agents: Agent[]): OrgSnapshot {
    const s = healthySnapshot();
    s.origin = { kind: 'org', label: 'fixture.my.salesforce.com' };
    s.agents = readSection(agents);
    return s;
}

function permissionSet(name: string, overrides: Partial<PermissionSet> = {}): PermissionSet {
    return {
        name,
        userPermissions: [],
        presenceStatusAccesses: [],
        objectPermissions: [],
        source: { file: `permissionsets/${name}.permissionset-meta.xml` },
        ...overrides
    };
}

const fullAccess = [
    { object: 'MessagingSession', allowRead: true, allowEdit: true },
    { object: 'MessagingEndUser', allowRead: true, allowEdit: true }
];

describe('runAgentChecks on the healthy fixture', () => {
    it('passes AG-04, AG-05, AG-06 and AG-07; AG-03 is not evaluated from metadata', () => {
        const results = run(healthySnapshot());
        expect(statuses(results, 'AG-05')).toEqual(['pass Chat_Agent']);
        expect(statuses(results, 'AG-06')).toEqual(['pass Chat_Agent']);
        expect(statuses(results, 'AG-07')).toEqual(['pass Chat_Agent']);
        // Metadata cannot show permission set assignments, so the full join stays open (with the join facts).
        expect(statuses(results, 'AG-03')).toEqual(['not_evaluated org']);
        expect(resultsFor(results, 'AG-03')[0].message).toContain(
            '1 user is in a messaging queue and assigned a presence configuration with capacity: "agent1@example.invalid".'
        );
        expect(statuses(results, 'AG-04')).toEqual(['pass Messaging_Session_Record_Page']);
    });

    it('passes AG-04 once the healthy page carries the Enhanced Conversation component seen in real exports', () => {
        const s = healthySnapshot();
        s.flexiPages.items[0].components = ['force:highlightsPanel', ENHANCED_CONVERSATION_COMPONENT];
        expect(statuses(run(s), 'AG-04')).toEqual(['pass Messaging_Session_Record_Page']);
    });

    it('passes every AG check on the healthy org with a ready agent', () => {
        const s = orgSnapshot([ada]);
        s.flexiPages.items[0].components = [ENHANCED_CONVERSATION_COMPONENT];
        const results = run(s);
        for (const id of ['AG-03', 'AG-04', 'AG-05', 'AG-06', 'AG-07']) {
            expect(statuses(results, id).length).toBeGreaterThan(0);
            expect(resultsFor(results, id).every((r) => r.status === 'pass')).toBe(true);
        }
    });

    it('cites public documents, never internal references, in what an admin reads', () => {
        const s = orgSnapshot([ada, agent('nick@example.invalid', { queues: ['Chat_Support'] })]);
        for (const r of run(s)) {
            for (const text of [r.message, r.remediation, r.source]) expect(text).not.toMatch(/\b00[0-2]\b|L\d{2,}/);
        }
        expect(resultsFor(run(s), 'AG-05')[0].source).toContain('Give Users Access to Enhanced Chat (https://');
    });
});

describe('AG-05 licence and permission — metadata', () => {
    it('passes each permission set granting Enhanced Chat Rep, with its licence, and says the licence needs the org', () => {
        const s = healthySnapshot();
        s.permissionSets.items.push(
            permissionSet('Messaging_for_In_App_and_Web_Agent', {
                license: 'EmbeddedServiceMessagingUserPsl',
                userPermissions: ['EmbeddedMessagingAgent']
            })
        );
        const results = resultsFor(run(s), 'AG-05');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'pass Messaging_for_In_App_and_Web_Agent'
        ]);
        expect(results[1].message).toContain('with licence EmbeddedServiceMessagingUserPsl');
        expect(results[1].message).toContain('also need the Enhanced Chat User permission set licence');
        expect(results[1].location?.file).toContain('Messaging_for_In_App_and_Web_Agent');
    });

    it('is not evaluated without Enhanced Chat Rep, naming the Messaging Agent permission as the wrong one', () => {
        const s = healthySnapshot();
        s.permissionSets = readSection([
            permissionSet('Service_Messaging_Agent', { userPermissions: ['LiveMessageAgent'] })
        ]);
        const r = one(s, 'AG-05');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('no permission set in the scanned source grants the Enhanced Chat Rep permission');
        expect(r.message).toContain(
            '"Service_Messaging_Agent" grants the Messaging Agent permission (LiveMessageAgent), which is for WhatsApp'
        );
        expect(r.remediation).toContain('App Permissions > Enhanced Chat Rep');
    });

    it('is not evaluated when permission sets were not read', () => {
        expect(one(withUnread(healthySnapshot(), 'permissionSets'), 'AG-05').status).toBe('not_evaluated');
    });
});

describe('AG-05 licence and permission — org', () => {
    it("fails an agent who holds only the Service Cloud User licence (the Spring '23 model)", () => {
        const scu = agent('sam@example.invalid', {
            name: 'Sam',
            hasServiceCloudUser: true,
            permissionSets: ['Chat_Agent'],
            queues: ['Chat_Support']
        });
        const results = resultsFor(run(orgSnapshot([ada, scu])), 'AG-05');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Permission set Chat_Agent',
            'fail Agents without the Enhanced Chat User licence'
        ]);
        expect(results[0].message).toBe(
            '1 agent holds the Enhanced Chat User licence and gets the Enhanced Chat Rep permission from permission set "Chat_Agent".'
        );
        expect(results[1].message).toContain('1 agent has no Enhanced Chat User permission set licence');
        expect(results[1].message).toContain('"Sam (sam@example.invalid)"');
        expect(results[1].message).toContain(
            'It holds the Service Cloud User feature licence, which does not give access to Enhanced Chat on its own.'
        );
        expect(results[1].remediation).toContain('Permission Set License Assignments');
    });

    it('groups failing agents by what they lack, and licensed agents without Enhanced Chat Rep apart', () => {
        const none = agent('nick@example.invalid', { queues: ['Chat_Support'] });
        const pslOnly = agent('pia@example.invalid', {
            permissionSetLicenses: ['EmbeddedServiceMessagingUserPsl'],
            presenceConfig: 'Chat_Agents'
        });
        const results = resultsFor(run(orgSnapshot([none, pslOnly])), 'AG-05');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail Agents without the Enhanced Chat User licence or the Enhanced Chat Rep permission',
            'fail Agents without the Enhanced Chat Rep permission'
        ]);
        expect(results[0].message).toContain('neither the Enhanced Chat User permission set licence nor');
        expect(results[1].message).toContain(
            'the Enhanced Chat User licence but no permission set with the Enhanced Chat Rep permission'
        );
        expect(results[1].setupPath).toBe('/lightning/setup/PermSets/home');
    });

    it('reports 5,000 agents in one result per group, naming 20 and counting the rest', () => {
        const many = Array.from({ length: 5000 }, (_, i) =>
            agent(`a${i}@example.invalid`, {
                permissionSetLicenses: i % 2 ? ['EmbeddedServiceMessagingUserPsl'] : [],
                permissionSets: ['Chat_Agent'],
                queues: ['Chat_Support']
            })
        );
        const results = resultsFor(run(orgSnapshot(many)), 'AG-05');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Permission set Chat_Agent',
            'fail Agents without the Enhanced Chat User licence'
        ]);
        expect(results[0].message).toMatch(/^2,500 agents hold/);
        expect(results[1].message).toMatch(/^2,500 agents have no Enhanced Chat User/);
        expect(results[1].message).toContain('"a38@example.invalid" and 2,480 more');
        expect(results[1].message).not.toContain('a40@example.invalid');
    });

    it('links a passing group to its permission set in Setup when the org gave its Id', () => {
        const s = orgSnapshot([ada]);
        s.permissionSets.items[0].source = { recordId: '0PS5e000000AgntGAA' };
        const expected = '/lightning/setup/PermSets/page?address=%2F0PS5e000000AgntGAA';
        expect(one(s, 'AG-05').setupPath).toBe(expected);
        expect(resultsFor(run(s), 'AG-06')[0].setupPath).toBe(expected);
    });

    it('says so when the in-org read listed only the first agents', () => {
        const s = orgSnapshot([ada]);
        s.problems.push({
            file: 'User',
            section: 'agents',
            message: 'More than 500 candidate agents: the first 500 by username were checked.'
        });
        expect(one(s, 'AG-05').message).toContain(
            'Only the agents the read listed were checked: More than 500 candidate agents'
        );
        expect(resultsFor(run(s), 'AG-06')[0].message).toContain('Only the agents the read listed were checked');
    });

    it('is not evaluated when a licensed agent holds a permission set that was not read', () => {
        const unsure = agent('una@example.invalid', {
            permissionSetLicenses: ['EmbeddedServiceMessagingUserPsl'],
            permissionSets: ['Secret'],
            queues: ['Chat_Support']
        });
        const r = one(orgSnapshot([unsure]), 'AG-05');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'Agents with unread permission sets' });
        expect(r.message).toContain('"Secret", which was not read');
    });

    it('ignores users outside messaging and inactive users; not evaluated without any agent', () => {
        const other = agent('olga@example.invalid', { hasServiceCloudUser: true, queues: ['Billing'] });
        const gone = agent('gus@example.invalid', { isActive: false, queues: ['Chat_Support'] });
        const r = one(orgSnapshot([other, gone]), 'AG-05');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('No active user is in a messaging queue or has a presence configuration');
    });

    it('is not evaluated when agents were not read', () => {
        const s = withUnread(orgSnapshot([]), 'agents', 'no_permission', 'no access to User');
        const r = one(s, 'AG-05');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('agents and their assignments');
    });
});

describe('AG-06 and AG-07 object access — metadata', () => {
    it('passes an agent permission set with read and edit on both objects', () => {
        const results = run(healthySnapshot());
        expect(one(healthySnapshot(), 'AG-06')).toMatchObject({ status: 'pass', subject: 'Chat_Agent' });
        expect(resultsFor(results, 'AG-06')[0].message).toContain('grants read and edit on Messaging Sessions');
        expect(resultsFor(results, 'AG-07')[0].message).toContain('grants read and edit on Messaging Users');
    });

    it('only warns when Messaging Users lack edit: Messaging Sessions are what current Help asks for', () => {
        const s = healthySnapshot();
        s.permissionSets.items[0].objectPermissions = [
            { object: 'MessagingSession', allowRead: true, allowEdit: true },
            { object: 'MessagingEndUser', allowRead: true, allowEdit: false }
        ];
        expect(one(s, 'AG-06').status).toBe('pass');
        const r = one(s, 'AG-07');
        expect(r).toMatchObject({ status: 'fail', severity: 'warning', subject: 'Chat_Agent' });
        expect(r.message).toContain(
            'Permission set "Chat_Agent" is an agent permission set but lacks edit on Messaging Users'
        );
        expect(r.remediation).toContain('Object Settings > Messaging Users');
    });

    it('blocks on a permission set without edit on Messaging Sessions', () => {
        const s = healthySnapshot();
        s.permissionSets.items[0].objectPermissions = [
            { object: 'MessagingSession', allowRead: true, allowEdit: false },
            { object: 'MessagingEndUser', allowRead: true, allowEdit: true }
        ];
        expect(one(s, 'AG-06')).toMatchObject({ status: 'fail', severity: 'blocker', subject: 'Chat_Agent' });
        expect(one(s, 'AG-07').status).toBe('pass');
    });

    it('fails an agent permission set without object access when no set in the source grants it (peticavictor rep-only set)', () => {
        const s = healthySnapshot();
        s.permissionSets = readSection([
            permissionSet('Messaging_for_In_App_and_Web_Agent', { userPermissions: ['EmbeddedMessagingAgent'] })
        ]);
        const r = one(s, 'AG-06');
        expect(r).toMatchObject({ status: 'fail', subject: 'Messaging_for_In_App_and_Web_Agent' });
        expect(r.message).toContain('lacks read and edit on Messaging Sessions');
        expect(r.message).toContain('profiles were not read');
    });

    it('does not fail a status-only set when another set covers the objects (modular permission sets)', () => {
        const s = healthySnapshot();
        s.permissionSets.items.push(
            permissionSet('OmniPresenceStatusPermissionSet', { presenceStatusAccesses: ['Available_Messaging'] })
        );
        const results = resultsFor(run(s), 'AG-06');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'not_evaluated OmniPresenceStatusPermissionSet'
        ]);
        expect(results[1].message).toContain('"Chat_Agent" in the source grants read and edit on it');
    });

    it('ignores read-only integration permission sets (sfdcInternalInt__ in peticavictor, Camden-sung)', () => {
        const s = healthySnapshot();
        s.permissionSets.items.push(
            permissionSet('sfdcInternalInt__sfdc_a360_sfcrm_data_extract', {
                objectPermissions: [
                    { object: 'MessagingSession', allowRead: true, allowEdit: false },
                    { object: 'MessagingEndUser', allowRead: true, allowEdit: false }
                ]
            })
        );
        expect(statuses(run(s), 'AG-06')).toEqual(['pass Chat_Agent']);
    });

    it('leaves a Messaging Sessions-only set open on Messaging Users when another set covers them', () => {
        const s = healthySnapshot();
        s.permissionSets.items.push(
            permissionSet('Session_Editor', {
                objectPermissions: [{ object: 'MessagingSession', allowRead: true, allowEdit: true }]
            })
        );
        expect(statuses(run(s), 'AG-06')).toEqual(['pass Chat_Agent', 'pass Session_Editor']);
        const results = resultsFor(run(s), 'AG-07');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'not_evaluated Session_Editor'
        ]);
        expect(results[1].message).toContain('grants no access on Messaging Users itself');
    });

    it('is not evaluated when no permission set looks like an agent permission set', () => {
        const s = healthySnapshot();
        s.permissionSets = readSection([permissionSet('Sales_User', { userPermissions: ['ApiEnabled'] })]);
        const r = one(s, 'AG-06');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('no permission set in the scanned source looks like an agent permission set');
        expect(one(s, 'AG-07').status).toBe('not_evaluated');
    });

    it('is not evaluated when permission sets were not read', () => {
        expect(one(withUnread(healthySnapshot(), 'permissionSets'), 'AG-06').status).toBe('not_evaluated');
        expect(one(withUnread(healthySnapshot(), 'permissionSets'), 'AG-07').status).toBe('not_evaluated');
    });
});

describe('AG-06 and AG-07 object access — org', () => {
    it('passes agents per granting permission set, and names sets that grant together', () => {
        const s = orgSnapshot([
            agent('mo@example.invalid', { permissionSets: ['Status_Only', 'Objects_Only'], queues: ['Chat_Support'] }),
            ada
        ]);
        s.permissionSets.items.push(
            permissionSet('Status_Only', { presenceStatusAccesses: ['Available_Messaging'] }),
            permissionSet('Objects_Only', { objectPermissions: fullAccess })
        );
        const results = resultsFor(run(s), 'AG-06');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Permission set Objects_Only',
            'pass Permission set Chat_Agent'
        ]);
        expect(results[1].message).toBe(
            '1 agent can read and edit Messaging Sessions through permission set "Chat_Agent".'
        );
    });

    it('fails agents lacking access in one result per gap, naming them and what they hold', () => {
        const s = orgSnapshot([
            agent('mo@example.invalid', { name: 'Mo', permissionSets: ['Status_Only'], queues: ['Chat_Support'] }),
            agent('max@example.invalid', { permissionSets: ['Status_Only'], queues: ['Chat_Support'] })
        ]);
        s.permissionSets.items.push(permissionSet('Status_Only', { presenceStatusAccesses: ['Available_Messaging'] }));
        const r = one(s, 'AG-06');
        expect(r).toMatchObject({
            status: 'fail',
            severity: 'blocker',
            subject: 'Agents without read and edit on Messaging Sessions'
        });
        expect(r.message).toBe(
            '2 agents lack read and edit on Messaging Sessions through their permission sets (object access granted by a profile is not read): "Mo (mo@example.invalid)" and "max@example.invalid". They hold: "Status_Only" (2 agents).'
        );
        expect(one(s, 'AG-07')).toMatchObject({ status: 'fail', severity: 'warning' });
    });

    it('is not evaluated when an assigned permission set was not read', () => {
        const s = orgSnapshot([agent('mo@example.invalid', { permissionSets: ['Secret'], queues: ['Chat_Support'] })]);
        const r = one(s, 'AG-06');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('"Secret", which was not read');
    });

    it('is not evaluated without agents to check', () => {
        expect(statuses(run(orgSnapshot([])), 'AG-06')).toEqual(['not_evaluated org']);
        expect(statuses(run(orgSnapshot([])), 'AG-07')).toEqual(['not_evaluated org']);
    });
});

describe('AG-03 at least one agent fully ready — org', () => {
    it('passes with the ready agents and names the partially configured ones', () => {
        const noConfig = agent('nora@example.invalid', {
            name: 'Nora',
            hasServiceCloudUser: true,
            permissionSets: ['Chat_Agent'],
            queues: ['Chat_Support']
        });
        const results = resultsFor(run(orgSnapshot([ada, noConfig])), 'AG-03');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['pass org']);
        expect(results[0].message).toContain('1 agent is fully ready');
        expect(results[0].message).toContain('"Ada (ada@example.invalid)"');
        expect(results[0].message).toContain(
            'Partially configured: Nora (nora@example.invalid): no presence configuration with capacity, no Enhanced Chat User licence with the Enhanced Chat Rep permission.'
        );
    });

    it('fails when no agent is ready, with one result per partial agent saying what it lacks', () => {
        const notInQueue = agent('quinn@example.invalid', {
            hasServiceCloudUser: true,
            permissionSets: ['Chat_Agent'],
            presenceConfig: 'Chat_Agents'
        });
        const noStatus = agent('stan@example.invalid', {
            hasServiceCloudUser: true,
            queues: ['Chat_Fallback'],
            presenceConfig: 'Chat_Agents'
        });
        const results = resultsFor(run(orgSnapshot([notInQueue, noStatus])), 'AG-03');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail org',
            'fail Partially configured agents: not in a messaging queue, no Enhanced Chat User licence with the Enhanced Chat Rep permission',
            'fail Partially configured agents: no access to a messaging presence status, no Enhanced Chat User licence with the Enhanced Chat Rep permission'
        ]);
        expect(results[0].message).toContain('No agent is fully ready to take chats');
        expect(results[1].message).toBe(
            '1 agent is partially configured (not in a messaging queue, no Enhanced Chat User licence with the Enhanced Chat Rep permission): "quinn@example.invalid".'
        );
        expect(results[2].message).toContain('"stan@example.invalid"');
    });

    it('fails an agent whose presence configuration has capacity 0', () => {
        const s = orgSnapshot([ada]);
        s.presenceConfigs.items[0].capacity = 0;
        const results = resultsFor(run(s), 'AG-03');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail org',
            'fail Partially configured agents: no presence configuration with capacity'
        ]);
        expect(results[1].message).toContain('"Ada (ada@example.invalid)"');
    });

    it('fails when no user is in a messaging queue or has a presence configuration', () => {
        const r = one(orgSnapshot([agent('olga@example.invalid', { queues: ['Billing'] })]), 'AG-03');
        expect(r).toMatchObject({ status: 'fail', subject: 'org' });
        expect(r.message).toContain('No active user is in a messaging queue ("Chat_Fallback" and "Chat_Support")');
    });

    it('is not evaluated when an otherwise complete agent depends on unread data', () => {
        const s = withUnread(orgSnapshot([ada]), 'presenceStatuses', 'no_permission', 'no access');
        const r = one(s, 'AG-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('"Ada (ada@example.invalid)" could be');
        expect(r.message).toContain('access to a messaging presence status');
    });

    it('is not evaluated when agents were not read', () => {
        expect(one(withUnread(orgSnapshot([]), 'agents'), 'AG-03').status).toBe('not_evaluated');
    });

    it('does not require a queue when the routing flow routes to reps by skills', () => {
        const outsideQueues = agent('sky@example.invalid', {
            permissionSetLicenses: ['EmbeddedServiceMessagingUserPsl'],
            permissionSets: ['Chat_Agent'],
            presenceConfig: 'Chat_Agents'
        });
        const s = orgSnapshot([outsideQueues]);
        expect(resultsFor(run(s), 'AG-03').map((r) => r.status)).toEqual(['fail', 'fail']);
        s.flows.items[0].routeWorks[0].inputs.routingType = { stringValue: 'SkillsBased' };
        const r = one(s, 'AG-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('"sky@example.invalid" could be');
    });
});

describe('AG-03 at least one agent fully ready — metadata', () => {
    it('fails conclusively when queue members and presence-config users do not meet', () => {
        const s = healthySnapshot();
        s.presenceConfigs.items[0].assignedUsers = ['agent2@example.invalid'];
        const results = resultsFor(run(s), 'AG-03');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail org',
            'fail agent1@example.invalid',
            'fail agent2@example.invalid'
        ]);
        expect(results[0].message).toContain(
            'No user is both a member of a messaging queue ("Chat_Support" and "Chat_Fallback") and assigned a presence configuration with capacity'
        );
        expect(results[1].message).toBe(
            'User agent1@example.invalid is in a messaging queue but has no presence configuration with capacity.'
        );
        expect(results[2].message).toContain('is not a member of any messaging queue');
    });

    it('stays not evaluated when group members or profile assignments could close the gap', () => {
        const s = healthySnapshot();
        s.presenceConfigs.items[0].assignedUsers = [];
        s.presenceConfigs.items[0].assignedProfiles = ['Support Agent'];
        const r = one(s, 'AG-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain(
            'In a messaging queue but not directly assigned a presence configuration with capacity: "agent1@example.invalid".'
        );
        expect(r.message).toContain('assigned to profiles ("Support Agent"), whose users metadata cannot list');
    });

    it('reports one cause, not one result per user, when no presence configuration is assigned (peticavictor)', () => {
        const s = healthySnapshot();
        s.queues.items[0].members.users = ['user1@example.invalid', 'user2@example.invalid', 'user3@example.invalid'];
        s.presenceConfigs.items[0].assignedUsers = [];
        const results = resultsFor(run(s), 'AG-03');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['fail org']);
        expect(results[0].message).toContain(
            'No presence configuration with capacity is assigned to any user or profile (CP-05 names the configurations).'
        );
    });

    it('is not evaluated without a messaging queue', () => {
        const s = blankSnapshot('metadata');
        const r = one(s, 'AG-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('no messaging queue was found');
    });

    it('is not evaluated when queues were not read', () => {
        expect(one(withUnread(healthySnapshot(), 'queues'), 'AG-03').status).toBe('not_evaluated');
    });

    it('is not evaluated when no messaging queue lists members: membership is org data (shekharh500, charleston76)', () => {
        const s = healthySnapshot();
        for (const q of s.queues.items) q.members = { users: [], publicGroups: [], roles: [], roleAndSubordinates: [] };
        const r = one(s, 'AG-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('list no members in the scanned source');
    });

    it('does not fail conclusively when a Route Work offers chats by skills, without a queue', () => {
        const s = healthySnapshot();
        s.presenceConfigs.items[0].assignedUsers = ['agent2@example.invalid'];
        s.flows.items[0].routeWorks[0].inputs.routingType = { stringValue: 'SkillsBased' };
        const r = one(s, 'AG-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('"Route_To_Chat_Support" (SkillsBased) offers chats to reps by skills or directly');
    });
});

describe('AG-04 Enhanced Conversation component', () => {
    function withPage(components: string[]): OrgSnapshot {
        const s = healthySnapshot();
        s.flexiPages = readSection([
            {
                name: 'Messaging_Session_Record_Page',
                sobjectType: 'MessagingSession',
                type: 'RecordPage',
                components,
                source: { file: 'flexipages/Messaging_Session_Record_Page.flexipage-meta.xml' }
            },
            { name: 'Case_Record_Page', sobjectType: 'Case', type: 'RecordPage', components: [] }
        ]);
        return s;
    }

    it('passes a Messaging Session page with scrt:conversationBody (charleston76, peticavictor)', () => {
        const r = one(withPage(['force:highlightsPanel', 'scrt:conversationBody']), 'AG-04');
        expect(r).toMatchObject({ status: 'pass', subject: 'Messaging_Session_Record_Page', severity: 'warning' });
        expect(r.message).toContain('has the Enhanced Conversation component');
        expect(r.location?.file).toBe('flexipages/Messaging_Session_Record_Page.flexipage-meta.xml');
    });

    it('fails a page with only the older Conversation component', () => {
        const r = one(withPage(['runtime_service_livemessage:chatBody']), 'AG-04');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('has no Enhanced Conversation component');
        expect(r.message).toContain('older Conversation component (runtime_service_livemessage:chatBody)');
        expect(r.remediation).toContain('Lightning App Builder');
    });

    it('fails when no Messaging Session page exists', () => {
        const s = healthySnapshot();
        s.flexiPages = readSection([]);
        const r = one(s, 'AG-04');
        expect(r).toMatchObject({ status: 'fail', subject: 'org' });
        expect(r.message).toContain('No Lightning record page for Messaging Session was found in the scanned source');
    });

    it('is not evaluated when Lightning pages were not read', () => {
        const r = one(withUnread(healthySnapshot(), 'flexiPages'), 'AG-04');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('Lightning pages (FlexiPage)');
    });
});
