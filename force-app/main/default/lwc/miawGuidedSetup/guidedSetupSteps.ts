/*
 * The seven steps of the community setup guide's "Recommended Workflow", what each asks the admin to do, which check areas and
 * snapshot sections belong to it, and the seed's decision guidance. Data and pure helpers only; the component
 * renders them.
 */
import { SECTION_LABELS, SETUP_PATHS } from 'c/miawReadinessEngine';
import type { Area, CheckResult, OrgSnapshot, Section, SnapshotSectionName } from 'c/miawReadinessEngine';

export type StepId = 'prerequisites' | 'channel' | 'deployment' | 'trustedSites' | 'capacity' | 'deployTest' | 'review';

export interface SetupLink {
    /** Names the Setup page; the button reads "Open in Setup: <label>". */
    label: string;
    path: string;
}

export interface StepDefinition {
    id: StepId;
    label: string;
    areas: Area[];
    /** What to do, in order, in plain words (the community setup guide "Recommended Workflow"). */
    todo: string[];
    setupLinks: SetupLink[];
    /** Snapshot sections the step's checks read; a section that was not read is explained on the step. */
    sections: SnapshotSectionName[];
}

export const STEPS: readonly StepDefinition[] = [
    {
        id: 'prerequisites',
        label: 'Prerequisites',
        areas: ['PRE'],
        todo: [
            'Confirm that Messaging for In-App and Web is available in Setup > Messaging Settings. It is separate from legacy Chat (Live Agent).',
            'Confirm that Omni-Channel is turned on in Setup > Omni-Channel Settings.',
            'Write down every site where the chat will run (production, staging, preview) and choose the routing strategy.'
        ],
        setupLinks: [
            { label: 'Messaging Settings', path: SETUP_PATHS.messagingSettings },
            { label: 'Omni-Channel Settings', path: SETUP_PATHS.omniChannelSettings }
        ],
        sections: ['omniChannelSettings', 'liveMessageSettings', 'messagingChannels']
    },
    {
        id: 'channel',
        label: 'Messaging channel',
        areas: ['CH', 'RT'],
        todo: [
            'In Setup > Messaging Settings, click New Channel and choose Messaging for In-App and Web.',
            'Route it with a queue, or with an Omni-Channel flow (flow type Omni-Channel Flow).',
            'Set a fallback queue: when the routing flow fails, Salesforce sends the session there; without one it is not routed.',
            'Give every messaging queue a routing configuration and members who can work messaging.'
        ],
        setupLinks: [
            { label: 'Messaging Settings', path: SETUP_PATHS.messagingSettings },
            { label: 'Queues', path: SETUP_PATHS.queues },
            { label: 'Flows', path: SETUP_PATHS.flows }
        ],
        sections: ['messagingChannels', 'queues', 'routingConfigs', 'flows']
    },
    {
        id: 'deployment',
        label: 'Embedded Service deployment',
        areas: ['DP', 'PC'],
        todo: [
            'In Setup > Embedded Service Deployments, click New Deployment and choose Messaging for In-App and Web (not Chat).',
            'Choose Web for a website, Mobile for an app built with the In-App SDK, or Custom Client for the Enhanced Chat API; the type cannot be changed later.',
            'Link it to the messaging channel from the previous step (every channel customers use needs a deployment), set branding, and publish it.',
            'Add the pre-chat fields below to the pre-chat form; map each custom one to a variable of the routing flow.',
            'Do not reuse a legacy Chat deployment: Legacy Chat was retired on 14 February 2026 and cannot be converted.'
        ],
        setupLinks: [{ label: 'Embedded Service Deployments', path: SETUP_PATHS.embeddedServiceDeployments }],
        sections: ['deployments', 'legacyChat', 'messagingChannels', 'flows']
    },
    {
        id: 'trustedSites',
        label: 'Trusted sites',
        areas: ['TS'],
        todo: [
            'Add every site where the chat will run, with its environment.',
            'Each site needs a CORS allowlist entry (Setup > CORS).',
            'If the chat runs on an Experience Cloud or Commerce site, that site also needs the messaging service URL (scrt2URL in the code snippet) as a Trusted URL with connect-src (Setup > Trusted URLs). An external website needs no Trusted URL.',
            'Include staging, preview and sandbox sites: a test site missing from the allowlist is a common reason the chat fails outside production.'
        ],
        setupLinks: [
            { label: 'CORS', path: SETUP_PATHS.cors },
            { label: 'Trusted URLs', path: SETUP_PATHS.cspTrustedSites }
        ],
        sections: ['corsEntries', 'cspTrustedSites', 'deployments']
    },
    {
        id: 'capacity',
        label: 'Capacity and presence',
        areas: ['CP', 'AG'],
        todo: [
            "Choose the capacity model of the Messaging service channel: status-based keeps a session on a rep's capacity until it ends; tab-based frees it when the rep closes the tab. Status-based must first be enabled in Setup > Omni-Channel Settings, and Customer Inactivity does not work with it.",
            'Link a presence status to the messaging service channel and give agents access to it.',
            'Assign a presence configuration with messaging capacity to the agents.',
            'Give agents the enhanced chat licence and permission, and access to Messaging Session and Messaging User.'
        ],
        setupLinks: [
            { label: 'Omni-Channel Settings', path: SETUP_PATHS.omniChannelSettings },
            { label: 'Presence Configurations', path: SETUP_PATHS.presenceConfigurations },
            { label: 'Presence Statuses', path: SETUP_PATHS.presenceStatuses }
        ],
        sections: ['serviceChannels', 'presenceStatuses', 'presenceConfigs', 'permissionSets', 'agents', 'flexiPages']
    },
    {
        id: 'deployTest',
        label: 'Deploy and test',
        areas: ['OPS'],
        todo: [
            'Copy the code snippet from the deployment (Embedded Service Deployments > your deployment > Code Snippet).',
            'Paste it on every page where the chat appears, then run the test script below in a sandbox.'
        ],
        setupLinks: [{ label: 'Embedded Service Deployments', path: SETUP_PATHS.embeddedServiceDeployments }],
        sections: ['sessionSignals']
    },
    {
        id: 'review',
        label: 'Review and sign off',
        areas: ['GL'],
        todo: [
            'Go through the summary below: every step should be free of blockers.',
            'Confirm the go-live items (they need a person), then run and sign off the Readiness Report.'
        ],
        setupLinks: [{ label: 'Embedded Service Deployments', path: SETUP_PATHS.embeddedServiceDeployments }],
        sections: []
    }
];

