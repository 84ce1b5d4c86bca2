/*
 * Real-shaped inputs for the Guided Setup tests: the bundled demos read by the CLI's metadata reader, and the
 * Apex DTOs (connection status, org context, saved plan) as miawSetupAssistantApi returns them.
 */
import { readDemo } from '../../../../../../test/support/demoOrgs';
import type { Demo } from '../../../../../../test/support/demoOrgs';
import type { OrgSnapshot, SetupPlan } from 'c/miawReadinessEngine';
import type { ConnectionStatus, OrgContext, SavedPlan } from 'c/miawSetupAssistantApi';

export type { Demo };

const cache = new Map<Demo, { snapshot: OrgSnapshot; plan: SetupPlan }>();

function inputs(demo: Demo): { snapshot: OrgSnapshot; plan: SetupPlan } {
    let found = cache.get(demo);
    if (!found) {
        found = readDemo(demo);
        cache.set(demo, found);
    }
    return found;
}

/** A fresh copy each call: a component must not change what the next test reads. */
export function demoSnapshot(demo: Demo): OrgSnapshot {
    return JSON.parse(JSON.stringify(inputs(demo).snapshot));
}

export function demoPlan(demo: Demo): SetupPlan {
    return JSON.parse(JSON.stringify(inputs(demo).plan));
}

export function savedDemoPlan(demo: Demo): SavedPlan {
    return {
        recordId: 'a01000000000001AAA',
        plan: demoPlan(demo),
        lastModifiedDate: '2026-11-20T10:00:00.000Z',
        lastModifiedByName: 'Ada Admin'
    };
}

export const CONNECTED: ConnectionStatus = {
    state: 'connected',
    title: 'Connected as ada@acme.example',
    message: 'The Named Credential answered.',
    fixSteps: [],
    setupPath: '/lightning/setup/NamedCredential/home',
    unavailableSections: []
};

export const NOT_AUTHENTICATED: ConnectionStatus = {
    state: 'not_authenticated',
    title: 'Not connected to the API',
    message: 'Nobody has authenticated the MIAW Setup Assistant principal yet.',
    fixSteps: [
        'Open Setup > Named Credentials > External Credentials > MIAW Setup Assistant.',
        'Under Principals, click Authenticate and sign in as an admin.'
    ],
    setupPath: '/lightning/setup/NamedCredential/home',
    unavailableSections: ['corsEntries', 'cspTrustedSites']
};

export const ORG_CONTEXT: OrgContext = {
    organizationId: '00D000000000001EAA',
    organizationName: 'Acme Outdoor',
    myDomainUrl: 'https://acme.my.salesforce.com',
    scrtUrl: 'https://acme.my.salesforce-scrt.com',
    siteUrl: 'https://acme.my.site.com/ESWAcmeWebChat1700000000000',
    isSandbox: true
};
