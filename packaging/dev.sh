#!/usr/bin/env bash
# The two Quick-start commands of the README:
#   packaging/dev.sh run    install what is missing, build, open Rapport on the default workspace
#   packaging/dev.sh test   install what is missing, build, run every test
# Extra arguments after `run` go to rapport (for example: run --db ~/work.rapport).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
case $what in
  run | test) shift ;;
  *) echo "usage: packaging/dev.sh run|test" >&2; exit 1 ;;
esac
packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
if [[ $what == run ]]; then
  exec build/dev/app/rapport "$@"
fi
ctest --preset dev
