// Rules the Metadata API type definitions cannot express, each a deploy or package-build failure seen
// or documented. validate-metadata.cjs runs them after the structural check; every documented list is
// embedded here as data next to the URL it was taken from (see also docs/sources.md).
//
// Entry point: packageRuleProblems(files) with the metadata files and scratch-org definitions to check.
// Returns problem strings `<file>: <what is wrong>`; empty when everything holds.
const fs = require('fs');
const path = require('path');
const { XMLParser } = require('fast-xml-parser');

// --- Documented lists -------------------------------------------------------------------------------

// Tab styles (CustomTab.motif). Metadata API types the field as a plain string; the values are the tab
// styles of Setup's "Tab Style" picker, as Salesforce's own CLI generates them:
// @salesforce/plugin-sobject, src/commands/schema/generate/tab.ts (https://github.com/salesforcecli/plugin-sobject).
// Other public lists disagree on some numbers (Custom45 "Ticket" vs "Medal"): only this one is Salesforce's.
// prettier-ignore
const TAB_MOTIFS = [
    'Custom1: Heart', 'Custom2: Fan', 'Custom3: Sun', 'Custom4: Hexagon', 'Custom5: Leaf', 'Custom6: Triangle',
    'Custom7: Square', 'Custom8: Diamond', 'Custom9: Lightning', 'Custom10: Moon', 'Custom11: Star',
    'Custom12: Circle', 'Custom13: Box', 'Custom14: Hands', 'Custom15: People', 'Custom16: Bank', 'Custom17: Sack',
    'Custom18: Form', 'Custom19: Wrench', 'Custom20: Airplane', 'Custom21: Computer', 'Custom22: Telephone',
    'Custom23: Envelope', 'Custom24: Building', 'Custom25: Alarm clock', 'Custom26: Flag', 'Custom27: Laptop',
    'Custom28: Cell phone', 'Custom29: PDA', 'Custom30: Radar dish', 'Custom31: Car', 'Custom32: Factory',
    'Custom33: Desk', 'Custom34: Insect', 'Custom35: Microphone', 'Custom36: Train', 'Custom37: Bridge',
    'Custom38: Camera', 'Custom39: Telescope', 'Custom40: Credit card', 'Custom41: Cash', 'Custom42: Treasure chest',
    'Custom43: Jewel', 'Custom44: Hammer', 'Custom45: Ticket', 'Custom46: Stamp', 'Custom47: Knight',
    'Custom48: Trophy', 'Custom49: CD/DVD', 'Custom50: Big top', 'Custom51: Apple', 'Custom52: Balls',
    'Custom53: Bell', 'Custom54: Boat', 'Custom55: Books', 'Custom56: Bottle', 'Custom57: Building Block',
    'Custom58: Caduceus', 'Custom59: Can', 'Custom60: Umbrella', 'Custom61: Castle', 'Custom62: Chalkboard',
    'Custom63: Chip', 'Custom64: Compass', 'Custom65: Cup', 'Custom66: Dice', 'Custom67: Gears', 'Custom68: Globe',
    'Custom69: Guitar', 'Custom70: Handsaw', 'Custom71: Headset', 'Custom72: Helicopter', 'Custom73: Highway Sign',
    'Custom74: Hot Air Balloon', 'Custom75: IP Phone', 'Custom76: Keys', 'Custom77: Locked', 'Custom78: Map',
    'Custom79: Measuring Tape', 'Custom80: Motorcycle', 'Custom81: Musical Note', 'Custom82: Whistle',
    'Custom83: Pencil', 'Custom84: Presenter', 'Custom85: Real Estate Sign', 'Custom86: Red Cross', 'Custom87: Safe',
    'Custom88: Sailboat', 'Custom89: Saxophone', 'Custom90: Scales', 'Custom91: Shield', 'Custom92: Ship',
    'Custom93: Shopping Cart', 'Custom94: Stethoscope', 'Custom95: Stopwatch', 'Custom96: Street Sign',
    'Custom97: Thermometer', 'Custom98: Truck', 'Custom99: TV CRT', 'Custom100: TV Widescreen'
];

// External Credential protocol variants (ExternalCredentialParameter type AuthProtocolVariant), from
// ConnectApi.CredentialInput.authenticationProtocolVariant
// (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apex/apex_connectapi_input_credential.htm),
// grouped by the authenticationProtocol they belong to. NoAuthentication under Custom is the shape Setup
// retrieves for a Custom credential. The OAuth 2.0 browser flow has NO variant parameter: it is the OAuth
// credential that references an identity provider instead (next table).
// prettier-ignore
const AUTH_PROTOCOL_VARIANTS = {
    Oauth: ['ClientCredentialsClientSecret', 'ClientCredentialsClientSecretBasic', 'ClientCredentialsJwtAssertion', 'JwtBearer'],
    AwsSv4: ['AwsSv4_STS', 'RolesAnywhere'],
    Custom: ['NoAuthentication']
};

