#!/usr/bin/env bash
# Opens the notebooks in JupyterLab on this machine only (127.0.0.1), with the Java (r1kit) kernel.
# A token guards it: R1KIT_LAB_TOKEN if set, else a fresh random one, printed with the address.
# It opens notebooks/, or the folder R1KIT_LAB_ROOT names.
# R1KIT_LAB_IP changes the address it listens on (the Docker image sets 0.0.0.0, inside the container only).
# As root (a container, a VM) JupyterLab needs --allow-root; this script adds it then.
# Usage: environment/lab.sh [--port N] [extra jupyter lab options]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
if [ ! -x "$root/.venv/bin/jupyter" ]; then
  echo "lab.sh: JupyterLab is not installed yet: run $root/environment/setup.sh" >&2
  exit 1
fi
port=8888
if [ "${1:-}" = "--port" ]; then
  port="$2"
  shift 2
fi
token="${R1KIT_LAB_TOKEN:-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')}"
ip="${R1KIT_LAB_IP:-127.0.0.1}"
extra=()
if [ "$(id -u)" = 0 ]; then
  extra+=(--allow-root)
fi
echo "JupyterLab: http://127.0.0.1:$port/lab?token=$token"
exec "$root/.venv/bin/jupyter" lab --no-browser --ip="$ip" --port="$port" \
  --IdentityProvider.token="$token" --ServerApp.root_dir="${R1KIT_LAB_ROOT:-$root/notebooks}" "${extra[@]}" "$@"
