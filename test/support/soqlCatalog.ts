/*
 * Reads the SOQL of MiawQueryCatalog.cls (string constants and builder methods) and checks every object, field,
 * relationship path and child relationship it names against test/fixtures/salesforce-objects.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CatalogQuery {
    name: string;
    api: 'data' | 'tooling';
    soql: string;
}

/** Each `static final String X = '…' + '…';` and each builder `return '…' + … ;`, literals joined. */
export function extractCatalogQueries(apexSource: string): CatalogQuery[] {
    const queries: CatalogQuery[] = [];
    // Splits "'a' + b + 'c'" on top-level "+" and keeps literal text; any other piece (an escaped Id, an optional
    // field list) becomes the placeholder string value 'X'.
    const join = (expression: string): string => {
        const pieces: string[] = [];
        let current = '';
        let inLiteral = false;
        let depth = 0;
        for (let i = 0; i < expression.length; i++) {
            const ch = expression[i];
            if (inLiteral && ch === '\\') {
                current += ch + expression[++i];
                continue;
            }
            if (ch === "'") inLiteral = !inLiteral;
            if (!inLiteral && ch === '(') depth++;
            if (!inLiteral && ch === ')') depth--;
            if (!inLiteral && depth === 0 && ch === '+') {
                pieces.push(current.trim());
                current = '';
            } else current += ch;
        }
        pieces.push(current.trim());
        return pieces
            .map((piece) => (/^'(?:\\.|[^'\\])*'$/.test(piece) ? piece.slice(1, -1).replace(/\\'/g, "'") : 'X'))
            .join('');
    };
    const constant = /static final String (\w+)\s*=\s*([^;]+);/g;
    let m: RegExpExecArray | null;
    while ((m = constant.exec(apexSource))) {
        const text = join(m[2]);
        if (/^\s*SELECT\b/i.test(text)) {
            queries.push({
                name: m[1],
                api: m[1].startsWith('TOOLING') ? 'tooling' : 'data',
                soql: text.replace('{0}', '')
            });
        }
    }
    const builder = /static String (\w+)\([^)]*\)\s*\{\s*return ([^;]+);/g;
    while ((m = builder.exec(apexSource))) {
        const text = join(m[2]);
        if (/^\s*SELECT\b/i.test(text)) {
            queries.push({ name: m[1], api: m[1].startsWith('tooling') ? 'tooling' : 'data', soql: text });
        }
    }
    return queries;
}

interface ObjectSpec {
    fields: Set<string>;
    /** Relationship name -> target objects (lookups). */
    parents: Map<string, string[]>;
}

export type Reference = Map<string, ObjectSpec>;

/** Objects missing from the fixture field lists, with where their fields are documented. Only used when absent there. */
export const SUPPLEMENT: Readonly<Record<string, { api: 'data' | 'tooling'; fields: string[]; source: string }>> = {
    ObjectPermissions: {
        api: 'data',
        fields: [
            'Id',
            'ParentId',
            'SobjectType',
            'PermissionsRead',
            'PermissionsEdit',
            'PermissionsCreate',
            'PermissionsDelete'
        ],
        source: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_objectpermissions.htm'
    },
    SetupEntityAccess: {
        api: 'data',
        fields: ['Id', 'ParentId', 'SetupEntityId', 'SetupEntityType'],
        source: 'https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_setupentityaccess.htm'
    },
    FlexiPage: {
        api: 'tooling',
        fields: ['Id', 'DeveloperName', 'MasterLabel', 'Type', 'EntityDefinitionId', 'FullName', 'Metadata'],
        source: 'https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_flexipage.htm'
    },
    Flow: {
        api: 'tooling',
        fields: ['Id', 'FullName', 'Metadata', 'Status', 'ProcessType'],
        source: 'https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_flow.htm'
    }
};

/** Child relationship name on a parent -> child object (the reference lists the name, not the child type). */
export const CHILD_RELATIONSHIPS: Readonly<Record<string, string>> = {
    'Group.QueueSobjects': 'QueueSobject',
    'PermissionSet.ObjectPerms': 'ObjectPermissions',
    'PermissionSet.SetupEntityAccessItems': 'SetupEntityAccess',
    'User.PermissionSetAssignments': 'PermissionSetAssignment',
    'User.PermissionSetLicenseAssignments': 'PermissionSetLicenseAssign',
    'User.GroupMemberships': 'GroupMember'
};

export function loadReference(root: string, api: 'data' | 'tooling'): Reference {
    const dir = path.join(root, api === 'data' ? 'data-api' : 'tooling-api');
    const reference: Reference = new Map();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        const doc = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
            fields?: Record<string, { relationship_name?: string; refers_to?: string }>;
            field_reference?: Record<string, unknown>;
            wsdl_segment?: string;
        };
        const fields = new Set<string>([...Object.keys(doc.fields ?? {}), ...Object.keys(doc.field_reference ?? {})]);
        for (const m of (doc.wsdl_segment ?? '').matchAll(/element name="(\w+)"/g)) fields.add(m[1]);
        const parents = new Map<string, string[]>();
        for (const spec of Object.values(doc.fields ?? {})) {
            if (spec.relationship_name && spec.refers_to) {
                parents.set(
                    spec.relationship_name,
                    spec.refers_to.split(',').map((s) => s.trim())
                );
            }
        }
        reference.set(file.replace(/\.json$/, ''), { fields, parents });
    }
    for (const [name, extra] of Object.entries(SUPPLEMENT)) {
        if (extra.api === api && !reference.has(name)) {
            reference.set(name, { fields: new Set(extra.fields), parents: new Map() });
        }
    }
    return reference;
}

