#!/usr/bin/env python3
"""Time `skillkit pack` against the `zip -r -X -i ... -x ...` recipe, side by side.

    python3 bench/pack/measure.py --skillkit BIN --corpus LABEL=DIR [--corpus ...] [--runs 3]
                                  [--level 6] [--markdown OUT] [--json OUT]

The recipe is what users run today: one `zip` process per skill, one skill after another, from
inside the skill folder, keeping the accepted file types (-i) and leaving out what skillkit
leaves out by default (-x), at the same deflate level, without extra fields (-X). skillkit packs
every skill of the corpus in one process: `skillkit pack DIR --out-dir OUT` (lint first, the
default) and with --no-lint. Each tool gets one untimed run (page cache, and a check that it
wrote zips), then --runs timed runs into an emptied output folder; reported: the best wall
time, the user+system CPU seconds of that run (children included), the zips written and their
total size, and the wall-time ratio recipe / skillkit.
"""

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

SKIP_DIRS = {"node_modules", ".git"}
INCLUDE = ["*.md", "*.txt", "*.json", "*.yaml", "*.yml", "*.xml", "*.csv", "*.tsv", "*.html",
           "*.htm", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.svg", "*.webp", "*.pdf"]
EXCLUDE = ["README.md", "readme.md", "*CHANGELOG.md", "evals/*", "*.skilleval.yaml",
           "*.skillignore", "*.git/*", "*.gitignore", "*.DS_Store", "*~", "*.swp", "*.bak",
           "*.orig", "scripts/*"]


def find_skills(root):
    skills = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
        if "SKILL.md" in filenames:
            skills.append(dirpath)
    return sorted(skills)


def recipe_script(skills, out, level):
    quote = lambda s: "'" + s.replace("'", "'\\''") + "'"
    inc = " ".join(quote(p) for p in INCLUDE)
    exc = " ".join(quote(p) for p in EXCLUDE)
    lines = ["#!/bin/bash", f"out={quote(out)}"]
    for d in skills:
        name = os.path.basename(d)
        lines.append(f"(cd {quote(d)} && zip -q -r -X -{level} \"$out\"/{quote(name + '.zip')} . "
                     f"-i {inc} -x {exc}) || true")
    return "\n".join(lines) + "\n"


def timed(cmd):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc


def zips_in(out):
    names = [n for n in os.listdir(out) if n.endswith(".zip")]
    return len(names), sum(os.path.getsize(os.path.join(out, n)) for n in names)


def measure(label, corpus, skillkit, runs, level, work):
    skills = find_skills(corpus)
    out = os.path.join(work, "out")
    script = os.path.join(work, "recipe.sh")
    with open(script, "w") as f:
        f.write(recipe_script(skills, out, level))
    tools = {
        "zip recipe (one process per skill)": ["bash", script],
        "skillkit pack": [skillkit, "pack", corpus, "--out-dir", out, "--level", str(level)],
        "skillkit pack --no-lint": [skillkit, "pack", "--no-lint", corpus, "--out-dir", out,
                                    "--level", str(level)],
    }
    results = {name: {"walls": [], "cpus": []} for name in tools}
    for attempt in range(runs + 1):  # the first round is the untimed warm-up
        for name, cmd in tools.items():  # interleaved, so load on the machine hits all alike
            shutil.rmtree(out, ignore_errors=True)
            os.makedirs(out)
            wall, cpu, proc = timed(cmd)
            if proc.returncode not in (0, 1):
                sys.exit(f"{name} failed ({proc.returncode}): {proc.stderr.decode()[-2000:]}")
            count, size = zips_in(out)
            if count == 0:
                sys.exit(f"{name} wrote no zip")
            r = results[name]
            r["zips"], r["bytes"] = count, size
            if attempt > 0:
                r["walls"].append(wall)
                r["cpus"].append(cpu)
    rows = []
    recipe_wall = min(results["zip recipe (one process per skill)"]["walls"])
    for name, r in results.items():
        best = min(range(len(r["walls"])), key=lambda i: r["walls"][i])
        rows.append({"corpus": label, "skills": len(skills), "tool": name,
                     "wall_s": r["walls"][best], "cpu_s": r["cpus"][best],
                     "walls": r["walls"], "zips": r["zips"], "zip_bytes": r["bytes"],
                     "speedup_vs_recipe": recipe_wall / r["walls"][best]})
    return rows


def markdown(rows, level):
    out = [f"Deflate level {level} for every tool; best of the timed runs; CPU = user+system "
           f"of that run.", "",
           "| corpus | skills | tool | wall s | CPU s | zips | zip bytes | recipe wall / tool wall |",
           "|---|---:|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        out.append(f"| {r['corpus']} | {r['skills']} | {r['tool']} | {r['wall_s']:.3f} | "
                   f"{r['cpu_s']:.3f} | {r['zips']} | {r['zip_bytes']} | "
                   f"{r['speedup_vs_recipe']:.1f}x |")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--skillkit", required=True)
    ap.add_argument("--corpus", action="append", required=True, help="LABEL=DIR")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--level", type=int, default=6)
    ap.add_argument("--markdown")
    ap.add_argument("--json")
    args = ap.parse_args()
    if not shutil.which("zip"):
        sys.exit("measure.py: `zip` is not installed (apt-get install zip)")
    rows = []
    for spec in args.corpus:
        label, _, corpus = spec.partition("=")
        with tempfile.TemporaryDirectory(prefix="skillkit-pack-bench-") as work:
            rows += measure(label, os.path.abspath(corpus), os.path.abspath(args.skillkit),
                            args.runs, args.level, work)
    text = markdown(rows, args.level)
    print(text, end="")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main()
