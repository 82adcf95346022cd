#!/usr/bin/env bash
# The checks of docs/performance.md "On a GPU", in one command, on a machine with an NVIDIA GPU:
#   environment/gpu_check.sh [OUT]      (OUT: a folder for the logs and the GRPO run; default gpu-check)
# Needs the built toolkit (environment/setup.sh), a CUDA libtorch set up as in the README's GPU section
# (PYTORCH_LIBRARY_PATH, PYTORCH_FLAVOR), and a python3 with torch (CUDA) and transformers.
# Each check runs even when one before it failed (each within R1KIT_CHECK_TIMEOUT seconds, default 900);
# the exit code is 1 when any failed.
#   1. r1kit engine --device gpu                  which device and libtorch
#   2. check_logits.py --device cuda              logits against transformers on the same GPU, float32 and float16
#   3. r1kit train grpo --device gpu              4 GRPO steps of the shipped sft (nano-grpo-device-check.json)
#   4. bench_steps.py --device cuda               training steps (float32) and GRPO-style sampling (float16,
#                                                 then float32) against transformers
set -uo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
out=${1:-gpu-check}
mkdir -p "$out"
py=${PYTHON:-python3}
failed=0
step() {
  local name=$1
  shift
  echo "== $name: $*"
  local start=$SECONDS
  if timeout "${R1KIT_CHECK_TIMEOUT:-900}" "$@" > >(tee "$out/$name.log") 2>"$out/$name.err"; then
    echo "== $name: ok, $((SECONDS - start)) s"
  else
    echo "== $name: FAILED, $((SECONDS - start)) s; the last lines of its errors:"
    tail -n 5 "$out/$name.err"
    failed=1
  fi
}
cd "$root"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null || true
step engine environment/r1kit engine --device gpu
step logits "$py" toolkit/src/test/python/check_logits.py --device cuda
rm -rf "$out/grpo"
step grpo environment/r1kit train grpo --config environment/nano-grpo-device-check.json --out "$out/grpo" \
  --device gpu
step bench-fp16 "$py" toolkit/src/test/python/bench_steps.py --device cuda --dtype float16 --threads 4
step bench-fp32 "$py" toolkit/src/test/python/bench_steps.py --device cuda --dtype float32 --threads 4
exit $failed
