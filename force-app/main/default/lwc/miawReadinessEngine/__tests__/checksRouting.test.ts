import { runChannelChecks } from '../checksChannel';
import { runRoutingChecks } from '../checksRouting';
import type { CheckResult } from '../result';
import { missingSection, readSection } from '../snapshot';
import type { OrgSnapshot, Queue } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runRoutingChecks(contextFor(snapshot, plan));
}

function resultFor(results: CheckResult[], checkId: string, subject: string): CheckResult {
    const found = resultsFor(results, checkId).filter((r) => r.subject === subject);
    expect(found).toHaveLength(1);
    return found[0];
}

function queue(s: OrgSnapshot, name: string): Queue {
    const found = s.queues.items.find((q) => q.developerName === name);
    if (!found) throw new Error(`no queue ${name} in fixture`);
    return found;
}

/** charleston76/einsteinBot as the metadata reader sees it (corpus, force-app/main/default). */
function charlestonSnapshot(): OrgSnapshot {
    const s = healthySnapshot();
    s.messagingChannels = readSection([
        {
            developerName: 'MIAWPoc',
            masterLabel: 'MIAWPoc',
            messagingChannelType: 'EmbeddedMessaging',
            sessionHandlerType: 'Flow',
            sessionHandlerFlow: 'MIAWToQueue',
            sessionHandlerQueue: 'FallbackQueue',
            customParameters: [],
            standardParameters: [],
            automatedResponseTypes: [],
            source: { file: 'messagingChannels/MIAWPoc.messagingChannel-meta.xml' }
        }
    ]);
    s.queues = readSection([
        {
            developerName: 'FallbackQueue',
            name: 'Fallback Queue',
            sobjectTypes: ['LiveChatTranscript', 'MessagingSession'],
            members: { users: [], publicGroups: [], roles: [], roleAndSubordinates: [] },
            source: { file: 'queues/FallbackQueue.queue-meta.xml' }
        },
        {
            developerName: 'MIAWQueue',
            name: 'MIAW Queue',
            queueRoutingConfig: 'MIAW_Routing_Configuration',
            sobjectTypes: ['MessagingEndUser', 'MessagingSession'],
            members: { users: [], publicGroups: [], roles: [], roleAndSubordinates: [] },
            source: { file: 'queues/MIAWQueue.queue-meta.xml' }
        }
    ]);
    s.routingConfigs = readSection([
        {
            developerName: 'MIAW_Routing_Configuration',
            label: 'MIAW Routing Configuration',
            routingModel: 'MostAvailable',
            capacityWeight: 1,
            routingPriority: 1
        }
    ]);
    s.flows = readSection([
        {
            apiName: 'MIAWToQueue',
            label: 'MIAW to Queue',
            processType: 'RoutingFlow',
            status: 'Active',
            variables: [
                { name: 'endUserId', dataType: 'String', isInput: true },
                { name: 'queueId', dataType: 'String', isInput: true },
                { name: 'recordId', dataType: 'String', isInput: true }
            ],
            routeWorks: [
                {
                    name: 'New_Action',
                    inputs: {
                        recordId: { elementReference: 'recordId' },
                        serviceChannelId: { stringValue: '0N98D000000096VSAQ' },
                        serviceChannelLabel: { stringValue: 'Messaging' },
                        serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
                        routingType: { stringValue: 'QueueBased' },
                        queueId: { elementReference: 'queueId' },
                        isQueueVariable: { booleanValue: true }
                    },
                    version: '1'
                }
            ],
            recordUpdates: [],
            recordLookups: [
                {
                    name: 'Get_Queue_ID',
                    object: 'Group',
                    filters: [
                        { field: 'Type', operator: 'EqualTo', value: { stringValue: 'Queue' } },
                        { field: 'DeveloperName', operator: 'EqualTo', value: { stringValue: 'MIAWQueue' } }
                    ],
                    outputAssignments: [{ field: 'Id', assignToReference: 'queueId' }]
                }
            ],
            executionOrder: ['Get_Queue_ID', 'New_Action'],
            source: { file: 'flows/MIAWToQueue.flow-meta.xml' }
        }
    ]);
    s.deployments = readSection([]);
    return s;
}

/** diogo-weenow/arnone Chat_ADV: a bot route whose queueId is a hard-coded 00G Id (its label names Fila_ADV). */
function hardCodedIdSnapshot(): OrgSnapshot {
    const s = healthySnapshot();
    s.flows.items[0].routeWorks[0].inputs = {
        recordId: { elementReference: 'recordId' },
        routingType: { stringValue: 'QueueBased' },
        serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
        queueId: { stringValue: '00Gbe000006GoTdEAK' },
        queueLabel: { stringValue: 'Chat Support' }
    };
    return s;
}

