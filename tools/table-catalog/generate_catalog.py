#!/usr/bin/env python3
"""Regenerates catalog/ (the standard-table catalogue aipack validates against) from Microsoft's published references.

Only facts are taken: table names, column names and column types. No descriptions or other prose are copied.

Sources (local checkouts or exports of Microsoft's public documentation repositories; paths on the command line):
  --log-analytics DIR   azure-monitor-ref/tables of MicrosoftDocs/azure-reference-other (the Azure Monitor Logs table
                        reference: one page per table plus includes/<table>-include.md with the column table)
  --defender DIR        defender-xdr of MicrosoftDocs/defender-docs (advanced-hunting-<table>-table.md pages)
  --asim DIR            a folder of ASIM function schemas in the CustomFunctions JSON format (FunctionName,
                        FunctionParameters, FunctionResultColumns), copied as they are
  --source NAME=TEXT    how each source was obtained (repository, commit, date), recorded in catalog/SOURCES.md

A table in both the Log Analytics and the Defender XDR reference gets the union of both column lists: Sentinel
workspaces receive the Defender XDR tables with the Log Analytics columns and keep the advanced-hunting ones
(Timestamp, ...). Log Analytics types win where both list a column.

Usage:
  python3 tools/table-catalog/generate_catalog.py --log-analytics .../azure-monitor-ref/tables \
      --defender .../defender-xdr --source log-analytics="MicrosoftDocs/azure-reference-other@<commit> (<date>)" \
      --source defender="MicrosoftDocs/defender-docs@<commit> (<date>)" --out catalog
"""
import argparse
import datetime
import json
import os
import re
import sys

KUSTO_TYPES = {"string", "datetime", "bool", "int", "long", "real", "decimal", "dynamic", "guid", "timespan"}
TYPE_ALIASES = {"boolean": "bool", "double": "real", "float": "real", "int32": "int", "int64": "long",
                "bigint": "long", "uniqueidentifier": "guid", "uuid": "guid", "date": "datetime", "time": "timespan"}
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def kusto_type(text):
    t = text.strip().strip("`").strip().lower()
    t = TYPE_ALIASES.get(t, t)
    return t if t in KUSTO_TYPES else None


def table_rows(markdown, header_pattern):
    """Rows (first two cells) of the first markdown table whose header row matches header_pattern."""
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if re.match(header_pattern, line.strip(), re.IGNORECASE):
            rows = []
            for row in lines[i + 2:]:
                row = row.strip()
                if not row.startswith("|"):
                    break
                cells = [c.strip() for c in row.strip("|").split("|")]
                if len(cells) >= 2:
                    rows.append((cells[0].strip("`* "), cells[1]))
            return rows
    return []


def title_of(markdown):
    m = re.search(r"^#\s+(\S+)\s*$", markdown, re.MULTILINE)
    return m.group(1) if m else None


def columns_from(rows, where, problems):
    columns = []
    seen = set()
    for name, type_text in rows:
        kusto = kusto_type(type_text)
        if not NAME.match(name) or kusto is None:
            problems.append(f"{where}: skipped column {name!r} of type {type_text!r}")
            continue
        if name in seen:
            continue
        seen.add(name)
        columns.append((name, kusto))
    return columns


def read(path):
    with open(path, encoding="utf-8-sig") as f:
        return f.read()


def log_analytics_tables(folder, problems):
    tables = {}
    includes = os.path.join(folder, "includes")
    for page in sorted(os.listdir(folder)):
        if not page.endswith(".md") or page in ("index.md", "toc.md"):
            continue
        text = read(os.path.join(folder, page))
        name = title_of(text)
        if not name or not NAME.match(name):
            continue  # index pages (tables per resource type, category lists)
        header = r"^\|\s*Column\s*\|\s*Type\s*\|"
        rows = table_rows(text, header)  # a few pages (AzureDiagnostics) carry the column table themselves
        include = re.search(r"\[!INCLUDE\s*\[[^\]]*\]\(([^)]+)\)\]", text)
        if not rows and include:
            include_path = os.path.normpath(os.path.join(folder, include.group(1)))
            if not os.path.isfile(include_path):
                include_path = os.path.join(includes, os.path.basename(include.group(1)))
            if not os.path.isfile(include_path):
                problems.append(f"{page}: include {include.group(1)} not found")
                continue
            rows = table_rows(read(include_path), header)
        columns = columns_from(rows, page, problems)
        if columns:
            tables[name] = columns
    return tables


