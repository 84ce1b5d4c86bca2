/*
 * What admins read cites public documents by title, never the team's internal numbering of its source texts
 * (seed numbers, line numbers, "gotcha", "research"): every area, every spec source, every result text.
 */
import { AREA_ORDER, CHECK_SPECS } from '../checkCatalog';
import { runReadiness } from '../miawReadinessEngine';
import { readSection } from '../snapshot';
import { healthyPlan, healthySnapshot } from './fixtures';

const AREAS: readonly string[] = AREA_ORDER;
const INTERNAL = /\b(seed|000|001|002|003|L\d{3,4}|gotcha|research)\b/i;

describe('every check cites public documents', () => {
    it('every spec source names a document (with its URL when it has one), never internal numbering', () => {
        const specs = CHECK_SPECS.filter((s) => AREAS.includes(s.area));
        expect(specs.length).toBe(CHECK_SPECS.length);
        for (const s of specs) {
            expect(`${s.id} ${s.source}`).not.toMatch(INTERNAL);
            expect(s.source).toMatch(
                /Salesforce|Enhanced|Metadata API|Tooling API|Trusted URLs|Observed|practice|guidance/
            );
        }
    });

    it('no result message or remediation carries internal numbering, on passing and failing orgs', () => {
        const broken = healthySnapshot();
        broken.corsEntries = readSection([]);
        broken.cspTrustedSites = readSection([]);
        broken.deployments = readSection(broken.deployments.items.map((d) => ({ ...d, isEnabled: false })));
        const plans = [healthyPlan(), healthyPlan({ widgetOrigins: ['https://acme.my.site.com'] })];
        for (const snapshot of [healthySnapshot(), broken]) {
            for (const plan of plans) {
                for (const r of runReadiness(snapshot, plan).results.filter((x) => AREAS.includes(x.area))) {
                    expect(`${r.checkId} ${r.message} ${r.remediation}`).not.toMatch(INTERNAL);
                }
            }
        }
    });
});
