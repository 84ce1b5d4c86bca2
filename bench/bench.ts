/*
 * `npm run bench`: how the readiness engine and the CLI scale with org size. It prints, and exits 1 only when the
 * engine misses its JSON.parse ratio (not part of npm test).
 *
 * 1. Engine: synthetic org-kind snapshots (bench/syntheticOrg.ts) at five sizes scaling linearly up to the org
 *    limits (2,000 channels, 5,000 trusted sites, 2,000 queues, 50,000 agents) with a ~50-origin plan;
 *    `runReadiness` timed with performance.now() (warm-up, then the median of N runs). The growth ratio is
 *    (time ratio) / (size ratio) between sizes: ~1 means linear.
 *    Beside it, in the same process, the median time `JSON.parse` takes on that snapshot's own JSON: absolute times
 *    swing 2x on a shared machine, the ratio engine / JSON.parse does not. Target: at most MAX_PARSE_RATIO on the
 *    largest snapshot. The engine runs are timed first, then the parses, so neither pays for the other's garbage.
 *    `npm run bench -- --engine-only` skips part 2; the bench exits 1 when the largest ratio exceeds the target.
 * 2. CLI: a generated SFDX source project (bench/syntheticSource.ts) scanned by bin/miaw-readiness.cjs (wall
 *    clock, median of 3), beside `sf project convert source` on the same folder when `sf` is on PATH (it is
 *    not a dependency of this project; skipped with a message otherwise).
 * Figures are also written to bench-out/bench.json.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { runReadiness } from '../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import type { OrgSnapshot } from '../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { SetupPlan } from '../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import { syntheticPlan, syntheticSnapshot } from './syntheticOrg';
import type { SyntheticCounts } from './syntheticOrg';
import { SOURCE_SIZE, writeSyntheticSource } from './syntheticSource';

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'bench-out');
const SCALES = [0.2, 0.4, 0.6, 0.8, 1];
const WARMUP_RUNS = 5;
const TIMED_RUNS = 7;
const TARGET_MS = 250;
/** The engine's median on the largest snapshot may take at most this many times JSON.parse of its JSON. */
const MAX_PARSE_RATIO = 2;
const CLI_RUNS = 3;
const SF_ENV = { SF_SKIP_NEW_VERSION_CHECK: 'true', SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true' };

interface EngineRow {
    scale: number;
    counts: SyntheticCounts;
    elements: number;
    results: number;
    medianMs: number;
    minMs: number;
    /** Size of the snapshot as JSON, in bytes (UTF-16 code units, ASCII here). */
    jsonBytes: number;
    /** Median of JSON.parse on that JSON, same process, after the engine runs. */
    parseMedianMs: number;
    /** medianMs / parseMedianMs. */
    parseRatio: number;
    msPer1kElements: number;
    /** (time ratio) / (size ratio) against the previous size; undefined for the first. */
    growthVsPrevious?: number;
}

interface TimedCommand {
    command: string;
    ok: boolean;
    runs: number[];
    medianMs?: number;
    exitCode?: number | null;
    note?: string;
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits);
const cell = (text: string, width: number): string => text.padStart(width);

function timeEngine(snapshot: OrgSnapshot, plan: SetupPlan): { runs: number[]; results: number } {
    let results = 0;
    for (let i = 0; i < WARMUP_RUNS; i++) results = runReadiness(snapshot, plan).results.length;
    const runs: number[] = [];
    for (let i = 0; i < TIMED_RUNS; i++) {
        const t0 = performance.now();
        results = runReadiness(snapshot, plan).results.length;
        runs.push(performance.now() - t0);
    }
    return { runs, results };
}

/** Median JSON.parse time of the snapshot's own JSON (the yardstick the engine is measured against). */
function timeParse(json: string): number {
    for (let i = 0; i < WARMUP_RUNS; i++) JSON.parse(json);
    const runs: number[] = [];
    for (let i = 0; i < TIMED_RUNS; i++) {
        const t0 = performance.now();
        JSON.parse(json);
        runs.push(performance.now() - t0);
    }
    return median(runs);
}

function engineBench(): {
    rows: EngineRow[];
    overallGrowth: number;
    largestMs: number;
    largestParseRatio: number;
    meetsTarget: boolean;
    meetsParseRatio: boolean;
} {
    const plan = syntheticPlan(50);
    const rows: EngineRow[] = [];
    console.log(`\n1. Engine: runReadiness on synthetic org snapshots (${plan.widgetOrigins.length} widget origins)`);
    console.log(
        `   warm-up ${WARMUP_RUNS}, median of ${TIMED_RUNS} runs, Node ${process.version}, ${os.cpus().length} CPU(s)\n`
    );
    console.log(
        [
            cell('scale', 6),
            cell('channels', 9),
            cell('sites', 6),
            cell('queues', 7),
            cell('agents', 7),
            cell('elements', 9),
            cell('results', 8),
            cell('median ms', 10),
            cell('min ms', 8),
            cell('JSON MB', 8),
            cell('parse ms', 9),
            cell('ratio', 6),
            cell('ms/1k el', 9),
            cell('growth', 7)
        ].join(' ')
    );
    for (const scale of SCALES) {
        const { snapshot, counts, elements } = syntheticSnapshot(scale);
        const { runs, results } = timeEngine(snapshot, plan);
        const med = median(runs);
        const json = JSON.stringify(snapshot);
        const parseMedianMs = timeParse(json);
        const previous = rows[rows.length - 1];
        const row: EngineRow = {
            scale,
            counts,
            elements,
            results,
            medianMs: med,
            minMs: Math.min(...runs),
            jsonBytes: json.length,
            parseMedianMs,
            parseRatio: med / parseMedianMs,
            msPer1kElements: (med / elements) * 1000,
            growthVsPrevious: previous ? med / previous.medianMs / (elements / previous.elements) : undefined
        };
        rows.push(row);
        console.log(
            [
                cell(fmt(scale, 1), 6),
                cell(String(counts.messagingChannels), 9),
                cell(String(counts.corsEntries + counts.cspTrustedSites), 6),
                cell(String(counts.queues), 7),
                cell(String(counts.agents), 7),
                cell(String(elements), 9),
                cell(String(results), 8),
                cell(fmt(med), 10),
                cell(fmt(row.minMs), 8),
                cell(fmt(json.length / 1e6), 8),
                cell(fmt(parseMedianMs), 9),
                cell(fmt(row.parseRatio, 2), 6),
                cell(fmt(row.msPer1kElements, 3), 9),
                cell(row.growthVsPrevious === undefined ? '-' : fmt(row.growthVsPrevious, 2), 7)
            ].join(' ')
        );
    }
    const first = rows[0];
    const last = rows[rows.length - 1];
    const overallGrowth = last.medianMs / first.medianMs / (last.elements / first.elements);
    const meetsTarget = last.medianMs < TARGET_MS;
    console.log(
        `\n   overall: size x${fmt(last.elements / first.elements, 1)}, time x${fmt(last.medianMs / first.medianMs, 2)}` +
            ` -> growth ratio ${fmt(overallGrowth, 2)} (1.00 = linear)`
    );
    console.log(
        `   largest (${last.elements} elements): ${fmt(last.medianMs)} ms median -> ` +
            `${meetsTarget ? 'MEETS' : 'MISSES'} the < ${TARGET_MS} ms target`
    );
    const meetsParseRatio = last.parseRatio <= MAX_PARSE_RATIO;
    console.log(
        `   largest: engine / JSON.parse = ${fmt(last.parseRatio, 2)} -> ` +
            `${meetsParseRatio ? 'MEETS' : 'MISSES'} the <= ${MAX_PARSE_RATIO}x target`
    );
    return {
        rows,
        overallGrowth,
        largestMs: last.medianMs,
        largestParseRatio: last.parseRatio,
        meetsTarget,
        meetsParseRatio
    };
}

/** The first executable `name` on PATH, or undefined. */
function findOnPath(name: string): string | undefined {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
        if (!dir) continue;
        const candidate = path.join(dir, name);
        try {
            fs.accessSync(candidate, fs.constants.X_OK);
            return candidate;
        } catch {
            // not here
        }
    }
    return undefined;
}

