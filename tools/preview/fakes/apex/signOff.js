// Fake of @salesforce/apex/MiawReadinessController.signOff for the local preview (state and rules in orgState.js).
import { call, signOff as rule } from './orgState.js';

export default function signOff(params) {
    return call('signOff', params, rule);
}
