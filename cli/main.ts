/*
 * miaw-readiness: the readiness engine on a retrieved metadata folder, for release pipelines.
 * read (cli/read) → evaluate (cli/evaluate) → write (cli/write); this file parses the flags and wires the
 * stages. It never calls process.exit: it returns the exit code so tests can run it in-process.
 *
 * Exit codes: 0 ready (or, with --allow-incomplete, incomplete); 1 a check at or above --fail-on fails, or
 * the verdict is incomplete (a gate fails closed when evidence is missing); 2 usage or input error.
 * `miaw-readiness manifest` prints the retrieve manifest (package.xml) of what the scan reads instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import { failsAt } from '../force-app/main/default/lwc/miawReadinessEngine/result';
import type { ReadinessReport, Severity } from '../force-app/main/default/lwc/miawReadinessEngine/result';
import { UsageError, evaluate } from './evaluate/evaluate';
import type { FolderReader, ReadinessEngine } from './evaluate/evaluate';
import { OUTPUT_FORMATS, countsSentence, verdictWords } from './write/formatContext';
import type { FormatContext, OutputFormat } from './write/formatContext';
import { formatJson } from './write/formatJson';
import { formatJunit } from './write/formatJunit';
import { formatMarkdown } from './write/formatMarkdown';
import { formatSarif } from './write/formatSarif';
import { formatText } from './write/formatText';
import { MANIFEST_API_VERSION, isApiVersion, retrieveManifest } from './write/retrieveManifest';
import { runProbe } from './probe/runProbe';
import type { ProbeDeps } from './probe/runProbe';

export interface Writer {
    write(text: string): unknown;
}

export interface CliIo {
    stdout: Writer;
    stderr: Writer;
    /** Whether stdout is a terminal (colour in the text format). */
    isTTY: boolean;
    env: Record<string, string | undefined>;
    cwd: string;
}

/** Test seams: the metadata reader, the engine and the probe's fetch and browser pass. Production uses the real ones. */
export interface CliDeps {
    readFolder?: FolderReader;
    engine?: ReadinessEngine;
    probe?: ProbeDeps;
}

type FailOn = Severity | 'never';
const FAIL_ON: readonly FailOn[] = ['blocker', 'warning', 'never'];

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

const FORMATTERS: Record<OutputFormat, (report: ReadinessReport, ctx: FormatContext) => string> = {
    text: formatText,
    json: formatJson,
    junit: formatJunit,
    sarif: formatSarif,
    markdown: formatMarkdown
};

interface ManifestOptions {
    output?: string;
    apiVersion: string;
}

/** The flags every report-writing command takes (the scan and the probe): see reportOptions(). */
interface ReportRawOptions {
    format: string;
    output?: string;
    failOn: string;
    allowIncomplete?: boolean;
    color: boolean;
}

interface ProbeRawOptions extends ReportRawOptions {
    sourceDir?: string[];
    plan?: string;
    browser?: boolean;
    timeout: string;
    insecure?: boolean;
    screenshotDir?: string;
    hostResolverRules?: string;
}

/** What the command line asked for: the scan (no subcommand), the manifest or the website probe. */
type Invocation =
    | { command: 'scan' }
    | { command: 'manifest'; options: ManifestOptions }
    | { command: 'probe'; urls: string[]; options: ProbeRawOptions };

interface RawOptions extends ReportRawOptions {
    sourceDir?: string[];
    plan?: string;
    domain?: string[];
}

const HELP_AFTER = `
Exit codes:
  0  ready: every blocker the metadata can show was evaluated, and nothing at or above --fail-on fails
  1  a check at or above --fail-on fails, or the verdict is INCOMPLETE (a blocker check could not be
     evaluated, e.g. its metadata type is not in the folder) — the gate fails closed
  2  usage or input error (bad flag, missing folder, unreadable plan file)

  --allow-incomplete accepts missing evidence: exit 0 when nothing at or above --fail-on fails, even
  though the report still says INCOMPLETE. --fail-on never ignores failing checks, but an incomplete
  verdict still exits 1 unless --allow-incomplete is given too (--fail-on never --allow-incomplete
  always exits 0 on a completed run).

Examples:
  miaw-readiness
  miaw-readiness --source-dir force-app --plan miaw-plan.json
  miaw-readiness --domain https://www.example.com --fail-on warning
  miaw-readiness --format sarif --output miaw-readiness.sarif
  miaw-readiness manifest > miaw.xml
  miaw-readiness probe https://www.example.com/help --source-dir force-app
  npm run -s readiness -- --format json > readiness.json

Colour: only on a terminal; --no-color or NO_COLOR=1 turns it off.`;

