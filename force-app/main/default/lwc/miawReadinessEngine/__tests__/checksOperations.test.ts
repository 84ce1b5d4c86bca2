import { WAITING_THRESHOLD_MINUTES, runOperationsChecks } from '../checksOperations';
import { readSection } from '../snapshot';
import type { OrgSnapshot, SessionSignals } from '../snapshot';
import { blankSnapshot, contextFor, healthySnapshot, resultsFor, statuses, withUnread } from './fixtures';

function run(snapshot: OrgSnapshot) {
    return runOperationsChecks(contextFor(snapshot));
}

function orgWithSignals(signals: Partial<SessionSignals>): OrgSnapshot {
    const s = blankSnapshot('org');
    s.sessionSignals = readSection([{ windowHours: 24, errored: [], waiting: [], ...signals }]);
    return s;
}

describe('OPS on a metadata scan', () => {
    it('says once per check that live sessions need the in-org Readiness Report', () => {
        const results = run(healthySnapshot());
        expect(statuses(results, 'OPS-01')).toEqual(['not_evaluated org']);
        expect(statuses(results, 'OPS-02')).toEqual(['not_evaluated org']);
        for (const r of results) {
            expect(r.message).toContain('recent messaging sessions are live data in the org');
            expect(r.remediation).toContain('in-org Readiness Report');
        }
    });

    it('does so even when a metadata reader marks the section read', () => {
        const s = blankSnapshot('metadata');
        expect(run(s).map((r) => r.status)).toEqual(['not_evaluated', 'not_evaluated']);
    });
});

describe('OPS-01 sessions in status Error', () => {
    it('passes when no session errored in the window', () => {
        const [r] = resultsFor(run(orgWithSignals({})), 'OPS-01');
        expect(r).toMatchObject({ status: 'pass', subject: 'org', severity: 'warning' });
        expect(r.message).toBe('No messaging session ended in status Error in the last 24 hours.');
    });

    it('fails once per error reason with count, latest date and channel', () => {
        const s = orgWithSignals({
            errored: [
                {
                    id: '0Mw1',
                    createdDate: '2026-05-01T10:00:00Z',
                    channel: 'Web_Chat',
                    errorReason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Phone is required'
                },
                {
                    id: '0Mw2',
                    createdDate: '2026-05-02T09:30:00Z',
                    channel: 'Web_Chat',
                    errorReason: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Phone is required'
                },
                { id: '0Mw3', createdDate: '2026-05-01T08:00:00Z' }
            ]
        });
        const results = resultsFor(run(s), 'OPS-01');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual([
            'fail FIELD_CUSTOM_VALIDATION_EXCEPTION: Phone is required',
            'fail no error reason recorded'
        ]);
        expect(results[0].message).toBe(
            '2 messaging sessions failed with status Error in the last 24 hours: "FIELD_CUSTOM_VALIDATION_EXCEPTION: Phone is required"; latest 2026-05-02T09:30:00Z; channel "Web_Chat". Customers on these sessions see the chat stuck or messages not sent.'
        );
        expect(results[1].message).toContain('1 messaging session failed');
        expect(results[1].message).toContain('Salesforce recorded no error reason');
        expect(results[0].remediation).toContain('read Error Reason');
        expect(results[0].remediation).toContain('validation rule');
    });

    it('is not evaluated when the org could not read sessions', () => {
        const s = withUnread(blankSnapshot('org'), 'sessionSignals', 'no_permission', 'no access to MessagingSession');
        const [r] = resultsFor(run(s), 'OPS-01');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain(
            'recent messaging sessions (MessagingSession) not read (no access to MessagingSession)'
        );
        expect(r.remediation).toContain('Give the running user read access');
    });

    it('is not evaluated when the section holds no result set', () => {
        const s = blankSnapshot('org');
        const [r] = resultsFor(run(s), 'OPS-01');
        expect(r.status).toBe('not_evaluated');
        expect(r.message).toContain('returned no result set');
    });
});

describe('OPS-02 sessions waiting too long', () => {
    it('uses a 30-minute threshold', () => {
        expect(WAITING_THRESHOLD_MINUTES).toBe(30);
    });

    it('passes when nothing waits beyond the threshold (exactly 30 minutes is not beyond)', () => {
        const s = orgWithSignals({
            waiting: [{ id: '0Mw1', createdDate: '2026-05-02T09:00:00Z', queue: 'Chat_Support', waitingMinutes: 30 }]
        });
        const [r] = resultsFor(run(s), 'OPS-02');
        expect(r).toMatchObject({ status: 'pass', subject: 'org' });
        expect(r.message).toBe('No messaging session has been waiting longer than 30 minutes (1 session waiting now).');
    });

    it('fails per queue (else channel) with count and longest wait', () => {
        const s = orgWithSignals({
            waiting: [
                {
                    id: '1',
                    createdDate: '2026-05-02T08:00:00Z',
                    queue: 'Chat_Fallback',
                    channel: 'Web_Chat',
                    waitingMinutes: 95.4
                },
                { id: '2', createdDate: '2026-05-02T08:30:00Z', queue: 'Chat_Fallback', waitingMinutes: 45 },
                { id: '3', createdDate: '2026-05-02T08:40:00Z', channel: 'Web_Chat_FR', waitingMinutes: 31 },
                { id: '4', createdDate: '2026-05-02T09:50:00Z', queue: 'Chat_Support', waitingMinutes: 5 }
            ]
        });
        const results = resultsFor(run(s), 'OPS-02');
        expect(results.map((r) => `${r.status} ${r.subject}`)).toEqual(['fail Chat_Fallback', 'fail Web_Chat_FR']);
        expect(results[0].message).toBe(
            '2 messaging sessions in queue "Chat_Fallback" have been waiting longer than 30 minutes; the longest for 95 minutes.'
        );
        expect(results[1].message).toContain('1 messaging session in channel "Web_Chat_FR" has been waiting');
        expect(results[0].remediation).toContain('fallback queue');
    });

    it('is not evaluated when sessions were not read in the org', () => {
        const s = withUnread(blankSnapshot('org'), 'sessionSignals', 'unavailable', 'needs API access');
        expect(statuses(run(s), 'OPS-02')).toEqual(['not_evaluated org']);
    });
});
