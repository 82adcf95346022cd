#!/usr/bin/env bash
# Benchmarks that print figures (the tables of docs/performance.md come from these).
#   environment/bench.sh render [SCENE] [--size 512] [--rounds 20]   point rendering, ms per view
# Needs the built toolkit (environment/setup.sh). Runs on one thread.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)
jar=$(ls "$root"/toolkit/target/r1kit-toolkit-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)
if [ -z "$jar" ] || [ ! -d "$root/toolkit/target/lib" ]; then
  echo "bench.sh: the toolkit is not built yet: run $root/environment/setup.sh" >&2
  exit 1
fi
what=${1:-}
[ $# -gt 0 ] && shift
case "$what" in
  render) main=io.r1kit.render.RenderBench ;;
  *) echo "bench.sh: name a benchmark (known: render)" >&2; exit 2 ;;
esac
cd "$root"
exec java -XX:ActiveProcessorCount=1 -Dai.djl.offline=true -cp "$jar:$root/toolkit/target/lib/*" "$main" "$@"
