#!/usr/bin/env python3
"""Generate a large, deterministic corpus of synthetic skills for benchmarking linters.

    python3 bench/lint/gen_corpus.py OUT_DIR [-n 10000] [--seed 1] [--mistakes 0.05]

Layout: OUT_DIR/pack-NNN/skills/<name>/{SKILL.md, references/*.md, assets/*.svg}, 100 skills
per pack, the way public skill repositories group them. Every SKILL.md has a frontmatter
(name = folder name, a multi-line description of 150-900 characters, license, metadata with
version / author / agent_types) and a Markdown body of 50-400 lines with headings, lists,
tables, fenced code blocks and links to its references/ and assets/.

About 5% of the skills (--mistakes) carry one realistic mistake, chosen evenly among:
bad-name (uppercase / underscore / not the folder name), missing-description, broken-link
(to a references/ file that does not exist), unknown-key (a top-level key the open format does
not know) and unquoted-colon (a plain description containing ": ", which YAML rejects).
The same seed always gives byte-identical output. A manifest (OUT_DIR/MANIFEST.tsv) lists
every skill with its mistake, if any. All text is made up from the word lists below.
"""

import argparse
import os
import random
import sys

VERBS = ["triage", "diagnose", "investigate", "mitigate", "rollback", "tune", "audit", "rotate",
         "scale", "drain", "restore", "migrate", "profile", "trace", "harden", "patch", "verify",
         "recover", "inspect", "review", "validate", "benchmark", "failover", "reindex", "compact",
         "throttle", "provision", "decommission", "rebalance", "upgrade", "monitor", "debug",
         "isolate", "purge", "replay", "reconcile", "snapshot", "quarantine", "warm", "shard"]
NOUNS = ["rds", "aurora", "dynamodb", "s3", "lambda", "ecs", "eks", "ec2", "alb", "nlb",
         "cloudfront", "route53", "sqs", "sns", "kinesis", "msk", "elasticache", "redis",
         "opensearch", "vpc", "nat-gateway", "iam", "kms", "secrets", "ebs", "efs", "glue",
         "athena", "emr", "step-functions", "api-gateway", "cognito", "waf", "cloudwatch",
         "xray", "codedeploy", "codebuild", "ecr", "fargate", "batch", "postgres", "mysql",
         "kafka", "nginx", "envoy", "istio", "prometheus", "grafana", "terraform", "helm",
         "karpenter", "coredns", "etcd", "cassandra", "mongodb", "rabbitmq", "memcached",
         "haproxy", "vault", "consul"]
QUALS = ["latency", "errors", "throttling", "timeouts", "saturation", "outage", "drift",
         "leaks", "backlog", "capacity", "costs", "alarms", "deadlocks", "failures", "spikes",
         "certificates", "permissions", "quotas", "replication", "restarts"]
SERVICES = ["Amazon RDS", "Aurora", "DynamoDB", "Amazon S3", "AWS Lambda", "Amazon ECS",
            "Amazon EKS", "EC2", "Application Load Balancer", "CloudFront", "Route 53",
            "Amazon SQS", "Kinesis", "ElastiCache", "OpenSearch", "API Gateway", "CloudWatch",
            "AWS KMS", "Secrets Manager", "EBS", "Step Functions", "Amazon MSK"]
SYMPTOMS = ["elevated p99 latency", "5xx error bursts", "throttling exceptions",
            "connection pool exhaustion", "memory pressure", "disk queue depth growth",
            "replica lag", "cold start spikes", "certificate expiry warnings",
            "access denied errors", "DNS resolution failures", "queue backlog growth",
            "OOMKilled pods", "CPU credit depletion", "failed health checks",
            "rising retry counts", "stale cache reads", "noisy neighbour contention",
            "quota limit breaches", "slow deployments"]
METRICS = ["ReadLatency", "WriteLatency", "CPUUtilization", "FreeableMemory", "DiskQueueDepth",
           "ConsumedReadCapacityUnits", "ThrottledRequests", "HTTPCode_Target_5XX_Count",
           "ApproximateAgeOfOldestMessage", "IteratorAgeMilliseconds", "Duration", "Errors",
           "ConcurrentExecutions", "ReplicaLag", "NetworkPacketsOut", "TargetResponseTime",
           "StatusCheckFailed", "BurstBalance", "Evictions", "CurrConnections"]
