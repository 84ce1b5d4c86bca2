// Fake of @salesforce/apex/MiawReadinessController.getRun for the local preview (state and rules in orgState.js).
import { call, getRun as rule } from './orgState.js';

export default function getRun(params) {
    return call('getRun', params, rule);
}
