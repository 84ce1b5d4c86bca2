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
    evaluatedIn: 'metadata' | 'org' | 'manual';
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

export const CHECK_SPECS: readonly CheckSpec[] = [
    // PRE — prerequisites
    spec('PRE-01', 'blocker', 'Omni-Channel is enabled', '000 "Before Starting"; 002 L825', P.omniChannelSettings),
    spec('PRE-02', 'blocker', 'Messaging for In-App and Web is available', '000; 002 L273-277', P.messagingSettings),
    spec('PRE-03', 'info', 'The Messaging toggle is not needed for MIAW', '002 L870, L1726', P.messagingSettings),
    spec(
        'PRE-04',
        'warning',
        'Org-wide status-based capacity model is enabled',
        '000 "Status-Based Capacity Model", gotchas',
        P.omniChannelSettings
    ),
    spec('PRE-05', 'info', 'Skills-based and direct-to-agent routing is enabled', '002 L6450', P.omniChannelSettings),
    // CH — messaging channel
    spec(
        'CH-01',
        'blocker',
        'A Messaging for In-App and Web channel exists',
        '000 checklist 2; 002 L873',
        P.messagingSettings
    ),
    spec('CH-02', 'blocker', 'The messaging channel is active', '003; 002', P.messagingSettings, 'org'),
    spec('CH-03', 'blocker', 'The channel has a routing target', '000 checklist 2', P.messagingSettings),
    spec(
        'CH-04',
        'blocker',
        'A fallback queue is set',
        '000 gotcha "Fallback queue is mandatory"; 002 L875',
        P.messagingSettings
    ),
    spec('CH-05', 'blocker', 'The routing flow exists, is active and is an Omni-Channel flow', '002 L834-864', P.flows),
    spec('CH-06', 'blocker', 'The routing flow declares the recordId input variable', '002 L842, L858', P.flows),
    spec(
        'CH-07',
        'warning',
        "The flow's Route Work uses the messaging service channel and an existing queue",
        '002 L860-862',
        P.flows
    ),
    spec('CH-08', 'warning', 'A pre-chat form requires Omni-Channel flow routing', '002 L653', P.messagingSettings),
    spec(
        'CH-09',
        'info',
        'Estimated wait time is enabled and routed to a queue',
        '002 L6032-6041',
        P.messagingSettings
    ),
    // RT — queues and routing
    spec(
        'RT-01',
        'blocker',
        'Routing and fallback queues exist and support Messaging Session',
        '002 L827; 003',
        P.queues
    ),
    spec('RT-02', 'blocker', 'Each messaging queue has an Omni-Channel routing configuration', '002 L1933', P.queues),
    spec('RT-03', 'blocker', 'Each messaging queue has members who can work messaging', '003; 002', P.queues),
    spec(
        'RT-04',
        'warning',
        "A work item fits an agent's capacity",
        'research: failure mode "agent never offered work"',
        P.routingConfigurations
    ),
    spec('RT-05', 'info', 'Routing model and push timeout are set deliberately', '—', P.routingConfigurations),
    // PC — pre-chat
    spec(
        'PC-01',
        'blocker',
        'Every custom pre-chat field refers to an existing channel parameter',
        '002 L1145-1190',
        P.embeddedServiceDeployments
    ),
    spec(
        'PC-02',
        'blocker',
        'Every channel parameter used by the form is mapped to a flow variable',
        '002 L1248-1257',
        P.messagingSettings
    ),
    spec(
        'PC-03',
        'blocker',
        'Every mapped flow variable exists in the routing flow as a Text input',
        '002 L1272-1275',
        P.flows
    ),
    spec(
        'PC-04',
        'blocker',
        'Hidden pre-chat fields are Text and not required',
        '002 L1205',
        P.embeddedServiceDeployments
    ),
    spec(
        'PC-05',
        'blocker',
        'No hidden and visible pre-chat field share a parameter name',
        '002 L1173',
        P.embeddedServiceDeployments
    ),
    spec('PC-06', 'warning', 'At most 6 visible pre-chat fields', '002 L1173', P.embeddedServiceDeployments),
    spec('PC-07', 'warning', 'The flow writes pre-chat values to the session before Route Work', '002 L1280', P.flows),
    spec(
        'PC-08',
        'warning',
        'Contact matching is automated by the flow',
        '000 gotcha "do not auto-match Contact"',
        P.flows
    ),
    spec(
        'PC-09',
        'warning',
        'The pre-chat form is active and has the planned fields',
        '002 L1177',
        P.embeddedServiceDeployments
    ),
    // DP — embedded service deployment
    spec(
        'DP-01',
        'blocker',
        'A Messaging for In-App and Web deployment exists for the channel',
        '000 checklist 4',
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-02',
        'blocker',
        'The deployment and its messaging-channel link are both enabled',
        'real org exports show the two disagreeing',
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-03',
        'blocker',
        'The deployment points at an existing, active MIAW channel',
        '000 checklist 4; 002 L660',
        P.embeddedServiceDeployments
    ),
    spec(
        'DP-04',
        'warning',
        'No legacy Chat (Live Agent) deployments or branding remain',
        '000 gotcha; 001',
        P.embeddedServiceDeployments
    ),
    spec('DP-05', 'info', 'Deployment type (Web or Mobile) is as intended', '002 L655', P.embeddedServiceDeployments),
    spec('DP-06', 'info', 'Business hours on the deployment', 'research', P.businessHours),
    spec(
        'DP-07',
        'info',
        'Deployment republished after its last change',
        '002 L659, L1341-1360',
        P.embeddedServiceDeployments,
        'manual'
    ),
    // TS — trusted sites
    spec('TS-01', 'blocker', 'The widget origin is on the CORS allowlist', '000; 002 L973-981', P.cors),
    spec('TS-02', 'warning', 'The widget origin has an active CSP Trusted Site', '000 checklist', P.cspTrustedSites),
    spec(
        'TS-03',
        'blocker',
        'Experience/Commerce sites: SCRT URL in CSP (connect-src) and site domain in CORS',
        '002 L1050-1056, L1397-1413',
        P.cspTrustedSites
    ),
    spec('TS-04', 'warning', 'Allowlist entries are well formed', '002 L975', P.cors),
    spec('TS-05', 'warning', 'No over-broad allowlist entry', '—', P.cors),
    spec(
        'TS-06',
        'info',
        'Non-production origins are covered too',
        '000 "most common cause of failures in non-production"',
        P.cors
    ),
    spec(
        'TS-07',
        'warning',
        "Each widget origin falls under the deployment's Domain",
        '002 L936',
        P.embeddedServiceDeployments
    ),
    // CP — capacity and presence
    spec('CP-01', 'blocker', 'The messaging service channel exists', '002 L826', P.serviceChannels),
    spec('CP-02', 'warning', 'The messaging service channel uses status-based capacity', '000', P.serviceChannels),
    spec(
        'CP-03',
        'blocker',
        'A presence status is linked to the messaging service channel',
        '002 L829',
        P.presenceStatuses
    ),
    spec('CP-04', 'blocker', 'Agents can use the messaging presence status', '002 L777-778, L830', P.permissionSets),
    spec(
        'CP-05',
        'blocker',
        'A presence configuration with capacity is assigned to the agents',
        '000 checklist 7',
        P.presenceConfigurations
    ),
    spec(
        'CP-06',
        'info',
        'Other service channels affected by the org-wide capacity model',
        '000 gotcha',
        P.serviceChannels
    ),
    // AG — agents
    spec(
        'AG-01',
        'blocker',
        'Agents hold the licence and permission for enhanced chat',
        '002 L775, L6191; reference/data-model',
        P.permissionSets
    ),
    spec(
        'AG-02',
        'blocker',
        'Agents can read and edit Messaging Session and Messaging User',
        '002 L779-781',
        P.permissionSets
    ),
    // org: whether an agent is ready joins permission set assignments and the Enhanced Chat User licence, which
    // a metadata folder never holds; a scan can only say "could be" (AG-01/AG-02 judge the permission sets).
    spec('AG-03', 'blocker', 'At least one agent is fully ready to take chats', 'research', P.users, 'org'),
    spec(
        'AG-04',
        'warning',
        'The Messaging Session record page shows the Enhanced Conversation component',
        '002 L880-888',
        P.lightningAppBuilder
    ),
    // OPS — live signals (org only)
    spec('OPS-01', 'warning', 'No recent sessions in status Error', '002 L495', P.flows, 'org'),
    spec('OPS-02', 'warning', 'No sessions waiting too long', '000 gotcha', P.queues, 'org'),
    // GL — go-live attestations (manual)
    spec(
        'GL-01',
        'blocker',
        'End-to-end test in a sandbox: session created, routed, picked up',
        '000 review checklist',
        P.embeddedServiceDeployments,
        'manual'
    ),
    spec(
        'GL-02',
        'warning',
        'Off-hours auto-response configured and tested outside business hours',
        '000 review checklist',
        P.flows,
        'manual'
    ),
    spec(
        'GL-03',
        'blocker',
        'Code snippet on every page before </body> with a valid language code',
        '000 review checklist; 002 L968',
        P.embeddedServiceDeployments,
        'manual'
    ),
    spec(
        'GL-04',
        'warning',
        'Pre-chat mapping verified against a sample Messaging Session record',
        '000 review checklist',
        P.flows,
        'manual'
    ),
    spec(
        'GL-05',
        'blocker',
        'Deployment republished after the last change',
        '000 review checklist; 002 L659',
        P.embeddedServiceDeployments,
        'manual'
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

export const RETIRED_CHECKS: readonly RetiredCheck[] = [];

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
    GL: 'Go-live attestations'
};

export const AREA_ORDER: readonly Area[] = ['PRE', 'CH', 'RT', 'PC', 'DP', 'TS', 'CP', 'AG', 'OPS', 'GL'];
