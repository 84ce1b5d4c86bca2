/*
 * The in-memory "org" behind the preview's Apex fakes. One state per demo org (needs-work | ready | large), kept
 * for the life of the page, so the flow works end to end: a saved plan is served back, trusted sites created
 * through createTrustedSites appear in the next snapshot, saved runs are listed, attested and signed off with
 * the rules MiawReadinessController enforces. Errors reach the screens shaped like Apex errors
 * ({ body: { message } }), so errorMessage() in miawSetupAssistantApi.ts reads them as it would in the org.
 */
import { parseOrigin, parseSetupPlan, summarize } from 'c/miawReadinessEngine';

export const ORGS = ['needs-work', 'ready', 'large'];
export const CONNECTION_STATES = [
    'connected',
    'not_set_up',
    'not_authenticated',
    'api_blocked',
    'missing_permission',
    'error'
];
export const USER_NAME = 'Ada Admin';

const query = new URLSearchParams(window.location.search);
const latency = Number(query.get('latency'));

export const settings = {
    org: ORGS.includes(query.get('org')) ? query.get('org') : 'needs-work',
    connection: CONNECTION_STATES.includes(query.get('connection')) ? query.get('connection') : 'connected',
    // A little latency by default so spinners and loading states show as they would against a real org.
    latencyMs: Number.isFinite(latency) && query.has('latency') ? latency : 150
};

export function setOrg(org) {
    if (!ORGS.includes(org)) throw new Error(`Unknown demo org "${org}" (known: ${ORGS.join(', ')})`);
    settings.org = org;
}

export function setConnection(state) {
    if (!CONNECTION_STATES.includes(state)) throw new Error(`Unknown connection state "${state}"`);
    settings.connection = state;
}

// ---------------------------------------------------------------------------------------------------------
// Per-org data: build/preview/data/<org>.json, written by tools/preview/prepareData.ts
// ---------------------------------------------------------------------------------------------------------

const orgs = new Map();

async function orgData() {
    const org = settings.org;
    if (!orgs.has(org)) {
        const loading = fetch(`/data/${org}.json`).then(async (response) => {
            if (!response.ok) throw new Error(`preview data for ${org} missing (HTTP ${response.status})`);
            const data = await response.json();
            return {
                label: data.label,
                cliNote: data.cliNote || '',
                context: data.context,
                snapshot: data.snapshot,
                plan: data.plan
                    ? {
                          recordId: 'a015e00000PlanAAAA',
                          planJson: JSON.stringify(data.plan),
                          lastModifiedDate: '2026-02-27T16:05:00.000Z',
                          lastModifiedByName: USER_NAME
                      }
                    : null,
                runs: [],
                runSeq: 0,
                siteSeq: 0
            };
        });
        orgs.set(org, loading);
        loading.catch(() => orgs.delete(org));
    }
    return orgs.get(org);
}

/** The preview strip's note on how the CLI's blocker count for this demo compares (prepareData.ts). */
export async function demoNote() {
    return (await orgData()).cliNote;
}

// ---------------------------------------------------------------------------------------------------------
// Call plumbing
// ---------------------------------------------------------------------------------------------------------

/** An error as an imperative Apex call rejects with it (AuraHandledException -> body.message). */
export function apexError(message) {
    return { body: { message, exceptionType: 'System.AuraHandledException' }, status: 500, statusText: 'Server Error' };
}

const calls = (window.__previewApexCalls = window.__previewApexCalls || []);

/**
 * Runs one fake Apex method: records the call (the e2e reads window.__previewApexCalls), waits the simulated
 * latency, and returns a deep copy, as the platform serialises every response.
 */
export async function call(method, params, body) {
    calls.push({ method, params: params ? JSON.parse(JSON.stringify(params)) : {}, org: settings.org });
    if (settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, settings.latencyMs));
    try {
        const result = await body(await orgData(), params || {});
        return result === undefined || result === null ? null : JSON.parse(JSON.stringify(result));
    } catch (e) {
        if (e && e.body) throw e;
        throw apexError(e && e.message ? e.message : String(e));
    }
}

