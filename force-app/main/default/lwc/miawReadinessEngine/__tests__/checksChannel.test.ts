import { runChannelChecks } from '../checksChannel';
import type { CheckResult } from '../result';
import { readSection } from '../snapshot';
import type { Flow, FlowRouteWork, MessagingChannel, OrgSnapshot } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runChannelChecks(contextFor(snapshot, plan));
}

function only(results: CheckResult[], checkId: string): CheckResult {
    const found = resultsFor(results, checkId);
    expect(found).toHaveLength(1);
    return found[0];
}

function channel(s: OrgSnapshot): MessagingChannel {
    return s.messagingChannels.items[0];
}

function flow(s: OrgSnapshot): Flow {
    return s.flows.items[0];
}

function routeWork(s: OrgSnapshot): FlowRouteWork {
    return flow(s).routeWorks[0];
}

/** A second MIAW channel routed straight to a queue. */
function queueChannel(name = 'Queue_Chat'): MessagingChannel {
    return {
        developerName: name,
        messagingChannelType: 'EmbeddedMessaging',
        sessionHandlerType: 'Queue',
        sessionHandlerQueue: 'Chat_Support',
        embeddedConfig: { authMode: 'UnAuth', isEstimatedWaitTimeEnabled: false },
        customParameters: [],
        standardParameters: [],
        automatedResponseTypes: [],
        source: { file: `messagingChannels/${name}.messagingChannel-meta.xml` }
    };
}

describe('CH-01 a Messaging for In-App and Web channel exists', () => {
    it("passes for the plan's channel", () => {
        const r = only(run(healthySnapshot()), 'CH-01');
        expect(r.status).toBe('pass');
        expect(r.subject).toBe('Web_Chat');
        expect(r.location).toEqual({ file: 'messagingChannels/Web_Chat.messagingChannel-meta.xml' });
    });

    it('passes without a plan channel, naming the MIAW channels', () => {
        const r = only(run(healthySnapshot(), healthyPlan({ channel: undefined })), 'CH-01');
        expect(r.status).toBe('pass');
        expect(r.subject).toBe('org');
        expect(r.message).toContain('"Web_Chat"');
    });

    it('fails when the plan names a channel that does not exist, listing the MIAW channels that do', () => {
        const r = only(run(healthySnapshot(), healthyPlan({ channel: 'Support_Chat' })), 'CH-01');
        expect(r.status).toBe('fail');
        expect(r.subject).toBe('Support_Chat');
        expect(r.message).toContain('names channel "Support_Chat"');
        expect(r.message).toContain('The Messaging for In-App and Web channels that exist: "Web_Chat"');
        expect(r.remediation).toContain('Setup > Messaging Settings > New Channel');
    });

    it('fails when the plan names an SMS channel, which is not MIAW', () => {
        const s = healthySnapshot();
        s.messagingChannels.items.push({ ...queueChannel('SMS_US'), messagingChannelType: 'Text' });
        const r = only(run(s, healthyPlan({ channel: 'SMS_US' })), 'CH-01');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('is of type "Text", not Messaging for In-App and Web');
    });

    it('fails when only channels of other types exist', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([{ ...queueChannel('WhatsApp_BR'), messagingChannelType: 'WhatsApp' }]);
        const results = run(s, healthyPlan({ channel: undefined }));
        const r = only(results, 'CH-01');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('No channel of type Messaging for In-App and Web');
        expect(r.message).toContain('WhatsApp_BR: WhatsApp');
        // The other checks say why they did not run instead of disappearing.
        expect(statuses(results, 'CH-04')).toEqual(['not_evaluated org']);
        expect(only(results, 'CH-04').message).toContain('see CH-01');
    });

    it('is not evaluated when the channels were not read', () => {
        const s = withUnread(healthySnapshot(), 'messagingChannels', 'unavailable', 'needs API access');
        const results = run(s);
        expect(statuses(results, 'CH-01')).toEqual(['not_evaluated Web_Chat']);
        expect(only(results, 'CH-01').message).toContain('needs API access');
        expect(results.every((r) => r.status === 'not_evaluated')).toBe(true);
    });
});

