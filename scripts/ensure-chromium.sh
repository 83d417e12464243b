#!/usr/bin/env bash
# Make sure a Chromium for the browser tests exists at /usr/bin/chromium (Debian's package).
# The browser tests drive it through playwright-core; Playwright's own browser download is a CDN
# fetch, which this project does not allow. Exit status: 0 when chromium is usable or when we may
# skip (not CI); 1 when CI=true and chromium cannot be had.
set -uo pipefail

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

fail_or_skip() {
  if [ "${CI:-}" = "true" ]; then
    echo "ensure-chromium: ERROR: $1 — the browser tests cannot run (CI=true)." >&2
    exit 1
  fi
  echo "ensure-chromium: $1 — browser tests will be skipped." >&2
  exit 0
}

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  fail_or_skip "$CHROMIUM is missing and I cannot install it (need root and apt-get; run: apt-get install chromium)"
fi

echo "ensure-chromium: $CHROMIUM is missing; installing Debian's chromium with apt-get (one-time, takes a minute)..." >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >/tmp/ensure-chromium.log 2>&1 ||
  ! apt-get install -y -qq --no-install-recommends chromium >>/tmp/ensure-chromium.log 2>&1; then
  tail -n 20 /tmp/ensure-chromium.log >&2
  fail_or_skip "apt-get install chromium failed (log: /tmp/ensure-chromium.log)"
fi

if [ -x "$CHROMIUM" ]; then
  echo "ensure-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)." >&2
  exit 0
fi
fail_or_skip "chromium was installed but $CHROMIUM does not exist"
