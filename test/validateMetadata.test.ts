/*
 * scripts/validate-metadata.cjs is the offline gate (ci stage "metadata XML") for what would stop the package from
 * being built or the scratch org from being created. These tests run it the way CI does, on a copy of the package
 * source: as shipped it passes; each kind of defect that once broke it (review of the package's deployability,
 * B1-B3) is put back and must be reported.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.join(__dirname, '..');
const VALIDATOR = path.join(ROOT, 'scripts', 'validate-metadata.cjs');
const DEFAULT = path.join('force-app', 'main', 'default');
const tempDirs: string[] = [];

afterAll(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A project folder holding a copy of this package's force-app and config, declared as a package. */
function packageCopy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-validate-'));
    tempDirs.push(dir);
    fs.cpSync(path.join(ROOT, 'force-app'), path.join(dir, 'force-app'), { recursive: true });
    fs.cpSync(path.join(ROOT, 'config'), path.join(dir, 'config'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'sfdx-project.json'), path.join(dir, 'sfdx-project.json'));
    return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
    const full = path.join(dir, file);
    const before = fs.readFileSync(full, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`edit of ${file} changed nothing`);
    fs.writeFileSync(full, after);
}

function write(dir: string, file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
}

function validate(dir: string, ...targets: string[]): { status: number | null; problems: string[] } {
    const run = spawnSync(process.execPath, [VALIDATOR, ...targets], { cwd: dir, encoding: 'utf8' });
    const lines = run.stdout.split('\n').filter((line) => line.trim() !== '');
    return { status: run.status, problems: lines.filter((line) => !/metadata file\(s\) checked/.test(line)) };
}

const TAB = path.join(DEFAULT, 'tabs', 'Miaw_Readiness_Report.tab-meta.xml');
const EXTERNAL_CREDENTIAL = path.join(DEFAULT, 'externalCredentials', 'MiawSetupAssistant.externalCredential-meta.xml');
const NAMED_CREDENTIAL = path.join(DEFAULT, 'namedCredentials', 'MiawSetupAssistant.namedCredential-meta.xml');
const PERMISSION_SET = path.join(DEFAULT, 'permissionsets', 'Miaw_Setup_Assistant_User.permissionset-meta.xml');
const SCRATCH_DEF = path.join('config', 'project-scratch-def.json');
const MY_DOMAIN_URL = '<parameterValue>https://set-your-my-domain.my.salesforce.com</parameterValue>';

describe('validate-metadata on the package source', () => {
    it('passes the package, its scratch-org definition and both demo orgs as shipped', () => {
        const result = validate(
            ROOT,
            'force-app',
            'config',
            path.join('examples', 'needs-work', 'force-app'),
            path.join('examples', 'ready', 'force-app')
        );
        expect(result.problems).toEqual([]);
        expect(result.status).toBe(0);
    });

    it('ships the External Auth Identity Provider the browser-flow credential references', () => {
        const credential = fs.readFileSync(path.join(ROOT, EXTERNAL_CREDENTIAL), 'utf8');
        expect(credential).toContain('<parameterType>ExternalAuthIdentityProvider</parameterType>');
        expect(credential).not.toContain('<parameterType>AuthProtocolVariant</parameterType>');
        const provider = path.join(
            ROOT,
            DEFAULT,
            'externalAuthIdentityProviders',
            'MiawSetupAssistant.externalAuthIdentityProvider-meta.xml'
        );
        expect(fs.readFileSync(provider, 'utf8')).toContain(
            '<authenticationFlow>AuthorizationCode</authenticationFlow>'
        );
    });
});

describe('tab styles', () => {
    it('rejects a motif that is not a documented tab style, naming the documented one for that number', () => {
        const dir = packageCopy();
        edit(dir, TAB, (xml) => xml.replace(/<motif>[^<]*<\/motif>/, '<motif>Custom45: Clipboard</motif>'));
        const result = validate(dir, 'force-app');
        expect(result.status).toBe(1);
        expect(result.problems).toEqual([
            `${TAB}: tab style 'Custom45: Clipboard' is not a documented motif (Custom45 is 'Custom45: Ticket')`
        ]);
    });
});

