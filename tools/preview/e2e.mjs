// End-to-end test of the app's two screens in headless Debian Chromium (playwright-core), against the preview's
// fake org (tools/preview/fakes). It walks what an admin does — Guided Setup on the needs-work org, the Readiness
// Report, saving runs, comparing them, confirming manual items and signing off on the ready org — asserting the
// labels the admin reads, measures the report on the ~1,000-result org, and writes screenshots to
// build/screenshots. Any failure: a screenshot of the page, the console and page errors, exit 1.
// Needs `bash scripts/preview.sh build` first (scripts/preview.sh e2e does both).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const require = createRequire(path.join(repo, 'package.json'));
const dataDir = path.join(path.resolve(process.env.PREVIEW_OUT || path.join(repo, 'build', 'preview')), 'data');
const shots = path.resolve(process.env.SCREENSHOT_DIR || path.join(repo, 'build', 'screenshots'));
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Screens show "Checked at", run dates and sign-off dates: a fixed clock keeps the screenshots stable. */
const FIXED_NOW = new Date('2026-03-02T09:30:00Z');
const TIMEOUT = 20000;

const expected = (org) => JSON.parse(fs.readFileSync(path.join(dataDir, `${org}.json`), 'utf8')).expected;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------------
// Harness: one browser, steps that stop at the first failure with evidence
// ---------------------------------------------------------------------------------------------------------

const problems = [];
const logs = [];
let page;
let passed = 0;
const measurements = {};

async function step(name, body) {
    const t0 = Date.now();
    try {
        await body();
        passed += 1;
        console.log(`e2e: ok   ${name} (${Date.now() - t0} ms)`);
    } catch (e) {
        const file = path.join(shots, `failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
        await page?.screenshot({ path: file, fullPage: true }).catch(() => {});
        console.log(`e2e: FAIL ${name}: ${e.message.split('\n').slice(0, 6).join('\n    ')}`);
        console.log(`e2e: screenshot of the failing page: ${path.relative(repo, file)}`);
        throw Object.assign(new Error(`step "${name}" failed`), { reported: true });
    }
}

function check(condition, message) {
    if (!condition) throw new Error(message);
}

/** A screenshot of the page; fullPage ones are cut at maxHeight so long result lists stay readable files. */
async function shot(name, { fullPage = false, maxHeight = 1800 } = {}) {
    // No focus ring and no hover state: the same screen gives the same file.
    await page.evaluate(() => document.activeElement?.blur());
    await page.mouse.move(0, 0);
    await page.waitForTimeout(300);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const clip = fullPage && height > maxHeight ? { x: 0, y: 0, width: 1280, height: maxHeight } : undefined;
    await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage, clip, animations: 'disabled' });
}

async function open(query) {
    await page.goto(`${baseUrl}?${query}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__previewReady === true, null, { timeout: TIMEOUT });
}

const apexCalls = (method) =>
    page.evaluate((m) => (window.__previewApexCalls || []).filter((c) => c.method === m), method);

const navigationStatus = () => page.locator('c-preview-shell .preview-navigation');

/** A lightning-combobox: open it by its label, pick the option. */
async function choose(scope, label, option) {
    const box = scope.locator('lightning-combobox').filter({ has: page.getByText(label, { exact: true }) });
    await box.getByRole('combobox').click();
    await box.getByRole('option', { name: option, exact: true }).click();
}

// ---------------------------------------------------------------------------------------------------------
// Guided Setup
// ---------------------------------------------------------------------------------------------------------

const STEPS = [
    'Prerequisites',
    'Messaging channel',
    'Embedded Service deployment',
    'Trusted sites',
    'Capacity and presence',
    'Deploy and test',
    'Review and sign off'
];

const guided = () => page.locator('c-miaw-guided-setup');
const stepHeading = () => guided().locator('h2.step-heading');
const stepButtons = () => guided().locator('nav.step-nav button.step-nav-button');
/** A step's button in the path; its accessible name is "<n>. <label>: <status>, <why>" (part of it assistive text). */
const stepButton = (index) =>
    guided().getByRole('button', { name: new RegExp(`^${index + 1}\\. ${escape(STEPS[index])}\\s*: `) });
/** The text a screen reader reads for a button with no aria-label: its content, assistive text included. */
const nameOf = (locator) => locator.evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());

async function waitForStep(index) {
    const label = STEPS[index];
    await stepHeading().filter({ hasText: label }).waitFor({ timeout: TIMEOUT });
    // The step's own check results (or, for steps without checks, its content) are on screen.
    await guided().locator('c-miaw-step-checks, .summary, .placeholders').first().waitFor({ timeout: TIMEOUT });
}

