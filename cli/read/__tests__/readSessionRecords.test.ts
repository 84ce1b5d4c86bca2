/*
 * The record-side readers (OPS-03, OPS-04, AG-08) on small real-shaped folders: element names and values as
 * Salesforce writes CustomField, ValidationRule, ApexTrigger, record-triggered Flow, CustomApplication and
 * UtilityBar FlexiPage files (source format and Metadata API format).
 */
import { readMetadataFolder } from '../metadataReader';
import { parseTriggerHeader } from '../readSessionRecords';
import { metadataFolder, metadataXml, removeMetadataFolders, SRC } from './fixtureFolder';

afterAll(removeMetadataFolders);

const OBJECT_FILE = (name: string) => ({
    [`${SRC}/objects/${name}/${name}.object-meta.xml`]: metadataXml(
        'CustomObject',
        `
    <enableHistory>false</enableHistory>
    <sharingModel>ReadWrite</sharingModel>`
    )
});

const REQUIRED_TEXT_FIELD = metadataXml(
    'CustomField',
    `
    <fullName>Case_Reason__c</fullName>
    <externalId>false</externalId>
    <label>Case Reason</label>
    <length>255</length>
    <required>true</required>
    <trackTrending>false</trackTrending>
    <type>Text</type>
    <unique>false</unique>`
);

const REQUIRED_PICKLIST_WITH_DEFAULT = metadataXml(
    'CustomField',
    `
    <fullName>Region__c</fullName>
    <label>Region</label>
    <required>true</required>
    <type>Picklist</type>
    <valueSet>
        <restricted>true</restricted>
        <valueSetDefinition>
            <sorted>false</sorted>
            <value>
                <fullName>AMER</fullName>
                <default>false</default>
                <label>AMER</label>
            </value>
            <value>
                <fullName>EMEA</fullName>
                <default>true</default>
                <label>EMEA</label>
            </value>
        </valueSetDefinition>
    </valueSet>`
);

const OPTIONAL_FIELD = metadataXml(
    'CustomField',
    `
    <fullName>Notes__c</fullName>
    <label>Notes</label>
    <required>false</required>
    <type>TextArea</type>`
);

const ACTIVE_RULE = metadataXml(
    'ValidationRule',
    `
    <fullName>Require_Case_On_Close</fullName>
    <active>true</active>
    <errorConditionFormula>AND(
    ISPICKVAL(Status, &apos;Ended&apos;),
    ISBLANK(CaseId)
)</errorConditionFormula>
    <errorMessage>Link a case before ending the session.</errorMessage>`
);

const TRIGGER_META = (status: string) =>
    metadataXml(
        'ApexTrigger',
        `
    <apiVersion>62.0</apiVersion>
    <status>${status}</status>`
    );

const RECORD_TRIGGERED_FLOW = (object: string, status: string) =>
    metadataXml(
        'Flow',
        `
    <apiVersion>62.0</apiVersion>
    <environments>Default</environments>
    <interviewLabel>Session Enrichment {!$Flow.CurrentDateTime}</interviewLabel>
    <label>Session Enrichment</label>
    <processMetadataValues>
        <name>BuilderType</name>
        <value>
            <stringValue>LightningFlowBuilder</stringValue>
        </value>
    </processMetadataValues>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>50</locationX>
        <locationY>0</locationY>
        <object>${object}</object>
        <recordTriggerType>Create</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <status>${status}</status>`
    );

