/*
 * TS — trusted sites (CHECKS.md "TS — trusted sites" and "Origin matching rules"). TS-01/06/07 give one result
 * per widget origin of the plan, TS-04/05 one per allowlist entry, TS-03 one per Experience/Commerce site found.
 * Matching lives in corsOriginMatcher.ts; this module only turns matches into results an admin can act on.
 *
 * TS-02 (a CSP Trusted Site for each widget origin) is retired: Trusted URLs widen the Content Security Policy of
 * pages Salesforce serves (Lightning Experience, Experience Builder sites, Visualforce) and do nothing for an
 * external website; the entry a Salesforce-served page needs is the messaging service (SCRT) host, which TS-03 checks.
 */
import { memoizeByString } from './stringMemo';
import { fail, isRead, listNames, notEvaluated, pass, unreadSections } from './checkKit';
import type { ResultOptions } from './checkKit';
import type { CheckContext } from './checkKit';
import {
    assessBreadth,
    coveringCorsEntries,
    explainCorsNearMisses,
    isMalformedFinding,
    isScrtHost,
    lintCorsPattern,
    lintCspEntry,
    parseCorsEntries,
    parseCspSites,
    wildcardSuggestion
} from './corsOriginMatcher';
import type { EntryFinding, ParsedCorsEntry, ParsedCspSite } from './corsOriginMatcher';
import { isWithinDomain, parseOrigin, registrableDomain } from './originParser';
import type { Origin } from './originParser';
import type { CheckResult } from './result';
import type { OriginEnvironment, SetupPlan } from './setupPlan';
import { SETUP_PATHS } from './setupPaths';
import type { CorsEntry, CspTrustedSite, EmbeddedServiceDeployment, SnapshotSectionName, SourceRef } from './snapshot';

const WIDGET_ORIGINS_SUBJECT = 'widget origins';
const NON_PRODUCTION_SUBJECT = 'non-production origins';
const EXPERIENCE_SUBJECT = 'Experience/Commerce sites';

interface PlannedOrigin {
    /** As typed (trimmed): the subject when it does not parse. */
    raw: string;
    environment: OriginEnvironment;
    origin: Origin | null;
    error: string;
}

/** The plan's origins, parsed, one per canonical origin (https://WWW.example.com/ and https://www.example.com are one). */
function plannedOrigins(plan: SetupPlan): PlannedOrigin[] {
    const seen = new Set<string>();
    const planned: PlannedOrigin[] = [];
    for (const widget of plan.widgetOrigins) {
        const raw = String(widget.origin ?? '').trim();
        const parsed = parseOrigin(raw);
        const key = parsed.ok ? parsed.origin.text : `raw:${raw}`;
        if (seen.has(key)) continue;
        seen.add(key);
        planned.push({
            raw,
            environment: widget.environment,
            origin: parsed.ok ? parsed.origin : null,
            error: parsed.ok ? '' : parsed.error
        });
    }
    return planned;
}

function subjectOf(planned: PlannedOrigin): string {
    return planned.origin?.text ?? (planned.raw || '(empty origin)');
}

function noWidgetOrigins(checkId: string): CheckResult {
    return notEvaluated(
        checkId,
        WIDGET_ORIGINS_SUBJECT,
        'Not evaluated: the plan names no widget origins (the sites where the chat button will be embedded), so there is nothing to compare with the allowlists.',
        'Add every site where the chat will be embedded (staging and preview included) to the widget origins: in the app on the Trusted sites step of Guided Setup; with the command-line tool, --domain https://www.example.com (once per site) or widgetOrigins in the plan file.'
    );
}

function unreadableOrigin(checkId: string, planned: PlannedOrigin): CheckResult {
    return notEvaluated(
        checkId,
        subjectOf(planned),
        `Not evaluated: the widget origin cannot be read (${planned.error}); TS-01 says how to fix it.`,
        'Correct the origin in the widget origins (Guided Setup, Trusted sites step; or the command-line --domain flag or plan file), then run the check again.'
    );
}

function entryLabel(entry: CorsEntry): string {
    return `"${entry.developerName}" (${entry.urlPattern})`;
}