async function guidedSetupFlow() {
    await step('guided setup opens on the needs-work org', async () => {
        await page.locator('c-preview-shell nav').getByRole('link', { name: 'Guided Setup' }).click();
        await page.getByRole('heading', { name: 'Guided Setup', exact: true }).waitFor({ timeout: TIMEOUT });
        const steps = stepButtons();
        check((await steps.count()) === 7, `expected 7 step buttons, found ${await steps.count()}`);
        const text = await guided().getByRole('navigation', { name: 'Setup steps' }).innerText();
        for (const label of STEPS) check(text.includes(label), `the step path lacks the step "${label}"`);
        const current = guided().locator('nav.step-nav [aria-current="step"]');
        check((await current.count()) === 1, 'no step is marked aria-current="step"');
        check(/^1\. Prerequisites\s*: /.test(await nameOf(current)), 'step 1 is not the current step');
        await waitForStep(0);
        await guided()
            .getByText(/Connected as/)
            .waitFor({ timeout: TIMEOUT });
        await shot('guided-setup-1-prerequisites', { fullPage: true });
    });

    await step('Next walks to the trusted sites step', async () => {
        for (let i = 1; i <= 3; i++) {
            await guided().getByRole('button', { name: 'Next', exact: true }).click();
            await waitForStep(i);
            if (i === 1) {
                const routing = guided().getByRole('radiogroup', { name: /Routing strategy/ });
                await routing.waitFor({ timeout: TIMEOUT });
                for (const option of ['Omni-Channel flow', 'Queue']) {
                    await routing.getByText(option, { exact: true }).waitFor({ timeout: TIMEOUT });
                }
                await shot('guided-setup-2-messaging-channel', { fullPage: true });
            }
            if (i === 2) await shot('guided-setup-3-deployment', { fullPage: true });
        }
    });

    await step('a bad origin shows the reason', async () => {
        const input = guided().getByLabel('Widget origin', { exact: true });
        await input.fill('htp://www.acme-outdoor.example/shop');
        await guided().getByRole('button', { name: 'Add origin', exact: true }).click();
        const error = guided().locator('c-miaw-origin-editor .origin-error');
        await error.waitFor({ timeout: TIMEOUT });
        const reason = (await error.innerText()).trim();
        check(
            reason.includes('htp://www.acme-outdoor.example/shop'),
            `the error does not name the origin: "${reason}"`
        );
        console.log(`e2e:      bad origin -> "${reason}"`);
        await input.fill('');
    });

    const added = [
        { origin: 'https://help.acme-outdoor.example', environment: 'Production' },
        { origin: 'https://uat.acme-outdoor.example', environment: 'Staging' }
    ];
    await step('valid production and staging origins are added with their coverage', async () => {
        const editor = guided().locator('c-miaw-origin-editor');
        for (const { origin, environment } of added) {
            await editor.getByLabel('Widget origin', { exact: true }).fill(origin);
            await choose(editor, 'Environment', environment);
            await editor.getByRole('button', { name: 'Add origin', exact: true }).click();
            const row = editor.locator('tr.origin-row').filter({ hasText: origin });
            await row.waitFor({ timeout: TIMEOUT });
            const rowText = await row.innerText();
            check(rowText.includes(environment), `row of ${origin} does not say ${environment}: ${rowText}`);
            check(/Covered|Missing/.test(rowText), `row of ${origin} shows no CORS/CSP coverage: ${rowText}`);
            check(
                (await row.getByRole('button', { name: /^Remove origin/ }).count()) === 1,
                `row of ${origin} has no "Remove origin" button`
            );
        }
        await shot('guided-setup-4-trusted-sites', { fullPage: true });
    });

    await step('"Open in Setup" opens the exact Setup path', async () => {
        await guided()
            .getByRole('button', { name: /^Open in Setup: CORS/ })
            .click();
        await navigationStatus()
            .filter({ hasText: 'Would open Setup: /lightning/setup/CorsWhitelistEntries/home' })
            .waitFor({ timeout: TIMEOUT });
        const text = (await navigationStatus().innerText()).trim();
        check(
            text === 'Would open Setup: /lightning/setup/CorsWhitelistEntries/home',
            `navigation status line says "${text}"`
        );
    });

    await step('"Create missing entries" confirms exactly what it adds, then creates it', async () => {
        const create = guided().getByRole('button', { name: 'Create missing entries', exact: true });
        await create.click();
        const confirmCreate = page.getByRole('button', { name: 'Create', exact: true });
        await confirmCreate.waitFor({ timeout: TIMEOUT });
        const listing = await page
            .locator('c-miaw-trusted-sites-step')
            .innerText()
            .catch(() => '');
        for (const { origin } of added) check(listing.includes(origin), `the confirmation does not list ${origin}`);
        check(
            (await page.getByRole('button', { name: 'Cancel', exact: true }).count()) > 0,
            'the confirmation has no Cancel button'
        );
        await shot('guided-setup-4b-create-missing-entries');
        await confirmCreate.click();
        await page.waitForFunction(
            () => (window.__previewApexCalls || []).some((c) => c.method === 'createTrustedSites'),
            null,
            { timeout: TIMEOUT }
        );
        const [callMade] = await apexCalls('createTrustedSites');
        const requested = [...callMade.params.corsOrigins, ...callMade.params.cspOrigins].join(' ');
        for (const { origin } of added)
            check(requested.includes(origin), `createTrustedSites was not asked for ${origin}`);
    });

    await step('a visited step keeps the status of its results (not done)', async () => {
        // The trusted-sites step was visited, origins added, entries created — but blockers still fail there,
        // and every step before it has failing or unread checks: none of them may read "Done".
        await guided().getByRole('button', { name: 'Next', exact: true }).click();
        await waitForStep(4);
        for (let i = 0; i <= 3; i++) {
            const name = await nameOf(stepButton(i));
            check(!/: Done, /.test(name), `step ${i + 1} says done after a visit: ${name}`);
        }
        const trusted = await nameOf(stepButton(3));
        check(/: (Blocked|Needs attention|Not evaluated|To confirm), /.test(trusted), `trusted sites: ${trusted}`);
        console.log(`e2e:      after a visit: "${trusted}"`);
        await guided().getByRole('navigation', { name: 'Setup steps' }).scrollIntoViewIfNeeded();
        await shot('guided-setup-step-status');
        await guided().getByRole('button', { name: 'Back', exact: true }).click();
        await waitForStep(3);
    });

    await step('the remaining steps show their headings and results', async () => {
        for (let i = 4; i < STEPS.length; i++) {
            await guided().getByRole('button', { name: 'Next', exact: true }).click();
            await waitForStep(i);
            if (i === 4) {
                const capacity = guided().getByRole('radiogroup', { name: /Capacity model/ });
                for (const option of ['Status-based', 'Tab-based']) {
                    await capacity.getByText(option, { exact: true }).waitFor({ timeout: TIMEOUT });
                }
            }
            await shot(`guided-setup-${i + 1}-${STEPS[i].toLowerCase().replace(/[^a-z]+/g, '-')}`, { fullPage: true });
        }
        const next = guided().getByRole('button', { name: 'Next', exact: true });
        check(await next.isDisabled(), 'Next is still enabled on the last step');
        // The review step and the path agree, and the blocker go-live attestations are counted.
        const review = await nameOf(stepButton(6));
        check(/blocker items? to confirm \(GL-01, GL-03, GL-05\)/.test(review), `review step: ${review}`);
        const verdictLine = await guided().locator('.readiness-verdict').innerText();
        check(!/No blockers/.test(verdictLine), `the review step says "No blockers": ${verdictLine}`);
        for (let i = 0; i < STEPS.length; i++) {
            const status = (await stepButton(i).locator('.step-nav-state').innerText()).trim();
            const row = (await guided().locator('tr.summary-row').nth(i).locator('td').first().innerText()).trim();
            check(row.startsWith(status), `step ${i + 1}: the path says "${status}", the summary "${row}"`);
        }
    });

    await step('Save plan stores the origins', async () => {
        await guided().getByRole('button', { name: 'Save plan', exact: true }).click();
        await page
            .getByText(/Setup plan saved/)
            .first()
            .waitFor({ timeout: TIMEOUT });
        const saves = await apexCalls('saveSetupPlan');
        check(saves.length === 1, `saveSetupPlan called ${saves.length} times`);
        const plan = JSON.parse(saves[0].params.planJson);
        const origins = plan.widgetOrigins.map((o) => (typeof o === 'string' ? o : o.origin));
        for (const { origin } of added) check(origins.includes(origin), `the saved plan lacks ${origin}`);
    });
}

/**
 * Paste-and-check on the ready org, keyboard only: the snippets in tools/preview/snippets are the code snippet as
 * Setup generates it for the ready demo (org Id, deployment, site and SCRT host of tools/preview/prepareData.ts and
 * fakes/apex/orgState.js); the broken one names another deployment and calls init outside the onload function.
 */
async function snippetCheckFlow() {
    const snippet = (name) => fs.readFileSync(path.join(here, 'snippets', `${name}.html`), 'utf8');
    const checker = () => guided().locator('c-miaw-snippet-check');
    const textarea = () => checker().getByRole('textbox', { name: 'Page HTML or code snippet' });
    const address = () => checker().getByRole('textbox', { name: /Page address/ });
    const item = (id) => checker().locator(`li.result-row[data-check-id="${id}"]`);
    const web03 = () => item('WEB-03');
    const pressCheck = async () => {
        await checker().getByRole('button', { name: 'Check', exact: true }).focus();
        await page.keyboard.press('Enter');
    };
    // Every check passing or not evaluated: the result list starts with the Website area closed; open it by keyboard.
    const openWebsiteArea = async () => {
        const toggle = checker().locator('button.area-toggle[data-area="WEB"]');
        await toggle.waitFor({ timeout: TIMEOUT });
        if ((await toggle.getAttribute('aria-expanded')) === 'false') {
            await toggle.focus();
            await page.keyboard.press('Enter');
        }
    };
    const pasteText = async (text) => {
        await textarea().focus();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        await page.keyboard.insertText(text);
    };

    await step('paste-and-check: a broken snippet fails WEB-03 with its subject and fix (keyboard only)', async () => {
        await open('org=ready&tab=setup&latency=0');
        await waitForStep(0);
        for (let i = 1; i <= 5; i++) {
            await guided().getByRole('button', { name: 'Next', exact: true }).focus();
            await page.keyboard.press('Enter');
            await waitForStep(i);
        }
        await pressCheck();
        await checker()
            .getByRole('alert')
            .filter({ hasText: "Paste the page's HTML or the code snippet, then click Check." })
            .waitFor({ timeout: TIMEOUT });
        await pasteText(snippet('ready-broken'));
        await pressCheck();
        await web03().waitFor({ timeout: TIMEOUT });
        const text = await web03().innerText();
        check(/Fail/.test(text), `WEB-03 does not fail: ${text}`);
        check(text.includes('Pasted HTML'), `WEB-03 does not name its subject: ${text}`);
        check(text.includes('"Acme_Chat_Sandbox", which does not exist in the org'), `WEB-03 says: ${text}`);
        check(text.includes('Fix:') && text.includes('Code Snippet'), `WEB-03 has no fix: ${text}`);
        const web02 = await item('WEB-02').innerText();
        check(
            web02.includes('not inside a function of that name'),
            `WEB-02 does not flag init outside onload: ${web02}`
        );
        const row = checker()
            .getByRole('row')
            .filter({ has: page.getByRole('rowheader', { name: 'Deployment developer name' }) });
        const cells = await row.getByRole('cell').allInnerTexts();
        check(
            cells[0].includes('Acme_Web_Chat') &&
                cells[1].includes('Acme_Chat_Sandbox') &&
                cells[2].includes('Differs'),
            `the deployment row reads ${JSON.stringify(cells)}`
        );
        await checker().scrollIntoViewIfNeeded();
        await shot('guided-setup-6b-snippet-check', { fullPage: true });
    });

    await axeCheck('guided setup paste-and-check');

    await step('paste-and-check: the correct page passes, and the pasted text survives a change of step', async () => {
        await pasteText(snippet('ready-correct'));
        await address().focus();
        await page.keyboard.insertText('https://www.acme-outdoor.example/help');
        await pressCheck();
        await openWebsiteArea();
        await web03().filter({ hasText: 'Pass' }).waitFor({ timeout: TIMEOUT });
        const text = await web03().innerText();
        check(text.includes('https://www.acme-outdoor.example/help'), `WEB-03 subject is not the page: ${text}`);
        for (const id of ['WEB-01', 'WEB-02', 'WEB-04', 'WEB-06', 'WEB-07', 'WEB-09']) {
            const said = await item(id).innerText();
            check(said.trim().startsWith('Pass'), `${id} does not pass on the correct page: ${said}`);
        }
        const summary = await checker().locator('.comparison-summary').innerText();
        check(summary.includes('Every value matches'), `the comparison says: ${summary}`);
        await guided().getByRole('button', { name: 'Back', exact: true }).focus();
        await page.keyboard.press('Enter');
        await waitForStep(4);
        await guided().getByRole('button', { name: 'Next', exact: true }).focus();
        await page.keyboard.press('Enter');
        await waitForStep(5);
        const kept = await textarea().inputValue();
        check(kept.includes("'Acme_Web_Chat'"), 'the pasted text was lost when the step changed');
        await openWebsiteArea();
        await web03().filter({ hasText: 'Pass' }).waitFor({ timeout: TIMEOUT });
    });
}

