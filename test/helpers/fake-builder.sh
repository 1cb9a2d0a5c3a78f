#!/bin/sh
# A stand-in for `docker`, `podman` and `buildah` in tests (POSIX sh, so each call is cheap):
# wrappers installed under those names in a temporary bin directory put on PATH run it as
# `fake-builder.sh <tool> <args...>`. It appends each call's arguments to $FAKE_BUILDER_LOG (one JSON
# array per line), copies each Dockerfile it builds to $FAKE_BUILDER_STATE/built/<n> and the
# ignore file in effect to built/<n>.ignore (and logs ["#built", tag, n]), and keeps its "images"
# as files in $FAKE_BUILDER_STATE/images.
#
# A build "fails" when a line of the Dockerfile runs `false` (as a broken rewrite would), or when a
# line contains one of the comma-separated strings in $FAKE_BUILDER_FAIL_ON. An image's size is
# 1000 bytes per byte of Dockerfile; its layers are 1 (the base) + one per RUN/COPY/ADD. A command
# run "in" an image (a smoke command, `exec`) runs on the host, $FAKE_IMAGE_DOCKERFILE naming the
# image's Dockerfile; with $FAKE_BUILDER_EXEC set, that program is run instead, as
# `$FAKE_BUILDER_EXEC <image's Dockerfile> <argv...>`, to answer as an image would.
# $FAKE_DOCKER_DAEMON=down makes `docker` a client without a daemon; $FAKE_BUILDER_SLOW=<s> makes a
# build go on for that long after tagging its image. A docker/podman `run --name N` records its
# process; `rm --force N` (with podman `--time 0`) kills it, as the daemon would kill the container.
set -eu
PATH=/usr/bin:/bin
tool="$1"
shift
state="$FAKE_BUILDER_STATE"
mkdir -p "$state/images" "$state/built" "$state/containers"

nl='
'
# JSON string contents; the common case (no backslash, quote or newline) without a fork.
json_escape() {
  case "$1" in
    *\\* | *\"* | *"$nl"*)
      printf '%s\n' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' | awk 'NR > 1 { printf "\\n" } { printf "%s", $0 }'
      ;;
    *) printf '%s' "$1" ;;
  esac
}
log_call() {
  line="[\"$(json_escape "$tool")\""
  for arg in "$@"; do line="$line,\"$(json_escape "$arg")\""; done
  printf '%s]\n' "$line" >>"$FAKE_BUILDER_LOG"
}
log_call "$@"

image_file() { printf '%s/images/%s' "$state" "$(printf '%s' "$1" | sha256sum | cut -c1-16)"; }
die() {
  echo "$1" >&2
  exit "${2:-1}"
}
# The value after a flag: `flag -f "$@"`.
flag() {
  name="$1"
  shift
  while [ $# -gt 1 ]; do
    if [ "$1" = "$name" ]; then
      printf '%s' "$2"
      return
    fi
    shift
  done
}

build() {
  dockerfile="$(flag -f "$@")"
  tag="$(flag -t "$@")"
  n="$(ls "$state/built" | grep -c -v ignore || true)"
  cp "$dockerfile" "$state/built/$n"
  # The ignore file in effect: --ignorefile (podman, buildah), else <Dockerfile>.dockerignore.
  ignore="$(flag --ignorefile "$@")"
  [ -n "$ignore" ] || ignore="$dockerfile.dockerignore"
  if [ -f "$ignore" ]; then cp "$ignore" "$state/built/$n.ignore"; fi
  printf '["#built","%s","%s"]\n' "$(json_escape "$tag")" "$n" >>"$FAKE_BUILDER_LOG"
  echo "STEP 1: $(head -n 1 "$dockerfile")"
  bad="$(grep -E '(^|[[:space:]&;|])false([[:space:]]|$)' "$dockerfile" | head -n 1 || true)"
  if [ -z "$bad" ] && [ -n "${FAKE_BUILDER_FAIL_ON:-}" ]; then
    echo "$FAKE_BUILDER_FAIL_ON" | tr ',' '\n' >"$state/fail-on"
    bad="$(grep -F -f "$state/fail-on" "$dockerfile" | head -n 1 || true)"
  fi
  if [ -n "$bad" ]; then
    die "error building at STEP \"$(echo "$bad" | sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//')\": exit status 1"
  fi
  size=$(($(wc -c <"$dockerfile") * 1000))
  layers=$((1 + $(grep -c -i -E '^[[:space:]]*(RUN|COPY|ADD)[[:space:]]' "$dockerfile" || true)))
  printf 'size=%s\nlayers=%s\ndockerfile=%s\nid=%s\n' "$size" "$layers" "$state/built/$n" \
    "$(sha256sum <"$dockerfile" | cut -c1-64)" >"$(image_file "$tag")"
  echo "Successfully tagged $tag"
  if [ -n "${FAKE_BUILDER_SLOW:-}" ]; then sleep "$FAKE_BUILDER_SLOW"; fi
}

load() {
  file="$(image_file "$1")"
  [ -f "$file" ] || die "Error: No such image: $1" 125
  . "$file"
}

layer_list() {
  i=0
  sep=''
  while [ "$i" -lt "$layers" ]; do
    printf '%s"sha256:%s"' "$sep" "$i"
    sep=','
    i=$((i + 1))
  done
}

inspect_docker_style() {
  load "$1"
  printf '[{"Id":"sha256:%s","Size":%s,"RootFS":{"Layers":[%s]}}]\n' "$id" "$size" "$(layer_list)"
}

inspect_buildah() {
  load "$1"
  per=$((size / layers))
  sizes="$(layer_list | sed "s/\"sha256:[0-9]*\"/{\\\\\"size\\\\\":$per}/g")"
  printf '{"FromImageID":"%s","Manifest":"{\\"layers\\":[%s]}","OCIv1":{"rootfs":{"diff_ids":[%s]}}}\n' \
    "$id" "$sizes" "$(layer_list)"
}

