// Fake of @salesforce/apex/MiawReadinessController.attest for the local preview (state and rules in orgState.js).
import { call, attest as rule } from './orgState.js';

export default function attest(params) {
    return call('attest', params, rule);
}
