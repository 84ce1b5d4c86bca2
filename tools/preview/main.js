// Entry of the preview bundle: synthetic shadow (as in Lightning Experience), then the app shell.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import PreviewShell from 'c/previewShell';

document.getElementById('root').appendChild(createElement('c-preview-shell', { is: PreviewShell }));
window.__previewReady = true;
