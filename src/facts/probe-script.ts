/**
 * The probe: a POSIX sh script run inside an image (`/bin/sh -c PROBE_SCRIPT dockopt-probe
 * key=value...`) that prints what a Dockerfile cannot tell, for src/facts/probe.ts to parse.
 *
 * It needs only a POSIX shell and what coreutils, findutils and busybox all have (od, head, tr,
 * grep, sed, readlink, find, stat): no `file`, `readelf` or `ldd`. ELF headers are printed as hex
 * (`od`) and parsed in Node; the link closure comes from running the program's ELF interpreter
 * with `--list` (glibc's ld.so and musl's both take it). The interpreter tried is the path-like
 * `ld*.so*` string in the file's first 4 KiB (where PT_INTERP points in practice); Node checks it
 * against PT_INTERP and asks again, with `ld-role=`/`ld-interp=`/`ld-file=`, when they differ.
 *
 * Output: one record per line, fields separated by a tab, the field that may hold spaces (a path,
 * a raw line) last. The file listing comes last, between `listing\t<format>` and `listing-end`,
 * in its own format (see fs-diff.ts). A path holding a newline or a tab is not supported: its
 * record comes out malformed and the parser skips it.
 *
 * Arguments (each `key=value`):
 *   os=1             /etc/os-release (or /usr/lib/os-release), /etc/alpine-release, ...
 *   program=<name>   the program a container runs (argv[0]), resolved as execvp does with
 *   path=<PATH>        this PATH (a name with a slash is taken relative to
 *   workdir=<dir>      this directory), described (ELF, script, java) under the role `entry`;
 *                      without them, the container's own PATH and working directory (the
 *                      image's ENV PATH and WORKDIR), reported as `context path|workdir`
 *   check=<path>     reports whether the path exists (repeatable; relative to the workdir)
 *   list=<dir>       lists the files under <dir> (`/`), skipping prune=<./path> (repeatable;
 *                      a value may hold several paths, one a line)
 *   ld-role=, ld-interp=, ld-file=   run `<interp> --list <file>` and report it under the role
 */

export const PROBE_VERSION = 1;

