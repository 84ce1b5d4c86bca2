import {
    PlanError,
    inferEnvironment,
    parseSetupPlan,
    preChatNameProblem,
    setupPlanProblems,
    toPlanFile,
    withExtraOrigins
} from '../setupPlan';

describe('parseSetupPlan', () => {
    it('accepts the documented plan file and fills defaults', () => {
        const plan = parseSetupPlan({
            widgetOrigins: [
                'https://www.example.com',
                { origin: 'https://staging.example.com', environment: 'staging' }
            ],
            channel: 'Web_Chat',
            deployment: 'Web_Chat_Site',
            routing: 'flow',
            capacityModel: 'status',
            preChatFields: [{ name: 'Order_Number', hidden: true }]
        });
        expect(plan.widgetOrigins).toEqual([
            { origin: 'https://www.example.com', environment: 'production', environmentSource: 'inferred' },
            { origin: 'https://staging.example.com', environment: 'staging', environmentSource: 'plan' }
        ]);
        expect(plan.preChatFields).toEqual([
            { name: 'Order_Number', label: undefined, hidden: true, required: false, target: undefined }
        ]);
        expect(plan.routing).toBe('flow');
    });

    it('names an unknown key', () => {
        expect(() => parseSetupPlan({ widgetOrigin: [] })).toThrow(
            new PlanError(
                'plan: unknown key "widgetOrigin" (allowed: widgetOrigins, channel, deployment, routing, capacityModel, preChatFields)'
            )
        );
    });

    it('names a wrongly typed value', () => {
        expect(() => parseSetupPlan({ routing: 'omni' })).toThrow('plan.routing must be "flow" or "queue"');
        expect(() => parseSetupPlan({ preChatFields: [{ name: 'x', hidden: 'yes' }] })).toThrow(
            'plan.preChatFields[0].hidden must be true or false'
        );
        expect(() => parseSetupPlan({ widgetOrigins: [{ origin: 'https://a.com', environment: 'prod' }] })).toThrow(
            'plan.widgetOrigins[0].environment must be one of production, staging, preview, sandbox, development'
        );
    });

    it('treats a missing plan as empty', () => {
        expect(parseSetupPlan(undefined)).toEqual({ widgetOrigins: [], preChatFields: [] });
    });
});

describe('inferEnvironment', () => {
    it.each([
        ['https://www.example.com', 'production'],
        ['https://staging.example.com', 'staging'],
        ['https://uat-shop.example.com', 'staging'],
        ['https://acme--uat.sandbox.my.site.com', 'sandbox'],
        ['https://acme.live-preview.salesforce-experience.com', 'preview'],
        ['http://localhost:3000', 'development'],
        ['https://devices.example.com', 'production']
    ])('%s is %s', (origin, environment) => {
        expect(inferEnvironment(origin)).toBe(environment);
    });
});

describe('withExtraOrigins', () => {
    it('adds --domain origins the plan lacks, once', () => {
        const plan = parseSetupPlan({ widgetOrigins: ['https://www.example.com'] });
        const merged = withExtraOrigins(plan, ['https://www.example.com', 'https://qa.example.com']);
        expect(merged.widgetOrigins.map((o) => [o.origin, o.environment])).toEqual([
            ['https://www.example.com', 'production'],
            ['https://qa.example.com', 'staging']
        ]);
    });
});

describe('toPlanFile', () => {
    it('writes a plan that parseSetupPlan reads back unchanged, keeping only chosen environments', () => {
        const plan = parseSetupPlan({
            widgetOrigins: [
                'https://staging.example.com',
                { origin: 'https://www.example.com', environment: 'preview' }
            ],
            channel: 'Web_Chat',
            routing: 'queue',
            preChatFields: [{ name: '_Email', required: true }]
        });
        const file = toPlanFile(plan);
        expect(file.widgetOrigins).toEqual([
            'https://staging.example.com',
            { origin: 'https://www.example.com', environment: 'preview' }
        ]);
        expect(parseSetupPlan(JSON.parse(JSON.stringify(file)))).toEqual(plan);
    });
});

describe('setupPlanProblems', () => {
    const field = (name: string) => ({ name, hidden: false, required: false });

    it.each(['_FirstName', '_Email', 'Order_Number', 'cartValue2', 'userId'])(
        'accepts the parameter name %s',
        (name) => {
            expect(preChatNameProblem(name)).toBeNull();
        }
    );

    it.each([
        ['Order Number!', 'cannot be a channel parameter'],
        ['Order-Number', 'cannot be a channel parameter'],
        ['2ndEmail', 'cannot be a channel parameter'],
        ['Order__Number', 'single underscores'],
        ['Order_', 'cannot be a channel parameter'],
        ['   ', 'has no parameter name']
    ])('refuses %j with the reason', (name, reason) => {
        expect(preChatNameProblem(name)).toContain(reason);
    });

    it('names each bad field with its position and why, and a repeated name', () => {
        expect(
            setupPlanProblems({ preChatFields: [field('_Email'), field('Order Number!'), field(''), field('_Email')] })
        ).toEqual([
            {
                field: 'preChatFields',
                index: 1,
                message:
                    'Pre-chat field 2 parameter name "Order Number!" cannot be a channel parameter: use letters, digits and single underscores, starting with a letter (standard fields start with "_", e.g. _FirstName).'
            },
            { field: 'preChatFields', index: 2, message: 'Pre-chat field 3 has no parameter name.' },
            {
                field: 'preChatFields',
                index: 3,
                message: 'Pre-chat field 4 repeats parameter name "_Email" (already pre-chat field 1).'
            }
        ]);
        expect(setupPlanProblems({ preChatFields: [field('_FirstName'), field('Order_Number')] })).toEqual([]);
    });
});
