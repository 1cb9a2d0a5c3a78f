#!/usr/bin/env bash
# Prints the Debian mirror the project's scripts fetch packages from, so that no script carries a
# mirror URL of its own:
#
#   scripts/lib/debian-mirror.sh               the main archive (what debootstrap fetches from)
#   scripts/lib/debian-mirror.sh --security    the security archive (for sources.list in images)
#
# From $DEBIAN_MIRROR (or $DEBIAN_SECURITY_MIRROR) when set; else from this machine's own apt
# sources (/etc/apt/sources.list, sources.list.d/*.list and *.sources), as apt itself reads them:
# `apt-get indextargets` handles both the one-line and the deb822 format, `Enabled: no`, options
# in brackets and APT_CONFIG. The main archive is the first source whose Release file says
# `Origin: Debian` and `Label: Debian`, the security archive the first with `Label:
# Debian-Security`: that tells a Debian mirror (whatever its host name: a proxy, a snapshot) from
# third-party repositories, and it needs the Release files `apt-get update` fetches. Without one,
# it says which variable to set and exits 1. The URI is printed without a trailing slash.
set -euo pipefail

case "${1:-}" in
  '') variable=DEBIAN_MIRROR label=Debian what='main Debian archive' ;;
  --security) variable=DEBIAN_SECURITY_MIRROR label=Debian-Security what='Debian security archive' ;;
  *)
    echo "usage: $0 [--security]" >&2
    exit 2
    ;;
esac

fail() {
  printf 'debian-mirror: %s\n  Set %s to the %s (e.g. %s=http://<mirror>/%s).\n' "$1" \
    "$variable" "$what" "$variable" "$([ "$label" = Debian ] && echo debian || echo debian-security)" >&2
  exit 1
}

if [ -n "${!variable:-}" ]; then
  printf '%s\n' "${!variable%/}"
  exit 0
fi

command -v apt-get >/dev/null || fail "$variable is not set and this machine has no apt to ask."

# One line per index of a `deb` source: "<origin>|<label>|<repository URI>", in apt's order.
uri="$(apt-get indextargets --format '$(TARGET_OF)|$(ORIGIN)|$(LABEL)|$(REPO_URI)' 2>/dev/null |
  awk -F'|' -v label="$label" '$1 == "deb" && $2 == "Debian" && $3 == label { print $4; exit }')"

[ -n "$uri" ] || fail "$variable is not set, and no apt source of this machine is a $what
  (Origin: Debian, Label: $label in its Release file; run apt-get update if none was fetched yet)."
printf '%s\n' "${uri%/}"
