#!/usr/bin/env bash
# Makes the end-to-end suite's base images locally, idempotently (see README.md beside this file).
#
#   test/e2e/bases/make-bases.sh [image ...]     default: every image below
#   test/e2e/bases/make-bases.sh --list          the images this script can make
#
# No container registry is reachable from the machines dockopt is tested on, so the bases are made
# from the Debian mirror: `debootstrap --variant=minbase` gives debian:bookworm (the official image
# is minbase too), a slimmed copy of that rootfs gives debian:bookworm-slim, and the language
# images are stand-ins: those two plus Debian's own packages (Containerfiles in this folder). The
# distroless stand-ins are Debian packages unpacked into an empty root (distroless.Containerfile).
# The mirror is $DEBIAN_MIRROR (and $DEBIAN_SECURITY_MIRROR), else this machine's own apt sources
# (scripts/lib/debian-mirror.sh).
#
# Idempotent: the debootstrap rootfs is cached as a tarball under $DOCKOPT_E2E_CACHE/rootfs
# (delete it, or pass --refresh-rootfs, to fetch a new one), and an image is made again only when
# its recipe changed (a label records a hash of what it was made from).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../env.sh
source "$here/../env.sh"

MIRROR_HELPER="$(cd "$here/../../.." && pwd)/scripts/lib/debian-mirror.sh"
MIRROR=''
SECURITY_MIRROR=''
SUITE=bookworm
# Bump when the way the Debian rootfs images are made changes.
ROOTFS_RECIPE=1
ROOTFS_DIR="$DOCKOPT_E2E_CACHE/rootfs"
LABEL=dockopt.e2e.recipe

# image: how it is made. "rootfs:<variant>" images come from the debootstrap tarball;
# "<file>:<parent>" images are built from test/e2e/bases/<file> on <parent> (with BUILD_ARGS);
# "tag:<other>" images are another name for <other> (the same image).
declare -A RECIPES=(
  [debian:bookworm]="rootfs:minbase"
  [debian:bookworm-slim]="rootfs:slim"
  [python:3.11]="python.Containerfile:debian:bookworm"
  [python:3.11-slim]="python.Containerfile:debian:bookworm-slim"
  [node:18]="node.Containerfile:debian:bookworm"
  [node:18-slim]="node.Containerfile:debian:bookworm-slim"
  [golang:1.19-bookworm]="golang.Containerfile:debian:bookworm"
  # golang:1.19's last builds were bookworm's (earlier ones bullseye's): the same image here.
  [golang:1.19]="tag:golang:1.19-bookworm"
  [eclipse-temurin:17-jdk]="temurin-jdk.Containerfile:debian:bookworm"
  [eclipse-temurin:17-jre]="temurin-jre.Containerfile:debian:bookworm"
  [gcr.io/distroless/static-debian12]="distroless.Containerfile:debian:bookworm"
  [gcr.io/distroless/base-debian12]="distroless.Containerfile:debian:bookworm"
  [gcr.io/distroless/cc-debian12]="distroless.Containerfile:debian:bookworm"
)
# Build arguments of the Containerfile recipes (part of the recipe's hash).
declare -A BUILD_ARGS=(
  [gcr.io/distroless/base-debian12]="PACKAGES=libc6 libssl3"
  [gcr.io/distroless/cc-debian12]="PACKAGES=libc6 libssl3 libgcc-s1 libstdc++6"
)
ORDER=(debian:bookworm debian:bookworm-slim python:3.11 python:3.11-slim node:18 node:18-slim
  golang:1.19-bookworm golang:1.19 eclipse-temurin:17-jdk eclipse-temurin:17-jre
  gcr.io/distroless/static-debian12 gcr.io/distroless/base-debian12 gcr.io/distroless/cc-debian12)

log() { printf 'make-bases: %s\n' "$*" >&2; }

# Names resolve as Dockerfiles expect: a first part that is a registry host (gcr.io/...) is kept,
# short names are docker.io/library/..., other paths docker.io/... The storage is the suite's own.
full_name() {
  case "$1" in
    *.*/* | *:*/* | localhost/*) printf '%s' "$1" ;;
    */*) printf 'docker.io/%s' "$1" ;;
    *) printf 'docker.io/library/%s' "$1" ;;
  esac
}

