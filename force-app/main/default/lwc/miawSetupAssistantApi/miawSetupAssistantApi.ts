/*
 * The one place the screens talk to Apex. Each function wraps an @AuraEnabled method of
 * MiawSnapshotController (reads the org) or MiawReadinessController (plan, runs, sign-off) and gives it a
 * type. The screens never import @salesforce/apex directly, so the Jest tests and the local preview replace
 * Apex in one place and the method contract below is written down once.
 */
import getSnapshotApex from '@salesforce/apex/MiawSnapshotController.getSnapshot';
import getConnectionStatusApex from '@salesforce/apex/MiawSnapshotController.getConnectionStatus';
import getOrgContextApex from '@salesforce/apex/MiawSnapshotController.getOrgContext';
import createTrustedSitesApex from '@salesforce/apex/MiawSnapshotController.createTrustedSites';
import runSelfTestApex from '@salesforce/apex/MiawSnapshotController.runSelfTest';
import getSetupPlanApex from '@salesforce/apex/MiawReadinessController.getSetupPlan';
import saveSetupPlanApex from '@salesforce/apex/MiawReadinessController.saveSetupPlan';
import saveTestChecklistApex from '@salesforce/apex/MiawReadinessController.saveTestChecklist';
import saveRunApex from '@salesforce/apex/MiawReadinessController.saveRun';
import attestApex from '@salesforce/apex/MiawReadinessController.attest';
import signOffApex from '@salesforce/apex/MiawReadinessController.signOff';
import listRunsApex from '@salesforce/apex/MiawReadinessController.listRuns';
import getRunApex from '@salesforce/apex/MiawReadinessController.getRun';
import { parseSetupPlan, toPlanFile } from 'c/miawReadinessEngine';
import type { AttestedResult, OrgSnapshot, ReadinessReport, SetupPlan } from 'c/miawReadinessEngine';

/**
 * Why Tooling/Metadata reads work or not. The Guided Setup turns each state into what the admin must do.
 * - connected: the Named Credential answered.
 * - not_set_up: the External Credential has no principal mapped to the user (no permission set access), or the
 *   Named Credential / External Auth Identity Provider URL is not this org's My Domain (fixSteps name each URL).
 * - not_authenticated: the principal exists but nobody has authenticated it (or the token was revoked).
 * - api_blocked: API Access Control blocks the connected app (OAUTH_APP_BLOCKED / API_DISABLED_FOR_ORG…).
 * - missing_permission: the user lacks "API Enabled" or "View Setup and Configuration".
 * - error: anything else; `message` carries the HTTP status and Salesforce's error code.
 */
export type ConnectionState =
    'connected' | 'not_set_up' | 'not_authenticated' | 'api_blocked' | 'missing_permission' | 'error';

export interface ConnectionStatus {
    state: ConnectionState;
    /** One line, e.g. "Connected as admin@example.com". */
    title: string;
    /** What happened, in words, with the Salesforce error code when there is one. */
    message: string;
    /** What the admin does next, in order. */
    fixSteps: string[];
    /** Setup page to fix it (Named Credentials, External Credentials, Connected Apps OAuth Usage…). */
    setupPath: string;
    /** Snapshot sections that stay `unavailable` until connected. */
    unavailableSections: string[];
}

export interface OrgContext {
    organizationId: string;
    /** The org's name (Company Information), as exports name the org. */
    organizationName: string;
    /** https://<mydomain>.my.salesforce.com */
    myDomainUrl: string;
    /** https://<mydomain>.my.salesforce-scrt.com: the messaging endpoint the snippet talks to. */
    scrtUrl: string;
    /** https://<mydomain>.my.site.com, where the deployment's ESW site lives (when known). */
    siteUrl?: string;
    isSandbox: boolean;
}

