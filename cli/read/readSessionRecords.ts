/*
 * What can stop Salesforce creating the Messaging Session or Messaging User record when a chat starts (OPS-03,
 * OPS-04): required custom fields and validation rules (CustomObject, CustomField, ValidationRule), Apex
 * triggers (ApexTrigger) and record-triggered flows (Flow) on those two objects.
 *
 * Both layouts: source format splits an object into `objects/<Object>/fields/X.field-meta.xml` and
 * `objects/<Object>/validationRules/X.validationRule-meta.xml`; Metadata API format keeps one
 * `objects/<Object>.object` with nested <fields> and <validationRules>. A section is only `read` when both
 * objects (or triggers and flows) were retrieved: "none found" must mean none exist, not "not retrieved".
 */
import * as fs from 'node:fs';
import {
    missingSection,
    type Section,
    type SessionRecordRule
} from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { isListed, messageOf, stripBom } from './manifest';
import type { MetadataFile } from './readSupport';
import { combine, readType, toSection, type ReadContext, type TypeRead } from './sectionReader';
import type { FoundFile } from './sourceTree';
import type { TypeSpec } from './typeSpec';
import { bool, child, children, listPathSet, parseXmlDocument, text, type XmlNode } from './xmlDocument';

export const SESSION_OBJECTS: readonly string[] = ['MessagingSession', 'MessagingEndUser'];

const RECORD_TRIGGER_TYPES: Readonly<Record<string, string>> = {
    RecordBeforeSave: 'runs before save',
    RecordAfterSave: 'runs after save',
    RecordBeforeDelete: 'runs before delete'
};

/** A validation rule's condition is shown up to this length: enough to recognise it. */
const FORMULA_SUMMARY_LENGTH = 120;

function isSessionObject(name: string | undefined): name is string {
    return name !== undefined && SESSION_OBJECTS.includes(name);
}

/** `objects/<Object>/…` or `objects/<Object>.object`: the object a file belongs to. */
export function objectOfPath(relativePath: string): string | undefined {
    const parts = relativePath.split('/');
    const at = parts.findIndex((p) => p.toLowerCase() === 'objects');
    const next = at >= 0 ? parts[at + 1] : undefined;
    if (next === undefined) return undefined;
    return next.replace(/\.object(-meta\.xml)?$/i, '');
}

function summary(formula: string | undefined): string | undefined {
    if (!formula) return undefined;
    const flat = formula.replace(/\s+/g, ' ').trim();
    const shown = flat.length > FORMULA_SUMMARY_LENGTH ? `${flat.slice(0, FORMULA_SUMMARY_LENGTH)}…` : flat;
    return `error condition: ${shown}`;
}

/** A required field still saves when it gets a value on create: a default value or a default picklist value. */
function hasDefault(field: XmlNode): boolean {
    if (text(field, 'defaultValue') !== undefined) return true;
    const values = children(child(child(field, 'valueSet'), 'valueSetDefinition'), 'value');
    return values.some((v) => bool(v, 'default') === true);
}

function requiredField(sobjectType: string, field: XmlNode, fallbackName: string, file: MetadataFile) {
    const name = text(field, 'fullName') ?? fallbackName;
    // Standard fields' requiredness is Salesforce's own; an admin can only make custom fields required.
    if (!name.endsWith('__c') || bool(field, 'required') !== true) return [];
    const rule: SessionRecordRule = {
        sobjectType,
        kind: 'RequiredField',
        name,
        hasDefault: hasDefault(field),
        source: file.source
    };
    return [rule];
}

function validationRule(sobjectType: string, node: XmlNode, fallbackName: string, file: MetadataFile) {
    const rule: SessionRecordRule = {
        sobjectType,
        kind: 'ValidationRule',
        name: text(node, 'fullName') ?? fallbackName,
        isActive: bool(node, 'active'),
        detail: summary(text(node, 'errorConditionFormula')),
        source: file.source
    };
    return [rule];
}

/** objects/<Object>.object (Metadata API format) or the object's own file in source format (no nested items). */
export const CUSTOM_OBJECT: TypeSpec<SessionRecordRule> = {
    type: 'CustomObject',
    directory: 'objects',
    suffix: 'object',
    root: 'CustomObject',
    // `*` never retrieves standard objects: a retrieve must name them, and their fields and rules come along.
    manifestMembers: SESSION_OBJECTS,
    lists: listPathSet('CustomObject', ['fields', 'validationRules', 'fields.valueSet.valueSetDefinition.value']),
    read: (file) => {
        if (!isSessionObject(file.name)) return [];
        return [
            ...children(file.doc.node, 'fields').flatMap((f) => requiredField(file.name, f, '', file)),
            ...children(file.doc.node, 'validationRules').flatMap((v) => validationRule(file.name, v, '', file))
        ];
    }
};

