/*
 * WEB-10..WEB-14 — what a real browser saw when it opened the page (miaw-readiness probe --browser). The launcher
 * mounts at run time, so only a browser proves the widget renders: the page's CSP may block the widget's hosts, the
 * messaging (SCRT) host may refuse the page's origin (CORS), the bootstrap may fail, and the chat button may never
 * show. Pure: the observation comes from cli/probe/browserPass.ts; these functions only judge it, one result per
 * check per page.
 */
import { fail, notEvaluated, pass } from './checkKit';
import type { CheckResult } from './result';
import type { BrowserPageObservation, WidgetHosts } from './websitePage';

export const BROWSER_CHECK_IDS: readonly string[] = ['WEB-10', 'WEB-11', 'WEB-12', 'WEB-13', 'WEB-14'];

/**
 * Domains Enhanced Chat loads from when the snippet does not name the host (the site, the messaging service, the
 * org's static content). A request to one of them is the widget's even when the hosts were not derived.
 */
const SALESFORCE_DOMAINS: readonly string[] = [
    'salesforce-scrt.com',
    'site.com',
    'force.com',
    'salesforce.com',
    'salesforce-sites.com',
    'sfdcstatic.com'
];

/** Console lines WEB-10 and WEB-11 already report: Chromium logs one for each CSP block and each failed request. */
const REPORTED_ELSEWHERE = [
    /violates the following Content Security Policy directive/i,
    /violates the document's Content Security Policy/i,
    /has been blocked by CORS policy/i,
    /^Failed to load resource/i,
    /net::ERR_/
];

/** The words that tie a console error to the chat bootstrap when it names no widget host. */
const BOOTSTRAP_MARKERS = /embeddedservice_bootstrap|embedded-?messaging|bootstrap\.min\.js|ESWWebChat|\bESW/i;

const MAX_LISTED = 5;

function hostOf(url: string | undefined): string | undefined {
    if (!url) return undefined;
    try {
        return new URL(url).hostname.toLowerCase() || undefined;
    } catch {
        return undefined;
    }
}

function originOf(url: string | undefined): string | undefined {
    if (!url) return undefined;
    try {
        const origin = new URL(url).origin;
        return origin === 'null' ? undefined : origin;
    } catch {
        return undefined;
    }
}

/** The widget's hosts: the snippet's site and SCRT hosts when known. */
function knownHosts(hosts: WidgetHosts): string[] {
    return [hostOf(hosts.siteUrl), hostOf(hosts.scrt2Url)].filter((h): h is string => h !== undefined);
}

function isWidgetHost(host: string | undefined, hosts: WidgetHosts): boolean {
    if (!host) return false;
    if (knownHosts(hosts).includes(host)) return true;
    return SALESFORCE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

function isWidgetUrl(url: string, hosts: WidgetHosts): boolean {
    return isWidgetHost(hostOf(url), hosts);
}

/** True when the page shows any sign of the Enhanced Chat snippet; without one, WEB-10..12 have nothing to judge. */
function widgetOnPage(o: BrowserPageObservation, hosts: WidgetHosts): boolean {
    if (o.bootstrapLoaded || knownHosts(hosts).length > 0) return true;
    return o.liveScripts.some(
        (s) =>
            (s.src !== undefined && (isWidgetUrl(s.src, hosts) || /bootstrap\.min\.js/i.test(s.src))) ||
            (s.inline !== undefined && /embeddedservice_bootstrap/.test(s.inline))
    );
}

/** "a, b and 3 more" for a message. */
function listed(items: readonly string[]): string {
    const shown = items.slice(0, MAX_LISTED);
    const more = items.length > MAX_LISTED ? ` and ${items.length - MAX_LISTED} more` : '';
    if (shown.length <= 1) return shown.join('') + more;
    if (more) return shown.join('; ') + more;
    return `${shown.slice(0, -1).join('; ')} and ${shown[shown.length - 1]}`;
}

/**
 * The directive to edit for a blocked load. Chromium reports the fine-grained directive that applied
 * (script-src-elem, connect-src…); when the policy has no such directive it fell back to default-src, and adding the
 * specific directive then replaces the fallback, so the fix names the directive the policy actually has.
 */
function directiveToEdit(effective: string, policy: string): string {
    const names = policy
        .split(';')
        .map((d) => d.trim().split(/\s+/)[0]?.toLowerCase())
        .filter((n): n is string => !!n);
    const fallbacks: Record<string, string[]> = {
        'script-src-elem': ['script-src-elem', 'script-src', 'default-src'],
        'script-src-attr': ['script-src-attr', 'script-src', 'default-src'],
        'style-src-elem': ['style-src-elem', 'style-src', 'default-src'],
        'style-src-attr': ['style-src-attr', 'style-src', 'default-src'],
        'frame-src': ['frame-src', 'child-src', 'default-src'],
        'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src']
    };
    const chain = fallbacks[effective] ?? [effective, 'default-src'];
    return chain.find((n) => names.includes(n)) ?? effective;
}

