// parse_simple_yaml against yaml-cpp: whenever the fast reader accepts a frontmatter, its tree
// (kinds, values, tags, offsets, line:column) must be the one built from yaml-cpp's events. Run
// on hand-written cases, on every SKILL.md under testdata/ and examples/, and on
// ../shared/corpus when it is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "skillkit/skill_md.h"
#include "skillkit/source.h"
#include "skillkit/yaml_simple.h"
#include "skillkit/yaml_tree.h"

namespace skillkit {
namespace {
namespace fs = std::filesystem;

// Every field of the tree, one node per line, so a mismatch shows as a readable diff.
void describe(const YamlNode& n, int depth, std::string& out) {
  out += std::string(static_cast<size_t>(depth) * 2, ' ');
  out += std::to_string(static_cast<int>(n.kind)) + " tag=" + n.tag +
         " flow=" + std::to_string(n.flow) + " anchored=" + std::to_string(n.anchored) + " @" +
         std::to_string(n.offset) + " " + std::to_string(n.pos.line) + ":" +
         std::to_string(n.pos.column) + " [" + n.value + "]\n";
  for (const YamlNode& item : n.items) describe(item, depth + 1, out);
  for (const YamlEntry& e : n.entries) {
    describe(e.first, depth + 1, out);
    describe(e.second, depth + 2, out);
  }
}

std::string describe(const YamlNode& n) {
  std::string out;
  describe(n, 0, out);
  return out;
}

struct Compared {
  bool accepted = false;  // the fast reader took the text
  bool same = false;      // and agreed with yaml-cpp
  std::string fast, reference;
};

// The frontmatter of `skill_md` through both readers.
Compared compare(const std::string& skill_md) {
  Compared c;
  const SkillMd md = parse_skill_md(skill_md);
  if (md.yaml_end <= md.yaml_begin) return c;
  const std::string_view yaml =
      std::string_view(md.source.bytes()).substr(md.yaml_begin, md.yaml_end - md.yaml_begin);
  const std::optional<YamlNode> fast = parse_simple_yaml(yaml, md.yaml_begin, md.source);
  if (!fast) return c;
  c.accepted = true;
  const YamlParse ref = parse_yaml_with_yaml_cpp(yaml, md.yaml_begin, md.source);
  c.fast = describe(*fast);
  c.reference = ref.ok && ref.root && ref.extra_documents == 0 ? describe(*ref.root)
                                                               : "(yaml-cpp: " + ref.error + ")";
  c.same = c.fast == c.reference;
  return c;
}

std::string frontmatter(const std::string& yaml) {
  return "---\n" + yaml + "---\n# Body\n";
}

TEST(YamlSimple, AcceptsThePlainSubsetExactlyAsYamlCpp) {
  const char* accepted[] = {
      "name: a\ndescription: Use this skill when b.\n",
      "name: a\ndescription: >\n  Use this skill\n  when b, c.\nlicense: MIT\n",
      "description: >-\n  folded\n  strip\n",
      "description: |\n  line one\n    more indented\n  line three\n",
      "description: |-\n  literal\n  strip\nname: x\n",
      "description: Plain text that goes\n  on and on: no, wait\n",  // `: ` mid-line: refused
      "description: Plain text that goes\n  on and on\n    deeper still\nname: x\n",
      "metadata:\n  version: \"1.0\"\n  author: 'me'\n  deep:\n    x: 1\nname: y\n",
      "name: a\n\n# a comment\nempty:\nafter: ~\nnull: null\nN: NULL\n",
      "name:    spaced   \ndescription: \"quoted: fine # here\"\n",
      "key_with-dash: 3.14\nother: 2024-01-01\nyes: no\n",
      "description: >\n  text\n\nname: x\n",  // trailing blank line before the next key
      "description: naïve café — ünïcode\n",
      "description: 'it''s'\n",  // '' escapes: refused
      "url: http://example.com/a#b\n",
      "metadata:\n  a: 1\n\n  b: 2\nc: 3\n",
  };
  int taken = 0;
  for (const char* yaml : accepted) {
    const Compared c = compare(frontmatter(yaml));
    taken += c.accepted;
    if (c.accepted) {
      EXPECT_TRUE(c.same) << yaml << "\nfast:\n" << c.fast << "yaml-cpp:\n" << c.reference;
    }
  }
  EXPECT_EQ(taken, 14);  // all but the two marked refused
}

TEST(YamlSimple, LeavesEverythingElseToYamlCpp) {
  const char* refused[] = {
      "name: a\n  - b\n",                        // stray sequence
      "list:\n  - a\n  - b\n",                   // sequences
      "flow: [a, b]\n",                          // flow collections
      "anchor: &x a\nalias: *x\n",               // anchors and aliases
      "tagged: !!str 1\n",                       // tags
      "esc: \"a\\nb\"\n",                        // escapes
      "tab:\ta\n",                               // tabs
      "crlf: a\r\n",                             // CR
      "comment: a # trailing\n",                 // comment after a value
      "colon: a: b\n",                           // `: ` inside a plain scalar (an error)
      "gap: a\n\n  b\n",                         // a blank line inside a plain scalar
      "block: >\n  a\n\n  b\n",                  // a blank line inside a block scalar
      "block: >\n  a\n    more\n",               // more-indented line in a folded block
      "block: >+\n  keep\n",                     // keep chomping
      "block: >2\n   x\n",                       // indentation indicator
      "\"quoted key\": a\n",                     // quoted keys
      "key.with.dots: a\n",                      // keys outside [A-Za-z0-9_-]
      "  indented: a\n",                         // an indented root
      "a: 1\n b: 2\n",                           // inconsistent indentation
      "multi: \"line\n  two\"\n",                // multi-line quoted
      "? complex\n: key\n",                      // complex keys
      "a: 1\n...\nb: 2\n",                       // a document end marker
      "next:\n  plain text on the next line\n",  // plain scalar starting on the next line
      "bom: \xef\xbb\xbf\n",                     // BOM inside
      "nel: a\xc2\x85 b\n",                      // NEL, a YAML 1.1 line break
  };
  for (const char* yaml : refused) EXPECT_FALSE(compare(frontmatter(yaml)).accepted) << yaml;
}

// Every SKILL.md under `root` whose frontmatter the fast reader accepts agrees with yaml-cpp.
// Returns how many were accepted.
int compare_tree(const fs::path& root, int& files) {
  int accepted = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const std::string name = it->path().filename().string();
    if (name != "SKILL.md" || !it->is_regular_file(ec)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    ++files;
    const Compared c = compare(bytes.str());
    accepted += c.accepted;
    if (c.accepted) {
      EXPECT_TRUE(c.same) << it->path() << "\nfast:\n" << c.fast << "yaml-cpp:\n" << c.reference;
    }
  }
  return accepted;
}

TEST(YamlSimple, AgreesWithYamlCppOnEveryFixtureAndExample) {
  int files = 0;
  int accepted = compare_tree(SKILLKIT_SOURCE_DIR "/testdata", files);
  accepted += compare_tree(SKILLKIT_SOURCE_DIR "/examples", files);
  EXPECT_GT(files, 100);
  // Most fixtures are plain YAML; the rest test YAML the fast reader leaves to yaml-cpp.
  EXPECT_GT(accepted, files / 2) << accepted << " of " << files;
}

// SKILLKIT_YAML_CORPUS=DIR compares on DIR instead (e.g. bench/lint's generated corpus).
TEST(YamlSimple, AgreesWithYamlCppOnTheSharedCorpus) {
  const char* other = std::getenv("SKILLKIT_YAML_CORPUS");
  const fs::path corpus =
      other ? fs::path(other) : fs::path(SKILLKIT_SOURCE_DIR "/../shared/corpus");
  if (!fs::is_directory(corpus)) GTEST_SKIP() << "no " << corpus;
  int files = 0;
  const int accepted = compare_tree(corpus, files);
  EXPECT_GT(files, 100);
  EXPECT_GT(accepted, 0);
  std::cout << "fast reader took " << accepted << " of " << files << " corpus frontmatters\n";
}

}  // namespace
}  // namespace skillkit