export const CUSTOM_FIELD: TypeSpec<SessionRecordRule> = {
    type: 'CustomField',
    directory: 'fields',
    suffix: 'field',
    root: 'CustomField',
    retrievedWith: 'CustomObject',
    lists: listPathSet('CustomField', ['valueSet.valueSetDefinition.value']),
    read: (file) => {
        const sobjectType = objectOfPath(file.source.file ?? '');
        return isSessionObject(sobjectType) ? requiredField(sobjectType, file.doc.node, file.name, file) : [];
    }
};

export const VALIDATION_RULE: TypeSpec<SessionRecordRule> = {
    type: 'ValidationRule',
    directory: 'validationRules',
    suffix: 'validationRule',
    root: 'ValidationRule',
    retrievedWith: 'CustomObject',
    lists: new Set(),
    read: (file) => {
        const sobjectType = objectOfPath(file.source.file ?? '');
        return isSessionObject(sobjectType) ? validationRule(sobjectType, file.doc.node, file.name, file) : [];
    }
};

/** Required fields and validation rules; `read` only when both objects are in the folder. */
export function readSessionRecordRules(ctx: ReadContext): Section<SessionRecordRule> {
    const read = combine([
        readType(ctx, 'sessionRecordRules', CUSTOM_OBJECT),
        readType(ctx, 'sessionRecordRules', CUSTOM_FIELD),
        readType(ctx, 'sessionRecordRules', VALIDATION_RULE)
    ]);
    const missing = SESSION_OBJECTS.filter((o) => !objectRetrieved(ctx, o));
    if (read.failed.length === 0 && missing.length > 0) {
        return missingSection(
            'not_in_source',
            `no ${missing.map((o) => `objects/${o}/`).join(' or ')} under ${ctx.rootLabel}: retrieve CustomObject ${SESSION_OBJECTS.join(' and ')} with their CustomField and ValidationRule`
        );
    }
    // Both objects are in the folder: no rule found means none exists.
    return toSection({ ...read, listed: true }, '');
}

function objectRetrieved(ctx: ReadContext, object: string): boolean {
    const lower = object.toLowerCase();
    return (
        isListed(ctx.manifest, 'CustomObject', object) ||
        ctx.tree.files.some((f) => objectOfPath(f.relativePath)?.toLowerCase() === lower)
    );
}

// ---------------------------------------------------------------------------------------------------------
// Apex triggers and record-triggered flows
// ---------------------------------------------------------------------------------------------------------

/** `trigger Name on Object (before insert, after update)`: the object and the events. */
const TRIGGER_HEADER = /\btrigger\s+(\w+)\s+on\s+(\w+)\s*\(([^)]*)\)/i;

export function parseTriggerHeader(body: string): { object: string; events: string } | undefined {
    // Comments may precede the header and mention "trigger … on …": drop them first.
    const code = body.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
    const match = TRIGGER_HEADER.exec(code);
    if (!match) return undefined;
    const events = match[3]
        .split(',')
        .map((e) => e.trim().replace(/\s+/g, ' ').toLowerCase())
        .filter((e) => e !== '');
    return { object: match[2], events: events.join(', ') };
}

interface FileOutcome {
    items: SessionRecordRule[];
    /** Why the file could not be used; undefined when it could. */
    problem?: { message: string; line?: number };
}

/**
 * Walks files a TypeSpec cannot express (a trigger is its code plus a -meta.xml) or that another section
 * already reports (flows): each file's outcome becomes items or a failure.
 */
function scan(
    ctx: ReadContext,
    matches: (f: FoundFile) => boolean,
    visit: (f: FoundFile, content: string) => FileOutcome,
    reportProblems: boolean
): TypeRead<SessionRecordRule> {
    const result: TypeRead<SessionRecordRule> = {
        items: [],
        fileCount: 0,
        failed: [],
        folderSeen: false,
        listed: false
    };
    for (const file of ctx.tree.files.filter(matches)) {
        result.fileCount++;
        let outcome: FileOutcome;
        try {
            outcome = visit(file, stripBom(fs.readFileSync(file.absolutePath, 'utf8')));
        } catch (error) {
            outcome = { items: [], problem: { message: `could not read the file: ${messageOf(error)}` } };
        }
        result.items.push(...outcome.items);
        if (outcome.problem) {
            result.failed.push(file.relativePath);
            if (reportProblems) {
                ctx.problems.push({ file: file.relativePath, section: 'sessionAutomation', ...outcome.problem });
            }
        }
    }
    return result;
}

