/*
 * A stand-in for Enhanced Web Chat's bootstrap.min.js, served by the fake Salesforce site host in
 * test/probeBrowser.test.ts. Not Salesforce's code: it only does what the browser pass watches for. init() calls
 * the messaging (SCRT) host the way the widget must (a cross-origin fetch, so the page's CSP connect-src and the
 * host's CORS answer both apply); when that succeeds it mounts a launcher button with the id and class live
 * deployments use and dispatches onEmbeddedMessagingButtonCreated and onEmbeddedMessagingReady on window; when it
 * fails it logs a console error, as a widget that cannot reach Salesforce does.
 */
(function () {
    'use strict';
    function mountButton() {
        var wrapper = document.createElement('div');
        wrapper.id = 'embedded-messaging';
        wrapper.className = 'embedded-messaging';
        var button = document.createElement('button');
        button.id = 'embeddedMessagingConversationButton';
        button.className = 'embeddedMessagingConversationButton';
        button.type = 'button';
        button.textContent = 'Chat with us';
        wrapper.appendChild(button);
        document.body.appendChild(wrapper);
    }
    window.embeddedservice_bootstrap = {
        settings: { language: 'en_US' },
        init: function (orgId, deploymentName, siteUrl, options) {
            var scrt = options && options.scrt2URL;
            if (!orgId || !deploymentName || !siteUrl || !scrt) {
                console.error(
                    'embeddedservice_bootstrap: init needs the org Id, deployment name, site URL and scrt2URL'
                );
                return;
            }
            var url = scrt + '/embeddedservice/v1/businesshours?orgId=' + encodeURIComponent(orgId);
            fetch(url, { mode: 'cors' })
                .then(function (response) {
                    if (!response.ok) throw new Error('HTTP ' + response.status);
                    return response.json();
                })
                .then(function () {
                    mountButton();
                    window.dispatchEvent(new CustomEvent('onEmbeddedMessagingButtonCreated'));
                    window.dispatchEvent(new CustomEvent('onEmbeddedMessagingReady'));
                })
                .catch(function (err) {
                    console.error('embeddedservice_bootstrap: could not reach the messaging service: ' + err.message);
                });
        }
    };
})();
