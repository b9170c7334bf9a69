// Uploads N generated skills to the in-process emulator (127.0.0.1) with injected latency and
// compares the sync's wall time with the bound skills x latency / concurrency.
//   upload_bench [skills=1000] [latency_ms=20] [concurrency=16]
// Prints one JSON line per phase; efficiency = bound / wall. Phases: the first upload (recording
// an upload state), a rerun that downloads every skill to compare (--no-state), and a rerun that
// proves them unchanged from the state (the default).
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "skillkit/discovery.h"
#include "upload/emulator/emulator.h"
#include "upload/state.h"
#include "upload/sync.h"

namespace fs = std::filesystem;
using namespace skillkit::upload;

int main(int argc, char** argv) {
  // As the skillkit binary does (cli/main.cpp): keep freed memory instead of trimming it.
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  const int n = argc > 1 ? std::stoi(argv[1]) : 1000;
  const int latency = argc > 2 ? std::stoi(argv[2]) : 20;
  const unsigned concurrency = argc > 3 ? static_cast<unsigned>(std::stoi(argv[3])) : 16;
  std::string tmpl = (fs::temp_directory_path() / "skillkit-bench-XXXXXX").string();
  const fs::path root = ::mkdtemp(tmpl.data());
  for (int i = 0; i < n; ++i) {
    const std::string name = "bench-skill-" + std::to_string(i);
    fs::create_directories(root / name);
    std::ofstream(root / name / "SKILL.md")
        << "---\nname: " << name << "\ndescription: Use this skill when investigating " << name
        << " problems in production, to find the cause quickly.\n---\n\n# " << name << "\n\nStep "
        << i << ".\n";
  }
  auto t0 = std::chrono::steady_clock::now();
  skillkit::Discovery found = skillkit::discover_skills({root.string()});
  std::vector<LocalSkill> local = prepare_skills(found.skills, {});
  const double prep_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

  emulator::EmulatorOptions eo;
  eo.limits.max_skills = static_cast<size_t>(n) + 10;
  eo.faults.latency_ms = latency;
  emulator::Emulator emu(eo);
  emu.start();
  ClientConfig c;
  c.endpoint = emu.url();
  c.region = "us-east-1";
  c.credentials = {"AKIDEMULATOR", "emulator-secret", "", std::nullopt, "bench"};
  AssetClient api(c);
  SpaceTarget t;
  t.agent_space_id = "bench-space";
  t.client = &api;
  for (size_t i = 0; i < local.size(); ++i) t.skills.push_back(i);
  UploadState state;
  int status = 0;
  for (const char* phase : {"upload", "rerun-no-state", "rerun"}) {
    SyncOptions o;
    o.concurrency = concurrency;
    if (std::string_view(phase) != "rerun-no-state") o.state = &state;
    const int64_t before = api.attempts();
    auto s0 = std::chrono::steady_clock::now();
    SyncReport r = sync_skills(local, {t}, o);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
    const double bound = n * (latency / 1000.0) / concurrency;
    const SpaceSummary& s = r.spaces.front();
    std::printf(
        "{\"phase\":\"%s\",\"skills\":%d,\"latency_ms\":%d,\"concurrency\":%u,\"prepare_s\":%.3f,"
        "\"wall_s\":%.3f,\"bound_s\":%.3f,\"efficiency\":%.3f,\"requests\":%lld,\"created\":%d,"
        "\"unchanged\":%d,\"failed\":%d}\n",
        phase, n, latency, concurrency, prep_s, wall, bound, bound / wall,
        static_cast<long long>(api.attempts() - before), s.created, s.unchanged, s.failed);
    if (r.failed()) status = 1;
  }
  if (emu.asset_count("bench-space") != static_cast<size_t>(n)) status = 1;
  emu.stop();
  fs::remove_all(root);
  return status;
}