// ---------------------------------------------------------------------------------------------------------
// The admin's work is kept; keyboard and screen reader (issue 10)
// ---------------------------------------------------------------------------------------------------------

/** The focused element, through shadow roots: what it is, whether it is in a dialog and where it sits. */
const focused = () =>
    page.evaluate(() => {
        let el = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        if (!el || el === document.body) return null;
        let inDialog = false;
        for (let n = el; n; n = n.parentNode || n.host) {
            if (n.getAttribute && n.getAttribute('role') === 'dialog') inDialog = true;
        }
        let host = el;
        while (host.parentNode && !host.host) host = host.parentNode;
        const r = el.getBoundingClientRect();
        return {
            tag: el.tagName.toLowerCase(),
            text: (el.innerText || el.textContent || '').trim().slice(0, 120),
            classes: String(el.className || ''),
            owner: host.host ? host.host.tagName.toLowerCase() : '',
            ownerClasses: host.host ? String(host.host.className || '') : '',
            inDialog,
            top: r.top,
            bottom: r.bottom,
            viewport: window.innerHeight
        };
    });

const KEPT_ORIGIN = 'https://kept.acme-outdoor.example';
const leavePrompts = [];

async function goToStepByClick(index) {
    await stepButton(index).click();
    await waitForStep(index);
}

/** Guided Setup, step 6: ticks every step of the end-to-end test checklist, each saved at once. */
async function completeTestChecklist() {
    await goToStepByClick(5);
    const boxes = guided().locator('lightning-input.checklist-item input[type="checkbox"]');
    const count = await boxes.count();
    check(count === 6, `expected 6 test steps, found ${count}`);
    for (let i = 0; i < count; i++) {
        const before = (await apexCalls('saveTestChecklist')).length;
        await boxes.nth(i).evaluate((input) => input.click());
        await page.waitForFunction(
            (n) => (window.__previewApexCalls || []).filter((c) => c.method === 'saveTestChecklist').length > n,
            before,
            { timeout: TIMEOUT }
        );
        await guided().locator('lightning-input.checklist-item input:disabled').first().waitFor({ state: 'detached' });
    }
}

