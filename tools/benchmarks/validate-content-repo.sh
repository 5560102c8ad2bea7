#!/usr/bin/env bash
# Cold or warm `aipack validate` of a real Azure-Sentinel-layout content repository, as a user would run it:
# Detections, Hunting Queries, Parsers and every Solutions/*/{Analytic Rules,Hunting Queries,Parsers}, with the
# repository's own KQL-validation schema folders. Prints wall time, peak RSS and the findings per code.
#
#   tools/benchmarks/validate-content-repo.sh AIPACK_DLL CONTENT_REPO OUT_PREFIX
#
# AIPACK_DLL: a Release build (dotnet build -c Release src/SentinelAiPack.Cli -o DIR; DIR/aipack.dll).
# Set AIPACK_CACHE_DIR to an empty folder for a cold run and run again with the same folder for a warm one
# (AIPACK_NO_CACHE=1 analyzes everything afresh). Writes OUT_PREFIX.json (the report) and OUT_PREFIX.time.
set -euo pipefail
dll=$(realpath "$1"); repo=$(realpath "$2"); out=$(realpath -m "$3")
cd "$repo"
mapfile -t solutions < <(find Solutions -mindepth 2 -maxdepth 2 -type d \( -name 'Analytic Rules' -o -name 'Hunting Queries' -o -name 'Parsers' \) | sort)
tests=.script/tests/KqlvalidationsTests
/usr/bin/time -v -o "$out.time" dotnet "$dll" validate Detections "Hunting Queries" Parsers "${solutions[@]}" \
  --schemas "$tests/CustomTables" --schemas "$tests/CustomFunctions" --format json --output "$out.json" > /dev/null || true
grep -E "Elapsed \(wall|Maximum resident" "$out.time"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
print(report["summary"])
for (code, severity), n in sorted(collections.Counter((d["code"], d["severity"]) for d in report["diagnostics"]).items()):
    print(f"  {code} {severity:8} {n}")
PY
