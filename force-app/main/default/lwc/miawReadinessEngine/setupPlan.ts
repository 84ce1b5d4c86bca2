/*
 * SetupPlan: the inputs the org does not know (CHECKS.md "Inputs the org does not know").
 * The Guided Setup collects them; the CLI takes them from a plan file and --domain flags.
 */

export type OriginEnvironment = 'production' | 'staging' | 'preview' | 'sandbox' | 'development';
export type RoutingStrategy = 'flow' | 'queue';
export type CapacityModel = 'status' | 'tab';

export interface WidgetOrigin {
    /** As the admin typed it; parsing and normalising happen in the origin parser. */
    origin: string;
    environment: OriginEnvironment;
    /** Whether the environment was stated in the plan or inferred from the host name. */
    environmentSource: 'plan' | 'inferred';
}

export interface PreChatFieldPlan {
    /** Parameter name: `_FirstName`… for standard fields, the custom parameter name otherwise. */
    name: string;
    label?: string;
    hidden: boolean;
    required: boolean;
    /** Where the value should land, e.g. Contact.Email or MessagingSession.Order_Number__c. */
    target?: string;
}

export interface SetupPlan {
    widgetOrigins: WidgetOrigin[];
    /** Messaging channel developer name the plan is about; all MIAW channels when absent. */
    channel?: string;
    /** Embedded Service deployment developer name the plan is about; all MIAW deployments when absent. */
    deployment?: string;
    routing?: RoutingStrategy;
    capacityModel?: CapacityModel;
    preChatFields: PreChatFieldPlan[];
}

export const ORIGIN_ENVIRONMENTS: readonly OriginEnvironment[] = [
    'production',
    'staging',
    'preview',
    'sandbox',
    'development'
];

const PLAN_KEYS = ['widgetOrigins', 'channel', 'deployment', 'routing', 'capacityModel', 'preChatFields'];
const ORIGIN_KEYS = ['origin', 'environment'];
const PRECHAT_KEYS = ['name', 'label', 'hidden', 'required', 'target'];

export class PlanError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PlanError';
    }
}

// Host labels that mark a non-production site; matched as whole labels or label prefixes ("staging2").
const ENVIRONMENT_HINTS: ReadonlyArray<[RegExp, OriginEnvironment]> = [
    [/(^|[.-])(live-preview|preview)([.-]|$)/, 'preview'],
    [/(^|[.-])(sandbox|sbx)([.-]|$)|\.sandbox\.my\.site\.com$|\.sandbox\.my\.salesforce-sites\.com$/, 'sandbox'],
    [/(^|[.-])(staging\d*|stage\d*|stg|uat|qa\d*|test\d*|preprod|pre-prod)([.-]|$)/, 'staging'],
    [/(^|[.-])(dev\d*|develop|development|localhost|local)([.-]|$)|^127\.|^\[::1\]/, 'development']
];

/** Guesses the environment of an origin from its host name; production unless a label says otherwise. */
export function inferEnvironment(origin: string): OriginEnvironment {
    const host = origin
        .toLowerCase()
        .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
        .replace(/[/:?#].*$/, '');
    for (const [pattern, environment] of ENVIRONMENT_HINTS) {
        if (pattern.test(host)) return environment;
    }
    return 'production';
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rejectUnknownKeys(value: Record<string, unknown>, allowed: string[], where: string): void {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key)) {
            throw new PlanError(`${where}: unknown key "${key}" (allowed: ${allowed.join(', ')})`);
        }
    }
}

function optionalString(value: unknown, where: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw new PlanError(`${where} must be a non-empty string`);
    return value.trim();
}

function optionalBoolean(value: unknown, where: string, fallback: boolean): boolean {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') throw new PlanError(`${where} must be true or false`);
    return value;
}

function parseWidgetOrigin(value: unknown, where: string): WidgetOrigin {
    if (typeof value === 'string') {
        if (value.trim() === '') throw new PlanError(`${where} is empty`);
        return { origin: value.trim(), environment: inferEnvironment(value), environmentSource: 'inferred' };
    }
    if (!isRecord(value)) throw new PlanError(`${where} must be an origin string or {"origin", "environment"}`);
    rejectUnknownKeys(value, ORIGIN_KEYS, where);
    const origin = optionalString(value.origin, `${where}.origin`);
    if (!origin) throw new PlanError(`${where}.origin is required`);
    if (value.environment === undefined) {
        return { origin, environment: inferEnvironment(origin), environmentSource: 'inferred' };
    }
    if (!ORIGIN_ENVIRONMENTS.includes(value.environment as OriginEnvironment)) {
        throw new PlanError(`${where}.environment must be one of ${ORIGIN_ENVIRONMENTS.join(', ')}`);
    }
    return { origin, environment: value.environment as OriginEnvironment, environmentSource: 'plan' };
}

function parsePreChatField(value: unknown, where: string): PreChatFieldPlan {
    if (!isRecord(value)) throw new PlanError(`${where} must be an object with at least "name"`);
    rejectUnknownKeys(value, PRECHAT_KEYS, where);
    const name = optionalString(value.name, `${where}.name`);
    if (!name) throw new PlanError(`${where}.name is required`);
    return {
        name,
        label: optionalString(value.label, `${where}.label`),
        hidden: optionalBoolean(value.hidden, `${where}.hidden`, false),
        required: optionalBoolean(value.required, `${where}.required`, false),
        target: optionalString(value.target, `${where}.target`)
    };
}