async function workIsKeptFlow() {
    // The browser's "Leave site?" prompt: recorded and accepted (the draft keeps the edits anyway).
    page.on('dialog', (dialog) => {
        leavePrompts.push(dialog.type());
        return dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss();
    });

    await step('Next moves focus to the new step heading and scrolls it into view', async () => {
        await open('org=needs-work&tab=setup&latency=0');
        await page.evaluate(() => window.localStorage.clear());
        await waitForStep(0);
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        await guided().getByRole('button', { name: 'Next', exact: true }).click();
        await waitForStep(1);
        await page.waitForTimeout(100);
        const f = await focused();
        check(f && f.tag === 'h2' && f.text.startsWith('Step 2 of 7'), `focus after Next: ${JSON.stringify(f)}`);
        check(f.top >= 0 && f.bottom <= f.viewport, `the focused heading is out of view: ${JSON.stringify(f)}`);
        console.log(`e2e:      focus after Next: <h2> "${f.text}" at y=${Math.round(f.top)}`);
        // Every "Open in Setup" button of the steps names its page.
        for (let i = 2; i <= 3; i++) {
            await guided().getByRole('button', { name: 'Next', exact: true }).click();
            await waitForStep(i);
        }
        const names = await guided()
            .locator('.setup-links')
            .getByRole('button')
            .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') || b.innerText.trim()));
        check(
            names.length > 0 && names.every((n) => /^Open in Setup: \S/.test(n)),
            `an Open in Setup button does not name its page: ${JSON.stringify(names)}`
        );
    });

    await step('Enter adds an origin; a javascript: URL is named once, as the wrong scheme', async () => {
        const editor = guided().locator('c-miaw-origin-editor');
        const input = editor.getByLabel('Widget origin');
        await input.fill('javascript:alert(1)');
        await input.press('Enter');
        const error = editor.locator('.origin-error');
        await error.waitFor({ timeout: TIMEOUT });
        const reason = (await error.innerText()).trim();
        check(/has scheme "javascript": only https:\/\//.test(reason), `javascript: is reported as "${reason}"`);
        const shown = await editor.getByText(/has scheme "javascript"/).count();
        check(shown === 1, `the origin error shows ${shown} times`);
        const [addTop, inputTop] = await Promise.all([
            editor
                .getByRole('button', { name: 'Add origin', exact: true })
                .evaluate((b) => b.getBoundingClientRect().bottom),
            input.evaluate((i) => i.getBoundingClientRect().bottom)
        ]);
        check(Math.abs(addTop - inputTop) <= 4, `the Add origin button is out of line (${addTop} vs ${inputTop})`);
        await shot('guided-setup-4c-origin-error');
        await input.fill(KEPT_ORIGIN);
        await input.press('Enter');
        await editor.locator('tr.origin-row').filter({ hasText: KEPT_ORIGIN }).waitFor({ timeout: TIMEOUT });
        check((await input.inputValue()) === '', 'the field is not cleared after Enter added the origin');
        await guided().getByText('Unsaved changes', { exact: true }).waitFor({ timeout: TIMEOUT });
    });

    await step(
        '"Create missing entries" is a modal: focus in, Tab stays in, Escape closes, focus returns',
        async () => {
            const create = guided().getByRole('button', { name: 'Create missing entries', exact: true });
            await create.click();
            const dialog = page.getByRole('dialog', { name: 'Create missing entries' });
            await dialog.waitFor({ timeout: TIMEOUT });
            await page.waitForTimeout(100);
            let f = await focused();
            check(f && f.inDialog, `focus did not move into the dialog: ${JSON.stringify(f)}`);
            for (let i = 0; i < 4; i++) {
                await page.keyboard.press('Tab');
                f = await focused();
                check(f && f.inDialog, `Tab ${i + 1} left the dialog: ${JSON.stringify(f)}`);
            }
            await page.keyboard.press('Shift+Tab');
            f = await focused();
            check(f && f.inDialog, `Shift+Tab left the dialog: ${JSON.stringify(f)}`);
            check(
                (await dialog.getByRole('button', { name: /^Close/ }).count()) === 1,
                'the dialog has no close button'
            );
            await page.keyboard.press('Escape');
            await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
            await page.waitForTimeout(100);
            f = await focused();
            check(
                (f && /create-button/.test(`${f.classes} ${f.ownerClasses}`)) ||
                    (f && f.text === 'Create missing entries'),
                `focus did not return to "Create missing entries": ${JSON.stringify(f)}`
            );
            check((await apexCalls('createTrustedSites')).length === 0, 'Escape created entries');
        }
    );

    await step('unsaved origin survives Readiness Report -> Guided Setup and a reload', async () => {
        const nav = page.locator('c-preview-shell nav');
        await nav.getByRole('link', { name: 'Readiness Report' }).click();
        await page.getByRole('heading', { name: 'Readiness Report', exact: true }).waitFor({ timeout: TIMEOUT });
        await nav.getByRole('link', { name: 'Guided Setup' }).click();
        const notice = guided().locator('.draft-notice');
        await notice.waitFor({ timeout: TIMEOUT });
        check(/^Restored your unsaved changes/.test((await notice.innerText()).trim()), 'no restore message');
        await stepHeading().filter({ hasText: 'Trusted sites' }).waitFor({ timeout: TIMEOUT });
        const row = guided().locator('c-miaw-origin-editor tr.origin-row').filter({ hasText: KEPT_ORIGIN });
        await row.waitFor({ timeout: TIMEOUT });

        await page.reload({ waitUntil: 'load' });
        await page.waitForFunction(() => window.__previewReady === true, null, { timeout: TIMEOUT });
        console.log(`e2e:      leaving with unsaved changes asked first: ${JSON.stringify(leavePrompts)}`);
        check(leavePrompts.includes('beforeunload'), 'reloading with unsaved changes did not ask first');
        await guided().locator('.draft-notice').waitFor({ timeout: TIMEOUT });
        await row.waitFor({ timeout: TIMEOUT });
        await shot('guided-setup-restored-draft');
    });

    await step('"Order Number!" is rejected next to its field; Save goes to it', async () => {
        await goToStepByClick(2);
        await guided().getByRole('button', { name: 'Add pre-chat field', exact: true }).click();
        const row = guided().locator('fieldset.prechat-row').last();
        await row.getByLabel('Parameter name').fill('Order Number!');
        const fieldError = row.locator('.field-error');
        await fieldError.waitFor({ timeout: TIMEOUT });
        check(
            /"Order Number!" cannot be a channel parameter/.test(await fieldError.innerText()),
            `the field error says: ${await fieldError.innerText()}`
        );
    });

    await axeCheck('guided setup: field error and restored draft');

    await step('Save plan is refused with a link to the invalid field', async () => {
        const row = guided().locator('fieldset.prechat-row').last();
        await guided().getByRole('button', { name: 'Save plan', exact: true }).click();
        await guided().locator('.save-error').waitFor({ timeout: TIMEOUT });
        check((await apexCalls('saveSetupPlan')).length === 0, 'a plan with "Order Number!" was sent to Apex');
        await guided()
            .getByRole('button', { name: /^Go to pre-chat field/ })
            .click();
        await page.waitForTimeout(100);
        const f = await focused();
        check(f && f.tag === 'input', `focus is not on the parameter name: ${JSON.stringify(f)}`);
        check(f.top >= 0 && f.bottom <= f.viewport, 'the invalid field is out of view');
        await shot('guided-setup-3b-invalid-prechat-name');
        await row.getByRole('button', { name: 'Remove field' }).click();
        await guided().locator('.save-error').waitFor({ state: 'detached', timeout: TIMEOUT });
    });

    await step('the completed deploy-and-test checklist confirms GL-01 in the report with who and when', async () => {
        await guided().getByRole('button', { name: 'Discard', exact: true }).click();
        await guided().locator('.draft-notice').waitFor({ state: 'detached', timeout: TIMEOUT });
        check(
            (await page.evaluate(() => Object.keys(window.localStorage))).every((k) => !k.includes('planDraft')),
            'Discard left the draft in the browser'
        );
        await completeTestChecklist();
        const status = guided().locator('.checklist-status');
        await status
            .filter({ hasText: /Test completed by Ada Admin on .*confirms GL-01/ })
            .waitFor({ timeout: TIMEOUT });
        await shot('guided-setup-6b-test-completed', { fullPage: true });

        const nav = page.locator('c-preview-shell nav');
        await nav.getByRole('link', { name: 'Readiness Report' }).click();
        await page.getByRole('heading', { name: 'Readiness Report', exact: true }).waitFor({ timeout: TIMEOUT });
        await waitForVerdict('Not ready for go-live');
        await saveRun();
        const [save] = (await apexCalls('saveRun')).slice(-1);
        check(Boolean(save.params.planId), 'the run was saved without its plan');
        await expandArea('Go-live attestations');
        const gl01 = report().locator('.result-row').filter({ hasText: 'GL-01' }).first();
        await gl01.waitFor({ timeout: TIMEOUT });
        const text = (await gl01.innerText()).replace(/\s+/g, ' ');
        check(
            /Confirmed by Ada Admin on .*deploy-and-test checklist, completed by Ada Admin on /.test(text),
            `GL-01 does not show the checklist's confirmation: ${text.slice(0, 400)}`
        );
        console.log(`e2e:      GL-01: ${text.match(/Confirmed by[^.]*/)?.[0] ?? text.slice(0, 160)}`);

        // The checklist survives leaving the screen: Guided Setup reads it back from the saved plan.
        await nav.getByRole('link', { name: 'Guided Setup' }).click();
        await goToStepByClick(5);
        await guided()
            .locator('.checklist-progress')
            .filter({ hasText: '6 of 6 test steps done' })
            .waitFor({ timeout: TIMEOUT });
        await page.evaluate(() => window.localStorage.clear());
    });
}

// ---------------------------------------------------------------------------------------------------------
// Readiness Report
// ---------------------------------------------------------------------------------------------------------

const report = () => page.locator('c-miaw-readiness-report');
const verdict = () =>
    report()
        .locator('[role="status"]')
        .filter({ hasText: /for go-live/ })
        .first();

async function waitForVerdict(text) {
    await verdict()
        .filter({ hasText: new RegExp(`^\\s*${escape(text)}`) })
        .waitFor({ timeout: TIMEOUT });
}

async function expandArea(title) {
    const toggle = report().locator('button.area-toggle').filter({ hasText: title });
    if ((await toggle.count()) && (await toggle.first().getAttribute('aria-expanded')) === 'false') {
        await toggle.first().click();
    }
}

async function saveRun() {
    const before = (await apexCalls('saveRun')).length;
    await report().getByRole('button', { name: 'Save run', exact: true }).click();
    await page.waitForFunction(
        (n) => (window.__previewApexCalls || []).filter((c) => c.method === 'saveRun').length > n,
        before,
        { timeout: TIMEOUT }
    );
    const runName = `RUN-${String(before + 1).padStart(6, '0')}`;
    await report().getByText(runName).first().waitFor({ timeout: TIMEOUT });
}

async function runChecks() {
    const before = (await apexCalls('getSnapshot')).length;
    await report().getByRole('button', { name: 'Run checks', exact: true }).click();
    await page.waitForFunction(
        (n) => (window.__previewApexCalls || []).filter((c) => c.method === 'getSnapshot').length > n,
        before,
        { timeout: TIMEOUT }
    );
    await report().locator('lightning-spinner').first().waitFor({ state: 'detached', timeout: TIMEOUT });
}

async function notConnectedFlow() {
    await step('Guided Setup explains a connection that is not authenticated', async () => {
        await open('org=needs-work&tab=setup&latency=0&connection=not_authenticated');
        await waitForStep(0);
        await guided().getByText('You have not authenticated the credential yet').waitFor({ timeout: TIMEOUT });
        await shot('guided-setup-not-connected', { fullPage: true });
        for (let i = 1; i <= 3; i++) {
            await guided().getByRole('button', { name: 'Next', exact: true }).click();
            await waitForStep(i);
        }
        check(
            (await guided().getByRole('button', { name: 'Create missing entries' }).count()) === 0,
            '"Create missing entries" is offered without a connection'
        );
    });
}

async function selfTestFlow() {
    await step('the self-test names the failing path, what Salesforce said and the fix', async () => {
        await open('org=needs-work&tab=setup&latency=0&connection=not_authenticated');
        await waitForStep(0);
        const selfTest = guided().locator('c-miaw-self-test');
        // Keyboard: focus the button and press Enter, as an admin without a mouse would.
        await selfTest.getByRole('button', { name: 'Run self-test', exact: true }).focus();
        await page.keyboard.press('Enter');
        const table = selfTest.getByRole('table', { name: 'Self-test results, failures first' });
        await table.waitFor({ timeout: TIMEOUT });
        const summary = (await selfTest.locator('.self-test-summary').innerText()).trim();
        check(summary.startsWith('2 failed'), `self-test summary says "${summary}"`);
        const row = table.getByRole('row').filter({
            has: page.getByRole('rowheader', { name: /^Tooling API through the credential/ })
        });
        const cells = await row.getByRole('cell').allInnerTexts();
        check(cells[0] === 'Fail', `the Tooling path reads "${cells[0]}", not "Fail"`);
        check(cells[1].includes('INVALID_SESSION_ID'), `the Tooling path does not quote Salesforce: "${cells[1]}"`);
        check(
            cells[2].includes('Open your personal settings > External Credentials'),
            `the Tooling path's fix is "${cells[2]}"`
        );
        const first = await table.getByRole('rowheader').first().innerText();
        check(first.startsWith('Tooling API'), `failures are not listed first: "${first}"`);
        console.log(`e2e:      self-test: ${summary}; Tooling: ${cells[1]}`);
        await shot('guided-setup-self-test', { fullPage: true });
    });

    await step('"Copy report" gives a plain-text report a maintainer can act on', async () => {
        const selfTest = guided().locator('c-miaw-self-test');
        await context.grantPermissions(['clipboard-read', 'clipboard-write']).catch(() => {});
        await selfTest.getByRole('button', { name: 'Copy report', exact: true }).click();
        const message = selfTest.locator('.copy-message');
        await message.filter({ hasText: /clipboard|copy it/ }).waitFor({ timeout: TIMEOUT });
        // The browser may refuse the clipboard; the report is then shown to copy by hand. Either way it is read here.
        const fallback = selfTest.locator('lightning-textarea textarea');
        const report = (await fallback.count())
            ? await fallback.inputValue()
            : await page.evaluate(() => navigator.clipboard.readText());
        for (const text of [
            'Org ID: 00D5e000000AcmeEAQ',
            'API version: v65.0',
            'Package version: unknown: needs the API connection',
            'Namespace: (none)',
            '[Fail] Tooling API through the credential',
            'Salesforce said: HTTP 401 INVALID_SESSION_ID',
            'Fix: You have not authenticated the credential yet.'
        ]) {
            check(report.includes(text), `the copied report lacks "${text}":\n${report.slice(0, 600)}`);
        }
        console.log(`e2e:      copied report: ${report.split('\n').length} lines`);
    });
}

async function reportFirstRun() {
    const want = expected('needs-work');
    await step('the report shows "Not ready for go-live" with counts and a named failing subject', async () => {
        await open('org=needs-work&tab=report&latency=0');
        await page.getByRole('heading', { name: 'Readiness Report', exact: true }).waitFor({ timeout: TIMEOUT });
        await waitForVerdict('Not ready for go-live');
        const banner = await verdict().innerText();
        const s = want.summary;
        for (const text of [
            `${s.blockers} blocker`,
            `${s.warnings} warning`,
            `${s.passed} passed`,
            `${s.notEvaluated} not evaluated`,
            `${s.manual} to confirm`
        ]) {
            check(banner.includes(text), `verdict banner lacks "${text}": ${banner}`);
        }
        const blocker = want.failingBlocker;
        await expandArea(blocker.title);
        const row = report()
            .locator('.result-row')
            .filter({ hasText: blocker.checkId })
            .filter({ hasText: blocker.subject });
        await row.first().waitFor({ timeout: TIMEOUT });
        const openSetup = row.first().getByRole('button', { name: /^Open in Setup/ });
        check((await openSetup.count()) === 1, `${blocker.checkId} has no "Open in Setup" button`);
        // The visible text is short; the accessible name says which Setup page, for which result.
        const setupName = await openSetup.getAttribute('aria-label');
        check(
            new RegExp(`^Open in Setup \\(.+\\) for ${escape(blocker.checkId)} `).test(setupName || ''),
            `the "Open in Setup" button of ${blocker.checkId} does not name its page: ${setupName}`
        );
        console.log(`e2e:      accessible name: "${setupName}"`);
        console.log(`e2e:      failing subject on screen: ${blocker.checkId} ${blocker.subject}`);
        await shot('readiness-report-not-ready');
    });

    await step('a saved run cannot be signed off while blockers fail, and the screen says why', async () => {
        await saveRun();
        const reasons = await signOffReasonsShown();
        check(/^Not ready: \d+ blockers? fails?$/.test(reasons[0] || ''), `first reason: ${reasons.join(' | ')}`);
        console.log(`e2e:      Sign off disabled: ${reasons.join(' | ')}`);
        await report().locator('.sign-off').scrollIntoViewIfNeeded();
        await shot('readiness-report-sign-off-not-ready');
    });
}

/** Sign off is disabled and the short reasons are on screen before any click; returns them. */
async function signOffReasonsShown() {
    const signOff = report().getByRole('button', { name: 'Sign off', exact: true });
    await signOff.waitFor({ timeout: TIMEOUT });
    check(await signOff.isDisabled(), 'Sign off is enabled on a run that may not be signed off');
    const reasons = (await report().locator('.sign-off-reason').allInnerTexts()).map((t) => t.trim());
    check(reasons.length > 0, 'Sign off is disabled but no reason is listed');
    check(
        reasons.every((r) => r.length <= 120),
        `a reason is a paragraph, not a short line: ${reasons.join(' | ')}`
    );
    return reasons;
}

async function reportSecondRunAndCompare() {
    await step('after Guided Setup created trusted sites, a second run compares with the first', async () => {
        await page.locator('c-preview-shell nav').getByRole('link', { name: 'Readiness Report' }).click();
        await page.getByRole('heading', { name: 'Readiness Report', exact: true }).waitFor({ timeout: TIMEOUT });
        await verdict().waitFor({ timeout: TIMEOUT });
        await saveRun();
        const history = report().locator('c-miaw-run-history');
        await history.getByRole('heading', { name: 'Run history' }).waitFor({ timeout: TIMEOUT });
        await history.locator('button.run-select').filter({ hasText: 'RUN-000002' }).click();
        await history.getByRole('button', { name: 'Compare with previous', exact: true }).click();
        const comparison = history.locator('.comparison');
        await comparison.waitFor({ timeout: TIMEOUT });
        const text = await comparison.innerText();
        for (const heading of ['New failures', 'Fixed', 'Unchanged']) {
            check(text.includes(heading), `comparison lacks "${heading}": ${text.slice(0, 300)}`);
        }
        const fixed = await comparison.locator('[data-list="fixed"] li').count();
        console.log(`e2e:      compare RUN-000002 with RUN-000001: ${fixed} fixed`);
        check(fixed > 0, 'creating the missing trusted sites fixed nothing in the comparison');
        await history.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shot('readiness-report-history-compare');
    });
}

async function reportReadyFlow() {
    const want = expected('ready');
    await step(
        'the ready org without the API connection is incomplete, never green, and sign-off is refused',
        async () => {
            await open('org=ready&tab=report&latency=0&connection=not_authenticated');
            await waitForVerdict('Incomplete, not known to be ready for go-live');
            const banner = await verdict().innerText();
            check(
                banner.includes("Connect the app to the org's API"),
                `the banner does not say how to connect: ${banner}`
            );
            check(
                !(await report().locator('.verdict.slds-theme_success').count()),
                'an incomplete verdict is shown green'
            );
            await saveRun();
            const reasons = await signOffReasonsShown();
            check(
                reasons.some((r) => /^Incomplete: \d+ blockers? not evaluated — connect the app/.test(r)),
                `the reasons do not say the run is incomplete and how to connect: ${reasons.join(' | ')}`
            );
            console.log(`e2e:      incomplete, Sign off disabled: ${reasons.join(' | ')}`);
            const row = report()
                .locator('c-miaw-run-history tr.run-row')
                .filter({ has: page.getByRole('button', { name: /RUN-/ }) })
                .first();
            const badge = (await row.locator('.slds-badge').innerText()).trim();
            check(
                /^Incomplete: \d+ not evaluated$/.test(badge),
                `the history does not label the run incomplete: ${badge}`
            );
            await shot('readiness-report-incomplete');
        }
    );
    await step('switching to the ready org shows "Ready for go-live"', async () => {
        await open('org=needs-work&tab=report&latency=0');
        await waitForVerdict('Not ready for go-live');
        await choose(page.locator('c-preview-shell .preview-controls'), 'Demo org', 'Ready (examples/ready)');
        await waitForVerdict('Ready for go-live');
        await runChecks();
        await waitForVerdict('Ready for go-live');
        const banner = await verdict().innerText();
        check(banner.includes(`${want.summary.manual} to confirm`), `banner lacks "${want.summary.manual} to confirm"`);
    });

    await step('the end-to-end test checklist, not a tick in the report, confirms GL-01 on the ready org', async () => {
        const nav = page.locator('c-preview-shell nav');
        await nav.getByRole('link', { name: 'Guided Setup' }).click();
        await completeTestChecklist();
        await guided()
            .locator('.checklist-status')
            .filter({ hasText: /Test completed by Ada Admin on .*confirms GL-01/ })
            .waitFor({ timeout: TIMEOUT });
        await nav.getByRole('link', { name: 'Readiness Report' }).click();
        await page.getByRole('heading', { name: 'Readiness Report', exact: true }).waitFor({ timeout: TIMEOUT });
        await waitForVerdict('Ready for go-live');
    });

    await step('save the run, confirm every manual item, sign off', async () => {
        await saveRun();
        // GL-01 has no box: the checklist confirmed it when the run was saved with the plan
        const gl01 = report().locator('.result-row').filter({ hasText: 'GL-01' }).first();
        await gl01.waitFor({ timeout: TIMEOUT });
        check(
            /Confirmed by Ada Admin on .*deploy-and-test checklist/.test((await gl01.innerText()).replace(/\s+/g, ' ')),
            'GL-01 is not confirmed by the checklist on the ready org'
        );
        await expandArea('Go-live attestations');
        const boxes = report().getByRole('checkbox', { name: /^Confirm: / });
        await boxes.first().waitFor({ timeout: TIMEOUT });
        check(
            (await boxes.count()) === want.summary.manual - 1,
            `expected ${want.summary.manual - 1} "Confirm:" checkboxes (every manual item but GL-01), found ${await boxes.count()}`
        );
        // Confirming one item keeps its area open and the page where it was.
        {
            const glToggle = report().locator('button.area-toggle').filter({ hasText: 'Go-live attestations' });
            const box = report()
                .getByRole('checkbox', { name: /^Confirm: /, checked: false, disabled: false })
                .last();
            await box.scrollIntoViewIfNeeded();
            await page.evaluate(() => window.scrollBy(0, 200));
            const beforeY = await page.evaluate(() => window.scrollY);
            const before = (await apexCalls('attest')).length;
            await box.evaluate((input) => input.click());
            await page.waitForFunction(
                (n) => (window.__previewApexCalls || []).filter((c) => c.method === 'attest').length > n,
                before,
                { timeout: TIMEOUT }
            );
            await page.waitForTimeout(300);
            const afterY = await page.evaluate(() => window.scrollY);
            check(
                (await glToggle.getAttribute('aria-expanded')) === 'true',
                'the go-live area folded after a confirmation'
            );
            check(Math.abs(afterY - beforeY) <= 50, `the page jumped from y=${beforeY} to y=${afterY}`);
            console.log(`e2e:      confirm kept the area open; scroll y ${beforeY} -> ${afterY}`);
        }
        // Confirm the rest (areas past the first view's budget may start closed: open them).
        for (let confirmed = 1; confirmed < want.summary.manual - 1; confirmed++) {
            const toggles = report()
                .locator('button.area-toggle[aria-expanded="false"]')
                .filter({ hasText: /to confirm/ });
            while (await toggles.count()) await toggles.first().click();
            const next = report().getByRole('checkbox', { name: /^Confirm: /, checked: false, disabled: false });
            await next.first().waitFor({ timeout: TIMEOUT });
            const before = (await apexCalls('attest')).length;
            await next.first().evaluate((input) => input.click());
            await page.waitForFunction(
                (n) => (window.__previewApexCalls || []).filter((c) => c.method === 'attest').length > n,
                before,
                { timeout: TIMEOUT }
            );
            await page.waitForTimeout(50);
        }
        await verdict().filter({ hasText: '0 to confirm' }).waitFor({ timeout: TIMEOUT });
        await report().getByLabel('Sign-off comment').fill('Go-live approved after the sandbox end-to-end test.');
        await report().getByRole('button', { name: 'Sign off', exact: true }).click();
        await report()
            .locator('.sign-off')
            .getByText(/Signed off by Ada Admin on/)
            .waitFor({ timeout: TIMEOUT });
        check((await apexCalls('signOff')).length >= 1, 'signOff was not called');
        await shot('readiness-report-signed-off', { fullPage: true });
    });
}

// ---------------------------------------------------------------------------------------------------------
// Exports, print view, the demo strip at 800 px
// ---------------------------------------------------------------------------------------------------------

/** Clicks an export button and returns the downloaded file's name and text. */
async function download(label) {
    const [file] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        report().getByRole('button', { name: label, exact: true }).click()
    ]);
    const text = fs.readFileSync(await file.path(), 'utf8');
    fs.writeFileSync(path.join(shots, `export-${file.suggestedFilename()}`), text);
    return { name: file.suggestedFilename(), text };
}

