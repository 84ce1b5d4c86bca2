#!/usr/bin/env bash
# Every offline gate and test, in the order a failure is cheapest to find. Each stage runs even when an
# earlier one failed, so one run shows every problem; the last line is "ci: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export SF_DISABLE_TELEMETRY=true SF_SKIP_NEW_VERSION_CHECK=true SF_AUTOUPDATE_DISABLE=true
passed=0
failed=0
failures=()
stage() {
    local name="$1"
    shift
    local t0=$SECONDS
    echo "::: $name"
    if "$@"; then
        passed=$((passed + 1))
        echo "::: $name OK ($((SECONDS - t0))s)"
    else
        failed=$((failed + 1))
        failures+=("$name")
        echo "::: $name FAILED ($((SECONDS - t0))s)"
    fi
}
# The demo command of the README must report the demo's defects and exit 1 (exit 2 would be a usage error).
demo_reports_defects() {
    local code=0
    node bin/miaw-readiness.cjs --source-dir examples/needs-work/force-app --plan examples/needs-work/miaw-plan.json \
        --format json >build/demo-report.json || code=$?
    [ "$code" -eq 1 ] || { echo "demo exited $code, expected 1"; return 1; }
    node -e "const r=require('./build/demo-report.json'); if (r.summary.verdict!=='not_ready') process.exit(1); console.log('demo verdict', r.summary.verdict, JSON.stringify(r.summary))"
}
# The app's screens in headless Chromium against the preview's fake org (docs/preview.md); skipped, not failed,
# on a machine without Chromium.
preview_e2e() {
    local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
    if [ ! -x "$chromium" ]; then
        echo "e2e SKIPPED: no Chromium at $chromium (apt-get install -y chromium, or set CHROMIUM_PATH)"
        return 0
    fi
    CHROMIUM_PATH="$chromium" bash scripts/preview.sh e2e --skip-build
}
ready_demo_is_ready() {
    node bin/miaw-readiness.cjs --source-dir examples/ready/force-app --plan examples/ready/miaw-plan.json --format text --no-color
}

[ -d node_modules ] || { echo "node_modules missing: run npm ci first"; exit 2; }
mkdir -p build
stage "format (prettier: TS, HTML, Apex, XML, JSON)" npx prettier --check .
stage "lint (eslint)" npx eslint .
stage "types (tsc: LWC + CLI)" bash -c "npx tsc -p tsconfig.json && npx tsc -p tsconfig.cli.json"
stage "unit tests (jest + coverage)" npx sfdx-lwc-jest --coverage -- --ci
stage "apex syntax (apex-parser)" node scripts/apex-syntax.cjs force-app
stage "apex semantics (apex-ls, API 65)" bash scripts/apex-semantic.sh
stage "apex PMD (severity <= 2 fails)" node scripts/apex-pmd.cjs force-app
stage "metadata XML (Metadata API types, package rules)" node scripts/validate-metadata.cjs force-app config examples/needs-work/force-app examples/ready/force-app
stage "build (tsc -> JS, LWC compile, SDR convert)" node scripts/build.cjs
stage "e2e (preview in headless Chromium)" preview_e2e
stage "demo: needs-work reports its defects (exit 1)" demo_reports_defects
stage "demo: ready passes (exit 0)" ready_demo_is_ready
# After the build stage, which empties build/: pack:cli writes the tarball there.
stage "cli package: pack, install in an empty folder, scan the demo" node scripts/cli-package-test.cjs
echo "failed stages: ${failures[*]:-none}"
echo "ci: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
