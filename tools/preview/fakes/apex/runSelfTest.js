// Fake of @salesforce/apex/MiawSnapshotController.runSelfTest for the local preview. The SOQL paths follow the demo
// org's snapshot (a section the snapshot could not read fails or carries a note, as MiawSelfTestService reports it);
// the credential, Tooling and Metadata paths follow the strip's connection state, with the texts Salesforce and
// MiawSelfTestService give for it, so "not authenticated" and the others show a failing path with its fix.
import { call, orgContext, settings, USER_NAME } from './orgState.js';

const GUIDE = 'docs/apex-data-layer.md, "Connected mode", step ';

/**
 * The snapshot read's statements (MiawSelfTestService.soqlPaths), with the snapshot section each fills and, where
 * the self-test binds empty Id sets or a limit of 1 instead of the snapshot's earlier answers, the most rows it reads.
 */
const SOQL_PATHS = [
    ['routingConfigs', 'Routing configurations', 'QueueRoutingConfig', 'routingConfigs'],
    ['queues', 'Queues', 'Group', 'queues'],
    ['queueMemberCounts', 'Queue member counts', 'GroupMember', 'queues'],
    ['messagingChannels', 'Messaging channels', 'MessagingChannel', 'messagingChannels'],
    ['corsEntries', 'CORS allowed origins', 'CorsWhitelistEntry', 'corsEntries'],
    ['cspTrustedSites', 'Trusted URLs', 'CspTrustedSite', 'cspTrustedSites'],
    ['serviceChannels', 'Service channels', 'ServiceChannel', 'serviceChannels'],
    ['presenceStatuses', 'Presence statuses', 'ServicePresenceStatus', 'presenceStatuses'],
    ['presenceStatusChannels', 'Presence status channels', 'ServiceChannelStatus', 'presenceStatuses'],
    ['presenceConfigs', 'Presence configurations', 'PresenceUserConfig', 'presenceConfigs'],
    ['presenceConfigUsers', 'Presence configuration users', 'PresenceUserConfigUser', 'presenceConfigs'],
    ['presenceConfigProfiles', 'Presence configuration profiles', 'PresenceUserConfigProfile', 'presenceConfigs'],
    ['permissionSets', 'Permission sets', 'PermissionSet', 'permissionSets'],
    ['permissionSetAssigneeCounts', 'Permission set assignee counts', 'PermissionSetAssignment', 'permissionSets'],
    ['queueMemberIds', 'Messaging queue members', 'GroupMember', 'agents', 0],
    ['agents', 'Agents', 'User', 'agents', 1],
    ['businessHours', 'Business hours', 'BusinessHours', 'businessHours'],
    ['sessionSignals', 'Messaging sessions (errors and waiting)', 'MessagingSession', 'sessionSignals', 1],
    ['flows', 'Routing and record-triggered flows', 'FlowDefinitionView', 'flows'],
    ['lightningApps', 'Lightning apps', 'AppDefinition', 'lightningApps']
];

const TOOLING_LABEL = 'Tooling API through the credential (Embedded Service deployments)';
const METADATA_LABEL = 'Metadata API through the credential (readMetadata of one tab)';

/** Tooling and Metadata answers per connection state: [tooling detail, tooling fix, metadata detail, metadata fix]. */
const API_FAILURES = {
    not_set_up: [
        'the call to the Tooling API failed: We couldn\'t access the credential(s). You might not have the required permissions, or the external credential "MiawSetupAssistant" might not exist.',
        `The credential is not set up for you. Ask your administrator to assign you the "MIAW Setup Assistant User" permission set: it grants the per-user External Credential principal. (Setup > Security > Named Credentials > External Credentials; ${GUIDE}1 to 4)`,
        'the call to the Metadata API failed: We couldn\'t access the credential(s). You might not have the required permissions, or the external credential "MiawSetupAssistant" might not exist.',
        `The credential is not set up for you. Ask your administrator to assign you the "MIAW Setup Assistant User" permission set. (Setup > Security > Named Credentials > External Credentials; ${GUIDE}1 to 4)`
    ],
    not_authenticated: [
        'HTTP 401 INVALID_SESSION_ID: Session expired or invalid',
        `You have not authenticated the credential yet. Open your personal settings > External Credentials (your avatar > Settings > My Personal Information > External Credentials). Find "MIAW Setup Assistant" and authenticate: log in with your own Salesforce user of this org. Come back and run the check again. (Personal settings > External Credentials; ${GUIDE}5)`,
        'sf:INVALID_SESSION_ID: INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session',
        `The Metadata API refused the token even after a refresh. Authenticate the credential (your avatar > Settings > External Credentials; ${GUIDE}5).`
    ],
    api_blocked: [
        'HTTP 403 OAUTH_APP_BLOCKED: this app is blocked by admin',
        `API Access Control blocks the connection. In Setup > Connected Apps OAuth Usage (or External Client App Manager), allow the MIAW Setup Assistant app. (Setup > Apps > Connected Apps > Connected Apps OAuth Usage; ${GUIDE}6)`,
        'the call to the Metadata API failed: OAUTH_APP_BLOCKED: this app is blocked by admin',
        `API Access Control blocks the connection. Allow the MIAW Setup Assistant app, then authenticate again (${GUIDE}6).`
    ],
    missing_permission: [
        'HTTP 403 API_DISABLED_FOR_ORG: The REST API is not enabled for this Organization.',
        'You lack a permission the API needs. Give your user the "API Enabled" and "View Setup and Configuration" permissions (a permission set is enough). Run the check again. (Setup > Users > Permission Sets)',
        'sf:INSUFFICIENT_ACCESS: INSUFFICIENT_ACCESS: insufficient access rights on cross-reference id',
        'Give the user "Modify Metadata Through Metadata API Functions" or "Modify All Data" (Setup > Users > Permission Sets > System Permissions); without it only the Metadata sections stay unread.'
    ],
    error: [
        'Salesforce answered with a server error, HTTP 503: <html><body>Service Unavailable</body></html>',
        'The Tooling API returned an error. Try again; if it persists, send this message to your Salesforce administrator. (Setup > Security > Named Credentials)',
        'the Metadata API sent an answer this app cannot read (HTTP 503, no readMetadata result)',
        `The answer was not the Metadata API's SOAP. Check the Named Credential URL is this org's My Domain (${GUIDE}3); an HTTP 5xx is on Salesforce's side: try again later.`
    ]
};