/** One read path of the post-install self-test (MiawSelfTestResult.Path). */
export interface SelfTestPath {
    /** Stable id: soql.<section>, credential, tooling, metadata. */
    id: string;
    kind: 'soql' | 'credential' | 'tooling' | 'metadata';
    label: string;
    /** note = read fine, with something to know (the object is absent because its feature is off). */
    status: 'pass' | 'note' | 'fail' | 'not_run';
    /** Rows read, or Salesforce's own error text (error code, HTTP status, callout message). */
    detail: string;
    /** The permission, feature or Setup page that fixes it; '' on a pass. */
    fix: string;
}

/** What MiawSelfTestService found, with the facts a maintainer needs from a report sent by an org. */
export interface SelfTestResult {
    organizationId: string;
    myDomainUrl: string;
    userName: string;
    apiVersion: string;
    namespacePrefix: string;
    packageVersion: string;
    ranAt: string;
    paths: SelfTestPath[];
}

export interface TrustedSiteRequest {
    /** Origins to add as CORS allowlist entries (urlPattern). */
    cors: string[];
    /** Origins to add as CSP trusted sites (connect-src and frame-src, context All). */
    csp: string[];
}

export interface TrustedSiteOutcome {
    kind: 'cors' | 'csp';
    origin: string;
    /** The developer name created, on success. */
    developerName?: string;
    /** Why it failed, naming the origin, on failure. */
    error?: string;
}

/** The deploy-and-test checklist as MiawTestChecklist stores it with the plan. */
export interface TestChecklist {
    /** The steps done, each with who ticked it and when. */
    items: { id: string; byName: string; at: string }[];
    /** Set once every step is done: this is what confirms GL-01. */
    completedByName?: string;
    completedAt?: string;
}

export interface SavedPlan {
    recordId: string;
    plan: SetupPlan;
    lastModifiedDate: string;
    lastModifiedByName: string;
    /** Absent when the server sent none (nothing ticked yet). */
    testChecklist?: TestChecklist;
}

export type SavedResult = AttestedResult;

export interface SavedRun {
    recordId: string;
    /** Autonumber, e.g. RUN-000042. */
    name: string;
    runAt: string;
    runByName: string;
    verdict: 'ready' | 'not_ready' | 'incomplete';
    blockers: number;
    warnings: number;
    passed: number;
    notEvaluated: number;
    manual: number;
    /** SHA-256 of the snapshot the server read when the run was saved. */
    fingerprint: string;
    isSignedOff: boolean;
    signedOffAt?: string;
    signedOffByName?: string;
    signOffComment?: string;
    /** Set by the drift monitor when the configuration changed after sign-off. */
    driftDetectedAt?: string;
    /** Sections that changed, e.g. "corsEntries, queues". */
    driftSummary?: string;
    /** Present on getRun, absent on listRuns. */
    results?: SavedResult[];
}

interface ApexPlanDto {
    recordId: string;
    planJson: string;
    lastModifiedDate: string;
    lastModifiedByName: string;
    testChecklistJson?: string | null;
}

/** An unreadable checklist counts as nothing done: the admin ticks the steps again, nothing is claimed. */
function toTestChecklist(json: string | null | undefined): TestChecklist {
    try {
        const parsed = json ? (JSON.parse(json) as Partial<TestChecklist>) : {};
        const items = Array.isArray(parsed.items) ? parsed.items.filter((i) => i && typeof i.id === 'string') : [];
        const checklist: TestChecklist = { items };
        if (parsed.completedAt) {
            checklist.completedAt = parsed.completedAt;
            checklist.completedByName = parsed.completedByName ?? '';
        }
        return checklist;
    } catch {
        return { items: [] };
    }
}

function toSavedPlan(dto: ApexPlanDto | null | undefined): SavedPlan | null {
    if (!dto) return null;
    return {
        recordId: dto.recordId,
        plan: parseSetupPlan(JSON.parse(dto.planJson)),
        lastModifiedDate: dto.lastModifiedDate,
        lastModifiedByName: dto.lastModifiedByName,
        testChecklist: toTestChecklist(dto.testChecklistJson)
    };
}

