/*
 * The folder-level behaviour a user notices: which layouts are found, what each section claims when a
 * type is absent, and that a bad file is reported without hiding the rest.
 */
import * as path from 'node:path';
import { SNAPSHOT_SECTIONS } from '../../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { InputError, readMetadataFolder } from '../metadataReader';
import { metadataFolder, metadataXml, removeMetadataFolders, SRC } from './fixtureFolder';

afterAll(removeMetadataFolders);

const CHANNEL = metadataXml(
    'MessagingChannel',
    `<masterLabel>Web Chat</masterLabel>
    <messagingChannelType>EmbeddedMessaging</messagingChannelType>
    <sessionHandlerQueue>Support</sessionHandlerQueue>
    <sessionHandlerType>Queue</sessionHandlerType>`
);
const QUEUE = metadataXml(
    'Queue',
    `<name>Support</name>
    <queueRoutingConfig>Messaging_Routing</queueRoutingConfig>
    <queueSobject>
        <sobjectType>MessagingSession</sobjectType>
    </queueSobject>`
);
const OMNI = metadataXml('OmniChannelSettings', '<enableOmniChannel>true</enableOmniChannel>');

describe('readMetadataFolder: input', () => {
    it('throws InputError naming the path when the folder does not exist', () => {
        const missing = path.join(metadataFolder({}), 'no-such-folder');
        expect(() => readMetadataFolder(missing)).toThrow(InputError);
        expect(() => readMetadataFolder(missing)).toThrow(`metadata folder not found: ${missing}`);
        expect(() => readMetadataFolder(missing)).toThrow(/Pass an SFDX source folder/);
    });

    it('throws InputError when given a file instead of a folder', () => {
        const root = metadataFolder({ 'package.xml': '<Package/>' });
        const file = path.join(root, 'package.xml');
        expect(() => readMetadataFolder(file)).toThrow(`${file} is a file, not a folder`);
    });

    it('records the folder as given and never claims agents or live sessions', () => {
        const root = metadataFolder({});
        const snapshot = readMetadataFolder(root);
        expect(snapshot.origin).toEqual({ kind: 'metadata', label: root });
        expect(snapshot.agents).toEqual({
            state: 'not_in_source',
            reason: 'user assignments are data, not metadata: run the check in the org',
            items: []
        });
        expect(snapshot.sessionSignals).toEqual({
            state: 'not_in_source',
            reason: 'live session data exists only in the org',
            items: []
        });
    });

    it('marks every section not_in_source with the missing folder for an empty folder', () => {
        const root = metadataFolder({});
        const snapshot = readMetadataFolder(root);
        for (const name of SNAPSHOT_SECTIONS) expect(snapshot[name].state).toBe('not_in_source');
        expect(snapshot.messagingChannels.reason).toBe(`no messagingChannels/ folder under ${root}`);
        expect(snapshot.omniChannelSettings.reason).toBe(`no settings/ folder under ${root}`);
        expect(snapshot.problems).toEqual([]);
    });
});

