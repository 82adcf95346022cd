#!/usr/bin/env bash
# Lints both Dockerfiles, then builds the CPU image without a Docker daemon and checks what it does:
#   1. hadolint on docker/Dockerfile and docker/Dockerfile.cuda (from .venv: environment/setup.sh installs it);
#   2. a Debian bookworm base made here by mmdebstrap (unless R1KIT_DOCKER_BASE names an image to use);
#   3. the jars (`mvn package`) and a wheel folder (`pip download`, for the image's Python 3.11.2) made on this
#      machine and built into the image with PREBUILT=1, so the build reaches only Debian's packages (apt);
#   4. in the image (buildah run), as its non-root user: `r1kit engine`, one `r1kit ask` about a generated room;
#   5. JupyterLab started by the image's lab.sh (its command), checked from outside on 127.0.0.1: /api/status
#      answers 200 with the token and 403 without it.
# hadolint is .venv's, else the one on PATH. Needs root, buildah, podman and mmdebstrap (Debian: apt-get install -y buildah podman mmdebstrap).
# The image store, the base and the wheels live in R1KIT_DOCKER_WORK (default /tmp/r1kit-docker); the image
# is tagged localhost/r1kit:test and stays there for a look (--clean removes the store when done).
# --no-build checks the image built last time. Usage: docker/test.sh [--lint-only] [--no-build] [--clean]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
lint_only=0
clean=0
build=1
for arg in "$@"; do
  case "$arg" in
    --lint-only) lint_only=1 ;;
    --clean) clean=1 ;;
    --no-build) build=0 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "docker/test.sh: unknown option $arg (known: --lint-only, --no-build, --clean)" >&2; exit 2 ;;
  esac
done

echo "==> hadolint docker/Dockerfile docker/Dockerfile.cuda"
hadolint=.venv/bin/hadolint
[ -x "$hadolint" ] || hadolint=$(command -v hadolint || true)
if [ -z "$hadolint" ]; then
  echo "docker/test.sh: hadolint is missing from .venv and PATH: run environment/setup.sh" >&2
  exit 1
fi
"$hadolint" docker/Dockerfile docker/Dockerfile.cuda
echo "ok     both Dockerfiles lint clean ($("$hadolint" --version))"
[ "$lint_only" = 1 ] && exit 0

for tool in buildah podman mmdebstrap curl; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "docker/test.sh: $tool is missing (Debian: apt-get install -y buildah podman mmdebstrap curl)" >&2
    exit 1
  }
done
work="${R1KIT_DOCKER_WORK:-/tmp/r1kit-docker}"
mkdir -p "$work"
store=(--root "$work/storage" --runroot "$work/run")
image=localhost/r1kit:test
started=$(date +%s)

base="${R1KIT_DOCKER_BASE:-localhost/debian:bookworm}"
build_s=skipped
size=$(podman "${store[@]}" image inspect --format '{{.Size}}' "$image" 2>/dev/null || echo 0)
if [ "$build" = 1 ]; then
if [ -z "${R1KIT_DOCKER_BASE:-}" ] && ! podman "${store[@]}" image exists "$base"; then
  echo "==> Debian bookworm base with mmdebstrap (minbase)"
  mmdebstrap --quiet --variant=minbase bookworm "$work/rootfs.tar"
  podman "${store[@]}" import --quiet "$work/rootfs.tar" "$base" >/dev/null
  rm -f "$work/rootfs.tar"
fi

echo "==> the jars (mvn package) and the wheels (pip download) for PREBUILT=1"
mvn -B -q -Dmaven.test.skip=true package
# Wheels for the image's Python (Debian bookworm: 3.11.2), whatever this machine's Python is.
rm -rf out/docker-wheels
.venv/bin/pip download -q --disable-pip-version-check --only-binary=:all: --python-version 3.11.2 \
  -r environment/requirements.txt -d out/docker-wheels

echo "==> buildah bud (base $base)"
build_start=$(date +%s)
buildah "${store[@]}" bud --quiet --layers --isolation chroot --format docker \
  --build-arg BASE="$base" --build-arg PREBUILT=1 -f docker/Dockerfile -t "$image" . >/dev/null
build_s="$(( $(date +%s) - build_start )) s"
size=$(podman "${store[@]}" image inspect --format '{{.Size}}' "$image")
echo "ok     built $image in ${build_s}: $((size / 1000000)) MB"
fi

# Runs in a working container of the image with buildah's chroot isolation (as its user, r1kit): podman run
# needs setrlimit, which an unprivileged container host refuses.
ctr=$(buildah "${store[@]}" from --quiet "$image")
stop() { buildah "${store[@]}" rm "$ctr" >/dev/null 2>&1 || true; }
trap stop EXIT
run=(buildah "${store[@]}" run --isolation chroot "$ctr" --)
echo "==> in the image: the user, r1kit engine, r1kit ask"
user=$("${run[@]}" id -un)
[ "$user" = r1kit ] || { echo "docker/test.sh: the image runs as '$user', not r1kit" >&2; exit 1; }
"${run[@]}" r1kit engine
answer=$("${run[@]}" r1kit ask --room bedroom:7 --task grounding "the lamp" --device cpu --json)
echo "$answer" | .venv/bin/python -c 'import json, sys; a = json.load(sys.stdin); print("ok     r1kit ask:", a["answer"]); sys.exit(0 if a["answer"] else 1)'

echo "==> JupyterLab by the image's lab.sh (its command), checked from outside on 127.0.0.1"
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# chroot isolation shares this machine's network, so the image's 0.0.0.0 becomes 127.0.0.1 here.
setsid "${run[@]}" env R1KIT_LAB_IP=127.0.0.1 R1KIT_LAB_TOKEN=docker-test-token lab.sh --port "$port" \
  > "$work/lab.log" 2>&1 &
lab=$!
with=000
for _ in $(seq 1 120); do
  with=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/status?token=docker-test-token" || true)
  [ "$with" = 200 ] && break
  sleep 1
done
without=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/status" || true)
wrong=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/status?token=wrong" || true)
specs=$(curl -s "http://127.0.0.1:$port/api/kernelspecs?token=docker-test-token" || true)
health=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api" || true)
kill -- -"$lab" 2>/dev/null || true   # its process group: buildah run and JupyterLab under it
wait "$lab" 2>/dev/null || true
printed=$(grep -c "lab?token=docker-test-token" "$work/lab.log" || true)
if [ "$with" != 200 ] || [ "$without" != 403 ] || [ "$wrong" != 403 ] || [[ "$specs" != *'"r1kit"'* ]] \
  || [ "$printed" != 1 ]; then
  tail -n 20 "$work/lab.log" >&2
  echo "docker/test.sh: JupyterLab check failed (with the token: $with, without: $without, wrong: $wrong)" >&2
  exit 1
fi
echo "ok     /api/status on 127.0.0.1:$port: 200 with the token, 403 without or with a wrong one;" \
  "the r1kit kernel listed; the address with the token printed; /api (the health check) $health"
stop
trap - EXIT
if [ "$clean" = 1 ]; then
  buildah "${store[@]}" rm --all >/dev/null
  podman "${store[@]}" rmi --all --force >/dev/null
  echo "removed the image store in $work"
fi
echo "docker/test.sh: all checks passed in $(( $(date +%s) - started )) s (image build: ${build_s}, $((size / 1000000)) MB)"
