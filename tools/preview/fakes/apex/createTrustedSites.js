// Fake of @salesforce/apex/MiawSnapshotController.createTrustedSites for the local preview (state and rules in orgState.js).
import { call, createTrustedSites as rule } from './orgState.js';

export default function createTrustedSites(params) {
    return call('createTrustedSites', params, rule);
}
