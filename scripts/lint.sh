#!/usr/bin/env bash
# The project's own style checks: `scripts/lint.sh format|tidy BUILD_DIR`. Both fail (exit 1) on
# any finding. Run by `./dev lint` and, as CTest tests, by `./dev test`.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
what=${1:?usage: lint.sh format|tidy BUILD_DIR}
build=${2:-build}
mapfile -t sources < <(git ls-files 'src/*.cpp' 'src/*.h' 'bench/*.cpp' 'fuzz/*.cpp' 2>/dev/null ||
                         find src bench fuzz -name '*.cpp' -o -name '*.h')
case "$what" in
  format)
    clang-format --dry-run --Werror "${sources[@]}"
    ;;
  tidy)
    [ -f "$build/compile_commands.json" ] || { echo "lint: $build/compile_commands.json missing" >&2; exit 1; }
    printf '%s\n' "${sources[@]}" | grep -E '^src/.*\.cpp$' | grep -vE '_(db)?test\.cpp$' |
      xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet --warnings-as-errors='*' 2>/dev/null
    ;;
  *) echo "usage: lint.sh format|tidy BUILD_DIR" >&2; exit 2 ;;
esac
