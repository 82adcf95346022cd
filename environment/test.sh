#!/usr/bin/env bash
# Runs all of r1kit's tests: the Java tests (Maven), the kernel tests against a real
# "Java (r1kit)" kernel, and every notebook executed top to bottom.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "==> Java tests (mvn verify)"
mvn -B verify
environment/setup.sh --skip-build
echo "==> metric agreement with pycocoevalcap"
.venv/bin/python environment/check_coco.py
echo "==> kernel tests"
.venv/bin/pytest -q magics/src/test/python
echo "==> notebooks"
.venv/bin/python environment/run_notebooks.py --out out/notebooks notebooks/*.ipynb