/** The org read live by Apex. Never cached: the screens must not show stale results as current. */
export async function loadSnapshot(): Promise<OrgSnapshot> {
    const json: string = await getSnapshotApex();
    return JSON.parse(json) as OrgSnapshot;
}

export function loadConnectionStatus(): Promise<ConnectionStatus> {
    return getConnectionStatusApex();
}

export function loadOrgContext(): Promise<OrgContext> {
    return getOrgContextApex();
}

/** Creates only what is listed; never deletes or edits an existing entry. */
export function createTrustedSites(request: TrustedSiteRequest): Promise<TrustedSiteOutcome[]> {
    return createTrustedSitesApex({ corsOrigins: request.cors, cspOrigins: request.csp });
}

/** Tries every read path once (nothing is written); never cached. */
export function runSelfTest(): Promise<SelfTestResult> {
    return runSelfTestApex();
}

export async function loadSetupPlan(): Promise<SavedPlan | null> {
    return toSavedPlan(await getSetupPlanApex());
}

/** Apex validates again (each bad origin is named with the reason) and throws before saving anything. */
export async function saveSetupPlan(plan: SetupPlan): Promise<SavedPlan> {
    const saved = toSavedPlan(await saveSetupPlanApex({ planJson: JSON.stringify(toPlanFile(plan)) }));
    if (!saved) throw new Error('The setup plan was not saved: the server returned nothing.');
    return saved;
}

/**
 * Stores which deploy-and-test steps are done (the whole list); the server records who and when, and confirms GL-01
 * on the plan's unsigned runs once every step is done (unchecking one withdraws it).
 */
export async function saveTestChecklist(doneItems: string[]): Promise<SavedPlan> {
    const saved = toSavedPlan(await saveTestChecklistApex({ doneItems }));
    if (!saved) throw new Error('The test checklist was not saved: the server returned nothing.');
    return saved;
}

/** Stores the report; the server reads the org again to fingerprint what the report was run on. */
export function saveRun(report: ReadinessReport, planId?: string): Promise<SavedRun> {
    return saveRunApex({ reportJson: JSON.stringify(report), planId: planId ?? null });
}

/** Records who confirmed a manual (GL) item and when; refused after sign-off. */
export function attest(runId: string, checkId: string, subject: string, note: string): Promise<SavedRun> {
    return attestApex({ runId, checkId, subject, note });
}

/** Refused while blockers fail or a manual item is unconfirmed; the run is read-only afterwards. */
export function signOff(runId: string, comment: string): Promise<SavedRun> {
    return signOffApex({ runId, comment });
}

export function listRuns(limitSize = 20): Promise<SavedRun[]> {
    return listRunsApex({ limitSize });
}

export function getRun(runId: string): Promise<SavedRun> {
    return getRunApex({ runId });
}

/**
 * An Apex or JavaScript error in words the admin can act on. AuraHandledException messages arrive in
 * body.message; DML errors in body.pageErrors / fieldErrors; network failures have no body.
 */
export function errorMessage(error: unknown): string {
    if (!error) return 'Unknown error';
    if (typeof error === 'string') return error;
    const e = error as {
        body?:
            | {
                  message?: string;
                  pageErrors?: { message: string }[];
                  fieldErrors?: Record<string, { message: string }[]>;
              }
            | { message?: string }[];
        message?: string;
        statusText?: string;
    };
    const body = e.body;
    if (Array.isArray(body)) {
        const messages = body.map((b) => b.message).filter(Boolean);
        if (messages.length) return messages.join('; ');
    } else if (body) {
        const parts: string[] = [];
        body.pageErrors?.forEach((p) => parts.push(p.message));
        Object.values(body.fieldErrors ?? {}).forEach((list) => list.forEach((f) => parts.push(f.message)));
        if (body.message) parts.unshift(body.message);
        if (parts.length) return parts.join('; ');
    }
    if (e.message) return e.message;
    if (e.statusText) return e.statusText;
    return 'Unknown error';
}