ACTIONS = ["compare the current window with the same hour last week",
           "check the most recent deployment in the change log",
           "confirm whether the alarm fired in more than one Availability Zone",
           "look for a matching spike in upstream request volume",
           "capture the top five slow operations before changing anything",
           "verify that the service quotas are not close to their limits",
           "record the exact time range and the metric names as evidence",
           "check whether the issue reproduces from a second client",
           "review the last configuration change applied by automation",
           "inspect the retry and timeout settings of the calling service",
           "rule out a dependency failure by checking its health dashboard",
           "drain one instance and watch whether the error rate follows it",
           "roll back the last change if the evidence points at it",
           "escalate to the owning team with the evidence collected so far",
           "open a ticket that links the dashboards and the log queries used"]
PHRASES = ["the on-call engineer", "the service owner", "the incident commander",
           "the agent", "the runbook", "the dashboard", "the alarm", "the deployment",
           "the primary region", "the standby replica", "the load balancer", "the worker fleet"]
ADJS = ["noisy", "intermittent", "sustained", "sudden", "gradual", "regional", "partial",
        "cascading", "transient", "recurring"]
AUTHORS = ["platform-team", "sre-guild", "data-infra", "payments-oncall", "edge-networking",
           "storage-sre", "observability", "release-eng", "security-ops", "devops-examples"]
AGENT_TYPES = ["GENERIC", "CHAT", "INCIDENT_TRIAGE", "INCIDENT_RCA", "INCIDENT_MITIGATION",
               "PREVENTION", "RELEASE_TESTING", "RELEASE_READINESS_REVIEW"]
LICENSES = ["Apache-2.0", "MIT", "MIT-0", "BSD-3-Clause"]
LANGS = ["bash", "json", "yaml", "sql", "python", "text"]
REF_TOPICS = ["limits", "metrics", "queries", "playbook", "escalation", "glossary", "checklist",
              "examples", "architecture", "faq", "known-issues", "commands"]
UNKNOWN_KEYS = [("tags", "[ops, triage]"), ("version", "1.2.0"), ("author", "someone"),
                ("category", "operations"), ("model", "any"), ("keywords", "latency, alarms")]
MISTAKES = ["bad-name", "missing-description", "broken-link", "unknown-key", "unquoted-colon"]


def sentence(rng):
    """One made-up sentence about operations work."""
    kind = rng.randrange(5)
    if kind == 0:
        return (f"When {rng.choice(PHRASES)} sees {rng.choice(ADJS)} {rng.choice(SYMPTOMS)}, "
                f"{rng.choice(ACTIONS)}.")
    if kind == 1:
        return (f"Watch `{rng.choice(METRICS)}` and `{rng.choice(METRICS)}` together; a "
                f"{rng.choice(ADJS)} change in one without the other usually means "
                f"{rng.choice(SYMPTOMS)}.")
    if kind == 2:
        return f"Before any change, {rng.choice(ACTIONS)}, then {rng.choice(ACTIONS)}."
    if kind == 3:
        return (f"{rng.choice(SERVICES)} reports {rng.choice(SYMPTOMS)} first, so "
                f"{rng.choice(PHRASES)} should start there.")
    return (f"If {rng.choice(PHRASES)} cannot confirm the cause within fifteen minutes, "
            f"{rng.choice(ACTIONS)}.")


def paragraph(rng, lo=1, hi=3):
    return " ".join(sentence(rng) for _ in range(rng.randint(lo, hi)))


