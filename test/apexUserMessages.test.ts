/*
 * No exception type name reaches an admin (issue 11 review: "Error messages include exception type names"). An
 * Apex exception turned into text with `'…' + e`, `String.valueOf(e)` or `e.getTypeName()` reads
 * "System.QueryException: …"; the package says what happened in words and keeps the type for the debug log only.
 * This gate scans every non-test Apex class for those forms, and proves it catches each one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const CLASSES = path.resolve(__dirname, '../force-app/main/default/classes');

/** `file:line: why` for each place an exception object becomes message text outside System.debug. */
function typeNameLeaks(source: string, file: string): string[] {
    const problems: string[] = [];
    const caught = new Set([...source.matchAll(/catch\s*\(\s*[\w.]+\s+(\w+)\s*\)/g)].map((m) => m[1]));
    source.split('\n').forEach((line, i) => {
        const code = line.replace(/\/\/.*$/, '');
        if (/System\.debug\s*\(/.test(code)) return;
        const where = `${file}:${i + 1}`;
        if (/\.getTypeName\s*\(\s*\)/.test(code)) problems.push(`${where}: getTypeName() outside System.debug`);
        for (const name of caught) {
            const asText = new RegExp(
                `(\\+\\s*${name}\\b(?!\\s*\\.))|(\\b${name}\\s*\\+)|String\\.valueOf\\(\\s*${name}\\s*\\)`
            );
            if (asText.test(code))
                problems.push(`${where}: exception "${name}" turned into text (its type name shows)`);
        }
    });
    return problems;
}

describe('exception type names in user messages', () => {
    it('no Apex class turns an exception object into message text', () => {
        const problems = fs
            .readdirSync(CLASSES)
            .filter((f) => f.endsWith('.cls') && !f.endsWith('Test.cls'))
            .flatMap((f) => typeNameLeaks(fs.readFileSync(path.join(CLASSES, f), 'utf8'), f));
        expect(problems).toEqual([]);
    });

    it('catches each broken form and lets the message and the debug log through', () => {
        const broken = [
            'try { x(); } catch (QueryException e) {',
            "    throw new AuraHandledException('Failed: ' + e);",
            '    String a = String.valueOf(e);',
            "    String b = e.getTypeName() + ': ' + e.getMessage();",
            "    String c = 'ok: ' + e.getMessage();",
            "    System.debug(LoggingLevel.ERROR, e.getTypeName() + ': ' + e);",
            '}'
        ].join('\n');
        expect(typeNameLeaks(broken, 'Broken.cls')).toEqual([
            'Broken.cls:2: exception "e" turned into text (its type name shows)',
            'Broken.cls:3: exception "e" turned into text (its type name shows)',
            'Broken.cls:4: getTypeName() outside System.debug'
        ]);
    });
});
