// Fake of @salesforce/apex/MiawReadinessController.getSetupPlan for the local preview (state in orgState.js).
import { call } from './orgState.js';

export default function getSetupPlan(params) {
    return call('getSetupPlan', params, (data) => data.plan);
}