# The Debian mirror and security mirror, asked for once, when an image made here needs them.
resolve_mirrors() {
  [ -n "$MIRROR" ] && return
  MIRROR="$("$MIRROR_HELPER")"
  SECURITY_MIRROR="$("$MIRROR_HELPER" --security)"
}

# The sources.list written into the Debian images: the three suites of the release.
sources_list() {
  printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
    "$MIRROR" "$SUITE" "$MIRROR" "$SUITE" "$SECURITY_MIRROR" "$SUITE"
}

current_recipe() {
  buildah inspect --type image --format "{{index .OCIv1.Config.Labels \"$LABEL\"}}" \
    "$(full_name "$1")" 2>/dev/null || true
}

image_id() { buildah inspect --type image --format '{{.FromImageID}}' "$(full_name "$1")"; }

# The host's CA bundle and local CAs: HTTPS from inside a build (npm install) goes through this
# machine's TLS-inspecting proxy. Copying /usr/local/share/ca-certificates too makes the local CAs
# survive an `update-ca-certificates` run by a later `apt-get install ca-certificates`.
host_ca_files() {
  printf '%s\n' /etc/ssl/certs/ca-certificates.crt
  if [ -d /usr/local/share/ca-certificates ]; then
    find /usr/local/share/ca-certificates -type f -name '*.crt' | sort
  fi
}

host_ca_hash() { host_ca_files | xargs cat | sha256sum | cut -c1-16; }

debootstrap_rootfs() {
  local tarball="$ROOTFS_DIR/$SUITE-minbase.tar" work="$ROOTFS_DIR/work"
  if [ -f "$tarball" ] && [ -f "$ROOTFS_DIR/$SUITE-slim.tar" ]; then return; fi
  command -v debootstrap >/dev/null || { log "debootstrap is not installed"; exit 1; }
  resolve_mirrors
  log "debootstrap --variant=minbase $SUITE from $MIRROR (a few minutes)"
  rm -rf "$work"
  mkdir -p "$ROOTFS_DIR"
  debootstrap --variant=minbase "$SUITE" "$work" "$MIRROR" >"$ROOTFS_DIR/debootstrap.log" 2>&1 || {
    tail -20 "$ROOTFS_DIR/debootstrap.log" >&2
    exit 1
  }
  configure_like_docker_images "$work"
  tar --numeric-owner --xattrs -C "$work" -cf "$tarball.tmp" --exclude='./dev/*' --exclude='./proc/*' \
    --exclude='./sys/*' .
  mv "$tarball.tmp" "$tarball"
  slimify "$work"
  tar --numeric-owner --xattrs -C "$work" -cf "$ROOTFS_DIR/$SUITE-slim.tar.tmp" --exclude='./dev/*' \
    --exclude='./proc/*' --exclude='./sys/*' .
  mv "$ROOTFS_DIR/$SUITE-slim.tar.tmp" "$ROOTFS_DIR/$SUITE-slim.tar"
  rm -rf "$work"
}

