/*
 * What the website probe sees on a page. On this branch (the browser pass) only the two interfaces the browser pass
 * and its checks share; the static pass adds the page and snippet types and the CSP helpers to the same module.
 */

/** Hosts the widget loads from, derived from the snippet (or the org's deployment when the snippet lacks them). */
export interface WidgetHosts {
    /** The `siteUrl` argument of embeddedservice_bootstrap.init, e.g. https://acme.my.site.com/ESWWebChat1700000000000 */
    siteUrl?: string;
    /** The `scrt2URL` option, e.g. https://acme.my.salesforce-scrt.com */
    scrt2Url?: string;
}

/** What a real browser saw on one page (cli/probe/browserPass.ts fills it). */
export interface BrowserPageObservation {
    /** The URL as given on the command line. */
    url: string;
    /** Where the browser ended up; absent when navigation failed. */
    finalUrl?: string;
    /** Navigation failure in plain words (DNS, TLS, timeout, refused) — no stack trace. */
    error?: string;
    /** `securitypolicyviolation` events. */
    cspViolations: { blockedUri: string; effectiveDirective: string; originalPolicy: string }[];
    /** Requests to any host that failed, or answered >= 400. `corsBlocked` when Chromium reports a CORS failure. */
    failedRequests: { url: string; resourceType: string; status?: number; failure?: string; corsBlocked: boolean }[];
    /** Console errors (type 'error') and uncaught page errors, text only. */
    consoleErrors: string[];
    /** Script elements in the live DOM after load (tag managers included): src, or the first 2,000 chars inline. */
    liveScripts: { src?: string; inline?: string }[];
    /** embeddedservice_bootstrap was defined on window after load. */
    bootstrapLoaded: boolean;
    /** `onEmbeddedMessagingReady` fired within the timeout. */
    readyEventFired: boolean;
    /** The chat launcher button became visible within the timeout. */
    chatButtonVisible: boolean;
    /** Milliseconds the probe waited for the ready event / button. */
    waitedMs: number;
    /** Absolute path of the screenshot, when asked. */
    screenshotPath?: string;
}