// ---------------------------------------------------------------------------------------------------------
// Snapshot and connection
// ---------------------------------------------------------------------------------------------------------

/** What the org can only tell through the Tooling/Metadata API (the packaged Named Credential). */
const API_ONLY_SECTIONS = ['deployments', 'omniChannelSettings', 'liveMessageSettings', 'flows'];

/**
 * The fixture's live session data was read with the fixture (origin.readAt); served as read now, its sessions move
 * by the same amount, so "in the last 24 hours" stays true next to the times shown.
 */
function rebaseSessions(snapshot, fromIso, to) {
    const shift = to.getTime() - new Date(fromIso).getTime();
    const signals = snapshot.sessionSignals;
    if (!Number.isFinite(shift) || !signals || !Array.isArray(signals.items)) return;
    const move = (iso) => (iso ? new Date(new Date(iso).getTime() + shift).toISOString().replace(/\.000Z$/, 'Z') : iso);
    for (const item of signals.items) {
        for (const list of [item.errored, item.waiting]) {
            (list || []).forEach((session) => {
                session.createdDate = move(session.createdDate);
            });
        }
    }
}

export function snapshotJson(data) {
    const snapshot = JSON.parse(JSON.stringify(data.snapshot));
    const now = new Date();
    if (snapshot.origin && snapshot.origin.readAt) rebaseSessions(snapshot, snapshot.origin.readAt, now);
    snapshot.origin = { ...snapshot.origin, readAt: now.toISOString() };
    if (settings.connection !== 'connected') {
        for (const name of API_ONLY_SECTIONS) {
            snapshot[name] = { state: 'unavailable', reason: 'unavailable: needs API access', items: [] };
        }
    }
    return JSON.stringify(snapshot);
}

const NAMED_CREDENTIALS_PATH = '/lightning/setup/NamedCredential/home';

export function connectionStatus(data) {
    const user = `admin@${data.context.myDomain}.example`;
    const unavailableSections = settings.connection === 'connected' ? [] : API_ONLY_SECTIONS;
    const status = {
        connected: {
            title: `Connected as ${user}`,
            message: 'The MIAW Setup Assistant credential answered: deployments, settings and flows are read live.',
            fixSteps: [],
            setupPath: NAMED_CREDENTIALS_PATH
        },
        // not_set_up and not_authenticated: the words of MiawConnectionService, with the packaged credential's
        // name (MiawSetupAssistant); test/namesAgree.test.ts holds the preview to the package's names.
        not_set_up: {
            title: 'The credential is not set up for you',
            message:
                'Salesforce refused to use the MIAW Setup Assistant credential: no External Credential principal is available for this user.',
            fixSteps: [
                'Ask your administrator to assign you the "MIAW Setup Assistant User" permission set: it grants the per-user External Credential principal.',
                'In Setup > Security > Named Credentials > External Credentials > MiawSetupAssistant, check the per-user principal "PerUser" exists.'
            ],
            setupPath: NAMED_CREDENTIALS_PATH
        },
        not_authenticated: {
            title: 'You have not authenticated the credential yet',
            message:
                'The MIAW Setup Assistant credential has no valid token for you: the per-user principal of the External Credential MiawSetupAssistant has not been authenticated (or the token was revoked).',
            fixSteps: [
                'Open your personal settings > External Credentials (your avatar > Settings > My Personal Information > External Credentials).',
                'Find "MIAW Setup Assistant" and authenticate: log in with your own Salesforce user of this org.',
                'Come back and run the check again.'
            ],
            setupPath: NAMED_CREDENTIALS_PATH
        },
        api_blocked: {
            title: 'API Access Control blocks the connection',
            message: 'Salesforce answered OAUTH_APP_BLOCKED: the connected app is not allowed in this org.',
            fixSteps: [
                'Open Setup > Connected Apps OAuth Usage.',
                'Install or allow the "MIAW Setup Assistant" connected app.',
                'Come back here and choose Re-check.'
            ],
            setupPath: '/lightning/setup/ConnectedAppsUsage/home'
        },
        missing_permission: {
            title: 'Your user cannot call the API',
            message: 'Salesforce answered API_DISABLED_FOR_USER: "API Enabled" is missing from your profile.',
            fixSteps: [
                'Grant "API Enabled" and "View Setup and Configuration" through a permission set.',
                'Come back here and choose Re-check.'
            ],
            setupPath: '/lightning/setup/PermSets/home'
        },
        error: {
            title: 'The API connection failed',
            message: 'HTTP 503 from the Tooling API (SERVER_UNAVAILABLE). Try again in a few minutes.',
            fixSteps: ['Choose Re-check in a few minutes.', 'If it persists, check Salesforce Trust for incidents.'],
            setupPath: NAMED_CREDENTIALS_PATH
        }
    }[settings.connection];
    return { state: settings.connection, unavailableSections, ...status };
}

