// Stands in for a screen (c-miaw-guided-setup, c-miaw-readiness-report) whose compiled bundle is not in build/
// yet, so the preview shell, the fakes and the server can be tried before the screens exist.
import { LightningElement } from 'lwc';

export default class ScreenPlaceholder extends LightningElement {
    get tagName() {
        return this.template.host.tagName.toLowerCase();
    }
}
