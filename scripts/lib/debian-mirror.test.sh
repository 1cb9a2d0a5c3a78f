#!/usr/bin/env bash
# Checks debian-mirror.sh against made-up apt configurations (APT_CONFIG pointing at a temporary
# sources.list, sources.list.d and lists folder), so it needs apt but neither root nor network.
#
#   scripts/lib/debian-mirror.test.sh      prints one line per check; exit 1 if one failed
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
helper="$here/debian-mirror.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0

# A fresh apt root: sources.list, sources.list.d/ and lists/ (what `apt-get update` would fetch).
new_root() {
  rm -rf "$tmp/apt"
  mkdir -p "$tmp/apt/sources.list.d" "$tmp/apt/lists/partial"
  : >"$tmp/apt/sources.list"
  cat >"$tmp/apt/apt.conf" <<CONF
Dir::Etc::sourcelist "$tmp/apt/sources.list";
Dir::Etc::sourceparts "$tmp/apt/sources.list.d";
Dir::State::lists "$tmp/apt/lists";
APT::Architecture "amd64";
APT::Architectures { "amd64"; };
CONF
}

# What `apt-get update` leaves for one suite: its Release file and a Packages index.
fetched() { # uri suite origin label
  local prefix
  prefix="$(printf '%s' "${1#*://}" | sed 's|/*$||; s|/|_|g')_dists_$2"
  printf 'Origin: %s\nLabel: %s\nCodename: %s\nComponents: main\nArchitectures: amd64\n' \
    "$3" "$4" "$2" >"$tmp/apt/lists/${prefix}_Release"
  : >"$tmp/apt/lists/${prefix}_main_binary-amd64_Packages"
}

expect() { # description, expected output ('' = must fail), helper arguments...
  local description="$1" expected="$2" output status
  shift 2
  output="$(APT_CONFIG="$tmp/apt/apt.conf" "$helper" "$@" 2>"$tmp/stderr")"
  status=$?
  if [ -z "$expected" ]; then
    if [ "$status" -eq 1 ] && grep -q 'Set DEBIAN' "$tmp/stderr"; then
      echo "ok: $description"
    else
      echo "FAILED: $description: expected exit 1 naming the variable, got $status: $output"
      failed=1
    fi
  elif [ "$status" -eq 0 ] && [ "$output" = "$expected" ]; then
    echo "ok: $description"
  else
    echo "FAILED: $description: expected '$expected', got exit $status: '$output' $(cat "$tmp/stderr")"
    failed=1
  fi
}

# One-line format: a third-party repository first, then the Debian mirror (with options).
new_root
cat >"$tmp/apt/sources.list" <<LIST
# deb http://commented.example/debian bookworm main
deb https://vendor.example/apt stable main
deb [arch=amd64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example/debian/ bookworm main
deb http://mirror.example/debian-security bookworm-security main
LIST
fetched https://vendor.example/apt stable Vendor Vendor
fetched http://mirror.example/debian bookworm Debian Debian
fetched http://mirror.example/debian-security bookworm-security Debian Debian-Security
expect 'one-line sources.list: the Debian archive, not the vendor listed first' \
  http://mirror.example/debian
expect 'one-line sources.list: the security archive' http://mirror.example/debian-security --security
DEBIAN_MIRROR=http://env.example/debian/ expect 'DEBIAN_MIRROR wins, without its trailing slash' \
  http://env.example/debian
DEBIAN_SECURITY_MIRROR=http://env.example/sec expect 'DEBIAN_SECURITY_MIRROR wins' \
  http://env.example/sec --security

# deb822 format in sources.list.d: a disabled Debian entry, then a snapshot mirror that is enabled.
new_root
cat >"$tmp/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: http://disabled.example/debian
Suites: bookworm
Components: main
Enabled: no

Types: deb deb-src
URIs: http://snapshot.example/archive/debian/20250520T000000Z/
Suites: bookworm bookworm-updates
Components: main
SOURCES
fetched http://disabled.example/debian bookworm Debian Debian
fetched http://snapshot.example/archive/debian/20250520T000000Z bookworm Debian Debian
expect 'deb822 .sources: the enabled entry' http://snapshot.example/archive/debian/20250520T000000Z
expect 'deb822 .sources without a security suite: exit 1, naming the variable' '' --security

# Debian sources that apt has not fetched yet (no Release file): no guess.
new_root
echo 'deb http://mirror.example/debian bookworm main' >"$tmp/apt/sources.list.d/debian.list"
expect 'no Release file fetched: exit 1, naming the variable' ''

exit "$failed"
