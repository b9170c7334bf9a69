// SK210 secret: credentials in a file the pack would hold. Looks for AWS access key ids
// (AKIA/ASIA + 16), AWS secret access keys after an `aws_secret_access_key`-like label, PEM
// private keys (with a key body, not `...`), GitHub tokens (ghp_ gho_ ghu_ ghs_ ghr_,
// github_pat_), Slack tokens (xoxb- xoxa- xoxp- xoxr- xoxs-) and quoted literal passwords after
// a `...password` key. Values that look like placeholders are skipped (EXAMPLE, xxxx, <...>,
// ${...}, runs like 123456 or AAAAA...). Binary files (a NUL byte in the first 8 KiB, images,
// PDFs) and files over 1 MiB are skipped. The secret itself is never printed.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "rules/rule.h"
#include "skillkit/read_file.h"
#include "skillkit/source.h"

namespace skillkit::rules {
namespace {

constexpr std::uint64_t kMaxBytes = 1u << 20;

struct Hit {
  size_t offset = 0;  // where the secret starts
  std::string message;
};

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_upper_or_digit(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool is_ident(char c) {
  return is_alnum(c) || c == '_' || c == '-' || c == '.';
}
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// A value written to be replaced rather than a real credential.
bool placeholder(std::string_view value, bool password = false) {
  const std::string v = lowercase(value);
  static constexpr std::string_view kWords[] = {
      "example",     "xxxx",     "sample",   "dummy",     "fake",      "test", "your",
      "placeholder", "redacted", "changeme", "change-me", "change_me", "<",    ">",
      "${",          "{{",       "$(",       "...",       "***"};
  for (std::string_view w : kWords)
    if (v.find(w) != std::string::npos) return true;
  if (password) {
    static constexpr std::string_view kPasswordWords[] = {"pass",    "secret", "change", "todo",
                                                          "replace", "hidden", "mask",   "none",
                                                          "null",    "xxx",    "%(",     "env"};
    for (std::string_view w : kPasswordWords)
      if (v.find(w) != std::string::npos) return true;
  }
  // Runs no random string has: 5 equal characters, or 6 ascending (123456, abcdef).
  int same = 1, up = 1;
  for (size_t i = 1; i < v.size(); ++i) {
    same = v[i] == v[i - 1] ? same + 1 : 1;
    up = v[i] == v[i - 1] + 1 ? up + 1 : 1;
    if (same >= 5 || up >= 6) return true;
  }
  return false;
}

std::string shown(std::string_view value, size_t keep = 4) {
  return std::string(value.substr(0, keep)) + "…";
}

// AKIA/ASIA + 16 of [A-Z0-9], as a whole word.
void aws_key_ids(std::string_view text, std::vector<Hit>& hits) {
  for (size_t i = text.find("A"); i != std::string_view::npos; i = text.find('A', i + 1)) {
    if (i + 20 > text.size()) break;
    const std::string_view prefix = text.substr(i, 4);
    if (prefix != "AKIA" && prefix != "ASIA") continue;
    if (i > 0 && is_alnum(text[i - 1])) continue;
    const std::string_view value = text.substr(i, 20);
    if (!std::all_of(value.begin() + 4, value.end(), is_upper_or_digit)) continue;
    if (i + 20 < text.size() && is_alnum(text[i + 20])) continue;
    if (placeholder(value)) continue;
    hits.push_back({i, fmt::format("found an AWS access key id (`{}`)", shown(value))});
  }
}

// The identifier around `at` (letters, digits, `_`, `-`, `.`), as [begin, end).
std::pair<size_t, size_t> identifier(std::string_view text, size_t at) {
  size_t b = at, e = at;
  while (b > 0 && is_ident(text[b - 1])) --b;
  while (e < text.size() && is_ident(text[e])) ++e;
  return {b, e};
}

std::string normalized(std::string_view ident) {
  std::string out;
  for (char c : ident)
    if (is_alnum(c)) out += lower(c);
  return out;
}

// A 40-character AWS secret access key after a label such as `aws_secret_access_key`,
// `AWS_SECRET_ACCESS_KEY=`, `"SecretAccessKey": "` or `aws_secret_access_key ` (CLI).
void aws_secret_keys(std::string_view text, std::string_view low, std::vector<Hit>& hits) {
  auto secret_char = [](char c) { return is_alnum(c) || c == '/' || c == '+'; };
  for (size_t i = low.find("secret"); i != std::string_view::npos;) {
    const auto [b, e] = identifier(text, i);
    const std::string label = normalized(text.substr(b, e - b));
    i = low.find("secret", std::max(e, i + 1));
    if (label.find("secretaccesskey") == std::string::npos && !label.ends_with("awssecretkey"))
      continue;
    size_t v = e;
    while (v < text.size() && v < e + 8 &&
           std::string_view(" \t\"'=:>,").find(text[v]) != std::string_view::npos)
      ++v;
    if (v == e || v + 40 > text.size()) continue;
    const std::string_view value = text.substr(v, 40);
    if (!std::all_of(value.begin(), value.end(), secret_char)) continue;
    if (v + 40 < text.size() && (secret_char(text[v + 40]) || text[v + 40] == '=')) continue;
    if (placeholder(value)) continue;
    hits.push_back({v, fmt::format("found an AWS secret access key (`{}`) after `{}`", shown(value),
                                   text.substr(b, e - b))});
  }
}

// `-----BEGIN ... PRIVATE KEY-----` followed by a base64 body (not `...` or `<key>`).
void private_keys(std::string_view text, std::vector<Hit>& hits) {
  for (size_t i = text.find("-----BEGIN "); i != std::string_view::npos;
       i = text.find("-----BEGIN ", i + 1)) {
    const size_t eol = std::min(text.find('\n', i), text.size());
    const std::string_view line = text.substr(i, eol - i);
    size_t end = line.find("PRIVATE KEY-----");
    if (end != std::string_view::npos) {
      end += 16;
    } else if ((end = line.find("PRIVATE KEY BLOCK-----")) != std::string_view::npos) {
      end += 22;
    } else {
      continue;
    }
    const std::string_view header = line.substr(0, end);
    // The body: real or escaped ("\n") lines; headers (`Proc-Type: ...`) and blanks skipped.
    std::string after;
    const std::string_view tail = text.substr(i + end, 2048);
    for (size_t k = 0; k < tail.size(); ++k) {
      if (tail[k] == '\\' && k + 1 < tail.size() && tail[k + 1] == 'n') {
        after += '\n';
        ++k;
      } else {
        after += tail[k];
      }
    }
    bool real = false;
    size_t start = 0;
    for (int n = 0; n < 8 && start < after.size(); ++n) {
      const size_t nl = std::min(after.find('\n', start), after.size());
      std::string_view l = std::string_view(after).substr(start, nl - start);
      start = nl + 1;
      while (!l.empty() && std::string_view(" \t\"'|").find(l.front()) != std::string_view::npos)
        l.remove_prefix(1);
      while (!l.empty() && std::string_view(" \t\r\"',\\").find(l.back()) != std::string_view::npos)
        l.remove_suffix(1);
      if (l.empty() || l.find(':') != std::string_view::npos) continue;
      real = l.size() >= 40 && std::all_of(l.begin(), l.end(), [](char c) {
               return is_alnum(c) || c == '+' || c == '/' || c == '=';
             });
      break;
    }
    if (real) hits.push_back({i, fmt::format("found a private key (`{}`)", header)});
  }
}

// ghp_/gho_/ghu_/ghs_/ghr_ + 36 or more letters and digits; github_pat_ + 60 or more.
void github_tokens(std::string_view text, std::vector<Hit>& hits) {
  auto check = [&](size_t i, size_t prefix, size_t min) {
    if (i > 0 && (is_alnum(text[i - 1]) || text[i - 1] == '_')) return;
    size_t e = i + prefix;
    while (e < text.size() && (is_alnum(text[e]) || (prefix == 11 && text[e] == '_'))) ++e;
    if (e - i - prefix < min || (e < text.size() && text[e] == '_')) return;
    const std::string_view value = text.substr(i, e - i);
    if (placeholder(value.substr(prefix))) return;
    hits.push_back({i, fmt::format("found a GitHub token (`{}`)", shown(value, prefix))});
  };
  // Searched for by prefix: looking at every 'g' of the text cost more than the rest of the scan.
  for (size_t i = text.find("gh"); i != std::string_view::npos; i = text.find("gh", i + 1))
    if (i + 3 < text.size() &&
        std::string_view("pousr").find(text[i + 2]) != std::string_view::npos && text[i + 3] == '_')
      check(i, 4, 36);
  for (size_t i = text.find("github_pat_"); i != std::string_view::npos;
       i = text.find("github_pat_", i + 1))
    check(i, 11, 60);
}

// xox[baprs]- then 20 or more of [A-Za-z0-9-] holding a run of 8 or more digits.
void slack_tokens(std::string_view text, std::vector<Hit>& hits) {
  for (size_t i = text.find("xox"); i != std::string_view::npos; i = text.find("xox", i + 1)) {
    if (i + 5 > text.size() ||
        std::string_view("baprs").find(text[i + 3]) == std::string_view::npos || text[i + 4] != '-')
      continue;
    if (i > 0 && is_alnum(text[i - 1])) continue;
    size_t e = i + 5;
    int digits = 0, run = 0;
    while (e < text.size() && (is_alnum(text[e]) || text[e] == '-')) {
      run = text[e] >= '0' && text[e] <= '9' ? run + 1 : 0;
      digits = std::max(digits, run);
      ++e;
    }
    const std::string_view value = text.substr(i, e - i);
    if (value.size() < 25 || digits < 8 || placeholder(value.substr(5))) continue;
    hits.push_back({i, fmt::format("found a Slack token (`{}`)", shown(value, 5))});
  }
}

// A quoted literal after a key ending in `password`/`passwd`: `db_password = "..."`,
// `"password": "..."`, `PASSWORD: '...'`. Only values that look like a real password count:
// 8 or more characters, no blanks, two kinds of characters, no placeholder words.
void passwords(std::string_view text, std::string_view low, std::vector<Hit>& hits) {
  for (size_t i = low.find("passw"); i != std::string_view::npos;) {
    const auto [b, e] = identifier(text, i);
    const std::string label = normalized(text.substr(b, e - b));
    i = low.find("passw", std::max(e, i + 1));
    if (!label.ends_with("password") && !label.ends_with("passwd")) continue;
    size_t v = e;
    if (v < text.size() && (text[v] == '"' || text[v] == '\'')) ++v;
    while (v < text.size() && (text[v] == ' ' || text[v] == '\t')) ++v;
    if (text.substr(v, 2) == ":=" || text.substr(v, 2) == "=>")
      v += 2;
    else if (v < text.size() && (text[v] == '=' || text[v] == ':'))
      ++v;
    else
      continue;
    while (v < text.size() && (text[v] == ' ' || text[v] == '\t')) ++v;
    if (v >= text.size() || (text[v] != '"' && text[v] != '\'')) continue;
    const char quote = text[v++];
    const size_t close = text.find_first_of(std::string{quote, '\n'}, v);
    if (close == std::string_view::npos || text[close] != quote) continue;
    const std::string_view value = text.substr(v, close - v);
    if (value.size() < 8 || value.find_first_of(" \t") != std::string_view::npos) continue;
    if (std::string_view("$%{/").find(value[0]) != std::string_view::npos) continue;
    if (placeholder(value, true)) continue;
    const bool lo =
        std::any_of(value.begin(), value.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const bool up =
        std::any_of(value.begin(), value.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    const bool dg =
        std::any_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool sy = std::any_of(value.begin(), value.end(), [](char c) { return !is_alnum(c); });
    if (lo + up + dg + sy < 2) continue;
    hits.push_back({v, fmt::format("found a literal password in `{}`", text.substr(b, e - b))});
  }
}

std::vector<Hit> scan(std::string_view text) {
  const std::string low = lowercase(text);
  std::vector<Hit> hits;
  aws_key_ids(text, hits);
  aws_secret_keys(text, low, hits);
  private_keys(text, hits);
  github_tokens(text, hits);
  slack_tokens(text, hits);
  passwords(text, low, hits);
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Hit& a, const Hit& b) { return a.offset < b.offset; });
  return hits;
}

void check(const Skill& skill, const Options&, Report& report) {
  std::string bytes;
  for (const FileEntry* f : skill.files.packable()) {
    if (f->size > kMaxBytes || binary_extension(f->extension)) continue;
    const bool is_skill_md = f->path == skill.skill_md_name;
    // Most files were read while listed (ListOptions::keep_content_up_to); the rest are read here.
    std::string_view text;
    if (is_skill_md) {
      text = skill.md.source.bytes();
    } else if (f->has_content) {
      text = f->content;
    } else if (read_whole_file(skill.dir / f->path, bytes, kMaxBytes)) {
      text = bytes;
    } else {
      continue;
    }
    if (text.substr(0, 8192).find('\0') != std::string_view::npos) continue;
    std::vector<Hit> hits = scan(text);
    if (hits.empty()) continue;
    // The line table is built only for a file with a finding: most files have none.
    SourceText source;
    if (!is_skill_md) source = SourceText(std::string(text));
    const SourceText& lines = is_skill_md ? skill.md.source : source;
    for (Hit& hit : hits)
      report.add(skill.display_path(f->path), lines.position(hit.offset), std::move(hit.message),
                 "remove it and revoke it (it may already be in your history); have the reader "
                 "get credentials from a secret store or the environment, by name");
  }
}

}  // namespace

extern const Rule kSecret{
    .id = "SK210",
    .name = "secret",
    .layer = Layer::AgentSkills,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "No access keys, tokens, private keys or passwords in the files a pack holds.",
    .rationale =
        "Everything in the pack is uploaded and shared with every agent and user of the "
        "space; a credential in a skill is a leaked credential. Placeholders (AWS's "
        "AKIAIOSFODNN7EXAMPLE, xxxx, <password>, ${VAR}) are not reported; binary files and "
        "files over 1 MiB are not read. Findings never print the secret.",
    // The key below is split so that secret scanners do not flag this source file.
    .bad =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Use the key in references/setup.md.\n"
        "=== references/setup.md\n"
        "aws_access_key_id = AKIA"
        "ZQ4HDKJW3FNU6TBO\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Use the key in references/setup.md.\n"
        "=== references/setup.md\n"
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE  # read yours from the environment\n",
    .check = &check,
};

}  // namespace skillkit::rules
