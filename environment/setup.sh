#!/usr/bin/env bash
# Sets r1kit up on this machine; safe to run again.
#   1. builds the toolkit and magics jars (unless --skip-build),
#   2. creates .venv with JupyterLab and the JJava kernel (pinned in requirements.txt),
#   3. installs the "r1kit" Jupyter kernel: JJava with the toolkit jars on its class path,
#      the r1kit magics, the JShell startup script, and DJL kept offline.
# Needs Java 17+, Maven and Python 3.9+. Downloads only from Maven Central and PyPI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

build=1
for arg in "$@"; do
  case "$arg" in
    --skip-build) build=0 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg (known: --skip-build)" >&2; exit 2 ;;
  esac
done

need() { command -v "$1" >/dev/null 2>&1 || { echo "setup.sh: $1 is required but not found on PATH" >&2; exit 1; }; }
need java; need mvn; need python3

if [ "$build" = 1 ]; then
  echo "==> building the toolkit and magics jars (Maven)"
  mvn -B -q -DskipTests package
fi
for jar in toolkit/target/r1kit-toolkit-*.jar magics/target/r1kit-magics-*.jar; do
  [ -f "$jar" ] || { echo "setup.sh: $jar is missing: run without --skip-build" >&2; exit 1; }
done

venv="$root/.venv"
stamp="$venv/.requirements"
if [ ! -x "$venv/bin/python" ]; then
  echo "==> creating $venv"
  python3 -m venv "$venv"
fi
if ! cmp -s environment/requirements.txt "$stamp" 2>/dev/null; then
  echo "==> installing JupyterLab and the JJava kernel into .venv (PyPI)"
  "$venv/bin/pip" install -q --disable-pip-version-check -r environment/requirements.txt
  cp environment/requirements.txt "$stamp"
fi

echo "==> installing the r1kit kernel"
"$venv/bin/python" environment/install_kernel.py --prefix "$venv" --root "$root"
chmod +x environment/r1kit
ln -sf "$root/environment/r1kit" "$venv/bin/r1kit"
echo "r1kit is set up. Kernel: 'Java (r1kit)'. CLI: environment/r1kit. JupyterLab: .venv/bin/jupyter lab"
