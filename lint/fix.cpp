#include "lint/fix.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace skillkit {
namespace fs = std::filesystem;

bool write_file_atomically(const std::string& path, const std::string& bytes, std::string& error) {
  const fs::path target(path);
  const fs::path tmp = target.parent_path() / (".skillkit-tmp-" + std::to_string(::getpid()) + "-" +
                                               target.filename().string());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!(out << bytes) || !out.flush()) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      error = "cannot write " + tmp.string();
      return false;
    }
  }
  std::error_code ec;
  const fs::perms perms = fs::status(target, ec).permissions();
  if (!ec) fs::permissions(tmp, perms, ec);
  fs::rename(tmp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    error = "cannot replace " + path + ": " + ec.message();
    return false;
  }
  return true;
}

FixResult apply_fixes(const std::vector<Diagnostic>& diagnostics) {
  FixResult result;
  std::map<std::string, std::vector<Edit>> by_file;
  for (const Diagnostic& d : diagnostics)
    if (d.fix) by_file[d.fix->file].push_back(*d.fix);
  for (auto& [file, edits] : by_file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buf;
    if (!in || !(buf << in.rdbuf())) {
      result.errors.push_back(file + ": cannot read");
      continue;
    }
    std::string text = buf.str();
    std::stable_sort(edits.begin(), edits.end(),
                     [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
    // Keep non-overlapping edits, then apply from the end so offsets stay valid.
    std::vector<Edit> kept;
    for (const Edit& e : edits) {
      if (e.end > text.size() || e.begin > e.end) continue;
      if (!kept.empty() && e.begin < kept.back().end) continue;
      if (!kept.empty() && e.begin == kept.back().begin && e.end == kept.back().end &&
          e.text == kept.back().text)
        continue;
      kept.push_back(e);
    }
    for (auto it = kept.rbegin(); it != kept.rend(); ++it)
      text.replace(it->begin, it->end - it->begin, it->text);
    std::string error;
    if (!write_file_atomically(file, text, error)) {
      result.errors.push_back(error);
      continue;
    }
    ++result.files_changed;
    result.edits_applied += kept.size();
  }
  return result;
}

}  // namespace skillkit