/**
 * Validates a plan as read from JSON (plan file, saved Miaw_Setup_Plan__c) and fills defaults.
 * Every key is optional; an unknown key or a wrong type is a PlanError naming it.
 */
export function parseSetupPlan(input: unknown): SetupPlan {
    if (input === undefined || input === null) return emptyPlan();
    if (!isRecord(input)) throw new PlanError('plan must be a JSON object');
    rejectUnknownKeys(input, PLAN_KEYS, 'plan');
    const origins = input.widgetOrigins ?? [];
    if (!Array.isArray(origins)) throw new PlanError('plan.widgetOrigins must be a list');
    const fields = input.preChatFields ?? [];
    if (!Array.isArray(fields)) throw new PlanError('plan.preChatFields must be a list');
    const routing = input.routing;
    if (routing !== undefined && routing !== 'flow' && routing !== 'queue') {
        throw new PlanError('plan.routing must be "flow" or "queue"');
    }
    const capacityModel = input.capacityModel;
    if (capacityModel !== undefined && capacityModel !== 'status' && capacityModel !== 'tab') {
        throw new PlanError('plan.capacityModel must be "status" or "tab"');
    }
    return {
        widgetOrigins: origins.map((o, i) => parseWidgetOrigin(o, `plan.widgetOrigins[${i}]`)),
        channel: optionalString(input.channel, 'plan.channel'),
        deployment: optionalString(input.deployment, 'plan.deployment'),
        routing: routing as RoutingStrategy | undefined,
        capacityModel: capacityModel as CapacityModel | undefined,
        preChatFields: fields.map((f, i) => parsePreChatField(f, `plan.preChatFields[${i}]`))
    };
}

/** A problem with one field of the plan, for the screen to show next to that field and the CLI to name. */
export interface PlanProblem {
    field: 'preChatFields';
    /** Position in the list (0-based). */
    index: number;
    /** Names the field and says why, e.g. 'Pre-chat field 3 ("Order Number!"): …'. */
    message: string;
}

// A channel parameter is named like any Salesforce API name (letters, digits and single underscores, starting with
// a letter, not ending with "_"); the standard pre-chat parameters put "_" in front (_FirstName, _Email…).
// Metadata API Developer Guide: MessagingChannel (customParameters) and EmbeddedServiceConfig pre-chat fields.
const PARAMETER_NAME = /^_?[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/;

/** Why a pre-chat parameter name cannot match a channel parameter, or null when it can. */
export function preChatNameProblem(name: string): string | null {
    const trimmed = name.trim();
    if (trimmed === '') return 'has no parameter name';
    if (PARAMETER_NAME.test(trimmed)) return null;
    return `parameter name "${trimmed}" cannot be a channel parameter: use letters, digits and single underscores, starting with a letter (standard fields start with "_", e.g. _FirstName)`;
}

/**
 * Every problem that makes the plan unusable, each naming its field: the Guided Setup shows them next to the fields
 * and refuses to save; the CLI refuses the plan file. Pure, so both read the same rules.
 */
export function setupPlanProblems(plan: Pick<SetupPlan, 'preChatFields'>): PlanProblem[] {
    const problems: PlanProblem[] = [];
    const seen = new Map<string, number>();
    plan.preChatFields.forEach((field, index) => {
        const where = `Pre-chat field ${index + 1}`;
        const problem = preChatNameProblem(field.name);
        if (problem) {
            problems.push({ field: 'preChatFields', index, message: `${where} ${problem}.` });
            return;
        }
        const key = field.name.trim();
        const first = seen.get(key);
        if (first !== undefined) {
            problems.push({
                field: 'preChatFields',
                index,
                message: `${where} repeats parameter name "${field.name.trim()}" (already pre-chat field ${first + 1}).`
            });
        } else seen.set(key, index);
    });
    return problems;
}

export function emptyPlan(): SetupPlan {
    return { widgetOrigins: [], preChatFields: [] };
}

/** Adds origins (e.g. from --domain flags) that the plan does not already list, keeping order. */
export function withExtraOrigins(plan: SetupPlan, origins: string[]): SetupPlan {
    const known = new Set(plan.widgetOrigins.map((o) => o.origin));
    const extra = origins.filter((o) => !known.has(o.trim())).map((o) => parseWidgetOrigin(o, `--domain ${o}`));
    return { ...plan, widgetOrigins: [...plan.widgetOrigins, ...extra] };
}

/** Plan-file JSON shape (what parseSetupPlan reads back): stated environments kept, inferred ones left out. */
export interface SetupPlanFile {
    widgetOrigins: (string | { origin: string; environment: OriginEnvironment })[];
    channel?: string;
    deployment?: string;
    routing?: RoutingStrategy;
    capacityModel?: CapacityModel;
    preChatFields: PreChatFieldPlan[];
}

/**
 * The plan as a plan file (the CLI's --plan, the saved Miaw_Setup_Plan__c). An inferred environment is not
 * written so that it is inferred again on read; an environment the admin chose is kept.
 */
export function toPlanFile(plan: SetupPlan): SetupPlanFile {
    return {
        widgetOrigins: plan.widgetOrigins.map((o) => {
            return o.environmentSource === 'plan' ? { origin: o.origin, environment: o.environment } : o.origin;
        }),
        channel: plan.channel,
        deployment: plan.deployment,
        routing: plan.routing,
        capacityModel: plan.capacityModel,
        preChatFields: plan.preChatFields
    };
}
