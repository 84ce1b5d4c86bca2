import { clearDraft, draftKey, readDraft, writeDraft, DRAFT_VERSION } from '../planDraft';
import type { DraftStorage, PlanDraft } from '../planDraft';

function memory(): DraftStorage & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
        data,
        getItem: (k) => data.get(k) ?? null,
        setItem: (k, v) => {
            data.set(k, v);
        },
        removeItem: (k) => {
            data.delete(k);
        }
    };
}

const DRAFT: PlanDraft = {
    version: DRAFT_VERSION,
    plan: {
        widgetOrigins: [{ origin: 'https://help.acme.example', environment: 'production', environmentSource: 'plan' }],
        preChatFields: [{ name: '', hidden: false, required: false }]
    },
    step: 'trustedSites',
    writtenAt: '2026-12-03T10:00:00.000Z',
    basedOn: null
};

describe('planDraft', () => {
    it('keeps one draft per org and user', () => {
        expect(draftKey('00D5e000000Acme', '0055e000001Ada')).toBe(
            'miawSetupAssistant.planDraft.00D5e000000Acme.0055e000001Ada'
        );
        expect(draftKey(undefined, '0055e000001Ada')).not.toBe(draftKey('00D5e000000Acme', '0055e000001Ada'));
    });

    it('reads back what it wrote, unnamed pre-chat rows included, and forgets it when cleared', () => {
        const storage = memory();
        expect(writeDraft(storage, 'k', DRAFT)).toBe(true);
        expect(readDraft(storage, 'k')).toEqual(DRAFT);
        clearDraft(storage, 'k');
        expect(readDraft(storage, 'k')).toBeNull();
    });

    it('treats unreadable, foreign or unavailable storage as no draft instead of failing', () => {
        const storage = memory();
        storage.data.set('k', '{not json');
        expect(readDraft(storage, 'k')).toBeNull();
        storage.data.set('k', JSON.stringify({ ...DRAFT, version: 99 }));
        expect(readDraft(storage, 'k')).toBeNull();
        storage.data.set('k', JSON.stringify({ ...DRAFT, plan: { widgetOrigins: 'x', preChatFields: [] } }));
        expect(readDraft(storage, 'k')).toBeNull();
        const full: DraftStorage = {
            getItem: () => {
                throw new Error('denied');
            },
            setItem: () => {
                throw new Error('QuotaExceededError');
            },
            removeItem: () => {
                throw new Error('denied');
            }
        };
        expect(writeDraft(full, 'k', DRAFT)).toBe(false);
        expect(readDraft(full, 'k')).toBeNull();
        expect(() => clearDraft(full, 'k')).not.toThrow();
        expect(writeDraft(null, 'k', DRAFT)).toBe(false);
    });
});
