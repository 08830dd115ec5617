#!/usr/bin/env bash
# The LDAP rotation driver's tests (src/server/vault/drivers/LdapDriver.test.ts, ldapRotation.test.ts)
# start throwaway OpenLDAP servers of their own (a temp folder, a free port on 127.0.0.1); they
# never use the system's slapd service, which may be running on 389. This prints the path of the
# `slapd` binary on stdout — CALLSIGN_SLAPD when already set, else the one on PATH or in /usr/sbin.
# On Debian as root it installs `slapd` and `ldap-utils` when missing (non-interactively: the
# package's own directory and service are not used). Otherwise it explains on stderr and exits 1;
# `npm test` then runs without the LDAP tests (they are skipped with a notice).
set -euo pipefail
say() { echo "$*" >&2; }
skip() { say "LDAP tests will be skipped: $*"; exit 1; }

find_slapd() {
  if [ -n "${CALLSIGN_SLAPD:-}" ]; then
    if [ -x "$CALLSIGN_SLAPD" ]; then echo "$CALLSIGN_SLAPD"; fi
    return 0
  fi
  command -v slapd 2>/dev/null || { [ -x /usr/sbin/slapd ] && echo /usr/sbin/slapd; } || true
}
has_tools() { command -v ldapadd >/dev/null && command -v ldappasswd >/dev/null; }

slapd=$(find_slapd)
if [ -z "$slapd" ] || ! has_tools; then
  [ -z "${CALLSIGN_SLAPD:-}" ] || [ -n "$slapd" ] || skip "CALLSIGN_SLAPD=$CALLSIGN_SLAPD is not an executable file."
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null; then
    skip "OpenLDAP is not installed. Install it (sudo apt-get install -y slapd ldap-utils) or set CALLSIGN_SLAPD to a slapd binary."
  fi
  say "Installing Debian's slapd and ldap-utils for the LDAP tests (under a minute)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slapd ldap-utils >/dev/null; } >&2 ||
    skip "apt-get install slapd ldap-utils failed."
  slapd=$(find_slapd)
  [ -n "$slapd" ] || skip "slapd is still not found after installing it (looked on PATH and in /usr/sbin)."
fi

# The tests load back_mdb as a module and include the Debian schema files.
[ -e /usr/lib/ldap/back_mdb.so ] || skip "/usr/lib/ldap/back_mdb.so is missing (Debian's slapd package ships it)."
for s in core cosine inetorgperson nis; do
  [ -e "/etc/ldap/schema/$s.schema" ] || skip "/etc/ldap/schema/$s.schema is missing (Debian's slapd package ships it)."
done
"$slapd" -VV >/dev/null 2>&1 || skip "$slapd does not run ($slapd -VV failed)."
echo "$slapd"