export function orgContext(data) {
    const host = data.context.myDomain;
    return {
        organizationId: data.context.organizationId,
        organizationName: data.context.organizationName,
        myDomainUrl: `https://${host}.my.salesforce.com`,
        scrtUrl: `https://${host}.my.salesforce-scrt.com`,
        siteUrl: `https://${host}.my.site.com`,
        isSandbox: false
    };
}

/** As MiawTrustedSiteService (and the zip, trustedSiteFix.ts): Miaw_Cors_<host> / Miaw_Csp_<host>. */
const developerNameFor = (kind, origin) =>
    `Miaw_${kind === 'cors' ? 'Cors' : 'Csp'}_${origin.text
        .split('://')[1]
        .replace(/[^A-Za-z0-9]+/g, '_')
        .replace(/^_+/, '')}`
        .replace(/_+$/, '')
        .slice(0, 80)
        .replace(/_+$/, '');
const kindLabel = (kind) => (kind === 'cors' ? 'CORS allowlist entry' : 'CSP Trusted Site');

/** Creates only what is listed, one outcome per origin; never edits or deletes an entry. */
export function createTrustedSites(data, { corsOrigins = [], cspOrigins = [] }) {
    if (settings.connection !== 'connected') {
        throw apexError(
            'Trusted sites were not created: the API connection is not set up. Connect it on the Prerequisites step first.'
        );
    }
    const outcomes = [];
    const create = (kind, input) => {
        const parsed = parseOrigin(input);
        if (!parsed.ok) return outcomes.push({ kind, origin: input, error: parsed.error });
        const origin = parsed.origin;
        const section = kind === 'cors' ? data.snapshot.corsEntries : data.snapshot.cspTrustedSites;
        const existing = section.items.find(
            (item) => (kind === 'cors' ? item.urlPattern : item.endpointUrl).toLowerCase() === origin.text
        );
        if (existing) {
            return outcomes.push({
                kind,
                origin: input,
                error: `"${origin.text}" was not added as a ${kindLabel(kind)}: DUPLICATE_VALUE: ${existing.developerName} already allows it`
            });
        }
        data.siteSeq += 1;
        const developerName = developerNameFor(kind, origin);
        const recordId = `${kind === 'cors' ? '0Tc' : '08y'}5e0000000${String(data.siteSeq).padStart(3, '0')}AAA`;
        if (kind === 'cors') section.items.push({ developerName, urlPattern: origin.text, source: { recordId } });
        else {
            section.items.push({
                developerName,
                endpointUrl: origin.text,
                isActive: true,
                context: 'All',
                isApplicableToConnectSrc: true,
                isApplicableToFrameSrc: false,
                source: { recordId }
            });
        }
        return outcomes.push({ kind, origin: input, developerName });
    };
    corsOrigins.forEach((o) => create('cors', o));
    cspOrigins.forEach((o) => create('csp', o));
    return outcomes;
}

// ---------------------------------------------------------------------------------------------------------
// Setup plan
// ---------------------------------------------------------------------------------------------------------