// Parameter types each flow needs. Browser flow: "External credentials that use the OAuth 2.0
// authentication protocol with the Browser Flow variant reference an external auth identity provider"
// (Named Credentials Developer Guide, Populate External Credential Principals,
// https://developer.salesforce.com/docs/platform/named-credentials/guide/nc-populate-external-credentials.html);
// an Auth. Provider reference is the older form (Metadata API ExternalCredential.authProvider,
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_externalcredential.htm).
// Client-credentials and JWT flows need the token endpoint (AuthProviderUrl), as the Metadata API deploy
// answers: 'The authentication protocol "Oauth ClientCredentialsClientSecretBasic" requires the following
// external credential parameter types: AuthProtocolVariant, AuthProviderUrl.'
const OAUTH_BROWSER_FLOW_PROVIDERS = ['ExternalAuthIdentityProvider', 'AuthProvider'];
const OAUTH_VARIANT_REQUIRES = {
    ClientCredentialsClientSecret: ['AuthProviderUrl'],
    ClientCredentialsClientSecretBasic: ['AuthProviderUrl'],
    ClientCredentialsJwtAssertion: ['AuthProviderUrl'],
    JwtBearer: ['AuthProviderUrl', 'SigningCertificate']
};
const PRINCIPAL_TYPES = ['NamedPrincipal', 'PerUserPrincipal', 'AwsStsPrincipal'];

// Hosts a Named Credential to the org itself must not use: REST/Tooling/Metadata calls go to the org's
// My Domain (https://help.salesforce.com/s/articleView?id=sf.domain_name_overview.htm); login hosts
// only authenticate.
const LOGIN_HOSTS = ['login.salesforce.com', 'test.salesforce.com'];

// Scratch-org features: the enum and the `<Feature>:<n>` patterns of Salesforce's scratch-org definition
// schema (https://github.com/forcedotcom/schemas/blob/main/schemas/project-scratch-def.schema.json,
// https://schemas.salesforce.com/project-scratch-def.json). The Salesforce DX Developer Guide's "Scratch Org
// Features" page lists the same names; an unknown name makes org creation fail ("is not a valid Features value").
// prettier-ignore
const SCRATCH_FEATURES = [
    'API', 'AnalyticsAdminPerms', 'AuthorApex', 'BigObjectsBulkAPI', 'CMSMaxContType', 'CMSMaxNodesPerContType',
    'CMSUnlimitedUse', 'CPQ', 'CascadeDelete', 'CaseClassification', 'ChangeDataCapture', 'Chatbot', 'Communities',
    'ConAppPluginExecuteAsUser', 'ConnectedAppToolingAPI', 'ContactsToMultipleAccounts', 'ContractApprovals',
    'CustomNotificationType', 'DataComDnbAccounts', 'DataComFullClean', 'DataMaskUser', 'DebugApex',
    'DefaultWorkflowUser', 'DeferSharingCalc', 'DensityValue', 'DevelopmentWave', 'DeviceTrackingEnabled',
    'DisableManageIdConfAPI', 'Division', 'DocumentChecklist', 'DurableClassicStreamingAPI',
    'DurableGenericStreamingAPI', 'DynamicClientCreationLimit', 'EinsteinAnalyticsPlus',
    'EinsteinArticleRecommendations', 'EinsteinBuilderFree', 'EmbeddedLoginForIE', 'EnableManageIdConfUI',
    'EnablePRM', 'Entitlements', 'EventLogFile', 'ExternalIdentityLogin', 'ExternalSharing', 'FieldAuditTrail',
    'FieldService', 'FlowSites', 'ForceComPlatform', 'GenericStreaming', 'HealthCloudUser', 'HighVelocitySales',
    'IdentityProvisioningFeatures', 'IgnoreQueryParamWhitelist', 'IndustriesActionPlan', 'IndustriesManufacturing',
    'IndustriesManufacturingCmty', 'IndustriesMfgAccountForecast', 'InsightsPlatform', 'Interaction', 'IoT',
    'JigsawUser', 'Knowledge', 'LegacyLiveAgentRouting', 'LightningSalesConsole', 'LightningScheduler',
    'LightningServiceConsole', 'ListCustomSettingCreation', 'LiveAgent', 'LiveMessage', 'Macros', 'MarketingUser',
    'MaxApexCodeSize', 'MaxAudTypeCriterionPerAud', 'MobileSecurity', 'MultiCurrency', 'MultiLevelMasterDetail',
    'MutualAuthentication', 'ObjectLinking', 'OutboundMessageHTTPSession', 'PardotScFeaturesCampaignInfluence',
    'PersonAccounts', 'PlatformCache', 'PlatformConnect', 'PlatformEncryption', 'PlatformEventsPerDay',
    'ProcessBuilder', 'ProductsAndSchedules', 'RecordTypes', 'RefreshOnInvalidSession', 'S1ClientComponentCacheSize',
    'SAML20SingleLogout', 'SCIMProtocol', 'SalesCloudEinstein', 'SalesUser', 'SalesforceContentUser',
    'SalesforceIdentityForCommunities', 'SecurityEventEnabled', 'ServiceCloud', 'ServiceUser',
    'SessionIdInLogEnabled', 'SingleSignOn', 'Sites', 'SocialCustomerService', 'StateAndCountryPicklist',
    'StreamingAPI', 'SubPerStreamingTopic', 'SustainabilityCloud', 'TerritoryManagement', 'TimeSheetTemplateSettings',
    'TransactionFinalizers', 'WavePlatform', 'WorkThanksPref', 'Workflow', 'WorkflowFlowActionFeature'
];
// prettier-ignore
const SCRATCH_FEATURES_WITH_QUANTITY = [
    'AddCustomApps', 'AddCustomObjects', 'AddCustomRelationships', 'AddCustomTabs', 'AddDataComCRMRecordCredit',
    'AddInsightsQueryLimit', 'AdditionalFieldHistory', 'CalloutSizeMB', 'ConcStreamingClients',
    'ConsolePersistenceInterval', 'EmpPublishRateLimit', 'FinancialServicesCommunityUser', 'FinancialServicesUser',
    'GenStreamingEventsPerDay', 'HoursBetweenCoverageJob', 'MaxCustomLabels', 'MaxFavoritesAllowed',
    'MaxNoOfLexThemesAllowed', 'MaxStreamingTopics', 'MaxUserNavItemsAllowed', 'MaxUserStreamingChannels',
    'MedVisDescriptorLimit', 'MobileExtMaxFileSizeMB', 'NumPlatformEvents', 'StreamingEventsPerDay',
    'SubPerStreamingChannel'
];

