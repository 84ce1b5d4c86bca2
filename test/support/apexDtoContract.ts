/*
 * Compares the Apex snapshot DTOs (MiawSnapshotDto.cls) with the TypeScript OrgSnapshot (snapshot.ts): same property
 * names both ways, compatible types, required TS fields present. Used by test/apexContract.test.ts, which also feeds
 * it mutated sources to prove a mismatch is caught.
 */
import * as ts from 'typescript';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';

/** Apex field names that stand for TS properties Apex reserves; MiawSnapshotDto.toJson undoes exactly these. */
export const RESERVED_WORD_RENAMES: Readonly<Record<string, string>> = { objectName: 'object', pageType: 'type' };

export interface ApexField {
    /** The JSON property name (after the reserved-word rename). */
    name: string;
    /** Type as written, without spaces, e.g. List<MiawSnapshotDto.Flow> or Map<String,FlowValue>. */
    type: string;
    isStatic: boolean;
}

/** Inner classes of the DTO outer class: class name -> instance fields. */
export type ApexClasses = Map<string, ApexField[]>;

class CollectingListener extends ApexErrorListener {
    readonly errors: string[] = [];
    apexSyntaxError(line: number, column: number, message: string): void {
        this.errors.push(`${line}:${column} ${message}`);
    }
}

export function parseApexDtoClasses(source: string): ApexClasses {
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const outer = parser.compilationUnit().typeDeclaration().classDeclaration();
    if (listener.errors.length > 0 || !outer) throw new Error(`Apex did not parse: ${listener.errors.join('; ')}`);
    const classes: ApexClasses = new Map();
    for (const declaration of outer.classBody().classBodyDeclaration_list()) {
        const inner = declaration.memberDeclaration()?.classDeclaration();
        if (!inner) continue;
        const fields: ApexField[] = [];
        for (const member of inner.classBody().classBodyDeclaration_list()) {
            const field = member.memberDeclaration()?.fieldDeclaration();
            if (!field) continue;
            const modifiers = member.modifier_list().map((m) => m.getText().toLowerCase());
            for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
                const apexName = declarator.id().getText();
                fields.push({
                    name: RESERVED_WORD_RENAMES[apexName] ?? apexName,
                    type: field
                        .typeRef()
                        .getText()
                        .replace(/MiawSnapshotDto\./g, ''),
                    isStatic: modifiers.includes('static') || modifiers.includes('final')
                });
            }
        }
        classes.set(
            inner.id().getText(),
            fields.filter((f) => !f.isStatic)
        );
    }
    return classes;
}

function programFor(snapshotSource: string): { checker: ts.TypeChecker; file: ts.SourceFile } {
    const fileName = '/virtual/snapshot.ts';
    const options: ts.CompilerOptions = { strict: true, target: ts.ScriptTarget.ES2022, noLib: false };
    const host = ts.createCompilerHost(options);
    const original = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError, shouldCreate) =>
        name === fileName
            ? ts.createSourceFile(fileName, snapshotSource, version, true)
            : original(name, version, onError, shouldCreate);
    host.fileExists = (
        (exists) => (name: string) =>
            name === fileName || exists(name)
    )(host.fileExists.bind(host));
    const program = ts.createProgram([fileName], options, host);
    return { checker: program.getTypeChecker(), file: program.getSourceFile(fileName) as ts.SourceFile };
}

const isStringLike = (t: ts.Type): boolean =>
    !!(t.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral)) ||
    (t.isUnion() && t.types.every((u) => !!(u.flags & (ts.TypeFlags.String | ts.TypeFlags.StringLiteral))));

/** Differences between the DTO classes and the TS type, as readable lines; empty when they agree. */
export function compareContract(snapshotSource: string, apexSource: string): string[] {
    const { checker, file } = programFor(snapshotSource);
    const apex = parseApexDtoClasses(apexSource);
    const rootSymbol = checker.getSymbolAtLocation(file);
    const orgSnapshot = rootSymbol && checker.getExportsOfModule(rootSymbol).find((s) => s.name === 'OrgSnapshot');
    if (!orgSnapshot) return ['snapshot.ts exports no OrgSnapshot'];
    const problems: string[] = [];
    const seen = new Set<string>();

    const compareType = (path: string, tsType: ts.Type, apexType: string): void => {
        const type = checker.getNonNullableType(tsType);
        if (isStringLike(type)) {
            if (apexType !== 'String') problems.push(`${path}: TS string, Apex ${apexType}`);
            return;
        }
        if (type.flags & ts.TypeFlags.NumberLike) {
            if (!['Integer', 'Decimal', 'Double', 'Long'].includes(apexType))
                problems.push(`${path}: TS number, Apex ${apexType}`);
            return;
        }
        if (
            type.flags & ts.TypeFlags.BooleanLike ||
            (type.isUnion() && type.types.every((u) => u.flags & ts.TypeFlags.BooleanLike))
        ) {
            if (apexType !== 'Boolean') problems.push(`${path}: TS boolean, Apex ${apexType}`);
            return;
        }
        if (checker.isArrayType(type)) {
            const match = /^List<(.+)>$/.exec(apexType);
            if (!match) {
                problems.push(`${path}: TS array, Apex ${apexType}`);
                return;
            }
            const element = checker.getTypeArguments(type as ts.TypeReference)[0];
            compareType(`${path}[]`, element, match[1]);
            return;
        }
        const indexType = checker.getIndexTypeOfType(type, ts.IndexKind.String);
        if (indexType && checker.getPropertiesOfType(type).length === 0) {
            const match = /^Map<String,(.+)>$/.exec(apexType);
            if (!match) problems.push(`${path}: TS Record<string, …>, Apex ${apexType}`);
            else compareType(`${path}{}`, indexType, match[1]);
            return;
        }
        compareObject(path, type, apexType);
    };

    const compareObject = (path: string, type: ts.Type, apexClass: string): void => {
        const fields = apex.get(apexClass);
        if (!fields) {
            problems.push(`${path}: Apex type ${apexClass} is not a class of MiawSnapshotDto`);
            return;
        }
        const key = `${checker.typeToString(type)}=${apexClass}`;
        if (seen.has(key)) return;
        seen.add(key);
        const byName = new Map(fields.map((f) => [f.name, f]));
        const tsNames = new Set<string>();
        for (const property of checker.getPropertiesOfType(type)) {
            tsNames.add(property.name);
            const field = byName.get(property.name);
            if (!field) {
                problems.push(`${path}.${property.name}: in TypeScript, missing in Apex class ${apexClass}`);
                continue;
            }
            compareType(`${path}.${property.name}`, checker.getTypeOfSymbol(property), field.type);
        }
        for (const field of fields) {
            if (!tsNames.has(field.name)) {
                problems.push(`${path}.${field.name}: in Apex class ${apexClass}, not in TypeScript`);
            }
        }
    };

    compareObject('OrgSnapshot', checker.getDeclaredTypeOfSymbol(orgSnapshot), 'OrgSnapshot');
    return problems;
}