describe('External Credential', () => {
    it('rejects the undocumented AuthorizationCode variant', () => {
        const dir = packageCopy();
        edit(dir, EXTERNAL_CREDENTIAL, (xml) =>
            xml.replace(
                /<externalCredentialParameters>\s*<externalAuthIdentityProvider>[\s\S]*?<\/externalCredentialParameters>/,
                '<externalCredentialParameters><parameterGroup>DefaultGroup</parameterGroup>' +
                    '<parameterName>Oauth</parameterName><parameterType>AuthProtocolVariant</parameterType>' +
                    '<parameterValue>AuthorizationCode</parameterValue></externalCredentialParameters>'
            )
        );
        const { status, problems } = validate(dir, 'force-app');
        expect(status).toBe(1);
        expect(problems).toEqual([
            `${EXTERNAL_CREDENTIAL}: AuthProtocolVariant 'AuthorizationCode' is not a documented variant of protocol ` +
                `'Oauth' (documented: ClientCredentialsClientSecret, ClientCredentialsClientSecretBasic, ` +
                `ClientCredentialsJwtAssertion, JwtBearer)`
        ]);
    });

    it('rejects an OAuth browser flow with neither an External Auth Identity Provider nor an Auth. Provider', () => {
        const dir = packageCopy();
        edit(dir, EXTERNAL_CREDENTIAL, (xml) =>
            xml.replace(
                /<externalCredentialParameters>\s*<externalAuthIdentityProvider>[\s\S]*?<\/externalCredentialParameters>/,
                ''
            )
        );
        expect(validate(dir, 'force-app').problems).toEqual([
            `${EXTERNAL_CREDENTIAL}: OAuth browser flow (no AuthProtocolVariant) needs an ExternalAuthIdentityProvider ` +
                `or AuthProvider parameter`
        ]);
    });

    it('rejects a reference to an External Auth Identity Provider the package does not contain', () => {
        const dir = packageCopy();
        fs.rmSync(path.join(dir, DEFAULT, 'externalAuthIdentityProviders'), { recursive: true });
        expect(validate(dir, 'force-app').problems).toEqual([
            `${EXTERNAL_CREDENTIAL}: references ExternalAuthIdentityProvider 'MiawSetupAssistant', which is not in ` +
                `this source`
        ]);
    });

    it('asks a client-credentials variant for its token endpoint', () => {
        const dir = packageCopy();
        write(
            dir,
            path.join(DEFAULT, 'externalCredentials', 'Billing.externalCredential-meta.xml'),
            `<?xml version="1.0" encoding="UTF-8"?>
<ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <authenticationProtocol>Oauth</authenticationProtocol>
    <externalCredentialParameters>
        <parameterName>Oauth</parameterName>
        <parameterType>AuthProtocolVariant</parameterType>
        <parameterValue>ClientCredentialsClientSecretBasic</parameterValue>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterName>Billing</parameterName>
        <parameterType>NamedPrincipal</parameterType>
        <sequenceNumber>1</sequenceNumber>
    </externalCredentialParameters>
    <label>Billing</label>
</ExternalCredential>
`
        );
        expect(validate(dir, 'force-app').problems).toEqual([
            `${path.join(DEFAULT, 'externalCredentials', 'Billing.externalCredential-meta.xml')}: variant ` +
                `'ClientCredentialsClientSecretBasic' needs a parameter of type AuthProviderUrl`
        ]);
    });
});