// Objects a package's permission set may grant although the package does not define them, each with why.
// UserExternalCredential: per-user principals store each user's token there; Help asks for Create, Read,
// Edit, Delete on it for the OAuth browser flow ("Permission Concepts for User External Credentials",
// https://help.salesforce.com/s/articleView?id=xcloud.nc_user_external_credentials_permissions.htm).
const PERMISSION_SET_OUTSIDE_OBJECTS = ['UserExternalCredential'];

// --- Rules ------------------------------------------------------------------------------------------

const motifKey = (motif) => String(motif).toLowerCase().replace(/\s+/g, '');
const KNOWN_MOTIFS = new Set(TAB_MOTIFS.map(motifKey));

function tabProblems(tab) {
    const motif = text(tab.motif);
    if (motif === undefined || KNOWN_MOTIFS.has(motifKey(motif))) return [];
    const number = /^Custom(\d+):/.exec(motif);
    const documented = number && TAB_MOTIFS.find((m) => m.startsWith(`Custom${number[1]}:`));
    return [
        `tab style '${motif}' is not a documented motif` +
            (documented ? ` (Custom${number[1]} is '${documented}')` : '')
    ];
}

/** ExternalCredential: variant names, variant ↔ protocol, and the parameter types each flow needs. */
function externalCredentialProblems(credential, inventory) {
    const protocol = text(credential.authenticationProtocol);
    const parameters = list(credential.externalCredentialParameters);
    const ofType = (type) => parameters.filter((p) => text(p.parameterType) === type);
    const problems = [];
    const variants = ofType('AuthProtocolVariant').map((p) => text(p.parameterValue));
    const allowed = AUTH_PROTOCOL_VARIANTS[protocol] || [];
    for (const variant of variants) {
        if (!allowed.includes(variant))
            problems.push(
                `AuthProtocolVariant '${variant}' is not a documented variant of protocol '${protocol}'` +
                    ` (documented: ${allowed.join(', ') || 'none'})`
            );
    }
    if (protocol === 'Oauth' && variants.length === 0) {
        const providers = parameters.filter((p) => OAUTH_BROWSER_FLOW_PROVIDERS.includes(text(p.parameterType)));
        if (providers.length === 0)
            problems.push(
                'OAuth browser flow (no AuthProtocolVariant) needs an ExternalAuthIdentityProvider or AuthProvider parameter'
            );
    }
    for (const variant of variants) {
        for (const needed of OAUTH_VARIANT_REQUIRES[variant] || []) {
            if (ofType(needed).length === 0) problems.push(`variant '${variant}' needs a parameter of type ${needed}`);
        }
    }
    for (const p of ofType('ExternalAuthIdentityProvider')) {
        const name = text(p.externalAuthIdentityProvider);
        if (!name) problems.push('ExternalAuthIdentityProvider parameter names no <externalAuthIdentityProvider>');
        else if (inventory && !inventory.externalAuthIdentityProviders.has(name))
            problems.push(`references ExternalAuthIdentityProvider '${name}', which is not in this source`);
    }
    for (const p of ofType('AuthProvider')) {
        if (!text(p.authProvider)) problems.push('AuthProvider parameter names no <authProvider>');
    }
    if (!parameters.some((p) => PRINCIPAL_TYPES.includes(text(p.parameterType))))
        problems.push(`has no principal (one of ${PRINCIPAL_TYPES.join(', ')})`);
    return problems;
}

