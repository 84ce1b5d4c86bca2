/*
 * The principal the docs tell admins about is the one the package ships (issue 11 review: docs/store-and-watch.md
 * named `MiawSetupAssistant-Admin` while the permission set grants `MiawSetupAssistant-PerUser`). Every
 * `<ExternalCredential>-<principal>` name in the docs and README must be a principal of the packaged External
 * Credential (parameterGroup of a NamedPrincipal/PerUserPrincipal parameter), and the permission set must grant it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const CREDENTIALS = path.join(ROOT, 'force-app/main/default/externalCredentials');
const PERMISSION_SET = path.join(
    ROOT,
    'force-app/main/default/permissionsets/Miaw_Setup_Assistant_User.permissionset-meta.xml'
);

function packagedPrincipals(): Set<string> {
    const principals = new Set<string>();
    for (const file of fs.readdirSync(CREDENTIALS).filter((f) => f.endsWith('.externalCredential-meta.xml'))) {
        const name = file.replace('.externalCredential-meta.xml', '');
        const xml = fs.readFileSync(path.join(CREDENTIALS, file), 'utf8');
        for (const block of xml.split('<externalCredentialParameters>').slice(1)) {
            if (/<parameterType>(NamedPrincipal|PerUserPrincipal)<\/parameterType>/.test(block)) {
                const group = /<parameterGroup>([^<]+)<\/parameterGroup>/.exec(block)?.[1];
                if (group) principals.add(`${name}-${group}`);
            }
        }
    }
    return principals;
}

/** `file: name` for each principal-looking name in the text that the package does not ship. */
function unknownPrincipals(text: string, file: string, known: Set<string>): string[] {
    return [...text.matchAll(/\bMiawSetupAssistant-([A-Za-z]\w*)/g)]
        .map((m) => m[0])
        .filter((name) => !known.has(name))
        .map((name) => `${file}: ${name}`);
}

describe('principal names in the docs', () => {
    const known = packagedPrincipals();

    it('the packaged credential has the per-user principal and the permission set grants exactly it', () => {
        expect([...known]).toEqual(['MiawSetupAssistant-PerUser']);
        const granted = [
            ...fs.readFileSync(PERMISSION_SET, 'utf8').matchAll(/<externalCredentialPrincipal>([^<]+)</g)
        ].map((m) => m[1]);
        expect(granted).toEqual(['MiawSetupAssistant-PerUser']);
    });

    it('every principal the docs and README name is the packaged one', () => {
        const files = [
            'README.md',
            ...fs
                .readdirSync(path.join(ROOT, 'docs'))
                .filter((f) => f.endsWith('.md'))
                .map((f) => `docs/${f}`)
        ];
        const problems = files.flatMap((f) => unknownPrincipals(fs.readFileSync(path.join(ROOT, f), 'utf8'), f, known));
        expect(problems).toEqual([]);
    });

    it('catches the name the review found', () => {
        expect(
            unknownPrincipals(
                'External Credential principal `MiawSetupAssistant-Admin`',
                'docs/store-and-watch.md',
                known
            )
        ).toEqual(['docs/store-and-watch.md: MiawSetupAssistant-Admin']);
    });
});
