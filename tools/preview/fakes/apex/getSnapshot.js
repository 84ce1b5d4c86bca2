// Fake of @salesforce/apex/MiawSnapshotController.getSnapshot for the local preview (state and rules in orgState.js).
import { call, snapshotJson } from './orgState.js';

export default function getSnapshot(params) {
    return call('getSnapshot', params, (data) => snapshotJson(data));
}