def wrap(text, width=96, indent=""):
    lines, cur = [], ""
    for word in text.split():
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(indent + cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    if cur:
        lines.append(indent + cur)
    return lines


def description(rng):
    """A description of 150-900 characters saying when to use the skill (one line of text)."""
    target = rng.randint(150, 900)
    svc = rng.choice(SERVICES)
    parts = [f"Use when investigating {rng.choice(SYMPTOMS)} or {rng.choice(SYMPTOMS)} on {svc}"]
    while len(", ".join(parts)) < target:
        part = rng.choice([
            f"or when {rng.choice(METRICS)} alarms fire during {rng.choice(ADJS)} load",
            f"including {rng.choice(SYMPTOMS)} after a deployment",
            f"and when {rng.choice(PHRASES)} needs a repeatable procedure",
            f"covering {rng.choice(ADJS)} {rng.choice(SYMPTOMS)} across accounts",
        ])
        if part not in parts:
            parts.append(part)
    text = ", ".join(parts)
    if len(text) > 899:
        text = text[:899].rsplit(" ", 1)[0]
    return text.rstrip(",") + "."


def code_block(rng, name):
    lang = rng.choice(LANGS)
    if lang == "bash":
        body = [f"aws cloudwatch get-metric-statistics --namespace AWS/{rng.choice(['RDS', 'ELB', 'SQS', 'Lambda'])} \\",
                f"  --metric-name {rng.choice(METRICS)} --statistics Average Maximum \\",
                "  --start-time \"$START\" --end-time \"$END\" --period 60",
                f"kubectl -n {name.split('-')[0]} get pods -o wide | grep -v Running"]
    elif lang == "json":
        body = ["{", f'  "skill": "{name}",', f'  "metric": "{rng.choice(METRICS)}",',
                f'  "threshold": {rng.randint(1, 999)},', '  "window": "PT5M"', "}"]
    elif lang == "yaml":
        body = ["alarm:", f"  metric: {rng.choice(METRICS)}", f"  threshold: {rng.randint(1, 99)}",
                "  evaluation_periods: 3", "  # a comment: with a colon is fine inside code"]
    elif lang == "sql":
        body = ["SELECT query_id, calls, mean_exec_time", "FROM pg_stat_statements",
                f"WHERE mean_exec_time > {rng.randint(10, 500)}", "ORDER BY mean_exec_time DESC",
                "LIMIT 10;"]
    elif lang == "python":
        body = ["import boto3", "", f"client = boto3.client(\"{rng.choice(['rds', 'sqs', 'ecs'])}\")",
                "for page in client.get_paginator(\"describe_events\").paginate():",
                "    print(page)"]
    else:
        body = [f"{rng.choice(METRICS)}  avg={rng.randint(1, 99)}  max={rng.randint(100, 999)}",
                "see [not a link](inside-a-fence.md) - fences are skipped by link checkers"]
    return [f"```{lang}", *body, "```"]


def body_lines(rng, name, title, refs, asset, broken):
    """A Markdown body of 50-400 lines (the lines after the closing ---)."""
    target = rng.randint(50, 400)
    links = [f"[{r.removesuffix('.md').replace('-', ' ')}](references/{r})" for r in refs]
    if broken:
        links.append(f"[{broken.removesuffix('.md')}](references/{broken})")
    out = ["", f"# {title}", "", *wrap(paragraph(rng, 2, 3)), ""]
    out += ["## When to use", ""]
    out += [f"- {sentence(rng)}" for _ in range(rng.randint(2, 4))]
    out += ["", f"The usual flow is drawn in ![flow](assets/{asset}).", ""]
    tail = ["## References", "", *[f"- {link}" for link in links], "",
            "## Report", "", *wrap(paragraph(rng, 1, 2))]
    step = 1
    while True:
        section = [f"## {step}. {rng.choice(VERBS).capitalize()} the {rng.choice(QUALS)}", ""]
        for _ in range(rng.randint(1, 3)):
            kind = rng.randrange(6)
            if kind == 0:
                section += wrap(paragraph(rng))
            elif kind == 1:
                section += [f"{i}. {sentence(rng)}" for i in range(1, rng.randint(3, 7))]
            elif kind == 2:
                section += [f"- {sentence(rng)}" for _ in range(rng.randint(2, 6))]
            elif kind == 3:
                section += code_block(rng, name)
            elif kind == 4:
                section += ["| metric | normal | investigate above |", "|---|---|---|"]
                section += [f"| `{rng.choice(METRICS)}` | {rng.randint(1, 50)} | {rng.randint(51, 500)} |"
                            for _ in range(rng.randint(2, 5))]
            else:
                section += [f"### {rng.choice(ADJS).capitalize()} {rng.choice(SYMPTOMS)}", ""]
                section += wrap(paragraph(rng, 1, 2))
                if links:
                    section += ["", f"Details: {links[rng.randrange(len(links))]}, and the "
                                f"[service docs](https://docs.example.com/{name}#{rng.choice(QUALS)})."]
            section.append("")
        if len(out) + len(section) + len(tail) > target:
            break
        out += section
        step += 1
    while len(out) + len(tail) < target and len(out) + len(tail) < 50:
        out += [f"- {sentence(rng)}"]
    return out + tail


def reference_text(rng, title):
    lines = [f"# {title}", ""]
    for _ in range(rng.randint(2, 6)):
        lines += [f"## {rng.choice(ADJS).capitalize()} {rng.choice(QUALS)}", "", *wrap(paragraph(rng)), ""]
        lines += [f"- {sentence(rng)}" for _ in range(rng.randint(1, 4))]
        lines.append("")
    return "\n".join(lines)


def svg(rng, title):
    boxes = []
    for i in range(rng.randint(3, 6)):
        x = 20 + i * 150
        boxes.append(f'  <rect x="{x}" y="40" width="120" height="50" rx="8" fill="#eef" stroke="#336"/>\n'
                     f'  <text x="{x + 60}" y="70" text-anchor="middle" font-size="12">'
                     f'{rng.choice(VERBS)}</text>')
    width = 40 + len(boxes) * 150
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="130" '
            f'viewBox="0 0 {width} 130">\n  <title>{title}</title>\n' + "\n".join(boxes) + "\n</svg>\n")


