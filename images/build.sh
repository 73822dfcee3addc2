#!/usr/bin/env bash
# Builds scaler's `offline` image profile on this machine, from Debian packages
# and the project's own jar; nothing is pulled from a container registry.
#
# usage: images/build.sh [--webapp-jar PATH] [--force] [-v] [NAME...]
#
#   NAME        base | haproxy | redis | webapp | mariadb | agent | toxiproxy | minio | edge | rabbitmq | node (default: all). The base is
#               made (or found cached) first whenever another image needs it.
#   --webapp-jar PATH   the shaded web app jar (default: webapp/target/webapp.jar
#               under the repository root)
#   --force     rebuild the NAMEd images (all if none is named) even when an
#               image with the same inputs exists: debootstrap again, jlink
#               again, `go install` again, `docker build --no-cache`
#   -v          show debootstrap / jlink / go / docker build output as it runs
#               (otherwise it goes to $SCALER_CACHE/logs/NAME.log)
#
# Images (each labelled scaler.image=NAME, scaler.profile=offline and
# scaler.inputs=<sha256 of what it is made from>):
#   scaler/base:bookworm     debootstrap --variant=minbase bookworm + docker import
#   scaler/haproxy:offline   Debian's haproxy
#   scaler/redis:offline     Debian's redis-server and redis-tools
#   scaler/webapp:offline    jlinked Java runtime + the web app jar
#   scaler/agent:offline     the web image + scaler's own jar (the failover agent)
#   scaler/mariadb:offline   Debian's MariaDB 10.11 server and client (*-core packages)
#   scaler/toxiproxy:offline Toxiproxy's server (/toxiproxy) and CLI (/toxiproxy-cli),
#                            `go install`ed at the version pinned below
#   scaler/minio:offline     the MinIO server (/usr/bin/minio), `go install`ed at the
#                            version pinned below
#   scaler/edge:offline      Debian's nginx, the CDN's caching edge
#   scaler/rabbitmq:offline  Debian's rabbitmq-server (3.10) with the management plugin, the job queue
#   scaler/node:offline      Debian's docker.io and iptables: a Docker-in-Docker node of
#                            `scaler cluster up`
#
# Cached and idempotent: an image is built only when no build of its inputs
# hash (its files under images/NAME/, the base image id, and for the web app
# the jar's sha256 and the Java runtime's version, for Toxiproxy the binaries'
# sha256) is recorded. Each build records the image ID it produced in
# $SCALER_CACHE/images/NAME/HASH; only a recorded ID is ever reused or tagged.
# Labels are a description, not an identity: an image built FROM scaler's base
# inherits them, so a tag that points elsewhere is put back on the recorded
# build, and the other image is left alone (never tagged, never removed).
# Images of an older build.sh have no record: the base is adopted when its one
# layer is the cached rootfs tarball and nothing was built on it (history of
# one step), the others are built again on it (Docker's layer cache makes that
# quick when they are the old build's own).
# The debootstrap rootfs tarball, the jlinked runtime and the Toxiproxy and
# MinIO binaries (bin/toxiproxy-VERSION-linux-ARCH/, bin/minio-VERSION-linux-ARCH/,
# reused whenever present) are kept in ${SCALER_CACHE:-/var/cache/scaler}.
# Prints one line per image: built|cached, name, seconds.
#
# Environment: SCALER_CACHE, SCALER_DEBIAN_MIRROR (default
# http://deb.debian.org/debian), SCALER_DEBIAN_SECURITY_MIRROR,
# SCALER_BUILD_NETWORK (a user-defined Docker network for `RUN apt-get`;
# default: scaler-build, created for the build and removed after it),
# SCALER_JLINK_MODULES (comma-separated), JAVA_HOME (see bin/find-java),
# SCALER_GO (the go command; default: `go` on PATH, else /usr/local/go/bin/go;
# needed only when the Toxiproxy or MinIO binaries are not cached; Go 1.21 or
# newer, which fetches the toolchain their go.mod asks for through GOPROXY).
# MinIO is a big build: several minutes of `go install` on 2 cores, once.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMG=$ROOT/images
CACHE=${SCALER_CACHE:-/var/cache/scaler}
SUITE=bookworm
BASE_TAG=scaler/base:$SUITE
BASE_INCLUDE=ca-certificates
MIRROR=${SCALER_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SCALER_DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}
JLINK_MODULES=${SCALER_JLINK_MODULES:-java.base,java.sql,java.net.http,java.naming,java.management,jdk.httpserver,jdk.crypto.ec}
JLINK_OPTIONS=(--strip-debug --no-header-files --no-man-pages)
# Toxiproxy, pinned: the offline twin of the upstream profile's ghcr.io/shopify/toxiproxy:2.12.0
# (dev.scaler.plan.Images.TOXIPROXY_UPSTREAM); change both together.
TOXIPROXY_MODULE=github.com/Shopify/toxiproxy/v2
TOXIPROXY_VERSION=v2.12.0
# MinIO, pinned: MinIO publishes no release images or tags any more, so the module's pseudo-version of
# a master commit; the upstream profile's minio/minio image (dev.scaler.plan.Images.MINIO_UPSTREAM) is
# the last one MinIO published. Change both together.
MINIO_MODULE=github.com/minio/minio
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
ALL=(base haproxy redis webapp mariadb agent toxiproxy minio edge rabbitmq node)
# The classic builder: BuildKit cannot run RUN steps on a user-defined network,
# and the buildx plugin is not on every machine.
export DOCKER_BUILDKIT=0

