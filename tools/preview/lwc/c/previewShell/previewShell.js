/*
 * The preview's stand-in for Lightning Experience: the app's top bar with its two tabs, rendering the real
 * c-miaw-guided-setup and c-miaw-readiness-report, plus preview-only controls (demo org, API connection state),
 * a status line showing where a navigation would have gone, and the toasts the screens raise.
 * URL query: ?org=needs-work|ready|large &tab=setup|report &connection=<state> &latency=<ms>.
 */
import { LightningElement } from 'lwc';
import { CONNECTION_STATES, ORGS, demoNote, setConnection, setOrg, settings } from '../../../fakes/apex/orgState.js';

const TABS = {
    setup: { apiName: 'Miaw_Guided_Setup', label: 'Guided Setup' },
    report: { apiName: 'Miaw_Readiness_Report', label: 'Readiness Report' }
};
const ORG_LABELS = {
    'needs-work': 'Needs work (examples/needs-work)',
    ready: 'Ready (examples/ready)',
    large: 'Large (synthetic, ~1,000 results)'
};
const TOAST_THEMES = { success: 'slds-theme_success', error: 'slds-theme_error', warning: 'slds-theme_warning' };

export default class PreviewShell extends LightningElement {
    tab = new URLSearchParams(window.location.search).get('tab') === 'report' ? 'report' : 'setup';
    org = settings.org;
    connection = settings.connection;
    generation = 0;
    navigationText = 'No navigation yet.';
    /** How the CLI's blocker count on this demo's metadata compares with the org read (empty for the large org). */
    cliNote = '';
    toasts = [];
    toastSeq = 0;

    orgOptions = ORGS.map((value) => ({ value, label: ORG_LABELS[value] }));
    connectionOptions = CONNECTION_STATES.map((value) => ({ value, label: value.replace(/_/g, ' ') }));

    connectedCallback() {
        this.onNavigate = (event) => this.handleNavigate(event.detail);
        this.onToast = (event) => this.handleToast(event.detail);
        window.addEventListener('previewnavigate', this.onNavigate);
        window.addEventListener('lightning__showtoast', this.onToast);
        this.loadNote();
    }

    async loadNote() {
        const org = this.org;
        try {
            const note = await demoNote();
            if (org === this.org) this.cliNote = note;
        } catch {
            this.cliNote = '';
        }
    }

    disconnectedCallback() {
        window.removeEventListener('previewnavigate', this.onNavigate);
        window.removeEventListener('lightning__showtoast', this.onToast);
    }

    /** One entry whose key changes on every org/connection switch, so the screens start over on the new org. */
    get mounts() {
        return [{ key: `${this.org}|${this.connection}|${this.tab}|${this.generation}` }];
    }

    get isGuidedSetup() {
        return this.tab === 'setup';
    }

    get guidedSetupItemClass() {
        return `slds-context-bar__item${this.tab === 'setup' ? ' slds-is-active' : ''}`;
    }

    get readinessReportItemClass() {
        return `slds-context-bar__item${this.tab === 'report' ? ' slds-is-active' : ''}`;
    }

    get guidedSetupCurrent() {
        return this.tab === 'setup' ? 'page' : null;
    }

    get readinessReportCurrent() {
        return this.tab === 'report' ? 'page' : null;
    }

    get hasToasts() {
        return this.toasts.length > 0;
    }

    openGuidedSetup(event) {
        event.preventDefault();
        this.showTab('setup');
    }

    openReadinessReport(event) {
        event.preventDefault();
        this.showTab('report');
    }

    showTab(tab) {
        this.tab = tab;
        this.syncUrl();
    }

    handleOrgChange(event) {
        setOrg(event.detail.value);
        this.org = settings.org;
        this.generation += 1;
        this.cliNote = '';
        this.loadNote();
        this.syncUrl();
    }

    handleConnectionChange(event) {
        setConnection(event.detail.value);
        this.connection = settings.connection;
        this.generation += 1;
        this.syncUrl();
    }

    syncUrl() {
        const query = new URLSearchParams(window.location.search);
        query.set('org', this.org);
        query.set('tab', this.tab);
        if (this.connection === 'connected') query.delete('connection');
        else query.set('connection', this.connection);
        window.history.replaceState(null, '', `?${query.toString()}`);
    }

    handleNavigate({ pageReference, url }) {
        const apiName = pageReference && pageReference.attributes && pageReference.attributes.apiName;
        const tab = Object.keys(TABS).find((key) => TABS[key].apiName === apiName);
        if (pageReference && pageReference.type === 'standard__navItemPage' && tab) {
            this.navigationText = `Opened tab: ${TABS[tab].label} (${url})`;
            this.showTab(tab);
        } else if (typeof url === 'string' && url.startsWith('/lightning/setup/')) {
            this.navigationText = `Would open Setup: ${url}`;
        } else {
            this.navigationText = `Would open: ${url}`;
        }
    }

    handleToast(toast) {
        let message = toast.message || '';
        (toast.messageData || []).forEach((item, i) => {
            const text = typeof item === 'string' ? item : item.label || item.url || '';
            message = message.replace(`{${i}}`, text);
        });
        this.toastSeq += 1;
        const variant = toast.variant || 'info';
        this.toasts = [
            ...this.toasts,
            {
                key: this.toastSeq,
                title: toast.title || '',
                message,
                className: `slds-notify slds-notify_toast ${TOAST_THEMES[variant] || 'slds-theme_info'}`
            }
        ];
    }

    closeToast(event) {
        const key = Number(event.currentTarget.dataset.key);
        this.toasts = this.toasts.filter((t) => t.key !== key);
    }
}
