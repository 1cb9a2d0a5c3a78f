#!/usr/bin/env bash
# Warm-rebuild measurement for copy-order: a Node app with npm dependencies is built with buildah
# (vfs storage, chroot isolation, --layers), a source file is edited, and it is built again; the
# same with the Dockerfile that `dockopt --write` gives. Prints, for each build, its wall-clock
# time, how many steps came from the layer cache, and whether the `RUN npm ci` step did.
#
#   scripts/warm-rebuild.sh            (needs buildah, debootstrap, npm; the npm registry reachable)
#
# Base images come from test/e2e/bases/make-bases.sh (node:18-slim stands in for the official one).
# The script keeps its images in a storage of its own ($DOCKOPT_WARM_CACHE, default
# /var/tmp/dockopt-warm-rebuild), so that it can empty it afterwards without touching anyone
# else's images; the first run makes the base images there (debootstrap: a few minutes).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOCKOPT_E2E_CACHE="${DOCKOPT_WARM_CACHE:-/var/tmp/dockopt-warm-rebuild}"
# shellcheck source=../test/e2e/env.sh
source "$repo/test/e2e/env.sh"
"$repo/test/e2e/bases/make-bases.sh" node:18-slim >&2

work="$(mktemp -d /tmp/dockopt-warm-XXXXXX)"
tags=()
cleanup() {
  for tag in "${tags[@]}"; do buildah rmi "$tag" >/dev/null 2>&1 || true; done
  # This storage is the script's own: the intermediate layer images of its builds go too.
  buildah rmi --prune >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

app="$work/app"
mkdir -p "$app/src"
cat >"$app/package.json" <<'JSON'
{
  "name": "warm-rebuild-app",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "express": "4.19.2",
    "lodash": "4.17.21"
  }
}
JSON
printf 'const express = require("express");\nconsole.log(typeof express);\n' >"$app/src/index.js"
(cd "$app" && npm install --package-lock-only --no-audit --no-fund >/dev/null 2>&1)
cat >"$app/Dockerfile" <<'DOCKERFILE'
FROM node:18-slim
WORKDIR /app
COPY . .
RUN npm ci --omit=dev --no-audit --no-fund
CMD ["node", "src/index.js"]
DOCKERFILE

# build <dir> <tag> <log>: the build log goes to <log>, each line prefixed with the time it was
# printed (seconds), so that the time of each step can be read back.
build() {
  echo "$(date +%s.%N) START" >"$3"
  buildah bud --layers --pull=never -t "$2" "$1" 2>&1 |
    while IFS= read -r line; do echo "$(date +%s.%N) $line"; done >>"$3"
  echo "$(date +%s.%N) END" >>"$3"
}

# Seconds from START to END of a build log.
total_time() {
  awk 'NR == 1 { start = $1 } { last = $1 } END { printf "%.1f", last - start }' "$1"
}

# Seconds the `RUN npm ci` step took (until the next step or the commit), and whether the line
# after it says the layer came from the cache.
npm_step() {
  awk '/ STEP [0-9]+\/[0-9]+: RUN npm ci/ { start = $1; inside = 1; next }
       inside && / --> Using cache/ { cached = 1 }
       inside && (/ STEP [0-9]+\/[0-9]+: / || / COMMIT / || / END$/) { end = $1; inside = 0 }
       END { printf "%.1f s, %s", end - start, cached ? "cache hit" : "ran again" }' "$1"
}

# Steps taken from the cache, out of all steps after FROM.
cache_hits() {
  printf '%s/%s' "$(grep -c -- '--> Using cache' "$1")" "$(($(grep -c ' STEP ' "$1") - 1))"
}

report() {
  local name="$1" log="$2"
  printf '%-22s %7s s   steps from cache %s   npm ci step: %s\n' \
    "$name" "$(total_time "$log")" "$(cache_hits "$log")" "$(npm_step "$log")"
}

# build_variant <name> <dir> <round>: one build, reported.
build_variant() {
  build "$2" "localhost/warm-$1:$3" "$work/$1-$3.log"
  tags+=("localhost/warm-$1:$3")
  report "$1 ($3)" "$work/$1-$3.log"
}

edit_source() {
  printf '\n// edited %s\n' "$(date +%s%N)" >>"$1/src/index.js"
}

cp -r "$app" "$work/rewritten"
node "$repo/bin/dockopt.js" --write --only copy-order,dockerignore "$work/rewritten/Dockerfile" >&2
echo "--- rewritten Dockerfile:" >&2
cat "$work/rewritten/Dockerfile" >&2

# Cold builds first, then warm rebuilds after a source edit, alternating the two Dockerfiles so
# that a change in machine load does not favour one of them. (The npm ci step time of a cache hit
# includes buildah preparing the next step's container.)
build_variant original "$app" cold
build_variant rewritten "$work/rewritten" cold
for round in warm1 warm2; do
  edit_source "$app"
  build_variant original "$app" "$round"
  edit_source "$work/rewritten"
  build_variant rewritten "$work/rewritten" "$round"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (vfs copies the whole rootfs for every step run)"