/** What to add to the policy for a blocked URI: its origin (Chromium reports the blocked URL, or just "inline"). */
function sourceToAllow(blockedUri: string): string {
    return originOf(blockedUri) ?? blockedUri;
}

function notReached(o: BrowserPageObservation): CheckResult[] {
    const reason = `Not evaluated: the browser could not open ${o.url}: ${o.error}.`;
    const how =
        'Check that the URL opens in a browser on this machine (network, VPN, proxy, certificate), then run miaw-readiness probe --browser again.';
    return BROWSER_CHECK_IDS.map((id) => notEvaluated(id, o.url, reason, how));
}

function noWidget(id: string, o: BrowserPageObservation): CheckResult {
    return notEvaluated(
        id,
        o.url,
        `Not evaluated: the page ${o.url} loaded no Enhanced Chat snippet (no bootstrap.min.js, no embeddedservice_bootstrap), so there was no widget traffic to judge.`,
        'Add the code snippet from Setup > Embedded Service Deployments > your deployment > Code Snippet to the page (or fix the tag that should inject it), then run the probe again.'
    );
}

// WEB-10
export function checkCspViolations(o: BrowserPageObservation, hosts: WidgetHosts): CheckResult {
    if (!widgetOnPage(o, hosts)) return noWidget('WEB-10', o);
    const blocked = o.cspViolations.filter((v) => isWidgetUrl(v.blockedUri, hosts));
    if (blocked.length === 0) {
        const other = o.cspViolations.length;
        return pass(
            'WEB-10',
            o.url,
            `The browser reported no Content Security Policy violation for the widget's hosts on ${o.url}${other > 0 ? ` (${other} violation${other === 1 ? '' : 's'} for other hosts, not the widget's)` : ''}.`
        );
    }
    const fixes = new Map<string, Set<string>>();
    for (const v of blocked) {
        const directive = directiveToEdit(v.effectiveDirective, v.originalPolicy);
        const set = fixes.get(directive) ?? new Set<string>();
        set.add(sourceToAllow(v.blockedUri));
        fixes.set(directive, set);
    }
    const found = blocked.map((v) => `${v.blockedUri} blocked by ${v.effectiveDirective}`);
    const todo = [...fixes].map(([directive, sources]) => `add ${[...sources].join(' and ')} to ${directive}`);
    return fail(
        'WEB-10',
        o.url,
        `The page's Content Security Policy blocked the chat widget on ${o.url}: ${listed([...new Set(found)])}. The browser refuses these loads, so the widget cannot start or reach Salesforce.`,
        `In the page's Content-Security-Policy (the HTTP header, or the <meta http-equiv> tag), ${todo.join('; ')}. Then reload the page and run the probe again.`
    );
}

// WEB-11
export function checkWidgetRequests(o: BrowserPageObservation, hosts: WidgetHosts): CheckResult {
    if (!widgetOnPage(o, hosts)) return noWidget('WEB-11', o);
    // A CSP block is WEB-10's finding, and an aborted request is one the page itself cancelled (navigation, unload).
    const failed = o.failedRequests.filter(
        (r) => isWidgetUrl(r.url, hosts) && !/ERR_BLOCKED_BY_CSP|ERR_ABORTED/.test(r.failure ?? '')
    );
    if (failed.length === 0) {
        return pass('WEB-11', o.url, `Every request the page made to the widget's hosts succeeded on ${o.url}.`);
    }
    const pageOrigin = originOf(o.finalUrl ?? o.url) ?? o.url;
    const cors = failed.filter((r) => r.corsBlocked);
    const http = failed.filter((r) => !r.corsBlocked && r.status !== undefined);
    const network = failed.filter((r) => !r.corsBlocked && r.status === undefined);
    const found = [
        ...cors.map((r) => `${r.url} was rejected by CORS (the host did not allow the origin ${pageOrigin})`),
        ...http.map((r) => `${r.url} answered HTTP ${r.status}`),
        ...network.map((r) => `${r.url} failed (${r.failure ?? 'no answer'})`)
    ];
    const todo: string[] = [];
    if (cors.length > 0) {
        todo.push(
            `Add ${pageOrigin} to the CORS allowlist in Setup (Setup > CORS > New), exactly as the browser sends it (scheme and host, no path)`
        );
    }
    if (http.some((r) => r.status !== undefined && r.status >= 400 && r.status < 500)) {
        todo.push(
            'For a 4xx answer, check that the snippet names the published deployment and its site URL: copy the code snippet again from Setup > Embedded Service Deployments > your deployment > Code Snippet (the bootstrap URL must be under the siteUrl)'
        );
    }
    if (http.some((r) => r.status !== undefined && r.status >= 500)) {
        todo.push('For a 5xx answer, check Salesforce Trust for the org instance and try again later');
    }
    if (network.length > 0) {
        todo.push(
            'For a request that got no answer, check that nothing on the page or the network (ad blocker, proxy, firewall) blocks the Salesforce hosts'
        );
    }
    return fail(
        'WEB-11',
        o.url,
        `Requests from ${o.url} to the widget's hosts failed: ${listed(found)}.`,
        `${todo.join('. ')}. Then run the probe again.`
    );
}

// WEB-12
export function checkBootstrapConsoleErrors(o: BrowserPageObservation, hosts: WidgetHosts): CheckResult {
    if (!widgetOnPage(o, hosts)) return noWidget('WEB-12', o);
    const widgetHostNames = knownHosts(hosts);
    const fromBootstrap = o.consoleErrors.filter(
        (text) =>
            !REPORTED_ELSEWHERE.some((re) => re.test(text)) &&
            (BOOTSTRAP_MARKERS.test(text) ||
                widgetHostNames.some((h) => text.toLowerCase().includes(h)) ||
                SALESFORCE_DOMAINS.some((d) => text.toLowerCase().includes(`.${d}`)))
    );
    if (fromBootstrap.length === 0) {
        return pass('WEB-12', o.url, `The chat bootstrap logged no console error on ${o.url}.`);
    }
    const shown = fromBootstrap.map((t) => `"${t.length > 300 ? `${t.slice(0, 300)}…` : t}"`);
    return fail(
        'WEB-12',
        o.url,
        `The chat bootstrap logged ${fromBootstrap.length === 1 ? 'an error' : `${fromBootstrap.length} errors`} in the browser console on ${o.url}: ${listed(shown)}.`,
        "Open the page with the browser's developer tools (Console) and read the error: most come from a snippet edited by hand (wrong org Id, deployment name or siteUrl) or from page code that calls embeddedservice_bootstrap before it loads. Copy the snippet again from Setup > Embedded Service Deployments > your deployment > Code Snippet. A CSP block or a CORS rejection (WEB-10, WEB-11) makes the bootstrap log errors too: fix those first."
    );
}

/** Why the ready event or the button did not come, from what else the browser saw. */
function likelyCause(o: BrowserPageObservation, hosts: WidgetHosts): string {
    if (!widgetOnPage(o, hosts)) {
        return 'The page has no Enhanced Chat snippet: no bootstrap.min.js was loaded and embeddedservice_bootstrap was never defined.';
    }
    if (!o.bootstrapLoaded) {
        return 'The bootstrap script never ran (embeddedservice_bootstrap was not defined): see WEB-10 and WEB-11 for a blocked or failed load.';
    }
    const blocked = o.cspViolations.some((v) => isWidgetUrl(v.blockedUri, hosts));
    const failed = o.failedRequests.some((r) => isWidgetUrl(r.url, hosts) && !/ERR_ABORTED/.test(r.failure ?? ''));
    if (blocked || failed) {
        return 'The bootstrap loaded but could not reach Salesforce: see WEB-10 and WEB-11.';
    }
    if (o.cspViolations.some((v) => v.blockedUri === 'inline')) {
        return "The bootstrap loaded, but the page's Content Security Policy blocked an inline script or event handler: the snippet's init function is inline and the bootstrap tag calls it from onload, so script-src needs 'unsafe-inline' (or a hash of the snippet and 'unsafe-hashes').";
    }
    return 'The bootstrap loaded, but init did not complete: check that the snippet calls embeddedservice_bootstrap.init with the org Id, deployment name and site URL of a published deployment (WEB-12 shows any console error).';
}

// WEB-13
export function checkReadyEvent(o: BrowserPageObservation, hosts: WidgetHosts): CheckResult {
    if (o.readyEventFired) {
        return pass('WEB-13', o.url, `onEmbeddedMessagingReady fired on ${o.url}: the Enhanced Chat API is ready.`);
    }
    return fail(
        'WEB-13',
        o.url,
        `onEmbeddedMessagingReady did not fire on ${o.url} within ${Math.round(o.waitedMs / 1000)} s of the page loading. ${likelyCause(o, hosts)}`,
        'Fix what WEB-10, WEB-11 and WEB-12 report first. If they pass, copy the code snippet again from Setup > Embedded Service Deployments > your deployment > Code Snippet, check the deployment is published, and run the probe again (a slow page may need a longer --timeout).'
    );
}

// WEB-14
export function checkChatButton(o: BrowserPageObservation, hosts: WidgetHosts): CheckResult {
    if (o.chatButtonVisible) {
        return pass('WEB-14', o.url, `The chat button is visible on ${o.url}.`);
    }
    const cause = o.readyEventFired
        ? 'The Enhanced Chat API was ready, so the button is hidden on purpose or by the page: Salesforce hides it outside the business hours set on the deployment, and page CSS can hide it too.'
        : likelyCause(o, hosts);
    return fail(
        'WEB-14',
        o.url,
        `No chat button became visible on ${o.url} within ${Math.round(o.waitedMs / 1000)} s of the page loading. ${cause}`,
        o.readyEventFired
            ? "Run the probe again within the deployment's business hours (Setup > Embedded Service Deployments > your deployment), and check that no style on the page hides #embeddedMessagingConversationButton."
            : 'Fix what WEB-10 to WEB-13 report, then run the probe again.'
    );
}

/** WEB-10..WEB-14 for one page, in ID order; each not_evaluated with the reason when the page could not be opened. */
export function evaluateBrowserObservation(observation: BrowserPageObservation, hosts: WidgetHosts): CheckResult[] {
    if (observation.error !== undefined) return notReached(observation);
    return [
        checkCspViolations(observation, hosts),
        checkWidgetRequests(observation, hosts),
        checkBootstrapConsoleErrors(observation, hosts),
        checkReadyEvent(observation, hosts),
        checkChatButton(observation, hosts)
    ];
}
