/*
 * `miaw-readiness probe <url>...`: fetch each page (cli/probe/fetchPage.ts), build its page model
 * (cli/probe/pageModel.ts), read the org's metadata when --source-dir is given (the scan's reader), and run the
 * engine's WEB checks into the scan's report model — so formats and exit codes are the scan's. With --browser the
 * pages are also opened in headless Chromium (cli/probe/browserPass.ts, loaded only then).
 */
import * as path from 'node:path';
import type { CheckResult, ReadinessReport } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import { runWebsiteReport } from '../../force-app/main/default/lwc/miawReadinessEngine/checksWebsite';
import type { WebsiteOrg } from '../../force-app/main/default/lwc/miawReadinessEngine/checksWebsite';
import { findSnippet, widgetHosts } from '../../force-app/main/default/lwc/miawReadinessEngine/websitePage';
import type {
    BrowserPageObservation,
    WebPageModel,
    WidgetHosts
} from '../../force-app/main/default/lwc/miawReadinessEngine/websitePage';
import type { ReadProblem } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { displayPath, findProjectFile, loadPlan, mergeSnapshots, readOne, UsageError } from '../evaluate/evaluate';
import type { FolderReader } from '../evaluate/evaluate';
import { readMetadataFolder } from '../read/metadataReader';
import { DEFAULT_FETCH_OPTIONS, fetchPage } from './fetchPage';
import type { FetchedPage, FetchOptions } from './fetchPage';
import { pageModelFromHtml } from './pageModel';

/** The browser pass's options (contract with cli/probe/browserPass.ts). */
export interface BrowserPassOptions {
    chromiumPath?: string;
    timeoutMs?: number;
    screenshotDir?: string;
    hostResolverRules?: string;
    ignoreHttpsErrors?: boolean;
}

export type BrowserPass = (urls: string[], options: BrowserPassOptions) => Promise<BrowserPageObservation[]>;
export type BrowserEvaluator = (observation: BrowserPageObservation, hosts: WidgetHosts) => CheckResult[];

export interface ProbeOptions {
    urls: string[];
    sourceDirs: string[];
    planFile?: string;
    browser: boolean;
    timeoutMs: number;
    insecure: boolean;
    screenshotDir?: string;
    hostResolverRules?: string;
    chromiumPath?: string;
}

/** Test seams; production uses the real fetch, reader and browser pass. */
export interface ProbeDeps {
    fetch?: (url: string, options: FetchOptions) => Promise<FetchedPage>;
    readFolder?: FolderReader;
    browserPass?: BrowserPass;
    evaluateBrowser?: BrowserEvaluator;
}

export interface ProbeRun {
    report: ReadinessReport;
    pages: WebPageModel[];
    /** Scanned folders as shown to the user (empty without --source-dir). */
    sourceDirs: string[];
    planFile?: string;
    problems: ReadProblem[];
    /** sfdx-project.json near the scanned folder (or the working directory): SARIF anchors page results there. */
    projectFile?: string;
}

/** The URL as typed, checked: an http(s) address with a host. A usage error (exit 2) names anything else. */
export function parseProbeUrl(input: string): string {
    let url: URL | undefined;
    try {
        url = new URL(input);
    } catch {
        url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
        const guess = /^[\w.-]+\.[a-z]{2,}(\/.*)?$/i.test(input) ? ` (did you mean https://${input}?)` : '';
        throw new UsageError(
            `not a web page address: "${input}"${guess}; give the full URL of a page where the chat should appear, e.g. https://www.example.com/help`
        );
    }
    return input;
}

// Kept in a variable so the static branch compiles and bundles without the browser pass; loaded only with --browser.
const BROWSER_PASS_MODULE = './browserPass';
const BROWSER_CHECKS_MODULE = '../../force-app/main/default/lwc/miawReadinessEngine/checksWebsiteBrowser';

/** The browser pass, loaded lazily: playwright-core and Chromium are needed only when --browser is given. */
export async function browserPass(urls: string[], options: BrowserPassOptions): Promise<BrowserPageObservation[]> {
    let mod: { observePages?: BrowserPass };
    try {
        mod = (await import(BROWSER_PASS_MODULE)) as { observePages?: BrowserPass };
    } catch (e) {
        throw new UsageError(`--browser is not available in this build: ${(e as Error).message}`);
    }
    if (typeof mod.observePages !== 'function') throw new UsageError('--browser is not available in this build');
    return mod.observePages(urls, options);
}

