/*
 * WEB-01..WEB-09: the live website, as the static probe read it (`miaw-readiness probe <url>`), judged against the
 * org's metadata when the probe is given it. One result per page per subject. A page that could not be read says
 * why on WEB-01 and leaves the other checks not evaluated; checks that need the org say so when the probe has none.
 *
 * Pure functions over WebPageModel (websitePage.ts), so the in-org paste-and-check step can run the same checks on
 * a page model filled from the browser's DOMParser.
 */
import { fail, listNames, notEvaluated, pass, SECTION_LABELS } from './checkKit';
import { explainCorsNearMisses, findCorsCoverage, parseCorsEntries } from './corsOriginMatcher';
import { parseOrigin } from './originParser';
import { REPORT_SCHEMA_VERSION, summarize, WEBSITE_SCOPE } from './result';
import type { CheckResult, ReadinessReport } from './result';
import type { SetupPlan } from './setupPlan';
import type { EmbeddedServiceDeployment, OrgSnapshot, Section, SnapshotSectionName } from './snapshot';
import {
    blockingPolicies,
    findSnippet,
    onloadFunction,
    pagePolicies,
    policyLabel,
    urlOrigin,
    urlScheme
} from './websitePage';
import type { CspRequest, EnhancedChatSnippet, WebPageModel } from './websitePage';

export interface WebsiteOrg {
    snapshot: OrgSnapshot;
    plan: SetupPlan;
    /** The org's 15- or 18-character Id, when the caller knows it (in the org); the metadata does not hold it. */
    orgId?: string;
}

export interface WebsiteCheckInput {
    pages: readonly WebPageModel[];
    /** The org as the scan reads it; absent when the probe runs on the pages alone. */
    org?: WebsiteOrg;
    /** How to give the checks the org, in the caller's words (the CLI: "add --source-dir …"). */
    howToAddOrg?: string;
    /**
     * Where the pages come from: 'fetch' (default), the probe read them over HTTP; 'paste', an admin pasted the HTML
     * into Guided Setup, so nothing was fetched, HTTP headers are unknown and the page address is the admin's word
     * (absent when not given). The messages then say what the paste shows, never what a fetch would have.
     */
    source?: 'fetch' | 'paste';
    /**
     * With source 'paste': what was pasted is the snippet alone, not a whole page (no <html>, <head> or <body>),
     * so where the snippet sits on the real page (WEB-06) is unknown.
     */
    fragment?: boolean;
}

/** The wording that depends on where the page came from. */
interface SourceWords {
    paste: boolean;
    /** How to run the checks again, as the end of a sentence. */
    again: string;
    /** How to see scripts a tag manager adds at run time. */
    browser: string;
}

const FETCH_WORDS: SourceWords = {
    paste: false,
    again: 'run the probe again',
    browser: 'run the probe with --browser'
};

const PASTE_WORDS: SourceWords = {
    paste: true,
    again: 'paste the page again and click Check',
    browser: 'paste the snippet itself, or run `miaw-readiness probe <url> --browser` on the live page'
};

/** Said when a pasted page's WEB-07/WEB-09 need the page address the admin did not give. */
const ADD_PAGE_ADDRESS = 'Add the page address (its https:// URL) next to the pasted HTML and click Check again.';

/** What a pasted page cannot show: its HTTP response headers. */
export const PASTE_HEADERS_NOTE =
    'HTTP headers are not in pasted HTML: run the miaw-readiness probe command on the page address (miaw-readiness probe <url>) to read them';

const DEFAULT_HOW_TO_ADD_ORG =
    'Add --source-dir <retrieved metadata folder> (and --plan <file>) and run the probe again, so the page is compared with the org.';

const GET_SNIPPET =
    "In Setup > Embedded Service Deployments, open the deployment, click Code Snippet > Install Code Snippet, copy it and paste it into the page's HTML just before </body>";

interface PageContext {
    page: WebPageModel;
    subject: string;
    snippet: EnhancedChatSnippet;
    words: SourceWords;
    /** A pasted snippet without its page: its place on the page is unknown. */
    fragment: boolean;
    /** Where the snippet is, in a message: "on <url>", or "in the pasted HTML" for a paste. */
    on: string;
}

/** True when the snippet has both its parts: the bootstrap script tag and the init call. */
function hasSnippet(snippet: EnhancedChatSnippet): boolean {
    return snippet.bootstrapScript !== undefined && snippet.initScript !== undefined;
}

function pageNotRead(id: string, ctx: PageContext): CheckResult {
    return notEvaluated(
        id,
        ctx.subject,
        `Not evaluated: the page ${ctx.subject} could not be read (WEB-01 says why).`,
        `Fix what WEB-01 reports and ${ctx.words.again}.`
    );
}

