#!/usr/bin/env bash
# Rebuilds JPlag's report viewer into frontend/src/main/resources/jplag-viewer from JPlag's own sources.
# No Maven artifact carries the viewer (JPlag bundles it only into the CLI jar of its GitHub releases), so the
# built files are kept in the repository; this script is how they were made, and how to remake them when the
# JPlag version in pom.xml (jplag.version) changes. JplagViewerBundleTest fails while the two differ.
#
#   frontend/jplag-viewer/build.sh /path/to/JPlag-clone [tag]      (needs git, Node 20+ and npm; npm's registry)
set -euo pipefail
src=${1:?"a clone of https://github.com/jplag/JPlag"}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tag=${2:-v$(sed -n 's:.*<jplag.version>\(.*\)</jplag.version>.*:\1:p' "$repo/pom.xml")}
out="$repo/frontend/src/main/resources/jplag-viewer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git -C "$src" archive "$tag" report-viewer LICENSE | tar -x -C "$work"
cd "$work/report-viewer"
# The lock file pins every package; no install scripts run (none is needed to build).
npm ci --ignore-scripts --no-audit --no-fund
# Lectern serves it under /jplag-viewer/ (JPlagViewer in org.lectern.ui.plagiarism).
npx vite build --base=/jplag-viewer/
rm -rf "$out"
mkdir -p "$out"
cp -r dist/index.html dist/favicon.ico dist/assets "$out/"
cp "$work/LICENSE" "$out/LICENSE"
echo "JPlag report viewer $tag ($(git -C "$src" rev-parse "$tag^{commit}")) built into $out"
