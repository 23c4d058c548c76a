#!/usr/bin/env bash
# The project's own style checks: `scripts/lint.sh format|tidy BUILD_DIR [PATH...]`. Both fail
# (exit 1) on any finding. Run by `./dev lint` (everything) and, as CTest tests, by `./dev test`:
# one style_tidy_FOLDER_FILE test per source file, so each has its own timeout and ctest runs them
# side by side with the other tests (one clang-tidy run over everything took over 900 s on a slow
# host, and one file with CLI11 takes 50 s). A PATH is a file or a folder under src/.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
what=${1:?usage: lint.sh format|tidy BUILD_DIR [PATH...]}
build=${2:-build}
shift 2 2>/dev/null || shift $#
paths=("$@")
mapfile -t sources < <(git ls-files 'src/*.cpp' 'src/*.h' 'bench/*.cpp' 'fuzz/*.cpp' 2>/dev/null ||
                         find src bench fuzz -name '*.cpp' -o -name '*.h')
case "$what" in
  format)
    clang-format --dry-run --Werror "${sources[@]}"
    ;;
  tidy)
    [ -f "$build/compile_commands.json" ] || { echo "lint: $build/compile_commands.json missing" >&2; exit 1; }
    [ ${#paths[@]} -gt 0 ] || paths=(src)
    files=$(for s in "${sources[@]}"; do
              for p in "${paths[@]}"; do [[ $s == "$p" || $s == "${p%/}"/* ]] && echo "$s"; done
            done | grep -E '^src/.*\.cpp$' | grep -vE '_(db)?test\.cpp$' || true)
    [ -n "$files" ] || { echo "lint: no sources (other than tests) in ${paths[*]}" >&2; exit 1; }
    printf '%s\n' "$files" |
      xargs -P "$(nproc)" -n 2 clang-tidy -p "$build" --quiet --warnings-as-errors='*' 2>/dev/null
    ;;
  *) echo "usage: lint.sh format|tidy BUILD_DIR" >&2; exit 2 ;;
esac