describe('RT-01 routing and fallback queues exist and support Messaging Session', () => {
    it('passes for the fallback queue and the Route Work queue, saying how each is used', () => {
        const results = run(healthySnapshot());
        expect(statuses(results, 'RT-01')).toEqual(['pass Chat_Fallback', 'pass Chat_Support']);
        expect(resultFor(results, 'RT-01', 'Chat_Fallback').message).toContain('fallback queue of channel "Web_Chat"');
        expect(resultFor(results, 'RT-01', 'Chat_Support').message).toContain(
            'queue of Route Work "Route_To_Chat_Support" in flow "Route_Web_Chat" on channel "Web_Chat"'
        );
    });

    it('fails when the queue does not list Messaging Session', () => {
        const s = healthySnapshot();
        queue(s, 'Chat_Fallback').sobjectTypes = ['Case'];
        const r = resultFor(run(s), 'RT-01', 'Chat_Fallback');
        expect(r.status).toBe('fail');
        expect(r.message).toContain(
            'Queue "Chat_Fallback" (fallback queue of channel "Web_Chat") does not list Messaging Session'
        );
        expect(r.message).toContain('it lists "Case"');
        expect(r.remediation).toContain('Setup > Queues > Chat Fallback > Edit > Supported Objects');
    });

    it('fails when a queue named by the channel does not exist, and RT-02…05 defer to it', () => {
        const s = healthySnapshot();
        s.messagingChannels.items[0].sessionHandlerQueue = 'Gone_Queue';
        const results = run(s);
        const r = resultFor(results, 'RT-01', 'Gone_Queue');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Queue "Gone_Queue" does not exist in the scanned source');
        expect(r.location).toEqual({ file: 'messagingChannels/Web_Chat.messagingChannel-meta.xml' });
        for (const id of ['RT-02', 'RT-03', 'RT-04', 'RT-05']) {
            const dependent = resultFor(results, id, 'Gone_Queue');
            expect(dependent.status).toBe('not_evaluated');
            expect(dependent.message).toContain('see RT-01');
        }
    });

    it('is not evaluated for a hard-coded queue Id in source, naming the queue its label matches', () => {
        const results = run(hardCodedIdSnapshot());
        const r = resultFor(results, 'RT-01', '00Gbe000006GoTdEAK');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain(
            'queue record Id "00Gbe000006GoTdEAK" (queue of Route Work "Route_To_Chat_Support"'
        );
        expect(r.message).toContain('source metadata carries no record Ids');
        expect(r.message).toContain('Its label matches queue "Chat_Support"');
        expect(r.location).toEqual({ file: 'flows/Route_Web_Chat.flow-meta.xml' });
        const dependent = resultFor(results, 'RT-03', '00Gbe000006GoTdEAK');
        expect(dependent.status).toBe('not_evaluated');
        expect(dependent.message).toContain('see RT-01');
    });

    it('fails in an org when no queue has the Id', () => {
        const s = hardCodedIdSnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        const r = resultFor(run(s), 'RT-01', '00Gbe000006GoTdEAK');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('No queue with Id "00Gbe000006GoTdEAK" exists in the org');
    });

    it('resolves an Id to the queue in an org snapshot and links the queue record page', () => {
        const s = hardCodedIdSnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        queue(s, 'Chat_Support').id = '00Gbe000006GoTdEAK';
        const r = resultFor(run(s), 'RT-01', 'Chat_Support');
        expect(r.status).toBe('pass');
        expect(r.setupPath).toContain('/lightning/setup/Queues/page?address=');
    });

    it('is not evaluated when the queues were not read', () => {
        const s = withUnread(healthySnapshot(), 'queues', 'no_permission', 'no permission: Group');
        const results = run(s);
        expect(statuses(results, 'RT-01')).toEqual(['not_evaluated Chat_Fallback', 'not_evaluated Chat_Support']);
        expect(resultFor(results, 'RT-01', 'Chat_Fallback').message).toContain('no permission: Group');
    });
});

