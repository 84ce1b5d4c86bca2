// Fake of @salesforce/apex/MiawSnapshotController.getOrgContext for the local preview (state and rules in orgState.js).
import { call, orgContext } from './orgState.js';

export default function getOrgContext(params) {
    return call('getOrgContext', params, (data) => orgContext(data));
}