describe('CH-02 the channel is active', () => {
    it('is not evaluated from metadata, which has no active flag', () => {
        const r = only(run(healthySnapshot()), 'CH-02');
        expect(r.status).toBe('not_evaluated');
        expect(r.subject).toBe('Web_Chat');
        expect(r.message).toContain('metadata has no active flag; the org shows it (MessagingChannel.IsActive)');
        expect(r.remediation).toContain('Setup > Messaging Settings');
    });

    it('passes when the org says the channel is active', () => {
        const s = healthySnapshot();
        channel(s).isActive = true;
        expect(statuses(run(s), 'CH-02')).toEqual(['pass Web_Chat']);
    });

    it('fails when the channel is inactive', () => {
        const s = healthySnapshot();
        channel(s).isActive = false;
        const r = only(run(s), 'CH-02');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Channel "Web_Chat" is inactive');
        expect(r.remediation).toContain('Setup > Messaging Settings > Web_Chat > Activate');
    });
});

describe('CH-03 the channel has a routing target', () => {
    it('passes for a flow-routed channel', () => {
        const r = only(run(healthySnapshot()), 'CH-03');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('Omni-Channel flow "Route_Web_Chat"');
    });

    it('fails when a flow-routed channel names no flow', () => {
        const s = healthySnapshot();
        channel(s).sessionHandlerFlow = undefined;
        const r = only(run(s), 'CH-03');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Channel "Web_Chat" routes with an Omni-Channel flow but names no flow');
        expect(r.remediation).toContain('Setup > Messaging Settings > Web_Chat > Edit > Routing Type');
    });

    it('checks the handler that matches the type (Queue, User, Agentforce)', () => {
        const s = healthySnapshot();
        s.messagingChannels.items.push(
            { ...queueChannel('Q_Ok') },
            { ...queueChannel('Q_None'), sessionHandlerQueue: undefined },
            { ...queueChannel('U_Ok'), sessionHandlerType: 'User', sessionHandlerUser: 'agent1@example.invalid' },
            { ...queueChannel('A_Ok'), sessionHandlerType: 'AgentforceServiceAgent', sessionHandlerAgent: 'Helper' },
            { ...queueChannel('A_None'), sessionHandlerType: 'AgentforceServiceAgent' },
            { ...queueChannel('No_Type'), sessionHandlerType: undefined }
        );
        const results = run(s, healthyPlan({ channel: undefined }));
        expect(statuses(results, 'CH-03')).toEqual([
            'pass Web_Chat',
            'pass Q_Ok',
            'fail Q_None',
            'pass U_Ok',
            'pass A_Ok',
            'fail A_None',
            'fail No_Type'
        ]);
        const agentless = resultsFor(results, 'CH-03').find((r) => r.subject === 'A_None');
        expect(agentless?.message).toContain('routes to an Agentforce Service Agent but names no agent');
        expect(resultsFor(results, 'CH-03').find((r) => r.subject === 'No_Type')?.message).toContain(
            'has no routing type'
        );
    });

    it('says the channel routes as the setup plan chose', () => {
        expect(only(run(healthySnapshot()), 'CH-03').message).toBe(
            'Channel "Web_Chat" routes new sessions to Omni-Channel flow "Route_Web_Chat", as the setup plan chose.'
        );
    });

    it('fails when the plan chose a queue but the planned channel routes with a flow', () => {
        const r = only(run(healthySnapshot(), healthyPlan({ routing: 'queue' })), 'CH-03');
        expect(r.status).toBe('fail');
        expect(r.message).toBe(
            'Channel "Web_Chat" routes new sessions to Omni-Channel flow "Route_Web_Chat", but the setup plan chose a queue.'
        );
        expect(r.remediation).toContain('Routing Type: Omni-Queue');
        expect(r.remediation).toContain('set the plan\'s routing strategy to "flow"');
    });

    it('compares the plan only with the channel it names, or the only channel in scope', () => {
        const s = healthySnapshot();
        s.messagingChannels.items.push(queueChannel('Q_Ok'));
        // the plan names Web_Chat (flow): the queue channel is out of scope and Web_Chat matches
        expect(statuses(run(s), 'CH-03')).toEqual(['pass Web_Chat']);
        // no channel named and two in scope: the plan's choice cannot be attributed, both pass on their target
        expect(statuses(run(s, healthyPlan({ channel: undefined })), 'CH-03')).toEqual(['pass Web_Chat', 'pass Q_Ok']);
        // no channel named, one channel in scope: the plan is about it
        const single = healthySnapshot();
        single.messagingChannels.items = [queueChannel('Q_Only')];
        const r = only(run(single, healthyPlan({ channel: undefined })), 'CH-03');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('but the setup plan chose an Omni-Channel flow');
        expect(r.remediation).toContain('Routing Type: Omni-Flow');
    });

    it('does not judge user- or agent-routed channels against the plan', () => {
        const s = healthySnapshot();
        channel(s).sessionHandlerType = 'AgentforceServiceAgent';
        channel(s).sessionHandlerAgent = 'Helper';
        const r = only(run(s, healthyPlan({ routing: 'queue' })), 'CH-03');
        expect(r.status).toBe('pass');
        expect(r.message).toBe('Channel "Web_Chat" routes new sessions to Agentforce Service Agent "Helper".');
    });

    it('is not evaluated (with the reason) when the channels could not be read', () => {
        const s = withUnread(
            healthySnapshot(),
            'messagingChannels',
            'no_permission',
            'no permission: MessagingChannel'
        );
        const r = only(run(s), 'CH-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('no permission: MessagingChannel');
    });
});

describe('CH-04 a fallback queue is set', () => {
    it('passes for a flow-routed channel with a fallback queue', () => {
        const r = only(run(healthySnapshot()), 'CH-04');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('fallback queue "Chat_Fallback"');
    });

    it('fails when a flow-routed channel has no fallback queue', () => {
        const s = healthySnapshot();
        channel(s).sessionHandlerQueue = undefined;
        const r = only(run(s), 'CH-04');
        expect(r.status).toBe('fail');
        expect(r.subject).toBe('Web_Chat');
        expect(r.message).toContain(
            'Channel "Web_Chat" routes with Omni-Channel flow "Route_Web_Chat" but has no fallback queue'
        );
        expect(r.remediation).toContain('Setup > Messaging Settings > Web_Chat > Edit > Fallback Queue');
    });

    it('fails for an Agentforce-routed channel without a fallback queue', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([
            {
                ...queueChannel('Agent_Chat'),
                sessionHandlerType: 'AgentforceServiceAgent',
                sessionHandlerAgent: 'Helper',
                sessionHandlerQueue: undefined
            }
        ]);
        const r = only(run(s, healthyPlan({ channel: undefined })), 'CH-04');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Agentforce Service Agent "Helper" but has no fallback queue');
    });

    it('passes for a queue-routed channel, explaining the queue is the target', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([queueChannel()]);
        const r = only(run(s, healthyPlan({ channel: 'Queue_Chat' })), 'CH-04');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('routes straight to queue "Chat_Support"');
        expect(r.message).toContain('no separate fallback queue is needed');
    });

    it("is not evaluated when the plan's channel is not a MIAW channel", () => {
        const r = only(run(healthySnapshot(), healthyPlan({ channel: 'Missing' })), 'CH-04');
        expect(r.status).toBe('not_evaluated');
        expect(r.subject).toBe('Missing');
        expect(r.message).toContain('see CH-01');
    });
});

