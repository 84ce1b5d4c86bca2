/*
 * Test kit for the CLI: hand-built results and reports (no dependence on the check modules), an
 * in-memory io, and throw-away project folders.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkSpec } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import {
    METADATA_SCOPE,
    REPORT_SCHEMA_VERSION,
    summarize
} from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import type {
    CheckResult,
    CheckStatus,
    ReadinessReport
} from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import { emptySnapshot } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { OrgSnapshot, ReadProblem } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import type { CliIo } from '../main';
import type { FormatContext } from '../write/formatContext';

/** A result for a catalog check; title/area/severity/source from the catalog like the engine does. */
export function result(checkId: string, status: CheckStatus, overrides: Partial<CheckResult> = {}): CheckResult {
    const s = checkSpec(checkId);
    return {
        checkId,
        title: s.title,
        area: s.area,
        severity: s.severity,
        status,
        subject: 'org',
        message: `${checkId} ${status} message`,
        remediation: status === 'pass' ? '' : `Do the ${checkId} fix.`,
        setupPath: s.setupPath,
        source: s.source,
        evidence: s.evaluatedIn,
        ...overrides
    };
}

/** A report as a metadata scan (the CLI) makes it: only metadata checks count toward the verdict. */
export function report(results: CheckResult[]): ReadinessReport {
    return { schemaVersion: REPORT_SCHEMA_VERSION, summary: summarize(results, METADATA_SCOPE), results };
}

/** One of everything: a failing blocker with a file, a failing warning, info fail, pass, not evaluated, manual. */
export function mixedReport(): ReadinessReport {
    return report([
        result('PRE-01', 'pass'),
        result('TS-01', 'fail', {
            subject: 'https://www.example.com',
            message: 'No CORS allowlist entry covers https://www.example.com.',
            remediation: 'Add https://www.example.com to the CORS allowlist.',
            location: {
                file: 'force-app/main/default/corsWhitelistOrigins/Example.corsWhitelistOrigin-meta.xml',
                line: 3
            }
        }),
        result('TS-04', 'fail', { subject: 'https://www.example.com' }),
        result('CH-02', 'fail', { subject: 'Web_Chat' }),
        result('CH-09', 'fail'),
        result('CH-05', 'not_evaluated', {
            message: 'Not evaluated: flows not in the scanned source.',
            remediation: 'Retrieve the flows.'
        }),
        result('CH-06', 'not_evaluated', {
            message: 'Not evaluated: flows not in the scanned source.',
            remediation: 'Retrieve the flows.'
        }),
        result('GL-01', 'manual', { remediation: 'Run an end-to-end test in a sandbox.' })
    ]);
}

export function context(overrides: Partial<FormatContext> = {}): FormatContext {
    return {
        toolVersion: '9.9.9',
        sourceDirs: ['force-app'],
        planFile: 'miaw-plan.json',
        problems: [],
        color: false,
        anchorFile: 'sfdx-project.json',
        ...overrides
    };
}

export function problem(overrides: Partial<ReadProblem> = {}): ReadProblem {
    return {
        file: 'force-app/main/default/flows/Broken.flow-meta.xml',
        line: 7,
        message: 'unclosed tag <Flow>',
        ...overrides
    };
}

export interface MemoryIo extends CliIo {
    out(): string;
    err(): string;
}

export function memoryIo(cwd: string, overrides: Partial<CliIo> = {}): MemoryIo {
    let out = '';
    let err = '';
    return {
        stdout: { write: (s: string) => (out += s) },
        stderr: { write: (s: string) => (err += s) },
        isTTY: false,
        env: {},
        cwd,
        ...overrides,
        out: () => out,
        err: () => err
    };
}

/** A throw-away SFDX project: sfdx-project.json + the given package dirs (created empty). */
export function tempProject(packageDirs: string[] = ['force-app'], files: Record<string, string> = {}): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-cli-'));
    fs.writeFileSync(
        path.join(root, 'sfdx-project.json'),
        JSON.stringify({ packageDirectories: packageDirs.map((p, i) => ({ path: p, default: i === 0 })) })
    );
    for (const dir of packageDirs) fs.mkdirSync(path.join(root, dir), { recursive: true });
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        fs.writeFileSync(path.join(root, file), text);
    }
    return root;
}

export function removeTemp(root: string): void {
    fs.rmSync(root, { recursive: true, force: true });
}

export function blankSnapshot(label = 'fixture'): OrgSnapshot {
    return emptySnapshot({ kind: 'metadata', label });
}