describe('RT-02 each messaging queue has a routing configuration', () => {
    it('passes when the configuration exists', () => {
        const r = resultFor(run(healthySnapshot()), 'RT-02', 'Chat_Fallback');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('uses routing configuration "Chat_Routing"');
    });

    it('fails on the charleston76 fallback queue, which has no routing configuration, as a warning', () => {
        const results = run(charlestonSnapshot(), healthyPlan({ channel: 'MIAWPoc', deployment: undefined }));
        const r = resultFor(results, 'RT-02', 'FallbackQueue');
        expect(r).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(r.message).toContain(
            'Queue "FallbackQueue" (fallback queue of channel "MIAWPoc") has no routing configuration'
        );
        expect(r.message).toContain('only a fallback queue');
        expect(r.remediation).toContain('Setup > Queues > Fallback Queue > Edit > Routing Configuration');
        // MIAWQueue is looked up by developer name in the flow, so it is checked too.
        expect(resultFor(results, 'RT-02', 'MIAWQueue').status).toBe('pass');
    });

    it('keeps a blocker for a queue with no routing configuration that the flow routes to', () => {
        const s = charlestonSnapshot();
        delete s.queues.items[1].queueRoutingConfig;
        const results = run(s, healthyPlan({ channel: 'MIAWPoc', deployment: undefined }));
        expect(resultFor(results, 'RT-02', 'MIAWQueue')).toMatchObject({ status: 'fail', severity: 'blocker' });
    });

    it('fails when the named configuration does not exist', () => {
        const s = healthySnapshot();
        queue(s, 'Chat_Fallback').queueRoutingConfig = 'Old_Routing';
        const r = resultFor(run(s), 'RT-02', 'Chat_Fallback');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('names routing configuration "Old_Routing", which does not exist');
    });

    it('passes on the name alone when the configurations were not read, and says so', () => {
        const s = withUnread(healthySnapshot(), 'routingConfigs', 'not_in_source', 'no queueRoutingConfigs folder');
        const r = resultFor(run(s), 'RT-02', 'Chat_Fallback');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('only the name was checked');
        expect(r.message).toContain('no queueRoutingConfigs folder');
    });

    it('is not evaluated when routing configurations are not present (Omni-Channel off)', () => {
        const s = healthySnapshot();
        s.routingConfigs = missingSection('not_present', 'object not present: Omni-Channel is off');
        const r = resultFor(run(s), 'RT-02', 'Chat_Fallback');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('object not present: Omni-Channel is off');
    });
});

describe('RT-03 each messaging queue has members', () => {
    it('passes when the queue has users', () => {
        const r = resultFor(run(healthySnapshot()), 'RT-03', 'Chat_Fallback');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('has members: 1 user(s)');
    });

    it('is not evaluated for a metadata queue without queueMembers: membership is org data (charleston76 FallbackQueue)', () => {
        const results = run(charlestonSnapshot(), healthyPlan({ channel: 'MIAWPoc', deployment: undefined }));
        const r = resultFor(results, 'RT-03', 'FallbackQueue');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('queue "FallbackQueue" (fallback queue of channel "MIAWPoc") lists no members');
        expect(r.remediation).toContain('Queue:FallbackQueue');
        expect(r.remediation).toContain('Queue Members');
    });

    it('fails an org queue with no members, as a warning when it is only a fallback queue', () => {
        const s = charlestonSnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        for (const q of s.queues.items) q.memberCount = 0;
        const results = run(s, healthyPlan({ channel: 'MIAWPoc', deployment: undefined }));
        const fallback = resultFor(results, 'RT-03', 'FallbackQueue');
        expect(fallback).toMatchObject({ status: 'fail', severity: 'warning' });
        expect(fallback.message).toContain(
            'only a fallback queue: it receives sessions only when the routing flow fails'
        );
        const routed = resultFor(results, 'RT-03', 'MIAWQueue');
        expect(routed).toMatchObject({ status: 'fail', severity: 'blocker' });
        expect(routed.message).not.toContain('only a fallback queue');
    });

    it('uses the member count of an org snapshot', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        const q = queue(s, 'Chat_Fallback');
        q.members = { users: [], publicGroups: [], roles: [], roleAndSubordinates: [] };
        q.memberCount = 12;
        expect(resultFor(run(s), 'RT-03', 'Chat_Fallback').message).toContain('has 12 member(s)');
        q.memberCount = 0;
        expect(resultFor(run(s), 'RT-03', 'Chat_Fallback').status).toBe('fail');
    });

    it('counts public groups and roles as members', () => {
        const s = healthySnapshot();
        queue(s, 'Chat_Fallback').members = {
            users: [],
            publicGroups: ['Chat_Team'],
            roles: [],
            roleAndSubordinates: []
        };
        const r = resultFor(run(s), 'RT-03', 'Chat_Fallback');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('public group(s) "Chat_Team"');
    });

    it('is not evaluated when the queues were not read', () => {
        const s = withUnread(healthySnapshot(), 'queues');
        expect(statuses(run(s), 'RT-03')).toEqual(['not_evaluated Chat_Fallback', 'not_evaluated Chat_Support']);
    });
});