function noSnippet(id: string, ctx: PageContext): CheckResult {
    return notEvaluated(
        id,
        ctx.subject,
        `Not evaluated: ${ctx.words.paste ? 'the pasted HTML has' : `the page ${ctx.subject} has`} no complete Enhanced Chat snippet in its HTML (WEB-01 says what is missing).`,
        `${GET_SNIPPET}. If a tag manager adds it at run time, ${ctx.words.browser}.`
    );
}

/** WEB-02..WEB-08 need a read page with the snippet: the not-evaluated result when that is missing. */
function needsSnippet(id: string, ctx: PageContext): CheckResult | null {
    if (ctx.page.error !== undefined) return pageNotRead(id, ctx);
    if (!hasSnippet(ctx.snippet)) return noSnippet(id, ctx);
    return null;
}

function redirectNote(page: WebPageModel): string {
    if (page.redirects.length === 0) return '';
    const hops = page.redirects.map((r) => `${r.status} → ${r.to}`).join(', ');
    return ` (after ${page.redirects.length === 1 ? '1 redirect' : `${page.redirects.length} redirects`}: ${hops})`;
}

// ---------------------------------------------------------------------------------------------------------
// WEB-01 — the snippet is on the page
// ---------------------------------------------------------------------------------------------------------

function checkSnippetPresent(ctx: PageContext): CheckResult {
    const { page, subject, snippet, words } = ctx;
    if (page.error !== undefined) {
        return notEvaluated(
            'WEB-01',
            subject,
            `Not evaluated: the page ${subject} could not be read: ${page.error}`,
            page.errorHint ?? `Check the URL opens in a browser from this machine, then ${words.again}.`
        );
    }
    // a pasted page was not loaded from anywhere: say what the paste holds, not what "the page loads"
    const thePage = words.paste ? 'The pasted HTML' : `The page ${page.finalUrl}${redirectNote(page)}`;
    if (hasSnippet(snippet)) {
        return pass(
            'WEB-01',
            subject,
            `${thePage} ${words.paste ? 'has the script tag for' : 'loads'} ${snippet.bootstrapScript?.src ?? 'bootstrap.min.js'} and ${words.paste ? 'the call to' : 'calls'} embeddedservice_bootstrap.init${
                snippet.initScript?.injected === true || snippet.bootstrapScript?.injected === true
                    ? ' (added at run time by another script: seen in the browser, not in the HTML)'
                    : ''
            }.`
        );
    }
    const browserHint = ` If a tag manager adds the snippet at run time, the HTML does not show it: ${words.browser}.`;
    if (snippet.legacyChat && !snippet.bootstrapScript && !snippet.initScript) {
        return fail(
            'WEB-01',
            subject,
            `${thePage} has the legacy Chat snippet (embedded_svc, esw.min.js), not the Enhanced Chat one: legacy Chat was retired, so no chat button appears.`,
            `Replace the legacy snippet with the Enhanced Chat code snippet. ${GET_SNIPPET}.`
        );
    }
    const missing: string[] = [];
    if (!snippet.bootstrapScript) missing.push('the <script> tag that loads …/assets/js/bootstrap.min.js');
    if (!snippet.initScript) missing.push('the inline script that calls embeddedservice_bootstrap.init(…)');
    return fail(
        'WEB-01',
        subject,
        `${thePage} has no Enhanced Chat snippet: ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing from its HTML, so no chat button can appear.${browserHint}`,
        `${GET_SNIPPET}. Paste both parts: the inline script and the script tag.`
    );
}

// ---------------------------------------------------------------------------------------------------------
// WEB-02 — the snippet is well formed
// ---------------------------------------------------------------------------------------------------------

const ORG_ID = /^00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/;
const SITE_DOMAIN = /^(.+)\.my\.site\.com$/i;
const SCRT_DOMAIN = /^(.+)\.my\.salesforce-scrt\.com$/i;

