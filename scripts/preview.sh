#!/usr/bin/env bash
# The org-less preview of the app (docs/preview.md).
#   bash scripts/preview.sh build        build (scripts/build.cjs) + preview data + bundle into build/preview
#   bash scripts/preview.sh serve        build, then serve on http://127.0.0.1:4173 until Ctrl-C
#   bash scripts/preview.sh e2e          build, then the end-to-end test in headless Chromium (screenshots in
#                                        build/screenshots)
#   bash scripts/preview.sh screenshots  e2e, then copy build/screenshots/*.png to docs/screenshots
# --skip-build reuses build/ from an earlier `node scripts/build.cjs` (ci.sh runs it in its build stage).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-serve}"
skip_build=false
for arg in "${@:2}"; do
    case "$arg" in
        --skip-build) skip_build=true ;;
        *) echo "preview: unknown option $arg" >&2; exit 2 ;;
    esac
done

bundle() {
    if [ "$skip_build" = false ] || [ ! -d build/force-app ]; then
        # A build problem elsewhere (an Apex file, say) should not stop a look at the screens; the e2e still fails.
        if ! node scripts/build.cjs; then
            [ "$mode" = serve ] && [ -d build/force-app ] || exit 1
            echo "preview: WARNING: the build reported problems (above); serving the LWCs it compiled"
        fi
    fi
    npx tsx tools/preview/prepareData.ts
    local t0=$SECONDS
    npx rollup -c tools/preview/rollup.config.mjs --silent
    echo "preview: bundled build/preview/bundle.js in $((SECONDS - t0))s"
}

case "$mode" in
    build) bundle ;;
    serve)
        bundle
        exec node tools/preview/server.mjs --port "${PREVIEW_PORT:-4173}"
        ;;
    e2e)
        bundle
        node tools/preview/e2e.mjs
        ;;
    screenshots)
        bundle
        node tools/preview/e2e.mjs
        mkdir -p docs/screenshots
        cp build/screenshots/*.png docs/screenshots/
        echo "preview: docs/screenshots refreshed ($(ls build/screenshots/*.png | wc -l) files)"
        ;;
    *) echo "usage: bash scripts/preview.sh build|serve|e2e|screenshots [--skip-build]" >&2; exit 2 ;;
esac
