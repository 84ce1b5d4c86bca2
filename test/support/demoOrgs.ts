/*
 * The bundled demo orgs as the CLI reads them: examples/<demo>/force-app through the metadata reader and
 * examples/<demo>/miaw-plan.json through the plan parser. One loader for the demo, fixture and screen tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readMetadataFolder } from '../../cli/read/metadataReader';
import { parseSetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { SetupPlan } from '../../force-app/main/default/lwc/miawReadinessEngine/setupPlan';
import type { OrgSnapshot } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';

export type Demo = 'needs-work' | 'ready';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

export function readDemoPlan(demo: Demo): SetupPlan {
    return parseSetupPlan(JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, demo, 'miaw-plan.json'), 'utf8')));
}

export function readDemo(demo: Demo): { snapshot: OrgSnapshot; plan: SetupPlan } {
    return { snapshot: readMetadataFolder(path.join(EXAMPLES_DIR, demo, 'force-app')), plan: readDemoPlan(demo) };
}
