#!/usr/bin/env bash
# Installs Debian's chromium when it is missing: the cost-model tests open the HTML report in headless Chromium.
# Quiet and exit 0 when it is already there.
set -uo pipefail
[ -x /usr/bin/chromium ] && exit 0
echo "ci: installing chromium for the HTML report test (apt-get install chromium)" >&2
if [ "$(id -u)" -ne 0 ]; then
  echo "ci: not root; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq chromium; } >/tmp/ensure-chromium.log 2>&1; then
  echo "ci: installing chromium failed (see /tmp/ensure-chromium.log); the HTML report test will fail" >&2
  tail -5 /tmp/ensure-chromium.log >&2
  exit 1
fi
[ -x /usr/bin/chromium ] || { echo "ci: chromium installed but /usr/bin/chromium is missing" >&2; exit 1; }