# Runs argv "in" an image: `in_image <ref> <argv...>`.
in_image() {
  load "$1"
  shift
  if [ -n "${FAKE_BUILDER_EXEC:-}" ]; then
    exec "$FAKE_BUILDER_EXEC" "$dockerfile" "$@"
  fi
  FAKE_IMAGE_DOCKERFILE="$dockerfile" exec "$@"
}

# docker/podman `run --rm [--name N] [--user U] --entrypoint <program> <ref> <args...>`. A named
# container's process id goes to containers/<N>.pid (the command is exec'd: same process), so that
# `rm --force N` can kill it as a daemon would.
run_container() {
  shift
  program=''
  while [ $# -gt 0 ]; do
    case "$1" in
      --rm) shift ;;
      --name)
        printf '%s' "$$" >"$state/containers/$2.pid"
        shift 2
        ;;
      --user) shift 2 ;;
      --entrypoint)
        program="$2"
        shift 2
        ;;
      -*) die "fake $tool run: unexpected flag $1" 64 ;;
      *) break ;;
    esac
  done
  [ -n "$program" ] || die "fake $tool run: no --entrypoint" 64
  ref="$1"
  shift
  in_image "$ref" "$program" "$@"
}

# buildah `run [--user U] <container> -- <argv...>`.
buildah_run() {
  shift
  while [ $# -gt 0 ] && [ "$1" != -- ]; do
    container="$1"
    shift
  done
  shift
  in_image "$(cat "$state/containers/$container")" "$@"
}

# docker `rm --force N`, podman `rm --force --time 0 N`: kill the named container's process.
remove_container() {
  eval "name=\${$#}"
  file="$state/containers/$name.pid"
  [ -f "$file" ] || die "Error: No such container: $name"
  kill -KILL "$(cat "$file")" 2>/dev/null || true
  rm -f "$file"
  echo "$name"
}

remove() {
  for ref in "$@"; do rm -f "$(image_file "$ref")"; done
}

push_oci() {
  load "$1"
  dir="${2#oci:}"
  manifest="{\"layers\":[{\"size\":$((size / 3))},{\"size\":10}]}"
  digest="$(printf '%s' "$manifest" | sha256sum | cut -c1-64)"
  mkdir -p "$dir/blobs/sha256"
  printf '%s' "$manifest" >"$dir/blobs/sha256/$digest"
  printf '{"manifests":[{"digest":"sha256:%s"}]}' "$digest" >"$dir/index.json"
}

command="${1:-}"
sub="${2:-}"
case "$tool" in
  docker)
    case "$command $sub" in
      "version "*)
        [ "${FAKE_DOCKER_DAEMON:-}" = down ] &&
          die "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"
        echo 27.1.0
        ;;
      "buildx version") echo "github.com/docker/buildx v0.16.0" ;;
      "buildx build" | "build "*) build "$@" ;;
      "image inspect") inspect_docker_style "$3" ;;
      "image rm") shift 2 && remove "$@" ;;
      "run "*) run_container "$@" ;;
      "rm --force") remove_container "$@" ;;
      *) die "fake docker: unexpected $*" 64 ;;
    esac
    ;;
  podman)
    case "$command $sub" in
      "version "*) echo 4.9.3 ;;
      "info "*) echo "host: {}" ;;
      "build "*) build "$@" ;;
      "image inspect") inspect_docker_style "$3" ;;
      "push "*) push_oci "$4" "$5" ;;
      "rmi "*) shift && remove "$@" ;;
      "run "*) run_container "$@" ;;
      "rm --force") remove_container "$@" ;;
      *) die "fake podman: unexpected $*" 64 ;;
    esac
    ;;
  buildah)
    case "$command" in
      version) echo "Version:         1.28.2" ;;
      info) echo "{}" ;;
      bud) build "$@" ;;
      inspect) inspect_buildah "$4" ;;
      from)
        name="$(flag --name "$@")"
        eval "last=\${$#}"
        printf '%s' "$last" >"$state/containers/$name"
        echo "$name"
        ;;
      run) buildah_run "$@" ;;
      rm) rm -f "$state/containers/$2" ;;
      rmi) shift && remove "$@" ;;
      push) push_oci "$5" "$6" ;;
      *) die "fake buildah: unexpected $*" 64 ;;
    esac
    ;;
esac
