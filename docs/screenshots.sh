#!/usr/bin/env bash
# Takes the screenshots of docs/user-guide.md: the real workbench under Xvfb, with a copy of docs/examples, each
# view in turn (tests/batou.ui.tests, class WorkbenchScreenshots, which the normal test run leaves out: its name
# is not a test's), saved as PNG into docs/images.
#
#   docs/screenshots.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=$root/docs/images
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1440x900x24" ./mvnw -B -ntp -o verify \
  -pl target-platform,bundles/batou.template,bundles/batou.model,bundles/batou.lib,bundles/batou.engine,bundles/batou.agent,bundles/batou.ssh,bundles/batou.secrets,bundles/batou.ui,tests/batou.test.harness,tests/batou.ui.tests \
  -Dtest=WorkbenchScreenshots -Dsurefire.failIfNoSpecifiedTests=false -Dbatou.screenshots="$out"
ls -l "$out"
