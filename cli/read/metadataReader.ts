/*
 * The CLI's metadata reader: a retrieved metadata folder (SFDX source or Metadata API format) in, an
 * OrgSnapshot out. It never stops at a bad file: unreadable files become `problems`, their section is
 * marked `error`, and everything else is still read. Only a missing folder is an input error.
 */
import * as fs from 'node:fs';
import {
    emptySnapshot,
    missingSection,
    readSection,
    type OrgSnapshot,
    type Section,
    type SnapshotSectionName
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { readManifests } from './manifest';
import { CUSTOM_APPLICATION } from './readApps';
import { MESSAGING_CHANNEL } from './readChannels';
import { EMBEDDED_SERVICE_CONFIG, LEGACY_CHAT_SPECS } from './readDeployments';
import { FLEXI_PAGE } from './readFlexiPages';
import { applyFlowDefinitions, FLOW, FLOW_DEFINITION } from './readFlows';
import {
    PRESENCE_USER_CONFIG,
    QUEUE,
    QUEUE_ROUTING_CONFIG,
    SERVICE_CHANNEL,
    SERVICE_PRESENCE_STATUS
} from './readOmni';
import { PERMISSION_SET } from './readPermissionSets';
import { readSessionAutomation, readSessionRecordRules } from './readSessionRecords';
import { BUSINESS_HOURS_SETTINGS, LIVE_MESSAGE_SETTINGS, OMNI_CHANNEL_SETTINGS } from './readSettings';
import { CORS_WHITELIST_ORIGIN, CSP_TRUSTED_SITE } from './readTrustedSites';
import { absentFolderReason, combine, readType, toSection, type ReadContext, type TypeRead } from './sectionReader';
import { scanSourceTree } from './sourceTree';
import type { TypeSpec } from './typeSpec';

/** The folder to read does not exist or is not a folder: a usage error (exit code 2), not a finding. */
export class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'InputError';
    }
}

const AGENTS_REASON = 'user assignments are data, not metadata: run the check in the org';
const SESSION_SIGNALS_REASON = 'live session data exists only in the org';

export function readMetadataFolder(rootDir: string): OrgSnapshot {
    assertFolder(rootDir);
    const snapshot = emptySnapshot({ kind: 'metadata', label: rootDir });
    const tree = scanSourceTree(rootDir);
    readSections(snapshot, {
        tree,
        manifest: readManifests(tree.manifests, snapshot.problems),
        rootLabel: rootDir,
        problems: snapshot.problems
    });
    return snapshot;
}

/** A metadata type the reader reads and the members it reads: every one (`*`) or the named ones (Settings). */
export interface ReadType {
    type: string;
    members: readonly string[];
}

/**
 * Every metadata type the reader reads, sorted by type name: what a retrieve must ask for so that every
 * section is complete (`miaw-readiness manifest`, manifest/miaw.xml). Listed by running the reader over an
 * empty folder and noting each type it asks for, so the list cannot drift from the reader.
 */
export const READ_TYPES: readonly ReadType[] = listReadTypes();

function listReadTypes(): ReadType[] {
    const members = new Map<string, Set<string>>();
    readSections(emptySnapshot({ kind: 'metadata', label: '' }), {
        tree: { files: [], folders: new Set(), manifests: [] },
        manifest: new Map(),
        rootLabel: '',
        problems: [],
        onType: (entry) => {
            const listed = members.get(entry.type) ?? new Set<string>();
            entry.members.forEach((m) => listed.add(m));
            members.set(entry.type, listed);
        }
    });
    return [...members]
        .map(([type, names]) => ({ type, members: [...names].sort() }))
        .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}