describe('CH-05 the routing flow exists, is active and is an Omni-Channel flow', () => {
    it('passes for an active RoutingFlow', () => {
        const r = only(run(healthySnapshot()), 'CH-05');
        expect(r.status).toBe('pass');
        expect(r.subject).toBe('Route_Web_Chat');
        expect(r.location).toEqual({ file: 'flows/Route_Web_Chat.flow-meta.xml' });
    });

    it('fails when the flow does not exist', () => {
        const s = healthySnapshot();
        channel(s).sessionHandlerFlow = 'Route_Missing';
        const r = only(run(s), 'CH-05');
        expect(r.status).toBe('fail');
        expect(r.subject).toBe('Route_Missing');
        expect(r.message).toContain('Flow "Route_Missing" (routing flow of channel "Web_Chat") was not found');
        expect(r.remediation).toContain('Omni-Channel Flow');
    });

    it('fails when the flow is a draft or not an Omni-Channel flow', () => {
        const s = healthySnapshot();
        flow(s).status = 'Draft';
        flow(s).processType = 'AutoLaunchedFlow';
        const r = only(run(s), 'CH-05');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('not an Omni-Channel flow (RoutingFlow)');
        expect(r.message).toContain('not active (status Draft)');
        expect(r.remediation).toContain('Activate');
    });

    it('is not evaluated when the flows were not read', () => {
        const s = withUnread(healthySnapshot(), 'flows');
        const r = only(run(s), 'CH-05');
        expect(r.status).toBe('not_evaluated');
        expect(r.subject).toBe('Route_Web_Chat');
        expect(r.message).toContain('flows (Flow) not in the scanned source');
    });

    it('is not evaluated when the flow status is unknown', () => {
        const s = healthySnapshot();
        flow(s).status = undefined;
        const r = only(run(s), 'CH-05');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('its status (active or not) is not in the snapshot');
    });

    it('reports a flow shared by two channels once, naming both', () => {
        const s = healthySnapshot();
        s.messagingChannels.items.push({ ...channel(s), developerName: 'Web_Chat_2' });
        const results = run(s, healthyPlan({ channel: undefined }));
        const r = only(results, 'CH-05');
        expect(r.message).toContain('channels "Web_Chat" and "Web_Chat_2"');
        expect(statuses(results, 'CH-04')).toEqual(['pass Web_Chat', 'pass Web_Chat_2']);
    });
});

