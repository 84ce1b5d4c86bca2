import { runSessionRecordChecks } from '../checksSessionRecords';
import { readSection } from '../snapshot';
import type { OrgSnapshot, SessionRecordRule } from '../snapshot';
import { blankSnapshot, contextFor, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot) {
    return runSessionRecordChecks(contextFor(snapshot));
}

/** As the CLI reads objects/MessagingSession/fields/Case_Reason__c.field-meta.xml with <required>true</required>. */
const REQUIRED_NO_DEFAULT: SessionRecordRule = {
    sobjectType: 'MessagingSession',
    kind: 'RequiredField',
    name: 'Case_Reason__c',
    hasDefault: false,
    source: { file: 'objects/MessagingSession/fields/Case_Reason__c.field-meta.xml', line: 2 }
};
const REQUIRED_WITH_DEFAULT: SessionRecordRule = {
    sobjectType: 'MessagingEndUser',
    kind: 'RequiredField',
    name: 'Region__c',
    hasDefault: true
};
const ACTIVE_RULE: SessionRecordRule = {
    sobjectType: 'MessagingSession',
    kind: 'ValidationRule',
    name: 'Require_Case_On_Close',
    isActive: true,
    detail: "error condition: AND(ISPICKVAL(Status, 'Ended'), ISBLANK(CaseId))",
    source: { file: 'objects/MessagingSession/validationRules/Require_Case_On_Close.validationRule-meta.xml' }
};
const INACTIVE_RULE: SessionRecordRule = { ...ACTIVE_RULE, name: 'Old_Rule', isActive: false };
const TRIGGER: SessionRecordRule = {
    sobjectType: 'MessagingEndUser',
    kind: 'ApexTrigger',
    name: 'MessagingEndUserTrigger',
    isActive: true,
    detail: 'on before insert, after insert'
};
const FLOW_UNKNOWN_STATUS: SessionRecordRule = {
    sobjectType: 'MessagingSession',
    kind: 'RecordTriggeredFlow',
    name: 'Session_Enrichment',
    detail: 'runs after save on Create'
};

function withRules(rules: SessionRecordRule[], automation: SessionRecordRule[] = []): OrgSnapshot {
    const s = healthySnapshot();
    s.sessionRecordRules = readSection(rules);
    s.sessionAutomation = readSection(automation);
    return s;
}

describe('OPS-03 required custom fields on Messaging Session and Messaging User', () => {
    it('passes when no custom field is required, and counts defaulted ones as fine', () => {
        expect(statuses(run(withRules([])), 'OPS-03')).toEqual(['pass org']);
        const [r] = resultsFor(run(withRules([REQUIRED_WITH_DEFAULT])), 'OPS-03');
        expect(r.status).toBe('pass');
        expect(r.message).toContain('"MessagingEndUser.Region__c" required with a default');
    });

    it('fails, as a blocker, once per required field without a default, naming field, object and file', () => {
        const results = resultsFor(run(withRules([REQUIRED_NO_DEFAULT, REQUIRED_WITH_DEFAULT])), 'OPS-03');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['fail MessagingSession.Case_Reason__c']);
        expect(results[0]).toMatchObject({ severity: 'blocker', setupPath: '/lightning/setup/ObjectManager/home' });
        expect(results[0].message).toContain('"Case_Reason__c" on Messaging Session is required and has no default');
        expect(results[0].message).toContain('"Not sent"');
        expect(results[0].remediation).toContain('Object Manager > Messaging Session > Fields & Relationships');
        expect(results[0].location?.file).toBe('objects/MessagingSession/fields/Case_Reason__c.field-meta.xml');
    });

    it('is not evaluated when the objects were not retrieved, naming what to retrieve', () => {
        const s = withUnread(
            healthySnapshot(),
            'sessionRecordRules',
            'not_in_source',
            'no objects/MessagingEndUser/ under force-app: retrieve CustomObject MessagingSession and MessagingEndUser'
        );
        const [r] = resultsFor(run(s), 'OPS-03');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('retrieve CustomObject MessagingSession and MessagingEndUser');
    });
});