function soqlPath([section, label, objectName, snapshotSection, maxRows], snapshot) {
    const id = `soql.${section}`;
    const fullLabel = `${label} (${objectName})`;
    const read = snapshot[snapshotSection];
    const state = read?.state ?? 'read';
    if (state === 'not_present') {
        return {
            id,
            kind: 'soql',
            label: fullLabel,
            status: 'note',
            detail: read.reason || `object not present: ${objectName}`,
            fix: 'Turn on the feature when you set it up; until then the checks that need it are not evaluated.'
        };
    }
    if (state === 'no_permission') {
        return {
            id,
            kind: 'soql',
            label: fullLabel,
            status: 'fail',
            detail: read.reason || `no permission: ${objectName}`,
            fix: 'Give the user the "View Setup and Configuration" permission (Setup > Users > Permission Sets > System Permissions), then run the self-test again.'
        };
    }
    const items = Array.isArray(read?.items) ? read.items.length : 0;
    const rows = maxRows === undefined ? items : Math.min(items, maxRows);
    return {
        id,
        kind: 'soql',
        label: fullLabel,
        status: 'pass',
        detail: `${rows} ${rows === 1 ? 'row' : 'rows'} read`,
        fix: ''
    };
}

export function selfTest(data) {
    const context = orgContext(data);
    const paths = SOQL_PATHS.map((p) => soqlPath(p, data.snapshot));
    paths.push({
        id: 'credential',
        kind: 'credential',
        label: 'Named Credential and identity provider URLs',
        status: 'pass',
        detail: `All point at ${context.myDomainUrl}.`,
        fix: ''
    });
    const failure = API_FAILURES[settings.connection];
    const deployments = data.snapshot.deployments?.items?.length ?? 0;
    paths.push(
        failure
            ? {
                  id: 'tooling',
                  kind: 'tooling',
                  label: TOOLING_LABEL,
                  status: 'fail',
                  detail: failure[0],
                  fix: failure[1]
              }
            : {
                  id: 'tooling',
                  kind: 'tooling',
                  label: TOOLING_LABEL,
                  status: 'pass',
                  detail: `${deployments} ${deployments === 1 ? 'deployment' : 'deployments'} listed`,
                  fix: ''
              },
        failure
            ? {
                  id: 'metadata',
                  kind: 'metadata',
                  label: METADATA_LABEL,
                  status: 'fail',
                  detail: failure[2],
                  fix: failure[3]
              }
            : {
                  id: 'metadata',
                  kind: 'metadata',
                  label: METADATA_LABEL,
                  status: 'pass',
                  detail: 'readMetadata answered (1 of 1 component found: Miaw_Readiness_Report).',
                  fix: ''
              }
    );
    return {
        organizationId: context.organizationId,
        myDomainUrl: context.myDomainUrl,
        userName: `admin@${data.context.myDomain}.example (${USER_NAME})`,
        apiVersion: 'v65.0',
        namespacePrefix: '',
        packageVersion: failure ? 'unknown: needs the API connection (Tooling API)' : '0.1.0.1',
        ranAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        paths
    };
}

export default function runSelfTest(params) {
    return call('runSelfTest', params, (data) => selfTest(data));
}
