#!/usr/bin/env bash
# aipack in a CI job: install the tool, validate the content (SARIF for code scanning, JUnit for test tabs), optionally
# run the rule tests, and write a Markdown summary. The GitHub Action (action.yml), the reusable workflow and the Azure
# DevOps template all run this script; every input is an environment variable so each CI system passes its own.
#
#   AIPACK_WORKING_DIRECTORY  content repository folder (default .)
#   AIPACK_PATHS              content paths, one per line (default: aipack.yaml's folders, else the layout found)
#   AIPACK_WARNINGS_AS_ERRORS true to fail on warnings too
#   AIPACK_RUN_TESTS          true to run `aipack test` as well
#   AIPACK_SARIF              SARIF report (default aipack.sarif, relative to the working directory)
#   AIPACK_JUNIT              JUnit report of validate (default aipack-validate.xml)
#   AIPACK_TEST_JUNIT         JUnit report of the rule tests (default aipack-tests.xml)
#   AIPACK_TOOL               an aipack already installed (its executable or aipack.dll): skips the install
#   AIPACK_SOURCE             NuGet feed (URL or folder) to install the SentinelAiPack.Cli tool package from
#   AIPACK_VERSION            tool version to install (default: the newest on the feed)
#   AIPACK_SOURCE_TREE        a SentinelAiPack checkout: with no AIPACK_SOURCE, the tool is packed from it
#   AIPACK_TOOL_PATH          where the tool is installed (default: the runner's temp folder)
#   AIPACK_SUMMARY            Markdown summary file to append to (default: $GITHUB_STEP_SUMMARY when set)
#   AIPACK_OUTPUTS            key=value outputs file (default: $GITHUB_OUTPUT when set)
#
# Exit code: validate's (0 clean, 1 findings that fail, 2 usage or internal error), else the rule tests'.
set -uo pipefail
# (Empty arrays are expanded as ${a[@]+"${a[@]}"}: bash before 4.4, as on macOS, rejects "${a[@]}" under set -u.)

workdir="${AIPACK_WORKING_DIRECTORY:-.}"
sarif="${AIPACK_SARIF:-aipack.sarif}"
junit="${AIPACK_JUNIT:-aipack-validate.xml}"
test_junit="${AIPACK_TEST_JUNIT:-aipack-tests.xml}"
summary="${AIPACK_SUMMARY:-${GITHUB_STEP_SUMMARY:-}}"
outputs="${AIPACK_OUTPUTS:-${GITHUB_OUTPUT:-}}"
temp="${RUNNER_TEMP:-${AGENT_TEMPDIRECTORY:-${TMPDIR:-/tmp}}}"
tool_path="${AIPACK_TOOL_PATH:-$temp/aipack-tool}"

fail() { echo "aipack-ci: $*" >&2; exit 2; }
say() { echo "== $*"; }

# --- the tool
aipack=()
if [ -n "${AIPACK_TOOL:-}" ]; then
  case "$AIPACK_TOOL" in
    *.dll) aipack=(dotnet "$AIPACK_TOOL") ;;
    *) aipack=("$AIPACK_TOOL") ;;
  esac
else
  source="${AIPACK_SOURCE:-}"
  if [ -z "$source" ]; then
    [ -n "${AIPACK_SOURCE_TREE:-}" ] || fail "set AIPACK_SOURCE (a NuGet feed with SentinelAiPack.Cli) or AIPACK_SOURCE_TREE (a SentinelAiPack checkout to pack)"
    source="$temp/aipack-feed"
    say "packing the tool from $AIPACK_SOURCE_TREE"
    dotnet pack "$AIPACK_SOURCE_TREE/src/SentinelAiPack.Cli" -c Release -o "$source" --nologo -v quiet ${AIPACK_VERSION:+"-p:Version=$AIPACK_VERSION"} \
      || fail "dotnet pack failed"
  fi
  say "installing SentinelAiPack.Cli ${AIPACK_VERSION:-(newest)} from $source"
  rm -rf "$tool_path"
  dotnet tool install --tool-path "$tool_path" --add-source "$source" SentinelAiPack.Cli ${AIPACK_VERSION:+--version "$AIPACK_VERSION"} \
    || fail "dotnet tool install failed"
  aipack=("$tool_path/aipack")
