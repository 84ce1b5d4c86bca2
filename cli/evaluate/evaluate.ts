/*
 * Evaluate stage: source folders + plan file + --domain flags → OrgSnapshot + SetupPlan → report.
 *
 * Several source folders (sfdx-project.json usually lists more than one package directory) are read one
 * by one and merged section by section, because a channel in one folder and its CORS entries in another
 * are still one org. Every file path (item sources, read problems) is re-based from "relative to the
 * scanned folder" to "relative to the working directory" so that one path means one file across
 * folders, and so SARIF/JUnit paths resolve from the repository root in CI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readMetadataFolder, InputError } from '../read/metadataReader';
import { runReadiness } from '../../force-app/main/default/lwc/miawReadinessEngine/miawReadinessEngine';
import type { ReadinessReport } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import {
    PlanError,
    emptyPlan,
    parseSetupPlan,
    withExtraOrigins
} from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { SetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import { SNAPSHOT_SECTIONS } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { OrgSnapshot, Section } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';

/** A usage or input error: exit code 2, the message says what was wrong and what to type instead. */
export class UsageError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'UsageError';
    }
}

export type FolderReader = (rootDir: string) => OrgSnapshot;
export type ReadinessEngine = (snapshot: OrgSnapshot, plan: SetupPlan) => ReadinessReport;

export interface EvaluateOptions {
    /** Absolute working directory; relative paths are resolved from it. */
    cwd: string;
    /** --source-dir values as typed; empty → the package directories of ./sfdx-project.json. */
    sourceDirs: string[];
    planFile?: string;
    domains: string[];
    /** Seams for tests; default to the metadata reader and the engine. */
    readFolder?: FolderReader;
    engine?: ReadinessEngine;
}

export interface Evaluation {
    report: ReadinessReport;
    snapshot: OrgSnapshot;
    plan: SetupPlan;
    /** Scanned folders as shown to the user (relative to cwd when inside it). */
    sourceDirs: string[];
    planFile?: string;
    /** sfdx-project.json of the scanned project, relative to cwd (SARIF anchor for file-less results). */
    projectFile?: string;
}

const PROJECT_FILE = 'sfdx-project.json';

/** A path as shown in reports: relative to cwd with forward slashes when inside it, else absolute. */
export function displayPath(cwd: string, absolute: string): string {
    const rel = path.relative(cwd, absolute);
    if (rel === '') return '.';
    if (rel.startsWith('..') || path.isAbsolute(rel)) return absolute;
    return rel.split(path.sep).join('/');
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCode(e: unknown): string | undefined {
    return isRecord(e) && typeof e.code === 'string' ? e.code : undefined;
}

/** "…at position 42" → "line 3, column 5" so a person can find the typo in an editor. */
export function jsonErrorWhere(text: string, message: string): string {
    const m = /at position (\d+)/.exec(message);
    if (!m || /line \d+/.test(message)) return message;
    const before = text.slice(0, Number(m[1]));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return `${message} (line ${line}, column ${column})`;
}

function readJsonFile(file: string, shown: string, what: string, hint: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (e) {
        if (errorCode(e) === 'ENOENT') throw new UsageError(`${what} not found: ${shown} (${hint})`);
        if (errorCode(e) === 'EISDIR') throw new UsageError(`${what} ${shown} is a folder, not a file (${hint})`);
        throw new UsageError(`cannot read ${what} ${shown}: ${(e as Error).message}`);
    }
    // Editors on Windows like to save a BOM; JSON.parse rejects it with a baffling message.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
        return JSON.parse(text) as unknown;
    } catch (e) {
        throw new UsageError(`${what} ${shown} is not valid JSON: ${jsonErrorWhere(text, (e as Error).message)}`);
    }
}

/** Reads and validates the plan file, then adds --domain origins. */
export function loadPlan(cwd: string, planFile: string | undefined, domains: readonly string[]): SetupPlan {
    let plan = emptyPlan();
    if (planFile) {
        const file = path.resolve(cwd, planFile);
        const shown = displayPath(cwd, file);
        const json = readJsonFile(
            file,
            shown,
            'plan file',
            'pass --plan with the path to your plan JSON, e.g. --plan miaw-plan.json'
        );
        try {
            plan = parseSetupPlan(json);
        } catch (e) {
            if (e instanceof PlanError) throw new UsageError(`plan file ${shown}: ${e.message}`);
            throw e;
        }
    }
    try {
        return withExtraOrigins(plan, [...domains]);
    } catch (e) {
        if (e instanceof PlanError) throw new UsageError(`${e.message} (use --domain https://www.example.com)`);
        throw e;
    }
}