/** The package.json names that carry this tool's version: the published package and this repository. */
const PACKAGE_NAMES = ['miaw-readiness', 'miaw-setup-assistant'];

/**
 * The version in package.json, read at run time so the bin and the tests agree: the nearest package.json
 * above this module named `miaw-readiness` (installed: node_modules/miaw-readiness/dist/… → its package.json)
 * or `miaw-setup-assistant` (this repository: cli/main.ts → the root package.json).
 */
export function readVersion(fromDir: string = __dirname): string {
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
        try {
            const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
                name?: string;
                version?: string;
            };
            if (pkg.name !== undefined && PACKAGE_NAMES.includes(pkg.name) && pkg.version) return pkg.version;
        } catch {
            // no readable package.json here: look further up
        }
        if (path.dirname(dir) === dir) return '0.0.0';
    }
}

// no default value for repeatable flags: commander would print "(default: [])" in the help
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function buildProgram(io: CliIo, version: string, invoked: (invocation: Invocation) => void): Command {
    const program = new Command('miaw-readiness')
        .description(
            'Go-live readiness checks for Salesforce Messaging for In-App and Web (Enhanced Chat), run on a retrieved SFDX metadata folder.'
        )
        .option(
            '--source-dir <dir>',
            'metadata folder to scan; repeat for several (default: packageDirectories of ./sfdx-project.json)',
            collect
        )
        .option('--plan <file>', 'setup plan JSON (widget origins, channel, deployment, routing, pre-chat fields)')
        .option('--domain <origin>', 'widget origin to check, e.g. https://www.example.com (repeatable)', collect);
    reportOptions(program);
    program
        .version(version, '-V, --version', 'print the version')
        .helpOption('-h, --help', 'show this help')
        .addHelpText('after', HELP_AFTER)
        .showHelpAfterError('Run miaw-readiness --help for usage.')
        .allowExcessArguments(false)
        // the scan's flags go before a subcommand, so `manifest --output` is the manifest's own
        .enablePositionalOptions()
        .exitOverride()
        .configureOutput({
            writeOut: (s) => io.stdout.write(s),
            writeErr: (s) => io.stderr.write(s)
        })
        .action(() => invoked({ command: 'scan' }));
    // created after the settings above, so it inherits exitOverride, the output and the help hint
    program
        .command('manifest')
        .description(
            'print the retrieve manifest (package.xml) naming every metadata type the scan reads; retrieve with it ' +
                'so that every section of the report is complete'
        )
        .option('--output <file>', 'write the manifest to a file instead of stdout')
        .option('--api-version <version>', 'Metadata API version of the manifest', MANIFEST_API_VERSION)
        .helpOption('-h, --help', 'show this help')
        .addHelpText(
            'after',
            `
Example:
  miaw-readiness manifest > miaw.xml
  sf project retrieve start --manifest miaw.xml --target-metadata-dir retrieved --unzip --target-org <org>
  miaw-readiness --source-dir retrieved --plan miaw-plan.json`
        )
        .allowExcessArguments(false)
        .action((options: ManifestOptions) => invoked({ command: 'manifest', options }));
    const probeCommand = program
        .command('probe')
        .description(
            "check live web pages for the Enhanced Chat snippet, the deployment it names and the page's CSP (website area, WEB checks)"
        )
        .argument('<url...>', 'pages where the chat should appear, e.g. https://www.example.com/help')
        .option(
            '--source-dir <dir>',
            'retrieved metadata folder to compare the pages with (repeatable); without it the org-side checks are not evaluated',
            collect
        )
        .option('--plan <file>', 'setup plan JSON (validated as for the scan)')
        .option(
            '--browser',
            'also open each page in headless Chromium (CHROMIUM_PATH) and report what the browser saw'
        );
    reportOptions(probeCommand)
        .option('--timeout <seconds>', 'time limit per page', '20')
        .option('--insecure', 'accept TLS certificates that cannot be verified (self-signed test sites)')
        .option('--screenshot-dir <dir>', 'with --browser: save a screenshot of each page there')
        .option(
            '--host-resolver-rules <rules>',
            'with --browser: Chromium host resolver rules (testing against local servers)'
        )
        .helpOption('-h, --help', 'show this help')
        .addHelpText(
            'after',
            `
Pages are fetched (redirects followed and reported, 10 MB at most); a page that cannot be read gets a clear
error in the report and the run carries on. Exit codes are the scan's: 0 ready, 1 not ready or incomplete,
2 usage error (e.g. an argument that is not a URL).

Examples:
  miaw-readiness probe https://www.example.com/help
  miaw-readiness probe https://www.example.com https://shop.example.com --source-dir force-app --format markdown`
        )
        .allowExcessArguments(false)
        .action((urls: string[], options: ProbeRawOptions) => invoked({ command: 'probe', urls, options }));
    return program;
}