def frontmatter(rng, name, dir_name, mistake):
    desc = description(rng)
    fm_name = name
    if mistake == "bad-name":
        fm_name = rng.choice([name.replace("-", "_"), name.title(), name + "-skill"])
    lines = ["---", f"name: {fm_name}"]
    if mistake == "unquoted-colon":
        # A plain multi-line scalar whose first line holds ": " -- YAML reads a new key there.
        head = f"Use this skill when: {desc[len('Use when '):]}"
        wrapped = wrap(head, 90, "  ")
        lines.append("description: " + wrapped[0].strip())
        lines += wrapped[1:]
    elif mistake != "missing-description":
        style = rng.randrange(3)
        if style == 0:
            lines.append("description: >")
            lines += wrap(desc, 90, "  ")
        elif style == 1:
            lines.append("description: >-")
            lines += wrap(desc, 90, "  ")
        else:  # plain multi-line scalar (continuation lines indented); no ": " inside
            wrapped = wrap(desc, 90, "  ")
            lines.append("description: " + wrapped[0].strip())
            lines += wrapped[1:]
    if rng.random() < 0.7:
        lines.append(f"license: {rng.choice(LICENSES)}")
    if mistake == "unknown-key":
        key, value = rng.choice(UNKNOWN_KEYS)
        lines.append(f"{key}: {value}")
    types = ["GENERIC"] if rng.random() < 0.3 else sorted(
        rng.sample(AGENT_TYPES[1:], rng.randint(1, 3)), key=AGENT_TYPES.index)
    lines += ["metadata:",
              f'  version: "{rng.randint(0, 3)}.{rng.randint(0, 12)}.{rng.randint(0, 9)}"',
              f"  author: {rng.choice(AUTHORS)}",
              f'  agent_types: "{", ".join(types)}"',
              "---"]
    return lines


def make_skill(rng, root, name, mistake):
    skill_dir = os.path.join(root, name)
    os.makedirs(os.path.join(skill_dir, "references"))
    os.makedirs(os.path.join(skill_dir, "assets"))
    refs = rng.sample(REF_TOPICS, rng.randint(1, 3))
    refs = [f"{t}.md" for t in refs]
    asset = "flow.svg"
    broken = None
    if mistake == "broken-link":
        broken = rng.choice([t for t in REF_TOPICS if f"{t}.md" not in refs]) + ".md"
    title = " ".join(w.capitalize() for w in name.split("-"))
    text = "\n".join(frontmatter(rng, name, name, mistake)) + "\n"
    text += "\n".join(body_lines(rng, name, title, refs, asset, broken)) + "\n"
    with open(os.path.join(skill_dir, "SKILL.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    for ref in refs:
        with open(os.path.join(skill_dir, "references", ref), "w", encoding="utf-8", newline="\n") as f:
            f.write(reference_text(rng, f"{title}: {ref.removesuffix('.md')}"))
    with open(os.path.join(skill_dir, "assets", asset), "w", encoding="utf-8", newline="\n") as f:
        f.write(svg(rng, title))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="target folder (created; must be empty or absent)")
    ap.add_argument("-n", "--count", type=int, default=10000, help="number of skills (default 10000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--mistakes", type=float, default=0.05,
                    help="fraction of skills with one realistic mistake (default 0.05)")
    ap.add_argument("--per-pack", type=int, default=100, help="skills per pack folder (default 100)")
    args = ap.parse_args(argv)

    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"gen_corpus: {args.out} exists and is not empty")
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)

    names, seen = [], set()
    while len(names) < args.count:
        name = f"{rng.choice(VERBS)}-{rng.choice(NOUNS)}-{rng.choice(QUALS)}"
        if name in seen:
            name = f"{name}-{rng.choice(['v2', 'eu', 'us', 'prod', 'stage', 'legacy'])}"
            if name in seen:
                continue
        seen.add(name)
        names.append(name)

    counts = {m: 0 for m in MISTAKES}
    manifest = ["skill\tmistake"]
    for i, name in enumerate(names):
        mistake = rng.choice(MISTAKES) if rng.random() < args.mistakes else None
        if mistake:
            counts[mistake] += 1
        pack = os.path.join(args.out, f"pack-{i // args.per_pack:03d}", "skills")
        make_skill(rng, pack, name, mistake)
        manifest.append(f"{os.path.relpath(os.path.join(pack, name), args.out)}\t{mistake or '-'}")
    with open(os.path.join(args.out, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    total = sum(counts.values())
    print(f"gen_corpus: {args.count} skills in {args.out} (seed {args.seed}); {total} with a mistake: "
          + ", ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)


if __name__ == "__main__":
    main()
