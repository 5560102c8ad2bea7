#!/usr/bin/env bash
# The GitHub Action's script end to end as a customer's CI runs it: the tool package packed into a folder feed and
# installed from there with `dotnet tool install`, then ci/aipack-ci.sh on the sample customer repository
# (tests/samples/customer-repo: Azure-Sentinel layout, no aipack.yaml) with the rule tests, the job summary and the
# step outputs; the SARIF it writes is checked with Microsoft's SARIF validator (GitHub rules).
# Runs after the tests (it reuses their Debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)"
echo "== packing SentinelAiPack.Cli $version into a folder feed"
dotnet pack src/SentinelAiPack.Cli -c Debug --no-build -o "$work/feed" --nologo -v quiet
ls "$work/feed"

cp -r tests/samples/customer-repo "$work/content"
git -C "$work/content" init -q 2>/dev/null || mkdir -p "$work/content/.git"

echo "== ci/aipack-ci.sh on the sample customer repository"
set +e
RUNNER_TEMP="$work" AIPACK_SOURCE="$work/feed" AIPACK_VERSION="$version" AIPACK_WORKING_DIRECTORY="$work/content" \
  AIPACK_RUN_TESTS=true GITHUB_STEP_SUMMARY="$work/summary.md" GITHUB_OUTPUT="$work/outputs.txt" \
  bash ci/aipack-ci.sh | tee "$work/log.txt"
status=${PIPESTATUS[0]}
set -e
echo "== job summary"; cat "$work/summary.md"
echo "== step outputs"; cat "$work/outputs.txt"

fail() { echo "action-e2e: $*" >&2; exit 1; }
[ "$status" -eq 0 ] || fail "the script exited $status"
grep -q "^aipack $version" "$work/log.txt" || fail "the installed tool is not version $version"
grep -q "^validate-result=passed$" "$work/outputs.txt" || fail "validate did not pass"
grep -q "^test-result=passed$" "$work/outputs.txt" || fail "the rule tests did not pass"
grep -q "## aipack validate: passed" "$work/summary.md" || fail "no validate section in the job summary"
[ -s "$work/content/aipack-tests.xml" ] || fail "no JUnit report of the rule tests"

multitool="$(node -p "require('@microsoft/sarif-multitool')")"
"$multitool" validate "$work/content/aipack.sarif" --rule-kind "Gh;Sarif" --output "$work/validation.sarif" --log ForceOverwrite
node -e '
  const runs = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs;
  const bad = runs.flatMap(r => r.results || []).filter(r => (r.level || "warning") !== "note");
  for (const r of bad) console.error(`${r.ruleId}: ${r.message.text || JSON.stringify(r.message)}`);
  process.exit(bad.length ? 1 : 0);
' "$work/validation.sarif" || fail "the SARIF validator found problems"
echo "action-e2e: passed"