async function exportsAndPrintFlow() {
    const want = expected('needs-work');
    const data = JSON.parse(fs.readFileSync(path.join(dataDir, 'needs-work.json'), 'utf8'));
    const version = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')).version;
    let json;
    await step(
        '"Export JSON" of a saved run carries the org, run Id, time, tool version, verdict with scope and plan',
        async () => {
            await open('org=needs-work&tab=report&latency=0');
            await waitForVerdict('Not ready for go-live');
            await saveRun();
            const file = await download('Export JSON');
            check(
                /^miaw-readiness-\d{4}-\d{2}-\d{2}-RUN-000001\.json$/.test(file.name),
                `JSON file name: ${file.name}`
            );
            json = JSON.parse(file.text);
            const { org, run, tool, summary, plan } = json;
            check(org && org.id === data.context.organizationId, `org.id: ${JSON.stringify(org)}`);
            check(org.name === data.context.organizationName, `org.name: ${org.name}`);
            check(
                org.myDomain === `https://${data.context.myDomain}.my.salesforce.com`,
                `org.myDomain: ${org.myDomain}`
            );
            check(
                /^a02\w{15}$/.test(run.id) && run.name === 'RUN-000001' && run.saved === true,
                `run: ${JSON.stringify(run)}`
            );
            check(
                run.checkedAt === FIXED_NOW.toISOString(),
                `run.checkedAt ${run.checkedAt}, expected ${FIXED_NOW.toISOString()}`
            );
            check(tool.name === 'MIAW Setup Assistant' && tool.version === version, `tool: ${JSON.stringify(tool)}`);
            check(summary.verdict === want.summary.verdict, `summary.verdict ${summary.verdict}`);
            check(summary.scope.join(',') === 'metadata,org', `summary.scope ${summary.scope}`);
            check(Array.isArray(summary.unevaluatedBlockers), 'summary.unevaluatedBlockers missing');
            check(
                /^Not ready: /.test(run.verdictLabel) && run.apiAccess === true,
                `run.verdictLabel: ${run.verdictLabel}`
            );
            check(
                plan && plan.widgetOrigins.length === data.plan.widgetOrigins.length,
                `plan: ${JSON.stringify(plan)}`
            );
            check(json.results.length === want.results, `${json.results.length} results, expected ${want.results}`);
            // OPS-01 says "in the last 24 hours": its latest session time must be within 24 hours of the check
            const ops = json.results.find((r) => r.checkId === 'OPS-01' && r.status === 'fail');
            const latest = ops && /latest (\S+?);/.exec(ops.message);
            check(latest, `OPS-01 names no latest session time: ${ops && ops.message}`);
            const age = new Date(run.checkedAt).getTime() - new Date(latest[1]).getTime();
            check(
                age >= 0 && age <= 24 * 3600 * 1000,
                `OPS-01 says "last 24 hours" next to ${latest[1]} (checked ${run.checkedAt})`
            );
            console.log(
                `e2e:      JSON: ${file.name}, org ${org.id} (${org.name}), ${run.name} at ${run.checkedAt}, ${run.verdictLabel.slice(0, 80)}`
            );
        }
    );

    await step('"Export CSV" carries the same run metadata on every row', async () => {
        const file = await download('Export CSV');
        check(/^miaw-readiness-\d{4}-\d{2}-\d{2}-RUN-000001\.csv$/.test(file.name), `CSV file name: ${file.name}`);
        const Papa = require('papaparse');
        const parsed = Papa.parse(file.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
        check(parsed.errors.length === 0, `CSV parse errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
        check(parsed.data.length === want.results, `${parsed.data.length} CSV rows, expected ${want.results}`);
        for (const row of parsed.data) {
            check(row['Org ID'] === json.org.id && row['Org name'] === json.org.name, `row org: ${row['Org ID']}`);
            check(row['My Domain'] === json.org.myDomain, `row My Domain: ${row['My Domain']}`);
            check(row['Run ID'] === json.run.id && row['Run name'] === 'RUN-000001', `row run: ${row['Run ID']}`);
            check(row['Checked at'] === json.run.checkedAt, `row time: ${row['Checked at']}`);
            check(row['Tool version'] === `MIAW Setup Assistant ${version}`, `row tool: ${row['Tool version']}`);
            check(row['Run verdict'] === json.summary.verdict, `row verdict: ${row['Run verdict']}`);
            check(row['Verdict detail'] === json.run.verdictLabel, `row verdict detail: ${row['Verdict detail']}`);
            check(row['Run scope'] === 'metadata and org', `row scope: ${row['Run scope']}`);
            check(
                JSON.stringify(JSON.parse(row['Setup plan'])) === JSON.stringify(json.plan),
                'row plan differs from the JSON plan'
            );
        }
        console.log(
            `e2e:      CSV: ${file.name}, ${parsed.data.length} rows, ${Math.round(file.text.length / 1024)} KB`
        );
    });

    await step('the print view puts the verdict and the failures first and counts the passes', async () => {
        // window.print() would open the browser's dialog; the print media below is what it would print.
        await page.evaluate(() => {
            window.print = () => {
                window.__previewPrinted = (window.__previewPrinted || 0) + 1;
            };
        });
        await report().getByRole('button', { name: 'Print view', exact: true }).click();
        await report().getByRole('button', { name: 'Exit print view', exact: true }).waitFor({ timeout: TIMEOUT });
        await page.waitForFunction(() => window.__previewPrinted === 1, null, { timeout: TIMEOUT });
        await page.emulateMedia({ media: 'print' });
        const rows = report().locator('li.result-row');
        const listed = await rows.count();
        const notPassing = json.results.filter((r) => r.status !== 'pass').length;
        check(listed === notPassing, `print lists ${listed} rows, expected the ${notPassing} that do not pass`);
        const first = await rows.first().innerText();
        check(/^\s*Fail/.test(first), `the first printed result is not a failure: ${first.slice(0, 80)}`);
        const verdictBox = await verdict().boundingBox();
        const firstBox = await rows.first().boundingBox();
        check(verdictBox && firstBox && verdictBox.y < firstBox.y, 'the verdict is not above the results');
        // SLDS prints black on white: the inverse icon would be a blank gap before the verdict, so it is not printed
        const icons = verdict().locator('lightning-icon');
        check(
            !(await icons.count()) || !(await icons.first().isVisible()),
            'the white verdict icon leaves a gap in print'
        );
        const titles = await report().locator('.print-title').allInnerTexts();
        for (const title of titles)
            check(/\S \(\d+ results?[,)]/.test(title), `print heading without its space: "${title}"`);
        check(
            titles.some((t) => /passed, not listed/.test(t)),
            `no area counts its passes: ${titles.join(' | ')}`
        );
        const shown = await report().locator('.shown-count').innerText();
        check(/passed \(counted per area, not listed\)/.test(shown), `print summary: ${shown}`);
        await shot('readiness-report-print', { fullPage: true });
        await page.pdf({ path: path.join(shots, 'readiness-report-print.pdf'), format: 'A4', printBackground: false });
        console.log(`e2e:      print: ${listed} of ${json.results.length} results listed; ${titles.length} areas`);
    });
    await axeCheck('readiness report, print view');
    await step('leaving the print view restores the screen', async () => {
        await page.emulateMedia({ media: null });
        await report().getByRole('button', { name: 'Exit print view', exact: true }).click();
        await report().getByRole('button', { name: 'Export JSON', exact: true }).waitFor({ timeout: TIMEOUT });
    });

    await step(
        'a run saved without API access is exported as incomplete, saying how many results need it',
        async () => {
            await open('org=ready&tab=report&latency=0&connection=not_authenticated');
            await waitForVerdict('Incomplete, not known to be ready for go-live');
            await saveRun();
            const file = await download('Export JSON');
            const exported = JSON.parse(file.text);
            check(exported.summary.verdict === 'incomplete', `summary.verdict ${exported.summary.verdict}`);
            check(exported.summary.blockersNotEvaluated > 0, 'no blocker listed as not evaluated');
            check(
                exported.run.apiAccess === false && exported.run.resultsNeedingApiAccess > 0,
                `run: ${JSON.stringify(exported.run)}`
            );
            check(
                /^Incomplete, not known to be ready: .*Checked without API access: \d+ results could not be evaluated/.test(
                    exported.run.verdictLabel
                ),
                `verdictLabel: ${exported.run.verdictLabel}`
            );
            const csv = await download('Export CSV');
            const Papa = require('papaparse');
            const [row] = Papa.parse(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
            check(
                row['Run verdict'] === 'incomplete' && row['Verdict detail'] === exported.run.verdictLabel,
                `CSV row: ${row['Verdict detail']}`
            );
            console.log(`e2e:      no API access: ${exported.run.verdictLabel.slice(0, 160)}`);
        }
    );

    await step("at 800 px the demo strip fits the window and explains the CLI's blocker count", async () => {
        await open('org=needs-work&tab=report&latency=0');
        await waitForVerdict('Not ready for go-live');
        await page.setViewportSize({ width: 800, height: 900 });
        await page.waitForTimeout(200);
        const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
        check(overflow <= 0, `the page is ${overflow} px wider than the window at 800 px`);
        const note = await page.locator('c-preview-shell .cli-note').innerText();
        check(note.includes(`finds ${want.summary.blockers}`) && note.includes('RT-03'), `demo note: ${note}`);
        console.log(`e2e:      demo note: ${note}`);
        await page.setViewportSize({ width: 1280, height: 900 });
    });
}

// ---------------------------------------------------------------------------------------------------------
// The large org: how long the report takes, in the page's own clock
// ---------------------------------------------------------------------------------------------------------

/** Milliseconds from the last click (captured in the page) until `done` holds, checked every frame. */
async function sinceClickUntil(done, arg) {
    const handle = await page.waitForFunction(
        ([source, a]) => {
            const ok = new Function('arg', `return (${source})(arg)`)(a);
            return ok ? performance.now() - window.__previewLastClick : false;
        },
        [done.toString(), arg],
        { polling: 'raf', timeout: 60000 }
    );
    return handle.jsonValue();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function largeOrgFlow() {
    const want = expected('large');
    await step("Guided Setup pages the large org's trusted-sites step like the report", async () => {
        await open('org=large&tab=setup&latency=0');
        await waitForStep(0);
        await stepButton(3).click();
        await waitForStep(3);
        const checks = guided().locator('c-miaw-step-checks');
        const rows = checks.locator('c-miaw-result-item');
        await rows.first().waitFor({ timeout: TIMEOUT });
        const shown = await rows.count();
        const counts = await checks.locator('.counts').innerText();
        check(shown <= 50 * 2, `the trusted-sites step renders ${shown} results at once`);
        check(!/other/.test(counts), `the counts say "other": ${counts}`);
        const more = checks.getByRole('button', { name: /^Show more \(\d+ more in / });
        check((await more.count()) >= 1, 'the long trusted-sites step has no "Show more"');
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        check(height < 12000, `the trusted-sites step is ${height} px tall`);
        console.log(`e2e:      large org, trusted sites: ${shown} results rendered, ${height} px; ${counts}`);
        // The list itself, where its paging shows (the origin table above it is long on this org).
        await checks.locator('.counts').evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await shot('guided-setup-large-org-paged');
    });

    await step(`the report renders the large org (${want.results} results)`, async () => {
        // Wall clock from Node (the page's clock is fixed for the screenshots): bundle, snapshot, engine, render.
        const opened = Date.now();
        await page.goto(`${baseUrl}?org=large&tab=report&latency=0`, { waitUntil: 'commit' });
        await page.waitForFunction(
            () => {
                const text = document.querySelector('c-preview-shell')?.innerText || '';
                return /Not ready for go-live/.test(text) && /of [\d,]+ results match/.test(text);
            },
            null,
            { polling: 'raf', timeout: 60000 }
        );
        measurements.openToRenderedMs = Date.now() - opened;
        console.log(`e2e:      page open -> large report rendered: ${measurements.openToRenderedMs} ms`);
        await waitForVerdict('Not ready for go-live');
        const banner = await verdict().innerText();
        check(banner.includes(`${want.summary.blockers} blocker`), `banner lacks ${want.summary.blockers} blockers`);
        measurements.resultsInReport = want.results;
        measurements.resultRowsInDom = await report().locator('.result-row').count();
        await shot('readiness-report-large-org');
    });

    await step('time: "Run checks" click to rendered results (large org)', async () => {
        const runs = [];
        for (let i = 0; i < 3; i++) {
            const before = (await apexCalls('getSnapshot')).length;
            await report().getByRole('button', { name: 'Run checks', exact: true }).click();
            runs.push(
                await sinceClickUntil(
                    ({ before: n }) => {
                        const started =
                            (window.__previewApexCalls || []).filter((c) => c.method === 'getSnapshot').length > n;
                        const shell = document.querySelector('c-preview-shell');
                        const text = shell ? shell.innerText : '';
                        return (
                            started &&
                            /of [\d,]+ results match/.test(text) &&
                            !/Running the readiness checks/.test(text)
                        );
                    },
                    { before }
                )
            );
        }
        measurements.runChecksMs = runs.map((ms) => Math.round(ms));
        console.log(`e2e:      Run checks -> results rendered: ${measurements.runChecksMs.join(', ')} ms`);
    });

    await step('time: a filter change (Severity = Blocker, then All) on the large org', async () => {
        const shownText = () => report().locator('.shown-count').innerText();
        const times = [];
        for (const option of ['Blocker', 'All', 'Blocker', 'All']) {
            const before = await shownText();
            const box = report()
                .locator('lightning-combobox')
                .filter({ has: page.getByText('Severity', { exact: true }) });
            await box.getByRole('combobox').click();
            await box.getByRole('option', { name: option, exact: true }).click();
            times.push(
                await sinceClickUntil(
                    ({ before: previous }) => {
                        const el = document
                            .querySelector('c-miaw-readiness-report')
                            ?.shadowRoot?.querySelector('c-miaw-result-list')
                            ?.shadowRoot?.querySelector('.shown-count');
                        const text = el ? el.textContent : null;
                        if (text === null) {
                            const all = document.querySelector('c-preview-shell')?.innerText || '';
                            const m = all.match(/[\d,]+ of [\d,]+ results match[^\n]*/);
                            return m && m[0].trim() !== previous.trim();
                        }
                        return text.trim() !== previous.trim();
                    },
                    { before }
                )
            );
        }
        measurements.filterChangeMs = times.map((ms) => Math.round(ms));
        measurements.filteredText = await shownText();
        console.log(`e2e:      filter change -> list updated: ${measurements.filterChangeMs.join(', ')} ms`);
    });
}

// ---------------------------------------------------------------------------------------------------------
// Accessibility (axe-core, in the page)
// ---------------------------------------------------------------------------------------------------------

/** axe-core in the page; serious or critical violations fail the run, the others are printed. */
async function axeCheck(label) {
    await step(`accessibility (axe-core): ${label}`, async () => {
        await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
        const result = await page.evaluate(async () => {
            const r = await window.axe.run(document, { resultTypes: ['violations'] });
            return r.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                nodes: v.nodes.length,
                help: v.help,
                targets: v.nodes.slice(0, 3).map((n) => n.target.join(' > '))
            }));
        });
        measurements.axe = { ...(measurements.axe || {}), [label]: result };
        const lines = result.map((v) => `${v.impact} ${v.id} (${v.nodes}): ${v.help} [${v.targets.join(' | ')}]`);
        console.log(
            `e2e:      axe (${label}): ${result.length} rule(s) violated${lines.map((l) => `\n             - ${l}`).join('')}`
        );
        const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        check(serious.length === 0, `serious or critical accessibility violations:\n${lines.join('\n')}`);
    });
}

// ---------------------------------------------------------------------------------------------------------

fs.mkdirSync(shots, { recursive: true });
for (const f of fs.readdirSync(shots)) if (f.endsWith('.png')) fs.rmSync(path.join(shots, f));
if (!fs.existsSync(CHROMIUM)) {
    console.log(`e2e: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    process.exit(1);
}
const { server, url: baseUrl } = await startServer(0);
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'miaw-preview-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic'
    ]
});
await context.clock.setFixedTime(FIXED_NOW);
await context.addInitScript(() => {
    window.__previewLastClick = 0;
    window.addEventListener('click', () => (window.__previewLastClick = performance.now()), true);
});
page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(TIMEOUT);
page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') logs.push(`[console.${m.type()}] ${m.text()}`);
});
page.on('pageerror', (e) => problems.push(`[pageerror] ${e.message}`));
page.on('response', (r) => r.status() >= 400 && problems.push(`[http ${r.status()}] ${r.url()}`));

