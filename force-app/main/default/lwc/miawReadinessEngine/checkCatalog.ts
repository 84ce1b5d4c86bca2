/*
 * The check catalog, published as docs/checks.md (generated from this file: `npm run docs:checks`). Stable IDs
 * are a public contract — a check whose meaning changes gets a new ID and the old one moves to RETIRED_CHECKS,
 * never to be reused. Each ID's implementation lives in one checks<Area>.ts module (search the ID).
 */
import type { Area, Severity } from './result';
import { SETUP_PATHS } from './setupPaths';

export interface CheckSpec {
    id: string;
    title: string;
    area: Area;
    severity: Severity;
    /** Seed lines / references the check rests on. */
    source: string;
    /** Default Setup page; a result may link a more exact page (a record). */
    setupPath: string;
    /**
     * `metadata`: the CLI can evaluate it from a source folder; `org`: only in the org; `manual`: a person.
     * It sets a result's `evidence` and so the run's scope: a folder scan's verdict counts only metadata
     * checks, an org read metadata and org checks; manual ones never enter the verdict. Judged per check:
     * RT-03 stays metadata because a retrieved Queue lists its queueMembers (users, groups, roles); CP-04 and
     * CP-05 because permission sets and PresenceUserConfig assignments are metadata; AG-01/AG-02 judge the
     * permission sets (metadata), AG-03 the assignments and licences (org). CH-02's active flag and OPS
     * session data exist only in the org.
     */
    evaluatedIn: 'metadata' | 'org' | 'manual' | 'website';
}

const spec = (
    id: string,
    severity: Severity,
    title: string,
    source: string,
    setupPath: string,
    evaluatedIn: CheckSpec['evaluatedIn'] = 'metadata'
): CheckSpec => ({ id, title, area: id.split('-')[0] as Area, severity, source, setupPath, evaluatedIn });

const P = SETUP_PATHS;

/** Public documents the checks rest on (title and stable URL), cited in `source`; docs/sources.md says what each
 * was relied on for. */
const help = (title: string, id: string): string =>
    `Salesforce Help: ${title} (https://help.salesforce.com/s/articleView?id=service.${id}.htm&type=5)`;
