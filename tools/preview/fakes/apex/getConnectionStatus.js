// Fake of @salesforce/apex/MiawSnapshotController.getConnectionStatus for the local preview (state and rules in orgState.js).
import { call, connectionStatus } from './orgState.js';

export default function getConnectionStatus(params) {
    return call('getConnectionStatus', params, (data) => connectionStatus(data));
}
