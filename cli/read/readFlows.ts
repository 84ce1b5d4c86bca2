/*
 * Flows (flows/X.flow-meta.xml) and their definitions (flowDefinitions/X.flowDefinition-meta.xml, older
 * source trees). The reader keeps what routing checks need: input variables, routeWork calls with their
 * inputs, record updates and lookups, and the order elements run in from `start`.
 */
import type {
    Flow,
    FlowOutputAssignment,
    FlowRecordFilter,
    FlowExit,
    FlowGraph,
    FlowNode,
    FlowRecordLookup,
    FlowRecordUpdate,
    FlowRouteWork,
    FlowValue,
    FlowVariable
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { required } from './readSupport';
import type { TypeSpec } from './typeSpec';
import { bool, child, children, listPathSet, num, text, type XmlNode } from './xmlDocument';

const ROOT = 'Flow';

/** Flow elements that can sit on a path (they have a name and connectors). */
const NODE_KINDS = [
    'actionCalls',
    'apexPluginCalls',
    'assignments',
    'collectionProcessors',
    'customErrors',
    'decisions',
    'loops',
    'orchestratedStages',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordRollbacks',
    'recordUpdates',
    'screens',
    'steps',
    'subflows',
    'transforms',
    'waits'
];

const OTHER_LISTS = [
    'choices',
    'constants',
    'dynamicChoiceSets',
    'formulas',
    'processMetadataValues',
    'stages',
    'textTemplates',
    'variables',
    'actionCalls.inputParameters',
    'actionCalls.outputParameters',
    'decisions.rules',
    'recordUpdates.inputAssignments',
    'assignments.assignmentItems',
    'recordUpdates.filters',
    'recordLookups.filters',
    'recordLookups.outputAssignments',
    'waits.waitEvents',
    'start.scheduledPaths'
];

export const FLOW: TypeSpec<Flow> = {
    type: 'Flow',
    directory: 'flows',
    suffix: 'flow',
    root: ROOT,
    lists: listPathSet(ROOT, [...NODE_KINDS, ...OTHER_LISTS]),
    read: ({ name, doc, source }) => {
        const node = doc.node;
        const line = doc.line;
        return [
            {
                apiName: name,
                label: text(node, 'label'),
                processType: text(node, 'processType'),
                status: text(node, 'status'),
                variables: children(node, 'variables').map((v) => variable(v, line)),
                routeWorks: children(node, 'actionCalls')
                    .filter((a) => text(a, 'actionType') === 'routeWork')
                    .map((a) => routeWork(a, line)),
                recordUpdates: children(node, 'recordUpdates').map((u) => recordUpdate(u, line)),
                recordLookups: children(node, 'recordLookups').map((l) => recordLookup(l, line)),
                executionOrder: executionOrder(node),
                graph: flowGraph(node),
                source
            }
        ];
    }
};

/** What the reader keeps from a FlowDefinition: which version is active (0 or absent: none said). */
export interface FlowDefinitionInfo {
    name: string;
    activeVersionNumber?: number;
}

export const FLOW_DEFINITION: TypeSpec<FlowDefinitionInfo> = {
    type: 'FlowDefinition',
    directory: 'flowDefinitions',
    suffix: 'flowDefinition',
    root: 'FlowDefinition',
    lists: new Set(),
    read: ({ name, doc }) => [{ name, activeVersionNumber: num(doc.node, 'activeVersionNumber') }]
};

/**
 * A definition with an active version means the flow is active in the org, whatever version the file
 * holds; with `activeVersionNumber` 0 or absent it says nothing, so the flow's own status stands.
 */
export function applyFlowDefinitions(flows: Flow[], definitions: FlowDefinitionInfo[]): Flow[] {
    const active = new Set(definitions.filter((d) => (d.activeVersionNumber ?? 0) > 0).map((d) => d.name));
    return flows.map((f) => (active.has(f.apiName) ? { ...f, status: 'Active' } : f));
}

function elementName(node: XmlNode, kind: string, line: number): string {
    return required(text(node, 'name'), `${kind}/name`, line);
}

function variable(node: XmlNode, line: number): FlowVariable {
    return {
        name: elementName(node, 'variables', line),
        dataType: text(node, 'dataType'),
        isInput: bool(node, 'isInput') ?? false,
        isOutput: bool(node, 'isOutput'),
        isCollection: bool(node, 'isCollection'),
        objectType: text(node, 'objectType'),
        hasDefaultValue: flowValue(child(node, 'value')) !== undefined
    };
}

function routeWork(node: XmlNode, line: number): FlowRouteWork {
    const inputs: Record<string, FlowValue> = {};
    for (const parameter of children(node, 'inputParameters')) {
        const name = text(parameter, 'name');
        const value = flowValue(child(parameter, 'value'));
        // Parameters left blank in Flow Builder have no value; they carry no routing decision.
        if (name !== undefined && value !== undefined) inputs[name] = value;
    }
    const routeWork: FlowRouteWork = { name: elementName(node, 'actionCalls', line), inputs };
    const version = text(node, 'versionString') ?? text(node, 'versionSegment');
    if (version !== undefined) routeWork.version = version;
    return routeWork;
}

/** A literal or reference; undefined when none of the kinds the snapshot models is present. */
function flowValue(node: XmlNode | undefined): FlowValue | undefined {
    if (!node) return undefined;
    const value: FlowValue = {};
    const stringValue = text(node, 'stringValue');
    const elementReference = text(node, 'elementReference');
    const booleanValue = bool(node, 'booleanValue');
    const numberValue = num(node, 'numberValue');
    const setupReference = text(node, 'setupReference');
    if (setupReference !== undefined) value.setupReference = setupReference;
    if (stringValue !== undefined) value.stringValue = stringValue;
    if (elementReference !== undefined) value.elementReference = elementReference;
    if (booleanValue !== undefined) value.booleanValue = booleanValue;
    if (numberValue !== undefined) value.numberValue = numberValue;
    return Object.keys(value).length > 0 ? value : undefined;
}

function recordUpdate(node: XmlNode, line: number): FlowRecordUpdate {
    return {
        name: elementName(node, 'recordUpdates', line),
        object: text(node, 'object'),
        inputReference: text(node, 'inputReference'),
        fields: children(node, 'inputAssignments')
            .map((a) => text(a, 'field'))
            .filter((f): f is string => f !== undefined)
    };
}

function recordLookup(node: XmlNode, line: number): FlowRecordLookup {
    const lookup: FlowRecordLookup = { name: elementName(node, 'recordLookups', line), object: text(node, 'object') };
    const filters = children(node, 'filters')
        .map(recordFilter)
        .filter((f): f is FlowRecordFilter => f !== undefined);
    if (filters.length > 0) lookup.filters = filters;
    const outputReference = text(node, 'outputReference');
    if (outputReference !== undefined) lookup.outputReference = outputReference;
    const assignments = children(node, 'outputAssignments')
        .map(outputAssignment)
        .filter((a): a is FlowOutputAssignment => a !== undefined);
    if (assignments.length > 0) lookup.outputAssignments = assignments;
    return lookup;
}

function recordFilter(node: XmlNode): FlowRecordFilter | undefined {
    const field = text(node, 'field');
    if (field === undefined) return undefined;
    const filter: FlowRecordFilter = { field };
    const operator = text(node, 'operator');
    if (operator !== undefined) filter.operator = operator;
    const value = flowValue(child(node, 'value'));
    if (value !== undefined) filter.value = value;
    return filter;
}

function outputAssignment(node: XmlNode): FlowOutputAssignment | undefined {
    const field = text(node, 'field');
    const assignToReference = text(node, 'assignToReference');
    return field !== undefined && assignToReference !== undefined ? { field, assignToReference } : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Execution order
// ---------------------------------------------------------------------------------------------------------

/**
 * Element names reachable from `start`, breadth-first, each once. Per element the normal path comes
 * first (connector, default outcome, decision outcomes, loop and wait paths) and the fault path last,
 * so the list reads as "what runs" before "what runs when something fails".
 */
export function executionOrder(flow: XmlNode): string[] {
    const elements = new Map<string, XmlNode>();
    for (const kind of NODE_KINDS) {
        for (const element of children(flow, kind)) {
            const name = text(element, 'name');
            if (name !== undefined && !elements.has(name)) elements.set(name, element);
        }
    }
    const start = child(flow, 'start');
    // Flows saved before API 44 have no <start>; they name their first element instead.
    const queue = start ? successors(start) : [text(flow, 'startElementReference')];
    const order: string[] = [];
    const seen = new Set<string>();
    while (queue.length > 0) {
        const name = queue.shift();
        if (name === undefined || seen.has(name)) continue;
        const element = elements.get(name);
        if (!element) continue; // a dangling connector: nothing to run
        seen.add(name);
        order.push(name);
        queue.push(...successors(element));
    }
    return order;
}

function successors(element: XmlNode): (string | undefined)[] {
    return [
        target(element, 'connector'),
        target(element, 'defaultConnector'),
        ...children(element, 'rules').map((r) => target(r, 'connector')),
        target(element, 'nextValueConnector'),
        target(element, 'noMoreValuesConnector'),
        ...children(element, 'waitEvents').map((w) => target(w, 'connector')),
        ...children(element, 'scheduledPaths').map((p) => target(p, 'connector')),
        target(element, 'timeoutConnector'),
        target(element, 'faultConnector')
    ];
}

function target(node: XmlNode, connector: string): string | undefined {
    return text(child(node, connector), 'targetReference');
}

// ---------------------------------------------------------------------------------------------------------
// Connector graph
// ---------------------------------------------------------------------------------------------------------

/** Every element with its exits, so a check can walk each path from Start (not only the main one). */
export function flowGraph(flow: XmlNode): FlowGraph {
    const start = child(flow, 'start');
    const nodes: FlowNode[] = [];
    for (const kind of NODE_KINDS) {
        for (const element of children(flow, kind)) {
            const name = text(element, 'name');
            if (name !== undefined) nodes.push(flowNode(element, kind, name));
        }
    }
    return { startTarget: start ? target(start, 'connector') : text(flow, 'startElementReference'), nodes };
}

function flowNode(element: XmlNode, kind: string, name: string): FlowNode {
    const node: FlowNode = { name, label: text(element, 'label'), kind, exits: exits(element, kind) };
    if (kind === 'actionCalls') node.actionType = text(element, 'actionType');
    if (kind === 'assignments') {
        node.assignedVariables = children(element, 'assignmentItems')
            .map((i) => text(i, 'assignToReference'))
            .filter((v): v is string => v !== undefined);
    }
    return node;
}

/**
 * The ways out of an element. A decision's default outcome and a loop's "after last item" are exits even when
 * unconnected (the path ends there); a fault path counts only when connected (unconnected, an error goes to
 * the fallback queue). Other elements have one normal exit, ending the path when unconnected.
 */
function exits(element: XmlNode, kind: string): FlowExit[] {
    const out: FlowExit[] = [];
    const add = (exitKind: string, label: string | undefined, to: string | undefined): void => {
        const exit: FlowExit = { kind: exitKind };
        if (label !== undefined) exit.label = label;
        if (to !== undefined) exit.target = to;
        out.push(exit);
    };
    if (kind === 'decisions' || kind === 'waits') {
        for (const rule of children(element, kind === 'decisions' ? 'rules' : 'waitEvents')) {
            add(
                kind === 'decisions' ? 'outcome' : 'wait',
                text(rule, 'label') ?? text(rule, 'name'),
                target(rule, 'connector')
            );
        }
        add('default', text(element, 'defaultConnectorLabel'), target(element, 'defaultConnector'));
    } else if (kind === 'loops') {
        add('loopNext', undefined, target(element, 'nextValueConnector'));
        add('loopEnd', undefined, target(element, 'noMoreValuesConnector'));
    } else {
        add('next', undefined, target(element, 'connector'));
    }
    const timeout = target(element, 'timeoutConnector');
    if (timeout !== undefined) add('timeout', undefined, timeout);
    const fault = target(element, 'faultConnector');
    if (fault !== undefined) add('fault', undefined, fault);
    return out;
}