describe('sessionRecordRules (CustomObject, CustomField, ValidationRule)', () => {
    it('reads required custom fields with and without default, and validation rules, in source format', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                ...OBJECT_FILE('MessagingSession'),
                ...OBJECT_FILE('MessagingEndUser'),
                [`${SRC}/objects/MessagingSession/fields/Case_Reason__c.field-meta.xml`]: REQUIRED_TEXT_FIELD,
                [`${SRC}/objects/MessagingEndUser/fields/Region__c.field-meta.xml`]: REQUIRED_PICKLIST_WITH_DEFAULT,
                [`${SRC}/objects/MessagingSession/fields/Notes__c.field-meta.xml`]: OPTIONAL_FIELD,
                // Another object's required field is not the chat's concern.
                [`${SRC}/objects/Case/fields/Case_Reason__c.field-meta.xml`]: REQUIRED_TEXT_FIELD,
                [`${SRC}/objects/MessagingSession/validationRules/Require_Case_On_Close.validationRule-meta.xml`]:
                    ACTIVE_RULE
            })
        );
        expect(snapshot.problems).toEqual([]);
        expect(snapshot.sessionRecordRules.state).toBe('read');
        // Files in path order: MessagingEndUser before MessagingSession.
        expect(snapshot.sessionRecordRules.items).toEqual([
            expect.objectContaining({ sobjectType: 'MessagingEndUser', name: 'Region__c', hasDefault: true }),
            {
                sobjectType: 'MessagingSession',
                kind: 'RequiredField',
                name: 'Case_Reason__c',
                hasDefault: false,
                source: { file: `${SRC}/objects/MessagingSession/fields/Case_Reason__c.field-meta.xml`, line: 2 }
            },
            expect.objectContaining({
                sobjectType: 'MessagingSession',
                kind: 'ValidationRule',
                name: 'Require_Case_On_Close',
                isActive: true,
                detail: "error condition: AND( ISPICKVAL(Status, 'Ended'), ISBLANK(CaseId) )"
            })
        ]);
    });

    it('reads the nested fields and rules of a Metadata API format objects/<Object>.object', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                'objects/MessagingSession.object': metadataXml(
                    'CustomObject',
                    `
    <fields>
        <fullName>Case_Reason__c</fullName>
        <label>Case Reason</label>
        <length>255</length>
        <required>true</required>
        <type>Text</type>
    </fields>
    <validationRules>
        <fullName>Old_Rule</fullName>
        <active>false</active>
        <errorConditionFormula>ISBLANK(Origin)</errorConditionFormula>
        <errorMessage>Origin is required.</errorMessage>
    </validationRules>`
                ),
                'objects/MessagingEndUser.object': metadataXml(
                    'CustomObject',
                    '<sharingModel>ReadWrite</sharingModel>'
                ),
                'package.xml': `<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types>
        <members>MessagingEndUser</members>
        <members>MessagingSession</members>
        <name>CustomObject</name>
    </types>
    <version>62.0</version>
</Package>
`
            })
        );
        expect(snapshot.problems).toEqual([]);
        expect(snapshot.sessionRecordRules.state).toBe('read');
        expect(
            snapshot.sessionRecordRules.items.map((r) => `${r.kind} ${r.name} ${r.isActive ?? r.hasDefault}`)
        ).toEqual(['RequiredField Case_Reason__c false', 'ValidationRule Old_Rule false']);
    });

    it('is not_in_source, naming the object and what to retrieve, when one object is missing', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                ...OBJECT_FILE('MessagingSession'),
                [`${SRC}/objects/MessagingSession/fields/Case_Reason__c.field-meta.xml`]: REQUIRED_TEXT_FIELD
            })
        );
        expect(snapshot.sessionRecordRules.state).toBe('not_in_source');
        expect(snapshot.sessionRecordRules.reason).toMatch(
            /^no objects\/MessagingEndUser\/ under .*: retrieve CustomObject MessagingSession and MessagingEndUser with their CustomField and ValidationRule$/
        );
    });
});