function timeCommand(
    label: string,
    file: string,
    args: (run: number) => string[],
    cwd: string,
    runs: number
): TimedCommand {
    const result: TimedCommand = { command: label, ok: true, runs: [] };
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const child = spawnSync(file, args(i), {
            cwd,
            env: { ...process.env, ...SF_ENV },
            encoding: 'utf8',
            timeout: 150_000,
            maxBuffer: 64 * 1024 * 1024
        });
        const ms = performance.now() - t0;
        result.exitCode = child.status;
        if (child.error || child.status === null) {
            result.ok = false;
            result.note = child.error ? child.error.message : `killed by ${child.signal ?? 'signal'}`;
            break;
        }
        // the CLI exits 0 with --fail-on never; 1 or 2 means it could not scan
        if (child.status !== 0) {
            result.ok = false;
            result.note = `exit ${child.status}: ${(child.stderr || child.stdout).trim().split('\n').slice(-3).join(' | ')}`;
            break;
        }
        result.runs.push(ms);
    }
    if (result.runs.length) result.medianMs = median(result.runs);
    return result;
}

interface ReaderModule {
    readMetadataFolder: (dir: string) => OrgSnapshot;
}

function isReaderModule(value: unknown): value is ReaderModule {
    return (
        typeof value === 'object' &&
        value !== null &&
        typeof (value as Record<string, unknown>).readMetadataFolder === 'function'
    );
}