/** The package directories of ./sfdx-project.json, used when no --source-dir is given. */
export function defaultSourceDirs(cwd: string): string[] {
    const file = path.join(cwd, PROJECT_FILE);
    if (!fs.existsSync(file)) {
        throw new UsageError(
            `no --source-dir given and no ${PROJECT_FILE} in ${cwd}: run from the project root or pass the metadata folder, e.g. --source-dir force-app`
        );
    }
    const project = readJsonFile(file, PROJECT_FILE, 'project file', 'or pass --source-dir <folder>');
    const dirs = isRecord(project) && Array.isArray(project.packageDirectories) ? project.packageDirectories : [];
    const paths = dirs.flatMap((d) => (isRecord(d) && typeof d.path === 'string' && d.path.trim() ? [d.path] : []));
    if (paths.length === 0) {
        throw new UsageError(
            `${PROJECT_FILE} lists no packageDirectories: pass the metadata folder, e.g. --source-dir force-app`
        );
    }
    return paths;
}

/** Walks every item and replaces `source.file` (relative to `fromDir`) with its path relative to cwd. */
function rebaseSources(value: unknown, fix: (file: string) => string): void {
    if (Array.isArray(value)) {
        for (const v of value) rebaseSources(v, fix);
    } else if (isRecord(value)) {
        for (const [key, v] of Object.entries(value)) {
            // a new object, not an in-place edit: a reader may share one SourceRef between items
            if (key === 'source' && isRecord(v) && typeof v.file === 'string') value[key] = { ...v, file: fix(v.file) };
            else rebaseSources(v, fix);
        }
    }
}

export function rebaseSnapshot(snapshot: OrgSnapshot, fromDir: string, cwd: string): OrgSnapshot {
    const fix = (file: string): string => displayPath(cwd, path.resolve(fromDir, file));
    for (const name of SNAPSHOT_SECTIONS) rebaseSources(snapshot[name].items, fix);
    snapshot.problems = snapshot.problems.map((p) => ({ ...p, file: fix(p.file) }));
    return snapshot;
}

/**
 * One section from several folders. `error` wins (the section is incomplete: checks must not pass on
 * half the data); otherwise `read` wins over "not in this folder" and items are concatenated; when no
 * folder had it, the first folder's state and reason stand.
 */
export function mergeSection<T>(sections: readonly Section<T>[]): Section<T> {
    const items = sections.flatMap((s) => s.items);
    const errored = sections.find((s) => s.state === 'error');
    if (errored) return { ...errored, items };
    if (sections.some((s) => s.state === 'read')) return { state: 'read', items };
    return { ...sections[0], items };
}

export function mergeSnapshots(snapshots: readonly OrgSnapshot[], label: string): OrgSnapshot {
    if (snapshots.length === 1) return snapshots[0];
    const merged = { ...snapshots[0], origin: { ...snapshots[0].origin, label } } as OrgSnapshot;
    const sections = merged as unknown as Record<string, Section<unknown>>;
    for (const name of SNAPSHOT_SECTIONS) {
        sections[name] = mergeSection(snapshots.map((s) => s[name] as Section<unknown>));
    }
    merged.problems = snapshots.flatMap((s) => s.problems);
    return merged;
}

export function readOne(cwd: string, dir: string, readFolder: FolderReader): OrgSnapshot {
    const absolute = path.resolve(cwd, dir);
    const shown = displayPath(cwd, absolute);
    const hint = 'pass --source-dir with a retrieved metadata folder, e.g. --source-dir force-app';
    if (!fs.existsSync(absolute)) throw new UsageError(`source folder not found: ${shown} (${hint})`);
    if (!fs.statSync(absolute).isDirectory())
        throw new UsageError(`source folder ${shown} is a file, not a folder (${hint})`);
    try {
        return rebaseSnapshot(readFolder(absolute), absolute, cwd);
    } catch (e) {
        if (e instanceof InputError) throw new UsageError(`${e.message} (${hint})`);
        throw e;
    }
}

/** The nearest sfdx-project.json at or above the first scanned folder, for SARIF anchors. */
export function findProjectFile(cwd: string, fromDir: string): string | undefined {
    let dir = path.resolve(cwd, fromDir);
    for (;;) {
        const candidate = path.join(dir, PROJECT_FILE);
        if (fs.existsSync(candidate)) return displayPath(cwd, candidate);
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

export function evaluate(options: EvaluateOptions): Evaluation {
    const { cwd } = options;
    // the plan first: a typo in it is cheaper to report than after reading a large folder
    const plan = loadPlan(cwd, options.planFile, options.domains);
    const dirs = options.sourceDirs.length > 0 ? options.sourceDirs : defaultSourceDirs(cwd);
    const unique = [...new Set(dirs.map((d) => path.resolve(cwd, d)))];
    const shown = unique.map((d) => displayPath(cwd, d));
    const readFolder = options.readFolder ?? readMetadataFolder;
    const snapshot = mergeSnapshots(
        unique.map((d) => readOne(cwd, d, readFolder)),
        shown.join(', ')
    );
    const report = (options.engine ?? runReadiness)(snapshot, plan);
    return {
        report,
        snapshot,
        plan,
        sourceDirs: shown,
        planFile: options.planFile ? displayPath(cwd, path.resolve(cwd, options.planFile)) : undefined,
        projectFile: findProjectFile(cwd, unique[0])
    };
}