describe('RT-04 a work item fits an agent', () => {
    it('passes when the weight fits the members’ presence capacity', () => {
        const r = resultFor(run(healthySnapshot()), 'RT-04', 'Chat_Fallback');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('weight of 1');
        expect(r.message).toContain('largest 5, "Chat_Agents"');
    });

    it('fails (warning) when the weight exceeds every presence capacity', () => {
        const s = healthySnapshot();
        s.routingConfigs.items[0].capacityWeight = 10;
        const r = resultFor(run(s), 'RT-04', 'Chat_Fallback');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('warning');
        expect(r.message).toContain('weight of 10, but the largest capacity');
        expect(r.message).toContain('is 5 ("Chat_Agents")');
        expect(r.message).toContain('no agent is ever offered these sessions');
        expect(r.remediation).toContain('Lower Units of Capacity');
    });

    it('compares an interruptible routing configuration with interruptible capacity', () => {
        const s = healthySnapshot();
        Object.assign(s.routingConfigs.items[0], { capacityType: 'Interruptible', capacityWeight: 3 });
        s.presenceConfigs.items[0].interruptibleCapacity = 2;
        const r = resultFor(run(s), 'RT-04', 'Chat_Fallback');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('largest interruptible capacity');
    });

    it('checks percentages against 100', () => {
        const s = healthySnapshot();
        Object.assign(s.routingConfigs.items[0], { capacityWeight: undefined, capacityPercentage: 100 });
        expect(resultFor(run(s), 'RT-04', 'Chat_Fallback').status).toBe('pass');
        s.routingConfigs.items[0].capacityPercentage = 150;
        const r = resultFor(run(s), 'RT-04', 'Chat_Fallback');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('takes 150%');
    });

    it('fails when no presence configuration exists', () => {
        const s = healthySnapshot();
        s.presenceConfigs = readSection([]);
        const r = resultFor(run(s), 'RT-04', 'Chat_Fallback');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('no presence configuration exists');
    });

    it('is not evaluated when the presence configurations were not read', () => {
        const s = withUnread(healthySnapshot(), 'presenceConfigs');
        const r = resultFor(run(s), 'RT-04', 'Chat_Fallback');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('presence configurations (PresenceUserConfig)');
    });

    it('is not evaluated when the queue has no routing configuration (RT-02 fails)', () => {
        const s = healthySnapshot();
        queue(s, 'Chat_Fallback').queueRoutingConfig = undefined;
        const r = resultFor(run(s), 'RT-04', 'Chat_Fallback');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('see RT-02');
    });
});

describe('RT-05 routing model and push timeout', () => {
    it('passes when both are set', () => {
        const r = resultFor(run(healthySnapshot()), 'RT-05', 'Chat_Fallback');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('routing model MostAvailable with a push timeout of 60 seconds');
    });

    it('fails (info) without a push timeout, explaining what happens', () => {
        const s = healthySnapshot();
        s.routingConfigs.items[0].pushTimeout = 0;
        const r = resultFor(run(s), 'RT-05', 'Chat_Fallback');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('info');
        expect(r.message).toContain('has no push timeout (0)');
        expect(r.message).toContain('stays with that agent');
        expect(r.remediation).toContain('Push Time-Out');
    });

    it('fails when the routing model is absent', () => {
        const s = healthySnapshot();
        s.routingConfigs.items[0].routingModel = undefined;
        expect(resultFor(run(s), 'RT-05', 'Chat_Fallback').message).toContain('sets no routing model');
    });

    it('is not evaluated when the routing configurations were not read', () => {
        const s = withUnread(healthySnapshot(), 'routingConfigs', 'unavailable', 'needs API access');
        const r = resultFor(run(s), 'RT-05', 'Chat_Fallback');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('needs API access');
    });
});

