#!/usr/bin/env python3
"""Time skillkit, skill-check and skills-ref side by side on one or more skill corpora.

    python3 bench/lint/measure.py --skillkit BIN --corpus LABEL=DIR [--corpus ...] [--runs 3]
                                  [--per-skill-cli LABEL] [--json OUT] [--markdown OUT]

Called by bench/lint/run.sh, which builds skillkit, installs the npm tools and generates the
synthetic corpus; see bench/README.md. For every corpus and tool it does one untimed run (warms
the page cache, and its output is parsed to check that the tool really linted every skill), then
--runs timed runs. Every run is wrapped in `/usr/bin/time -f %M` for the peak resident set size
(of the largest process, for a tool that starts several); wall time is measured around the whole
run with a monotonic clock (the ~1 ms that /usr/bin/time adds is included for every tool alike).
Reported: the best wall time, the user+system CPU seconds of that run, the highest peak RSS seen,
and ratios against skillkit on the same corpus.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_BIN = os.path.join(HERE, "node_modules", ".bin")
SKIP_DIRS = {"node_modules", ".git"}


def skill_dirs(root):
    """Every folder under root that holds a SKILL.md (nested skills included)."""
    out = []
    for d, subdirs, files in os.walk(root):
        subdirs[:] = sorted(s for s in subdirs if s not in SKIP_DIRS)
        if "SKILL.md" in files:
            out.append(os.path.abspath(d))
    return sorted(out)


def owning_skill(path, dirs):
    """The skill folder a reported path belongs to (deepest SKILL.md folder above it)."""
    p = os.path.abspath(path)
    while True:
        if p in dirs:
            return p
        parent = os.path.dirname(p)
        if parent == p:
            return None
        p = parent


# Each parser takes (stdout, stderr, cwd, dirs) and returns
#   (skills linted, {skill dir: [(severity, rule or message)]})


def parse_skillkit(out, err, cwd, dirs):
    data = json.loads(out)
    found = {}
    for d in data["diagnostics"]:
        skill = owning_skill(os.path.join(cwd, d["file"]), dirs)
        found.setdefault(skill, []).append((d["severity"], d["rule"]))
    return data["summary"]["skills"], found


def parse_skill_check(out, err, cwd, dirs):
    data = json.loads(out)
    found = {}
    for d in data["diagnostics"]:
        skill = owning_skill(os.path.join(cwd, d["file"]), dirs)
        sev = {"warn": "warning"}.get(d["severity"], d["severity"])
        found.setdefault(skill, []).append((sev, d["ruleId"]))
    return data["summary"]["skillCount"], found


def message_kind(msg):
    """skills-ref has no rule ids: its message with names and numbers blanked out."""
    msg = re.sub(r"'[^']*'", "'…'", msg.split(":")[0])
    return re.sub(r"\d+", "N", msg)[:60]


def parse_skills_ref(out, err, cwd, dirs):
    m = re.search(r"^skills-ref: (\d+) skills validated", out, re.M)
    if not m:
        raise ValueError("no summary line in skills_ref_all.mjs output")
    found = {}
    for line in out.splitlines():
        if line.startswith("skills-ref: "):
            continue
        d, _, msg = line.partition(": ")
        if os.path.abspath(d) in dirs:
            found.setdefault(os.path.abspath(d), []).append(("error", message_kind(msg)))
    return int(m.group(1)), found


def parse_skills_ref_cli(out, err, cwd, dirs):
    valid = re.findall(r"^Valid skill: (.*)$", out, re.M)
    failed = re.findall(r"^Validation failed for (.*):$", err, re.M)
    found = {}
    cur = None
    for line in err.splitlines():
        m = re.match(r"^Validation failed for (.*):$", line)
        if m:
            cur = os.path.abspath(m.group(1))
        elif line.startswith("  - ") and cur:
            found.setdefault(cur, []).append(("error", message_kind(line[4:])))
    return len(valid) + len(failed), found


def tools(skillkit, corpus, dirs_file):
    """(name, argv, parser, note) for one corpus: each tool run the way a user would run it."""
    return [
        ("skillkit", [skillkit, "lint", corpus, "--format", "json"], parse_skillkit, ""),
        ("skill-check", [os.path.join(NODE_BIN, "skill-check"), "check", corpus,
                         "--no-security-scan", "--format", "json"], parse_skill_check, ""),
        ("skills-ref", ["node", os.path.join(HERE, "skills_ref_all.mjs"), corpus],
         parse_skills_ref, "one Node process, library validate() per skill"),
        ("skills-ref CLI", ["xargs", "-a", dirs_file, "-d", "\n", "-n", "1",
                            os.path.join(NODE_BIN, "skills-ref"), "validate"],
         parse_skills_ref_cli, "`skills-ref validate DIR`, one process per skill"),
    ]


def run_once(argv, cwd):
    """Run argv under /usr/bin/time; return (wall s, cpu s, peak KB, rc, stdout, stderr)."""
    with tempfile.TemporaryDirectory() as tmp:
        tfile, ofile, efile = (os.path.join(tmp, n) for n in ("time", "out", "err"))
        with open(ofile, "wb") as o, open(efile, "wb") as e:
            t0 = time.perf_counter()
            rc = subprocess.call(["/usr/bin/time", "-f", "%U %S %M", "-o", tfile, *argv],
                                 cwd=cwd, stdout=o, stderr=e, stdin=subprocess.DEVNULL)
            wall = time.perf_counter() - t0
        last = open(tfile).read().strip().splitlines()[-1]
        user, sys_, peak = last.split()
        with open(ofile, encoding="utf-8", errors="replace") as f:
            out = f.read()
        with open(efile, encoding="utf-8", errors="replace") as f:
            err = f.read()
    return wall, float(user) + float(sys_), int(peak), rc, out, err


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--skillkit", required=True)
    ap.add_argument("--corpus", action="append", required=True, help="LABEL=DIR")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--per-skill-cli", action="append", default=[],
                    help="corpus labels on which to also time the skills-ref CLI once per skill")
    ap.add_argument("--json", help="write all results here")
    ap.add_argument("--markdown", help="write the tables here as Markdown")
    args = ap.parse_args()

    cwd = os.getcwd()
    results, checks, md = [], [], []
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, load average {load:.2f} at start", file=sys.stderr)
    if load > cores / 2:
        print(f"WARNING: load average {load:.2f} on {cores} cores: other work is running and "
              "wall times will be inflated; compare CPU seconds, or rerun on an idle machine",
              file=sys.stderr)

    for spec in args.corpus:
        label, _, root = spec.partition("=")
        root = os.path.abspath(root)
        dirs = skill_dirs(root)
        dirset = set(dirs)
        manifest = {}
        mpath = os.path.join(root, "MANIFEST.tsv")
        if os.path.exists(mpath):
            for line in open(mpath).read().splitlines()[1:]:
                rel, mistake = line.split("\t")
                manifest[os.path.join(root, rel)] = mistake
        with tempfile.NamedTemporaryFile("w", suffix=".dirs", delete=False) as f:
            f.write("\n".join(dirs) + "\n")
            dirs_file = f.name
        base = None
        for name, argv, parser, note in tools(args.skillkit, root, dirs_file):
            if name == "skills-ref CLI" and label not in args.per_skill_cli:
                continue
            # The per-skill CLI starts one Node process per skill: its one run is both the
            # checked run and the timed one (it is not warmed up; Node's own files stay cached).
            runs = args.runs if name != "skills-ref CLI" else 0
            print(f"[{label}] {name}: " + (f"warm-up + {runs} run(s)" if runs else "1 run") + " ...",
                  file=sys.stderr, flush=True)
            wall, cpu, peak, rc, out, err = run_once(argv, cwd)
            try:
                linted, found = parser(out, err, cwd, dirset)
            except Exception as e:  # noqa: BLE001 - report and keep going
                print(f"  could not parse {name} output (rc {rc}): {e}\n{err[-2000:]}", file=sys.stderr)
                linted, found = -1, {}
            samples = [] if runs else [(wall, cpu, peak)]
            for _ in range(runs):
                samples.append(run_once(argv, cwd)[:3])
            best = min(samples, key=lambda s: s[0])
            r = {"corpus": label, "tool": name, "note": note, "skills_expected": len(dirs),
                 "skills_linted": linted, "exit_code": rc, "wall_s": round(best[0], 4),
                 "walls_s": [round(s[0], 4) for s in samples], "cpu_s": round(best[1], 3),
                 "peak_mb": round(max([peak] + [s[2] for s in samples]) / 1024, 1)}
            if name == "skillkit":
                base = r
            r["wall_ratio"] = round(r["wall_s"] / base["wall_s"], 1) if base else None
            r["cpu_ratio"] = round(r["cpu_s"] / base["cpu_s"], 1) if base and base["cpu_s"] else None
            # What it found.
            flagged = {s for s in found if s}
            errs = {s for s, f in found.items() if s and any(sev == "error" for sev, _ in f)}
            r["skills_with_findings"] = len(flagged)
            r["skills_with_errors"] = len(errs)
            r["findings"] = sum(len(f) for f in found.values())
            if manifest:
                per = {}
                for skill, mistake in manifest.items():
                    if mistake == "-":
                        continue
                    hit = per.setdefault(mistake, [0, 0])
                    hit[1] += 1
                    hit[0] += skill in flagged
                r["mistakes_flagged"] = {k: f"{v[0]}/{v[1]}" for k, v in sorted(per.items())}
                r["clean_skills_flagged"] = sum(1 for s in flagged if manifest.get(s) == "-")
            rules = {}
            for f in found.values():
                for _, rule in f:
                    rules[rule] = rules.get(rule, 0) + 1
            r["top_rules"] = dict(sorted(rules.items(), key=lambda kv: -kv[1])[:8])
            results.append(r)
            ok = "ok" if linted == len(dirs) else "MISMATCH"
            print(f"  linted {linted}/{len(dirs)} skills ({ok}); best {r['wall_s']:.3f} s "
                  f"(runs {r['walls_s']}), cpu {r['cpu_s']:.2f} s, peak {r['peak_mb']} MB",
                  file=sys.stderr, flush=True)
            if linted != len(dirs):
                checks.append(f"{name} on {label} linted {linted} of {len(dirs)} skills")
        os.unlink(dirs_file)

    # Tables.
    md.append("| corpus | tool | skills linted | wall s (best of %d) | CPU s | peak RSS MB | "
              "wall vs skillkit | CPU vs skillkit |" % args.runs)
    md.append("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in results:
        label = r["tool"] + (" ¹" if r["tool"] == "skills-ref CLI" else "")
        md.append(f"| {r['corpus']} | {label} | {r['skills_linted']}/{r['skills_expected']} | "
                  f"{r['wall_s']:.3f} | {r['cpu_s']:.2f} | {r['peak_mb']:.1f} | "
                  f"{r['wall_ratio']:.1f}x | {r['cpu_ratio']:.1f}x |")
    md.append("")
    md.append("| corpus | tool | exit | skills with findings | with errors | findings | "
              "injected mistakes flagged | clean skills flagged | most frequent rules |")
    md.append("|---|---|---:|---:|---:|---:|---|---:|---|")
    for r in results:
        mf = ", ".join(f"{k} {v}" for k, v in r.get("mistakes_flagged", {}).items()) or "-"
        top = ", ".join(f"{k} {v}" for k, v in list(r["top_rules"].items())[:5])
        md.append(f"| {r['corpus']} | {r['tool']} | {r['exit_code']} | {r['skills_with_findings']} | "
                  f"{r['skills_with_errors']} | {r['findings']} | {mf} | "
                  f"{r.get('clean_skills_flagged', '-')} | {top} |")
    text = "\n".join(md) + "\n"
    print(text)
    if checks:
        print("COUNT CHECK FAILED: " + "; ".join(checks), file=sys.stderr)
    else:
        print("count check: every tool linted every skill of every corpus", file=sys.stderr)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(text)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"cores": cores, "load_at_start": load, "runs": args.runs,
                       "results": results}, f, indent=2)
    return 1 if checks else 0


if __name__ == "__main__":
    sys.exit(main())