/** The metadata reader, when it exists (loaded by path so the bench compiles before it lands). */
async function loadReader(): Promise<ReaderModule | undefined> {
    const file = path.join(ROOT, 'cli', 'read', 'metadataReader.ts');
    if (!fs.existsSync(file)) return undefined;
    const loaded: unknown = await import(pathToFileURL(file).href);
    if (isReaderModule(loaded)) return loaded;
    const fallback = (loaded as { default?: unknown }).default;
    return isReaderModule(fallback) ? fallback : undefined;
}

async function inProcessScan(
    sourceDir: string
): Promise<{ readMs: number; engineMs: number; totalMs: number; problems: number; results: number } | undefined> {
    const reader = await loadReader();
    if (!reader) return undefined;
    const plan = syntheticPlan(50);
    const reads: number[] = [];
    const engines: number[] = [];
    let problems = 0;
    let results = 0;
    for (let i = 0; i < CLI_RUNS; i++) {
        const t0 = performance.now();
        const snapshot = reader.readMetadataFolder(sourceDir);
        const t1 = performance.now();
        results = runReadiness(snapshot, plan).results.length;
        const t2 = performance.now();
        reads.push(t1 - t0);
        engines.push(t2 - t1);
        problems = snapshot.problems.length;
    }
    const readMs = median(reads);
    const engineMs = median(engines);
    return { readMs, engineMs, totalMs: readMs + engineMs, problems, results };
}