describe('OPS-04 validation rules, triggers and record-triggered flows to review', () => {
    it('passes when nothing active runs on the two objects, counting inactive rules', () => {
        const [r] = resultsFor(run(withRules([INACTIVE_RULE])), 'OPS-04');
        expect(r).toMatchObject({ status: 'pass', subject: 'org' });
        expect(r.message).toContain('(1 inactive)');
    });

    it('fails, as a warning, once per active rule, trigger or flow, treating an unknown status as active', () => {
        const results = resultsFor(
            run(withRules([ACTIVE_RULE, INACTIVE_RULE, REQUIRED_NO_DEFAULT], [TRIGGER, FLOW_UNKNOWN_STATUS])),
            'OPS-04'
        );
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail MessagingSession.Require_Case_On_Close',
            'fail MessagingEndUser.MessagingEndUserTrigger',
            'fail MessagingSession.Session_Enrichment'
        ]);
        expect(results.every((r) => r.severity === 'warning')).toBe(true);
        expect(results[0].message).toContain(
            'Validation rule "Require_Case_On_Close" on Messaging Session is active (error condition: AND(ISPICKVAL(Status, \'Ended\'), ISBLANK(CaseId)))'
        );
        expect(results[1].message).toContain(
            'Apex trigger "MessagingEndUserTrigger" on Messaging User is active (on before insert, after insert)'
        );
        expect(results[2].message).toContain('may be active (its status could not be read)');
        expect(results[1].remediation).toContain("Review the trigger's code");
    });

    it('evaluates validation rules when triggers and flows were not retrieved, and says what is missing', () => {
        const s = withRules([ACTIVE_RULE]);
        withUnread(
            s,
            'sessionAutomation',
            'not_in_source',
            'no triggers/ folder under force-app: retrieve ApexTrigger'
        );
        const results = resultsFor(run(s), 'OPS-04');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail MessagingSession.Require_Case_On_Close',
            'not_evaluated Apex triggers and record-triggered flows'
        ]);
        expect(results[1].message).toContain('retrieve ApexTrigger');
    });

    it('is not evaluated, never passed, when neither section was read', () => {
        const s = withUnread(withUnread(healthySnapshot(), 'sessionRecordRules'), 'sessionAutomation');
        expect(statuses(run(s), 'OPS-04')).toEqual([
            'not_evaluated validation rules',
            'not_evaluated Apex triggers and record-triggered flows'
        ]);
    });
});

describe('OPS-03, OPS-04 as the in-org report reads them', () => {
    /** What MiawSnapshotService returns: required fields from describe, validation rules with the automation. */
    function orgSnapshot(rules: SessionRecordRule[], automation: SessionRecordRule[] | 'unavailable'): OrgSnapshot {
        const s = healthySnapshot();
        s.origin = { ...s.origin, kind: 'org' };
        s.sessionRecordRules = readSection(rules);
        s.sessionAutomation =
            automation === 'unavailable'
                ? { state: 'unavailable', reason: 'needs API access (connect the credential)', items: [] }
                : readSection(automation);
        return s;
    }
    const ORG_RULE: SessionRecordRule = {
        sobjectType: 'MessagingSession',
        kind: 'ValidationRule',
        name: 'Acme_Require_Case_On_End',
        isActive: true,
        detail: 'error message: "Link a case before ending the conversation."',
        source: { recordId: '03d5g0000000001AAA' }
    };

    it('fails OPS-03 on a required field read by describe, even without the API connection', () => {
        const results = run(orgSnapshot([{ ...REQUIRED_NO_DEFAULT, source: undefined }], 'unavailable'));
        expect(statuses(results, 'OPS-03')).toEqual(['fail MessagingSession.Case_Reason__c']);
        const [ops04] = resultsFor(results, 'OPS-04');
        expect(ops04.status).toBe('not_evaluated');
        expect(ops04.subject).toBe('validation rules, Apex triggers and record-triggered flows');
        expect(ops04.message).toContain('needs API access');
    });

    it('passes OPS-03 and OPS-04 when describe finds only defaulted fields and nothing active runs', () => {
        const results = run(orgSnapshot([REQUIRED_WITH_DEFAULT], [{ ...ORG_RULE, isActive: false }]));
        expect(statuses(results, 'OPS-03')).toEqual(['pass org']);
        expect(statuses(results, 'OPS-04')).toEqual(['pass org']);
    });

    it('names an active validation rule read from Tooling, with its error message', () => {
        const [r] = resultsFor(run(orgSnapshot([], [ORG_RULE])), 'OPS-04');
        expect(r.status).toBe('fail');
        expect(r.subject).toBe('MessagingSession.Acme_Require_Case_On_End');
        expect(r.message).toContain('Link a case before ending the conversation.');
    });
});

describe('OPS-03, OPS-04 in an org snapshot from a version that did not read these sections', () => {
    it('says so and where in Setup to look, without CLI wording', () => {
        const s = blankSnapshot('org');
        withUnread(s, 'sessionRecordRules', 'not_in_source', 'not read by this version of the in-org report');
        withUnread(s, 'sessionAutomation', 'not_in_source', 'not read by this version of the in-org report');
        const results = run(s);
        expect(results.map((r) => `${r.checkId} ${r.status}`)).toEqual([
            'OPS-03 not_evaluated',
            'OPS-04 not_evaluated'
        ]);
        expect(results[0].message).toBe(
            'Not evaluated: the in-org report does not read the custom fields of Messaging Session and Messaging User yet.'
        );
        expect(results[1].remediation).toContain('Object Manager > Messaging Session');
        for (const r of results) expect(`${r.message} ${r.remediation}`).not.toMatch(/retrieve|scanned|folder/i);
    });
});