function hostOf(url: string | undefined): string | undefined {
    const origin = urlOrigin(url);
    return origin?.replace(/^[a-z]+:\/\//, '').replace(/:\d+$/, '');
}

function checkWellFormed(ctx: PageContext): CheckResult {
    const blocked = needsSnippet('WEB-02', ctx);
    if (blocked) return blocked;
    const { subject, snippet } = ctx;
    const init = snippet.init ?? { argumentCount: 0, hasScrt2UrlOption: false };
    const tag = snippet.bootstrapScript;
    const inline = snippet.initScript;
    const problems: string[] = [];
    if (init.argumentCount < 4) {
        problems.push(
            `embeddedservice_bootstrap.init has ${init.argumentCount} argument${init.argumentCount === 1 ? '' : 's'}; it needs four: the org Id, the deployment name, the site URL and { scrt2URL: '…' }`
        );
    }
    if (init.argumentCount >= 1 && init.orgId === undefined)
        problems.push('the org Id (first argument) is not a quoted string');
    else if (init.orgId !== undefined && !ORG_ID.test(init.orgId)) {
        problems.push(`the org Id "${init.orgId}" is not an org Id (15 or 18 characters starting with 00D)`);
    }
    if (init.argumentCount >= 2 && init.deploymentName === undefined) {
        problems.push('the deployment name (second argument) is not a quoted string');
    }
    if (init.argumentCount >= 3 && init.siteUrl === undefined)
        problems.push('the site URL (third argument) is not a quoted string');
    else if (init.siteUrl !== undefined && urlScheme(init.siteUrl) !== 'https') {
        problems.push(`the site URL "${init.siteUrl}" is not an https:// URL`);
    }
    if (init.argumentCount >= 4 && !init.hasScrt2UrlOption) problems.push('the fourth argument does not set scrt2URL');
    else if (init.scrt2Url !== undefined && urlScheme(init.scrt2Url) !== 'https') {
        problems.push(`scrt2URL "${init.scrt2Url}" is not an https:// URL`);
    }
    const siteHost = SITE_DOMAIN.exec(hostOf(init.siteUrl) ?? '');
    const scrtHost = SCRT_DOMAIN.exec(hostOf(init.scrt2Url) ?? '');
    if (siteHost && scrtHost && siteHost[1].toLowerCase() !== scrtHost[1].toLowerCase()) {
        problems.push(
            `the site URL is on My Domain "${siteHost[1]}" but scrt2URL on "${scrtHost[1]}": both come from the same org's snippet`
        );
    }
    if (
        tag?.src &&
        init.siteUrl &&
        !tag.src.toLowerCase().startsWith(`${init.siteUrl.replace(/\/+$/, '').toLowerCase()}/`)
    ) {
        problems.push(`the script tag loads ${tag.src}, which is not under the site URL ${init.siteUrl}`);
    }
    const called = onloadFunction(tag?.onload);
    if (!tag?.onload) {
        problems.push(
            'the bootstrap.min.js script tag has no onload attribute, so nothing calls the init function once the script has loaded'
        );
    } else if (!called) {
        problems.push(`the script tag's onload "${tag.onload}" does not call a function by name`);
    } else if (snippet.enclosingFunction !== called) {
        problems.push(
            snippet.enclosingFunction
                ? `the script tag's onload calls ${called}(), but embeddedservice_bootstrap.init is inside ${snippet.enclosingFunction}()`
                : `the script tag's onload calls ${called}(), but embeddedservice_bootstrap.init is not inside a function of that name`
        );
    }
    if (tag && inline && inline.index > tag.index) {
        problems.push(
            'the inline script comes after the bootstrap.min.js script tag, so its function may not exist yet when onload fires'
        );
    }
    if (problems.length === 0) {
        return pass(
            'WEB-02',
            subject,
            `The snippet is well formed: ${called}() calls embeddedservice_bootstrap.init("${init.orgId}", "${init.deploymentName}", "${init.siteUrl}", { scrt2URL: "${init.scrt2Url}" }) once bootstrap.min.js has loaded.`
        );
    }
    return fail(
        'WEB-02',
        subject,
        `The snippet ${ctx.on} is not as Salesforce generates it: ${problems.join('; ')}.`,
        `Replace both parts of the snippet with the deployment's current code snippet, unchanged: ${GET_SNIPPET}.`,
        { location: inline?.line ? { line: inline.line } : undefined }
    );
}

// ---------------------------------------------------------------------------------------------------------
// Org-side helpers
// ---------------------------------------------------------------------------------------------------------

function withoutOrg(id: string, subject: string, what: string, how: string): CheckResult {
    return notEvaluated(
        id,
        subject,
        `Not evaluated: the probe was run without the org's metadata, so it cannot tell ${what}.`,
        how
    );
}

function unreadSection(
    id: string,
    subject: string,
    snapshot: OrgSnapshot,
    name: SnapshotSectionName,
    words: SourceWords = FETCH_WORDS
): CheckResult | null {
    const section = snapshot[name] as Section<unknown>;
    if (section.state === 'read') return null;
    return notEvaluated(
        id,
        subject,
        `Not evaluated: the ${SECTION_LABELS[name]} ${section.state === 'not_in_source' ? 'are not in the scanned source' : 'were not read'}${section.reason ? ` (${section.reason})` : ''}.`,
        words.paste
            ? `Click Re-check once the ${SECTION_LABELS[name]} can be read (the Prerequisites step says what access is missing), then click Check again.`
            : `Retrieve the ${SECTION_LABELS[name]} into the folder given to --source-dir (miaw-readiness manifest lists what to retrieve) and run the probe again.`
    );
}

/** The deployment the snippet names: exact developer name, or the one differing only in case (reported). */
function namedDeployment(
    snapshot: OrgSnapshot,
    name: string
): { exact?: EmbeddedServiceDeployment; caseOnly?: EmbeddedServiceDeployment } {
    const items = snapshot.deployments.items;
    const exact = items.find((d) => d.developerName === name);
    if (exact) return { exact };
    return { caseOnly: items.find((d) => d.developerName.toLowerCase() === name.toLowerCase()) };
}

// ---------------------------------------------------------------------------------------------------------
// WEB-03 — the deployment exists, is enabled, is an Enhanced Web Chat deployment, its channel is enabled
// ---------------------------------------------------------------------------------------------------------

function checkDeployment(ctx: PageContext, input: WebsiteCheckInput): CheckResult {
    const blocked = needsSnippet('WEB-03', ctx);
    if (blocked) return blocked;
    const { subject, snippet } = ctx;
    const name = snippet.init?.deploymentName;
    if (!name) {
        return notEvaluated(
            'WEB-03',
            subject,
            'Not evaluated: the snippet names no deployment (WEB-02 says why).',
            `Fix the snippet (WEB-02) and ${ctx.words.again}.`
        );
    }
    const how = input.howToAddOrg ?? DEFAULT_HOW_TO_ADD_ORG;
    if (!input.org)
        return withoutOrg(
            'WEB-03',
            subject,
            `whether the deployment "${name}" exists, is enabled and is a Web deployment`,
            how
        );
    const { snapshot } = input.org;
    const unread = unreadSection('WEB-03', subject, snapshot, 'deployments', ctx.words);
    if (unread) return unread;
    const { exact, caseOnly } = namedDeployment(snapshot, name);
    if (!exact) {
        const web = snapshot.deployments.items.filter(
            (d) => d.deploymentFeature === 'EmbeddedMessaging' && (d.deploymentType ?? 'Web') === 'Web'
        );
        const known =
            web.length > 0
                ? ` The org's Enhanced Web Chat deployments: ${listNames(web.map((d) => d.developerName))}.`
                : ' The org has no Enhanced Web Chat deployment.';
        return fail(
            'WEB-03',
            subject,
            caseOnly
                ? `The snippet names the deployment "${name}", but the org's deployment is "${caseOnly.developerName}": the name must match exactly, including case.`
                : `The snippet names the deployment "${name}", which does not exist in the org.${known}`,
            `Copy the code snippet of the deployment this page should use (${GET_SNIPPET}); a snippet from another org or a sandbox names a deployment this org does not have.`
        );
    }
    const problems: string[] = [];
    if (exact.deploymentFeature !== 'EmbeddedMessaging') {
        problems.push(
            `it is a ${exact.deploymentFeature ?? 'unknown'} deployment, not Messaging for In-App and Web (EmbeddedMessaging)`
        );
    }
    if (exact.deploymentType !== undefined && exact.deploymentType !== 'Web') {
        problems.push(
            `it is an ${exact.deploymentType} deployment, not a Web one: a website needs an Enhanced Web Chat deployment`
        );
    }
    if (exact.isEnabled === false) problems.push('it is disabled (isEnabled is false)');
    const link = exact.messagingChannel;
    if (link?.isEnabled === false)
        problems.push(
            `its messaging channel ${link.messagingChannel ?? ''} is not enabled on the deployment`.replace('  ', ' ')
        );
    let channelNote = '';
    const channelName = link?.messagingChannel;
    if (!channelName) {
        problems.push('it names no messaging channel');
    } else if (snapshot.messagingChannels.state === 'read') {
        const channel = snapshot.messagingChannels.items.find((c) => c.developerName === channelName);
        if (!channel) problems.push(`its messaging channel "${channelName}" is not in the org`);
        else if (channel.isActive === false) problems.push(`its messaging channel "${channelName}" is inactive`);
        else if (channel.isActive === undefined) {
            channelNote = ` Whether the channel "${channelName}" is active only the org knows: CH-02 checks it in the org.`;
        }
    } else {
        channelNote = ` The messaging channels were not read, so the channel "${channelName}" itself was not checked.`;
    }
    const location = exact.source;
    if (problems.length > 0) {
        return fail(
            'WEB-03',
            subject,
            `The deployment "${name}" named ${ctx.on} cannot serve the chat: ${problems.join('; ')}.`,
            "In Setup > Embedded Service Deployments, use an Enhanced Web Chat deployment of Messaging for In-App and Web, enable it and its channel, and publish it; then put that deployment's code snippet on the page.",
            { location }
        );
    }
    const typeNote =
        exact.deploymentType === undefined ? ' The metadata does not state the deployment type (Web is assumed).' : '';
    return pass(
        'WEB-03',
        subject,
        `The deployment "${name}" exists, is enabled, is an Enhanced Web Chat deployment and its channel "${channelName}" is enabled on it.${typeNote}${channelNote}`,
        { location }
    );
}

// ---------------------------------------------------------------------------------------------------------
// WEB-04 — the site URL (and org Id) belong to the org's deployment
// ---------------------------------------------------------------------------------------------------------

/** The comparable key of a site name or URL path segment: its timestamp digits, else its letters and digits. */
function siteKey(name: string): string {
    const digits = /(\d{10,})$/.exec(name);
    return digits ? digits[1] : name.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

function lastPathSegment(url: string): string {
    const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
    const parts = path.split('/').filter(Boolean);
    return parts.length > 0 ? parts[parts.length - 1] : '';
}

function checkSiteAndOrg(ctx: PageContext, input: WebsiteCheckInput): CheckResult {
    const blocked = needsSnippet('WEB-04', ctx);
    if (blocked) return blocked;
    const { subject, snippet } = ctx;
    const init = snippet.init;
    const how = input.howToAddOrg ?? DEFAULT_HOW_TO_ADD_ORG;
    if (!init?.siteUrl || !init.deploymentName) {
        return notEvaluated(
            'WEB-04',
            subject,
            'Not evaluated: the snippet has no site URL or deployment name to compare (WEB-02 says why).',
            `Fix the snippet (WEB-02) and ${ctx.words.again}.`
        );
    }
    if (!input.org)
        return withoutOrg(
            'WEB-04',
            subject,
            `whether the site URL ${init.siteUrl} belongs to the deployment "${init.deploymentName}"`,
            how
        );
    const { snapshot, orgId } = input.org;
    const unread = unreadSection('WEB-04', subject, snapshot, 'deployments', ctx.words);
    if (unread) return unread;
    const deployment = namedDeployment(snapshot, init.deploymentName).exact;
    if (!deployment) {
        return notEvaluated(
            'WEB-04',
            subject,
            `Not evaluated: the deployment "${init.deploymentName}" is not in the org (WEB-03 says why).`,
            `Fix what WEB-03 reports and ${ctx.words.again}.`
        );
    }
    const problems: string[] = [];
    const segment = lastPathSegment(init.siteUrl);
    let siteNote = '';
    if (!deployment.site) {
        siteNote = ' The deployment does not name its site in the metadata, so the site URL was not compared.';
    } else if (siteKey(segment) !== siteKey(deployment.site)) {
        problems.push(
            `the site URL ends in "/${segment}", but the deployment's site is "${deployment.site}": the snippet was copied from another deployment or another org (a sandbox?)`
        );
    }
    const orgNote = orgId === undefined ? ' The org Id was not compared: the metadata does not hold it.' : '';
    if (orgId !== undefined && init.orgId !== undefined && init.orgId.slice(0, 15) !== orgId.slice(0, 15)) {
        problems.push(`the snippet's org Id ${init.orgId} is not this org's (${orgId})`);
    }
    if (problems.length > 0) {
        return fail(
            'WEB-04',
            subject,
            `The snippet ${ctx.on} does not belong to this org's deployment "${deployment.developerName}": ${problems.join('; ')}.`,
            `Put this org's code snippet on the page: ${GET_SNIPPET}.`,
            { location: deployment.source }
        );
    }
    if (siteNote && orgId === undefined) {
        return notEvaluated(
            'WEB-04',
            subject,
            `Not evaluated: neither the site URL nor the org Id could be compared.${siteNote}${orgNote}`,
            "Compare the snippet on the page with the deployment's code snippet in Setup > Embedded Service Deployments."
        );
    }
    return pass(
        'WEB-04',
        subject,
        `The site URL ${init.siteUrl} is the site of the deployment "${deployment.developerName}" (${deployment.site}).${siteNote}${orgNote}`,
        { location: deployment.source }
    );
}

// ---------------------------------------------------------------------------------------------------------
// WEB-05 — the language code
// ---------------------------------------------------------------------------------------------------------

/** A language, optionally with a region, as "en", "en-US" or the snippet's own "en_US". */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:[-_](?:[A-Z]{2}|[A-Za-z]{4}|\d{3}))?$/;

function checkLanguage(ctx: PageContext): CheckResult {
    const blocked = needsSnippet('WEB-05', ctx);
    if (blocked) return blocked;
    const { subject, snippet } = ctx;
    const language = snippet.language;
    if (language === undefined) {
        return pass(
            'WEB-05',
            subject,
            "The snippet sets no literal language code (embeddedservice_bootstrap.settings.language), so there is no code to check; without one the chat uses the site guest user's language."
        );
    }
    if (LANGUAGE_CODE.test(language)) {
        return pass(
            'WEB-05',
            subject,
            `The snippet sets the chat language to "${language}", a well-formed language code.`
        );
    }
    return fail(
        'WEB-05',
        subject,
        `The snippet sets embeddedservice_bootstrap.settings.language to "${language}", which is not a language code: the chat ignores it and falls back to the site guest user's language.`,
        "Set a language code such as 'en', 'en-US' or 'fr' (the generated snippet uses 'en_US'), one the org supports."
    );
}

// ---------------------------------------------------------------------------------------------------------
// WEB-06 — placement
// ---------------------------------------------------------------------------------------------------------

function checkPlacement(ctx: PageContext): CheckResult {
    const blocked = needsSnippet('WEB-06', ctx);
    if (blocked) return blocked;
    const { subject, snippet } = ctx;
    if (snippet.initScript?.injected === true || snippet.bootstrapScript?.injected === true) {
        return pass(
            'WEB-06',
            subject,
            `Nothing to check: ${ctx.on} the snippet is added at run time by another script (a tag manager, say), so its place in the HTML does not apply.`
        );
    }
    if (ctx.fragment) {
        return notEvaluated(
            'WEB-06',
            subject,
            'Not evaluated: you pasted the snippet without its page, so where it sits on the page (the end of <body>, not <head>) is unknown.',
            "Paste the whole page's HTML (the browser's View Page Source) and click Check again."
        );
    }
    const inHead = [snippet.bootstrapScript, snippet.initScript].filter((s) => s?.location === 'head');
    if (inHead.length > 0) {
        return fail(
            'WEB-06',
            subject,
            `The snippet ${ctx.on} is in <head>; Salesforce's setup guide places it at the end of <body>, and a script in <head> can run before the page body it adds the chat button to exists.`,
            'Move both parts of the snippet to the end of <body>, just before </body>.',
            { location: inHead[0]?.line ? { line: inHead[0].line } : undefined }
        );
    }
    const atEnd = snippet.bootstrapScript?.afterLastBodyElement === true;
    return pass(
        'WEB-06',
        subject,
        atEnd
            ? 'The snippet is at the end of <body>, before </body>.'
            : 'The snippet is in <body>; other content follows it, which works, though the guide places it just before </body>.'
    );
}

// ---------------------------------------------------------------------------------------------------------
// WEB-07 — the page's origin is on the CORS allowlist
// ---------------------------------------------------------------------------------------------------------

function checkCors(ctx: PageContext, input: WebsiteCheckInput): CheckResult {
    const { page, subject } = ctx;
    if (page.error !== undefined) return pageNotRead('WEB-07', ctx);
    if (ctx.words.paste && page.finalUrl === '') {
        return notEvaluated(
            'WEB-07',
            subject,
            "Not evaluated: add the page address. Pasted HTML does not say which site it is on, so its origin cannot be compared with the org's CORS allowlist.",
            ADD_PAGE_ADDRESS
        );
    }
    const origin = urlOrigin(page.finalUrl);
    const parsed = origin ? parseOrigin(origin) : null;
    if (!parsed || !parsed.ok) {
        return notEvaluated(
            'WEB-07',
            subject,
            `Not evaluated: the page's address ${page.finalUrl} has no web origin.`,
            ctx.words.paste ? ADD_PAGE_ADDRESS : 'Probe the page at its https:// address.'
        );
    }
    const how = input.howToAddOrg ?? DEFAULT_HOW_TO_ADD_ORG;
    if (!input.org)
        return withoutOrg('WEB-07', subject, `whether ${parsed.origin.text} is on the org's CORS allowlist`, how);
    const unread = unreadSection('WEB-07', subject, input.org.snapshot, 'corsEntries', ctx.words);
    if (unread) return unread;
    const entries = input.org.snapshot.corsEntries.items;
    const covering = findCorsCoverage(parsed.origin, entries);
    if (covering.length > 0) {
        return pass(
            'WEB-07',
            subject,
            `The page's origin ${parsed.origin.text} is on the CORS allowlist (${listNames(covering)}).`
        );
    }
    const near = explainCorsNearMisses(parsed.origin, parseCorsEntries(entries));
    return fail(
        'WEB-07',
        subject,
        `The page's origin ${parsed.origin.text} is not on the org's CORS allowlist, so the browser blocks the widget's calls to the org${near.length > 0 ? ` (${near.join('; ')})` : ''}.`,
        `In Setup > CORS, add an allowlist entry for ${parsed.origin.text} (Origin URL Pattern), deploy it, and ${ctx.words.paste ? 'click Re-check, then Check' : 'probe again'}.`
    );
}

// ---------------------------------------------------------------------------------------------------------
// WEB-08 — the page's CSP lets the widget load
// ---------------------------------------------------------------------------------------------------------

interface WidgetRequest {
    label: string;
    request: CspRequest;
    /** The source expression to add, in words. */
    add: string;
}

function widgetRequests(snippet: EnhancedChatSnippet): WidgetRequest[] {
    const requests: WidgetRequest[] = [];
    const init = snippet.init;
    const siteOrigin = urlOrigin(init?.siteUrl);
    const scrtOrigin = urlOrigin(init?.scrt2Url);
    const tag = snippet.bootstrapScript;
    if (tag?.src) {
        requests.push({
            label: `script ${tag.src}`,
            request: { kind: 'script-src-elem', url: tag.src, nonce: tag.nonce },
            add: `${urlOrigin(tag.src) ?? tag.src} to script-src`
        });
    }
    requests.push({
        label: 'the inline snippet script',
        request: { kind: 'inline-script', nonce: snippet.initScript?.nonce },
        add: "a nonce on the inline snippet script (or 'unsafe-inline') in script-src"
    });
    if (tag?.onload) {
        requests.push({
            label: `the onload="${tag.onload}" attribute`,
            request: { kind: 'script-src-attr' },
            add: "'unsafe-inline' to script-src-attr (or call the init function from a nonce'd script instead of onload)"
        });
    }
    if (init?.siteUrl && siteOrigin) {
        requests.push({
            label: `frame ${siteOrigin}`,
            request: { kind: 'frame-src', url: init.siteUrl },
            add: `${siteOrigin} to frame-src`
        });
    }
    if (init?.scrt2Url && scrtOrigin) {
        requests.push({
            label: `connection to ${scrtOrigin}`,
            request: { kind: 'connect-src', url: init.scrt2Url },
            add: `${scrtOrigin} to connect-src`
        });
    }
    return requests;
}

function checkCsp(ctx: PageContext): CheckResult[] {
    const blocked = needsSnippet('WEB-08', ctx);
    if (blocked) return [blocked];
    const { page, subject, snippet } = ctx;
    const policies = pagePolicies(page);
    if (policies.length === 0) {
        if (ctx.words.paste) {
            // no <meta> policy in the paste says nothing of the policy the web server sends in its headers
            return [
                notEvaluated(
                    'WEB-08',
                    subject,
                    `Not evaluated: the pasted HTML sets no Content Security Policy in a <meta> tag, but a policy may come in the page's HTTP headers: ${PASTE_HEADERS_NOTE}.`,
                    'Run `miaw-readiness probe <url>` on the live page: it reads the Content-Security-Policy header and checks it.'
                )
            ];
        }
        return [pass('WEB-08', subject, 'The page sets no Content Security Policy, so none restricts the widget.')];
    }
    const results: CheckResult[] = [];
    const allowed: string[] = [];
    for (const { label, request, add } of widgetRequests(snippet)) {
        const blocks = blockingPolicies(policies, request, page.finalUrl);
        const itemSubject = `${subject} — ${label}`;
        if (blocks.length === 0) {
            allowed.push(label);
            continue;
        }
        const undecided = blocks.find((b) => b.decision.undecided);
        if (undecided && blocks.every((b) => b.decision.undecided)) {
            results.push(
                notEvaluated(
                    'WEB-08',
                    itemSubject,
                    `Not evaluated: ${policyLabel(undecided.policy)} allows inline code only by hash (${undecided.decision.undecided}); the static ${ctx.words.paste ? 'check' : 'probe'} does not compute hashes.`,
                    `${ctx.words.paste ? 'Run `miaw-readiness probe <url> --browser` on the live page' : 'Run the probe with --browser'}: the browser reports a blocked script as a CSP violation.`
                )
            );
            continue;
        }
        const why = blocks
            .map((b) => {
                const d = b.decision;
                return `${policyLabel(b.policy)} has ${d.directive} ${d.sources && d.sources.length > 0 ? d.sources.join(' ') : "(empty, i.e. 'none')"}`;
            })
            .join('; ');
        results.push(
            fail(
                'WEB-08',
                itemSubject,
                `The page's Content Security Policy blocks ${label}: ${why}. Every policy must allow it, so the chat does not load.`,
                `Add ${add} in ${blocks.map((b) => policyLabel(b.policy)).join(' and ')} (on the web server or in the page), then ${ctx.words.paste ? 'check again' : 'probe again'}; ${ctx.words.paste ? '`miaw-readiness probe <url> --browser`' : '--browser'} shows every host the widget then loads.`
            )
        );
    }
    if (results.length === 0 && ctx.words.paste) {
        // the <meta> policies allow the widget; a header policy, which the paste cannot show, may still block it
        results.push(
            notEvaluated(
                'WEB-08',
                subject,
                `Not evaluated in full: the pasted HTML's <meta> Content Security Policy (${policies.length === 1 ? '1 policy' : `${policies.length} policies`}) allows ${allowed.join(', ')}, but ${PASTE_HEADERS_NOTE}.`,
                'Run `miaw-readiness probe <url>` on the live page: it reads the Content-Security-Policy header and checks it.'
            )
        );
    } else if (results.length === 0) {
        results.push(
            pass(
                'WEB-08',
                subject,
                `The page's Content Security Policy (${policies.length === 1 ? '1 policy' : `${policies.length} policies`}) allows ${allowed.join(', ')}.`
            )
        );
    }
    return results;
}

// ---------------------------------------------------------------------------------------------------------
// WEB-09 — HTTPS and mixed content
// ---------------------------------------------------------------------------------------------------------

function checkHttps(ctx: PageContext): CheckResult {
    const { page, subject, snippet } = ctx;
    if (page.error !== undefined) return pageNotRead('WEB-09', ctx);
    if (ctx.words.paste && page.finalUrl === '') {
        return notEvaluated(
            'WEB-09',
            subject,
            'Not evaluated: add the page address. Pasted HTML does not say whether the page is served over HTTPS, and links relative to it cannot be resolved.',
            ADD_PAGE_ADDRESS
        );
    }
    if (urlScheme(page.finalUrl) !== 'https') {
        return fail(
            'WEB-09',
            subject,
            `The page is served over ${urlScheme(page.finalUrl) ?? 'an unknown scheme'} (${page.finalUrl}): a CORS allowlist entry must be https, so the widget on this page cannot call the org.`,
            `Serve the page over HTTPS (redirect http:// to https://) and ${ctx.words.paste ? 'give its https:// address' : 'probe the https:// address'}.`
        );
    }
    const widget = [snippet.init?.siteUrl, snippet.init?.scrt2Url, snippet.bootstrapScript?.src].filter(
        (u): u is string => u !== undefined && urlScheme(u) === 'http'
    );
    const mixed = [...new Set([...widget, ...page.mixedContent])];
    if (mixed.length === 0)
        return pass('WEB-09', subject, 'The page is served over HTTPS and loads nothing over http:.');
    const shown = mixed.slice(0, 5).join(', ') + (mixed.length > 5 ? ` and ${mixed.length - 5} more` : '');
    return fail(
        'WEB-09',
        subject,
        widget.length > 0
            ? `The HTTPS page loads the widget over http: (${shown}); the browser blocks it as mixed content.`
            : `The HTTPS page references content over http: (${shown}); the browser blocks or warns about mixed content. The widget itself is on https.`,
        'Change these URLs to https:// (the snippet from Setup always uses https).',
        // mixed content that is not the widget does not stop the chat: a warning, said in the message
        widget.length > 0 ? undefined : { severity: 'warning' }
    );
}

// ---------------------------------------------------------------------------------------------------------
// The runner
// ---------------------------------------------------------------------------------------------------------

/** WEB-01..WEB-09 for every page: one result per page per subject, check by check, pages in the order given. */
export function runWebsiteChecks(input: WebsiteCheckInput): CheckResult[] {
    const words = input.source === 'paste' ? PASTE_WORDS : FETCH_WORDS;
    const contexts: PageContext[] = input.pages.map((page) => ({
        page,
        subject: page.url,
        snippet: findSnippet(page.scripts),
        words,
        fragment: input.source === 'paste' && input.fragment === true,
        on: words.paste ? 'in the pasted HTML' : `on ${page.url}`
    }));
    return [
        ...contexts.map(checkSnippetPresent),
        ...contexts.map(checkWellFormed),
        ...contexts.map((c) => checkDeployment(c, input)),
        ...contexts.map((c) => checkSiteAndOrg(c, input)),
        ...contexts.map(checkLanguage),
        ...contexts.map(checkPlacement),
        ...contexts.map((c) => checkCors(c, input)),
        ...contexts.flatMap(checkCsp),
        ...contexts.map(checkHttps)
    ];
}

/** The probe's report: the WEB results in the website scope (their own verdict, counts and exit code). */
export function runWebsiteReport(input: WebsiteCheckInput, extra: readonly CheckResult[] = []): ReadinessReport {
    const results = [...runWebsiteChecks(input), ...extra];
    return { schemaVersion: REPORT_SCHEMA_VERSION, summary: summarize(results, WEBSITE_SCOPE), results };
}