describe('CH-06 the routing flow declares recordId', () => {
    it('passes for a Text input variable named recordId', () => {
        expect(statuses(run(healthySnapshot()), 'CH-06')).toEqual(['pass Route_Web_Chat']);
    });

    it('fails with a specific message when the variable is in the wrong case', () => {
        const s = healthySnapshot();
        flow(s).variables[0].name = 'recordid';
        const r = only(run(s), 'CH-06');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('declares "recordid" but not "recordId"');
        expect(r.message).toContain('case-sensitive');
        expect(r.remediation).toContain('API Name recordId (exactly that case)');
    });

    it('fails when recordId is missing', () => {
        const s = healthySnapshot();
        flow(s).variables = flow(s).variables.filter((v) => v.name !== 'recordId');
        const r = only(run(s), 'CH-06');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('declares no "recordId" variable');
    });

    it('fails when recordId is not Text or not available for input', () => {
        const s = healthySnapshot();
        flow(s).variables[0] = { name: 'recordId', dataType: 'SObject', isInput: false };
        const r = only(run(s), 'CH-06');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('it is of type SObject, not Text and it is not available for input');
    });

    it('is not evaluated when the flows were not read', () => {
        const s = withUnread(healthySnapshot(), 'flows', 'unavailable', 'needs API access');
        const r = only(run(s), 'CH-06');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('needs API access');
    });

    it('is not evaluated when the flow is missing (CH-05 fails instead)', () => {
        const s = healthySnapshot();
        channel(s).sessionHandlerFlow = 'Route_Missing';
        const r = only(run(s), 'CH-06');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('see CH-05');
    });
});