# What the official Debian images add to a minbase rootfs (debuerreotype's minimizing config,
# written here from its documented settings): no services started by package scripts, no fsync per
# package, the apt cache emptied after every install, compressed indexes, no translations, and no
# apt lists or logs left in the image. (sources.list is written when an image is made from the
# tarball: it names the mirror of that moment.)
configure_like_docker_images() {
  local root="$1"
  printf '#!/bin/sh\n# Services cannot start during an image build.\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod 0755 "$root/usr/sbin/policy-rc.d"
  printf 'force-unsafe-io\n' >"$root/etc/dpkg/dpkg.cfg.d/docker-apt-speedup"
  printf 'Apt::AutoRemove::SuggestsImportant "false";\n' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  local clean='"rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true";'
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<CONF
DPkg::Post-Invoke { $clean };
APT::Update::Post-Invoke { $clean };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
  printf 'Acquire::GzipIndexes "true";\n' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  printf 'Acquire::Languages "none";\n' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin \
    "$root"/var/log/* "$root"/tmp/* "$root"/root/.cache
  mkdir -p "$root/var/lib/apt/lists/partial"
}

# The "slim" variant as the official images make it: docs (except copyright files), man and info
# pages, locales (except locale.alias) removed, and dpkg told not to install them again.
slimify() {
  local root="$1"
  cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<CONF
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/man/*
CONF
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  rm -rf "$root"/usr/share/groff/* "$root"/usr/share/info/* "$root"/usr/share/linda/* \
    "$root"/usr/share/lintian/overrides/* "$root"/usr/share/man/*
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
}

# A remade image leaves the one it replaces untagged: remove that one (not if something uses it).
drop_replaced() {
  local old="$1"
  if [ -n "$old" ]; then buildah rmi "$old" >/dev/null 2>&1 || true; fi
}

previous_id() { buildah inspect --type image --format '{{.FromImageID}}' "$(full_name "$1")" 2>/dev/null || true; }

make_from_rootfs() {
  local image="$1" variant="$2" tarball="$ROOTFS_DIR/$SUITE-$2.tar"
  debootstrap_rootfs
  resolve_mirrors
  local recipe sources="$ROOTFS_DIR/sources.list"
  sources_list >"$sources"
  recipe="rootfs-$ROOTFS_RECIPE-$(stat -c '%Y-%s' "$tarball")-ca-$(host_ca_hash)"
  recipe="$recipe-apt-$(sha256sum <"$sources" | cut -c1-16)"
  if [ "$(current_recipe "$image")" = "$recipe" ]; then return; fi
  local old
  old="$(previous_id "$image")"
  log "making $image from $tarball"
  local ctr
  ctr="$(buildah from scratch)"
  # One layer, like the official image: the rootfs plus this machine's CA certificates.
  buildah add --quiet "$ctr" "$tarball" / >/dev/null
  buildah copy --quiet "$ctr" "$sources" /etc/apt/sources.list >/dev/null
  buildah copy --quiet "$ctr" /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt >/dev/null
  while read -r crt; do
    [ "$crt" = /etc/ssl/certs/ca-certificates.crt ] && continue
    buildah copy --quiet "$ctr" "$crt" "/usr/local/share/ca-certificates/$(basename "$crt")" >/dev/null
  done < <(host_ca_files)
  buildah config --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --cmd bash --label "$LABEL=$recipe" "$ctr"
  buildah commit --quiet --rm "$ctr" "$(full_name "$image")" >/dev/null
  drop_replaced "$old"
}

make_from_containerfile() {
  local image="$1" file="$2" parent="$3" args="${BUILD_ARGS[$1]:-}"
  make_image "$parent"
  local recipe build_args=()
  [ -z "$args" ] || build_args=(--build-arg "$args")
  recipe="$({ cat "$here/$file"; printf '%s' "$args"; } | sha256sum | cut -c1-16)"
  recipe="$recipe-on-$(image_id "$parent" | cut -c1-16)"
  if [ "$(current_recipe "$image")" = "$recipe" ]; then return; fi
  local old
  old="$(previous_id "$image")"
  log "making $image from $file on $parent"
  # No --layers: the stand-in's additions are one layer on top of its parent.
  buildah bud --quiet --pull=never --build-arg "BASE=$(full_name "$parent")" "${build_args[@]}" \
    --label "$LABEL=$recipe" -f "$here/$file" -t "$(full_name "$image")" "$here" >/dev/null
  drop_replaced "$old"
}

# Another name for an image made here: tagged again when <other> was remade.
make_tag() {
  local image="$1" other="$2"
  make_image "$other"
  local old
  old="$(previous_id "$image")"
  if [ "$old" = "$(image_id "$other")" ]; then return; fi
  log "tagging $other as $image"
  buildah tag "$(full_name "$other")" "$(full_name "$image")"
  drop_replaced "$old"
}

make_image() {
  local image="$1" recipe="${RECIPES[$1]:-}"
  [ -n "$recipe" ] || { log "unknown image $image (known: ${ORDER[*]})"; exit 2; }
  case "$recipe" in
    rootfs:*) make_from_rootfs "$image" "${recipe#rootfs:}" ;;
    tag:*) make_tag "$image" "${recipe#tag:}" ;;
    *) make_from_containerfile "$image" "${recipe%%:*}" "${recipe#*:}" ;;
  esac
}

main() {
  local images=()
  for arg in "$@"; do
    case "$arg" in
      --list) printf '%s\n' "${ORDER[@]}"; return ;;
      --refresh-rootfs) rm -f "$ROOTFS_DIR"/*.tar ;;
      *) images+=("$arg") ;;
    esac
  done
  [ ${#images[@]} -gt 0 ] || images=("${ORDER[@]}")
  command -v buildah >/dev/null || { log "buildah is not installed"; exit 1; }
  for image in "${images[@]}"; do make_image "$image"; done
}

main "$@"
