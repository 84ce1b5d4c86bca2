import {
    INITIAL_ROW_BUDGET,
    NO_FILTER,
    attentionRank,
    bannerCounts,
    compareRuns,
    countLabels,
    formatDateTime,
    groupResults,
    initiallyOpenAreas,
    isFilterActive,
    isoDay,
    matchesFilter,
    needsApiAccess,
    openInSetupLabel,
    resultCountsText,
    resultLook,
    setupPageName,
    signOffReasons
} from 'c/miawReportModel';
import type { ReportResult } from 'c/miawReportModel';
import { AREA_ORDER, AREA_TITLES } from 'c/miawReadinessEngine';
import type { CheckResult } from 'c/miawReadinessEngine';
import { confirmed, demoReport, syntheticReport } from '../../miawReadinessReport/__tests__/fixtures';

function result(overrides: Partial<CheckResult>): CheckResult {
    return {
        checkId: 'TS-01',
        title: 'The origin is allowed by a CORS allowlist entry',
        area: 'TS',
        severity: 'blocker',
        status: 'fail',
        subject: 'https://www.example.com',
        message: 'No CORS entry covers https://www.example.com.',
        remediation: 'Add https://www.example.com to the CORS allowlist.',
        setupPath: '/lightning/setup/CorsWhitelistEntries/home',
        source: 'Salesforce Help: Configure Salesforce CORS Allowlist',
        ...overrides
    };
}

describe('filters', () => {
    const failing = result({});
    const passing = result({ status: 'pass', severity: 'warning', subject: 'https://shop.example.com' });

    it('matches everything without a filter', () => {
        expect(isFilterActive(NO_FILTER)).toBe(false);
        expect(matchesFilter(failing, NO_FILTER)).toBe(true);
        expect(matchesFilter(passing, NO_FILTER)).toBe(true);
    });

    it('filters by severity and by status', () => {
        expect(matchesFilter(failing, { ...NO_FILTER, severity: 'warning' })).toBe(false);
        expect(matchesFilter(passing, { ...NO_FILTER, severity: 'warning' })).toBe(true);
        expect(matchesFilter(failing, { ...NO_FILTER, status: 'pass' })).toBe(false);
        expect(matchesFilter(passing, { ...NO_FILTER, status: 'pass' })).toBe(true);
    });

    it('searches ID, title, subject, message and remediation, ignoring case and spaces around', () => {
        expect(matchesFilter(failing, { ...NO_FILTER, search: '  ts-01 ' })).toBe(true);
        expect(matchesFilter(failing, { ...NO_FILTER, search: 'ALLOWLIST' })).toBe(true);
        expect(matchesFilter(passing, { ...NO_FILTER, search: 'shop.example' })).toBe(true);
        expect(matchesFilter(failing, { ...NO_FILTER, search: 'shop.example' })).toBe(false);
        expect(isFilterActive({ ...NO_FILTER, search: 'x' })).toBe(true);
    });
});

describe('groupResults', () => {
    it('groups the demo report by area in catalog order with the area titles', () => {
        const report = demoReport('needs-work');
        const groups = groupResults(report.results, NO_FILTER);
        expect(groups.map((g) => g.area)).toEqual(AREA_ORDER.filter((a) => report.results.some((r) => r.area === a)));
        expect(groups.map((g) => g.title)).toEqual(groups.map((g) => AREA_TITLES[g.area]));
        expect(groups.reduce((n, g) => n + g.results.length, 0)).toBe(report.results.length);
        const blockers = groups.reduce((n, g) => n + g.blockers, 0);
        expect(blockers).toBe(report.summary.blockers);
    });

    it('puts failing blockers first and keeps the engine order among equals', () => {
        const a = result({ checkId: 'TS-02', status: 'pass', subject: 'a' });
        const b = result({ checkId: 'TS-04', severity: 'warning', subject: 'b' });
        const c = result({ checkId: 'TS-01', subject: 'c' });
        const d = result({ checkId: 'TS-01', subject: 'd' });
        const e = result({ checkId: 'TS-06', status: 'not_evaluated', severity: 'info', subject: 'e' });
        const [group] = groupResults([a, b, c, d, e], NO_FILTER);
        expect(group.results.map((r) => r.subject)).toEqual(['c', 'd', 'b', 'e', 'a']);
        expect(attentionRank(c)).toBeLessThan(attentionRank(b));
    });

    it('leaves out areas with no match and counts matches against the area total', () => {
        const report = demoReport('needs-work');
        const groups = groupResults(report.results, { ...NO_FILTER, status: 'manual' });
        expect(groups.map((g) => g.area)).toEqual(['DP', 'GL']);
        const gl = groups.find((g) => g.area === 'GL');
        expect(gl?.results).toHaveLength(5);
        expect(gl?.total).toBe(5);
        const dp = groups.find((g) => g.area === 'DP');
        expect(dp && dp.total).toBeGreaterThan(dp?.results.length ?? 0);
    });

    it('groups a 1,000-result report quickly', () => {
        const report = syntheticReport(1000);
        const started = Date.now();
        for (let i = 0; i < 20; i++) groupResults(report.results, { ...NO_FILTER, search: `site${i}` });
        expect(Date.now() - started).toBeLessThan(1000);
    });
});

