/*
 * Fake of lightning/platformShowToastEvent for the local preview. The event bubbles out of the component like
 * the platform's; the preview shell listens for it on window and renders the toast.
 */
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast || {} });
    }
}