describe('readMetadataFolder: SFDX source layout', () => {
    const files = {
        [`${SRC}/messagingChannels/Web_Chat.messagingChannel-meta.xml`]: CHANNEL,
        [`${SRC}/queues/Support.queue-meta.xml`]: QUEUE,
        [`${SRC}/settings/OmniChannel.settings-meta.xml`]: OMNI
    };

    it.each([
        ['the project root', '.'],
        ['force-app', 'force-app'],
        ['main/default', SRC]
    ])('finds the package folder when given %s', (_label, sub) => {
        const root = metadataFolder(files);
        const snapshot = readMetadataFolder(path.join(root, sub));
        expect(snapshot.messagingChannels.items.map((c) => c.developerName)).toEqual(['Web_Chat']);
        expect(snapshot.queues.state).toBe('read');
        expect(snapshot.omniChannelSettings.items[0].enableOmniChannel).toBe(true);
        // Source paths are relative to the folder given, with forward slashes.
        const prefix = sub === '.' ? `${SRC}/` : sub === 'force-app' ? 'main/default/' : '';
        expect(snapshot.queues.items[0].source).toEqual({ file: `${prefix}queues/Support.queue-meta.xml`, line: 2 });
    });

    it('reads every package directory of a multi-package project', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/queues/Support.queue-meta.xml`]: QUEUE,
                'messaging-app/main/default/messagingChannels/Web_Chat.messagingChannel-meta.xml': CHANNEL
            })
        );
        expect(snapshot.messagingChannels.items[0].source?.file).toBe(
            'messaging-app/main/default/messagingChannels/Web_Chat.messagingChannel-meta.xml'
        );
        expect(snapshot.queues.items).toHaveLength(1);
    });

    it('skips node_modules and dot-folders', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                'node_modules/some-pkg/force-app/queues/Other.queue-meta.xml': QUEUE,
                '.sfdx/tools/queues/Cached.queue-meta.xml': QUEUE,
                [`${SRC}/queues/Support.queue-meta.xml`]: QUEUE
            })
        );
        expect(snapshot.queues.items.map((q) => q.developerName)).toEqual(['Support']);
    });

    it('says an existing type folder without matching files is not evidence of "none"', () => {
        const root = metadataFolder({ [`${SRC}/queues/README.md`]: 'notes' });
        expect(readMetadataFolder(root).queues).toEqual({
            state: 'not_in_source',
            reason: `queues/ folder under ${root} holds no .queue files`,
            items: []
        });
    });

    it('ignores a project manifest/package.xml: it lists what could be retrieved, not what is here', () => {
        const root = metadataFolder({
            'sfdx-project.json': '{"packageDirectories":[{"path":"force-app","default":true}]}',
            'manifest/package.xml': metadataXml(
                'Package',
                '<types><members>*</members><name>MessagingChannel</name></types><version>65.0</version>'
            ),
            [`${SRC}/queues/Support.queue-meta.xml`]: QUEUE
        });
        expect(readMetadataFolder(root).messagingChannels.state).toBe('not_in_source');
    });
});

describe('readMetadataFolder: Metadata API layout', () => {
    const packageXml = metadataXml(
        'Package',
        `<types>
        <members>*</members>
        <name>MessagingChannel</name>
    </types>
    <types>
        <members>*</members>
        <name>CspTrustedSite</name>
    </types>
    <types>
        <members>OmniChannel</members>
        <members>LiveMessage</members>
        <name>Settings</name>
    </types>
    <types>
        <members>Support</members>
        <name>Queue</name>
    </types>
    <version>65.0</version>`
    );

    it('reads files without -meta.xml next to package.xml', () => {
        const root = metadataFolder({
            'unpackaged/package.xml': packageXml,
            'unpackaged/messagingChannels/Web_Chat.messagingChannel': CHANNEL,
            'unpackaged/queues/Support.queue': QUEUE,
            'unpackaged/settings/OmniChannel.settings': OMNI,
            'unpackaged/flows/Route.flow': metadataXml(
                'Flow',
                '<processType>RoutingFlow</processType><status>Active</status>'
            )
        });
        const snapshot = readMetadataFolder(root);
        expect(snapshot.problems).toEqual([]);
        expect(snapshot.messagingChannels.items[0].source).toEqual({
            file: 'unpackaged/messagingChannels/Web_Chat.messagingChannel',
            line: 2
        });
        expect(snapshot.queues.items.map((q) => q.developerName)).toEqual(['Support']);
        expect(snapshot.omniChannelSettings.items).toHaveLength(1);
        expect(snapshot.flows.items.map((f) => f.apiName)).toEqual(['Route']);
    });

    it('marks a type package.xml asked for but the retrieve did not return as read and empty', () => {
        const root = metadataFolder({
            'unpackaged/package.xml': packageXml,
            'unpackaged/queues/Support.queue': QUEUE
        });
        const snapshot = readMetadataFolder(root);
        expect(snapshot.cspTrustedSites).toEqual({ state: 'read', items: [] });
        expect(snapshot.messagingChannels).toEqual({ state: 'read', items: [] });
        expect(snapshot.liveMessageSettings).toEqual({ state: 'read', items: [] });
        // Not asked for: unknown.
        expect(snapshot.corsEntries.state).toBe('not_in_source');
        expect(snapshot.businessHours.state).toBe('not_in_source');
        expect(snapshot.businessHours.reason).toBe(`no settings/ folder under ${root}`);
    });

    it('only takes bare-suffix files from their own type folder', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({ 'unpackaged/package.xml': packageXml, 'unpackaged/docs/notes.queue': QUEUE })
        );
        expect(snapshot.queues).toEqual({ state: 'read', items: [] });
    });

    it('reports a malformed package.xml and still reads the files', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                'unpackaged/package.xml': '<Package><types><name>Queue</name></Package>',
                'unpackaged/queues/Support.queue': QUEUE
            })
        );
        expect(snapshot.problems).toEqual([
            { file: 'unpackaged/package.xml', line: 1, message: expect.stringContaining('malformed XML') }
        ]);
        expect(snapshot.queues.state).toBe('read');
    });
});

describe('readMetadataFolder: unreadable files', () => {
    it('reports malformed XML with path and line, marks the section, keeps the good items and other sections', () => {
        const root = metadataFolder({
            [`${SRC}/messagingChannels/Web_Chat.messagingChannel-meta.xml`]: CHANNEL,
            [`${SRC}/messagingChannels/Broken.messagingChannel-meta.xml`]:
                '<?xml version="1.0" encoding="UTF-8"?>\n<MessagingChannel>\n    <masterLabel>Broken</masterLabel>\n    <sessionHandlerType>Queue</sessionHandlerTyp>\n</MessagingChannel>\n',
            [`${SRC}/queues/Support.queue-meta.xml`]: QUEUE
        });
        const snapshot = readMetadataFolder(root);
        expect(snapshot.problems).toEqual([
            {
                file: `${SRC}/messagingChannels/Broken.messagingChannel-meta.xml`,
                line: 4,
                section: 'messagingChannels',
                message: expect.stringMatching(/^malformed XML: .*sessionHandlerType/)
            }
        ]);
        expect(snapshot.messagingChannels.state).toBe('error');
        expect(snapshot.messagingChannels.reason).toBe(
            `1 file(s) could not be read: ${SRC}/messagingChannels/Broken.messagingChannel-meta.xml (see problems)`
        );
        expect(snapshot.messagingChannels.items.map((c) => c.developerName)).toEqual(['Web_Chat']);
        expect(snapshot.queues.state).toBe('read');
    });

    it('reports a file whose root element is not its type', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/queues/Support.queue-meta.xml`]: metadataXml('QueueRoutingConfig', '<label>x</label>')
            })
        );
        expect(snapshot.problems).toEqual([
            {
                file: `${SRC}/queues/Support.queue-meta.xml`,
                line: 2,
                section: 'queues',
                message: 'expected root element <Queue>, found <QueueRoutingConfig>'
            }
        ]);
        expect(snapshot.queues).toMatchObject({ state: 'error', items: [] });
    });

    it('reports a missing required value naming the element, and skips dot-files', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/corsWhitelistOrigins/Site.corsWhitelistOrigin-meta.xml`]: metadataXml(
                    'CorsWhitelistOrigin',
                    '<description>no pattern</description>'
                ),
                [`${SRC}/flows/.flow-meta.xml`]: metadataXml('Flow', '<status>Active</status>'),
                [`${SRC}/flows/Ok.flow-meta.xml`]: metadataXml('Flow', '<status>Active</status>'),
                [`${SRC}/flows/NoVarName.flow-meta.xml`]: metadataXml(
                    'Flow',
                    '<variables><dataType>String</dataType><isInput>true</isInput></variables>'
                )
            })
        );
        expect(snapshot.problems).toEqual([
            {
                file: `${SRC}/corsWhitelistOrigins/Site.corsWhitelistOrigin-meta.xml`,
                line: 2,
                section: 'corsEntries',
                message: 'missing required <urlPattern>'
            },
            {
                file: `${SRC}/flows/NoVarName.flow-meta.xml`,
                line: 2,
                section: 'flows',
                message: 'missing required <variables/name>'
            }
        ]);
        // `.flow-meta.xml` starts with a dot: like any dot-file it is not metadata and is skipped.
        expect(snapshot.flows.items.map((f) => f.apiName)).toEqual(['Ok']);
        expect(snapshot.flows.reason).toBe(
            `1 file(s) could not be read: ${SRC}/flows/NoVarName.flow-meta.xml (see problems)`
        );
    });

    it('counts an unreadable flow definition against the flows section', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/flows/Route.flow-meta.xml`]: metadataXml('Flow', '<status>Draft</status>'),
                [`${SRC}/flowDefinitions/Route.flowDefinition-meta.xml`]: '<FlowDefinition><activeVersionNumber>2'
            })
        );
        expect(snapshot.flows.state).toBe('error');
        expect(snapshot.flows.items.map((f) => [f.apiName, f.status])).toEqual([['Route', 'Draft']]);
        expect(snapshot.problems[0]).toMatchObject({
            file: `${SRC}/flowDefinitions/Route.flowDefinition-meta.xml`,
            section: 'flows'
        });
    });

    it('lists the first three failed files and counts the rest', () => {
        const broken = Object.fromEntries(
            ['A', 'B', 'C', 'D', 'E'].map((n) => [`${SRC}/queues/${n}.queue-meta.xml`, '<Queue>'])
        );
        const snapshot = readMetadataFolder(metadataFolder(broken));
        expect(snapshot.queues.reason).toBe(
            `5 file(s) could not be read: ${SRC}/queues/A.queue-meta.xml, ${SRC}/queues/B.queue-meta.xml, ` +
                `${SRC}/queues/C.queue-meta.xml and 2 more (see problems)`
        );
        expect(snapshot.problems).toHaveLength(5);
    });

    it('reads a file with a byte-order mark and a comment before the root', () => {
        const root = metadataFolder({
            [`${SRC}/settings/LiveMessage.settings-meta.xml`]:
                '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- Messaging must be on first. -->\n<LiveMessageSettings xmlns="http://soap.sforce.com/2006/04/metadata">\n    <enableLiveMessage>true</enableLiveMessage>\n</LiveMessageSettings>\n'
        });
        const snapshot = readMetadataFolder(root);
        expect(snapshot.liveMessageSettings.items).toEqual([
            { enableLiveMessage: true, source: { file: `${SRC}/settings/LiveMessage.settings-meta.xml`, line: 3 } }
        ]);
    });
});