const DOC = {
    deployments:
        'Salesforce Help: Configure Enhanced Chat Deployments (https://help.salesforce.com/apex/HTViewHelpDoc?id=service.miaw_create_deployment_type.htm)',
    chatApi: 'Enhanced Chat API (https://developer.salesforce.com/docs/service/messaging-api/overview)',
    webChatApis:
        'Get Started With APIs for Enhanced Web Chat (https://developer.salesforce.com/docs/service/messaging-web/guide/api-overview.html)',
    webChatReference:
        'Enhanced Web Chat Reference (https://developer.salesforce.com/docs/service/messaging-web/references)',
    prechat:
        'Populate Pre-Chat Form Fields in Enhanced Web Chat (https://developer.salesforce.com/docs/service/messaging-web/guide/populate-prechat-fields.html)',
    spring23: "Salesforce: Messaging for In-App and Web implementation guide (Spring '23)",
    experienceSite: 'Salesforce Help: Configure an Enhanced Web Chat Deployment in an Experience Builder Site',
    cors: 'Salesforce Help: Configure Salesforce CORS Allowlist (https://help.salesforce.com/s/articleView?id=xcloud.extend_code_cors.htm&type=5)',
    corsMetadata:
        'Metadata API Developer Guide: CorsWhitelistOrigin (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_corswhitelistorigin.htm)',
    trustedUrls:
        'Manage Trusted URLs (https://developer.salesforce.com/docs/atlas.en-us.254.0.lightning.meta/lightning/security_trusted_urls_manage.htm)',
    cspTrustedSite:
        'Tooling API: CspTrustedSite (https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_csptrustedsite.htm)',
    chatRetirement: 'Salesforce Help: Chat retirement (https://help.salesforce.com/s/articleView?id=001790618&type=1)',
    legacyChatGuide:
        'Service Cloud Chat Developer Guide: Create Deployments (https://developer.salesforce.com/docs/atlas.en-us.live_agent_dev.meta/live_agent_dev/live_agent_creating_new_deployments.htm)',
    prepareUsers: help('Give Users Access to Enhanced Chat', 'miaw_prepare_users'),
    messagingUsers: help('Give Service Users Access to Messaging', 'messaging_permissions_parent'),
    miawConsiderations: help('Considerations and Limitations for Enhanced Chat', 'miaw_considerations_and_limitations'),
    accd: help(
        'Considerations for Upgrading to Credits-Based Messaging with Agentforce Contact Center Digital',
        'messaging_accd_considerations'
    ),
    channelSettings: help('Update Messaging Channel Settings', 'livemessage_modify_channel_settings'),
    flowWork: help('How Does an Omni-Channel Flow Work?', 'how_does_an_omni_channel_flow_work'),
    flowConsiderations: help('Considerations When Using Omni-Channel Flows', 'omnichannel_flow_considerations'),
    routingConfig: help('Routing Configuration Settings', 'service_presence_routing_configuration_settings'),
    presenceConfig: help('Create Presence Configurations', 'service_presence_create_presence_configurations'),
    statusCapacity: help('Set Up a Status-Based Capacity Model', 'omnichannel_status_based_capacity'),
    autoEnd: help('Ending or Inactivating Messaging Sessions Automatically', 'messaging_auto_end'),
    webChatSettings:
        'Settings for Enhanced Web Chat v2 (https://developer.salesforce.com/docs/service/messaging-web/guide/settings.html)',
    setLanguage:
        'Embedded Service for Web Developer Guide: Set the Language (https://developer.salesforce.com/docs/service/embedded-services-web-dev-guide/guide/snapins-web-set-language.html)',
    csp3: 'W3C: Content Security Policy Level 3 (https://www.w3.org/TR/CSP3/)',
    mixedContent: 'W3C: Mixed Content (https://www.w3.org/TR/mixed-content/)',
    queueMetadata:
        'Metadata API Developer Guide: Queue (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_queue.htm)'
};
const src = (...parts: string[]): string => parts.join('; ');
// Public documents the AG and CP-04 specs rest on (docs/sources.md, "Agents at org scale").
const GUIDE_SPRING_23_USERS =
    "Salesforce: Messaging for Administrators, Spring '23, Give Users Access to Messaging for In-App and Web";
const DEV_SET_PRESENCE_STATUS =
    'Salesforce Console Developer Guide: setServicePresenceStatus for Lightning Experience (https://developer.salesforce.com/docs/service/api-console/guide/sforce-api-console-lightning-setservicepresencestatus.html)';
const DEV_ENHANCED_MESSAGING_METHODS =
    'Salesforce Console Developer Guide: Aura Methods for Enhanced Messaging in Lightning Experience (https://developer.salesforce.com/docs/atlas.en-us.api_console.meta/api_console/sforce_api_console_methods_enhanced_lightning_conversationToolkitAPI.htm)';

