// libFuzzer target: any bytes as a Markdown body for the link and heading extractor.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "skillkit/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const skillkit::MdBody body = skillkit::parse_markdown(text, 1);
  for (const auto& link : body.links)
    if (link.pos.line < 0 || link.pos.column < 0) __builtin_trap();
  return 0;
}
