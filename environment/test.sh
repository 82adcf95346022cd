#!/usr/bin/env bash
# Runs all of r1kit's tests: the Java tests (Maven), the kernel tests against a real
# "Java (r1kit)" kernel, and every notebook executed top to bottom.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "==> Java tests (mvn verify)"
mvn -B verify
environment/setup.sh --skip-build
echo "==> DJL starts with no network at all (fresh native cache, no network namespace)"
if unshare --net true 2>/dev/null; then
  offline_cache=$(mktemp -d)
  DJL_CACHE_DIR="$offline_cache" unshare --net environment/r1kit engine
  rm -rf "$offline_cache"
else
  echo "skipped: unshare --net is not permitted here (needs root or user namespaces)"
fi
echo "==> kernel tests"
.venv/bin/pytest -q magics/src/test/python
echo "==> notebooks"
.venv/bin/python environment/run_notebooks.py --out out/notebooks notebooks/*.ipynb