fi

cd "$workdir" || fail "working directory '$workdir' does not exist"
version="$("${aipack[@]}" --version)" || fail "the tool does not run"
echo "$version"

paths=()
while IFS= read -r line; do
  line="${line#"${line%%[![:space:]]*}"}"; line="${line%"${line##*[![:space:]]}"}"
  [ -n "$line" ] && paths+=("$line")
done <<< "${AIPACK_PATHS:-}"
strict=()
[ "${AIPACK_WARNINGS_AS_ERRORS:-false}" = "true" ] && strict=(--warnings-as-errors)

# --- validate: text for the log and the summary, SARIF and JUnit for the CI system (results are cached, so the later
# runs cost little)
say "aipack validate"
report="$temp/aipack-validate.txt"
"${aipack[@]}" validate ${strict[@]+"${strict[@]}"} -- ${paths[@]+"${paths[@]}"} > "$report" 2>&1
validate_rc=$?
cat "$report"
"${aipack[@]}" validate ${strict[@]+"${strict[@]}"} --format sarif --output "$sarif" -- ${paths[@]+"${paths[@]}"} > /dev/null 2>&1
"${aipack[@]}" validate ${strict[@]+"${strict[@]}"} --format junit --output "$junit" -- ${paths[@]+"${paths[@]}"} > /dev/null 2>&1
[ -s "$sarif" ] || { [ "$validate_rc" -eq 2 ] || fail "no SARIF report was written"; }

# --- rule tests
test_rc=0
test_line=""
if [ "${AIPACK_RUN_TESTS:-false}" = "true" ] && [ "$validate_rc" -ne 2 ]; then
  say "aipack test"
  test_line="$("${aipack[@]}" test --format junit --output "$test_junit" -- ${paths[@]+"${paths[@]}"} 2>&1)"
  test_rc=$?
  echo "$test_line"
  if [ "$test_rc" -ne 0 ]; then
    "${aipack[@]}" test -- ${paths[@]+"${paths[@]}"} 2>&1 | grep -v '^PASS ' || true
  fi
fi

# --- summary and outputs
verdict() { if [ "$1" -eq 0 ]; then echo "passed"; elif [ "$1" -eq 1 ]; then echo "failed"; else echo "could not run (exit $1)"; fi; }
if [ -n "$summary" ]; then
  {
    echo "## aipack validate: $(verdict "$validate_rc")"
    echo
    echo "$version" | sed 's/^/    /'
    echo
    echo "**$(tail -n 1 "$report")**"
    echo
    if [ "$validate_rc" -ne 0 ] || grep -q ' warning SAP' "$report"; then
      echo "<details><summary>Findings</summary>"
      echo
      echo '```text'
      head -n 300 "$report"
      echo '```'
      echo "</details>"
      echo
    fi
    echo "Reports: \`$sarif\` (SARIF), \`$junit\` (JUnit)."
    if [ -n "$test_line" ]; then
      echo
      echo "## aipack test: $(verdict "$test_rc")"
      echo
      echo "**$(echo "$test_line" | tail -n 1)**"
      echo
      echo "Report: \`$test_junit\` (JUnit)."
    fi
  } >> "$summary"
fi
if [ -n "$outputs" ]; then
  {
    echo "sarif-file=$(pwd)/$sarif"
    echo "junit-file=$(pwd)/$junit"
    echo "validate-result=$(verdict "$validate_rc")"
    [ -n "$test_line" ] && echo "test-result=$(verdict "$test_rc")"
  } >> "$outputs"
fi

if [ "$validate_rc" -ne 0 ]; then exit "$validate_rc"; fi
exit "$test_rc"
