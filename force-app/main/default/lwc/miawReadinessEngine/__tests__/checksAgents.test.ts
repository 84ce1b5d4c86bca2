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
    it('passes AG-01, AG-02 and AG-04; AG-03 is not evaluated from metadata', () => {
        const results = run(healthySnapshot());
        expect(statuses(results, 'AG-01')).toEqual(['pass Chat_Agent']);
        expect(statuses(results, 'AG-02')).toEqual(['pass Chat_Agent']);
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
        for (const id of ['AG-01', 'AG-02', 'AG-03', 'AG-04']) {
            expect(resultsFor(results, id).every((r) => r.status === 'pass')).toBe(true);
        }
    });
});

describe('AG-01 licence and permission — metadata', () => {
    it('passes each permission set granting Enhanced Chat Rep, with its licence', () => {
        const s = healthySnapshot();
        s.permissionSets.items.push(
            permissionSet('Messaging_for_In_App_and_Web_Agent', {
                license: 'EmbeddedServiceMessagingUserPsl',
                userPermissions: ['EmbeddedMessagingAgent']
            })
        );
        const results = resultsFor(run(s), 'AG-01');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'pass Messaging_for_In_App_and_Web_Agent'
        ]);
        expect(results[1].message).toContain('with licence EmbeddedServiceMessagingUserPsl');
        expect(results[1].location?.file).toContain('Messaging_for_In_App_and_Web_Agent');
    });

    it('is not evaluated without Enhanced Chat Rep, explaining the older Service Cloud User model', () => {
        const s = healthySnapshot();
        s.permissionSets = readSection([
            permissionSet('Service_Messaging_Agent', { userPermissions: ['LiveMessageAgent'] })
        ]);
        const r = one(s, 'AG-01');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('no permission set in the scanned source grants the Enhanced Chat Rep permission');
        expect(r.message).toContain('the Service Cloud User feature licence, which is set on each user record');
        expect(r.message).toContain(
            '"Service_Messaging_Agent" grants the Messaging Agent permission (LiveMessageAgent)'
        );
    });

    it('is not evaluated when permission sets were not read', () => {
        expect(one(withUnread(healthySnapshot(), 'permissionSets'), 'AG-01').status).toBe('not_evaluated');
    });
});

describe('AG-01 licence and permission — org', () => {
    it('accepts either licence model per agent', () => {
        const scu = agent('sam@example.invalid', { hasServiceCloudUser: true, queues: ['Chat_Support'] });
        const results = resultsFor(run(orgSnapshot([ada, scu])), 'AG-01');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass ada@example.invalid',
            'pass sam@example.invalid'
        ]);
        expect(results[0].message).toContain('the Enhanced Chat User licence and the Enhanced Chat Rep permission');
        expect(results[1].message).toContain('the Service Cloud User feature licence');
    });

    it('fails an agent with neither model, and one with the licence but no Enhanced Chat Rep', () => {
        const none = agent('nick@example.invalid', { queues: ['Chat_Support'] });
        const pslOnly = agent('pia@example.invalid', {
            permissionSetLicenses: ['EmbeddedServiceMessagingUserPsl'],
            presenceConfig: 'Chat_Agents'
        });
        const results = resultsFor(run(orgSnapshot([none, pslOnly])), 'AG-01');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail nick@example.invalid',
            'fail pia@example.invalid'
        ]);
        expect(results[0].message).toContain(
            'has neither the Service Cloud User licence nor the Enhanced Chat User licence with the Enhanced Chat Rep permission'
        );
        expect(results[1].message).toContain(
            'the Enhanced Chat User licence but no permission set with the Enhanced Chat Rep'
        );
        expect(results[0].remediation).toContain('tick Service Cloud User on the user record');
    });

    it('is not evaluated when the licence flag or a permission set was not read', () => {
        const unsure = agent('una@example.invalid', {
            hasServiceCloudUser: undefined,
            queues: ['Chat_Support']
        });
        const r = one(orgSnapshot([unsure]), 'AG-01');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('the Service Cloud User flag of the user record was not read');
    });

    it('ignores users outside messaging and inactive users; not evaluated without any agent', () => {
        const other = agent('olga@example.invalid', { hasServiceCloudUser: true, queues: ['Billing'] });
        const gone = agent('gus@example.invalid', { isActive: false, queues: ['Chat_Support'] });
        const r = one(orgSnapshot([other, gone]), 'AG-01');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('No active user is in a messaging queue or has a presence configuration');
    });

    it('is not evaluated when agents were not read', () => {
        const s = withUnread(orgSnapshot([]), 'agents', 'no_permission', 'no access to User');
        const r = one(s, 'AG-01');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('agents and their assignments');
    });
});

