// Fake of @salesforce/apex/MiawReadinessController.saveRun for the local preview (state and rules in orgState.js).
import { call, saveRun as rule } from './orgState.js';

export default function saveRun(params) {
    return call('saveRun', params, rule);
}
