#!/usr/bin/env bash
# Runs before `npm test`: the browser tests drive Debian's Chromium (playwright-core downloads no
# browser), so a fresh machine gets it from Debian's packages when we may install it.
command -v chromium >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ||
    echo "Could not install chromium: the browser tests will say they are skipped."
else
  echo "No chromium and no root to install it (apt-get install -y chromium): the browser tests will say they are skipped."
fi
exit 0