describe('AG-02 object access — metadata', () => {
    it('passes an agent permission set with read and edit on both objects', () => {
        const r = one(healthySnapshot(), 'AG-02');
        expect(r).toMatchObject({ status: 'pass', subject: 'Chat_Agent' });
        expect(r.message).toContain('grants read and edit on Messaging Sessions and Messaging Users');
    });

    it('fails a permission set with partial Messaging access, naming what is missing', () => {
        const s = healthySnapshot();
        s.permissionSets.items[0].objectPermissions = [
            { object: 'MessagingSession', allowRead: true, allowEdit: true },
            { object: 'MessagingEndUser', allowRead: true, allowEdit: false }
        ];
        const r = one(s, 'AG-02');
        expect(r).toMatchObject({ status: 'fail', subject: 'Chat_Agent' });
        expect(r.message).toContain(
            'Permission set "Chat_Agent" is an agent permission set but lacks edit on Messaging Users'
        );
        expect(r.remediation).toContain('Object Settings > Messaging Users');
    });

    it('fails an agent permission set without object access when no set in the source grants it (peticavictor rep-only set)', () => {
        const s = healthySnapshot();
        s.permissionSets = readSection([
            permissionSet('Messaging_for_In_App_and_Web_Agent', { userPermissions: ['EmbeddedMessagingAgent'] })
        ]);
        const r = one(s, 'AG-02');
        expect(r).toMatchObject({ status: 'fail', subject: 'Messaging_for_In_App_and_Web_Agent' });
        expect(r.message).toContain('lacks read and edit on Messaging Sessions and read and edit on Messaging Users');
        expect(r.message).toContain('profiles were not read');
    });

    it('does not fail a status-only set when another set covers the objects (modular permission sets)', () => {
        const s = healthySnapshot();
        s.permissionSets.items.push(
            permissionSet('OmniPresenceStatusPermissionSet', { presenceStatusAccesses: ['Available_Messaging'] })
        );
        const results = resultsFor(run(s), 'AG-02');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'pass Chat_Agent',
            'not_evaluated OmniPresenceStatusPermissionSet'
        ]);
        expect(results[1].message).toContain('"Chat_Agent" in the source grants read and edit on both');
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
        expect(statuses(run(s), 'AG-02')).toEqual(['pass Chat_Agent']);
    });

    it('fails a set granting edit on Messaging Sessions only', () => {
        const s = healthySnapshot();
        s.permissionSets.items.push(
            permissionSet('Session_Editor', {
                objectPermissions: [{ object: 'MessagingSession', allowRead: true, allowEdit: true }]
            })
        );
        const results = resultsFor(run(s), 'AG-02');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['pass Chat_Agent', 'fail Session_Editor']);
        expect(results[1].message).toContain('lacks read and edit on Messaging Users');
    });

    it('is not evaluated when no permission set looks like an agent permission set', () => {
        const s = healthySnapshot();
        s.permissionSets = readSection([permissionSet('Sales_User', { userPermissions: ['ApiEnabled'] })]);
        const r = one(s, 'AG-02');
        expect(r).toMatchObject({ status: 'not_evaluated', subject: 'org' });
        expect(r.message).toContain('no permission set in the scanned source looks like an agent permission set');
    });

    it('is not evaluated when permission sets were not read', () => {
        expect(one(withUnread(healthySnapshot(), 'permissionSets'), 'AG-02').status).toBe('not_evaluated');
    });
});

describe('AG-02 object access — org', () => {
    it('passes an agent whose permission sets together grant the access', () => {
        const s = orgSnapshot([
            agent('mo@example.invalid', { permissionSets: ['Status_Only', 'Objects_Only'], queues: ['Chat_Support'] })
        ]);
        s.permissionSets.items.push(
            permissionSet('Status_Only', { presenceStatusAccesses: ['Available_Messaging'] }),
            permissionSet('Objects_Only', { objectPermissions: fullAccess })
        );
        expect(statuses(run(s), 'AG-02')).toEqual(['pass mo@example.invalid']);
    });

    it('fails an agent lacking access, naming it and their permission sets', () => {
        const s = orgSnapshot([
            agent('mo@example.invalid', { name: 'Mo', permissionSets: ['Status_Only'], queues: ['Chat_Support'] })
        ]);
        s.permissionSets.items.push(permissionSet('Status_Only', { presenceStatusAccesses: ['Available_Messaging'] }));
        const r = one(s, 'AG-02');
        expect(r).toMatchObject({ status: 'fail', subject: 'mo@example.invalid' });
        expect(r.message).toBe(
            'Agent Mo (mo@example.invalid) lacks read and edit on Messaging Sessions and read and edit on Messaging Users through their permission sets ("Status_Only").'
        );
    });

    it('is not evaluated when an assigned permission set was not read', () => {
        const s = orgSnapshot([agent('mo@example.invalid', { permissionSets: ['Secret'], queues: ['Chat_Support'] })]);
        const r = one(s, 'AG-02');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('"Secret" was not read');
    });

    it('is not evaluated without agents to check', () => {
        expect(statuses(run(orgSnapshot([])), 'AG-02')).toEqual(['not_evaluated org']);
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
            'Partially configured: Nora (nora@example.invalid): no presence configuration with capacity.'
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
            'fail quinn@example.invalid',
            'fail stan@example.invalid'
        ]);
        expect(results[0].message).toContain('No agent is fully ready to take chats');
        expect(results[1].message).toContain('is partially configured: not in a messaging queue');
        expect(results[2].message).toContain('is partially configured: no access to a messaging presence status.');
    });

    it('fails an agent whose presence configuration has capacity 0', () => {
        const s = orgSnapshot([ada]);
        s.presenceConfigs.items[0].capacity = 0;
        const results = resultsFor(run(s), 'AG-03');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['fail org', 'fail ada@example.invalid']);
        expect(results[1].message).toContain('no presence configuration with capacity');
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