const KEYWORDS = new Set(
    'SELECT FROM WHERE AND OR NOT IN LIMIT ORDER BY GROUP ASC DESC NULLS FIRST LAST TRUE FALSE NULL COUNT LIKE INCLUDES EXCLUDES'.split(
        ' '
    )
);

/** Top-level comma split that keeps parenthesised subqueries whole. */
function splitTopLevel(text: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let current = '';
    for (const ch of text) {
        if (ch === '(') depth++;
        if (ch === ')') depth--;
        if (ch === ',' && depth === 0) {
            parts.push(current.trim());
            current = '';
        } else current += ch;
    }
    if (current.trim()) parts.push(current.trim());
    return parts;
}

/** SELECT list, FROM object and the rest, with FROM found outside any parenthesised subquery. */
function splitSelect(soql: string): { selectList: string; fromName: string; rest: string } | null {
    const text = soql.trim();
    if (!/^SELECT\s/i.test(text)) return null;
    let depth = 0;
    for (let i = 6; i < text.length; i++) {
        if (text[i] === '(') depth++;
        if (text[i] === ')') depth--;
        if (depth === 0 && /^\sFROM\s/i.test(text.slice(i, i + 6))) {
            const after = /^\s+FROM\s+(\w+)([\s\S]*)$/i.exec(text.slice(i));
            if (!after) return null;
            return { selectList: text.slice(6, i).trim(), fromName: after[1], rest: after[2] };
        }
    }
    return null;
}

/** Every sObject has an Id; the reference's field tables do not always list it. */
const UNIVERSAL_FIELDS = new Set(['Id']);

function checkPath(reference: Reference, object: string, fieldPath: string, where: string, problems: string[]): void {
    const parts = fieldPath.split('.');
    let current = object;
    for (let i = 0; i < parts.length - 1; i++) {
        const spec = reference.get(current);
        const targets = spec?.parents.get(parts[i]);
        if (!targets) {
            problems.push(`${where}: ${current}.${parts[i]} is not a relationship in the reference`);
            return;
        }
        current = targets[0];
    }
    const spec = reference.get(current);
    const field = parts[parts.length - 1];
    if (!spec) problems.push(`${where}: object ${current} is not in the reference`);
    else if (!spec.fields.has(field) && !UNIVERSAL_FIELDS.has(field))
        problems.push(`${where}: ${current}.${field} is not in the reference`);
}

/** Problems in one SOQL statement (recursive for subqueries); empty when everything resolves. */
export function checkSoql(reference: Reference, soql: string, where: string, parentObject?: string): string[] {
    const problems: string[] = [];
    const match = splitSelect(soql);
    if (!match) return [`${where}: not a SELECT statement`];
    const { selectList, fromName, rest } = match;
    let object = fromName;
    if (parentObject) {
        const child = CHILD_RELATIONSHIPS[`${parentObject}.${fromName}`];
        const parentSpec = reference.get(parentObject);
        if (!child || !parentSpec?.fields.has(fromName)) {
            return [`${where}: ${parentObject}.${fromName} is not a child relationship in the reference`];
        }
        object = child;
    }
    if (!reference.has(object)) return [`${where}: object ${object} is not in the reference`];
    for (const item of splitTopLevel(selectList)) {
        if (item.startsWith('(')) {
            problems.push(...checkSoql(reference, item.slice(1, -1), `${where} > subquery`, object));
            continue;
        }
        const aggregate = /^\w+\(([\w.]+)\)\s*\w*$/.exec(item);
        checkPath(reference, object, aggregate ? aggregate[1] : item.split(/\s+/)[0], where, problems);
    }
    // Fields in WHERE / ORDER BY / GROUP BY: identifiers that are not keywords, binds, literals or subqueries.
    const clauses = rest
        .replace(/\(\s*SELECT[\s\S]*?\)/gi, (sub) => {
            problems.push(...checkSoql(reference, sub.slice(1, -1).trim(), `${where} > semi-join`));
            return ' ';
        })
        .replace(/'(?:\\.|[^'\\])*'/g, ' ')
        .replace(/:\w+/g, ' ');
    for (const token of clauses.match(/[A-Za-z_][\w.]*/g) ?? []) {
        if (KEYWORDS.has(token.toUpperCase()) || /^\d/.test(token)) continue;
        checkPath(reference, object, token, where, problems);
    }
    return problems;
}

export function checkCatalog(apexSource: string, referenceRoot: string): string[] {
    const references = { data: loadReference(referenceRoot, 'data'), tooling: loadReference(referenceRoot, 'tooling') };
    return extractCatalogQueries(apexSource).flatMap((q) => checkSoql(references[q.api], q.soql, q.name));
}
