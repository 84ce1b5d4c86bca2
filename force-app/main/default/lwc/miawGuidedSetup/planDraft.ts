/*
 * The admin's unsaved plan, kept in the browser's localStorage until it is saved or discarded, so that switching to
 * the Readiness Report tab, a reload or a closed tab never loses typed work. One draft per org and user (the key
 * names both). Under Lightning Web Security localStorage is partitioned per namespace, which keeps the draft private
 * to this app (Lightning Web Components Developer Guide: Local Storage Limitations). Storage that is full, disabled
 * or holds something unreadable is treated as "no draft": the screen then still works, only without the safety net.
 */
import type { PreChatFieldPlan, SetupPlan } from 'c/miawReadinessEngine';

export const DRAFT_VERSION = 1;

export interface PlanDraft {
    version: number;
    /** The plan as edited, pre-chat rows included even while their name is still empty. */
    plan: SetupPlan;
    /** The step the admin was on. */
    step: string;
    /** When the draft was last written (ISO). */
    writtenAt: string;
    /** lastModifiedDate of the saved plan the edits started from, or null when there was none. */
    basedOn: string | null;
}

/** The subset of Storage the draft uses (window.localStorage, or a fake in tests). */
export interface DraftStorage {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
}

export function draftKey(organizationId: string | undefined, userId: string | undefined): string {
    return `miawSetupAssistant.planDraft.${organizationId || 'org'}.${userId || 'user'}`;
}

export function browserStorage(): DraftStorage | null {
    try {
        return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
    } catch {
        // Access itself can throw (storage disabled by the browser's privacy settings).
        return null;
    }
}

/** Writes the draft; false when the browser would not keep it. */
export function writeDraft(storage: DraftStorage | null, key: string, draft: PlanDraft): boolean {
    if (!storage) return false;
    try {
        storage.setItem(key, JSON.stringify(draft));
        return true;
    } catch {
        return false;
    }
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPreChatField(value: unknown): value is PreChatFieldPlan {
    return isRecord(value) && typeof value.name === 'string';
}

/** The stored draft, or null when there is none or it is not one this version wrote. */
export function readDraft(storage: DraftStorage | null, key: string): PlanDraft | null {
    if (!storage) return null;
    let parsed: unknown;
    try {
        const text = storage.getItem(key);
        if (!text) return null;
        parsed = JSON.parse(text);
    } catch {
        return null;
    }
    if (!isRecord(parsed) || parsed.version !== DRAFT_VERSION || !isRecord(parsed.plan)) return null;
    const plan = parsed.plan;
    if (!Array.isArray(plan.widgetOrigins) || !Array.isArray(plan.preChatFields)) return null;
    if (!plan.preChatFields.every(isPreChatField)) return null;
    return {
        version: DRAFT_VERSION,
        plan: plan as unknown as SetupPlan,
        step: typeof parsed.step === 'string' ? parsed.step : '',
        writtenAt: typeof parsed.writtenAt === 'string' ? parsed.writtenAt : '',
        basedOn: typeof parsed.basedOn === 'string' ? parsed.basedOn : null
    };
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
    if (!storage) return;
    try {
        storage.removeItem(key);
    } catch {
        // Nothing to do: an unreadable draft is ignored on the next load anyway.
    }
}