die() { echo "build.sh: error: $*" >&2; exit 1; }
note() { echo "build.sh: $*" >&2; }
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }

# ---- arguments --------------------------------------------------------------
force=0 verbose=0 jar="" names=() built_any=0
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=1 ;;
    -v|--verbose) verbose=1 ;;
    --webapp-jar) [ $# -ge 2 ] || die "--webapp-jar needs a path"; jar=$2; shift ;;
    --webapp-jar=*) jar=${1#*=} ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option: $1 (see --help)" ;;
    base|haproxy|redis|webapp|mariadb|agent|toxiproxy|minio|edge|rabbitmq|node) names+=("$1") ;;
    *) die "unknown image: $1 (one of: ${ALL[*]})" ;;
  esac
  shift
done
[ "${#names[@]}" -gt 0 ] || names=("${ALL[@]}")
named() { local n; for n in "${names[@]}"; do [ "$n" = "$1" ] && return 0; done; return 1; }
forced() { [ "$force" = 1 ] && named "$1"; }

if [ -n "$jar" ]; then
  [ -f "$jar" ] || die "--webapp-jar $jar: no such file"
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
else
  jar=$ROOT/webapp/target/webapp.jar
fi

# ---- preconditions ----------------------------------------------------------
command -v docker >/dev/null 2>&1 \
  || die "docker is not installed. Install Docker (Debian: apt-get install docker.io) and start the engine."
timeout 30 docker info >/dev/null 2>&1 \
  || die "the Docker engine does not answer (docker info failed). Start it (e.g. dockerd >/var/log/dockerd.log 2>&1 &) and check that you may use it."
cli_jar=$ROOT/cli/target/scaler.jar
if named agent && [ ! -f "$cli_jar" ]; then
  die "no scaler jar at $cli_jar. Build it with: ./mvnw -B -q -pl cli -am package -DskipTests"
fi
if named webapp && [ ! -f "$jar" ]; then
  die "no web app jar at $jar. Build it with: ./mvnw -B -q -pl webapp -am package -DskipTests (or pass --webapp-jar PATH)"
fi