async function browserEvaluator(): Promise<BrowserEvaluator> {
    const mod = (await import(BROWSER_CHECKS_MODULE)) as { evaluateBrowserObservation?: BrowserEvaluator };
    if (typeof mod.evaluateBrowserObservation !== 'function') {
        throw new UsageError('--browser is not available in this build: the browser checks are missing');
    }
    return mod.evaluateBrowserObservation;
}

function toModel(fetched: FetchedPage): WebPageModel {
    const info = {
        url: fetched.url,
        finalUrl: fetched.finalUrl,
        redirects: fetched.redirects,
        status: fetched.status,
        contentType: fetched.contentType,
        headerCsp: fetched.headerCsp
    };
    if (fetched.error !== undefined || fetched.html === undefined) {
        return {
            ...info,
            error: fetched.error ?? 'no HTML was received',
            errorHint: fetched.errorHint,
            scripts: [],
            metaCsp: [],
            mixedContent: []
        };
    }
    return pageModelFromHtml(fetched.html, info);
}

function loadOrg(cwd: string, options: ProbeOptions, readFolder: FolderReader): { org?: WebsiteOrg; shown: string[] } {
    const plan = loadPlan(cwd, options.planFile, []);
    if (options.sourceDirs.length === 0) return { shown: [] };
    const unique = [...new Set(options.sourceDirs.map((d) => path.resolve(cwd, d)))];
    const shown = unique.map((d) => displayPath(cwd, d));
    const snapshot = mergeSnapshots(
        unique.map((d) => readOne(cwd, d, readFolder)),
        shown.join(', ')
    );
    return { org: { snapshot, plan }, shown };
}

export async function runProbe(cwd: string, options: ProbeOptions, deps: ProbeDeps = {}): Promise<ProbeRun> {
    // one result per page and subject: a URL given twice is probed once
    const urls = [...new Set(options.urls.map(parseProbeUrl))];
    if (urls.length === 0)
        throw new UsageError(
            'probe needs at least one page URL, e.g. miaw-readiness probe https://www.example.com/help'
        );
    // the org first: a typo in --source-dir is cheaper to report than after fetching every page
    const { org, shown } = loadOrg(cwd, options, deps.readFolder ?? readMetadataFolder);
    const fetchOptions: FetchOptions = {
        ...DEFAULT_FETCH_OPTIONS,
        timeoutMs: options.timeoutMs,
        insecure: options.insecure
    };
    const fetch = deps.fetch ?? fetchPage;
    const pages = (await Promise.all(urls.map((u) => fetch(u, fetchOptions)))).map(toModel);
    const extra: CheckResult[] = [];
    if (options.browser) {
        const observe = deps.browserPass ?? browserPass;
        const evaluateOne = deps.evaluateBrowser ?? (await browserEvaluator());
        const observations = await observe(urls, {
            chromiumPath: options.chromiumPath,
            timeoutMs: options.timeoutMs,
            screenshotDir: options.screenshotDir,
            hostResolverRules: options.hostResolverRules,
            ignoreHttpsErrors: options.insecure
        });
        for (const observation of observations) {
            const page = pages.find((p) => p.url === observation.url);
            const hosts = page ? widgetHosts(findSnippet(page.scripts)) : {};
            extra.push(...evaluateOne(observation, hosts));
        }
    }
    const report = runWebsiteReport(
        {
            pages,
            org,
            howToAddOrg:
                'Add --source-dir <retrieved metadata folder> (the one the scan reads) and run the probe again, so the page is compared with the org.'
        },
        extra
    );
    return {
        report,
        pages,
        sourceDirs: shown,
        planFile: options.planFile ? displayPath(cwd, path.resolve(cwd, options.planFile)) : undefined,
        problems: org?.snapshot.problems ?? [],
        projectFile: findProjectFile(cwd, options.sourceDirs[0] ?? '.')
    };
}
