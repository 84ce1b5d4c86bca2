/*
 * CH-11 — every path through the routing flow either routes the session (Route Work) or says why it does not
 * (the `reasonForNotRouting` output variable). Help documents the fallback queue only for a flow that fails
 * with an error; a path that simply ends — an off-hours branch, a decision outcome left unconnected — is not
 * an error, so the session is neither routed nor sent to the fallback queue, and the customer is told nothing.
 *
 * The walk follows every exit of every element from Start: decision outcomes and the default outcome, loop
 * branches, wait events, and fault paths that are connected (an unconnected fault is an error, which goes to
 * the fallback queue). A subflow may route on its own; paths through one are reported as not inspected.
 */
import { fail, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { CheckContext } from './checkKit';
import { routingFlowOf } from './checksChannel';
import type { CheckResult } from './result';
import type { Flow, FlowExit, FlowGraph, FlowNode, MessagingChannel } from './snapshot';

const CHECK_ID = 'CH-11';
/** The output variable Help names for "why this flow did not route" (Create the reasonForNotRouting). */
export const REASON_VARIABLE = 'reasonForNotRouting';
const ROUTE_WORK_ACTION = 'routeWork';
/** Paths named in one message; the rest are counted. */
const MAX_PATHS_SHOWN = 3;

export function runRoutingFlowPathChecks(ctx: CheckContext): CheckResult[] {
    const unread = unreadSections(ctx, [CHECK_ID], ['messagingChannels'], ctx.plan.channel ?? 'org');
    if (unread) return unread;
    const flows = routingFlowUsers(ctx.index.channelsInScope);
    if (flows.size === 0) {
        return [
            pass(
                CHECK_ID,
                ctx.plan.channel ?? 'org',
                'Nothing to check: no Messaging for In-App and Web channel in scope routes through an Omni-Channel flow.'
            )
        ];
    }
    return [...flows].map(([flowName, channels]) => checkFlowPaths(ctx, flowName, channels));
}

/** Routing flows of the channels in scope, each with the channels that use it (first-seen order). */
function routingFlowUsers(channels: readonly MessagingChannel[]): Map<string, MessagingChannel[]> {
    const flows = new Map<string, MessagingChannel[]>();
    for (const channel of channels) {
        const flow = routingFlowOf(channel);
        if (!flow) continue;
        flows.set(flow, [...(flows.get(flow) ?? []), channel]);
    }
    return flows;
}

// ---------------------------------------------------------------------------------------------------------
// The path walk
// ---------------------------------------------------------------------------------------------------------

/** One step of a path: the element and the exit taken out of it. */
interface Step {
    node: FlowNode;
    exit: FlowExit;
}

export interface PathFindings {
    /** Paths from Start that end without Route Work and without setting the reason. */
    unrouted: Step[][];
    /** Paths that reach a subflow before routing: the subflow is not inspected. */
    throughSubflow: Step[][];
    /** True when Start connects to nothing: the flow does nothing at all. */
    emptyStart: boolean;
}

/** Whether running this element settles the session: it routes it, or it records why not. */
function settles(node: FlowNode, reasonCounts: boolean): boolean {
    if (node.kind === 'actionCalls' && node.actionType === ROUTE_WORK_ACTION) return true;
    return reasonCounts && (node.assignedVariables ?? []).includes(REASON_VARIABLE);
}

/**
 * Breadth-first from Start over elements that do not settle the session; each element is entered once (loops
 * and merges are walked once), so a reported path is the shortest way to reach the open end.
 */
export function walkPaths(graph: FlowGraph, reasonCounts: boolean): PathFindings {
    const findings: PathFindings = { unrouted: [], throughSubflow: [], emptyStart: false };
    const nodes = new Map(graph.nodes.map((n) => [n.name, n]));
    const first = graph.startTarget === undefined ? undefined : nodes.get(graph.startTarget);
    if (!first) {
        findings.emptyStart = true;
        return findings;
    }
    const pathTo = new Map<string, Step[]>([[first.name, []]]);
    const queue: FlowNode[] = [first];
    while (queue.length > 0) {
        const node = queue.shift() as FlowNode;
        const before = pathTo.get(node.name) ?? [];
        if (settles(node, reasonCounts)) continue;
        if (node.kind === 'subflows') {
            findings.throughSubflow.push([...before, { node, exit: { kind: 'subflow' } }]);
            continue;
        }
        for (const exit of node.exits) {
            const path = [...before, { node, exit }];
            const next = exit.target === undefined ? undefined : nodes.get(exit.target);
            if (!next) {
                findings.unrouted.push(path);
            } else if (!pathTo.has(next.name)) {
                pathTo.set(next.name, path);
                queue.push(next);
            }
        }
    }
    return findings;
}

/** `"Check hours" (outcome "Closed")`: an element by its label, with the branch taken when there is a choice. */
function stepWords(step: Step): string {
    const element = `"${step.node.label ?? step.node.name}"`;
    switch (step.exit.kind) {
        case 'outcome':
        case 'wait':
            return `${element} (outcome "${step.exit.label ?? '?'}")`;
        case 'default':
            return `${element} (${step.exit.label ? `default outcome "${step.exit.label}"` : 'default outcome'})`;
        case 'loopNext':
            return `${element} (for each item)`;
        case 'loopEnd':
            return `${element} (after the last item)`;
        case 'timeout':
            return `${element} (timeout)`;
        case 'fault':
            return `${element} (fault path)`;
        default:
            return element;
    }
}

/** `Start → "Check hours" (outcome "Closed") → end`. */
export function pathWords(path: readonly Step[], ending = 'end'): string {
    return ['Start', ...path.map(stepWords), ending].join(' → ');
}

function someOf(paths: readonly Step[][], ending: string): string {
    const shown = paths.slice(0, MAX_PATHS_SHOWN).map((p) => pathWords(p, ending));
    const more = paths.length > MAX_PATHS_SHOWN ? `; and ${paths.length - MAX_PATHS_SHOWN} more` : '';
    return shown.join('; ') + more;
}

// ---------------------------------------------------------------------------------------------------------
// CH-11
// ---------------------------------------------------------------------------------------------------------

/** How the flow's reason variable stands: absent, declared but not returned, returned (with or without a default). */
function reasonVariableState(flow: Flow): 'absent' | 'not_output' | 'output' | 'output_with_default' {
    const variable = flow.variables.find((v) => v.name === REASON_VARIABLE);
    if (!variable) return 'absent';
    if (variable.isOutput !== true) return 'not_output';
    return variable.hasDefaultValue ? 'output_with_default' : 'output';
}

// CH-11
/** Every path from Start routes the session or sets reasonForNotRouting. */
export function checkFlowPaths(
    ctx: CheckContext,
    flowName: string,
    channels: readonly MessagingChannel[]
): CheckResult {
    const unread = unreadSections(ctx, [CHECK_ID], ['flows'], flowName);
    if (unread) return unread[0];
    const used = `routing flow of ${channels.length === 1 ? 'channel' : 'channels'} ${listNames(channels.map((c) => c.developerName))}`;
    const flow = ctx.index.flowsByName.get(flowName);
    if (!flow) {
        return notEvaluated(
            CHECK_ID,
            flowName,
            `Not evaluated: flow "${flowName}" (${used}) was not found (see CH-05).`,
            'Deploy or create the flow, or select an existing Omni-Channel flow on the channel, then run the check again.',
            { location: channels[0].source }
        );
    }
    const location = flow.source;
    if (!flow.graph) {
        return notEvaluated(
            CHECK_ID,
            flowName,
            `Not evaluated: the elements and connectors of flow "${flowName}" (${used}) were not read.`,
            `Open "${flowName}" in Flow Builder and follow every path from Start: each must end in a Route Work action or set the output variable ${REASON_VARIABLE}.`,
            { location }
        );
    }
    const reason = reasonVariableState(flow);
    if (reason === 'output_with_default') {
        return pass(
            CHECK_ID,
            flowName,
            `Flow "${flowName}" (${used}) returns a default ${REASON_VARIABLE}, so a path that does not route still says why.`,
            { location }
        );
    }
    const findings = walkPaths(flow.graph, reason === 'output');
    const fix = remediation(flowName, reason);
    if (findings.emptyStart) {
        return fail(
            CHECK_ID,
            flowName,
            `Flow "${flowName}" (${used}) has nothing connected to Start: no session is routed and no reason is returned.`,
            fix,
            { location }
        );
    }
    if (findings.unrouted.length > 0) {
        const notOutput =
            reason === 'not_output'
                ? ` The flow declares ${REASON_VARIABLE} but does not make it available for output, so setting it returns nothing.`
                : '';
        return fail(
            CHECK_ID,
            flowName,
            `Flow "${flowName}" (${used}) has ${findings.unrouted.length === 1 ? 'a path that ends' : `${findings.unrouted.length} paths that end`} without a Route Work action and without setting ${REASON_VARIABLE}: ${someOf(findings.unrouted, 'end')}. A session that takes such a path is not routed and the customer is not told why; the fallback queue is documented only for a flow that fails with an error, which an unconnected path is not.${notOutput}`,
            fix,
            { location }
        );
    }
    if (findings.throughSubflow.length > 0) {
        return notEvaluated(
            CHECK_ID,
            flowName,
            `Not evaluated: every path of flow "${flowName}" (${used}) routes or sets ${REASON_VARIABLE}, except paths that hand over to a subflow, which was not inspected: ${someOf(findings.throughSubflow, 'subflow')}.`,
            `Open the subflow in Flow Builder and make sure each of its paths ends in a Route Work action or sets ${REASON_VARIABLE} (returned to "${flowName}"), or route in "${flowName}" after the subflow.`,
            { location }
        );
    }
    return pass(
        CHECK_ID,
        flowName,
        `Every path of flow "${flowName}" (${used}) ends in a Route Work action or sets ${REASON_VARIABLE}.`,
        { location }
    );
}

function remediation(flowName: string, reason: ReturnType<typeof reasonVariableState>): string {
    const declare =
        reason === 'absent'
            ? `Create a Text variable named ${REASON_VARIABLE}, available for output (Flow Builder > Manager > New Resource). `
            : reason === 'not_output'
              ? `Make ${REASON_VARIABLE} available for output. `
              : '';
    return `Open "${flowName}" in Flow Builder. ${declare}On each path listed, either add a Route Work action (for example to the fallback queue) or an Assignment that sets ${REASON_VARIABLE} to a message for the customer (for example "We're closed"); give every decision a connected default outcome. Save and activate the new version.`;
}