/** The report flags, the same for the scan and the probe. */
function reportOptions(command: Command): Command {
    return command
        .option('--format <format>', `output format: ${OUTPUT_FORMATS.join(', ')}`, 'text')
        .option('--output <file>', 'write the report to a file and print a one-line summary to stderr')
        .option(
            '--fail-on <level>',
            `exit 1 when a check of this severity or worse fails: ${FAIL_ON.join(', ')}`,
            'blocker'
        )
        .option(
            '--allow-incomplete',
            'exit 0 on an INCOMPLETE verdict (blocker checks not evaluated) when nothing at or above --fail-on fails'
        )
        .option('--no-color', 'no colour in the text output');
}

/** Checks the report flags before any work: a typo is cheaper to report than after reading the org or the web. */
function parseReportOptions(opts: ReportRawOptions, outputExample: string): { format: OutputFormat; failOn: FailOn } {
    const format = choice('--format', opts.format, OUTPUT_FORMATS);
    const failOn = choice('--fail-on', opts.failOn, FAIL_ON);
    if (opts.output !== undefined && opts.output.trim() === '') {
        throw new UsageError(`--output needs a file name, e.g. --output ${outputExample}`);
    }
    return { format, failOn };
}

/** Formats the report, writes it (stdout, or --output with a one-line summary on stderr), returns the exit code. */
function deliverReport(
    io: CliIo,
    report: ReadinessReport,
    ctx: FormatContext,
    opts: ReportRawOptions,
    parsed: { format: OutputFormat; failOn: FailOn },
    commandName: string
): number {
    const content = FORMATTERS[parsed.format](report, ctx);
    if (opts.output) {
        writeReport(io, opts.output, content);
        io.stderr.write(
            `${commandName}: ${verdictWords(report.summary)} (${countsSentence(report.summary)}); ${parsed.format} report written to ${opts.output}\n`
        );
    } else {
        io.stdout.write(content);
    }
    return exitCode(report, parsed.failOn, opts.allowIncomplete === true);
}

function choice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** NO_COLOR (no-color.org): present and non-empty turns colour off. */
function useColor(io: CliIo, opts: ReportRawOptions, format: OutputFormat): boolean {
    return format === 'text' && !opts.output && io.isTTY && opts.color && !io.env.NO_COLOR;
}

function writeReport(io: CliIo, file: string, content: string): string {
    const absolute = path.resolve(io.cwd, file);
    try {
        fs.mkdirSync(path.dirname(absolute), { recursive: true });
        fs.writeFileSync(absolute, content, 'utf8');
    } catch (e) {
        throw new UsageError(`cannot write --output ${file}: ${(e as Error).message}`);
    }
    return absolute;
}

function writeManifest(io: CliIo, opts: ManifestOptions): number {
    if (!isApiVersion(opts.apiVersion)) {
        throw new UsageError(`--api-version must look like ${MANIFEST_API_VERSION} (got "${opts.apiVersion}")`);
    }
    const content = retrieveManifest(opts.apiVersion);
    if (opts.output === undefined) {
        io.stdout.write(content);
        return EXIT_OK;
    }
    if (opts.output.trim() === '') throw new UsageError('--output needs a file name, e.g. --output miaw.xml');
    writeReport(io, opts.output, content);
    io.stderr.write(`miaw-readiness: retrieve manifest written to ${opts.output}\n`);
    return EXIT_OK;
}

