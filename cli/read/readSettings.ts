/*
 * Settings files the checks use: settings/OmniChannel, settings/LiveMessage and settings/BusinessHours.
 * They share a folder and suffix, so each spec reads one file name; other settings files are ignored.
 */
import type {
    BusinessHours,
    LiveMessageSettings,
    OmniChannelSettings
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { required } from './readSupport';
import type { TypeSpec } from './typeSpec';
import { bool, children, listPathSet, text } from './xmlDocument';

export const OMNI_CHANNEL_SETTINGS: TypeSpec<OmniChannelSettings> = {
    type: 'Settings',
    directory: 'settings',
    suffix: 'settings',
    member: 'OmniChannel',
    root: 'OmniChannelSettings',
    lists: new Set(),
    read: ({ doc, source }) => [
        {
            enableOmniChannel: bool(doc.node, 'enableOmniChannel'),
            enableOmniStatusCapModel: bool(doc.node, 'enableOmniStatusCapModel'),
            enableOmniSkillsRouting: bool(doc.node, 'enableOmniSkillsRouting'),
            enableOmniSecondaryRoutingPriority: bool(doc.node, 'enableOmniSecondaryRoutingPriority'),
            enableOmniAutoLoginPrompt: bool(doc.node, 'enableOmniAutoLoginPrompt'),
            source
        }
    ]
};

export const LIVE_MESSAGE_SETTINGS: TypeSpec<LiveMessageSettings> = {
    type: 'Settings',
    directory: 'settings',
    suffix: 'settings',
    member: 'LiveMessage',
    root: 'LiveMessageSettings',
    lists: new Set(),
    read: ({ doc, source }) => [{ enableLiveMessage: bool(doc.node, 'enableLiveMessage'), source }]
};

export const BUSINESS_HOURS_SETTINGS: TypeSpec<BusinessHours> = {
    type: 'Settings',
    directory: 'settings',
    suffix: 'settings',
    member: 'BusinessHours',
    root: 'BusinessHoursSettings',
    lists: listPathSet('BusinessHoursSettings', ['businessHours', 'holidays']),
    // One file holds every business-hours record; each entry becomes an item.
    read: ({ doc, source }) =>
        children(doc.node, 'businessHours').map((entry) => ({
            name: required(text(entry, 'name'), 'businessHours/name', doc.line),
            timeZoneId: text(entry, 'timeZoneId'),
            isActive: bool(entry, 'active'),
            isDefault: bool(entry, 'default'),
            source
        }))
};