export const CHECK_SPECS: readonly CheckSpec[] = [
    // PRE — prerequisites
    spec('PRE-01', 'blocker', 'Omni-Channel is enabled', `${DOC.prepareUsers}; ${DOC.flowWork}`, P.omniChannelSettings),
    spec(
        'PRE-02',
        'blocker',
        'Messaging for In-App and Web is available',
        `${DOC.miawConsiderations}; ${DOC.accd}`,
        P.messagingSettings
    ),
    spec(
        'PRE-03',
        'info',
        'The Messaging toggle is not needed for MIAW',
        `${DOC.messagingUsers}; ${DOC.prepareUsers}`,
        P.messagingSettings
    ),
    spec(
        'PRE-04',
        'warning',
        'Status-based capacity is enabled in the Omni-Channel settings',
        `${DOC.statusCapacity}; ${DOC.autoEnd}`,
        P.omniChannelSettings
    ),
    spec(
        'PRE-05',
        'info',
        'Skills-based and direct-to-agent routing is enabled',
        DOC.prepareUsers,
        P.omniChannelSettings
    ),
    // CH — messaging channel
    spec('CH-01', 'blocker', 'A Messaging for In-App and Web channel exists', DOC.channelSettings, P.messagingSettings),
    spec('CH-02', 'blocker', 'The messaging channel is active', DOC.channelSettings, P.messagingSettings, 'org'),
    spec('CH-03', 'blocker', 'The channel has a routing target', DOC.channelSettings, P.messagingSettings),
    spec(
        'CH-04',
        'blocker',
        'A fallback queue is set',
        `${DOC.flowConsiderations}; ${DOC.channelSettings}`,
        P.messagingSettings
    ),
    spec('CH-05', 'blocker', 'The routing flow exists, is active and is an Omni-Channel flow', DOC.flowWork, P.flows),
    spec(
        'CH-06',
        'blocker',
        'The routing flow declares the recordId input variable',
        `${DOC.flowWork}; Salesforce: Messaging for Administrators (Spring '23), "Create an Omni Flow": the API name must be recordId, available for input`,
        P.flows
    ),
    spec(
        'CH-07',
        'warning',
        "The flow's Route Work uses the messaging service channel and an existing queue",
        `${DOC.flowWork}; ${DOC.flowConsiderations}`,
        P.flows
    ),
    spec(
        'CH-08',
        'warning',
        'A pre-chat form requires Omni-Channel flow routing',
        `${DOC.channelSettings}; ${DOC.flowWork}`,
        P.messagingSettings
    ),
    spec(
        'CH-09',
        'info',
        'Estimated wait time is enabled and routed to a queue',
        DOC.channelSettings,
        P.messagingSettings
    ),
    spec(
        'CH-10',
        'blocker',
        'A channel that requires verified users has a verification keyset',
        'Salesforce Help: Set Up Token-Based User Verification (https://help.salesforce.com/s/articleView?id=service.miaw_token_based_user_verification_setup.htm&type=5); Salesforce Developers: User Verification in Enhanced Web Chat (https://developer.salesforce.com/docs/service/messaging-web/guide/user-verification.html)',
        P.messagingSettings
    ),
    spec(
        'CH-11',
        'warning',
        'Every path of the routing flow routes the session or returns a reason',
        'Salesforce Help: Create the reasonForNotRouting (https://help.salesforce.com/s/articleView?id=service.omnichannel_create_reasonfornotrouting.htm&type=5); Salesforce Help: Considerations When Using Omni-Channel Flows (https://help.salesforce.com/s/articleView?id=service.omnichannel_flow_considerations.htm&type=5)',
        P.flows
    ),
    // RT — queues and routing
    spec(
        'RT-01',
        'blocker',
        'Routing and fallback queues exist and support Messaging Session',
        `${DOC.flowWork}; ${DOC.queueMetadata}`,
        P.queues
    ),
    spec(
        'RT-02',
        'blocker',
        'Each messaging queue has an Omni-Channel routing configuration',
        `${DOC.routingConfig}; ${DOC.flowConsiderations}`,
        P.queues
    ),
    spec(
        'RT-03',
        'blocker',
        'Each messaging queue has members who can work messaging',
        `${DOC.queueMetadata}; ${DOC.flowConsiderations}`,
        P.queues
    ),
    spec(
        'RT-04',
        'warning',
        "A work item fits an agent's capacity",
        `${DOC.routingConfig}; ${DOC.presenceConfig}`,
        P.routingConfigurations
    ),
    spec(
        'RT-05',
        'info',
        'Routing model and push timeout are set deliberately',
        DOC.routingConfig,
        P.routingConfigurations
    ),
    // PC — pre-chat
    spec(
        'PC-01',
        'blocker',
        'Every custom pre-chat field refers to an existing channel parameter',
        src(DOC.spring23, DOC.prechat),
        P.embeddedServiceDeployments
    ),
    spec(
        'PC-02',
        'blocker',
        'Every channel parameter used by the form is mapped to a flow variable',
        src(DOC.spring23, DOC.prechat),
        P.messagingSettings
    ),
    spec(
        'PC-03',
        'blocker',
        'Every mapped flow variable exists in the routing flow as a Text input',
        DOC.spring23,
        P.flows
    ),
    spec(
        'PC-04',
        'blocker',
        'Hidden pre-chat fields are Text and not required',
        src(DOC.spring23, DOC.prechat),
        P.embeddedServiceDeployments
    ),
    spec(
        'PC-05',
        'blocker',
        'No hidden and visible pre-chat field share a parameter name',
        DOC.spring23,
        P.embeddedServiceDeployments
    ),
    spec('PC-06', 'warning', 'At most 6 visible pre-chat fields', DOC.spring23, P.embeddedServiceDeployments),
    spec('PC-07', 'warning', 'The flow writes pre-chat values to the session before Route Work', DOC.spring23, P.flows),
    spec(
        'PC-08',
        'warning',
        'Contact matching is automated by the flow',
        src(
            DOC.spring23,
            'Practitioner guidance: pre-chat values do not find or link a Contact by themselves; the routing flow does'
        ),
        P.flows
    ),
    spec(
        'PC-09',
        'warning',
        'The pre-chat form is active and has the planned fields',
        src(DOC.spring23, DOC.prechat),
        P.embeddedServiceDeployments
    ),
    // DP — embedded service deployment
    spec(
        'DP-01',
        'blocker',
        'A Messaging for In-App and Web deployment exists for the channel',
        src(DOC.deployments, DOC.chatApi),
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-02',
        'blocker',
        'The deployment and its messaging-channel link are both enabled',
        src(DOC.deployments, 'Observed in real org exports: deployment enabled while its channel link is disabled'),
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-03',
        'blocker',
        'The deployment points at an existing, active MIAW channel',
        src(DOC.deployments, DOC.spring23),
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-04',
        'warning',
        'No legacy Chat (Live Agent) deployments or branding remain',
        src(DOC.chatRetirement, DOC.legacyChatGuide),
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-05',
        'info',
        'Deployment type (Web or Mobile) is as intended',
        src(DOC.deployments, DOC.spring23),
        P.embeddedServiceDeployments
    ),
    spec('DP-06', 'info', 'Business hours on the deployment', src(DOC.deployments, DOC.spring23), P.businessHours),
    spec(
        'DP-07',
        'info',
        'Deployment republished after its last change',
        src(DOC.deployments, DOC.webChatReference),
        P.embeddedServiceDeployments,
        'manual'
    ),
    spec(
        'DP-08',
        'warning',
        'Every Messaging for In-App and Web channel is reachable through a deployment',
        src(DOC.deployments, DOC.chatApi, 'Observed in real org exports: channels left without any deployment'),
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-09',
        'info',
        'The deployment states its web client version (Enhanced Web Chat v1 or v2)',
        'Salesforce Help: Enhanced Chat and Messaging Glossary (https://help.salesforce.com/s/articleView?id=service.miaw_glossary.htm&type=5); Metadata API: EmbeddedServiceConfig clientVersion (WebV1, WebV2)',
        P.embeddedServiceDeployments
    ),
    // TS — trusted sites
    spec('TS-01', 'blocker', 'The widget origin is on the CORS allowlist', src(DOC.cors, DOC.spring23), P.cors),
    spec(
        'TS-03',
        'blocker',
        'Experience/Commerce sites: SCRT URL as a Trusted URL (connect-src) and site domain in CORS',
        src(DOC.experienceSite, DOC.trustedUrls, DOC.webChatApis, DOC.spring23),
        P.cspTrustedSites
    ),
    spec('TS-04', 'warning', 'Allowlist entries are well formed', src(DOC.corsMetadata, DOC.cspTrustedSite), P.cors),
    spec(
        'TS-05',
        'warning',
        'No over-broad allowlist entry',
        src(
            DOC.corsMetadata,
            'Observed in real org exports: wildcards over domains Salesforce shares between customers'
        ),
        P.cors
    ),
    spec(
        'TS-06',
        'info',
        'Non-production origins are covered too',
        src(
            DOC.cors,
            'Practitioner guidance: test sites missing from the allowlist are a common cause of chat failures'
        ),
        P.cors
    ),
    spec(
        'TS-07',
        'warning',
        "Each widget origin falls under the deployment's Domain",
        src(DOC.spring23, DOC.deployments),
        P.embeddedServiceDeployments
    ),
    // CP — capacity and presence
    spec('CP-01', 'blocker', 'The messaging service channel exists', DOC.statusCapacity, P.serviceChannels),
    spec(
        'CP-02',
        'warning',
        'The messaging service channel uses status-based capacity',
        `${DOC.statusCapacity}; ${DOC.autoEnd}`,
        P.serviceChannels
    ),
    spec(
        'CP-03',
        'blocker',
        'A presence status is linked to the messaging service channel',
        DOC.prepareUsers,
        P.presenceStatuses
    ),
    spec(
        'CP-04',
        'blocker',
        'Agents can use the messaging presence status',
        `${DOC.prepareUsers}; ${DEV_SET_PRESENCE_STATUS}`,
        P.permissionSets
    ),
    spec(
        'CP-05',
        'blocker',
        'A presence configuration with capacity is assigned to the agents',
        DOC.presenceConfig,
        P.presenceConfigurations
    ),
    // AG — agents
    // org: whether an agent is ready joins permission set assignments and the Enhanced Chat User licence, which
    // a metadata folder never holds; a scan can only say "could be" (AG-05/AG-06 judge the permission sets).
    spec(
        'AG-03',
        'blocker',
        'At least one agent is fully ready to take chats',
        `${DOC.prepareUsers}; ${DOC.presenceConfig}`,
        P.users,
        'org'
    ),
    spec(
        'AG-04',
        'warning',
        'The Messaging Session record page shows the Enhanced Conversation component',
        `${DEV_ENHANCED_MESSAGING_METHODS}; Observed in real org exports: every Enhanced Chat Messaging Session page carries the Enhanced Conversation component (scrt:conversationBody)`,
        P.lightningAppBuilder
    ),
    spec(
        'AG-05',
        'blocker',
        'Agents hold the Enhanced Chat User licence and the Enhanced Chat Rep permission',
        DOC.prepareUsers,
        P.permissionSets
    ),
    spec('AG-06', 'blocker', 'Agents can read and edit Messaging Sessions', DOC.prepareUsers, P.permissionSets),
    spec(
        'AG-07',
        'warning',
        'Agents can read and edit Messaging Users',
        `${DOC.prepareUsers} (asks for Messaging Session only); ${GUIDE_SPRING_23_USERS}`,
        P.permissionSets
    ),
    spec(
        'AG-08',
        'blocker',
        'A Lightning app agents use has Omni-Channel (utility or sidebar)',
        'Salesforce Help: Add the Omni-Channel Utility to a Lightning Console App; Salesforce Help: Key Components of Omnichannel Routing (https://help.salesforce.com/s/articleView?id=service.it_srvcs_omnichannel_components.htm&type=5); Salesforce Help: Enable and Configure Omni-Channel (https://help.salesforce.com/s/articleView?id=service.omnichannel_enable.htm&type=5); Salesforce Help article 002186101, Omni-Channel sidebar and utility on downgrade (https://help.salesforce.com/s/articleView?id=002186101&type=1)',
        P.appManager
    ),
    // OPS — live signals (org only)
    spec(
        'OPS-01',
        'warning',
        'No recent sessions in status Error',
        'Observed in live orgs: a messaging session in status Error when its session or messaging user record cannot be saved',
        P.flows,
        'org'
    ),
    spec(
        'OPS-02',
        'warning',
        'No sessions waiting too long',
        `${DOC.flowConsiderations}; Observed in live orgs: sessions left waiting when no rep with capacity is online`,
        P.queues,
        'org'
    ),
    // OPS-03/04 see before go-live what OPS-01 sees afterwards: what stops the session record being created.
    spec(
        'OPS-03',
        'blocker',
        'No required custom field without a default on Messaging Session or Messaging User',
        'Practitioner report: Salesforce chat widget "Not sent" error or endless loading (https://www.infallibletechie.com/2025/09/solved-salesforce-chat-widget-not-sent-error-endless-loading.html)',
        P.objectManager
    ),
    spec(
        'OPS-04',
        'warning',
        'Validation rules, Apex triggers and record-triggered flows on Messaging Session and Messaging User are reviewed',
        'Practitioner report: Salesforce chat widget "Not sent" error or endless loading (https://www.infallibletechie.com/2025/09/solved-salesforce-chat-widget-not-sent-error-endless-loading.html)',
        P.objectManager
    ),
    // GL — go-live attestations (manual)
    spec(
        'GL-01',
        'blocker',
        'End-to-end test in a sandbox: session created, routed, picked up',
        src(DOC.deployments, 'Go-live practice: test the whole path as a customer and as an agent before go-live'),
        P.embeddedServiceDeployments,
        'manual'
    ),
    spec(
        'GL-02',
        'warning',
        'Off-hours auto-response configured and tested outside business hours',
        src(DOC.deployments, 'Go-live practice: test outside business hours before go-live'),
        P.flows,
        'manual'
    ),
    spec(
        'GL-03',
        'blocker',
        'Code snippet on every page where chat should appear, with a valid language code',
        src(DOC.deployments, DOC.webChatApis, DOC.spring23),
        P.embeddedServiceDeployments,
        'manual'
    ),
    spec(
        'GL-04',
        'warning',
        'Pre-chat mapping verified against a sample Messaging Session record',
        src(DOC.prechat, 'Go-live practice: compare a test session with the values entered'),
        P.flows,
        'manual'
    ),
    spec(
        'GL-05',
        'blocker',
        'Deployment republished after the last change',
        src(DOC.deployments, DOC.webChatReference),
        P.embeddedServiceDeployments,
        'manual'
    ),
    // WEB — the live website, read by `miaw-readiness probe` (docs/sources.md, "Website probe"). Static pass:
    // WEB-01..WEB-09; the browser pass adds its own block after this one.
    spec(
        'WEB-01',
        'blocker',
        'The Enhanced Chat code snippet is on the page',
        src(DOC.webChatApis, DOC.deployments),
        P.embeddedServiceDeployments,
        'website'
    ),
    spec(
        'WEB-02',
        'blocker',
        'The code snippet is well formed: init inside the onload function, four arguments, bootstrap under the site URL',
        src(DOC.webChatApis, DOC.webChatReference),
        P.embeddedServiceDeployments,
        'website'
    ),
    spec(
        'WEB-03',
        'blocker',
        'The deployment named in the snippet exists, is enabled, is an Enhanced Web Chat deployment and its channel is enabled',
        src(DOC.deployments, DOC.channelSettings),
        P.embeddedServiceDeployments,
        'website'
    ),
    spec(
        'WEB-04',
        'blocker',
        "The snippet's site URL and org Id belong to the org's deployment",
        src(DOC.deployments, DOC.webChatApis),
        P.embeddedServiceDeployments,
        'website'
    ),
    spec(
        'WEB-05',
        'warning',
        'The chat language set in the snippet is a valid language code',
        src(DOC.webChatSettings, DOC.setLanguage),
        P.embeddedServiceDeployments,
        'website'
    ),
    spec(
        'WEB-06',
        'warning',
        'The snippet is placed in the page body, before </body>',
        src(DOC.webChatApis, DOC.spring23),
        P.embeddedServiceDeployments,
        'website'
    ),
    spec(
        'WEB-07',
        'blocker',
        "The page's origin is on the CORS allowlist",
        src(DOC.cors, DOC.corsMetadata),
        P.cors,
        'website'
    ),
    spec(
        'WEB-08',
        'blocker',
        "The page's Content Security Policy lets the widget load its script, frame and connections",
        src(DOC.csp3, DOC.webChatApis),
        P.embeddedServiceDeployments,
        'website'
    ),
    spec(
        'WEB-09',
        'blocker',
        'The page is served over HTTPS without mixed content',
        src(DOC.mixedContent, DOC.corsMetadata),
        P.cors,
        'website'
    )
];