/** Fills every section of `snapshot` from the scanned tree. */
function readSections(snapshot: OrgSnapshot, ctx: ReadContext): void {
    snapshot.omniChannelSettings = readOne(ctx, 'omniChannelSettings', OMNI_CHANNEL_SETTINGS);
    snapshot.liveMessageSettings = readOne(ctx, 'liveMessageSettings', LIVE_MESSAGE_SETTINGS);
    snapshot.businessHours = readOne(ctx, 'businessHours', BUSINESS_HOURS_SETTINGS);
    snapshot.messagingChannels = readOne(ctx, 'messagingChannels', MESSAGING_CHANNEL);

    const deployments = readType(ctx, 'deployments', EMBEDDED_SERVICE_CONFIG);
    snapshot.deployments = toSection(
        deployments,
        absentFolderReason(ctx, EMBEDDED_SERVICE_CONFIG, deployments.folderSeen)
    );
    snapshot.legacyChat = readLegacyChat(ctx, deployments.fileCount > 0 || deployments.listed);

    snapshot.corsEntries = readOne(ctx, 'corsEntries', CORS_WHITELIST_ORIGIN);
    snapshot.cspTrustedSites = readOne(ctx, 'cspTrustedSites', CSP_TRUSTED_SITE);
    snapshot.serviceChannels = readOne(ctx, 'serviceChannels', SERVICE_CHANNEL);
    snapshot.presenceStatuses = readOne(ctx, 'presenceStatuses', SERVICE_PRESENCE_STATUS);
    snapshot.presenceConfigs = readOne(ctx, 'presenceConfigs', PRESENCE_USER_CONFIG);
    snapshot.routingConfigs = readOne(ctx, 'routingConfigs', QUEUE_ROUTING_CONFIG);
    snapshot.queues = readOne(ctx, 'queues', QUEUE);
    snapshot.flows = readFlows(ctx);
    snapshot.permissionSets = readOne(ctx, 'permissionSets', PERMISSION_SET);
    snapshot.flexiPages = readOne(ctx, 'flexiPages', FLEXI_PAGE);
    snapshot.sessionRecordRules = readSessionRecordRules(ctx);
    snapshot.sessionAutomation = readSessionAutomation(ctx);
    snapshot.lightningApps = readOne(ctx, 'lightningApps', CUSTOM_APPLICATION);

    snapshot.agents = missingSection('not_in_source', AGENTS_REASON);
    snapshot.sessionSignals = missingSection('not_in_source', SESSION_SIGNALS_REASON);
}

function assertFolder(rootDir: string): void {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(rootDir);
    } catch {
        throw new InputError(
            `metadata folder not found: ${rootDir}. Pass an SFDX source folder (e.g. force-app) or a folder ` +
                'retrieved in Metadata API format (the one holding package.xml).'
        );
    }
    if (!stat.isDirectory()) {
        throw new InputError(
            `${rootDir} is a file, not a folder. Pass the folder that holds the metadata (e.g. force-app, or ` +
                'the unzipped retrieve folder with package.xml).'
        );
    }
}

function readOne<T>(ctx: ReadContext, section: SnapshotSectionName, spec: TypeSpec<T>): Section<T> {
    const read = readType(ctx, section, spec);
    return toSection(read, absentFolderReason(ctx, spec, read.folderSeen));
}

/**
 * Legacy chat has no single folder. When none of its folders exists, a deployment folder is enough
 * evidence that Embedded Service metadata was retrieved, so "no legacy artifacts" is a complete answer.
 */
function readLegacyChat(ctx: ReadContext, deploymentsRetrieved: boolean) {
    const read = combine(LEGACY_CHAT_SPECS.map((spec) => readType(ctx, 'legacyChat', spec)));
    if (read.fileCount === 0 && !read.listed && deploymentsRetrieved) return readSection(read.items);
    const folders = LEGACY_CHAT_SPECS.map((s) => `${s.directory}/`);
    const reason = `no ${folders.slice(0, -1).join(', ')} or ${folders[folders.length - 1]} folder under ${ctx.rootLabel}`;
    return toSection(read, reason);
}

/** Flows, with the active version from flowDefinitions/ applied when a definition names one. */
function readFlows(ctx: ReadContext) {
    const flows = readType(ctx, 'flows', FLOW);
    const definitions = readType(ctx, 'flows', FLOW_DEFINITION);
    const merged: TypeRead<(typeof flows.items)[number]> = {
        ...flows,
        items: applyFlowDefinitions(flows.items, definitions.items),
        // A definition that could not be read leaves a flow's status in doubt: the section says so.
        failed: [...flows.failed, ...definitions.failed]
    };
    return toSection(merged, absentFolderReason(ctx, FLOW, flows.folderSeen));
}
