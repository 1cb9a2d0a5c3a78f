#!/usr/bin/env bash
# What pip-hygiene and node-hygiene save, end to end: each example Dockerfile here is built as
# written and as dockopt rewrites it (`--only <transform>`), with buildah (vfs storage, chroot
# isolation, one layer per instruction), and the script prints both image sizes, their
# difference, and the size of the cache directory in the image built as written.
#
#   sudo scripts/measure-caches/measure.sh          (npm run build first; takes minutes)
#
# Needs debootstrap, buildah, python3, the Debian mirror ($DEBIAN_MIRROR, else the one this
# machine's apt sources name: scripts/lib/debian-mirror.sh) and the npm registry. The base image
# is a Debian bookworm minbase made with debootstrap (no registry is needed), carrying this
# machine's CA bundle so that HTTPS works inside the build. pip's packages come from a local index of the
# wheels Debian ships (/usr/share/python-wheels; python3-wheel-whl is downloaded from the
# mirror), served with PyPI's Cache-Control header. Everything lives in a storage of its own
# under $DOCKOPT_MEASURE_DIR; images are removed afterwards.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${DOCKOPT_MEASURE_DIR:-/var/tmp/dockopt-measure-caches}"
PORT="${INDEX_PORT:-8765}"
BASE=localhost/dockopt-measure-bookworm
mkdir -p "$WORK"
cat > "$WORK/storage.conf" <<CONF
[storage]
driver = "vfs"
graphroot = "$WORK/storage"
runroot = "$WORK/run"
CONF
export CONTAINERS_STORAGE_CONF="$WORK/storage.conf"
export BUILDAH_ISOLATION=chroot

if ! buildah inspect --type image "$BASE" >/dev/null 2>&1; then
  MIRROR="$("$ROOT/scripts/lib/debian-mirror.sh")"
  echo "making the base image (debootstrap bookworm minbase from $MIRROR)..." >&2
  rm -rf "$WORK/rootfs"
  debootstrap --variant=minbase bookworm "$WORK/rootfs" "$MIRROR" >"$WORK/debootstrap.log" 2>&1
  mkdir -p "$WORK/rootfs/usr/local/share/ca-certificates" "$WORK/rootfs/etc/ssl/certs"
  cp /etc/ssl/certs/ca-certificates.crt "$WORK/rootfs/usr/local/share/ca-certificates/host.crt"
  cp /etc/ssl/certs/ca-certificates.crt "$WORK/rootfs/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$WORK/rootfs/var/lib/apt/lists/"* "$WORK/rootfs/var/cache/apt/archives/"*.deb
  tar -C "$WORK/rootfs" -cf "$WORK/rootfs.tar" .
  ctr=$(buildah from scratch)
  buildah add "$ctr" "$WORK/rootfs.tar" / >/dev/null
  buildah config --env NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/host.crt \
    --env SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt --cmd /bin/bash "$ctr"
  buildah commit --rm "$ctr" "$BASE" >/dev/null
  rm -rf "$WORK/rootfs" "$WORK/rootfs.tar"
fi

# The local index: Debian's wheels of pip, setuptools and wheel.
WHEELS="$WORK/wheels"
mkdir -p "$WHEELS"
cp /usr/share/python-wheels/*.whl "$WHEELS/" 2>/dev/null || true
if ! ls "$WHEELS"/wheel-*.whl >/dev/null 2>&1; then
  (cd "$WORK" && apt-get download python3-wheel-whl >/dev/null && dpkg-deb -x python3-wheel-whl_*.deb whl \
    && cp whl/usr/share/python-wheels/*.whl "$WHEELS/" && rm -rf whl python3-wheel-whl_*.deb)
fi
python3 "$HERE/index_server.py" "$WHEELS" "$PORT" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT

cache_size() { # image, directory
  local ctr
  ctr=$(buildah from "$1")
  buildah run "$ctr" -- sh -c "du -sb $2 2>/dev/null | cut -f1 || echo 0"
  buildah rm "$ctr" >/dev/null
}

measure() { # example, transform, cache directory
  local example=$1 transform=$2 cache=$3
  local dir="$WORK/$example"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$HERE/$example.Dockerfile" "$dir/Dockerfile"
  node "$ROOT/bin/dockopt.js" --only "$transform" --print "$dir/Dockerfile" >"$dir/Dockerfile.after" 2>"$dir/findings.txt"
  if cmp -s "$dir/Dockerfile" "$dir/Dockerfile.after"; then
    echo "$example: dockopt changed nothing" >&2
    return 1
  fi
  for variant in before after; do
    local file="$dir/Dockerfile"
    [ "$variant" = after ] && file="$dir/Dockerfile.after"
    buildah bud --layers --format docker --build-arg "INDEX_URL=http://127.0.0.1:$PORT/simple/" \
      -f "$file" -t "localhost/measure-$example-$variant" "$dir" >"$dir/build-$variant.log" 2>&1
  done
  local before after
  before=$(image_bytes "localhost/measure-$example-before")
  after=$(image_bytes "localhost/measure-$example-after")
  echo "$example ($transform): $(grep -o "$transform: .*" "$dir/findings.txt" | head -1)"
  echo "  image as written:      $before bytes"
  echo "  image as rewritten:    $after bytes"
  echo "  difference:            $((before - after)) bytes"
  echo "  $cache in the image as written: $(cache_size "localhost/measure-$example-before" "$cache") bytes"
  buildah rmi "localhost/measure-$example-before" "localhost/measure-$example-after" >/dev/null
}

# The image size in bytes: the sum of its layers (uncompressed tars in buildah's docker format).
image_bytes() {
  buildah inspect --type image "$1" |
    python3 -c 'import json, sys; m = json.loads(json.load(sys.stdin)["Manifest"]); print(sum(l["size"] for l in m["layers"]))'
}

measure pip pip-hygiene /root/.cache/pip
measure npm node-hygiene /root/.npm