/**
 * As MiawPlanService.saveSetupPlan: the engine's plan rules, every origin checked, all problems reported together,
 * nothing saved while one remains. Stored normalised: canonical origins, duplicates dropped, an inferred
 * environment stored as a plain origin string (inferred again on load), `environmentSource` folded away.
 */
export function saveSetupPlan(data, { planJson }) {
    let input;
    try {
        input = JSON.parse(planJson);
    } catch (e) {
        throw apexError(`The setup plan was not saved: it is not valid JSON (${e.message}).`);
    }
    const entries = input && Array.isArray(input.widgetOrigins) ? input.widgetOrigins : [];
    const withoutSource = entries.map((entry) => {
        if (!entry || typeof entry !== 'object') return entry;
        const copy = { ...entry };
        delete copy.environmentSource;
        return copy;
    });
    try {
        parseSetupPlan(input && typeof input === 'object' ? { ...input, widgetOrigins: withoutSource } : input);
    } catch (e) {
        throw apexError(`The setup plan was not saved: ${e.message}.`);
    }
    const problems = [];
    const origins = [];
    entries.forEach((entry) => {
        const parsed = parseOrigin(typeof entry === 'string' ? entry : entry.origin);
        if (!parsed.ok) return problems.push(parsed.error);
        if (origins.some((o) => (typeof o === 'string' ? o : o.origin) === parsed.origin.text)) return undefined;
        const inferred = typeof entry === 'string' || entry.environmentSource === 'inferred' || !entry.environment;
        return origins.push(
            inferred ? parsed.origin.text : { origin: parsed.origin.text, environment: entry.environment }
        );
    });
    if (problems.length) throw apexError(`The setup plan was not saved: ${problems.join('; ')}`);
    data.plan = {
        recordId: data.plan ? data.plan.recordId : 'a015e00000PlanAAAA',
        planJson: JSON.stringify({ ...input, widgetOrigins: origins }),
        lastModifiedDate: new Date().toISOString(),
        lastModifiedByName: USER_NAME,
        testChecklistJson: data.plan ? data.plan.testChecklistJson : undefined
    };
    return data.plan;
}

// ---------------------------------------------------------------------------------------------------------
// The deploy-and-test checklist (MiawTestChecklist): stored with the plan, completing it confirms GL-01
// ---------------------------------------------------------------------------------------------------------

export const TEST_CHECKLIST_ITEMS = ['snippet', 'customer', 'agent', 'routed', 'prechat', 'offhours'];

function checklistState(data) {
    try {
        const state = JSON.parse((data.plan && data.plan.testChecklistJson) || '{}');
        return { items: Array.isArray(state.items) ? state.items : [], ...state };
    } catch {
        return { items: [] };
    }
}

function confirmChecklistResults(runs, state) {
    const complete = Boolean(state.completedAt);
    const day = complete ? state.completedAt.slice(0, 16).replace('T', ' ') : '';
    for (const run of runs) {
        if (run.isSignedOff) continue;
        for (const result of run.results) {
            if (result.checkId !== 'GL-01' || result.status !== 'manual') continue;
            if (complete && !result.attestedAt) {
                result.attestedByName = USER_NAME;
                result.attestedAt = new Date().toISOString();
                result.attestationNote = `deploy-and-test checklist, completed by ${state.completedByName} on ${day} UTC`;
            } else if (!complete && result.attestedAt) {
                delete result.attestedByName;
                delete result.attestedAt;
                delete result.attestationNote;
            }
        }
    }
}