export interface DecisionRow {
    situation: string;
    approach: string;
    reason: string;
}

/** The community setup guide's "Decision Guidance", the rows about routing (shown citing Salesforce Help, "How Does an Omni-Channel Flow Work?"). */
export const ROUTING_GUIDANCE: readonly DecisionRow[] = [
    {
        situation: 'Single-language support team, no conditional routing',
        approach: 'Queue',
        reason: 'Simpler to configure and maintain; sufficient for most small deployments.'
    },
    {
        situation: 'Multi-language or multi-skill routing, business-hours fallback',
        approach: 'Omni-Channel flow',
        reason: 'Flows support conditional branching; queues cannot route conditionally.'
    },
    {
        situation: 'A pre-chat form passes values to routing',
        approach: 'Omni-Channel flow',
        reason: 'Pre-chat values reach routing only through flow variables (check CH-08).'
    }
];

/**
 * The rows about capacity, from Salesforce Help "Set Up a Status-Based Capacity Model" and "Ending or
 * Inactivating Messaging Sessions Automatically" (the community setup guide's "org-wide switch" row was wrong: the model is chosen
 * per service channel).
 */
export const CAPACITY_GUIDANCE: readonly DecisionRow[] = [
    {
        situation: "A session should use a rep's capacity until it ends, even after the rep closes its tab",
        approach: 'Status-based',
        reason: 'Capacity is released when the work is completed or reassigned, not when a tab closes.'
    },
    {
        situation: 'Idle sessions should be marked Inactive automatically (Customer Inactivity)',
        approach: 'Tab-based',
        reason: 'Customer Inactivity does not work when status-based capacity is enabled.'
    },
    {
        situation: 'Other service channels already use tab-based capacity',
        approach: 'Either',
        reason: 'Enabling status-based capacity only makes it available; each service channel keeps its own model until you change it.'
    }
];

/** The community setup guide's step 6 and its review checklist, as the admin ticks them off. */
export const TEST_SCRIPT: readonly { id: string; label: string }[] = [
    { id: 'snippet', label: 'The snippet is on a sandbox or staging page, before </body>, with a valid language code' },
    { id: 'customer', label: 'As the customer (one browser), the chat button shows and a conversation starts' },
    { id: 'agent', label: 'As an agent (another session) with the messaging presence status, you are online' },
    { id: 'routed', label: 'The session routes to the agent and opens in the console' },
    { id: 'prechat', label: 'Pre-chat values appear on the Messaging Session record' },
    { id: 'offhours', label: 'Outside business hours, the off-hours auto-response appears' }
];

export function stepById(id: string): StepDefinition {
    return STEPS.find((s) => s.id === id) ?? STEPS[0];
}

export function resultsForStep(step: StepDefinition, results: readonly CheckResult[]): CheckResult[] {
    return results.filter((r) => step.areas.includes(r.area));
}

export interface StepSummary {
    blockers: number;
    warnings: number;
    toConfirm: number;
    notEvaluated: number;
    passed: number;
}

export function summarizeStep(results: readonly CheckResult[]): StepSummary {
    const fails = results.filter((r) => r.status === 'fail');
    return {
        blockers: fails.filter((r) => r.severity === 'blocker').length,
        warnings: fails.filter((r) => r.severity === 'warning').length,
        toConfirm: results.filter((r) => r.status === 'manual').length,
        notEvaluated: results.filter((r) => r.status === 'not_evaluated').length,
        passed: results.filter((r) => r.status === 'pass').length
    };
}

export function sectionLabel(name: string): string {
    const label = (SECTION_LABELS as Record<string, string>)[name] ?? name;
    return label.charAt(0).toUpperCase() + label.slice(1);
}

/** What a section that was not read means for the admin, by its state; '' when it was read. */
export function sectionStateText(name: SnapshotSectionName, section: Section<unknown>): string {
    const label = sectionLabel(name);
    const why = section.reason ? ` (${section.reason})` : '';
    switch (section.state) {
        case 'read':
            return '';
        case 'not_present':
            return `${label}: not in this org${why}. Turn on the feature that provides it, then click Re-check.`;
        case 'no_permission':
            return `${label}: you may not read it${why}. Ask for read access or run Guided Setup as an admin.`;
        case 'unavailable':
            return `${label}: unavailable until the app is connected to the org's API${why}. See the Prerequisites step.`;
        case 'error':
            return `${label}: could not be read${why}. Click Re-check; if it persists, the reason above says what failed.`;
        default:
            return `${label}: not read${why}.`;
    }
}

export function unreadSectionNotes(
    snapshot: OrgSnapshot | null,
    sections: readonly SnapshotSectionName[]
): { key: string; text: string }[] {
    if (!snapshot) return [];
    return sections
        .map((name) => ({ key: name, text: sectionStateText(name, snapshot[name] as Section<unknown>) }))
        .filter((n) => n.text !== '');
}
