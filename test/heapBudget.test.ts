/*
 * Heap of the largest run's save (issue 11, M2). MiawRunService.save holds, at once: the report JSON the screen
 * sends, its parsed form (JSON.deserializeUntyped) and the result records it builds; then, for the fingerprint, it
 * reads the org again: the snapshot DTOs, their JSON, the parsed JSON and the canonical text of each section
 * (MiawSnapshotFingerprint). This test builds those texts exactly as the largest demo org produces them (the preview's
 * "large" org: bench/syntheticOrg.ts at scale 0.01, a 50-origin plan, ~1,000 results, 500 agents, the most the
 * in-org read lists) and adds the copies up.
 *
 * Model: Apex counts a string's characters (below U+10000) as one byte each of heap; each live copy of a text counts
 * once; object overhead of parsed maps is not modelled, which is what the 50 % margin is for. The synchronous heap
 * limit is 6 MB = 6,000,000 bytes (Execution Governors and Limits). Sources: docs/sources.md, "Package self-test".
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runReadiness } from '../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import type { ReadinessReport } from '../force-app/main/default/lwc/miawReadinessEngine/result';
import { syntheticPlan, syntheticSnapshot } from '../bench/syntheticOrg';

const ROOT = path.resolve(__dirname, '..');
const SYNC_HEAP_BYTES = 6_000_000;
const MARGIN = 0.5;
/** tools/preview/prepareData.ts LARGE_SCALE: the preview's large org. */
const LARGE_SCALE = 0.01;
const RUN_SERVICE = fs.readFileSync(path.join(ROOT, 'force-app/main/default/classes/MiawRunService.cls'), 'utf8');
const MAX_REPORT_CHARS = Number(/MAX_REPORT_CHARS = (\d+);/.exec(RUN_SERVICE)?.[1]);

/** Characters the Miaw_Readiness_Result__c records hold (readResult's fields). */
function storedResultChars(report: ReadinessReport): number {
    let total = 0;
    for (const r of report.results) {
        for (const value of [
            r.checkId,
            r.title,
            r.area,
            r.severity,
            r.status,
            r.subject,
            r.message,
            r.remediation,
            r.setupPath,
            r.source
        ]) {
            total += typeof value === 'string' ? value.length : 0;
        }
    }
    return total;
}

interface HeapEstimate {
    results: number;
    reportChars: number;
    resultChars: number;
    snapshotChars: number;
    /** readReport: JSON + parsed + records. */
    parsePeak: number;
    /** fingerprintOrg: JSON + records + snapshot DTOs, JSON, parsed JSON, canonical text. */
    fingerprintPeak: number;
}

function estimate(scale: number): HeapEstimate {
    const { snapshot } = syntheticSnapshot(scale);
    const report = runReadiness(snapshot, syntheticPlan(50));
    const reportChars = JSON.stringify(report).length; // miawSetupAssistantApi.saveRun sends exactly this
    const resultChars = storedResultChars(report);
    const snapshotChars = JSON.stringify(snapshot).length;
    return {
        results: report.results.length,
        reportChars,
        resultChars,
        snapshotChars,
        parsePeak: 2 * reportChars + resultChars,
        fingerprintPeak: reportChars + resultChars + 4 * snapshotChars
    };
}

describe('heap of the largest run save', () => {
    const large = estimate(LARGE_SCALE);

    it('keeps the largest demo run under half of the 6 MB synchronous heap', () => {
        const peak = Math.max(large.parsePeak, large.fingerprintPeak);
        // The measured numbers, for docs/store-and-watch.md ("Heap").
        console.log(
            `heap: large org ${large.results} results, report ${large.reportChars} chars, records ${large.resultChars}, ` +
                `snapshot ${large.snapshotChars}; parse peak ${large.parsePeak}, fingerprint peak ${large.fingerprintPeak} ` +
                `= ${((100 * peak) / SYNC_HEAP_BYTES).toFixed(0)} % of ${SYNC_HEAP_BYTES}`
        );
        expect(large.results).toBeGreaterThan(900);
        expect(peak).toBeLessThan(MARGIN * SYNC_HEAP_BYTES);
    });

    it('refuses, in words, any report whose save could come near the limit', () => {
        expect(MAX_REPORT_CHARS).toBeGreaterThan(large.reportChars);
        // At the cap, with the records in the same proportion as the large org's.
        const ratio = large.resultChars / large.reportChars;
        const parsePeakAtCap = 2 * MAX_REPORT_CHARS + ratio * MAX_REPORT_CHARS;
        expect(parsePeakAtCap).toBeLessThan(MARGIN * SYNC_HEAP_BYTES);
    });

    it('shows why MAX_RESULTS alone is no guard: a 4,000-result report would not fit at all', () => {
        const huge = estimate(0.05);
        expect(huge.results).toBeGreaterThan(4000);
        expect(huge.parsePeak).toBeGreaterThan(SYNC_HEAP_BYTES);
        expect(huge.reportChars).toBeGreaterThan(MAX_REPORT_CHARS);
    });
});
