#!/usr/bin/env bash
# The end-to-end suite's builder environment, sourced by make-bases.sh and printed for the
# JavaScript harness (`bash test/e2e/env.sh --print` prints KEY=VALUE lines).
#
# The suite keeps its images in a storage of its own (vfs driver, under DOCKOPT_E2E_CACHE), so it
# never touches the user's images and works where overlay mounts are not allowed (a CI container).
# buildah and podman read CONTAINERS_STORAGE_CONF; dockopt itself adds nothing: it simply runs
# the builder with the environment it was given.
DOCKOPT_E2E_CACHE="${DOCKOPT_E2E_CACHE:-/var/tmp/dockopt-e2e}"
mkdir -p "$DOCKOPT_E2E_CACHE"
if [ ! -f "$DOCKOPT_E2E_CACHE/storage.conf" ]; then
  cat > "$DOCKOPT_E2E_CACHE/storage.conf.tmp" <<CONF
[storage]
driver = "vfs"
graphroot = "$DOCKOPT_E2E_CACHE/storage"
runroot = "$DOCKOPT_E2E_CACHE/run"
CONF
  mv "$DOCKOPT_E2E_CACHE/storage.conf.tmp" "$DOCKOPT_E2E_CACHE/storage.conf"
fi
export DOCKOPT_E2E_CACHE
export CONTAINERS_STORAGE_CONF="$DOCKOPT_E2E_CACHE/storage.conf"
# chroot isolation: no user namespaces or cgroups needed (works inside an unprivileged container).
export BUILDAH_ISOLATION=chroot

if [ "${1:-}" = "--print" ]; then
  printf 'DOCKOPT_E2E_CACHE=%s\nCONTAINERS_STORAGE_CONF=%s\nBUILDAH_ISOLATION=%s\n' \
    "$DOCKOPT_E2E_CACHE" "$CONTAINERS_STORAGE_CONF" "$BUILDAH_ISOLATION"
fi