export const PROBE_SCRIPT = String.raw`
set -f
tab=$(printf '\t')
nl='
'
os=0 program='' path=$PATH workdir=$(pwd)
checks='' prunes='' root='' ldjobs='' ldrole='' ldinterp='' owned=''
for arg do
  case $arg in
    os=*) os=$\{arg#os=} ;;
    program=*) program=$\{arg#program=} ;;
    path=*) path=$\{arg#path=} ;;
    workdir=*) workdir=$\{arg#workdir=} ;;
    check=*) checks="$checks$\{arg#check=}$nl" ;;
    list=*) root=$\{arg#list=} ;;
    prune=*) prunes="$prunes$\{arg#prune=}$nl" ;;
    ld-role=*) ldrole=$\{arg#ld-role=} ;;
    ld-interp=*) ldinterp=$\{arg#ld-interp=} ;;
    ld-file=*) ldjobs="$ldjobs$ldrole$tab$ldinterp$tab$\{arg#ld-file=}$nl" ;;
  esac
done

out() {
  printf '%s' "$1"
  shift
  for field do printf '\t%s' "$field"; done
  printf '\n'
}
has() { command -v "$1" >/dev/null 2>&1; }
# Prefixes every line of stdin with "<tag>\t<role>\t".
tagged() { sed -e "s|^|$1$tab$2$tab|"; }

os_release() {
  for f in /etc/os-release /usr/lib/os-release; do
    if [ -r "$f" ]; then
      while IFS= read -r line || [ -n "$line" ]; do out os-release "$line"; done <"$f"
      break
    fi
  done
  for f in alpine-release debian_version redhat-release; do
    if [ -r "/etc/$f" ]; then
      IFS= read -r line <"/etc/$f" || [ -n "$line" ]
      out "$f" "$line"
    fi
  done
}

# execvp's search: sets r to the file "$1" runs, or returns 1.
resolve() {
  case $1 in
    /*) r=$1 ;;
    */*) r=$\{workdir%/}/$1 ;;
    *)
      saved=$IFS
      IFS=:
      for d in $path; do
        IFS=$saved
        [ -n "$d" ] || d=$workdir
        case $d in /*) ;; *) d=$\{workdir%/}/$d ;; esac
        if [ -f "$\{d%/}/$1" ] && [ -x "$\{d%/}/$1" ]; then
          r=$\{d%/}/$1
          return 0
        fi
      done
      IFS=$saved
      return 1
      ;;
  esac
  [ -e "$r" ]
}

# The path with every symlink followed: readlink -f, else by hand.
canonical() {
  c=$(readlink -f "$1" 2>/dev/null)
  if [ -n "$c" ]; then
    printf '%s' "$c"
    return
  fi
  c=$1
  n=0
  while [ -h "$c" ] && [ "$n" -lt 40 ]; do
    t=$(readlink "$c" 2>/dev/null) || break
    case $t in /*) c=$t ;; *) c=$\{c%/*}/$t ;; esac
    n=$((n + 1))
  done
  printf '%s' "$c"
}

ld_list() {
  out ld-run "$1" "$2"
  if [ -f "$2" ]; then
    listed=$("$2" --list "$3" 2>&1)
    out ld-exit "$1" "$?"
    printf '%s\n' "$listed" | tagged ld "$1"
    libs=$(printf '%s\n' "$listed" | sed -n -e 's/^.* => \(\/.*\) (0x[0-9a-fA-F]*)$/\1/p' \
      -e 's/^[[:space:]]*\(\/[^[:space:]].*\) (0x[0-9a-fA-F]*)$/\1/p')
    [ -z "$libs" ] || owned="$owned$libs$nl"
  else
    out ld-exit "$1" missing
  fi
}

# describe <role> <name>: resolves a program and says what it is.
describe() {
  if ! resolve "$2"; then
    out resolve "$1" missing "$2"
    return 1
  fi
  out resolve "$1" found "$r"
  real=$(canonical "$r")
  out file "$1" "$real"
  owned="$owned$r$nl$real$nl"
  if [ ! -f "$real" ]; then
    kind=not-a-file
    out kind "$1" "$kind"
    return 0
  fi
  if ! has od; then
    kind=unknown
    out kind "$1" "$kind"
    return 0
  fi
  magic=$(od -An -tx1 -N 4 "$real" | tr -d ' \n')
  case $magic in
    7f454c46)
      kind=elf
      out kind "$1" "$kind"
      od -An -v -tx1 -N 4096 "$real" | tagged hex "$1"
      # Character classes are not used: busybox tr takes [:print:] literally.
      cand=$(head -c 4096 "$real" | tr -c '/._+A-Za-z0-9-' '\n' |
        grep -E '^/([^ ]*/)?ld[-._a-zA-Z0-9]*\.so(\.[0-9]+)*$' | head -n 1)
      [ -z "$cand" ] || ld_list "$1" "$cand" "$real"
      ;;
    2321*)
      kind=script
      out kind "$1" "$kind"
      line=$(head -c 512 "$real" | head -n 1)
      out shebang "$1" "$line"
      ;;
    *)
      kind=other
      out kind "$1" "$kind" "$magic"
      ;;
  esac
  case $real in */bin/java) java_facts "$1" "$real" ;; esac
  return 0
}

# The interpreter a "#!" line names: "env [options] name" is looked up in PATH.
script_interpreter() {
  line=$\{line#??}
  set -- $line
  [ $# -gt 0 ] || return 0
  interp=$1
  shift
  case $\{interp##*/} in
    env)
      for word do
        case $word in -* | *=*) ;; *) interp=$word && break ;; esac
      done
      ;;
  esac
  describe interpreter "$interp"
}

java_facts() {
  home=$\{2%/bin/java}
  case $home in */jre) [ ! -d "$home/../bin" ] || home=$\{home%/jre} ;; esac
  out java-home "$1" "$home"
  for tool in javac jlink; do [ ! -e "$home/bin/$tool" ] || out java-has "$1" "$tool"; done
  [ ! -d "$home/jmods" ] || out java-has "$1" jmods
  [ ! -r "$home/release" ] || tagged java-release "$1" <"$home/release"
  "$2" -version 2>&1 | head -n 5 | tagged java-version "$1"
}

owners() {
  [ -n "$owned" ] || return 0
  candidates=''
  saved=$IFS
  IFS=$nl
  for p in $owned; do
    IFS=$saved
    real=$(canonical "$p")
    [ "$real" = "$p" ] || out alias "$p" "$real"
    candidates="$candidates$p$nl$real$nl"
    case $p in
      /usr/lib/* | /usr/lib64/* | /usr/bin/* | /usr/sbin/*) candidates="$candidates$\{p#/usr}$nl" ;;
      /lib/* | /lib64/* | /bin/* | /sbin/*) candidates="$candidates/usr$p$nl" ;;
    esac
    case $real in
      /usr/lib/* | /usr/lib64/* | /usr/bin/* | /usr/sbin/*) candidates="$candidates$\{real#/usr}$nl" ;;
      /lib/* | /lib64/* | /bin/* | /sbin/*) candidates="$candidates/usr$real$nl" ;;
    esac
  done
  set -- $candidates
  IFS=$saved
  if has dpkg-query; then
    dpkg-query -S "$@" 2>/dev/null | tagged owner dpkg
  elif has apk; then
    apk info -W "$@" 2>/dev/null | tagged owner apk
  elif has rpm; then
    for p do
      name=$(rpm -qf --qf '%{NAME}\n' "$p" 2>/dev/null) && out owner rpm "$\{name%%$nl*}: $p"
    done
  else
    out owner none
  fi
}

listing() {
  cd "$root" || {
    out listing none "cannot enter $root"
    return
  }
  set -- -path ./proc
  saved=$IFS
  IFS=$nl
  for p in $prunes; do set -- "$@" -o -path "$p"; done
  IFS=$saved
  if find . -maxdepth 0 -printf '' >/dev/null 2>&1; then
    out listing find-printf
    find . -xdev \( "$@" \) -prune -o -type l -printf 'F l %m %U %G %s %T@ %p\n-> %l\n' \
      -o \( -type f -o -type d \) -printf 'F %y %m %U %G %s %T@ %p\n'
  elif has stat && find . -maxdepth 0 -exec stat -c '%f' {} + >/dev/null 2>&1; then
    out listing find-stat
    find . -xdev \( "$@" \) -prune -o \( -type f -o -type d \) -exec stat -c 'S %f %u %g %s %Y %n' {} + \
      -o -type l -exec sh -c 'for f do stat -c "S %f %u %g %s %Y %n" "$f" && printf "%s\n" "-> $(readlink "$f")"; done' sh {} +
  else
    out listing none "neither GNU find -printf nor find -exec stat"
  fi
  out listing-end
}

out dockopt-probe 1
out context path "$path"
out context workdir "$workdir"
[ "$os" != 1 ] || os_release
kind=''
if [ -n "$program" ] && describe entry "$program" && [ "$kind" = script ]; then
  script_interpreter
fi
saved=$IFS
IFS=$nl
for c in $checks; do
  IFS=$saved
  case $c in /*) ;; *) c=$\{workdir%/}/$c ;; esac
  if [ -e "$c" ] || [ -h "$c" ]; then out check yes "$c"; else out check no "$c"; fi
done
IFS=$nl
for job in $ldjobs; do
  IFS=$tab
  set -- $job
  IFS=$saved
  ld_list "$1" "$2" "$3"
done
IFS=$saved
owners
[ -z "$root" ] || listing
out end
`.replaceAll('$\\{', '$' + '{');
