/*
 * Omni-Channel building blocks: service channels, presence statuses, presence configurations, routing
 * configurations and queues. Enum values are normalised to the SOQL picklist spelling the engine uses.
 */
import type {
    PresenceConfig,
    PresenceStatus,
    Queue,
    QueueMembers,
    RoutingConfig,
    ServiceChannel
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { normaliseCapacityModel, normaliseRoutingModel } from './readSupport';
import type { TypeSpec } from './typeSpec';
import { child, children, listPathSet, num, text, texts, type XmlNode } from './xmlDocument';

export const SERVICE_CHANNEL: TypeSpec<ServiceChannel> = {
    type: 'ServiceChannel',
    directory: 'serviceChannels',
    suffix: 'serviceChannel',
    root: 'ServiceChannel',
    lists: listPathSet('ServiceChannel', ['serviceChannelFieldPriorities']),
    read: ({ name, doc, source }) => [
        {
            developerName: name,
            label: text(doc.node, 'label'),
            // `<relatedEntityType xsi:nil="true"/>` is dropped by the parser, so it reads as undefined.
            relatedEntityType: text(doc.node, 'relatedEntityType'),
            capacityModel: normaliseCapacityModel(text(doc.node, 'capacityModel')),
            source
        }
    ]
};

export const SERVICE_PRESENCE_STATUS: TypeSpec<PresenceStatus> = {
    type: 'ServicePresenceStatus',
    directory: 'servicePresenceStatuses',
    suffix: 'servicePresenceStatus',
    root: 'ServicePresenceStatus',
    lists: listPathSet('ServicePresenceStatus', ['channels', 'channels.channel']),
    read: ({ name, doc, source }) => [
        {
            developerName: name,
            label: text(doc.node, 'label'),
            channels: children(doc.node, 'channels').flatMap((c) => texts(c, 'channel')),
            source
        }
    ]
};

export const PRESENCE_USER_CONFIG: TypeSpec<PresenceConfig> = {
    type: 'PresenceUserConfig',
    directory: 'presenceUserConfigs',
    suffix: 'presenceUserConfig',
    root: 'PresenceUserConfig',
    lists: listPathSet('PresenceUserConfig', [
        'assignments.users',
        'assignments.users.user',
        'assignments.profiles',
        'assignments.profiles.profile',
        'declineReasons'
    ]),
    read: ({ name, doc, source }) => {
        const assignments = child(doc.node, 'assignments');
        return [
            {
                developerName: name,
                label: text(doc.node, 'label'),
                capacity: num(doc.node, 'capacity'),
                interruptibleCapacity: num(doc.node, 'interruptibleCapacity'),
                assignedUsers: children(assignments, 'users').flatMap((u) => texts(u, 'user')),
                assignedProfiles: children(assignments, 'profiles').flatMap((p) => texts(p, 'profile')),
                source
            }
        ];
    }
};

export const QUEUE_ROUTING_CONFIG: TypeSpec<RoutingConfig> = {
    type: 'QueueRoutingConfig',
    directory: 'queueRoutingConfigs',
    suffix: 'queueRoutingConfig',
    root: 'QueueRoutingConfig',
    lists: listPathSet('QueueRoutingConfig', ['QueueRoutingConfigSkill']),
    read: ({ name, doc, source }) => [
        {
            developerName: name,
            label: text(doc.node, 'label'),
            routingModel: normaliseRoutingModel(text(doc.node, 'routingModel')),
            capacityWeight: num(doc.node, 'capacityWeight'),
            capacityPercentage: num(doc.node, 'capacityPercentage'),
            capacityType: text(doc.node, 'capacityType'),
            pushTimeout: num(doc.node, 'pushTimeout'),
            routingPriority: num(doc.node, 'routingPriority'),
            source
        }
    ]
};

const QUEUE_MEMBER_LISTS = [
    'users',
    'users.user',
    'publicGroups',
    'publicGroups.publicGroup',
    'roles',
    'roles.role',
    'roleAndSubordinates',
    'roleAndSubordinates.roleAndSubordinate',
    'roleAndSubordinatesInternal',
    'roleAndSubordinatesInternal.roleAndSubordinateInternal'
];

export const QUEUE: TypeSpec<Queue> = {
    type: 'Queue',
    directory: 'queues',
    suffix: 'queue',
    root: 'Queue',
    lists: listPathSet('Queue', [
        'queueSobject',
        'queueMembers',
        ...QUEUE_MEMBER_LISTS.map((p) => `queueMembers.${p}`)
    ]),
    read: ({ name, doc, source }) => [
        {
            developerName: name,
            name: text(doc.node, 'name'),
            queueRoutingConfig: text(doc.node, 'queueRoutingConfig'),
            sobjectTypes: children(doc.node, 'queueSobject')
                .map((s) => text(s, 'sobjectType'))
                .filter((t): t is string => t !== undefined),
            members: queueMembers(children(doc.node, 'queueMembers')),
            source
        }
    ]
};

/** `queueMembers` groups members by kind; each kind wraps its own repeated leaf (users/user, roles/role…). */
function queueMembers(groups: XmlNode[]): QueueMembers {
    const collect = (kind: string, leaf: string) =>
        groups.flatMap((g) => children(g, kind).flatMap((k) => texts(k, leaf)));
    return {
        users: collect('users', 'user'),
        publicGroups: collect('publicGroups', 'publicGroup'),
        roles: collect('roles', 'role'),
        // "Role, internal and subordinates" also expands to the role's users and its subordinates; the
        // portal users it leaves out cannot be agents, so for routing both kinds are the same.
        roleAndSubordinates: [
            ...collect('roleAndSubordinates', 'roleAndSubordinate'),
            ...collect('roleAndSubordinatesInternal', 'roleAndSubordinateInternal')
        ]
    };
}