function siteLabel(site: CspTrustedSite): string {
    return `"${site.developerName}" (${site.endpointUrl})`;
}

function joinLabels(labels: readonly string[]): string {
    if (labels.length <= 1) return labels.join('');
    return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

function addCorsRemedy(origin: Origin): string {
    const wildcard = wildcardSuggestion(origin);
    const alternative = wildcard
        ? `, or a wildcard ${wildcard} to cover every subdomain of ${wildcard.replace(/^.*\*\./, '')}`
        : '';
    return `Add a CORS allowlist entry for ${origin.text} (Setup > CORS > New)${alternative}.`;
}

// ---------------------------------------------------------------------------------------------------------
// TS-01 and TS-06: CORS coverage of the widget origins
// ---------------------------------------------------------------------------------------------------------

function corsCoverageResult(
    checkId: 'TS-01' | 'TS-06',
    ctx: CheckContext,
    planned: PlannedOrigin,
    origin: Origin,
    cors: ParsedCorsEntry[] | null
): CheckResult[] {
    if (cors === null) return unreadSections(ctx, [checkId], ['corsEntries'], origin.text) ?? [];
    const covering = coveringCorsEntries(origin, cors);
    const who = checkId === 'TS-06' ? `The ${planned.environment} origin ${origin.text}` : origin.text;
    if (covering.length > 0) {
        const by = covering.length === 1 ? 'entry' : 'entries';
        return [
            pass(
                checkId,
                origin.text,
                `${who} is allowed by the CORS allowlist ${by} ${joinLabels(covering.map(entryLabel))}.`,
                {
                    location: covering[0].source
                }
            )
        ];
    }
    const nearMisses = explainCorsNearMisses(origin, cors);
    const near = nearMisses.length > 0 ? ` Near misses: ${nearMisses.join('; ')}.` : '';
    const effect =
        checkId === 'TS-06'
            ? 'the chat will fail there even when production works'
            : "the browser blocks the chat's calls to Salesforce from this site";
    return [
        fail(
            checkId,
            origin.text,
            `${who} is not on the CORS allowlist: no entry covers it, so ${effect}.${near}`,
            addCorsRemedy(origin)
        )
    ];
}

function checkCorsCoverage(ctx: CheckContext, origins: PlannedOrigin[], cors: ParsedCorsEntry[] | null): CheckResult[] {
    if (origins.length === 0) return [noWidgetOrigins('TS-01')];
    return origins.flatMap((planned) => {
        if (planned.origin === null) {
            return [
                fail(
                    'TS-01',
                    subjectOf(planned),
                    `The widget origin cannot be checked: ${planned.error}.`,
                    'Correct the origin in the plan (widgetOrigins), the --domain flag or Guided Setup: write it as scheme://host[:port], e.g. https://www.example.com.'
                )
            ];
        }
        return corsCoverageResult('TS-01', ctx, planned, planned.origin, cors);
    });
}

function checkNonProduction(
    ctx: CheckContext,
    origins: PlannedOrigin[],
    cors: ParsedCorsEntry[] | null
): CheckResult[] {
    if (origins.length === 0) return [noWidgetOrigins('TS-06')];
    const nonProduction = origins.filter((o) => o.environment !== 'production');
    if (nonProduction.length === 0) {
        return [
            fail(
                'TS-06',
                NON_PRODUCTION_SUBJECT,
                `The plan lists only production origins (${listNames(origins.map(subjectOf))}): no staging, preview or sandbox site is named. A test site missing from the CORS allowlist is a common reason the chat works in production and fails everywhere else.`,
                'Add the staging, preview and sandbox sites where the chat will be tested to widgetOrigins (plan file, --domain or Guided Setup), then add CORS allowlist entries for them.'
            )
        ];
    }
    return nonProduction.flatMap((planned) => {
        if (planned.origin === null) return [unreadableOrigin('TS-06', planned)];
        return corsCoverageResult('TS-06', ctx, planned, planned.origin, cors);
    });
}

// ---------------------------------------------------------------------------------------------------------
// TS-03: Experience Cloud / Commerce sites
// ---------------------------------------------------------------------------------------------------------
/*
 * A deployment does not say whether an Experience site embeds it: the Embedded Messaging component is placed in
 * Experience Builder, and neither EmbeddedServiceConfig (Metadata or Tooling API; its `site` is the deployment's own
 * ESW_… site, present on every web deployment) nor EmbeddedServiceDetail holds the host site or the deployment's
 * Domain. So TS-03 finds Experience sites where the evidence is: a widget origin on a Salesforce site domain
 * (my.site.com, force.com, the live-preview domain), or a deployment a reader flagged. With neither it says it could
 * not tell — never a pass, since a wrong "not needed" hides a chat that cannot connect.
 */

// The CSP contexts that reach an Experience Cloud page; LEX or Visualforce-only entries do not.
const EXPERIENCE_CSP_CONTEXTS = ['All', 'Communities'];

// Domains Salesforce serves Experience Cloud sites (and their previews) from; a custom domain cannot be told apart.
const EXPERIENCE_SITE_DOMAINS = ['my.site.com', 'force.com', 'salesforce-experience.com'];

/** True when the host is a Salesforce-served Experience Cloud or Commerce site domain. */
export function isExperienceSiteHost(host: string): boolean {
    const h = host.toLowerCase();
    return EXPERIENCE_SITE_DOMAINS.some((d) => h.endsWith(`.${d}`));
}

/** The deployment's Domain as an https origin; null when unknown, 'invalid' when it is not a host name. */
function deploymentDomainOrigin(domain: string | undefined): Origin | null | 'invalid' {
    const text = String(domain ?? '')
        .trim()
        .replace(/^\*\./, '');
    if (text === '') return null;
    const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
    const parsed = parseOrigin(withScheme.replace(/\/+$/, ''));
    return parsed.ok ? parsed.origin : 'invalid';
}

function isOrigin(value: Origin | null | 'invalid'): value is Origin {
    return typeof value === 'object' && value !== null;
}

function scrtSiteProblem(site: CspTrustedSite): string | null {
    if (!site.isActive) return 'is inactive';
    if (site.isApplicableToConnectSrc !== true) return 'does not allow connect-src';
    if (site.context !== undefined && !EXPERIENCE_CSP_CONTEXTS.includes(site.context)) {
        return `applies to the "${site.context}" context only, not to Experience Builder sites`;
    }
    return null;
}

interface ScrtFinding {
    good: CspTrustedSite | null;
    notes: string[];
}

function findScrtSite(csp: ParsedCspSite[]): ScrtFinding {
    const notes: string[] = [];
    for (const { site, parsed } of csp) {
        if (!parsed.ok) {
            if ((site.endpointUrl ?? '').toLowerCase().includes('salesforce-scrt')) {
                notes.push(`${siteLabel(site)} is malformed (see TS-04)`);
            }
            continue;
        }
        const endpoint = parsed.pattern;
        if (endpoint.kind !== 'host' || !isScrtHost(endpoint.host)) continue;
        const problem = scrtSiteProblem(site);
        if (problem === null) return { good: site, notes };
        notes.push(`${siteLabel(site)} ${problem}`);
    }
    return { good: null, notes };
}

const SCRT_REMEDY =
    'Copy the enhanced service URL (the scrt2URL value in the deployment\'s code snippet, e.g. https://yourcompany.my.salesforce-scrt.com) and add it as a Trusted URL with "connect-src" for Experience Builder sites (Setup > Trusted URLs > New Trusted URL), and in Experience Builder > Settings > Security & Privacy; then publish the site.';

const CORS_PREVIEW_NOTE = "and the site's live-preview domain if Experience Builder preview shows CORS errors";

/** An Experience/Commerce site to check: a flagged deployment or a widget origin on a Salesforce site domain. */
interface ExperienceSite {
    subject: string;
    /** "Experience/Commerce deployment "X"" or "Experience/Commerce site https://…". */
    label: string;
    /** The site's domain: the origin, or the deployment's Domain; null when unknown. */
    domain: Origin | null | 'invalid';
    rawDomain?: string;
    location?: SourceRef;
}

function experienceSiteResult(
    ctx: CheckContext,
    site: ExperienceSite,
    cors: ParsedCorsEntry[] | null,
    csp: ParsedCspSite[] | null
): CheckResult {
    const { subject, label, domain, location } = site;
    const sections: SnapshotSectionName[] = isOrigin(domain) ? ['cspTrustedSites', 'corsEntries'] : ['cspTrustedSites'];
    const unread = unreadSections(ctx, ['TS-03'], sections, subject);
    if (unread) return unread[0];
    const problems: string[] = [];
    const remedies: string[] = [];
    const scrt = findScrtSite(csp ?? []);
    const notes = scrt.notes.length > 0 ? ` (${scrt.notes.join('; ')})` : '';
    if (scrt.good === null) {
        problems.push(
            `no active Trusted URL for the messaging service (*.my.salesforce-scrt.com) allows connect-src on Experience Builder sites${notes}, so the chat cannot connect`
        );
        remedies.push(SCRT_REMEDY);
    }
    let corsNote = '';
    if (domain === 'invalid') {
        problems.push(
            `its Domain "${site.rawDomain}" is not a host name, so the site domain cannot be checked in CORS`
        );
        remedies.push("Set the deployment's Domain to the site's domain (Setup > All Sites, URL column).");
    } else if (isOrigin(domain)) {
        const covering = coveringCorsEntries(domain, cors ?? []);
        if (covering.length === 0) {
            problems.push(`the site domain ${domain.text} is not on the CORS allowlist`);
            remedies.push(`Add ${domain.text} to the CORS allowlist (Setup > CORS > New), ${CORS_PREVIEW_NOTE}.`);
        } else {
            corsNote = ` The site domain ${domain.text} is allowed by CORS entry ${entryLabel(covering[0])}.`;
        }
    } else {
        corsNote = ` The site domain is not known here: confirm it is on the CORS allowlist (Setup > Digital Experiences > Settings shows it), ${CORS_PREVIEW_NOTE}.`;
    }
    if (problems.length > 0) {
        return fail('TS-03', subject, `${label}: ${problems.join('; ')}.${corsNote}`, remedies.join(' '), {
            location
        });
    }
    const good = scrt.good as CspTrustedSite;
    return pass(
        'TS-03',
        subject,
        `${label}: the Trusted URL ${siteLabel(good)} allows connect-src to the messaging service.${corsNote}`,
        { location }
    );
}

function experienceSites(ctx: CheckContext, origins: PlannedOrigin[]): ExperienceSite[] {
    const fromDeployments = ctx.index.deploymentsInScope
        .filter((d) => d.isExperienceSite === true)
        .map((d): ExperienceSite => ({
            subject: d.developerName,
            label: `Experience/Commerce deployment "${d.developerName}"`,
            domain: deploymentDomainOrigin(d.domain),
            rawDomain: d.domain,
            location: d.source
        }));
    const fromOrigins = origins
        .map((o) => o.origin)
        .filter((o): o is Origin => o !== null && isExperienceSiteHost(o.host))
        .map((o): ExperienceSite => ({
            subject: o.text,
            label: `Experience/Commerce site ${o.text} (a Salesforce site domain)`,
            domain: o
        }));
    return [...fromDeployments, ...fromOrigins];
}

function undecidedExperienceSites(web: EmbeddedServiceDeployment[], csp: ParsedCspSite[] | null): CheckResult {
    const scrt = csp === null ? null : findScrtSite(csp).good;
    const already = scrt
        ? ` The Trusted URL ${siteLabel(scrt)} already allows connect-src to the messaging service.`
        : '';
    return notEvaluated(
        'TS-03',
        EXPERIENCE_SUBJECT,
        `Not evaluated: nothing Salesforce returns for web deployment(s) ${listNames(web.map((d) => d.developerName))} says whether an Experience Cloud or Commerce site embeds them (the Embedded Messaging component is placed in Experience Builder), and no widget origin is on a Salesforce site domain (my.site.com).${already}`,
        `If the chat runs on an Experience Cloud or Commerce site, add the site's URL (e.g. https://yourcompany.my.site.com) to the widget origins so this check evaluates it; on a custom domain, confirm by hand: ${SCRT_REMEDY} Add the site domain to the CORS allowlist, ${CORS_PREVIEW_NOTE}. If the chat runs only on external websites, nothing is needed here.`,
        { location: web[0].source }
    );
}

/** Web deployments, and those whose type is not stated; Mobile (In-App) and API (custom client) ones never embed in a page. */
function mayServeWebsite(d: EmbeddedServiceDeployment): boolean {
    return d.deploymentType !== 'Mobile' && d.deploymentType !== 'API';
}

function checkExperienceSites(
    ctx: CheckContext,
    origins: PlannedOrigin[],
    cors: ParsedCorsEntry[] | null,
    csp: ParsedCspSite[] | null
): CheckResult[] {
    const sites = experienceSites(ctx, origins);
    if (sites.length > 0) return sites.map((site) => experienceSiteResult(ctx, site, cors, csp));
    const unread = unreadSections(ctx, ['TS-03'], ['deployments'], EXPERIENCE_SUBJECT);
    if (unread) return unread;
    const web = ctx.index.deploymentsInScope.filter(mayServeWebsite);
    if (web.length === 0) {
        return [
            pass(
                'TS-03',
                EXPERIENCE_SUBJECT,
                'Nothing to check: no web deployment is in scope and no widget origin is on a Salesforce site domain: an Experience Cloud or Commerce site embeds the chat only through a web deployment, so no Trusted URL or site CORS entry is needed for one.'
            )
        ];
    }
    if (origins.length > 0) return [externalSitesOnly(web, origins)];
    return [undecidedExperienceSites(web, csp)];
}

/**
 * The setup plan names where the chat is embedded, and none of those origins is on a Salesforce site domain: the
 * admin's own list is the evidence that no Experience Cloud site embeds it. A site on a custom domain cannot be told
 * from its host name, so the message says how to bring one into scope.
 */
function externalSitesOnly(web: EmbeddedServiceDeployment[], origins: PlannedOrigin[]): CheckResult {
    const shown = listNames(origins.map((o) => o.origin?.text ?? o.raw));
    return pass(
        'TS-03',
        EXPERIENCE_SUBJECT,
        `Nothing to check: the setup plan embeds web deployment(s) ${listNames(web.map((d) => d.developerName))} on ${shown}, none of which is on a Salesforce site domain (my.site.com, force.com), so no Experience Cloud site needs the messaging service as a Trusted URL. If one of these is an Experience Cloud or Commerce site on a custom domain, check it by hand: ${SCRT_REMEDY}`
    );
}

// ---------------------------------------------------------------------------------------------------------
// TS-04 and TS-05: one result per allowlist entry
// ---------------------------------------------------------------------------------------------------------

interface EntryView {
    kindLabel: string;
    name: string;
    pattern: string;
    /** The pattern, unless another entry has the same one: then the entry is named too, so subjects stay unique. */
    subject: string;
    source?: SourceRef;
    /** The entry does not parse, so it covers nothing (TS-04 says why). */
    malformed: boolean;
    /** The entry's own Setup page: the CORS allowlist or Trusted URLs. */
    setupPath: string;
    findings: EntryFinding[];
}

interface EntryBase {
    kindLabel: string;
    kind: 'cors' | 'csp';
    name: string;
    pattern: string;
    source?: SourceRef;
}

function entryViews(ctx: CheckContext, audit: (pattern: string, kind: 'cors' | 'csp') => EntryFinding[]): EntryView[] {
    const raw: EntryBase[] = [];
    if (isRead(ctx, 'corsEntries')) {
        for (const entry of ctx.snapshot.corsEntries.items) {
            const pattern = String(entry.urlPattern ?? '');
            raw.push({
                kindLabel: 'CORS allowlist entry',
                kind: 'cors',
                name: entry.developerName,
                pattern,
                source: entry.source
            });
        }
    }
    if (isRead(ctx, 'cspTrustedSites')) {
        for (const site of ctx.snapshot.cspTrustedSites.items) {
            const pattern = String(site.endpointUrl ?? '');
            raw.push({
                kindLabel: 'CSP Trusted Site',
                kind: 'csp',
                name: site.developerName,
                pattern,
                source: site.source
            });
        }
    }
    const counts = new Map<string, number>();
    for (const view of raw) counts.set(view.pattern, (counts.get(view.pattern) ?? 0) + 1);
    // Explicit fields rather than an object spread: at 5,000 entries per check the spread was a visible cost.
    return raw.map(({ kindLabel, kind, name, pattern, source }) => {
        const lint = lintEntry(pattern, kind);
        return {
            kindLabel,
            name,
            pattern,
            subject: (counts.get(pattern) ?? 0) > 1 ? `${pattern} (${kindLabel} "${name}")` : pattern,
            source,
            malformed: lint.some(isMalformedFinding),
            setupPath: kind === 'csp' ? SETUP_PATHS.cspTrustedSites : SETUP_PATHS.cors,
            findings: audit === lintEntry ? lint : audit(pattern, kind)
        };
    });
}

function unreadEntrySections(ctx: CheckContext, checkId: string): CheckResult[] {
    return [
        ...(unreadSections(ctx, [checkId], ['corsEntries'], 'CORS allowlist') ?? []),
        ...(unreadSections(ctx, [checkId], ['cspTrustedSites'], 'CSP Trusted Sites') ?? [])
    ];
}

// TS-04 and TS-05 both lint every entry: once per distinct pattern (findings are shared, never mutated).
const lintCorsOnce = memoizeByString(lintCorsPattern);
const lintCspOnce = memoizeByString(lintCspEntry);
const breadthOfCors = memoizeByString((pattern) => assessBreadth(pattern, 'cors'));
const breadthOfCsp = memoizeByString((pattern) => assessBreadth(pattern, 'csp'));

function breadthOf(pattern: string, kind: 'cors' | 'csp'): EntryFinding[] {
    return kind === 'cors' ? breadthOfCors(pattern) : breadthOfCsp(pattern);
}

function lintEntry(pattern: string, kind: 'cors' | 'csp'): EntryFinding[] {
    return kind === 'cors' ? lintCorsOnce(pattern) : lintCspOnce(pattern);
}

function checkWellFormed(ctx: CheckContext): CheckResult[] {
    const results = unreadEntrySections(ctx, 'TS-04');
    for (const view of entryViews(ctx, lintEntry)) {
        const label = `${view.kindLabel} "${view.name}"`;
        const options: ResultOptions = { location: view.source, setupPath: view.setupPath };
        if (view.findings.length === 0) {
            results.push(pass('TS-04', view.subject, `${label} (${view.pattern}) is well formed.`, options));
            continue;
        }
        const verdict = view.malformed ? 'is malformed' : 'is not well formed';
        results.push(
            fail(
                'TS-04',
                view.subject,
                `${label} ${verdict}: ${view.findings.map((f) => f.message).join(' ')}`,
                view.findings.map((f) => f.remediation).join(' '),
                options
            )
        );
    }
    return results.length > 0 ? results : [noEntries('TS-04')];
}

function checkBreadth(ctx: CheckContext): CheckResult[] {
    const results = unreadEntrySections(ctx, 'TS-05');
    for (const view of entryViews(ctx, breadthOf)) {
        const label = `${view.kindLabel} "${view.name}"`;
        const options: ResultOptions = { location: view.source, setupPath: view.setupPath };
        if (view.findings.length === 0) {
            const why = view.malformed
                ? 'is malformed (see TS-04), so it matches nothing'
                : 'is no broader than the sites it names';
            results.push(pass('TS-05', view.subject, `${label} (${view.pattern}) ${why}.`, options));
            continue;
        }
        results.push(
            fail(
                'TS-05',
                view.subject,
                `${label} is over-broad: ${view.findings.map((f) => f.message).join(' ')}`,
                view.findings.map((f) => f.remediation).join(' '),
                options
            )
        );
    }
    return results.length > 0 ? results : [noEntries('TS-05')];
}

function noEntries(checkId: string): CheckResult {
    return pass(checkId, 'allowlist entries', 'There are no CORS allowlist entries or CSP Trusted Sites to check.');
}

// ---------------------------------------------------------------------------------------------------------
// TS-07: widget origins under the deployment's Domain
// ---------------------------------------------------------------------------------------------------------

function domainResult(ctx: CheckContext, origin: Origin): CheckResult[] {
    const unread = unreadSections(ctx, ['TS-07'], ['deployments'], origin.text);
    if (unread) return unread;
    // The Domain belongs to web deployments: an In-App (Mobile) or custom-client (API) deployment has none.
    const deployments = ctx.index.deploymentsInScope.filter(mayServeWebsite);
    if (deployments.length === 0) {
        const named = ctx.plan.deployment ? ` (the plan names "${ctx.plan.deployment}")` : '';
        return [
            notEvaluated(
                'TS-07',
                origin.text,
                `Not evaluated: no Messaging for In-App and Web deployment of type Web is in scope${named}, so there is no Domain to compare ${origin.text} with.`,
                'Create the web deployment (Setup > Embedded Service Deployments > New Deployment > Messaging for In-App and Web > Web; see the DP checks), then run the check again.'
            )
        ];
    }
    const withDomain = deployments.filter((d) => String(d.domain ?? '').trim() !== '');
    if (withDomain.length === 0) {
        const names = listNames(deployments.map((d) => d.developerName));
        return [
            notEvaluated(
                'TS-07',
                origin.text,
                `Not evaluated: the Domain of web deployment ${names} is shown only in Setup; no Salesforce API this check reads returns it, so it cannot be compared with ${origin.text}.`,
                `Open Setup > Embedded Service Deployments > ${names} and confirm its Domain (e.g. ${registrableDomain(origin.host) ?? origin.host}) covers ${origin.host}; a Domain covers its subdomains.`,
                { location: deployments[0].source }
            )
        ];
    }
    const domains = withDomain.map((d) => ({ deployment: d, domain: deploymentDomainOrigin(d.domain) }));
    const under = domains.find((d) => isOrigin(d.domain) && isWithinDomain(origin.host, d.domain.host));
    if (under && isOrigin(under.domain)) {
        return [
            pass(
                'TS-07',
                origin.text,
                `${origin.text} falls under the Domain ${under.domain.host} of deployment "${under.deployment.developerName}".`,
                { location: under.deployment.source }
            )
        ];
    }
    const described = domains.map(({ deployment, domain }) => {
        if (isOrigin(domain)) return `"${deployment.developerName}" has Domain ${domain.host}`;
        return `"${deployment.developerName}" has Domain "${deployment.domain}", which is not a host name`;
    });
    const first = withDomain[0];
    return [
        fail(
            'TS-07',
            origin.text,
            `${origin.text} is not under the Domain of any deployment in scope: ${described.join('; ')}.`,
            `Set the deployment's Domain to the site's top-level domain (its subdomains are covered) in Setup > Embedded Service Deployments > "${first.developerName}" > Edit, or embed the chat on a site under that Domain; then publish the deployment again.`,
            { location: first.source }
        )
    ];
}

function checkDeploymentDomain(ctx: CheckContext, origins: PlannedOrigin[]): CheckResult[] {
    if (origins.length === 0) return [noWidgetOrigins('TS-07')];
    return origins.flatMap((planned) => {
        if (planned.origin === null) return [unreadableOrigin('TS-07', planned)];
        return domainResult(ctx, planned.origin);
    });
}

// ---------------------------------------------------------------------------------------------------------

export function runTrustedSiteChecks(ctx: CheckContext): CheckResult[] {
    const origins = plannedOrigins(ctx.plan);
    const cors = isRead(ctx, 'corsEntries') ? parseCorsEntries(ctx.snapshot.corsEntries.items) : null;
    const csp = isRead(ctx, 'cspTrustedSites') ? parseCspSites(ctx.snapshot.cspTrustedSites.items) : null;
    return [
        ...checkCorsCoverage(ctx, origins, cors),
        ...checkExperienceSites(ctx, origins, cors, csp),
        ...checkWellFormed(ctx),
        ...checkBreadth(ctx),
        ...checkNonProduction(ctx, origins, cors),
        ...checkDeploymentDomain(ctx, origins)
    ];
}
