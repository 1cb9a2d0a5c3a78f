#!/usr/bin/env bash
# The end-to-end suite's builder environment, sourced by make-bases.sh and printed for the
# JavaScript harness (`bash test/e2e/env.sh --print` prints KEY=VALUE lines).
#
# The suite keeps its images in a storage of its own (vfs driver by default, under
# DOCKOPT_E2E_CACHE), so it never touches the user's images and works where overlay mounts are not
# allowed (a CI container).
# buildah and podman read CONTAINERS_STORAGE_CONF; dockopt itself adds nothing: it simply runs
# the builder with the environment it was given.
DOCKOPT_E2E_CACHE="${DOCKOPT_E2E_CACHE:-/var/tmp/dockopt-e2e}"
# vfs works everywhere (CI containers included) but copies the whole root file system for every
# layer; where overlay mounts work, DOCKOPT_E2E_STORAGE_DRIVER=overlay makes builds much cheaper.
DOCKOPT_E2E_STORAGE_DRIVER="${DOCKOPT_E2E_STORAGE_DRIVER:-vfs}"
case "$DOCKOPT_E2E_STORAGE_DRIVER" in
  vfs) suffix='' ;;
  overlay) suffix='-overlay' ;;
  *) echo "env.sh: DOCKOPT_E2E_STORAGE_DRIVER must be vfs or overlay" >&2; exit 2 ;;
esac
conf="$DOCKOPT_E2E_CACHE/storage$suffix.conf"
mkdir -p "$DOCKOPT_E2E_CACHE"
if [ ! -f "$conf" ]; then
  cat > "$conf.tmp" <<CONF
[storage]
driver = "$DOCKOPT_E2E_STORAGE_DRIVER"
graphroot = "$DOCKOPT_E2E_CACHE/storage$suffix"
runroot = "$DOCKOPT_E2E_CACHE/run$suffix"
CONF
  mv "$conf.tmp" "$conf"
fi
export DOCKOPT_E2E_CACHE
export CONTAINERS_STORAGE_CONF="$conf"
# chroot isolation: no user namespaces or cgroups needed (works inside an unprivileged container).
export BUILDAH_ISOLATION=chroot

if [ "${1:-}" = "--print" ]; then
  printf 'DOCKOPT_E2E_CACHE=%s\nCONTAINERS_STORAGE_CONF=%s\nBUILDAH_ISOLATION=%s\n' \
    "$DOCKOPT_E2E_CACHE" "$CONTAINERS_STORAGE_CONF" "$BUILDAH_ISOLATION"
fi