/** A check ID that is no longer emitted. It stays here (and in docs/checks.md) so it is never reused. */
export interface RetiredCheck {
    id: string;
    title: string;
    /** Why it was retired, for the reader of an old report. */
    reason: string;
    /** The ID that took over its meaning, if any. */
    replacedBy?: string;
}

export const RETIRED_CHECKS: readonly RetiredCheck[] = [
    {
        id: 'TS-02',
        title: 'The widget origin has an active CSP Trusted Site',
        reason: "Trusted URLs (formerly CSP Trusted Sites) widen the Content Security Policy of pages Salesforce serves; they do nothing for an external website, so an entry for the widget's own origin was never needed. A Salesforce-served page (an Experience Builder site) needs the messaging service (SCRT) URL instead, which TS-03 checks.",
        replacedBy: 'TS-03'
    },
    {
        id: 'CP-06',
        title: 'Other service channels affected by the org-wide capacity model',
        reason: 'Its premise was wrong: the Omni-Channel setting only makes status-based capacity available and each service channel chooses its own model, so other channels are not affected. The real trade-off (Customer Inactivity does not work with status-based capacity) is now stated by PRE-04 and CP-02.'
    },
    {
        id: 'AG-01',
        title: 'Agents hold the licence and permission for enhanced chat',
        reason: 'It passed an agent who held either the Service Cloud User feature licence or the Enhanced Chat User licence with the Enhanced Chat Rep permission. Current Salesforce Help requires both the Enhanced Chat User permission set licence and the Enhanced Chat Rep permission, so a pass now means something stricter.',
        replacedBy: 'AG-05'
    },
    {
        id: 'AG-02',
        title: 'Agents can read and edit Messaging Session and Messaging User',
        reason: 'One blocker covered both objects. Current Salesforce Help asks for read and edit on Messaging Session only, so the check is split: Messaging Session stays a blocker (AG-06), Messaging User becomes a warning (AG-07).',
        replacedBy: 'AG-06'
    }
];

const BY_ID = new Map(CHECK_SPECS.map((s) => [s.id, s]));

/** The spec for a check ID; throws on an unknown ID so a typo cannot produce an orphan result. */
export function checkSpec(id: string): CheckSpec {
    const found = BY_ID.get(id);
    if (!found) throw new Error(`unknown check ID ${id}`);
    return found;
}

export const AREA_TITLES: Readonly<Record<Area, string>> = {
    PRE: 'Prerequisites',
    CH: 'Messaging channel',
    RT: 'Queues and routing',
    PC: 'Pre-chat',
    DP: 'Embedded Service deployment',
    TS: 'Trusted sites (CORS and CSP)',
    CP: 'Capacity and presence',
    AG: 'Agents',
    OPS: 'Live signals',
    GL: 'Go-live attestations',
    WEB: 'Website'
};

export const AREA_ORDER: readonly Area[] = ['PRE', 'CH', 'RT', 'PC', 'DP', 'TS', 'CP', 'AG', 'OPS', 'GL', 'WEB'];
