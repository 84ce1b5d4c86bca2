import getSnapshot from '@salesforce/apex/MiawSnapshotController.getSnapshot';
import createTrustedSitesApex from '@salesforce/apex/MiawSnapshotController.createTrustedSites';
import getSetupPlan from '@salesforce/apex/MiawReadinessController.getSetupPlan';
import saveSetupPlanApex from '@salesforce/apex/MiawReadinessController.saveSetupPlan';
import saveRunApex from '@salesforce/apex/MiawReadinessController.saveRun';
import saveTestChecklistApex from '@salesforce/apex/MiawReadinessController.saveTestChecklist';
import signOffApex from '@salesforce/apex/MiawReadinessController.signOff';
import {
    createTrustedSites,
    errorMessage,
    loadSetupPlan,
    loadSnapshot,
    saveRun,
    saveSetupPlan,
    saveTestChecklist,
    signOff
} from 'c/miawSetupAssistantApi';
import { emptySnapshot, parseSetupPlan } from 'c/miawReadinessEngine';

jest.mock('@salesforce/apex/MiawSnapshotController.getSnapshot', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/MiawSnapshotController.createTrustedSites', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/MiawReadinessController.getSetupPlan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/MiawReadinessController.saveSetupPlan', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/MiawReadinessController.saveRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/MiawReadinessController.saveTestChecklist', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/MiawReadinessController.signOff', () => ({ default: jest.fn() }), { virtual: true });

const mocked = (fn: unknown) => fn as jest.Mock;

describe('miawSetupAssistantApi', () => {
    afterEach(() => jest.clearAllMocks());

    it('parses the snapshot JSON the controller returns', async () => {
        const snapshot = emptySnapshot({ kind: 'org', label: 'acme.my.salesforce.com' });
        mocked(getSnapshot).mockResolvedValue(JSON.stringify(snapshot));
        await expect(loadSnapshot()).resolves.toEqual(snapshot);
    });

    it('turns a saved plan record into a validated SetupPlan', async () => {
        mocked(getSetupPlan).mockResolvedValue({
            recordId: 'a00000000000001AAA',
            planJson: JSON.stringify({ widgetOrigins: ['https://staging.example.com'], routing: 'flow' }),
            lastModifiedDate: '2026-11-20T10:00:00.000Z',
            lastModifiedByName: 'Ada Admin'
        });
        const saved = await loadSetupPlan();
        expect(saved?.plan.routing).toBe('flow');
        expect(saved?.plan.widgetOrigins[0]).toEqual({
            origin: 'https://staging.example.com',
            environment: 'staging',
            environmentSource: 'inferred'
        });
        expect(saved?.lastModifiedByName).toBe('Ada Admin');
    });

    it('returns null when no plan was saved yet', async () => {
        mocked(getSetupPlan).mockResolvedValue(null);
        await expect(loadSetupPlan()).resolves.toBeNull();
    });

    it('sends the plan as JSON under the parameter name Apex declares', async () => {
        const plan = parseSetupPlan({
            widgetOrigins: ['https://www.example.com', { origin: 'https://qa.example.com', environment: 'preview' }],
            capacityModel: 'status'
        });
        mocked(saveSetupPlanApex).mockImplementation(({ planJson }: { planJson: string }) =>
            Promise.resolve({ recordId: 'a01', planJson, lastModifiedDate: 'x', lastModifiedByName: 'Ada' })
        );
        const saved = await saveSetupPlan(plan);
        expect(JSON.parse(mocked(saveSetupPlanApex).mock.calls[0][0].planJson)).toEqual({
            widgetOrigins: ['https://www.example.com', { origin: 'https://qa.example.com', environment: 'preview' }],
            capacityModel: 'status',
            preChatFields: []
        });
        // what Apex stores reads back as the same plan: the chosen environment kept, the inferred one re-inferred
        expect(saved.plan).toEqual(plan);
    });

    it('saves the test checklist as the list of steps done and reads back who completed it', async () => {
        const stored = {
            items: [{ id: 'snippet', byName: 'Ada Admin', at: '2026-12-03T10:00:00.000Z' }],
            completedByName: 'Ada Admin',
            completedAt: '2026-12-03T10:05:00.000Z'
        };
        mocked(saveTestChecklistApex).mockResolvedValue({
            recordId: 'a01',
            planJson: '{}',
            lastModifiedDate: 'x',
            lastModifiedByName: 'Ada',
            testChecklistJson: JSON.stringify(stored)
        });
        const saved = await saveTestChecklist(['snippet']);
        expect(mocked(saveTestChecklistApex)).toHaveBeenCalledWith({ doneItems: ['snippet'] });
        expect(saved.testChecklist).toEqual(stored);
        // Nothing stored, or something unreadable: nothing is done, nothing is claimed.
        mocked(getSetupPlan).mockResolvedValue({ recordId: 'a01', planJson: '{}', testChecklistJson: '{oops' });
        expect((await loadSetupPlan())!.testChecklist).toEqual({ items: [] });
        mocked(getSetupPlan).mockResolvedValue({ recordId: 'a01', planJson: '{}', testChecklistJson: null });
        expect((await loadSetupPlan())!.testChecklist).toEqual({ items: [] });
    });

    it('passes report, plan Id, trusted-site lists and sign-off comment through unchanged', async () => {
        const report = { schemaVersion: 1, summary: {} as never, results: [] };
        await saveRun(report, 'a01');
        expect(mocked(saveRunApex)).toHaveBeenCalledWith({ reportJson: JSON.stringify(report), planId: 'a01' });
        await saveRun(report);
        expect(mocked(saveRunApex)).toHaveBeenLastCalledWith({ reportJson: JSON.stringify(report), planId: null });
        await createTrustedSites({ cors: ['https://a.example.com'], csp: [] });
        expect(mocked(createTrustedSitesApex)).toHaveBeenCalledWith({
            corsOrigins: ['https://a.example.com'],
            cspOrigins: []
        });
        await signOff('a02', 'Go');
        expect(mocked(signOffApex)).toHaveBeenCalledWith({ runId: 'a02', comment: 'Go' });
    });

    describe('errorMessage', () => {
        it('reads an AuraHandledException message', () => {
            expect(errorMessage({ body: { message: 'Sign-off refused: 2 blockers fail' } })).toBe(
                'Sign-off refused: 2 blockers fail'
            );
        });

        it('joins DML page and field errors', () => {
            expect(
                errorMessage({
                    body: {
                        pageErrors: [{ message: 'Run RUN-000012 is signed off and cannot be edited' }],
                        fieldErrors: { Name: [{ message: 'Name too long' }] }
                    }
                })
            ).toBe('Run RUN-000012 is signed off and cannot be edited; Name too long');
        });

        it('reads a list body, a JS error, a string and nothing', () => {
            expect(errorMessage({ body: [{ message: 'a' }, { message: 'b' }] })).toBe('a; b');
            expect(errorMessage(new Error('Network down'))).toBe('Network down');
            expect(errorMessage('plain')).toBe('plain');
            expect(errorMessage({ statusText: 'Service Unavailable' })).toBe('Service Unavailable');
            expect(errorMessage(undefined)).toBe('Unknown error');
            expect(errorMessage({})).toBe('Unknown error');
        });
    });
});