/** As MiawTestChecklist.save: the whole list of steps done; who and when are the server's. */
export function saveTestChecklist(data, { doneItems }) {
    const done = new Set();
    for (const id of doneItems || []) {
        if (!TEST_CHECKLIST_ITEMS.includes(id)) {
            throw apexError(`The test checklist was not saved: "${id}" is not one of its steps.`);
        }
        done.add(id);
    }
    const previous = checklistState(data);
    const kept = new Map(previous.items.map((e) => [e.id, e]));
    const now = new Date().toISOString();
    const items = TEST_CHECKLIST_ITEMS.filter((id) => done.has(id)).map(
        (id) => kept.get(id) || { id, byName: USER_NAME, at: now }
    );
    const next = { items };
    if (items.length === TEST_CHECKLIST_ITEMS.length) {
        next.completedByName = previous.completedAt ? previous.completedByName : USER_NAME;
        next.completedAt = previous.completedAt || now;
    }
    data.plan = {
        ...(data.plan || {
            recordId: 'a015e00000PlanAAAA',
            planJson: JSON.stringify({ widgetOrigins: [], preChatFields: [] })
        }),
        lastModifiedDate: now,
        lastModifiedByName: USER_NAME,
        testChecklistJson: JSON.stringify(next)
    };
    confirmChecklistResults(
        data.runs.filter((r) => r.planId === data.plan.recordId),
        next
    );
    return data.plan;
}

// ---------------------------------------------------------------------------------------------------------
// Runs, attestations, sign-off
// ---------------------------------------------------------------------------------------------------------

const STATUSES = ['pass', 'fail', 'not_evaluated', 'manual'];
const SEVERITIES = ['blocker', 'warning', 'info'];
const RESULT_FIELDS = [
    'checkId',
    'title',
    'area',
    'severity',
    'status',
    'subject',
    'message',
    'remediation',
    'setupPath',
    'source'
];

