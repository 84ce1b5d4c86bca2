import { createElement } from '@lwc/engine-dom';
import MiawSelfTest from 'c/miawSelfTest';
import { runSelfTest } from 'c/miawSetupAssistantApi';
import type { SelfTestResult } from 'c/miawSetupAssistantApi';
import { orderedPaths, reportText, summaryText } from '../selfTestReport';

jest.mock('c/miawSetupAssistantApi', () => ({
    runSelfTest: jest.fn(),
    errorMessage: jest.requireActual('c/miawSetupAssistantApi').errorMessage
}));

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const mocked = (fn: unknown) => fn as jest.Mock;

/** Shaped like MiawSelfTestService's answer in an org where the credential was never authenticated. */
const NOT_AUTHENTICATED: SelfTestResult = {
    organizationId: '00D5e000000AcmeEAC',
    myDomainUrl: 'https://acme.my.salesforce.com',
    userName: 'ada@acme.example',
    apiVersion: 'v65.0',
    namespacePrefix: '',
    packageVersion: 'unknown: needs the API connection (Tooling API)',
    ranAt: '2026-03-02T09:30:00Z',
    paths: [
        { id: 'soql.queues', kind: 'soql', label: 'Queues (Group)', status: 'pass', detail: '4 rows read', fix: '' },
        {
            id: 'soql.messagingChannels',
            kind: 'soql',
            label: 'Messaging channels (MessagingChannel)',
            status: 'note',
            detail: 'object not present: MessagingChannel — turn on Messaging for In-App and Web (Setup > Messaging for In-App and Web Settings)',
            fix: 'Turn on Messaging for In-App and Web when you set it up (Setup > Messaging for In-App and Web Settings); until then the checks that need it are not evaluated.'
        },
        {
            id: 'credential',
            kind: 'credential',
            label: 'Named Credential and identity provider URLs',
            status: 'pass',
            detail: 'All point at https://acme.my.salesforce.com.',
            fix: ''
        },
        {
            id: 'tooling',
            kind: 'tooling',
            label: 'Tooling API through the credential (Embedded Service deployments)',
            status: 'fail',
            detail: 'HTTP 401 INVALID_SESSION_ID: Session expired or invalid',
            fix: 'You have not authenticated the credential yet. Open your personal settings > External Credentials (Personal settings > External Credentials; docs/apex-data-layer.md, "Connected mode", step 5)'
        },
        {
            id: 'metadata',
            kind: 'metadata',
            label: 'Metadata API through the credential (readMetadata of one tab)',
            status: 'fail',
            detail: 'sf:INVALID_SESSION_ID: INVALID_SESSION_ID: Invalid Session ID found in SessionHeader',
            fix: 'The Metadata API refused the token even after a refresh. Authenticate the credential.'
        }
    ]
};

function render() {
    const element = createElement('c-miaw-self-test', { is: MiawSelfTest }) as any;
    document.body.appendChild(element);
    return { element, root: element.shadowRoot as ShadowRoot };
}

function button(root: ShadowRoot, label: string): any {
    return Array.from(root.querySelectorAll('lightning-button')).find((b: any) => b.label === label);
}

async function run(root: ShadowRoot, label = 'Run self-test') {
    button(root, label).click();
    await flush();
    await flush();
}

