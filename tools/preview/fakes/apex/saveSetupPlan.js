// Fake of @salesforce/apex/MiawReadinessController.saveSetupPlan for the local preview (state and rules in orgState.js).
import { call, saveSetupPlan as rule } from './orgState.js';

export default function saveSetupPlan(params) {
    return call('saveSetupPlan', params, rule);
}
