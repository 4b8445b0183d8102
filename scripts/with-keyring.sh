#!/usr/bin/env bash
# Runs a command with a real, unlocked Secret Service (gnome-keyring on a private D-Bus session),
# so keychain tests exercise the same store users get. On macOS and Windows the OS keychain is
# already there. On Linux a missing dbus/gnome-keyring is an error, never a silent skip:
# scripts/install-system-deps.sh installs them.
set -euo pipefail
if [ "$(uname -s)" != "Linux" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool is missing; run scripts/install-system-deps.sh (Debian: dbus gnome-keyring)" >&2
    exit 1
  fi
done
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
