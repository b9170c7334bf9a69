// The ids pack and inspect report with: lint's ids where a lint rule owns the problem (the
// rules may be switched off in a config; pack's own guard never is), and SK400-SK419 for
// problems only a zip can have (documented in docs/inspect.md; not lint rules).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "skillkit/diagnostic.h"

namespace skillkit::pack {

struct FindingId {
  std::string_view id;
  std::string_view name;
};

// Problems a lint rule also owns.
inline constexpr FindingId kSymlinkEscape{"SK211", "symlink-escape"};
inline constexpr FindingId kScriptsFolder{"SK320", "scripts-folder"};
inline constexpr FindingId kFileType{"SK321", "file-type"};
inline constexpr FindingId kExecutableFile{"SK322", "executable-file"};
inline constexpr FindingId kTooManyFiles{"SK323", "too-many-files"};
inline constexpr FindingId kZipSize{"SK325", "zip-size"};

// Problems of a zip archive (inspect), and of names no zip may hold (pack too).
inline constexpr FindingId kZipCorrupt{"SK400", "zip-corrupt"};
inline constexpr FindingId kZipSkillMdMissing{"SK401", "zip-skill-md-missing"};
inline constexpr FindingId kZipUnsafePath{"SK402", "zip-unsafe-path"};
inline constexpr FindingId kZipNameEncoding{"SK403", "zip-name-encoding"};
inline constexpr FindingId kZipDuplicateEntry{"SK404", "zip-duplicate-entry"};
inline constexpr FindingId kZipEncrypted{"SK405", "zip-encrypted"};
inline constexpr FindingId kZipSymlinkEntry{"SK406", "zip-symlink-entry"};
inline constexpr FindingId kZipBomb{"SK407", "zip-bomb"};
inline constexpr FindingId kZipCompression{"SK408", "zip-compression"};

/// The service's limits.
inline constexpr std::uint64_t kMaxZipBytes = 6291456;  // the finished zip, 6 MiB
inline constexpr std::size_t kMaxFiles = 100;

/// A finding (always an error) with one of the ids above.
Diagnostic finding(const FindingId& id, std::string file, std::string message,
                   std::string hint = {});

}  // namespace skillkit::pack
