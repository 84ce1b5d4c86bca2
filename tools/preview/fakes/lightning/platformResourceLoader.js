/*
 * Fake of lightning/platformResourceLoader for the local preview: loadScript injects a <script> for the URL (the
 * preview server serves @salesforce/resourceUrl/<name> from force-app/main/default/staticresources) and
 * resolves when it has run. Like the platform, a URL loads once per page.
 */
const loads = new Map();

function load(url, create) {
    if (!loads.has(url)) {
        const promise = new Promise((resolve, reject) => {
            const element = create();
            element.addEventListener('load', () => resolve());
            element.addEventListener('error', () => {
                loads.delete(url);
                reject(new Error(`Could not load ${url}`));
            });
            document.head.appendChild(element);
        });
        loads.set(url, promise);
    }
    return loads.get(url);
}

export function loadScript(_component, url) {
    return load(url, () => {
        const script = document.createElement('script');
        script.src = url;
        script.charset = 'utf-8';
        return script;
    });
}

export function loadStyle(_component, url) {
    return load(url, () => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = url;
        return link;
    });
}