mkdir -p "$CACHE" 2>/dev/null && [ -w "$CACHE" ] \
  || die "cannot write the cache directory $CACHE: run as root, or set SCALER_CACHE to a directory of yours (e.g. SCALER_CACHE=\$HOME/.cache/scaler)"
mkdir -p "$CACHE/rootfs" "$CACHE/jre" "$CACHE/bin" "$CACHE/logs" "$CACHE/tmp" "$CACHE/images"
RECORDS=$CACHE/images

# One build at a time per cache.
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  note "another images/build.sh is running with cache $CACHE; waiting for it"
  flock 9
fi

TMP=$(mktemp -d "$CACHE/tmp/build.XXXXXX")
made_network=""
cleanup() {
  local rc=$?
  # debootstrap mounts proc/sys in its target; never delete through a mount
  if [ -d "$TMP" ]; then
    awk -v t="$TMP/" 'index($2, t) == 1 { print $2 }' /proc/mounts 2>/dev/null | sort -r \
      | while read -r m; do umount -l "$m" 2>/dev/null || true; done
    rm -rf --one-file-system "$TMP" 2>/dev/null || note "could not remove $TMP"
  fi
  if [ -n "$made_network" ]; then
    docker network rm "$made_network" >/dev/null 2>&1 || true
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- helpers ----------------------------------------------------------------
now() { date +%s.%N; }
result() { # status tag start
  awk -v s="$1" -v t="$2" -v a="$3" -v b="$(now)" 'BEGIN { printf "%-6s %-24s %6.1fs\n", s, t, b - a }'
}
image_id() { docker image inspect -f '{{.Id}}' "$1" 2>/dev/null || true; }

# ---- records: the image ID each build produced ------------------------------
# $RECORDS/NAME/HASH holds the ID of the image this script built for NAME from
# inputs HASH. An ID names its content, so an image with that ID is that build.

# Prints the recorded build of NAME for inputs HASH if the engine still has it.
recorded_build() { # name hash
  local id
  id=$(cat "$RECORDS/$1/$2" 2>/dev/null) || return 0
  [ -n "$id" ] && [ "$(image_id "$id")" = "$id" ] && echo "$id"
  return 0
}

# Records ID as the build of NAME for inputs HASH.
record_build() { # name hash id
  mkdir -p "$RECORDS/$1"
  printf '%s\n' "$3" > "$RECORDS/$1/$2.part" && mv "$RECORDS/$1/$2.part" "$RECORDS/$1/$2"
}

# True when ID is a build of NAME this script recorded (any inputs).
is_recorded() { # name id
  [ -n "$2" ] && grep -qsxF "$2" "$RECORDS/$1"/* 2>/dev/null
}

# The recorded build of NAME for HASH, tagged TAG (the tag moves back to it if
# it pointed elsewhere); false when there is none.
reuse() { # name hash tag
  local id
  id=$(recorded_build "$1" "$2")
  [ -n "$id" ] || return 1
  retag "$id" "$3"
}

# Puts TAG on image ID (always a recorded build) unless it is there already;
# says so when the tag pointed at an image this script did not build.
retag() {
  local was
  was=$(image_id "$2")
  [ "$was" = "$1" ] && return 0
  if [ -n "$was" ] && ! is_recorded "$(name_of "$2")" "$was"; then
    note "$2 pointed at ${was:7:12}, an image this script did not build (built FROM it?); the tag goes back to scaler's build ${1:7:12}, that image keeps its ID (docker tag ${was:7:12} NAME to name it)"
  fi
  docker tag "$1" "$2"
}

# NAME of a tag: scaler/NAME:offline or scaler/base:bookworm.
name_of() { local n=${1#scaler/}; echo "${n%%:*}"; }

# sha256 of an image's recipe: the files under images/NAME/ (content and mode,
# Dockerfile.upstream aside: it makes another profile's image) plus extra lines.
inputs_hash() {
  local name=$1; shift
  {
    echo "scaler offline image recipe v1"
    echo "image $name"
    (cd "$IMG" && find "$name" -type f ! -name Dockerfile.upstream ! -name 'README*' -print0 | sort -z \
      | xargs -0 -r sh -c 'for f; do printf "%s %s %s\n" "$(sha256sum < "$f" | cut -c1-64)" "$(stat -c %a "$f")" "$f"; done' sh)
    printf '%s\n' "$@"
  } | sha256sum | cut -c1-64
}

# Runs a command with its output in $CACHE/logs/LOGNAME.log (and on the
# terminal with -v); on failure shows the end of the log and exits.
logged() {
  local logname=$1; shift
  local log=$CACHE/logs/$logname.log
  if [ "$verbose" = 1 ]; then
    "$@" 2>&1 | tee "$log" >&2 || { die "$logname failed (log: $log)"; }
  else
    "$@" >"$log" 2>&1 || { tail -n 40 "$log" >&2; die "$logname failed (full log: $log)"; }
  fi
}

# A user-defined network for RUN steps: these reach the Debian mirror (the
# default bridge may not, depending on the engine's set-up).
# Created on first use; removed at exit if this run created it.
net=${SCALER_BUILD_NETWORK:-scaler-build}
ensure_network() {
  if ! docker network inspect "$net" >/dev/null 2>&1; then
    docker network create --label scaler.build=true "$net" >/dev/null \
      || die "cannot create the Docker network $net for the build"
    made_network=$net
  fi
}

# docker build of images/NAME (or of the context directory given) as TAG.
docker_build() { # name tag hash context
  local name=$1 tag=$2 hash=$3 ctx=$4
  ensure_network
  local iid=$TMP/$name.iid
  local args=(build --network "$net" --build-arg "BASE=$BASE_TAG" --iidfile "$iid" -t "$tag"
              --label "scaler.image=$name" --label "scaler.profile=offline" --label "scaler.inputs=$hash")
  forced "$name" && args+=(--no-cache)
  note "building $tag (log: $CACHE/logs/$name.log)"
  logged "$name" docker "${args[@]}" "$ctx"
  record_build "$name" "$hash" "$(cat "$iid")"
  built_any=1
}

# Builds this script recorded that lost their tag to a rebuild are removed at
# the end, unless a container or another image still uses them (docker rmi
# refuses then), so that rebuilding for every new jar does not pile up images.
# Only recorded IDs: an image someone built FROM scaler's base carries the same
# labels and is never touched. A record whose image is gone is dropped.
sweep_superseded() {
  local record id
  for record in "$RECORDS"/*/*; do
    [ -f "$record" ] || continue
    id=$(cat "$record")
    if [ -z "$(image_id "$id")" ]; then
      rm -f "$record"
    elif [ "$(docker image inspect -f '{{len .RepoTags}}' "$id" 2>/dev/null)" = 0 ] \
        && docker rmi "$id" >/dev/null 2>&1; then
      rm -f "$record"
    fi
  done
}

# ---- base -------------------------------------------------------------------
arch=$(dpkg --print-architecture 2>/dev/null || uname -m)

base_hash() {
  inputs_hash base "suite $SUITE" "variant minbase" "include $BASE_INCLUDE" \
    "mirror $MIRROR" "security $SECURITY_MIRROR" "arch $arch"
}

import_base() { # tarball hash; records the new image
  local id
  id=$(docker import \
    --change "LABEL scaler.image=base" \
    --change "LABEL scaler.profile=offline" \
    --change "LABEL scaler.inputs=$2" \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV LANG=C.UTF-8" \
    --change 'CMD ["bash"]' \
    "$1" "$BASE_TAG")
  record_build base "$2" "$id"
}

# The base an older build.sh imported from TARBALL, if it is that import and
# nothing else: its one layer is the tarball (a layer's ID is the sha256 of its
# tar) and its history has the import alone (an image built FROM it, even with
# only ENTRYPOINT or VOLUME, has the same layer but more history). Prints its ID.
unrecorded_base() { # tarball hash
  local id layers steps
  [ -s "$1" ] || return 0
  for id in $(docker images -q --no-trunc --filter label=scaler.image=base --filter "label=scaler.inputs=$2"); do
    layers=$(docker image inspect -f '{{json .RootFS.Layers}}' "$id")
    steps=$(docker history -q --no-trunc "$id" | wc -l)
    if [ "$steps" = 1 ] && [ "$layers" = "[\"sha256:$(sha256sum < "$1" | cut -c1-64)\"]" ]; then
      echo "$id"
      return 0
    fi
  done
}

build_base() {
  local t0 h tarball id dir
  t0=$(now)
  h=$(base_hash)
  tarball=$CACHE/rootfs/$SUITE-minbase-$arch-${h:0:16}.tar
  if ! forced base; then
    if reuse base "$h" "$BASE_TAG"; then
      result cached "$BASE_TAG" "$t0"
      return
    fi
    id=$(unrecorded_base "$tarball" "$h")
    if [ -n "$id" ]; then
      note "adopting ${id:7:12}, the base an older build.sh imported from $tarball"
      record_build base "$h" "$id"
      retag "$id" "$BASE_TAG"
      result cached "$BASE_TAG" "$t0"
      return
    fi
    if [ -s "$tarball" ]; then
      note "importing $BASE_TAG from the cached rootfs $tarball"
      import_base "$tarball" "$h"
      built_any=1
      result built "$BASE_TAG" "$t0"
      return
    fi
  fi
  command -v debootstrap >/dev/null 2>&1 \
    || die "debootstrap is not installed; it makes the base image. Install it (Debian: apt-get install debootstrap)."
  [ "$(id -u)" = 0 ] || die "debootstrap needs root: run images/build.sh as root (or with sudo)"
  dir=$TMP/rootfs
  note "debootstrap --variant=minbase $SUITE from $MIRROR (log: $CACHE/logs/debootstrap.log)"
  logged debootstrap debootstrap --variant=minbase --include="$BASE_INCLUDE" "$SUITE" "$dir" "$MIRROR"
  note "customizing the rootfs (images/base/customize.sh)"
  logged customize sh "$IMG/base/customize.sh" "$dir" "$MIRROR" "$SECURITY_MIRROR"
  rm -f "$CACHE/rootfs/$SUITE-minbase-$arch-"*.tar
  tar --numeric-owner -C "$dir" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
  rm -rf --one-file-system "$dir"
  import_base "$tarball" "$h"
  built_any=1
  result built "$BASE_TAG" "$t0"
}

# The base's ID once build_base put the tag on a recorded build.
set_base_id() {
  BASE_ID=$(image_id "$BASE_TAG")
  is_recorded base "$BASE_ID" || die "$BASE_TAG is not a build this script recorded"
}

# The base every other image is built FROM: set by build_base, always a recorded build.
BASE_ID=""

# ---- haproxy, redis, mariadb, edge, rabbitmq, node ------------------------------------------------
build_plain() { # name
  local name=$1 tag="scaler/$1:offline" t0 h
  t0=$(now)
  h=$(inputs_hash "$name" "base $BASE_ID")
  if ! forced "$name"; then
    if reuse "$name" "$h" "$tag"; then
      result cached "$tag" "$t0"
      return
    fi
  fi
  docker_build "$name" "$tag" "$h" "$IMG/$name"
  result built "$tag" "$t0"
}

# ---- webapp -------------------------------------------------------------------
build_webapp() {
  local tag=scaler/webapp:offline t0 h jh jdk_version rt_key rt jar_sha ctx mods m have
  t0=$(now)
  jh=$("$ROOT/bin/find-java") || die "no JDK 21+ to jlink the web image's Java runtime from (see above)"
  jdk_version=$(sed -n 's/^IMPLEMENTOR="\(.*\)"$/\1/p; s/^JAVA_RUNTIME_VERSION="\(.*\)"$/\1/p' "$jh/release" 2>/dev/null | paste -sd' ' -)
  [ -n "$jdk_version" ] || jdk_version=$("$jh/bin/java" -version 2>&1 | sed -n 1p)
  rt_key=$(printf '%s\n' "$jdk_version" "$JLINK_MODULES" "${JLINK_OPTIONS[*]}" | sha256sum | cut -c1-12)
  rt=$CACHE/jre/$(echo "$jdk_version" | tr -c 'A-Za-z0-9.+_\n-' '_' | tr ' ' '_')-$rt_key
  jar_sha=$(sha256sum < "$jar" | cut -c1-64)
  h=$(inputs_hash webapp "base $BASE_ID" "jar $jar_sha" "runtime $jdk_version $rt_key")
  if ! forced webapp; then
    if reuse webapp "$h" "$tag"; then
      result cached "$tag" "$t0"
      return
    fi
  fi
  if [ ! -x "$rt/bin/java" ] || forced webapp; then
    # only the modules this JDK has (jdk.crypto.ec, for one, is empty and
    # deprecated since JDK 22 and may go)
    mods="" have=$("$jh/bin/java" --list-modules 2>/dev/null | sed 's/@.*//')
    for m in ${JLINK_MODULES//,/ }; do
      if grep -qx "$m" <<< "$have"; then mods=${mods:+$mods,}$m
      else note "this JDK has no module $m; the runtime goes without it"; fi
    done
    note "jlink from $jh ($jdk_version): $mods"
    rm -rf "$TMP/jre"
    logged jlink "$jh/bin/jlink" --add-modules "$mods" "${JLINK_OPTIONS[@]}" --output "$TMP/jre"
    "$TMP/jre/bin/java" -version >/dev/null 2>&1 || die "the jlinked runtime does not run"
    rm -rf "$rt"
    mv "$TMP/jre" "$rt"
  fi
  check_modules "$jh" "$rt"
  ctx=$TMP/webapp-context
  mkdir -p "$ctx"
  cp "$IMG/webapp/Dockerfile" "$IMG/webapp/aot-training.sh" "$ctx/"
  cp -a "$rt" "$ctx/runtime"
  cp "$jar" "$ctx/webapp.jar"
  docker_build webapp "$tag" "$h" "$ctx"
  rm -rf "$ctx"
  result built "$tag" "$t0"
}

# ---- agent ------------------------------------------------------------------
# The tool's own jar on top of the web image (same runtime); rebuilt when either changes.
build_agent() {
  local tag=scaler/agent:offline t0 h webapp_id ctx
  t0=$(now)
  webapp_id=$(image_id scaler/webapp:offline)
  [ -n "$webapp_id" ] || die "scaler/webapp:offline is missing: the agent image is built on it"
  is_recorded webapp "$webapp_id" \
    || die "scaler/webapp:offline is not an image this script built, and the agent image is built on it: run images/build.sh webapp agent"
  h=$(inputs_hash agent "webapp $webapp_id" "jar $(sha256sum < "$cli_jar" | cut -c1-64)")
  if ! forced agent; then
    if reuse agent "$h" "$tag"; then
      result cached "$tag" "$t0"
      return
    fi
  fi
  ctx=$TMP/agent-context
  mkdir -p "$ctx"
  cp "$IMG/agent/Dockerfile" "$ctx/Dockerfile"
  cp "$cli_jar" "$ctx/scaler.jar"
  docker_build agent "$tag" "$h" "$ctx"
  rm -rf "$ctx"
  result built "$tag" "$t0"
}

# ---- toxiproxy ----------------------------------------------------------------
# The go command: SCALER_GO, else go on PATH, else the usual /usr/local/go.
find_go() {
  local g
  for g in "${SCALER_GO:-}" "$(command -v go 2>/dev/null || true)" /usr/local/go/bin/go; do
    if [ -n "$g" ] && [ -x "$g" ]; then echo "$g"; return 0; fi
  done
  return 1
}

# A Go 1.21+ to build WHAT at VERSION with; dies saying what to install. Prints the go command.
usable_go() { # what version cached-dir
  local go version minor
  go=$(find_go) || die "no Go toolchain to build $1 $2 with (and no cached binaries in $3). Install Go 1.21 or newer (https://go.dev/dl/, e.g. to /usr/local/go) or set SCALER_GO to the go command."
  version=$("$go" env GOVERSION 2>/dev/null) || die "$go does not run"
  minor=$(sed -n 's/^go1\.\([0-9]*\).*/\1/p' <<< "$version")
  [ -n "$minor" ] && [ "$minor" -ge 21 ] \
    || die "$go is $version; $1 needs Go 1.21 or newer to build (older Go cannot fetch the toolchain its go.mod asks for)"
  echo "$go"
}

# GOARCH of this machine's architecture.
go_arch() {
  case "$arch" in
    amd64|x86_64) echo amd64 ;; arm64|aarch64) echo arm64 ;; *) echo "$arch" ;;
  esac
}