describe('CH-07 Route Work uses the messaging channel and an existing queue', () => {
    it('passes when Route Work targets an existing queue by developer name', () => {
        const r = only(run(healthySnapshot()), 'CH-07');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('Route Work "Route_To_Chat_Support" routes to queue "Chat_Support"');
    });

    it('fails on a hard-coded queue Id in a Route Work before 2.0 (ndax), recommending version 2.0', () => {
        const s = healthySnapshot();
        routeWork(s).inputs.queueId = { stringValue: '00Gbe000006GoTdEAK' };
        routeWork(s).inputs.queueLabel = { stringValue: 'Chat Support' };
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('warning');
        expect(r.message).toContain('(version 1) routes to the hard-coded queue Id "00Gbe000006GoTdEAK"');
        expect(r.message).toContain('keeps the record Id of the org the flow was built in');
        expect(r.message).not.toContain('sandbox');
        expect(r.message).toContain('matches queue "Chat_Support"');
        expect(r.remediation).toContain('Upgrade the Route Work action to version 2.0');
        expect(r.remediation).toContain('Get Records on Group');
    });

    it('is not evaluated when the routing type comes from a variable; only the CLI is told to run the in-org report', () => {
        const s = healthySnapshot();
        routeWork(s).inputs.routingType = { elementReference: 'routingType' };
        const fromSource = only(run(s), 'CH-07');
        expect(fromSource.status).toBe('not_evaluated');
        expect(fromSource.message).toContain('takes its routing type from a variable');
        expect(fromSource.remediation).toContain('run the Readiness Report in the org');
        s.origin = { kind: 'org', label: 'acme' };
        expect(only(run(s), 'CH-07').remediation).not.toContain('Readiness Report');
    });

    it('passes a hard-coded queue Id in Route Work 2.0, which is migrated between orgs (diogo, Camden)', () => {
        const s = healthySnapshot();
        routeWork(s).inputs.queueId = { stringValue: '00Gbe000006GoTdEAK' };
        routeWork(s).inputs.queueLabel = { stringValue: 'Chat Support' };
        routeWork(s).version = '2.0.0';
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('(version 2.0.0) routes to queue Id "00Gbe000006GoTdEAK"');
        expect(r.message).toContain('Route Work 2.0 carries its queue to the target org');
    });

    it('fails in an org when the queue Id matches no queue, and passes when it does', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        s.queues.items[0].id = '00G000000000001AAA';
        routeWork(s).inputs.queueId = { stringValue: '00G000000000002AAA' };
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('queue Id "00G000000000002AAA", which matches no queue in this org');

        routeWork(s).inputs.queueId = { stringValue: '00G000000000001' };
        expect(statuses(run(s), 'CH-07')).toEqual(['pass Route_Web_Chat']);
    });

    it('passes a queue computed at run time, saying it cannot be verified statically (charleston76 MIAWToQueue)', () => {
        const s = healthySnapshot();
        routeWork(s).inputs.queueId = { elementReference: 'Get_Queue.Id' };
        flow(s).recordLookups.push({ name: 'Get_Queue', object: 'Group' });
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('takes its queue from {!Get_Queue.Id} (Get Records "Get_Queue" on Group)');
        expect(r.message).toContain('cannot be verified statically');
    });

    it('fails when Route Work uses another service channel or a queue that does not exist', () => {
        const s = healthySnapshot();
        routeWork(s).inputs.serviceChannelDevName = { stringValue: 'sfdc_case' };
        routeWork(s).inputs.queueId = { stringValue: 'Old_Queue' };
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('uses service channel "sfdc_case", not Messaging (sfdc_livemessage)');
        expect(r.message).toContain('routes to queue "Old_Queue", which does not exist');
        expect(r.remediation).toContain('Service Channel to Messaging');
    });

    it('accepts the Messaging label when the developer name is absent', () => {
        const s = healthySnapshot();
        delete routeWork(s).inputs.serviceChannelDevName;
        routeWork(s).inputs.serviceChannelLabel = { stringValue: 'Messaging' };
        expect(statuses(run(s), 'CH-07')).toEqual(['pass Route_Web_Chat']);
    });

    it('passes Agentforce (Copilot) routing whose target is named', () => {
        const s = healthySnapshot();
        routeWork(s).inputs = {
            recordId: { elementReference: 'recordId' },
            serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
            routingType: { stringValue: 'Copilot' },
            copilotLabel: { stringValue: 'Service Agent' },
            queueId: { elementReference: 'Get_Fallback_Queue.Id' }
        };
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('routes by Copilot');
    });

    it('accepts an agent named by setup reference (shekharh500 copilotId)', () => {
        const s = healthySnapshot();
        routeWork(s).inputs = {
            serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
            routingType: { stringValue: 'Copilot' },
            copilotId: { setupReference: 'Northwind_Service_Agent' }
        };
        expect(statuses(run(s), 'CH-07')).toEqual(['pass Route_Web_Chat']);
    });

    it('is not evaluated when an agent route shows no target in the source', () => {
        const s = healthySnapshot();
        routeWork(s).inputs = {
            serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
            routingType: { stringValue: 'Copilot' }
        };
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('its target (agent, bot or skills) is not visible');
    });

    it('fails when the flow has no Route Work at all', () => {
        const s = healthySnapshot();
        flow(s).routeWorks = [];
        const r = only(run(s), 'CH-07');
        expect(r.status).toBe('fail');
        expect(r.message).toContain('has no Route Work action');
    });

    it('is not evaluated when the flows were not read', () => {
        const s = withUnread(healthySnapshot(), 'flows');
        expect(statuses(run(s), 'CH-07')).toEqual(['not_evaluated Route_Web_Chat']);
    });

    it('says there is nothing to check for a queue-routed channel (it has no flow), as a pass, not an unknown', () => {
        const s = healthySnapshot();
        s.messagingChannels = readSection([queueChannel()]);
        const results = run(s, healthyPlan({ channel: 'Queue_Chat' }));
        for (const id of ['CH-05', 'CH-06', 'CH-07']) {
            expect(resultsFor(results, id)).toEqual([
                expect.objectContaining({
                    status: 'pass',
                    subject: 'routing flow',
                    message:
                        'Nothing to check: channel(s) "Queue_Chat" route without an Omni-Channel flow, so there is no routing flow to check.'
                })
            ]);
        }
    });
});

