#include "rules/registry.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace skillkit {
namespace rules {
// One line per rule, sorted by id. Retired ids stay here as comments and are never reused.
extern const Rule kReadError;              // SK000
extern const Rule kUtf8Encoding;           // SK001
extern const Rule kFrontmatterMissing;     // SK002
extern const Rule kFrontmatterUnclosed;    // SK003
extern const Rule kFrontmatterEmpty;       // SK004
extern const Rule kYamlSyntax;             // SK005
extern const Rule kFrontmatterNotMapping;  // SK006
extern const Rule kYamlDuplicateKey;       // SK007
extern const Rule kYamlDocumentMarker;     // SK008
extern const Rule kYamlStrict;             // SK009
extern const Rule kLineEndings;            // SK010
extern const Rule kSkillMdCase;            // SK011
extern const Rule kTrailingNewline;        // SK012
extern const Rule kNameMissing;            // SK100
extern const Rule kNameFormat;             // SK101
extern const Rule kNameLength;             // SK102
extern const Rule kNameDirectoryMismatch;  // SK103
}  // namespace rules

namespace {
const Rule* const kRules[] = {
    &rules::kReadError,
    &rules::kUtf8Encoding,
    &rules::kFrontmatterMissing,
    &rules::kFrontmatterUnclosed,
    &rules::kFrontmatterEmpty,
    &rules::kYamlSyntax,
    &rules::kFrontmatterNotMapping,
    &rules::kYamlDuplicateKey,
    &rules::kYamlDocumentMarker,
    &rules::kYamlStrict,
    &rules::kLineEndings,
    &rules::kSkillMdCase,
    &rules::kTrailingNewline,
    &rules::kNameMissing,
    &rules::kNameFormat,
    &rules::kNameLength,
    &rules::kNameDirectoryMismatch,
};
}  // namespace

std::span<const Rule* const> all_rules() {
  return kRules;
}

const Rule* find_rule(std::string_view id_or_name) {
  std::string upper(id_or_name);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const Rule* rule : kRules)
    if (rule->id == upper || rule->name == id_or_name) return rule;
  return nullptr;
}

}  // namespace skillkit