function namedCredentialProblems(credential, inventory) {
    const problems = [];
    for (const p of list(credential.namedCredentialParameters)) {
        const type = text(p.parameterType);
        if (type === 'Url') {
            const host = hostOf(text(p.parameterValue));
            if (host && LOGIN_HOSTS.includes(host))
                problems.push(`URL host '${host}' is a login host: API calls must go to the org's My Domain`);
        }
        const external = text(p.externalCredential);
        if (external && inventory && !inventory.externalCredentials.has(external))
            problems.push(`references External Credential '${external}', which is not in this source`);
    }
    const endpoint = text(credential.endpoint);
    if (endpoint && LOGIN_HOSTS.includes(hostOf(endpoint)))
        problems.push(`endpoint host '${hostOf(endpoint)}' is a login host: API calls must go to the org's My Domain`);
    return problems;
}

/** A package's permission set grants only what the package defines (least privilege, and it must deploy). */
function packagePermissionSetProblems(permissionSet, inventory) {
    const problems = [];
    const require = (kind, name, known) => {
        if (!known.has(name)) problems.push(`grants ${kind} '${name}', which this package does not define`);
    };
    for (const a of list(permissionSet.classAccesses)) require('Apex class', text(a.apexClass), inventory.classes);
    for (const a of list(permissionSet.applicationVisibilities))
        require('app', text(a.application), inventory.applications);
    for (const a of list(permissionSet.tabSettings)) require('tab', text(a.tab), inventory.tabs);
    for (const a of list(permissionSet.fieldPermissions)) require('field', text(a.field), inventory.fields);
    for (const a of list(permissionSet.externalCredentialPrincipalAccesses))
        require('external credential principal', text(a.externalCredentialPrincipal), inventory.principals);
    for (const a of list(permissionSet.objectPermissions)) {
        const object = text(a.object);
        if (!PERMISSION_SET_OUTSIDE_OBJECTS.includes(object)) require('object', object, inventory.objects);
        for (const wide of ['viewAllRecords', 'modifyAllRecords']) {
            if (text(a[wide]) === 'true')
                problems.push(`grants ${wide} on '${object}': a package grants own records only`);
        }
    }
    for (const a of list(permissionSet.userPermissions))
        problems.push(`grants user permission '${text(a.name)}': a package permission set grants none`);
    return problems;
}

function scratchDefinitionProblems(definition) {
    const problems = [];
    for (const feature of definition.features || []) {
        const [name, quantity] = String(feature).split(':');
        const known =
            quantity === undefined
                ? SCRATCH_FEATURES.some((f) => f.toLowerCase() === name.toLowerCase())
                : /^\d+$/.test(quantity) &&
                  SCRATCH_FEATURES_WITH_QUANTITY.some((f) => f.toLowerCase() === name.toLowerCase());
        if (!known) problems.push(`scratch-org feature '${feature}' is not a documented Features value`);
    }
    return problems;
}

// --- Reading the source -----------------------------------------------------------------------------

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function text(value) {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'object') return value['#text'] === undefined ? undefined : String(value['#text']);
    return String(value);
}
function list(value) {
    if (value === undefined) return [];
    return Array.isArray(value) ? value : [value];
}
function hostOf(url) {
    try {
        return new URL(url).hostname.toLowerCase();
    } catch {
        return undefined;
    }
}