function triggerOutcome(file: FoundFile, meta: string): FileOutcome {
    const parsed = parseXmlDocument(meta, new Set());
    if (!parsed.ok) return { items: [], problem: { message: parsed.message, line: parsed.line } };
    if (parsed.doc.root !== 'ApexTrigger') {
        return { items: [], problem: { message: `expected root element <ApexTrigger>, found <${parsed.doc.root}>` } };
    }
    const bodyPath = file.absolutePath.replace(/-meta\.xml$/i, '');
    let body: string;
    try {
        body = fs.readFileSync(bodyPath, 'utf8');
    } catch {
        return { items: [], problem: { message: 'the trigger code file next to this -meta.xml is missing' } };
    }
    const header = parseTriggerHeader(body);
    if (!header) return { items: [], problem: { message: 'no "trigger <Name> on <Object> (…)" header in the code' } };
    if (!isSessionObject(header.object)) return { items: [] };
    const status = text(parsed.doc.node, 'status');
    return {
        items: [
            {
                sobjectType: header.object,
                kind: 'ApexTrigger',
                name: file.fileName.replace(/\.trigger-meta\.xml$/i, ''),
                isActive: status === undefined ? undefined : status === 'Active',
                detail: header.events ? `on ${header.events}` : undefined,
                source: { file: file.relativePath, line: parsed.doc.line }
            }
        ]
    };
}

function flowOutcome(file: FoundFile, content: string): FileOutcome {
    const parsed = parseXmlDocument(content, new Set());
    // The flows section reports unreadable flow files; here they only leave the section in doubt.
    if (!parsed.ok) return { items: [], problem: { message: parsed.message, line: parsed.line } };
    const start = child(parsed.doc.node, 'start');
    const object = text(start, 'object');
    const triggerType = text(start, 'triggerType');
    if (!isSessionObject(object) || triggerType === undefined || !(triggerType in RECORD_TRIGGER_TYPES)) {
        return { items: [] };
    }
    const status = text(parsed.doc.node, 'status');
    const recordTriggerType = text(start, 'recordTriggerType');
    return {
        items: [
            {
                sobjectType: object,
                kind: 'RecordTriggeredFlow',
                name: file.fileName.replace(/\.flow(-meta\.xml)?$/i, ''),
                isActive: status === undefined ? undefined : status === 'Active',
                detail: `${RECORD_TRIGGER_TYPES[triggerType]}${recordTriggerType ? ` on ${recordTriggerType}` : ''}`,
                source: { file: file.relativePath, line: parsed.doc.line }
            }
        ]
    };
}

const isTriggerMeta = (f: FoundFile) => f.fileName.toLowerCase().endsWith('.trigger-meta.xml');
const isFlowFile = (f: FoundFile) => {
    const lower = f.fileName.toLowerCase();
    return lower.endsWith('.flow-meta.xml') || (lower.endsWith('.flow') && f.folder.toLowerCase() === 'flows');
};

/** Triggers and record-triggered flows; `read` only when both triggers and flows were retrieved. */
export function readSessionAutomation(ctx: ReadContext): Section<SessionRecordRule> {
    // A trigger is its code plus a -meta.xml, which a TypeSpec cannot express; the manifest still needs the type.
    ctx.onType?.({ type: 'ApexTrigger', members: ['*'] });
    const triggers = scan(ctx, isTriggerMeta, triggerOutcome, true);
    const flows = scan(ctx, isFlowFile, flowOutcome, false);
    const triggersRetrieved =
        triggers.fileCount > 0 || ctx.tree.folders.has('triggers') || isListed(ctx.manifest, 'ApexTrigger');
    const flowsRetrieved = flows.fileCount > 0 || ctx.tree.folders.has('flows') || isListed(ctx.manifest, 'Flow');
    const read = combine([triggers, flows]);
    if (read.failed.length === 0 && !(triggersRetrieved && flowsRetrieved)) {
        const absent = [triggersRetrieved ? '' : 'triggers/', flowsRetrieved ? '' : 'flows/'].filter((f) => f);
        const types = [triggersRetrieved ? '' : 'ApexTrigger', flowsRetrieved ? '' : 'Flow'].filter((t) => t);
        return missingSection(
            'not_in_source',
            `no ${absent.join(' or ')} folder under ${ctx.rootLabel}: retrieve ${types.join(' and ')}`
        );
    }
    return toSection({ ...read, listed: true }, '');
}