describe('c-miaw-self-test', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('runs on request and lists each path, failures first, with what Salesforce said and the fix', async () => {
        mocked(runSelfTest).mockResolvedValue(NOT_AUTHENTICATED);
        const { element, root } = render();
        expect(root.querySelector('table')).toBeNull();
        expect(runSelfTest).not.toHaveBeenCalled();

        await run(root);
        expect(runSelfTest).toHaveBeenCalledTimes(1);
        expect(text(root.querySelector('.self-test-summary'))).toBe(
            '2 failed, 1 passed with a note, 2 passed (5 read paths)'
        );
        const headers = Array.from(root.querySelectorAll('thead th')).map(text);
        expect(headers).toEqual(['Read path', 'Result', 'What Salesforce said', 'Fix']);
        const rows = Array.from(root.querySelectorAll('tbody tr'));
        expect(rows.map((r) => text(r.querySelector('th[scope="row"]')))).toEqual([
            'Tooling API through the credential (Embedded Service deployments)',
            'Metadata API through the credential (readMetadata of one tab)',
            'Messaging channels (MessagingChannel)',
            'Queues (Group)',
            'Named Credential and identity provider URLs'
        ]);
        const tooling = rows[0].querySelectorAll('td');
        expect(text(tooling[0])).toBe('Fail');
        expect(text(tooling[1])).toBe('HTTP 401 INVALID_SESSION_ID: Session expired or invalid');
        expect(text(tooling[2])).toContain('Open your personal settings > External Credentials');
        expect(text(rows[2].querySelectorAll('td')[0])).toBe('Pass, with a note');
        expect(text(rows[3].querySelectorAll('td')[2])).toBe('—');
        expect(text(root.querySelector('caption'))).toBe('Self-test results, failures first');
        expect(button(root, 'Run self-test again')).toBeTruthy();
        await expect(element).toBeAccessible();
    });

    it('copies a plain-text report a maintainer can act on', async () => {
        mocked(runSelfTest).mockResolvedValue(NOT_AUTHENTICATED);
        const writeText = jest.fn().mockResolvedValue(undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
        const { root } = render();
        await run(root);
        button(root, 'Copy report').click();
        await flush();

        const report: string = writeText.mock.calls[0][0];
        expect(report).toContain('Org ID: 00D5e000000AcmeEAC');
        expect(report).toContain('API version: v65.0');
        expect(report).toContain('Package version: unknown: needs the API connection (Tooling API)');
        expect(report).toContain('Namespace: (none)');
        expect(report).toContain(
            '[Fail] Tooling API through the credential (Embedded Service deployments) (tooling)\n' +
                '    Salesforce said: HTTP 401 INVALID_SESSION_ID: Session expired or invalid\n' +
                '    Fix: You have not authenticated the credential yet.'
        );
        expect(report.indexOf('[Fail]')).toBeLessThan(report.indexOf('[Pass]'));
        expect(text(root.querySelector('.copy-message'))).toBe(
            'The self-test report is on the clipboard: paste it into your message to the maintainers.'
        );
    });

    it('shows the report to copy by hand when the browser refuses the clipboard', async () => {
        mocked(runSelfTest).mockResolvedValue(NOT_AUTHENTICATED);
        Object.defineProperty(navigator, 'clipboard', {
            value: { writeText: jest.fn().mockRejectedValue(new Error('denied')) },
            configurable: true
        });
        const { root } = render();
        await run(root);
        button(root, 'Copy report').click();
        await flush();
        await flush();
        expect(text(root.querySelector('.copy-message'))).toBe(
            'This browser did not allow copying. Select the report below and copy it.'
        );
        const fallback = root.querySelector('lightning-textarea') as any;
        expect(fallback.label).toBe('Self-test report');
        expect(fallback.value).toBe(reportText(NOT_AUTHENTICATED));
    });

    it('says in words when the self-test itself could not run, and keeps the button', async () => {
        mocked(runSelfTest).mockRejectedValue({
            body: { message: 'The self-test could not run: Apex CPU time limit exceeded' }
        });
        const { root } = render();
        await run(root);
        expect(text(root.querySelector('[role="alert"]'))).toBe(
            'The self-test could not run: The self-test could not run: Apex CPU time limit exceeded'
        );
        expect(root.querySelector('table')).toBeNull();
        expect(button(root, 'Run self-test').disabled).toBe(false);
    });
});

describe('selfTestReport', () => {
    it('orders failures, then not run, notes and passes, stably', () => {
        const ids = orderedPaths([
            { ...NOT_AUTHENTICATED.paths[0], id: 'a' },
            { ...NOT_AUTHENTICATED.paths[3], id: 'b', status: 'not_run' },
            { ...NOT_AUTHENTICATED.paths[3], id: 'c' },
            { ...NOT_AUTHENTICATED.paths[1], id: 'd' },
            { ...NOT_AUTHENTICATED.paths[4], id: 'e' }
        ]).map((p) => p.id);
        expect(ids).toEqual(['c', 'e', 'b', 'd', 'a']);
    });

    it('summarises an all-pass run without zero counts', () => {
        expect(summaryText([NOT_AUTHENTICATED.paths[0], NOT_AUTHENTICATED.paths[2]])).toBe('2 passed (2 read paths)');
    });

    it('names the namespace when there is one', () => {
        expect(reportText({ ...NOT_AUTHENTICATED, namespacePrefix: 'miaw' })).toContain('Namespace: miaw\n');
    });
});
