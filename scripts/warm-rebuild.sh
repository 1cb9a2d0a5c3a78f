#!/usr/bin/env bash
# Warm-rebuild measurement for copy-order: a Node app with npm dependencies is built with buildah
# (vfs storage, chroot isolation, --layers), a source file is edited, and it is built again; the
# same with the Dockerfile that `dockopt --write` gives. Prints, for both, the warm rebuild time
# and whether the `RUN npm ci` step was taken from the layer cache.
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

# build <dir> <tag> <log>: seconds taken (wall clock); the build log goes to <log>.
build() {
  local start end
  start=$(date +%s.%N)
  buildah bud --layers --pull=never -t "$2" "$1" >"$3" 2>&1
  end=$(date +%s.%N)
  tags+=("$2")
  echo "$end - $start" | bc
}

# The log line after `STEP n/m: RUN npm ci ...` says whether the step came from the cache.
npm_step_cached() {
  if grep -A1 'RUN npm ci' "$1" | grep -q 'Using cache'; then echo yes; else echo no; fi
}

measure() {
  local name="$1" dir="$2"
  local cold warm
  cold=$(build "$dir" "localhost/warm-$name:cold" "$work/$name-cold.log")
  printf '\n// edited %s\n' "$(date +%s%N)" >>"$dir/src/index.js"
  warm=$(build "$dir" "localhost/warm-$name:warm" "$work/$name-warm.log")
  printf '%-10s cold build %6.1f s   warm rebuild after a source edit %6.1f s   npm ci layer cached: %s\n' \
    "$name" "$cold" "$warm" "$(npm_step_cached "$work/$name-warm.log")"
}

cp -r "$app" "$work/rewritten"
node "$repo/bin/dockopt.js" --write --only copy-order,dockerignore "$work/rewritten/Dockerfile" >&2
echo "--- rewritten Dockerfile:" >&2
cat "$work/rewritten/Dockerfile" >&2

measure original "$app"
measure rewritten "$work/rewritten"
