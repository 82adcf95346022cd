#!/usr/bin/env bash
# Runs all of r1kit's tests: the links of the docs and notebooks, the Java tests (Maven), the kernel tests against a real
# "Java (r1kit)" kernel, every notebook executed top to bottom, and in headless Chromium (installed
# with apt-get when missing and running as root, as in CI) the 3D viewer and JupyterLab itself. The
# Dockerfiles are linted always; R1KIT_DOCKER_TEST=1 also builds and checks the CPU image (docker/test.sh).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "==> links of the docs and notebooks (environment/check_links.py)"
python3 environment/check_links.py
echo "==> Java tests (mvn verify)"
mvn -B verify
environment/setup.sh --skip-build
if [ "${R1KIT_DOCKER_TEST:-0}" = 1 ]; then
  echo "==> the CPU image: lint, build with buildah, r1kit and JupyterLab inside (docker/test.sh)"
  docker/test.sh
else
  docker/test.sh --lint-only
  echo "       (R1KIT_DOCKER_TEST=1 also builds the image and checks it)"
fi
echo "==> DJL and the sentence encoder start with no network at all (fresh native cache, no network namespace)"
if unshare --net true 2>/dev/null; then
  offline_cache=$(mktemp -d)
  DJL_CACHE_DIR="$offline_cache" unshare --net environment/r1kit engine
  # The semantic reward's encoder (ONNX Runtime, DJL tokenizers) from its jar, no network either.
  echo '{"answer": "a brown wooden chair"}' > "$offline_cache/gt.json"
  DJL_CACHE_DIR="$offline_cache" unshare --net environment/r1kit reward --task object-caption \
    --pred '<think>Brown, wood.</think><answer>a wooden chair that is brown</answer>' --gt "$offline_cache/gt.json"
  rm -rf "$offline_cache"
else
  echo "skipped: unshare --net is not permitted here (needs root or user namespaces)"
fi
echo "==> class-data sharing: a verb's first run writes its archive, the next maps it (-Xshare:on fails otherwise)"
rm -f .cache/cds/scene-*.jsa
first=$(environment/r1kit scene info --room bedroom:1)
ls .cache/cds/scene-*.jsa > /dev/null
second=$(R1KIT_JAVA_OPTS=-Xshare:on environment/r1kit scene info --room bedroom:1)
[ "$first" = "$second" ] || { echo "test.sh: scene info printed otherwise with the class archive" >&2; exit 1; }
echo "ok     $(ls .cache/cds/scene-*.jsa)"
echo "==> metric agreement with pycocoevalcap"
.venv/bin/python environment/check_coco.py
echo "==> semantic reward's sentence encoder against ONNX Runtime in Python"
.venv/bin/python environment/check_minilm.py
echo "==> object captions part by part: model evaluate --answers, read by environment/caption_parts.py"
mkdir -p out
environment/r1kit model evaluate --model r1 --compare sft --rooms 4 --per-task 12 --tasks object-caption \
  --answers out/answers.jsonl > /dev/null
python3 environment/caption_parts.py out/answers.jsonl
echo "==> kernel tests"
.venv/bin/pytest -q magics/src/test/python
echo "==> JShell examples (environment/r1kit shell FILE.jsh; output in out/examples)"
mkdir -p out/examples
for f in environment/examples/*.jsh; do
  environment/r1kit shell "$f" > "out/examples/$(basename "$f" .jsh).txt"
  echo "ok     $f ($(wc -l < "out/examples/$(basename "$f" .jsh).txt") lines)"
done
echo "==> notebooks"
.venv/bin/python environment/run_notebooks.py --out out/notebooks notebooks/*.ipynb
echo "==> 3D viewer and JupyterLab in headless Chromium"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "    Chromium is missing: installing it with apt-get"
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } \
      || { echo "test.sh: apt-get could not install chromium (see above)" >&2; exit 1; }
  else
    echo "test.sh: the viewer test needs Chromium and cannot install it here (needs root and apt-get):" \
      "install it (Debian: apt-get install -y chromium) and run again" >&2
    exit 1
  fi
fi
.venv/bin/python environment/test_viewer.py --notebook out/notebooks/00-quickstart.ipynb
# JupyterLab as the README starts it (environment/lab.sh): loopback, token required; a notebook run in the browser,
# and executed copies with viewers opened as they are (not trusted there: the viewers' still images show)
.venv/bin/python environment/test_lab.py --executed out/notebooks/00-quickstart.ipynb \
  --executed out/notebooks/02-rendering-and-views.ipynb --executed out/notebooks/10-your-own-scan.ipynb
