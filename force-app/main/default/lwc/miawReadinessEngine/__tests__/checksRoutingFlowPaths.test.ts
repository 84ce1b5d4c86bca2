import { runRoutingFlowPathChecks, walkPaths } from '../checksRoutingFlowPaths';
import type { CheckResult } from '../result';
import type { Flow, FlowGraph, FlowNode, OrgSnapshot } from '../snapshot';
import { contextFor, healthyPlan, healthySnapshot, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot, plan = healthyPlan()): CheckResult[] {
    return runRoutingFlowPathChecks(contextFor(snapshot, plan));
}

function only(results: CheckResult[]): CheckResult {
    expect(results).toHaveLength(1);
    expect(results[0].checkId).toBe('CH-11');
    return results[0];
}

function flow(s: OrgSnapshot): Flow {
    return s.flows.items[0];
}

const routeWork = (name: string, label: string, next?: string): FlowNode => ({
    name,
    label,
    kind: 'actionCalls',
    actionType: 'routeWork',
    exits: [next ? { kind: 'next', target: next } : { kind: 'next' }]
});

const setReason = (name: string, label: string): FlowNode => ({
    name,
    label,
    kind: 'assignments',
    assignedVariables: ['reasonForNotRouting'],
    exits: [{ kind: 'next' }]
});

/**
 * The shape of a real routing flow (a sandbox export): check availability, then a decision whose "Agents
 * Available" outcome routes, and whose default outcome looks the user up and asks "Guest User or Not" — a
 * decision with no connected default outcome.
 */
function availabilityFlow(): FlowGraph {
    return {
        startTarget: 'Check_Messaging_Session_Queue',
        nodes: [
            {
                name: 'Check_Messaging_Session_Queue',
                label: 'Check Messaging Session Queue',
                kind: 'actionCalls',
                actionType: 'checkAvailabilityForRouting',
                exits: [{ kind: 'next', target: 'Availability' }]
            },
            routeWork('Route_to_AgentForce', 'Route to AgentForce'),
            routeWork('RouteToQueueA', 'Route to Queue A'),
            {
                name: 'Availability',
                label: 'Availability',
                kind: 'decisions',
                exits: [
                    { kind: 'outcome', label: 'Agents Available', target: 'RouteToQueueA' },
                    { kind: 'default', label: 'Default Outcome', target: 'Get_Messaging_User' }
                ]
            },
            {
                name: 'Guest_User_or_Not',
                label: 'Guest User or Not',
                kind: 'decisions',
                exits: [
                    { kind: 'outcome', label: 'Not Guest', target: 'Route_to_AgentForce' },
                    { kind: 'default', label: 'Default Outcome' }
                ]
            },
            {
                name: 'Get_Messaging_User',
                label: 'Get Messaging User',
                kind: 'recordLookups',
                exits: [{ kind: 'next', target: 'Guest_User_or_Not' }]
            }
        ]
    };
}

function withGraph(graph: FlowGraph, reasonVariable?: { isOutput: boolean; hasDefaultValue?: boolean }): OrgSnapshot {
    const s = healthySnapshot();
    flow(s).graph = graph;
    if (reasonVariable) {
        flow(s).variables.push({ name: 'reasonForNotRouting', dataType: 'String', isInput: false, ...reasonVariable });
    }
    return s;
}

