#include "rules/registry.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace skillkit {
namespace rules {
// One line per rule, sorted by id. Retired ids stay here as comments and are never reused.
extern const Rule kReadError;                   // SK000
extern const Rule kUtf8Encoding;                // SK001
extern const Rule kFrontmatterMissing;          // SK002
extern const Rule kFrontmatterUnclosed;         // SK003
extern const Rule kFrontmatterEmpty;            // SK004
extern const Rule kYamlSyntax;                  // SK005
extern const Rule kFrontmatterNotMapping;       // SK006
extern const Rule kYamlDuplicateKey;            // SK007
extern const Rule kYamlDocumentMarker;          // SK008
extern const Rule kYamlStrict;                  // SK009
extern const Rule kLineEndings;                 // SK010
extern const Rule kSkillMdCase;                 // SK011
extern const Rule kTrailingNewline;             // SK012
extern const Rule kNameMissing;                 // SK100
extern const Rule kNameFormat;                  // SK101
extern const Rule kNameLength;                  // SK102
extern const Rule kNameDirectoryMismatch;       // SK103
extern const Rule kDescriptionMissing;          // SK110
extern const Rule kDescriptionType;             // SK111
extern const Rule kDescriptionTooLong;          // SK112
extern const Rule kLicenseType;                 // SK120
extern const Rule kCompatibility;               // SK121
extern const Rule kMetadataType;                // SK122
extern const Rule kMetadataValueString;         // SK123
extern const Rule kAllowedTools;                // SK124
extern const Rule kUnknownKey;                  // SK130
extern const Rule kBodyTooLong;                 // SK200
extern const Rule kLinkBroken;                  // SK201
extern const Rule kLinkOutsideSkill;            // SK202
extern const Rule kAbsoluteLocalPath;           // SK203
extern const Rule kReferenceDepth;              // SK204
extern const Rule kBodyEmpty;                   // SK205
extern const Rule kSecret;                      // SK210
extern const Rule kSymlinkEscape;               // SK211
extern const Rule kNameAscii;                   // SK300
extern const Rule kDescriptionTooShort;         // SK301
extern const Rule kDescriptionWhen;             // SK302
extern const Rule kReservedName;                // SK303
extern const Rule kAgentTypesUnknown;           // SK310
extern const Rule kAgentTypesGenericExclusive;  // SK311
extern const Rule kAgentTypesMismatch;          // SK312
extern const Rule kAgentTypesDuplicate;         // SK313
extern const Rule kAgentTypesLabelUnmapped;     // SK314
extern const Rule kStatusValue;                 // SK315
extern const Rule kScriptsFolder;               // SK320
extern const Rule kFileType;                    // SK321
extern const Rule kExecutableFile;              // SK322
extern const Rule kTooManyFiles;                // SK323
extern const Rule kFilePath;                    // SK324
extern const Rule kZipSize;                     // SK325
extern const Rule kPolicyMetadata;              // SK900
extern const Rule kPolicyPaths;                 // SK901
extern const Rule kPolicyLimits;                // SK902
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
    &rules::kDescriptionMissing,
    &rules::kDescriptionType,
    &rules::kDescriptionTooLong,
    &rules::kLicenseType,
    &rules::kCompatibility,
    &rules::kMetadataType,
    &rules::kMetadataValueString,
    &rules::kAllowedTools,
    &rules::kUnknownKey,
    &rules::kBodyTooLong,
    &rules::kLinkBroken,
    &rules::kLinkOutsideSkill,
    &rules::kAbsoluteLocalPath,
    &rules::kReferenceDepth,
    &rules::kBodyEmpty,
    &rules::kSecret,
    &rules::kSymlinkEscape,
    &rules::kNameAscii,
    &rules::kDescriptionTooShort,
    &rules::kDescriptionWhen,
    &rules::kReservedName,
    &rules::kAgentTypesUnknown,
    &rules::kAgentTypesGenericExclusive,
    &rules::kAgentTypesMismatch,
    &rules::kAgentTypesDuplicate,
    &rules::kAgentTypesLabelUnmapped,
    &rules::kStatusValue,
    &rules::kScriptsFolder,
    &rules::kFileType,
    &rules::kExecutableFile,
    &rules::kTooManyFiles,
    &rules::kFilePath,
    &rules::kZipSize,
    &rules::kPolicyMetadata,
    &rules::kPolicyPaths,
    &rules::kPolicyLimits,
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
