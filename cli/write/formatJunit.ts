/*
 * JUnit XML for CI test tabs (Jenkins, GitLab, Azure DevOps): one <testsuite> per area, one <testcase>
 * per result (classname = area, name = "checkId subject"). fail → <failure type=severity>; an in-scope
 * blocker that was not evaluated → <error type="not-evaluated"> (it makes the verdict incomplete and the
 * gate fail, so the CI test tab must show it, not hide it among skipped tests; "error" is JUnit's word
 * for a test that could not run); other not_evaluated results and manual → <skipped>. Read problems become <error> test cases in a "Read problems" suite so a
 * malformed metadata file is visible in the CI test view. Built with XMLBuilder (it escapes markup);
 * control characters XML cannot carry are stripped first.
 */
import { XMLBuilder } from 'fast-xml-parser';
import { AREA_TITLES } from '../../force-app/main/default/lwc/miawReadinessEngine/checkCatalog';
import { ORG_SCOPE, evidenceOf } from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import type {
    CheckResult,
    Evidence,
    ReadinessReport
} from '../../force-app/main/default/lwc/miawReadinessEngine/result';
import type { ReadProblem } from '../../force-app/main/default/lwc/miawReadinessEngine/snapshot';
import { fileRef, groupByArea } from './formatContext';
import type { FormatContext } from './formatContext';
import { xmlSafe } from './xmlText';

type XmlNode = Record<string, unknown>;

interface Counts {
    tests: number;
    failures: number;
    errors: number;
    skipped: number;
}

function failureBody(r: CheckResult): string {
    const lines = [r.message];
    if (r.remediation) lines.push(`Fix: ${r.remediation}`);
    if (r.setupPath) lines.push(`Setup: ${r.setupPath}`);
    const file = fileRef(r.location);
    if (file) lines.push(`File: ${file}`);
    if (r.source) lines.push(`Source: ${r.source}`);
    return xmlSafe(lines.join('\n'));
}

/** An in-scope blocker that was not evaluated: it holds the verdict at incomplete. */
function blocksVerdict(r: CheckResult, scope: readonly Evidence[]): boolean {
    return r.severity === 'blocker' && scope.includes(evidenceOf(r));
}

function testcase(r: CheckResult, scope: readonly Evidence[]): XmlNode {
    const node: XmlNode = { '@_classname': xmlSafe(r.area), '@_name': xmlSafe(`${r.checkId} ${r.subject}`) };
    const file = r.location?.file;
    if (file) node['@_file'] = xmlSafe(file);
    if (r.status === 'fail') {
        node.failure = { '@_message': xmlSafe(r.message), '@_type': r.severity, '#text': failureBody(r) };
    } else if (r.status === 'not_evaluated' && blocksVerdict(r, scope)) {
        node.error = {
            '@_message': xmlSafe(`Not evaluated, so the verdict is incomplete: ${r.message}`),
            '@_type': 'not-evaluated',
            '#text': xmlSafe([r.message, r.remediation ? `How: ${r.remediation}` : ''].filter(Boolean).join('\n'))
        };
    } else if (r.status === 'not_evaluated') {
        node.skipped = { '@_message': xmlSafe(`Not evaluated: ${r.message}`) };
    } else if (r.status === 'manual') {
        node.skipped = { '@_message': xmlSafe(`Manual check: ${r.remediation || r.message}`) };
    }
    return node;
}

function countOf(results: readonly CheckResult[], scope: readonly Evidence[]): Counts {
    const errors = results.filter((r) => r.status === 'not_evaluated' && blocksVerdict(r, scope)).length;
    return {
        tests: results.length,
        failures: results.filter((r) => r.status === 'fail').length,
        errors,
        skipped: results.filter((r) => r.status === 'not_evaluated' || r.status === 'manual').length - errors
    };
}

function countAttrs(c: Counts): XmlNode {
    return { '@_tests': c.tests, '@_failures': c.failures, '@_errors': c.errors, '@_skipped': c.skipped };
}

function problemSuite(problems: readonly ReadProblem[]): XmlNode {
    return {
        '@_name': 'Read problems',
        ...countAttrs({ tests: problems.length, failures: 0, errors: problems.length, skipped: 0 }),
        testcase: problems.map((p) => ({
            '@_classname': 'READ',
            '@_name': xmlSafe(fileRef(p) ?? p.file),
            '@_file': xmlSafe(p.file),
            error: { '@_message': xmlSafe(p.message), '@_type': 'read-problem', '#text': xmlSafe(p.message) }
        }))
    };
}

export function formatJunit(report: ReadinessReport, ctx: FormatContext): string {
    const scope = report.summary.scope ?? ORG_SCOPE;
    const suites: XmlNode[] = groupByArea(report.results).map(([area, results]) => ({
        '@_name': AREA_TITLES[area] ?? area,
        ...countAttrs(countOf(results, scope)),
        testcase: results.map((r) => testcase(r, scope))
    }));
    const total = countOf(report.results, scope);
    if (ctx.problems.length > 0) {
        suites.push(problemSuite(ctx.problems));
        total.tests += ctx.problems.length;
        total.errors += ctx.problems.length;
    }
    const doc: XmlNode = {
        '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
        testsuites: { '@_name': 'miaw-readiness', ...countAttrs(total), testsuite: suites }
    };
    const builder = new XMLBuilder({
        ignoreAttributes: false,
        attributeNamePrefix: '@_',
        format: true,
        indentBy: '  ',
        suppressEmptyNode: true
    });
    return builder.build(doc) as string;
}