describe('CH-08 a pre-chat form requires Omni-Channel flow routing', () => {
    it('passes when the channel with a pre-chat form routes with a flow', () => {
        const r = only(run(healthySnapshot()), 'CH-08');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('Deployment "Web_Chat_Site" has an active pre-chat form');
    });

    it('fails (warning) when the deployment has an active pre-chat form but the channel routes to a queue', () => {
        const s = healthySnapshot();
        Object.assign(channel(s), { sessionHandlerType: 'Queue', sessionHandlerQueue: 'Chat_Support' });
        const r = only(run(s), 'CH-08');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('warning');
        expect(r.message).toContain(
            'channel "Web_Chat" routes to queue "Chat_Support", not through an Omni-Channel flow'
        );
        expect(r.remediation).toContain('Routing Type: Omni-Flow');
    });

    it('passes for a queue-routed channel whose pre-chat form is inactive', () => {
        const s = healthySnapshot();
        Object.assign(channel(s), { sessionHandlerType: 'Queue', sessionHandlerQueue: 'Chat_Support' });
        s.deployments.items[0].preChatForms[0].isActive = false;
        const r = only(run(s), 'CH-08');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('No deployment of channel "Web_Chat" in scope has an active pre-chat form');
    });

    it('is not evaluated when the deployments were not read', () => {
        const s = withUnread(healthySnapshot(), 'deployments');
        const r = only(run(s), 'CH-08');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('Embedded Service deployments');
    });
});

describe('CH-09 estimated wait time', () => {
    it('passes when estimated wait time is off (optional)', () => {
        const r = only(run(healthySnapshot()), 'CH-09');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('Estimated wait time is off on channel "Web_Chat"');
    });

    it('passes when on and the flow ends in a queue, with the 10-in-10 condition', () => {
        const s = healthySnapshot();
        channel(s).embeddedConfig = { isEstimatedWaitTimeEnabled: true };
        const r = only(run(s), 'CH-09');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('Route Work "Route_To_Chat_Support" ends in a queue');
        expect(r.message).toContain('at least 10 sessions');
    });

    it('fails (info) when on but the flow routes only to a bot', () => {
        const s = healthySnapshot();
        channel(s).embeddedConfig = { isEstimatedWaitTimeEnabled: true };
        routeWork(s).inputs = {
            serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
            routingType: { stringValue: 'Bot' },
            botLabel: { stringValue: 'Helper' }
        };
        const r = only(run(s), 'CH-09');
        expect(r.status).toBe('fail');
        expect(r.severity).toBe('info');
        expect(r.message).toContain('routes only to agents, bots or skills');
        expect(r.remediation).toContain('Show estimated wait time');
    });

    it('treats a metadata channel without embeddedConfig as the default (off)', () => {
        const s = healthySnapshot();
        channel(s).embeddedConfig = undefined;
        const r = only(run(s), 'CH-09');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('not set in the channel metadata; the default is off');
    });

    it('is not evaluated in an org snapshot whose channel settings (embeddedConfig) were not read', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        channel(s).embeddedConfig = undefined;
        const r = only(run(s), 'CH-09');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('embeddedConfig');
        expect(r.remediation).toContain("Connect the app to the org's API");
    });

    it('is not evaluated, with the reason, when the channel metadata read did not happen', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        channel(s).embeddedConfig = undefined;
        channel(s).parametersUnavailable = 'error: INVALID_SESSION_ID: Invalid Session ID found in SessionHeader';
        const r = only(run(s), 'CH-09');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('were not read: error: INVALID_SESSION_ID');
    });

    it('fails (info) in an org snapshot whose channel settings were read', () => {
        const s = healthySnapshot();
        s.origin = { kind: 'org', label: 'acme' };
        channel(s).embeddedConfig = { isEstimatedWaitTimeEnabled: true };
        routeWork(s).inputs = {
            serviceChannelDevName: { stringValue: 'sfdc_livemessage' },
            routingType: { stringValue: 'Bot' },
            botLabel: { stringValue: 'Helper' }
        };
        expect(only(run(s), 'CH-09').status).toBe('fail');
    });

    it('is not evaluated when on and the routing flow could not be read', () => {
        const s = withUnread(healthySnapshot(), 'flows');
        channel(s).embeddedConfig = { isEstimatedWaitTimeEnabled: true };
        const r = only(run(s), 'CH-09');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('could not be read');
    });
});

describe('channel scope', () => {
    it('skips channels that are not MIAW (SMS, WhatsApp)', () => {
        const s = healthySnapshot();
        s.messagingChannels.items.push({ ...queueChannel('SMS_US'), messagingChannelType: 'Text' });
        const results = run(s, healthyPlan({ channel: undefined }));
        expect(results.some((r) => r.subject === 'SMS_US')).toBe(false);
    });

    it('returns results ordered by check ID', () => {
        const ids = run(healthySnapshot()).map((r) => r.checkId);
        expect(ids).toEqual([...ids].sort());
    });
});
