/*
 * Fake of lightning/navigation for the local preview. Nothing leaves the page: each navigation is recorded in
 * window.__previewNavigations and announced with a "previewnavigate" window event; the preview shell shows it
 * in its status line ("Would open Setup: /lightning/setup/...") and switches tabs for the app's own tabs.
 */
const Navigate = Symbol('NavigationMixin.Navigate');
const GenerateUrl = Symbol('NavigationMixin.GenerateUrl');

/** The URL Lightning Experience would open for a page reference. */
export function urlOf(pageReference) {
    const ref = pageReference || {};
    const a = ref.attributes || {};
    switch (ref.type) {
        case 'standard__webPage':
            return a.url;
        case 'standard__navItemPage':
            return `/lightning/n/${a.apiName}`;
        case 'standard__objectPage':
            return `/lightning/o/${a.objectApiName}/${a.actionName || 'home'}`;
        case 'standard__recordPage':
            return `/lightning/r/${a.objectApiName || 'sObject'}/${a.recordId}/${a.actionName || 'view'}`;
        case 'standard__namedPage':
            return `/lightning/page/${a.pageName}`;
        default:
            return `(page reference ${JSON.stringify(ref)})`;
    }
}

const navigations = (window.__previewNavigations = window.__previewNavigations || []);

export function NavigationMixin(Base) {
    return class extends Base {
        [Navigate](pageReference, replace) {
            const entry = { pageReference, replace: !!replace, url: urlOf(pageReference) };
            navigations.push(entry);
            window.dispatchEvent(new CustomEvent('previewnavigate', { detail: entry }));
        }

        [GenerateUrl](pageReference) {
            return Promise.resolve(urlOf(pageReference));
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** Wire adapter: the page the component sits on (the app's tab). */
export class CurrentPageReference {
    constructor(callback) {
        this.callback = callback;
    }

    connect() {
        const tab = new URLSearchParams(window.location.search).get('tab') === 'report';
        this.callback({
            type: 'standard__navItemPage',
            attributes: { apiName: tab ? 'Miaw_Readiness_Report' : 'Miaw_Guided_Setup' },
            state: {}
        });
    }

    update() {}

    disconnect() {}
}