describe('RT scope', () => {
    it('is not evaluated when there is no MIAW channel in scope', () => {
        const results = run(healthySnapshot(), healthyPlan({ channel: 'Missing' }));
        expect(results.map((r) => `${r.checkId} ${r.status} ${r.subject}`)).toEqual([
            'RT-01 not_evaluated Missing',
            'RT-02 not_evaluated Missing',
            'RT-03 not_evaluated Missing',
            'RT-04 not_evaluated Missing',
            'RT-05 not_evaluated Missing'
        ]);
        expect(results[0].message).toContain('see CH-01');
    });

    it('is not evaluated when the channels name no queue and the flow computes it at run time', () => {
        const s = healthySnapshot();
        s.messagingChannels.items[0].sessionHandlerQueue = undefined;
        s.flows.items[0].routeWorks[0].inputs.queueId = { elementReference: 'queueVar' };
        const results = run(s);
        expect(statuses(results, 'RT-01')).toEqual(['not_evaluated Web_Chat']);
        expect(results[0].message).toContain('computed at run time');
    });

    it('is not evaluated when the channels were not read', () => {
        const s = withUnread(healthySnapshot(), 'messagingChannels');
        expect(run(s).every((r) => r.status === 'not_evaluated')).toBe(true);
    });

    it('names a flow element shared by two channels once, with both channels', () => {
        const s = healthySnapshot();
        s.messagingChannels.items.push({ ...s.messagingChannels.items[0], developerName: 'Web_Chat_2' });
        const r = resultFor(run(s, healthyPlan({ channel: undefined })), 'RT-01', 'Chat_Support');
        expect(r.message).toContain(
            'queue of Route Work "Route_To_Chat_Support" in flow "Route_Web_Chat" on channels "Web_Chat" and "Web_Chat_2"'
        );
    });

    it('reports a queue used twice once, naming both uses', () => {
        const s = healthySnapshot();
        s.messagingChannels.items[0].sessionHandlerQueue = 'Chat_Support';
        const r = resultFor(run(s), 'RT-01', 'Chat_Support');
        expect(r.message).toContain(
            'fallback queue of channel "Web_Chat"; queue of Route Work "Route_To_Chat_Support"'
        );
    });
});

describe('charleston76/einsteinBot end to end (CH + RT)', () => {
    it('resolves the queue the flow looks up by developer name, and flags the fallback queue as a warning', () => {
        const ctx = contextFor(charlestonSnapshot(), healthyPlan({ channel: 'MIAWPoc', deployment: undefined }));
        const results = [...runChannelChecks(ctx), ...runRoutingChecks(ctx)];
        const routeWork = resultFor(results, 'CH-07', 'MIAWToQueue');
        expect(routeWork.status).toBe('pass');
        expect(routeWork.message).toContain('computed at run time');
        expect(statuses(results, 'CH-04')).toEqual(['pass MIAWPoc']);
        expect(statuses(results, 'RT-01')).toEqual(['pass FallbackQueue', 'pass MIAWQueue']);
        expect(resultFor(results, 'RT-01', 'MIAWQueue').message).toContain(
            'queue of Route Work "New_Action" in flow "MIAWToQueue" (looked up by developer name in Get Records "Get_Queue_ID")'
        );
        expect(statuses(results, 'RT-02')).toEqual(['fail FallbackQueue', 'pass MIAWQueue']);
        const fallbackConfig = resultFor(results, 'RT-02', 'FallbackQueue');
        expect(fallbackConfig.severity).toBe('warning');
        expect(fallbackConfig.message).toContain('only a fallback queue');
        expect(statuses(results, 'RT-03')).toEqual(['not_evaluated FallbackQueue', 'not_evaluated MIAWQueue']);
    });

    it('leaves a queue looked up by a variable developer name out of scope', () => {
        const s = charlestonSnapshot();
        s.flows.items[0].recordLookups[0].filters = [
            { field: 'DeveloperName', operator: 'EqualTo', value: { elementReference: 'queueName' } }
        ];
        const results = run(s, healthyPlan({ channel: 'MIAWPoc', deployment: undefined }));
        expect(statuses(results, 'RT-01')).toEqual(['pass FallbackQueue']);
    });

    it('resolves {!Lookup.Id} and a record variable holding the lookup', () => {
        const s = charlestonSnapshot();
        const lookup = s.flows.items[0].recordLookups[0];
        delete lookup.outputAssignments;
        s.flows.items[0].routeWorks[0].inputs.queueId = { elementReference: 'Get_Queue_ID.Id' };
        const plan = healthyPlan({ channel: 'MIAWPoc', deployment: undefined });
        expect(statuses(run(s, plan), 'RT-01')).toEqual(['pass FallbackQueue', 'pass MIAWQueue']);
        lookup.outputReference = 'queueRecord';
        s.flows.items[0].routeWorks[0].inputs.queueId = { elementReference: 'queueRecord.Id' };
        expect(statuses(run(s, plan), 'RT-01')).toEqual(['pass FallbackQueue', 'pass MIAWQueue']);
    });
});