/** `<root>/.../<folder>/<Name>.<suffix>-meta.xml` → { folder, name } */
function componentOf(file) {
    const base = path.basename(file).replace(/-meta\.xml$/, '');
    return { folder: path.basename(path.dirname(file)), name: base.slice(0, base.lastIndexOf('.')) };
}

/** What a source folder defines, by the names a permission set or a credential refers to them with. */
function inventoryOf(files, readXml) {
    const inventory = {
        classes: new Set(),
        objects: new Set(),
        fields: new Set(),
        tabs: new Set(),
        applications: new Set(),
        externalCredentials: new Set(),
        externalAuthIdentityProviders: new Set(),
        principals: new Set()
    };
    for (const file of files) {
        const { folder, name } = componentOf(file);
        if (folder === 'classes') inventory.classes.add(name);
        else if (folder === 'tabs') inventory.tabs.add(name);
        else if (folder === 'applications') inventory.applications.add(name);
        else if (folder === 'externalAuthIdentityProviders') inventory.externalAuthIdentityProviders.add(name);
        else if (folder === 'fields')
            inventory.fields.add(`${path.basename(path.dirname(path.dirname(file)))}.${name}`);
        else if (file.endsWith('.object-meta.xml')) inventory.objects.add(name);
        else if (folder === 'externalCredentials') {
            inventory.externalCredentials.add(name);
            const credential = readXml(file).ExternalCredential || {};
            for (const p of list(credential.externalCredentialParameters)) {
                if (PRINCIPAL_TYPES.includes(text(p.parameterType)))
                    inventory.principals.add(`${name}-${text(p.parameterGroup) || text(p.parameterName)}`);
            }
        }
    }
    return inventory;
}

/** The package directory (from the nearest sfdx-project.json) a file belongs to, when it declares a package. */
function packageDirectoryOf(file) {
    let dir = path.dirname(path.resolve(file));
    while (dir !== path.dirname(dir)) {
        const project = path.join(dir, 'sfdx-project.json');
        if (fs.existsSync(project)) {
            const { packageDirectories = [] } = JSON.parse(fs.readFileSync(project, 'utf8'));
            const owner = packageDirectories
                .filter((d) => d.package)
                .map((d) => path.resolve(dir, d.path))
                .find((p) => path.resolve(file).startsWith(p + path.sep));
            return owner;
        }
        dir = path.dirname(dir);
    }
    return undefined;
}

function packageRuleProblems(files) {
    const cache = new Map();
    const readXml = (file) => {
        if (!cache.has(file)) cache.set(file, parser.parse(fs.readFileSync(file, 'utf8')));
        return cache.get(file);
    };
    const byRoot = new Map();
    for (const file of files.filter((f) => f.endsWith('-meta.xml'))) {
        const root = sourceRootOf(file);
        if (!byRoot.has(root)) byRoot.set(root, []);
        byRoot.get(root).push(file);
    }
    const problems = [];
    const report = (file, found) => found.forEach((p) => problems.push(`${file}: ${p}`));
    for (const rootFiles of byRoot.values()) {
        const inventory = inventoryOf(rootFiles, readXml);
        for (const file of rootFiles) {
            const doc = readXml(file);
            if (doc.CustomTab) report(file, tabProblems(doc.CustomTab));
            if (doc.ExternalCredential) report(file, externalCredentialProblems(doc.ExternalCredential, inventory));
            if (doc.NamedCredential) report(file, namedCredentialProblems(doc.NamedCredential, inventory));
            if (doc.PermissionSet && packageDirectoryOf(file))
                report(file, packagePermissionSetProblems(doc.PermissionSet, inventory));
        }
    }
    for (const file of files.filter((f) => f.endsWith('scratch-def.json'))) {
        report(file, scratchDefinitionProblems(JSON.parse(fs.readFileSync(file, 'utf8'))));
    }
    return problems;
}

/** The source folder a metadata file sits in: the directory holding its `main/default` (or its type folder). */
function sourceRootOf(file) {
    const parts = path.resolve(file).split(path.sep);
    const main = parts.lastIndexOf('main');
    return main > 0 ? parts.slice(0, main).join(path.sep) : path.dirname(path.dirname(path.resolve(file)));
}

module.exports = {
    TAB_MOTIFS,
    AUTH_PROTOCOL_VARIANTS,
    SCRATCH_FEATURES,
    LOGIN_HOSTS,
    tabProblems,
    externalCredentialProblems,
    namedCredentialProblems,
    packagePermissionSetProblems,
    scratchDefinitionProblems,
    packageRuleProblems
};