async function fingerprint(snapshot) {
    // Volatile parts are not configuration: when the snapshot was read, and live session data.
    const stable = { ...snapshot, origin: { ...snapshot.origin, readAt: undefined }, sessionSignals: undefined };
    const bytes = new TextEncoder().encode(JSON.stringify(stable));
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

const MAX_NAMED_ITEMS = 10;
const nameSome = (items) =>
    items.length <= MAX_NAMED_ITEMS
        ? items.join(', ')
        : `${items.slice(0, MAX_NAMED_ITEMS).join(', ')} and ${items.length - MAX_NAMED_ITEMS} more`;

function requireNotSignedOff(run, consequence) {
    if (run.isSignedOff) {
        throw apexError(
            `${run.name} was already signed off by ${run.signedOffByName} on ${run.signedOffAt}; ${consequence}.`
        );
    }
}

const withoutResults = (run) => {
    const copy = { ...run };
    delete copy.results;
    return copy;
};

function findRun(data, runId) {
    const run = data.runs.find((r) => r.recordId === runId);
    if (!run) throw apexError(`Readiness run ${runId} was not found, or you do not have access to it.`);
    return run;
}

export async function saveRun(data, { reportJson, planId }) {
    let report;
    try {
        report = JSON.parse(reportJson);
    } catch (e) {
        throw apexError(`The readiness run was not saved: the report is not valid JSON (${e.message}).`);
    }
    if (!report || report.schemaVersion !== 2) {
        throw apexError(
            `The readiness run was not saved: schemaVersion must be 2 (got ${report && report.schemaVersion}).`
        );
    }
    if (!Array.isArray(report.results)) throw apexError('The readiness run was not saved: results must be a list.');
    report.results.forEach((r, i) => {
        if (!STATUSES.includes(r.status) || !SEVERITIES.includes(r.severity)) {
            throw apexError(
                `The readiness run was not saved: results[${i}] (${r.checkId}) has status "${r.status}" and severity "${r.severity}".`
            );
        }
    });
    // Counts are recomputed here; a client summary that disagrees with its own results is refused.
    const summary = summarize(report.results);
    const mismatches = ['verdict', 'blockers', 'warnings', 'passed', 'notEvaluated', 'manual']
        .filter((key) => report.summary && key in report.summary && report.summary[key] !== summary[key])
        .map(
            (key) =>
                `summary.${key} is ${JSON.stringify(report.summary[key])} but the results give ${JSON.stringify(summary[key])}`
        );
    if (mismatches.length) throw apexError(`The readiness run was not saved: ${mismatches.join('; ')}.`);
    data.runSeq += 1;
    const seq = String(data.runSeq);
    const run = {
        recordId: `a025e00000${seq.padStart(5, '0')}AAA`,
        name: `RUN-${seq.padStart(6, '0')}`,
        runAt: new Date().toISOString(),
        runByName: USER_NAME,
        verdict: summary.verdict,
        blockers: summary.blockers,
        warnings: summary.warnings,
        passed: summary.passed,
        notEvaluated: summary.notEvaluated,
        manual: summary.manual,
        fingerprint: await fingerprint(data.snapshot),
        isSignedOff: false,
        results: report.results.map((r) => Object.fromEntries(RESULT_FIELDS.map((f) => [f, r[f]]))),
        planId: planId || undefined
    };
    data.runs.push(run);
    // As MiawTestChecklist.confirmNewRun: a completed deploy-and-test checklist confirms GL-01 at once.
    if (planId && data.plan && planId === data.plan.recordId) confirmChecklistResults([run], checklistState(data));
    return run;
}

export function attest(data, { runId, checkId, subject, note }) {
    const run = findRun(data, runId);
    requireNotSignedOff(run, 'its results cannot be attested any more');
    const result = run.results.find((r) => r.checkId === checkId && (r.subject || '') === (subject || ''));
    if (!result) throw apexError(`${run.name} has no result for check ${checkId} on "${subject}".`);
    if (result.status !== 'manual') {
        throw apexError(
            `${checkId} on "${subject}" is not a manual item (its status is ${result.status}): only items the checks cannot evaluate are confirmed by a person.`
        );
    }
    result.attestedByName = USER_NAME;
    result.attestedAt = new Date().toISOString();
    result.attestationNote = note && note.trim() ? note.trim() : undefined;
    return run;
}

/**
 * Refused, naming what stands in the way, while a blocker fails, a blocker could not be evaluated (the
 * verdict is incomplete) or a manual item is unconfirmed — as MiawRunService.signOff.
 */
export function signOff(data, { runId, comment }) {
    const run = findRun(data, runId);
    requireNotSignedOff(run, 'a signed-off run cannot change');
    const label = (r) => `${r.checkId} (${r.subject || ''})`;
    const failingBlockers = run.results.filter((r) => r.status === 'fail' && r.severity === 'blocker').map(label);
    const unevaluated = run.results.filter((r) => r.status === 'not_evaluated' && r.severity === 'blocker').map(label);
    const unattested = run.results.filter((r) => r.status === 'manual' && !r.attestedAt).map(label);
    const reasons = [];
    if (failingBlockers.length) reasons.push(`${failingBlockers.length} blocker(s) fail: ${nameSome(failingBlockers)}`);
    if (unevaluated.length) {
        reasons.push(
            `${unevaluated.length} blocker(s) could not be evaluated, so readiness is not known: ${nameSome(unevaluated)}`
        );
    }
    if (!reasons.length && run.verdict !== 'ready') reasons.push(`its verdict is ${run.verdict}, not ready`);
    if (unattested.length) {
        reasons.push(`${unattested.length} manual item(s) are not confirmed yet: ${nameSome(unattested)}`);
    }
    if (reasons.length) throw apexError(`${run.name} cannot be signed off: ${reasons.join('; ')}.`);
    run.isSignedOff = true;
    run.signedOffAt = new Date().toISOString();
    run.signedOffByName = USER_NAME;
    run.signOffComment = comment && comment.trim() ? comment.trim() : undefined;
    return run;
}

export function listRuns(data, { limitSize }) {
    const limit = Math.min(200, Math.max(1, Number(limitSize) || 20));
    return [...data.runs]
        .sort((a, b) => (a.runAt === b.runAt ? b.name.localeCompare(a.name) : b.runAt.localeCompare(a.runAt)))
        .slice(0, limit)
        .map(withoutResults);
}

export function getRun(data, { runId }) {
    return findRun(data, runId);
}