async function cliBench(): Promise<Record<string, unknown>> {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-bench-'));
    const project = path.join(work, 'project');
    const sourceDir = path.join(project, 'force-app');
    try {
        const t0 = performance.now();
        const files = writeSyntheticSource(project);
        const writeMs = performance.now() - t0;
        const sites = SOURCE_SIZE.trustedSites;
        console.log(
            `\n2. CLI full scan of a generated SFDX project: ${files} metadata files ` +
                `(${SOURCE_SIZE.messagingChannels} channels + ${SOURCE_SIZE.messagingChannels} deployments, ` +
                `${SOURCE_SIZE.queues} queues, ${sites} trusted sites, ${SOURCE_SIZE.flows} flows), written in ${fmt(writeMs, 0)} ms`
        );

        const bin = path.join(ROOT, 'bin', 'miaw-readiness.cjs');
        let cli: TimedCommand | undefined;
        if (fs.existsSync(bin)) {
            cli = timeCommand(
                'node bin/miaw-readiness.cjs --source-dir <dir> --format json --fail-on never --output /dev/null',
                process.execPath,
                () => [
                    bin,
                    '--source-dir',
                    sourceDir,
                    '--format',
                    'json',
                    '--fail-on',
                    'never',
                    '--output',
                    os.devNull
                ],
                ROOT,
                CLI_RUNS
            );
            console.log(
                cli.ok && cli.medianMs !== undefined
                    ? `   miaw-readiness CLI (wall clock, median of ${CLI_RUNS}): ${fmt(cli.medianMs, 0)} ms ` +
                          `[${cli.runs.map((r) => fmt(r, 0)).join(', ')}]`
                    : `   miaw-readiness CLI failed: ${cli.note}`
            );
        } else {
            console.log(
                '   miaw-readiness CLI: bin/miaw-readiness.cjs not found yet; timing the reader + engine in-process'
            );
        }

        const inProcess = await inProcessScan(sourceDir);
        if (inProcess) {
            console.log(
                `   in-process reader + engine (median of ${CLI_RUNS}): read ${fmt(inProcess.readMs, 0)} ms + ` +
                    `engine ${fmt(inProcess.engineMs, 0)} ms = ${fmt(inProcess.totalMs, 0)} ms ` +
                    `(${inProcess.results} results, ${inProcess.problems} read problems)`
            );
        } else {
            console.log('   in-process reader: cli/read/metadataReader.ts not found yet');
        }

        // sf is not a dependency of this project (it needs Node >= 22): the user's own, from PATH.
        const sfBin = findOnPath(process.platform === 'win32' ? 'sf.cmd' : 'sf');
        let sf: TimedCommand;
        if (sfBin) {
            sf = timeCommand(
                'sf project convert source --source-dir force-app --output-dir <tmp>',
                sfBin,
                (run) => [
                    'project',
                    'convert',
                    'source',
                    '--source-dir',
                    'force-app',
                    '--output-dir',
                    path.join(work, `mdapi-${run}`)
                ],
                project,
                CLI_RUNS
            );
            console.log(
                sf.ok && sf.medianMs !== undefined
                    ? `   sf project convert source (wall clock, median of ${CLI_RUNS}): ${fmt(sf.medianMs, 0)} ms ` +
                          `[${sf.runs.map((r) => fmt(r, 0)).join(', ')}]`
                    : `   sf project convert source did not complete: ${sf.note}`
            );
        } else {
            sf = {
                command: 'sf project convert source',
                ok: false,
                runs: [],
                note: 'skipped: sf is not on PATH (npm install --global @salesforce/cli, Node >= 22)'
            };
            console.log(`   sf project convert source: ${sf.note}`);
        }

        const scanMs = cli?.ok ? cli.medianMs : inProcess?.totalMs;
        let ratio: number | undefined;
        if (scanMs !== undefined && sf.ok && sf.medianMs !== undefined) {
            ratio = scanMs / sf.medianMs;
            console.log(
                `   ratio: ${cli?.ok ? 'CLI' : 'in-process scan'} / sf convert = ${fmt(ratio, 2)} ` +
                    `(the readiness scan takes ${fmt(ratio * 100, 0)}% of a plain source convert)`
            );
        }
        return {
            files,
            size: SOURCE_SIZE,
            writeMs,
            cli: cli ?? { ok: false, note: 'bin/miaw-readiness.cjs not found' },
            inProcess: inProcess ?? { note: 'cli/read/metadataReader.ts not found' },
            sfConvert: sf,
            ratioScanToConvert: ratio
        };
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

async function main(): Promise<void> {
    const started = performance.now();
    const engine = engineBench();
    const cli = process.argv.includes('--engine-only') ? { skipped: '--engine-only' } : await cliBench();
    const totalSeconds = (performance.now() - started) / 1000;
    console.log(`\nbench finished in ${fmt(totalSeconds, 1)} s`);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const out = {
        generatedAt: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        engine: {
            targetMs: TARGET_MS,
            maxParseRatio: MAX_PARSE_RATIO,
            warmupRuns: WARMUP_RUNS,
            timedRuns: TIMED_RUNS,
            ...engine
        },
        cli,
        totalSeconds
    };
    fs.writeFileSync(path.join(OUT_DIR, 'bench.json'), `${JSON.stringify(out, null, 4)}\n`);
    console.log(`figures written to ${path.relative(process.cwd(), path.join(OUT_DIR, 'bench.json'))}`);
    if (!engine.meetsParseRatio) {
        console.error(
            `bench: the engine takes ${fmt(engine.largestParseRatio, 2)}x JSON.parse (target ${MAX_PARSE_RATIO}x)`
        );
        process.exitCode = 1;
    }
}

main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
});
