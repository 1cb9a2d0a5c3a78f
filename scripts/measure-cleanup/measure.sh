#!/usr/bin/env bash
# What dockopt's clean-up rewrites save, end to end (package-manager caches, clean-up layers,
# copied archives): each example here is built as written and as dockopt rewrites it, with
# buildah (vfs storage, chroot isolation, `--layers`: one layer per instruction, as Docker
# builds), and the script prints the image sizes, the difference to the image as written, and the
# layer count.
#
#   npm run build && scripts/measure-cleanup/measure.sh [example ...]    (as root; takes minutes)
#
# Examples: apt (a cleanup RUN after the install RUN), pip (pip's cache), npm (npm's cache),
# archive (a tarball COPYed in, extracted and deleted). Variants, each a dockopt run over the
# example: `fold-cleanup` (--only fold-cleanup), `cleanup` (the default transforms), `mounts`
# (the default transforms with --cache-strategy mounts: BuildKit cache mounts), `fold-archive`
# (--only fold-archive, unsafe: a bind mount instead of the COPY).
#
# The base images are the end-to-end suite's (test/e2e/bases/make-bases.sh: Debian bookworm made
# with debootstrap, configured like the official images, with Debian's python3-pip and nodejs/npm
# as the python and node stand-ins), in the suite's own storage (test/e2e/env.sh). pip installs from
# a local index of the wheels Debian ships (scripts/measure-caches/index_server.py); npm from the
# npm registry. Needs buildah, debootstrap, python3, the Debian mirror (DEBIAN_MIRROR, else this
# machine's apt sources: scripts/lib/debian-mirror.sh) and the npm registry.
# Images built here are removed at the end.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../../test/e2e/env.sh
source "$ROOT/test/e2e/env.sh"
WORK="$DOCKOPT_E2E_CACHE/measure-cleanup"
PORT="${INDEX_PORT:-8766}"
TIMEOUT="${BUILD_TIMEOUT:-1800}"
mkdir -p "$WORK"

examples=("$@")
[ ${#examples[@]} -gt 0 ] || examples=(apt pip npm archive)

"$ROOT/test/e2e/bases/make-bases.sh" debian:bookworm debian:bookworm-slim python:3.11-slim node:18-slim

# No layer cache from earlier builds (untagged images): build times are then real cold builds.
buildah images --all --json | python3 -c '
import json, sys
print("\n".join(i["id"] for i in json.load(sys.stdin) or [] if not i.get("names")))' |
  xargs -r buildah rmi --force >/dev/null 2>&1 || true

# pip's local index: Debian's wheels of pip, setuptools and wheel, from the mirror.
WHEELS="$WORK/wheels"
if ! ls "$WHEELS"/setuptools-*.whl "$WHEELS"/wheel-*.whl >/dev/null 2>&1; then
  mkdir -p "$WHEELS"
  (cd "$WORK" && rm -rf debs && mkdir debs && cd debs &&
    apt-get download python3-setuptools-whl python3-wheel-whl python3-pip-whl >/dev/null &&
    for deb in *.deb; do dpkg-deb -x "$deb" x; done && cp x/usr/share/python-wheels/*.whl "$WHEELS/")
  rm -rf "$WORK/debs"
fi
python3 "$ROOT/scripts/measure-caches/index_server.py" "$WHEELS" "$PORT" &
SERVER=$!
IMAGES=()
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  [ ${#IMAGES[@]} -eq 0 ] || buildah rmi "${IMAGES[@]}" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# A deterministic 8 MiB archive of incompressible data (seeded pseudo-random bytes).
make_archive() {
  local dir="$1"
  python3 - "$dir" <<'PY'
import gzip, io, random, sys, tarfile
rng = random.Random(3)
data = rng.randbytes(8 * 1024 * 1024)
with gzip.GzipFile(f"{sys.argv[1]}/app.tar.gz", "wb", mtime=0) as gz, tarfile.open(fileobj=gz, mode="w") as tar:
    info = tarfile.TarInfo("app/data.bin")
    info.size, info.mtime = len(data), 0
    tar.addfile(info, io.BytesIO(data))
PY
}

# The image size in bytes: the sum of its layers (uncompressed tars in buildah's docker format).
image_bytes() {
  buildah inspect --type image "$1" | python3 -c '
import json, sys
m = json.loads(json.load(sys.stdin)["Manifest"])
print(sum(l["size"] for l in m["layers"]), len(m["layers"]))'
}

variants_of() {
  case "$1" in
    apt) echo "written fold-cleanup cleanup mounts" ;;
    pip | npm) echo "written cleanup mounts" ;;
    archive) echo "written cleanup fold-archive" ;;
  esac
}

dockopt_args() {
  case "$1" in
    fold-cleanup) echo "--only fold-cleanup" ;;
    cleanup) echo "" ;;
    mounts) echo "--cache-strategy mounts" ;;
    fold-archive) echo "--only fold-archive" ;;
  esac
}

for example in "${examples[@]}"; do
  dir="$WORK/$example"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$HERE/$example.Dockerfile" "$dir/Dockerfile.written"
  [ "$example" = npm ] && cp "$HERE/package.json" "$dir/"
  [ "$example" = archive ] && make_archive "$dir"
  printf '\n%s\n' "$example: image sizes (bytes, uncompressed layers) and layers"
  base=""
  for variant in $(variants_of "$example"); do
    file="$dir/Dockerfile.$variant"
    if [ "$variant" != written ]; then
      # shellcheck disable=SC2046
      node "$ROOT/bin/dockopt.js" $(dockopt_args "$variant") --print --no-color \
        "$dir/Dockerfile.written" >"$file" 2>"$dir/findings.$variant.txt" || true
    fi
    tag="localhost/measure-cleanup-$example-$variant"
    start=$(date +%s)
    if ! timeout "$TIMEOUT" buildah bud --layers --pull=never --format docker \
      --build-arg "INDEX_URL=http://127.0.0.1:$PORT/simple/" -f "$file" -t "$tag" "$dir" \
      >"$dir/build.$variant.log" 2>&1; then
      printf '  %-13s build failed or timed out (%s)\n' "$variant" "$dir/build.$variant.log"
      continue
    fi
    IMAGES+=("$tag")
    read -r bytes layers < <(image_bytes "$tag")
    [ -n "$base" ] || base=$bytes
    printf '  %-13s %11d  %+11d  %2d layers  %4ds build\n' "$variant" "$bytes" $((bytes - base)) \
      "$layers" $(($(date +%s) - start))
  done
done