describe('Named Credential', () => {
    it.each(['https://login.salesforce.com', 'https://test.salesforce.com/'])('rejects the login host %s', (url) => {
        const dir = packageCopy();
        edit(dir, NAMED_CREDENTIAL, (xml) => xml.replace(MY_DOMAIN_URL, `<parameterValue>${url}</parameterValue>`));
        const host = new URL(url).hostname;
        expect(validate(dir, 'force-app').problems).toEqual([
            `${NAMED_CREDENTIAL}: URL host '${host}' is a login host: API calls must go to the org's My Domain`
        ]);
    });
});

describe('the package permission set', () => {
    const grant = (xml: string, element: string) => xml.replace('<hasActivationRequired>', `${element}\n    $&`);

    it('rejects grants of anything the package does not define, wide record access and user permissions', () => {
        const dir = packageCopy();
        edit(dir, PERMISSION_SET, (xml) =>
            [
                '<classAccesses><apexClass>SomeoneElsesClass</apexClass><enabled>true</enabled></classAccesses>',
                '<externalCredentialPrincipalAccesses><enabled>true</enabled>' +
                    '<externalCredentialPrincipal>MiawSetupAssistant-Admin</externalCredentialPrincipal>' +
                    '</externalCredentialPrincipalAccesses>',
                '<fieldPermissions><editable>false</editable><field>Account.Industry</field>' +
                    '<readable>true</readable></fieldPermissions>'
            ].reduce(grant, xml)
        );
        edit(dir, PERMISSION_SET, (xml) =>
            xml
                .replace(
                    '<object>Miaw_Setup_Plan__c</object>\n        <viewAllRecords>false</viewAllRecords>',
                    '<object>Miaw_Setup_Plan__c</object>\n        <viewAllRecords>true</viewAllRecords>'
                )
                .replace(
                    '<label>',
                    '<userPermissions><enabled>true</enabled><name>ModifyAllData</name></userPermissions>\n    <label>'
                )
                .replace(
                    '<tabSettings>',
                    '<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete>' +
                        '<allowEdit>false</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords>' +
                        '<object>Account</object><viewAllRecords>false</viewAllRecords></objectPermissions>\n    <tabSettings>'
                )
        );
        const { status, problems } = validate(dir, 'force-app');
        expect(status).toBe(1);
        expect(problems.map((p) => p.replace(`${PERMISSION_SET}: `, ''))).toEqual(
            expect.arrayContaining([
                "grants Apex class 'SomeoneElsesClass', which this package does not define",
                "grants external credential principal 'MiawSetupAssistant-Admin', which this package does not define",
                "grants field 'Account.Industry', which this package does not define",
                "grants object 'Account', which this package does not define",
                "grants viewAllRecords on 'Miaw_Setup_Plan__c': a package grants own records only",
                "grants user permission 'ModifyAllData': a package permission set grants none"
            ])
        );
        expect(problems).toHaveLength(6);
    });

    it('judges only package directories: an org export may grant standard objects', () => {
        const dir = packageCopy();
        write(dir, 'sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] }));
        edit(dir, PERMISSION_SET, (xml) =>
            grant(xml, '<classAccesses><apexClass>SomeoneElsesClass</apexClass><enabled>true</enabled></classAccesses>')
        );
        expect(validate(dir, 'force-app').problems).toEqual([]);
    });
});

describe('scratch-org definition', () => {
    it('rejects feature names that are not documented Features values, and accepts quantities', () => {
        const dir = packageCopy();
        edit(dir, SCRATCH_DEF, (json) =>
            json.replace('"LiveMessage"', '"LiveMessage", "EmbeddedServiceMessaging", "AddCustomObjects:5", "Sites:2"')
        );
        const { status, problems } = validate(dir, 'config');
        expect(status).toBe(1);
        expect(problems).toEqual([
            `${SCRATCH_DEF}: scratch-org feature 'EmbeddedServiceMessaging' is not a documented Features value`,
            `${SCRATCH_DEF}: scratch-org feature 'Sites:2' is not a documented Features value`
        ]);
    });
});
