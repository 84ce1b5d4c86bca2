/* PermissionSet: enabled user permissions, presence-status access and object permissions. */
import type { ObjectPermission, PermissionSet } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { required } from './readSupport';
import type { TypeSpec } from './typeSpec';
import { bool, children, listPathSet, text, type XmlNode } from './xmlDocument';

const ROOT = 'PermissionSet';

/*
 * The reference spells the presence element `ServicePresenceStatusAccesses`; real exports write
 * `servicePresenceStatusAccesses`. XML is case-sensitive, so both are read.
 */
const PRESENCE_ELEMENTS = ['servicePresenceStatusAccesses', 'ServicePresenceStatusAccesses'];

export const PERMISSION_SET: TypeSpec<PermissionSet> = {
    type: 'PermissionSet',
    directory: 'permissionsets',
    suffix: 'permissionset',
    root: ROOT,
    lists: listPathSet(ROOT, [
        'agentAccesses',
        'applicationVisibilities',
        'classAccesses',
        'customMetadataTypeAccesses',
        'customPermissions',
        'customSettingAccesses',
        'fieldPermissions',
        'flowAccesses',
        'objectPermissions',
        'pageAccesses',
        'recordTypeVisibilities',
        'tabSettings',
        'userPermissions',
        ...PRESENCE_ELEMENTS
    ]),
    read: ({ name, doc, source }) => {
        const node = doc.node;
        return [
            {
                name,
                label: text(node, 'label'),
                // `userLicense` is the pre-API-38 spelling of `license`.
                license: text(node, 'license') ?? text(node, 'userLicense'),
                userPermissions: children(node, 'userPermissions')
                    .filter((p) => bool(p, 'enabled') === true)
                    .map((p) => text(p, 'name'))
                    .filter((n): n is string => n !== undefined),
                presenceStatusAccesses: PRESENCE_ELEMENTS.flatMap((element) => children(node, element))
                    // An access entry grants the status unless it says enabled=false.
                    .filter((a) => bool(a, 'enabled') !== false)
                    .map((a) => text(a, 'servicePresenceStatus'))
                    .filter((s): s is string => s !== undefined),
                objectPermissions: children(node, 'objectPermissions').map((p) => objectPermission(p, doc.line)),
                source
            }
        ];
    }
};

function objectPermission(node: XmlNode, line: number): ObjectPermission {
    return {
        object: required(text(node, 'object'), 'objectPermissions/object', line),
        allowRead: bool(node, 'allowRead') ?? false,
        allowEdit: bool(node, 'allowEdit') ?? false,
        allowCreate: bool(node, 'allowCreate'),
        allowDelete: bool(node, 'allowDelete')
    };
}
