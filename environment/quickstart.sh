#!/usr/bin/env bash
# Sets r1kit up (first run: a few minutes) and runs the main job on the embedded default:
# the quick-start notebook, executed headless. Prints where the executed copy and its images are.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
environment/setup.sh
.venv/bin/python environment/run_notebooks.py --out out/notebooks notebooks/00-quickstart.ipynb
echo "Open it in JupyterLab: .venv/bin/jupyter lab notebooks/00-quickstart.ipynb"