describe('sessionAutomation (ApexTrigger, record-triggered Flow)', () => {
    it('reads triggers on the two objects from the code header and the -meta.xml status', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/triggers/MessagingEndUserTrigger.trigger`]:
                    '// trigger Fake on Account (before insert)\ntrigger MessagingEndUserTrigger on MessagingEndUser (before insert, after  update) {\n    MessagingEndUserHandler.run();\n}\n',
                [`${SRC}/triggers/MessagingEndUserTrigger.trigger-meta.xml`]: TRIGGER_META('Active'),
                [`${SRC}/triggers/CaseTrigger.trigger`]: 'trigger CaseTrigger on Case (after insert) {}\n',
                [`${SRC}/triggers/CaseTrigger.trigger-meta.xml`]: TRIGGER_META('Active'),
                [`${SRC}/flows/Session_Enrichment.flow-meta.xml`]: RECORD_TRIGGERED_FLOW('MessagingSession', 'Active'),
                [`${SRC}/flows/Case_Flow.flow-meta.xml`]: RECORD_TRIGGERED_FLOW('Case', 'Active'),
                [`${SRC}/flows/Old_Session_Flow.flow-meta.xml`]: RECORD_TRIGGERED_FLOW('MessagingSession', 'Obsolete')
            })
        );
        expect(snapshot.problems).toEqual([]);
        expect(snapshot.sessionAutomation.state).toBe('read');
        expect(
            snapshot.sessionAutomation.items.map((r) => [r.kind, r.sobjectType, r.name, r.isActive, r.detail])
        ).toEqual([
            ['ApexTrigger', 'MessagingEndUser', 'MessagingEndUserTrigger', true, 'on before insert, after update'],
            ['RecordTriggeredFlow', 'MessagingSession', 'Old_Session_Flow', false, 'runs after save on Create'],
            ['RecordTriggeredFlow', 'MessagingSession', 'Session_Enrichment', true, 'runs after save on Create']
        ]);
    });

    it('is not_in_source when there is no triggers/ folder, naming ApexTrigger', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/flows/Session_Enrichment.flow-meta.xml`]: RECORD_TRIGGERED_FLOW('MessagingSession', 'Active')
            })
        );
        expect(snapshot.sessionAutomation.state).toBe('not_in_source');
        expect(snapshot.sessionAutomation.reason).toMatch(/^no triggers\/ folder under .*: retrieve ApexTrigger$/);
    });

    it('marks the section error when a trigger has no code file', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/triggers/Orphan.trigger-meta.xml`]: TRIGGER_META('Active'),
                [`${SRC}/flows/Session_Enrichment.flow-meta.xml`]: RECORD_TRIGGERED_FLOW('MessagingSession', 'Active')
            })
        );
        expect(snapshot.sessionAutomation.state).toBe('error');
        expect(snapshot.problems).toEqual([
            expect.objectContaining({
                file: `${SRC}/triggers/Orphan.trigger-meta.xml`,
                section: 'sessionAutomation',
                message: 'the trigger code file next to this -meta.xml is missing'
            })
        ]);
    });

    it('parses trigger headers, ignoring commented-out ones', () => {
        expect(
            parseTriggerHeader('/* trigger X on Case (after insert) */\ntrigger T on MessagingSession(before insert){}')
        ).toEqual({
            object: 'MessagingSession',
            events: 'before insert'
        });
        expect(parseTriggerHeader('public class NotATrigger {}')).toBeUndefined();
    });
});

describe('lightningApps (CustomApplication) with their UtilityBar pages', () => {
    it('reads the console app, its utility bar, and the Omni-Channel utility on that page', () => {
        const snapshot = readMetadataFolder(
            metadataFolder({
                [`${SRC}/applications/standard__LightningService.app-meta.xml`]: metadataXml(
                    'CustomApplication',
                    `
    <formFactors>Large</formFactors>
    <isNavAutoTempTabsDisabled>false</isNavAutoTempTabsDisabled>
    <isNavPersonalizationDisabled>false</isNavPersonalizationDisabled>
    <isNavTabPersistenceDisabled>false</isNavTabPersistenceDisabled>
    <isOmniPinnedViewEnabled>false</isOmniPinnedViewEnabled>
    <label>Service Console</label>
    <navType>Console</navType>
    <tabs>standard-Case</tabs>
    <uiType>Lightning</uiType>
    <utilityBar>LightningService_UtilityBar</utilityBar>`
                ),
                [`${SRC}/applications/Classic_App.app-meta.xml`]: metadataXml(
                    'CustomApplication',
                    `
    <label>Classic App</label>
    <tabs>standard-Account</tabs>
    <uiType>Aloha</uiType>`
                ),
                [`${SRC}/flexipages/LightningService_UtilityBar.flexipage-meta.xml`]: metadataXml(
                    'FlexiPage',
                    `
    <flexiPageRegions>
        <itemInstances>
            <componentInstance>
                <componentInstanceProperties>
                    <name>label</name>
                    <type>decorator</type>
                    <value>Omni-Channel</value>
                </componentInstanceProperties>
                <componentName>runtime_service_omnichannel:omniWidget</componentName>
            </componentInstance>
        </itemInstances>
        <name>utilityItems</name>
        <type>Region</type>
    </flexiPageRegions>
    <masterLabel>Service Console UtilityBar</masterLabel>
    <template>
        <name>one:utilityBarTemplateDesktop</name>
    </template>
    <type>UtilityBar</type>`
                )
            })
        );
        expect(snapshot.problems).toEqual([]);
        expect(snapshot.lightningApps.items).toEqual([
            {
                name: 'standard__LightningService',
                label: 'Service Console',
                navType: 'Console',
                utilityBar: 'LightningService_UtilityBar',
                isOmniPinnedViewEnabled: false,
                source: { file: `${SRC}/applications/standard__LightningService.app-meta.xml`, line: 2 }
            }
        ]);
        expect(snapshot.flexiPages.items[0]).toMatchObject({
            name: 'LightningService_UtilityBar',
            type: 'UtilityBar',
            components: ['runtime_service_omnichannel:omniWidget']
        });
    });
});
