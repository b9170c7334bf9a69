// skillkit-emulator: a local, faithful stand-in for the DevOps Agent Asset API (skills),
// with SigV4 verification and fault injection. Tests start it in-process on a loopback port.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>

#include "upload/emulator/auth.h"
#include "upload/emulator/validate.h"

namespace skillkit::upload::emulator {

/// Failures to inject, each drawn per request from a generator seeded with `seed`.
struct Faults {
  int latency_ms = 0;        ///< each answer leaves this long after its request was read
  double throttle_rate = 0;  ///< share of requests answered 429 ThrottlingException
  double error_rate = 0;     ///< share answered 500 InternalServerException
  double drop_rate = 0;      ///< share whose connection closes before a complete answer
  uint64_t seed = 1;
};

/// Everything the emulator can be told.
struct EmulatorOptions {
  std::string host = "127.0.0.1";
  int port = 0;  ///< 0: any free port
  AuthConfig auth;
  Limits limits;
  std::set<std::string> agent_spaces;  ///< empty: every well-formed id exists
  Faults faults;
};

/// Counts of what the emulator answered, for tests.
struct EmulatorStats {
  int64_t requests = 0;
  int64_t throttled = 0;
  int64_t errors = 0;
  int64_t dropped = 0;
  int64_t auth_failures = 0;
};

/// The HTTP server, running on its own threads between start() and stop().
class Emulator {
 public:
  explicit Emulator(EmulatorOptions options = {});
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  /// Binds and starts serving; returns the port. Throws std::runtime_error when it cannot bind.
  int start();
  /// Stops serving and joins the threads (also done by the destructor).
  void stop();
  /// After start(): blocks until the server stops (stop() called elsewhere; for the executable).
  void wait();

  /// "http://127.0.0.1:PORT".
  std::string url() const;
  int port() const;
  EmulatorStats stats() const;
  /// Assets stored in `agent_space`.
  size_t asset_count(const std::string& agent_space) const;
  /// Changes fault injection while running.
  void set_faults(const Faults& faults);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace skillkit::upload::emulator
