/*
 * GL — go-live attestations (CHECKS.md "GL"): what only a person can confirm (the community setup guide's review checklist,
 * checked against current Help). Each is one `manual` result about "go-live"; the sign-off records who confirmed it and when.
 * DP-07 (republished) belongs to the deployment checks; GL-05 is its go-live attestation.
 */
import { manual } from './checkKit';
import type { CheckContext } from './checkKit';
import type { CheckResult } from './result';

const SUBJECT = 'go-live';

// GL-01
function endToEndTest(): CheckResult {
    return manual(
        'GL-01',
        SUBJECT,
        'Confirm that an end-to-end test in a sandbox created a Messaging Session, routed it to the messaging queue and an agent picked it up in the console.',
        'In a sandbox, open the website as a customer and start a chat. In another browser, log in as an agent, go online in Omni-Channel with the messaging presence status, accept the chat and exchange messages both ways.'
    );
}

// GL-02
function offHoursResponse(): CheckResult {
    return manual(
        'GL-02',
        SUBJECT,
        'Confirm that the off-hours behaviour is configured (an automated message from the routing flow, or the chat button hidden by business hours) and was tested outside business hours.',
        'Outside the business hours on the deployment (or with test hours set to exclude now), start a chat and check that the customer gets the off-hours message or that the button is hidden as intended.'
    );
}

// GL-03: Help says to add the deployment's code snippet to each page; the Spring '23 guide placed it before
// </body> and only the optional meta tag in <head>. Experience Builder sites use the Embedded Messaging component.
function snippetPlacement(): CheckResult {
    return manual(
        'GL-03',
        SUBJECT,
        "Confirm that the deployment's code snippet is on every page where chat should appear, inside the page body (Salesforce's setup guide places it just before the closing </body> tag, not in the header), with a valid language code for the language setting. On an Experience Builder site the Embedded Messaging component replaces the snippet.",
        'Copy the snippet from Setup > Embedded Service Deployments > your deployment > Code Snippet. Open each page, view its source and check that the snippet is there, just before </body>, and that its language value (e.g. "en_US") is a supported language code; only the optional responsive meta tag belongs in <head>. Then check the chat button loads.'
    );
}

// GL-04
function preChatMapping(): CheckResult {
    return manual(
        'GL-04',
        SUBJECT,
        'Confirm that pre-chat values reach the record: a test chat with every pre-chat field filled shows each value on the Messaging Session (or the Contact/Case the flow updates).',
        'Start a test chat, fill each pre-chat field (and set the hidden fields from the page), then open the resulting Messaging Session record and compare each field with what was entered.'
    );
}

// GL-05
function republished(): CheckResult {
    return manual(
        'GL-05',
        SUBJECT,
        'Confirm that the Embedded Service deployment was published after its last change (and after enhanced domains were enabled); no API shows whether it was.',
        'In Setup > Embedded Service Deployments, open the deployment and click Publish; wait up to 10 minutes for caches to clear, then reload the website and check the change is live.'
    );
}

export function runGoLiveChecks(_ctx: CheckContext): CheckResult[] {
    return [endToEndTest(), offHoursResponse(), snippetPlacement(), preChatMapping(), republished()];
}
