// skillkit-emulator: serves the emulated Asset API until SIGINT/SIGTERM.
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

#include "upload/emulator/emulator.h"

namespace {

using skillkit::upload::emulator::EmulatorOptions;

constexpr const char* kUsage = R"(usage: skillkit-emulator [options]
  --host ADDR            address to listen on (default 127.0.0.1)
  --port N               port; 0 picks a free one (default 0)
  --access-key ID        accepted access key id (default AKIDEMULATOR)
  --secret-key SECRET    its secret (default emulator-secret)
  --session-token TOKEN  require this X-Amz-Security-Token
  --region REGION        signing region (default us-east-1)
  --agent-space ID       an existing agent space (repeatable; default: any id exists)
  --max-skills N         skills per agent space (default 200)
  --latency-ms N         answer each request N ms after reading it (its work included)
  --throttle-rate P      share of requests answered 429 (0..1)
  --error-rate P         share answered 500 (0..1)
  --drop-rate P          share whose connection closes without a full answer (0..1)
  --seed N               seed for the fault draws and asset ids (default 1)
The first line on stdout is "listening on HOST:PORT".
)";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "skillkit-emulator: " << message << "\n" << kUsage;
  std::exit(2);
}

double rate(const std::string& flag, const std::string& text) {
  try {
    size_t used = 0;
    double v = std::stod(text, &used);
    if (used == text.size() && v >= 0 && v <= 1) return v;
  } catch (const std::exception&) {
  }
  usage_error(flag + " needs a number between 0 and 1");
}

long number(const std::string& flag, const std::string& text) {
  try {
    size_t used = 0;
    long v = std::stol(text, &used);
    if (used == text.size() && v >= 0) return v;
  } catch (const std::exception&) {
  }
  usage_error(flag + " needs a non-negative integer");
}

EmulatorOptions parse(int argc, char** argv) {
  EmulatorOptions o;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    if (flag == "-h" || flag == "--help") {
      std::cout << kUsage;
      std::exit(0);
    }
    if (i + 1 >= argc) usage_error("unknown option or missing value: " + flag);
    std::string v = argv[++i];
    if (flag == "--host")
      o.host = v;
    else if (flag == "--port")
      o.port = int(number(flag, v));
    else if (flag == "--access-key")
      o.auth.access_key_id = v;
    else if (flag == "--secret-key")
      o.auth.secret_access_key = v;
    else if (flag == "--session-token")
      o.auth.session_token = v;
    else if (flag == "--region")
      o.auth.region = v;
    else if (flag == "--agent-space")
      o.agent_spaces.insert(v);
    else if (flag == "--max-skills")
      o.limits.max_skills = size_t(number(flag, v));
    else if (flag == "--latency-ms")
      o.faults.latency_ms = int(number(flag, v));
    else if (flag == "--throttle-rate")
      o.faults.throttle_rate = rate(flag, v);
    else if (flag == "--error-rate")
      o.faults.error_rate = rate(flag, v);
    else if (flag == "--drop-rate")
      o.faults.drop_rate = rate(flag, v);
    else if (flag == "--seed")
      o.faults.seed = uint64_t(number(flag, v));
    else
      usage_error("unknown option " + flag);
  }
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  EmulatorOptions options = parse(argc, argv);
  // Block the stop signals in every thread; one thread waits for them and stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  skillkit::upload::emulator::Emulator emulator(options);
  try {
    int port = emulator.start();
    std::cout << "listening on " << options.host << ":" << port << std::endl;
  } catch (const std::exception& e) {
    std::cerr << "skillkit-emulator: " << e.what() << "\n";
    return 1;
  }
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    emulator.stop();
  });
  emulator.wait();
  stopper.join();
  return 0;
}
