#!/usr/bin/env bash
# Makes sure the Debian packages the kiosk's demo or tests need are installed.
# As root it installs what is missing with apt-get; otherwise it names the exact command and fails.
# usage: scripts/system-deps.sh demo|test
set -euo pipefail

purpose=${1:-test}
case "$purpose" in
  # slapd + openssl: the demo's throwaway directory and its TLS certificate.
  demo) packages=(slapd openssl) ;;
  # ldap-utils for diagnosing the directory; Chromium drives E2E; Noto CJK renders Chinese glyphs.
  # rsyslog: a real syslog receiver for the audit forwarding tests (its own config, never the system one);
  # rsyslog-gnutls: its own TLS driver (gtls), so TLS forwarding is tested against rsyslog, not only Node.
  test) packages=(slapd ldap-utils openssl chromium fonts-noto-cjk rsyslog rsyslog-gnutls) ;;
  *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them as root, then run this again:  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The distribution's slapd service is not used: tests and the demo start their own instances.
apt-get install -y -qq "${missing[@]}" >/dev/null
echo "Installed: ${missing[*]}" >&2