describe('initiallyOpenAreas', () => {
    it('opens every area that needs attention when the report is small', () => {
        const groups = groupResults(demoReport('needs-work').results, NO_FILTER);
        const open = initiallyOpenAreas(groups, false);
        const needsAttention = groups.filter((g) => g.failing > 0 || g.toConfirm > 0).map((g) => g.area);
        expect([...open].sort()).toEqual([...needsAttention].sort());
    });

    it('opens blocker areas first and stops at the row budget', () => {
        const groups = groupResults(syntheticReport(1000).results, NO_FILTER);
        const open = initiallyOpenAreas(groups, false);
        const rows = groups.filter((g) => open.has(g.area)).reduce((n, g) => n + Math.min(g.results.length, 50), 0);
        expect(rows).toBeLessThanOrEqual(INITIAL_ROW_BUDGET);
        expect(open.size).toBeGreaterThan(0);
        expect(groups.filter((g) => open.has(g.area)).every((g) => g.blockers > 0)).toBe(true);
    });

    it('opens matching areas while a filter is on, even without failures', () => {
        const groups = groupResults(demoReport('ready').results, { ...NO_FILTER, search: 'omni-channel' });
        expect(initiallyOpenAreas(groups, false).has('PRE')).toBe(false);
        expect(initiallyOpenAreas(groups, true).has('PRE')).toBe(true);
    });
});

describe('banner counts', () => {
    it('uses the summary and counts manual items nobody confirmed', () => {
        const report = demoReport('needs-work');
        const results: ReportResult[] = confirmed(report.results, 'GL-01', 'Ada Admin', '2026-11-20T10:00:00Z');
        const counts = bannerCounts(report.summary, results);
        expect(counts.toConfirm).toBe(report.summary.manual - 1);
        expect(countLabels(counts)).toEqual([
            `${report.summary.blockers} blockers`,
            `${report.summary.warnings} warnings`,
            `${report.summary.passed} passed`,
            `${report.summary.notEvaluated} not evaluated`,
            `${report.summary.manual - 1} to confirm`
        ]);
    });

    it('says "1 blocker" and "0 warnings"', () => {
        const labels = countLabels({
            verdict: 'not_ready',
            blockers: 1,
            warnings: 0,
            passed: 2,
            notEvaluated: 0,
            toConfirm: 0
        });
        expect(labels.slice(0, 2)).toEqual(['1 blocker', '0 warnings']);
    });
});

describe('needsApiAccess', () => {
    it('recognises results that wait for the API connection', () => {
        const waiting = result({
            status: 'not_evaluated',
            message: 'Not evaluated: Embedded Service deployments are unavailable: needs API access.',
            remediation: "Connect the app to the org's API (Guided Setup, step 1) so it can read the deployments."
        });
        expect(needsApiAccess(waiting)).toBe(true);
        expect(
            needsApiAccess(result({ status: 'not_evaluated', message: 'object not present', remediation: 'x' }))
        ).toBe(false);
        expect(needsApiAccess(result({ message: 'needs API access' }))).toBe(false);
    });
});

describe('compareRuns', () => {
    it('splits failing results into new failures, fixed and unchanged by check ID and subject', () => {
        const previous = [
            result({ subject: 'https://a.example.com' }),
            result({ subject: 'https://b.example.com' }),
            result({ checkId: 'CH-04', area: 'CH', subject: 'Web_Chat' }),
            result({ checkId: 'PRE-01', area: 'PRE', status: 'pass', subject: 'org' })
        ];
        const current = [
            result({ subject: 'https://a.example.com' }),
            result({ subject: 'https://b.example.com', status: 'pass' }),
            result({ checkId: 'CH-04', area: 'CH', subject: 'Web_Chat' }),
            result({ checkId: 'PRE-01', area: 'PRE', subject: 'org' }),
            result({ subject: 'https://c.example.com', status: 'not_evaluated' })
        ];
        const diff = compareRuns(current, previous);
        expect(diff.newFailures.map((r) => `${r.checkId} ${r.subject}`)).toEqual(['PRE-01 org']);
        expect(diff.fixed.map((r) => `${r.checkId} ${r.subject}`)).toEqual(['TS-01 https://b.example.com']);
        expect(diff.unchanged.map((r) => `${r.checkId} ${r.subject}`)).toEqual([
            'TS-01 https://a.example.com',
            'CH-04 Web_Chat'
        ]);
    });

    it('finds nothing new between the two demo reports where the ready org has no failures', () => {
        const diff = compareRuns(demoReport('ready').results, demoReport('needs-work').results);
        expect(diff.newFailures).toEqual([]);
        expect(diff.unchanged).toEqual([]);
        expect(diff.fixed.length).toBe(demoReport('needs-work').results.filter((r) => r.status === 'fail').length);
    });
});