# Builds (or finds cached) the server and CLI binaries; prints their directory.
toxiproxy_binaries() {
  local go goarch version dir out
  # The cache key needs the target architecture before Go is looked for, so that a
  # machine without Go still reuses binaries another run left there.
  goarch=$(go_arch)
  dir=$CACHE/bin/toxiproxy-$TOXIPROXY_VERSION-linux-$goarch
  if [ -x "$dir/toxiproxy" ] && [ -x "$dir/toxiproxy-cli" ] && ! forced toxiproxy; then
    echo "$dir"
    return
  fi
  go=$(usable_go Toxiproxy "$TOXIPROXY_VERSION" "$dir")
  version=$("$go" env GOVERSION)
  out=$TMP/gobin
  rm -rf "$out"
  mkdir -p "$out"
  note "go install $TOXIPROXY_MODULE/cmd/{server,cli}@$TOXIPROXY_VERSION with $version (log: $CACHE/logs/toxiproxy-go.log)"
  # Static binaries (no cgo), stripped, reproducible paths, the version the official
  # release stamps; the modules land in Go's module cache, never in this repository.
  logged toxiproxy-go env GOBIN="$out" GOOS=linux GOARCH="$goarch" CGO_ENABLED=0 GOFLAGS="-trimpath -buildvcs=false" \
    "$go" install -ldflags "-s -w -X $TOXIPROXY_MODULE.Version=${TOXIPROXY_VERSION#v}" \
    "$TOXIPROXY_MODULE/cmd/server@$TOXIPROXY_VERSION" "$TOXIPROXY_MODULE/cmd/cli@$TOXIPROXY_VERSION"
  # go install names binaries after their package directories.
  [ -x "$out/server" ] && [ -x "$out/cli" ] || die "go install made no server/cli binaries in $out"
  mkdir -p "$TMP/toxiproxy-bin"
  mv "$out/server" "$TMP/toxiproxy-bin/toxiproxy"
  mv "$out/cli" "$TMP/toxiproxy-bin/toxiproxy-cli"
  rm -rf "$dir"
  mv "$TMP/toxiproxy-bin" "$dir"
  echo "$dir"
}

