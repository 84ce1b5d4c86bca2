// Fake of @salesforce/apex/MiawReadinessController.listRuns for the local preview (state and rules in orgState.js).
import { call, listRuns as rule } from './orgState.js';

export default function listRuns(params) {
    return call('listRuns', params, rule);
}