def defender_tables(folder, problems):
    tables = {}
    for page in sorted(os.listdir(folder)):
        if not (page.startswith("advanced-hunting-") and page.endswith("-table.md")):
            continue
        text = read(os.path.join(folder, page))
        rows = table_rows(text, r"^\|\s*Column name\s*\|\s*Data type\s*\|")
        name = title_of(text)
        if not name or not NAME.match(name):
            problems.append(f"{page}: no table title")
            continue
        columns = columns_from(rows, page, problems)
        if columns:
            tables[name] = columns
    return tables


def merge(log_analytics, defender):
    merged = {}
    origin = {}
    for name in sorted(set(log_analytics) | set(defender), key=str.lower):
        columns = list(log_analytics.get(name, []))
        known = {c for c, _ in columns}
        columns += [(c, t) for c, t in defender.get(name, []) if c not in known]
        merged[name] = columns
        origin[name] = [s for s, d in (("log-analytics", log_analytics), ("defender-xdr", defender)) if name in d]
    return merged, origin


def write_table(folder, name, columns):
    # One column per line and keys in a fixed order keep diffs of regenerated files readable.
    body = ",\n".join(f'    {{ "Name": {json.dumps(c)}, "Type": {json.dumps(t)} }}' for c, t in columns)
    with open(os.path.join(folder, name + ".json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(f'{{\n  "Name": {json.dumps(name)},\n  "Properties": [\n{body}\n  ]\n}}\n')


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--log-analytics", required=True)
    parser.add_argument("--defender")
    parser.add_argument("--asim")
    parser.add_argument("--source", action="append", default=[])
    parser.add_argument("--out", default="catalog")
    args = parser.parse_args()

    problems = []
    la = log_analytics_tables(args.log_analytics, problems)
    xdr = defender_tables(args.defender, problems) if args.defender else {}
    tables, origin = merge(la, xdr)

    table_folder = os.path.join(args.out, "tables")
    function_folder = os.path.join(args.out, "functions")
    for folder in (table_folder, function_folder):
        os.makedirs(folder, exist_ok=True)
        for old in os.listdir(folder):
            if old.endswith(".json"):
                os.remove(os.path.join(folder, old))
    for name, columns in tables.items():
        write_table(table_folder, name, columns)
    functions = []
    if args.asim:
        for file in sorted(os.listdir(args.asim)):
            if file.endswith(".json"):
                data = json.loads(read(os.path.join(args.asim, file)))
                functions.append(data["FunctionName"])
                with open(os.path.join(function_folder, file), "w", encoding="utf-8", newline="\n") as f:
                    f.write(read(os.path.join(args.asim, file)))

    sources = dict(s.split("=", 1) for s in args.source)
    counts = {s: sum(1 for o in origin.values() if s in o) for s in ("log-analytics", "defender-xdr")}
    with open(os.path.join(args.out, "SOURCES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Standard-table catalogue: sources\n\n")
        f.write(f"Generated {datetime.date.today().isoformat()} by `tools/table-catalog/generate_catalog.py` "
                "(see that script for how to regenerate). Names, columns and types only.\n\n")
        f.write("| Source | Obtained from | Tables |\n|---|---|---|\n")
        f.write(f"| Azure Monitor Logs table reference | {sources.get('log-analytics', '-')} | {counts['log-analytics']} |\n")
        f.write(f"| Microsoft Defender XDR advanced hunting schema | {sources.get('defender', '-')} | {counts['defender-xdr']} |\n")
        f.write(f"| ASIM function output schemas | {sources.get('asim', '-')} | {len(functions)} functions |\n\n")
        f.write(f"{len(tables)} tables; {sum(1 for o in origin.values() if len(o) == 2)} are in both references "
                "and carry the union of their columns.\n\n")
        f.write("## Tables and their sources\n\n")
        for name in tables:
            f.write(f"- `{name}`: {', '.join(origin[name])}\n")
        if problems:
            f.write("\n## Rows that were not taken\n\n")
            for p in problems:
                f.write(f"- {p}\n")
    print(f"{len(tables)} tables ({counts}), {len(functions)} functions, {len(problems)} rows skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
