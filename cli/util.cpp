#include <unistd.h>

#include <cstdlib>

#include "cli/commands.h"

namespace skillkit::cli {

bool stdout_wants_color() {
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDOUT_FILENO) != 0;
}

}  // namespace skillkit::cli
