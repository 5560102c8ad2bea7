#!/usr/bin/env python3
"""Measure the pack's detection efficacy on prompts JSONL (docs/efficacy.md), with the local engine.

Writes each line as one session of the telemetry model into a data folder (user channel: a user turn; document
channel: a retrieval with the text and a user question; tool channel: a tool call result and a tool turn), optionally
with the classifier verdict a detector would write for attack lines (--with-verdict: Prompt Shields Jailbreak on the
prompt, IndirectAttack on the document or tool output), runs every analytics rule with `aipack run RULE --data DIR
--now T`, and reports per corpus and family how many attack lines raised an alert (any severity, and Medium or above)
and by which rule, and how many benign / discussion lines raised one at Medium or above. This is the stand-in for
`aipack redteam import --prompts` + `aipack redteam report` until those commands exist.

    python3 tools/efficacy/measure.py --aipack src/SentinelAiPack.Cli/bin/Debug/net10.0/aipack \\
        --rules detections --work /tmp/efficacy [--with-verdict] [--split dev|holdout|all] [--json OUT] FILE.jsonl...

Split: a line is in the development split when sha256(id) mod 10 < 3, else in the held-out split.
"""
import argparse
import collections
import glob
import hashlib
import json
import os
import subprocess
import sys

NOW = "2026-03-01T12:00:00Z"
AT = "2026-03-01T11:55:00Z"
RANK = {"Informational": 0, "Low": 1, "Medium": 2, "High": 3}


def split_of(line_id):
    return "dev" if int(hashlib.sha256(line_id.encode()).hexdigest(), 16) % 10 < 3 else "holdout"


def user_of(i):
    return f"u{i:06d}@corpus.example"