let ok = true;
const t0 = Date.now();
try {
    await reportFirstRun();
    await guidedSetupFlow();
    await axeCheck('guided setup');
    await reportSecondRunAndCompare();
    await workIsKeptFlow();
    await notConnectedFlow();
    await selfTestFlow();
    await axeCheck('guided setup self-test');
    await snippetCheckFlow();
    await reportReadyFlow();
    await axeCheck('readiness report');
    await exportsAndPrintFlow();
    await largeOrgFlow();
    await step('no page errors', async () => check(problems.length === 0, problems.join('\n')));
} catch (e) {
    ok = false;
    if (!e.reported) console.log(`e2e: ${e.stack}`);
} finally {
    if (!ok || process.env.E2E_VERBOSE) {
        [...problems, ...logs].forEach((l) => console.log(`e2e: ${l}`));
    }
    await context.close();
    server.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
}
fs.writeFileSync(path.join(shots, 'measurements.json'), JSON.stringify(measurements, null, 2));
if (measurements.runChecksMs) {
    console.log(
        `e2e: large org (${measurements.resultsInReport} results, ${measurements.resultRowsInDom} rows in the DOM): ` +
            `page open -> rendered ${measurements.openToRenderedMs} ms; ` +
            `Run checks -> rendered median ${median(measurements.runChecksMs)} ms; ` +
            `filter change median ${measurements.filterChangeMs ? median(measurements.filterChangeMs) : '?'} ms`
    );
}
console.log(
    `e2e: ${passed} passed, ${ok ? 0 : 1} failed in ${Math.round((Date.now() - t0) / 1000)} s (screenshots: ${path.relative(repo, shots)})`
);
process.exit(ok ? 0 : 1);
