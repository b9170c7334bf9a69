// SK321 file-type: every file the pack would hold has an extension DevOps Agent accepts
// (case-insensitive): md txt json yaml yml xml csv tsv html htm png jpg jpeg gif svg webp pdf.
// Files left out of the pack (defaults, .skillignore) are not reported.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "rules/rule.h"

namespace skillkit::rules {
namespace {

constexpr std::string_view kAccepted[] = {"md",   "txt", "json", "yaml", "yml", "xml",
                                          "csv",  "tsv", "html", "htm",  "png", "jpg",
                                          "jpeg", "gif", "svg",  "webp", "pdf"};

void check(const Skill& skill, const Options&, Report& report) {
  for (const FileEntry* f : skill.files.packable()) {
    if (std::find(std::begin(kAccepted), std::end(kAccepted), f->extension) != std::end(kAccepted))
      continue;
    report.add(skill.display_path(f->path), {},
               f->extension.empty()
                   ? fmt::format("`{}` has no file extension; DevOps Agent accepts only "
                                 "documents, images and data files",
                                 f->path)
                   : fmt::format("`{}` is a `.{}` file; DevOps Agent accepts only documents, "
                                 "images and data files",
                                 f->path, f->extension),
               "accepted: .md .txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg .jpeg "
               ".gif .svg .webp .pdf; leave the file out with .skillignore, or remove it");
  }
}

}  // namespace

extern const Rule kFileType{
    .id = "SK321",
    .name = "file-type",
    .layer = Layer::DevOpsAgent,
    .input = Input::Files,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "Packed files are documents, images or data files DevOps Agent accepts.",
    .rationale =
        "DevOps Agent skills are non-executable documents; its upload validator accepts .md "
        ".txt .json .yaml .yml .xml .csv .tsv .html .htm .png .jpg .jpeg .gif .svg .webp .pdf "
        "(any case) and rejects the whole skill for any other file: scripts, binaries, "
        "archives, notebooks, files without an extension.",
    .bad =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Run check.py.\n"
        "=== check.py\nprint('ok')\n",
    .good =
        "=== SKILL.md\n---\nname: example\ndescription: Use this skill when ...\n---\n\n"
        "Follow references/check.md.\n"
        "=== references/check.md\n# Check\n"
        "=== .skillignore\n*.py\n"
        "=== check.py\nprint('ok')\n",
    .check = &check,
};

}  // namespace skillkit::rules