def write_data(lines, folder, with_verdict):
    os.makedirs(folder, exist_ok=True)
    tables = collections.defaultdict(list)
    for i, item in enumerate(lines):
        sid, upn = f"s{i:06d}", user_of(i)
        base = {"TimeGenerated": AT, "AppName": "efficacy-app", "SessionId": sid, "ConversationId": "c" + sid[1:], "TurnIndex": 0,
                "UserPrincipalName": upn, "UserObjectId": f"00000000-0000-4000-8000-{i:012d}", "ClientIp": "198.51.100.10", "Deployment": "gpt-4o"}
        channel, text = item.get("channel", "user"), item["prompt"]
        if channel == "document":
            tables["AIConversationTurn_CL"].append(dict(base, MessageId=f"m{i}", Role="user", Content="Please summarise the document I was sent."))
            tables["AIRetrieval_CL"].append(dict(base, RetrievalId=f"r{i}", IndexName="efficacy-kb", DocumentId=f"d{i}", ContentSnippet=text))
        elif channel == "tool":
            tables["AIConversationTurn_CL"].append(dict(base, MessageId=f"m{i}", Role="user", Content="Please look this up for me."))
            tables["AIConversationTurn_CL"].append(dict(base, MessageId=f"t{i}", Role="tool", Content=text))
            tables["AIToolCall_CL"].append(dict(base, ToolCallId=f"call{i}", ToolName="fetch_url", ActionKind="read", ResultStatus="Success", ResultSummary=text[:2000]))
        else:
            tables["AIConversationTurn_CL"].append(dict(base, MessageId=f"m{i}", Role="user", Content=text))
        if with_verdict and item["label"] == "attack":
            source = {"document": "Document", "tool": "ToolOutput"}.get(channel, "UserPrompt")
            tables["AIContentSafety_CL"].append(dict(base, TextSource=source, Detector="PromptShields",
                Category="Jailbreak" if source == "UserPrompt" else "IndirectAttack", Severity="High", Detected=True, Action="Annotated",
                TextSnippet=text[:200], DocumentId=f"d{i}" if channel == "document" else ""))
    for name, rows in tables.items():
        with open(os.path.join(folder, name + ".jsonl"), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")


def rules(folder):
    found = []
    for path in sorted(glob.glob(os.path.join(folder, "**", "analytics", "*.yaml"), recursive=True)):
        if not path.endswith(".tests.yaml"):
            text = open(path, encoding="utf-8").read()
            severity = next((l.split(":", 1)[1].strip() for l in text.splitlines() if l.startswith("severity:")), "Medium")
            found.append((os.path.splitext(os.path.basename(path))[0], path, severity))
    return found


def alerts(aipack, rule_path, data, static_severity):
    """(line index -> best severity) for one rule."""
    run = subprocess.run([aipack, "run", rule_path, "--data", data, "--now", NOW, "--format", "json"], capture_output=True, text=True)
    if run.returncode != 0:
        print(f"{rule_path}: {run.stderr.strip()[:300]}", file=sys.stderr)
        return {}
    hits = {}
    for row in json.loads(run.stdout or "[]"):
        index = None
        for key in ("UserPrincipalName", "UserKey", "Actor", "ActorPrincipalName"):
            value = str(row.get(key) or "")
            if value.endswith("@corpus.example"):
                index = int(value[1:7])
                break
        if index is None:
            for key in ("SessionKey", "SessionId"):
                value = str(row.get(key) or "")
                if value.startswith("s") and value[1:7].isdigit():
                    index = int(value[1:7])
                    break
        if index is None:
            continue
        severity = row.get("AlertSeverity") or static_severity
        if RANK.get(severity, 2) >= RANK.get(hits.get(index, "Informational"), 0) or index not in hits:
            hits[index] = severity
    return hits


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="+")
    p.add_argument("--aipack", required=True)
    p.add_argument("--rules", default="detections")
    p.add_argument("--work", required=True, help="scratch folder for the generated data (outside the repository)")
    p.add_argument("--with-verdict", action="store_true")
    p.add_argument("--split", choices=["dev", "holdout", "all"], default="all")
    p.add_argument("--json", help="write per-line results here")
    p.add_argument("--exclude-rule", action="append", default=[], help="rule file stem not counted (e.g. rules that need many lines of one payload)")
    p.add_argument("--jobs", type=int, default=2, help="rules run in parallel")
    a = p.parse_args()
    lines = []
    for path in a.files:
        for raw in open(path, encoding="utf-8"):
            if raw.strip():
                item = json.loads(raw)
                if a.split == "all" or split_of(item["id"]) == a.split:
                    lines.append(item)
    write_data(lines, a.work, a.with_verdict)
    per_line = collections.defaultdict(dict)
    from concurrent.futures import ThreadPoolExecutor
    selected = [r for r in rules(a.rules) if r[0] not in a.exclude_rule]
    with ThreadPoolExecutor(max_workers=a.jobs) as pool:
        for (name, _, _), hits in zip(selected, pool.map(lambda r: alerts(a.aipack, r[1], a.work, r[2]), selected)):
            for index, sev in hits.items():
                per_line[index][name] = sev
    groups = collections.defaultdict(lambda: collections.Counter())
    by_rule = collections.defaultdict(collections.Counter)
    results = []
    for i, item in enumerate(lines):
        hits = per_line.get(i, {})
        best = max((RANK.get(s, 2) for s in hits.values()), default=-1)
        key = (item["label"], item["source"], item["family"])
        g = groups[key]
        g["lines"] += 1
        g["any"] += best >= 1
        g["medium"] += best >= 2
        g["info_only"] += best == 0
        for rule, sev in hits.items():
            if RANK.get(sev, 2) >= 1:
                by_rule[key][rule] += 1
        results.append({"id": item["id"], "split": split_of(item["id"]), "label": item["label"], "source": item["source"], "family": item["family"], "alerts": hits})
    if a.json:
        json.dump(results, open(a.json, "w"), indent=1)
    print(f"{'label':<10} {'source':<22} {'family':<44} {'lines':>6} {'Low+':>6} {'Med+':>6}  rules (Low+)")
    totals = collections.defaultdict(collections.Counter)
    for key in sorted(groups):
        g = groups[key]
        totals[key[0]].update(g)
        top = ", ".join(f"{r} {n}" for r, n in by_rule[key].most_common(3))
        print(f"{key[0]:<10} {key[1]:<22} {key[2][:44]:<44} {g['lines']:>6} {g['any']:>6} {g['medium']:>6}  {top}")
    for label, t in sorted(totals.items()):
        print(f"TOTAL {label}: {t['lines']} lines, {t['any']} ({100 * t['any'] / max(t['lines'], 1):.1f}%) Low+, {t['medium']} ({100 * t['medium'] / max(t['lines'], 1):.1f}%) Medium+, {t['info_only']} Informational only")
    by_split = collections.defaultdict(collections.Counter)
    for r in results:
        best = max((RANK.get(s, 2) for s in r["alerts"].values()), default=-1)
        c = by_split[(r["label"], r["split"])]
        c["lines"] += 1
        c["any"] += best >= 1
        c["medium"] += best >= 2
    for (label, split), c in sorted(by_split.items()):
        print(f"SPLIT {label} {split}: {c['lines']} lines, {100 * c['any'] / max(c['lines'], 1):.1f}% Low+, {100 * c['medium'] / max(c['lines'], 1):.1f}% Medium+")


if __name__ == "__main__":
    main()