# An image of binaries built with Go: the recipe's Dockerfile plus each binary, cached by the binaries'
# sha256 (each hashed under its LABEL, so a binary that did not change keeps the image).
build_go_image() { # name version-line bin-dir label:file...
  local name=$1 version=$2 bin=$3 tag="scaler/$1:offline" t0 h ctx pair lines=()
  shift 3
  t0=$(now)
  for pair in "$@"; do lines+=("${pair%%:*} $(sha256sum < "$bin/${pair#*:}" | cut -c1-64)"); done
  h=$(inputs_hash "$name" "base $BASE_ID" "version $version" "${lines[@]}")
  if ! forced "$name"; then
    if reuse "$name" "$h" "$tag"; then
      result cached "$tag" "$t0"
      return
    fi
  fi
  ctx=$TMP/$name-context
  mkdir -p "$ctx"
  cp "$IMG/$name/Dockerfile" "$ctx/Dockerfile"
  for pair in "$@"; do cp "$bin/${pair#*:}" "$ctx/"; done
  docker_build "$name" "$tag" "$h" "$ctx"
  rm -rf "$ctx"
  result built "$tag" "$t0"
}

build_toxiproxy() {
  local bin
  bin=$(toxiproxy_binaries)
  build_go_image toxiproxy "$TOXIPROXY_MODULE@$TOXIPROXY_VERSION" "$bin" server:toxiproxy cli:toxiproxy-cli
}

# ---- minio ------------------------------------------------------------------
# Builds (or finds cached) the MinIO server binary; prints its directory.
minio_binaries() {
  local go goarch version dir out
  goarch=$(go_arch)
  dir=$CACHE/bin/minio-$MINIO_VERSION-linux-$goarch
  if [ -x "$dir/minio" ] && ! forced minio; then
    echo "$dir"
    return
  fi
  go=$(usable_go MinIO "$MINIO_VERSION" "$dir")
  version=$("$go" env GOVERSION)
  out=$TMP/minio-gobin
  rm -rf "$out"
  mkdir -p "$out"
  note "go install $MINIO_MODULE@$MINIO_VERSION with $version: a big build, minutes on 2 cores (log: $CACHE/logs/minio-go.log)"
  # Static (no cgo), stripped, reproducible paths; the modules land in Go's module cache.
  logged minio-go env GOBIN="$out" GOOS=linux GOARCH="$goarch" CGO_ENABLED=0 GOFLAGS="-trimpath -buildvcs=false" \
    "$go" install -ldflags "-s -w" "$MINIO_MODULE@$MINIO_VERSION"
  [ -x "$out/minio" ] || die "go install made no minio binary in $out"
  rm -rf "$dir"
  mkdir -p "$dir.part"
  mv "$out/minio" "$dir.part/minio"
  mv "$dir.part" "$dir"
  echo "$dir"
}

build_minio() {
  local bin
  bin=$(minio_binaries)
  build_go_image minio "$MINIO_MODULE@$MINIO_VERSION" "$bin" server:minio
}

# Warns when the jar refers to JDK modules that the runtime lacks (a library
# added to the web app may need, say, jdk.unsupported): then set
# SCALER_JLINK_MODULES. A warning only: jdeps sees references, not use.
check_modules() { # jdk-home runtime
  local need have missing="" m
  need=$("$1/bin/jdeps" --multi-release 21 --ignore-missing-deps --print-module-deps "$jar" 2>/dev/null | tail -n1) || return 0
  have=$("$2/bin/java" --list-modules | sed 's/@.*//')
  for m in ${need//,/ }; do grep -qx "$m" <<< "$have" || missing=${missing:+$missing,}$m; done
  [ -z "$missing" ] || note "warning: $jar refers to JDK modules the runtime lacks: $missing (add them with SCALER_JLINK_MODULES=$JLINK_MODULES,$missing)"
}

# ---- main -------------------------------------------------------------------
build_base            # every image is built FROM it
set_base_id
named haproxy && build_plain haproxy
named redis && build_plain redis
named webapp && build_webapp
named mariadb && build_plain mariadb
named agent && build_agent
named toxiproxy && build_toxiproxy
named minio && build_minio
named edge && build_plain edge
named rabbitmq && build_plain rabbitmq
named node && build_plain node
[ "$built_any" = 0 ] || sweep_superseded
exit 0
