/* CustomApplication: the Lightning apps agents may work in and the utility bar page each one uses (AG-08). */
import type { LightningApp } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { TypeSpec } from './typeSpec';
import { bool, text } from './xmlDocument';

/** Classic apps (uiType Aloha) have no utility bar and are not where agents take chats. */
const CLASSIC_UI = 'Aloha';

export const CUSTOM_APPLICATION: TypeSpec<LightningApp> = {
    type: 'CustomApplication',
    directory: 'applications',
    suffix: 'app',
    root: 'CustomApplication',
    // The Service Console is a standard app: named, because a wildcard may not bring standard apps.
    manifestMembers: ['*', 'standard__LightningService'],
    lists: new Set(),
    read: ({ name, doc, source }) => {
        if (text(doc.node, 'uiType') === CLASSIC_UI) return [];
        return [
            {
                name,
                label: text(doc.node, 'label'),
                navType: text(doc.node, 'navType'),
                utilityBar: text(doc.node, 'utilityBar'),
                isOmniPinnedViewEnabled: bool(doc.node, 'isOmniPinnedViewEnabled'),
                source
            }
        ];
    }
};
