// Fake of @salesforce/apex/MiawReadinessController.saveTestChecklist for the local preview (rules in orgState.js).
import { call, saveTestChecklist as rule } from './orgState.js';

export default function saveTestChecklist(params) {
    return call('saveTestChecklist', params, rule);
}
