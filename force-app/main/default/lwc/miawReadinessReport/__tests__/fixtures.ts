/*
 * Real-shaped inputs for the Readiness Report tests: the bundled demos read by the CLI's metadata reader
 * (what a snapshot of those orgs looks like) and saved runs built from their reports, plus a synthetic
 * report of any size for the rendering bound.
 */
import { readDemo } from '../../../../../../test/support/demoOrgs';
import type { Demo } from '../../../../../../test/support/demoOrgs';
import { CHECK_SPECS, runReadiness, summarize } from 'c/miawReadinessEngine';
import type { CheckResult, OrgSnapshot, ReadinessReport, SetupPlan } from 'c/miawReadinessEngine';
import type { SavedPlan, SavedRun } from 'c/miawSetupAssistantApi';

export type { Demo };

const cache = new Map<Demo, { snapshot: OrgSnapshot; plan: SetupPlan }>();

export function demoInputs(demo: Demo): { snapshot: OrgSnapshot; plan: SetupPlan } {
    let inputs = cache.get(demo);
    if (!inputs) {
        inputs = readDemo(demo);
        cache.set(demo, inputs);
    }
    // Copies: a component must not be able to change what the next test reads.
    return JSON.parse(JSON.stringify(inputs));
}

export function demoReport(demo: Demo): ReadinessReport {
    const { snapshot, plan } = demoInputs(demo);
    return runReadiness(snapshot, plan);
}

export function savedPlan(demo: Demo): SavedPlan {
    return {
        recordId: 'a01000000000001AAA',
        plan: demoInputs(demo).plan,
        lastModifiedDate: '2026-11-20T09:00:00.000Z',
        lastModifiedByName: 'Ada Admin'
    };
}

let runNumber = 41;

/** A run as MiawReadinessController returns it (getRun: with results). */
export function savedRun(report: ReadinessReport, overrides: Partial<SavedRun> = {}): SavedRun {
    runNumber++;
    return {
        recordId: `a02000000000${String(runNumber).padStart(3, '0')}AAA`,
        name: `RUN-000${runNumber}`,
        runAt: '2026-11-20T10:30:00.000Z',
        runByName: 'Ada Admin',
        verdict: report.summary.verdict,
        blockers: report.summary.blockers,
        warnings: report.summary.warnings,
        passed: report.summary.passed,
        notEvaluated: report.summary.notEvaluated,
        manual: report.summary.manual,
        fingerprint: 'f'.repeat(64),
        isSignedOff: false,
        results: report.results.map((r) => ({ ...r })),
        ...overrides
    };
}

/** `count` results spread over every catalog check, a third of them failing. */
/** The checks an in-org report can hold: website checks run only in `miaw-readiness probe`. */
const ORG_SPECS = CHECK_SPECS.filter((s) => s.evaluatedIn !== 'website');

export function syntheticReport(count: number): ReadinessReport {
    const results: CheckResult[] = [];
    for (let i = 0; i < count; i++) {
        const spec = ORG_SPECS[i % ORG_SPECS.length];
        const status = spec.evaluatedIn === 'manual' ? 'manual' : i % 3 === 0 ? 'fail' : 'pass';
        results.push({
            checkId: spec.id,
            title: spec.title,
            area: spec.area,
            severity: spec.severity,
            status,
            subject: `https://site${i}.example.com`,
            message: `Finding ${i} about https://site${i}.example.com.`,
            remediation: status === 'pass' ? '' : `Fix ${i}.`,
            setupPath: spec.setupPath,
            source: spec.source
        });
    }
    return { schemaVersion: 2, summary: summarize(results), results };
}

/** The results with one check confirmed by `name` at `at`. */
export function confirmed<T extends CheckResult>(
    results: readonly T[],
    checkId: string,
    name: string,
    at: string
): T[] {
    return results.map((r) => {
        if (r.checkId !== checkId) return r;
        return { ...r, attestedByName: name, attestedAt: at };
    });
}

export const flushPromises = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