describe('dates', () => {
    it('formats a date and keeps an unreadable value as given', () => {
        expect(formatDateTime('2026-11-20T10:30:00.000Z')).toMatch(/2026/);
        expect(formatDateTime('not a date')).toBe('not a date');
        expect(formatDateTime(undefined)).toBe('');
    });

    it('gives the local day for file names', () => {
        expect(isoDay(new Date(2026, 10, 5, 23, 59))).toBe('2026-11-05');
    });
});

describe('resultLook: one visual language for severity and status', () => {
    it('gives every status its own icon and word, and failing severities their own themes', () => {
        const looks = [
            resultLook({ status: 'fail', severity: 'blocker' }),
            resultLook({ status: 'fail', severity: 'warning' }),
            resultLook({ status: 'fail', severity: 'info' }),
            resultLook({ status: 'not_evaluated', severity: 'blocker' }),
            resultLook({ status: 'manual', severity: 'blocker' }),
            resultLook({ status: 'pass', severity: 'blocker' })
        ];
        expect(looks.map((l) => l.statusIcon)).toEqual([
            'utility:error',
            'utility:warning',
            'utility:info',
            'utility:question',
            'utility:task',
            'utility:success'
        ]);
        expect(looks.map((l) => l.statusLabel)).toEqual([
            'Fail',
            'Fail',
            'Fail',
            'Not evaluated',
            'To confirm',
            'Pass'
        ]);
        expect(new Set(looks.slice(0, 3).map((l) => l.severityClass)).size).toBe(3);
        expect(looks.map((l) => l.fixLabel)).toEqual(['Fix', 'Fix', 'Fix', 'To evaluate it', 'To confirm', '']);
    });

    it('mutes the severity of a pass so "Pass · Blocker" never reads like a blocker', () => {
        const pass = resultLook({ status: 'pass', severity: 'blocker' });
        expect(pass.severityLabel).toBe('Blocker check');
        expect(pass.severityClass).not.toContain('slds-theme_error');
    });
});

describe('openInSetupLabel and setupPageName', () => {
    it('names the Setup page and the result, starting with the visible text', () => {
        expect(
            openInSetupLabel({
                checkId: 'TS-01',
                title: 'The widget origin is on the CORS allowlist',
                subject: 'https://shop.example',
                setupPath: '/lightning/setup/CorsWhitelistEntries/home'
            })
        ).toBe('Open in Setup (CORS) for TS-01 The widget origin is on the CORS allowlist — https://shop.example');
        expect(setupPageName('/lightning/setup/Queues/page?address=%2Fp%2Fown')).toBe('Queues');
        expect(setupPageName('/lightning/setup/SomethingNew/home')).toBe('Something New');
    });
});

describe('resultCountsText', () => {
    it('says what every number is, never "other"', () => {
        const results = [
            { status: 'fail', severity: 'blocker' },
            { status: 'fail', severity: 'warning' },
            { status: 'pass', severity: 'blocker' },
            { status: 'not_evaluated', severity: 'blocker' },
            { status: 'not_evaluated', severity: 'info' },
            { status: 'manual', severity: 'blocker' }
        ] as ReportResult[];
        expect(resultCountsText(results)).toBe(
            '1 blocker fails, 1 warning fails, 1 passed, 2 not evaluated, 1 to confirm'
        );
    });
});

describe('signOffReasons', () => {
    const r = (status: string, severity: string, extra: Partial<ReportResult> = {}) =>
        ({ checkId: 'X-01', subject: 'org', message: '', remediation: '', status, severity, ...extra }) as ReportResult;

    it('lists short reasons: failing blockers, unknown blockers with how to connect, items to confirm', () => {
        const reasons = signOffReasons({
            saved: true,
            signedOff: false,
            verdict: 'not_ready',
            results: [
                r('fail', 'blocker'),
                r('fail', 'blocker'),
                r('fail', 'blocker'),
                r('not_evaluated', 'blocker', { message: 'Not evaluated: flows are unavailable: needs API access.' }),
                r('manual', 'blocker'),
                r('manual', 'warning'),
                r('manual', 'blocker', { attestedAt: '2026-11-20T10:00:00Z' })
            ]
        });
        expect(reasons).toEqual([
            'Not ready: 3 blockers fail',
            "Incomplete: 1 blocker not evaluated — connect the app to the org's API (Guided Setup, step 1)",
            '2 manual items to confirm'
        ]);
        expect(reasons.every((x) => x.length < 100)).toBe(true);
    });

    it('is empty when the run may be signed off, and asks to save a live run', () => {
        const done = [r('pass', 'blocker'), r('manual', 'blocker', { attestedByName: 'Ada Admin' })];
        expect(signOffReasons({ saved: true, signedOff: false, verdict: 'ready', results: done })).toEqual([]);
        expect(signOffReasons({ saved: false, signedOff: false, verdict: 'ready', results: done })).toEqual([
            'Save the run first: only a saved run can be confirmed and signed off'
        ]);
        expect(
            signOffReasons({ saved: true, signedOff: true, verdict: 'not_ready', results: [r('fail', 'blocker')] })
        ).toEqual([]);
    });
});
