// libFuzzer target: any bytes as a zip for the inspector, read in memory (nothing is extracted).
// Must never crash, hang, leak or inflate past its limits, and findings must name the zip.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lint/config.h"
#include "pack/inspect.h"

namespace {

const skillkit::pack::InspectSettings& settings() {
  // Every rule on its default, as `skillkit inspect` runs them without --config.
  static const skillkit::pack::InspectSettings s = [] {
    skillkit::pack::InspectSettings out;
    out.rules = skillkit::resolve_rules(skillkit::Config{}, "fuzz.zip");
    return out;
  }();
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const skillkit::pack::InspectResult r =
      skillkit::pack::inspect_zip_bytes(bytes, "fuzz.zip", settings());
  if (r.zip_bytes != size) __builtin_trap();
  for (const auto& d : r.diagnostics)
    if (d.file.rfind("fuzz.zip", 0) != 0 || d.rule_id.empty()) __builtin_trap();
  return 0;
}