async function run(io: CliIo, opts: RawOptions, version: string, deps: CliDeps): Promise<number> {
    const parsed = parseReportOptions(opts, 'miaw-readiness.sarif');
    const evaluation = evaluate({
        cwd: io.cwd,
        sourceDirs: opts.sourceDir ?? [],
        planFile: opts.plan,
        domains: opts.domain ?? [],
        readFolder: deps.readFolder,
        engine: deps.engine
    });
    const { report } = evaluation;
    const ctx: FormatContext = {
        toolVersion: version,
        sourceDirs: evaluation.sourceDirs,
        planFile: evaluation.planFile,
        plan: evaluation.plan,
        problems: evaluation.snapshot.problems,
        color: useColor(io, opts, parsed.format),
        anchorFile: evaluation.projectFile
    };
    return deliverReport(io, report, ctx, opts, parsed, 'miaw-readiness');
}

async function probe(
    io: CliIo,
    urls: string[],
    opts: ProbeRawOptions,
    version: string,
    deps: CliDeps
): Promise<number> {
    const parsed = parseReportOptions(opts, 'website.md');
    const seconds = Number(opts.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) {
        throw new UsageError(`--timeout must be a number of seconds above 0 (got "${opts.timeout}")`);
    }
    const run = await runProbe(
        io.cwd,
        {
            urls,
            sourceDirs: opts.sourceDir ?? [],
            planFile: opts.plan,
            browser: opts.browser === true,
            timeoutMs: Math.round(seconds * 1000),
            insecure: opts.insecure === true,
            screenshotDir: opts.screenshotDir,
            hostResolverRules: opts.hostResolverRules,
            chromiumPath: io.env.CHROMIUM_PATH
        },
        { readFolder: deps.readFolder, ...deps.probe }
    );
    const ctx: FormatContext = {
        toolVersion: version,
        sourceDirs: run.sourceDirs,
        planFile: run.planFile,
        problems: run.problems,
        color: useColor(io, opts, parsed.format),
        pages: run.pages.map((p) => p.url),
        // a web page is no file in the repository: SARIF anchors its results to the project file, naming the page
        anchorFile: run.projectFile
    };
    return deliverReport(io, run.report, ctx, opts, parsed, 'miaw-readiness probe');
}

/**
 * 1 when a check at or above --fail-on fails, or when the verdict is incomplete and that was not accepted:
 * missing evidence must not pass a release gate by default.
 */
export function exitCode(report: ReadinessReport, failOn: FailOn, allowIncomplete: boolean): number {
    if (report.results.some((r) => failsAt(r, failOn))) return EXIT_FAILED;
    if (report.summary.verdict === 'incomplete' && !allowIncomplete) return EXIT_FAILED;
    return EXIT_OK;
}

export async function main(argv: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
    const version = readVersion();
    const asked: { invocation: Invocation } = { invocation: { command: 'scan' } };
    const program = buildProgram(io, version, (invocation) => {
        asked.invocation = invocation;
    });
    try {
        program.parse(argv, { from: 'user' });
    } catch (e) {
        if (e instanceof CommanderError) {
            // help and version "errors" are commander's way of saying it printed what was asked
            if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
                return EXIT_OK;
            }
            return EXIT_USAGE; // commander already printed the message and the --help hint
        }
        throw e;
    }
    try {
        const { invocation } = asked;
        if (invocation.command === 'manifest') return writeManifest(io, invocation.options);
        if (invocation.command === 'probe') return await probe(io, invocation.urls, invocation.options, version, deps);
        return await run(io, program.opts<RawOptions>(), version, deps);
    } catch (e) {
        if (e instanceof UsageError) {
            io.stderr.write(`error: ${e.message}\n`);
            return EXIT_USAGE;
        }
        // a bug, not bad input: say so, with the stack, and still fail the pipeline
        const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
        io.stderr.write(`error: internal error in miaw-readiness (please report it):\n${detail}\n`);
        return EXIT_USAGE;
    }
}
