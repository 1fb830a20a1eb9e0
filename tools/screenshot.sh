#!/usr/bin/env bash
# Regenerates docs/screenshot.png: the real window under Xvfb, speaking a scripted reply.
# Needs: xvfb (xvfb-run) and libgtk-3-0 (sudo apt-get install -y xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
xvfb-run -a -s "-screen 0 1280x800x24" \
  java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
  dev.parley.ui.ScreenshotMain "${1:-docs/screenshot.png}"