describe('CH-11 every path of the routing flow routes the session or returns a reason', () => {
    it('passes when the only path runs into Route Work', () => {
        const r = only(run(healthySnapshot()));
        expect(r).toMatchObject({ status: 'pass', subject: 'Route_Web_Chat' });
        expect(r.message).toContain('Every path of flow "Route_Web_Chat"');
    });

    it('fails on a decision whose default outcome is not connected, naming the path by element labels', () => {
        const r = only(run(withGraph(availabilityFlow())));
        expect(r).toMatchObject({ status: 'fail', severity: 'warning', subject: 'Route_Web_Chat' });
        expect(r.message).toContain(
            'Start → "Check Messaging Session Queue" → "Availability" (default outcome "Default Outcome") → "Get Messaging User" → "Guest User or Not" (default outcome "Default Outcome") → end'
        );
        expect(r.message).toContain('has a path that ends without a Route Work action');
        expect(r.remediation).toContain('Create a Text variable named reasonForNotRouting, available for output');
    });

    it('passes when the off-hours branch sets reasonForNotRouting instead of routing', () => {
        const graph = availabilityFlow();
        const guest = graph.nodes.find((n) => n.name === 'Guest_User_or_Not') as FlowNode;
        guest.exits[1].target = 'Closed_Reason';
        graph.nodes.push(setReason('Closed_Reason', 'Tell guests we are busy'));
        expect(only(run(withGraph(graph, { isOutput: true }))).status).toBe('pass');
    });

    it('fails when the reason is set but the variable is not available for output', () => {
        const graph = availabilityFlow();
        (graph.nodes.find((n) => n.name === 'Guest_User_or_Not') as FlowNode).exits[1].target = 'Closed_Reason';
        graph.nodes.push(setReason('Closed_Reason', 'Tell guests we are busy'));
        const r = only(run(withGraph(graph, { isOutput: false })));
        expect(r.status).toBe('fail');
        expect(r.message).toContain('does not make it available for output');
        expect(r.remediation).toContain('Make reasonForNotRouting available for output');
    });

    it('passes when reasonForNotRouting has a default value, whatever the paths', () => {
        const r = only(run(withGraph(availabilityFlow(), { isOutput: true, hasDefaultValue: true })));
        expect(r.status).toBe('pass');
        expect(r.message).toContain('returns a default reasonForNotRouting');
    });

    it('follows a connected fault path: a lookup whose fault path ends without routing fails', () => {
        const s = healthySnapshot();
        const graph = flow(s).graph as FlowGraph;
        const lookup = graph.nodes.find((n) => n.name === 'Find_Contact') as FlowNode;
        lookup.exits.push({ kind: 'fault', target: 'Log_Error' });
        graph.nodes.push({ name: 'Log_Error', label: 'Log Error', kind: 'recordCreates', exits: [{ kind: 'next' }] });
        const r = only(run(s));
        expect(r.status).toBe('fail');
        expect(r.message).toContain('Start → "Find Contact" (fault path) → "Log Error" → end');
    });

    it('fails when nothing is connected to Start', () => {
        const s = withGraph({ nodes: availabilityFlow().nodes });
        const r = only(run(s));
        expect(r.status).toBe('fail');
        expect(r.message).toContain('has nothing connected to Start');
    });

    it('is not evaluated when a path hands over to a subflow that was not inspected', () => {
        const s = healthySnapshot();
        const graph = flow(s).graph as FlowGraph;
        graph.startTarget = 'Shared_Routing';
        graph.nodes.push({
            name: 'Shared_Routing',
            label: 'Shared Routing',
            kind: 'subflows',
            exits: [{ kind: 'next' }]
        });
        const r = only(run(s));
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('Start → "Shared Routing" → subflow');
    });

    it('is not evaluated when the flow connectors were not read', () => {
        const s = healthySnapshot();
        delete flow(s).graph;
        const r = only(run(s));
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('elements and connectors');
    });

    it('is not evaluated when the routing flow is missing (CH-05 reports it) or flows were not read', () => {
        const missing = healthySnapshot();
        missing.flows.items = [];
        expect(only(run(missing)).status).toBe('not_evaluated');
        expect(only(run(withUnread(healthySnapshot(), 'flows'))).status).toBe('not_evaluated');
        expect(only(run(withUnread(healthySnapshot(), 'messagingChannels'))).status).toBe('not_evaluated');
    });

    it('passes with nothing to check when the channel routes straight to a queue', () => {
        const s = healthySnapshot();
        s.messagingChannels.items[0].sessionHandlerType = 'Queue';
        const r = only(run(s, healthyPlan({ routing: 'queue' })));
        expect(r.status).toBe('pass');
        expect(r.message).toMatch(/^Nothing to check: /);
    });
});

describe('walkPaths', () => {
    it('walks a loop once and reports the way out after the last item', () => {
        const graph: FlowGraph = {
            startTarget: 'Each_Skill',
            nodes: [
                {
                    name: 'Each_Skill',
                    label: 'Each Skill',
                    kind: 'loops',
                    exits: [{ kind: 'loopNext', target: 'Add_Skill' }, { kind: 'loopEnd' }]
                },
                {
                    name: 'Add_Skill',
                    label: 'Add Skill',
                    kind: 'assignments',
                    exits: [{ kind: 'next', target: 'Each_Skill' }]
                }
            ]
        };
        const findings = walkPaths(graph, true);
        expect(findings.unrouted).toHaveLength(1);
        expect(findings.unrouted[0].map((step) => step.exit.kind)).toEqual(['loopEnd']);
    });

    it('does not count a reason assignment when the reason is not returned', () => {
        const graph: FlowGraph = { startTarget: 'Closed', nodes: [setReason('Closed', 'Closed')] };
        expect(walkPaths(graph, false).unrouted).toHaveLength(1);
        expect(walkPaths(graph, true).unrouted).toHaveLength(0);
    });
});
