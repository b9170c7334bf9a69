#!/usr/bin/env node
// Validate every skill under one or more roots with the `skills-ref` library, in ONE Node process.
//
//   node bench/lint/skills_ref_all.mjs ROOT... [--concurrency N] [--quiet]
//
// skills-ref's own CLI (`skills-ref validate <skill_path>`) takes exactly one skill per call, so
// linting a repository with it means one Node start per skill. This script is what a user would
// write instead: find every folder holding a SKILL.md (or skill.md, which skills-ref also
// accepts) below each root, without following symlinks and skipping node_modules/ and .git/,
// then call the library's `validate(dir)` for each, N at a time (default 16) on one event loop.
// Each problem is printed as `DIR: message` (unless --quiet); the last line is a summary:
//   skills-ref: S skills validated, F with problems, P problems
// Exit status: 0 when no problems, 1 when some, 2 on usage errors or a root holding no skill.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { validate } from "skills-ref";

const args = process.argv.slice(2);
let concurrency = 16;
let quiet = false;
const roots = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--concurrency") concurrency = Math.max(1, Number(args[++i]) || 1);
  else if (args[i] === "--quiet") quiet = true;
  else roots.push(args[i]);
}
if (roots.length === 0) {
  console.error("usage: skills_ref_all.mjs ROOT... [--concurrency N] [--quiet]");
  process.exit(2);
}

const SKIP = new Set(["node_modules", ".git"]);

async function findSkillDirs(root, out) {
  let entries;
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch (e) {
    console.error(`skills-ref: cannot read ${root}: ${e.message}`);
    return;
  }
  if (entries.some((e) => e.isFile() && (e.name === "SKILL.md" || e.name === "skill.md"))) out.push(root);
  // Nested skills are skills of their own, as for skillkit and skill-check: keep descending.
  const subdirs = entries.filter((e) => e.isDirectory() && !SKIP.has(e.name));
  for (const d of subdirs) await findSkillDirs(path.join(root, d.name), out);
}

const dirs = [];
for (const root of roots) {
  const before = dirs.length;
  await findSkillDirs(root, dirs);
  if (dirs.length === before) {
    console.error(`skills-ref: no skill under ${root}`);
    process.exit(2);
  }
}
dirs.sort();

let failed = 0;
let problems = 0;
const lines = [];
let next = 0;
async function worker() {
  while (next < dirs.length) {
    const dir = dirs[next++];
    const errors = await validate(dir);
    if (errors.length > 0) {
      failed++;
      problems += errors.length;
      if (!quiet) for (const e of errors) lines.push(`${dir}: ${String(e).replace(/\s*\n\s*/g, " ")}`);
    }
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, dirs.length) }, worker));

if (!quiet && lines.length) process.stdout.write(lines.sort().join("\n") + "\n");
console.log(`skills-ref: ${dirs.length} skills validated, ${failed} with problems, ${problems} problems`);
process.exitCode = problems > 0 ? 1 : 0;
