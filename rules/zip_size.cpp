// SK325 zip-size: the files a pack would hold can fit in a 6,291,456-byte zip. A lint-time
// lower bound, so that an error is never false: images and PDFs (png jpg jpeg gif webp pdf,
// already compressed) count at full size, every other file at a tenth of its size (deflate
// rarely does better on text), and each entry adds its zip headers (30 + 46 bytes plus its path
// twice), plus 22 bytes for the end of the archive. `skillkit pack` measures the real zip.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

constexpr OptionSpec kOptions[] = {
    {"max-bytes", "int", "6291456", "The largest zip DevOps Agent accepts, in bytes."},
};

constexpr std::uint64_t kEntryHeaders = 30 + 46;
constexpr std::uint64_t kArchiveEnd = 22;
constexpr std::uint64_t kTextRatio = 10;

bool incompressible(std::string_view ext) {
  static constexpr std::string_view kTypes[] = {"png", "jpg", "jpeg", "gif", "webp", "pdf"};
  return std::find(std::begin(kTypes), std::end(kTypes), ext) != std::end(kTypes);
}

struct Part {
  const FileEntry* file;
  std::uint64_t bytes;  // its least share of the zip, headers included
};

void check(const Skill& skill, const Options& options, Report& report) {
  const long long max = options.integer("max-bytes", 6291456);
  std::vector<Part> parts;
  std::uint64_t total = kArchiveEnd, media = 0;
  for (const FileEntry* f : skill.files.packable()) {
    const bool whole = incompressible(f->extension);
    const std::uint64_t data = whole ? f->size : f->size / kTextRatio;
    const std::uint64_t bytes = data + kEntryHeaders + 2 * f->path.size();
    if (whole) media += f->size;
    total += bytes;
    parts.push_back({f, bytes});
  }
  if (max < 0 || total <= static_cast<std::uint64_t>(max)) return;
  std::stable_sort(parts.begin(), parts.end(),
                   [](const Part& a, const Part& b) { return a.bytes > b.bytes; });
  std::string largest;
  for (size_t i = 0; i < parts.size() && i < 3; ++i)
    largest += fmt::format("{}`{}` ({} bytes)", i == 0 ? "" : ", ", parts[i].file->path,
                           parts[i].file->size);
  report.add(skill.skill_md_path(), {},
             fmt::format("the zip would take at least ~{} bytes, over the {}-byte limit ({} "
                         "bytes are images and PDFs, which do not compress); largest: {}",
                         total, max, media, largest),
             "shrink or remove large images and PDFs, or leave files out of the pack with "
             ".skillignore; `skillkit pack` reports the exact size");
}

}  // namespace

extern const Rule kZipSize{
    .id = "SK325",
    .name = "zip-size",
    .layer = Layer::DevOpsAgent,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "The files a pack would hold fit in DevOps Agent's 6 MB zip limit.",
    .rationale =
        "DevOps Agent refuses a skill whose zip exceeds 6,291,456 bytes. Lint does not build "
        "the zip, so it errs only when even the best case cannot fit: images and PDFs count at "
        "full size (they are compressed already), other files at a tenth, plus the zip "
        "headers. A skill near the limit may still fail at upload; `skillkit pack` gives the "
        "exact size.",
    .bad = "(a skill whose assets/ holds 7 MB of PNG screenshots)",
    .good = "(a skill whose files, once zipped, take less than 6 MB)",
    .options = kOptions,
    .check = &check,
};

}  // namespace skillkit::rules
