#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring on a private D-Bus session),
# so keychain tests exercise the same store users get. On macOS and Windows the OS keychain is
# already there.
#
# On a Linux machine without dbus/gnome-keyring the command still runs, without a keyring: the
# keychain tests then report themselves SKIPPED (loudly, with the command that enables them), and
# everything else runs. With CI=true a missing Secret Service is an error instead: CI must test the
# keychain. scripts/install-system-deps.sh installs what is missing.
set -euo pipefail
if [ "$(uname -s)" != "Linux" ]; then
  export TIDAL_MCP_TEST_KEYRING=1
  exec "$@"
fi
missing=()
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  message="no Secret Service (${missing[*]} missing): keychain tests are SKIPPED. Enable them with: sudo bash scripts/install-system-deps.sh"
  if [ "${CI:-}" = "true" ]; then
    echo "with-keyring: $message (CI=true: failing instead)" >&2
    exit 1
  fi
  printf '\n*** with-keyring: %s ***\n\n' "$message" >&2
  export TIDAL_MCP_TEST_KEYRING=0
  status=0
  "$@" || status=$?
  printf '\n*** with-keyring: %s ***\n' "$message" >&2
  exit "$status"
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export TIDAL_MCP_TEST_KEYRING=1
exec dbus-run-session -- bash -c '
  set -euo pipefail
  # A fresh keyring directory and a non-empty password: an empty one cannot be unlocked headless.
  export XDG_DATA_HOME="$0"
  printf %s "tidal-mcp-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' "$keyring_home" "$@"
