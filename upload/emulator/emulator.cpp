#include "upload/emulator/emulator.h"

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <random>
#include <thread>

#include "upload/emulator/store.h"

namespace skillkit::upload::emulator {
namespace {

using Clock = std::chrono::system_clock;

std::vector<std::string> path_segments(std::string_view path) {
  std::vector<std::string> out;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    out.push_back(uri_decode(path.substr(0, slash)));
    if (slash == std::string_view::npos) return out;
    path.remove_prefix(slash + 1);
  }
}

}  // namespace

struct Emulator::Impl {
  EmulatorOptions options;
  AssetStore store;
  httplib::Server server;
  std::thread thread;
  int port = 0;
  std::mutex done_mutex;  // `done` turns true when the listening loop returns
  std::condition_variable done_cv;
  bool done = false;

  std::mutex fault_mutex;  // guards options.faults and rng
  std::mt19937_64 rng;
  std::atomic<int64_t> requests{0}, throttled{0}, errors{0}, dropped{0}, auth_failures{0};
  std::atomic<int64_t> request_ids{0};

  explicit Impl(EmulatorOptions o)
      : options(std::move(o)),
        store(options.limits, options.agent_spaces, options.faults.seed),
        rng(options.faults.seed) {}

  void write(httplib::Response& res, const Reply& reply) {
    res.status = reply.status;
    res.set_header("x-amzn-RequestId", "emu-" + std::to_string(++request_ids));
    if (!reply.error_type.empty()) {
      // The real header carries a namespace suffix after ':'; clients must strip it.
      res.set_header("x-amzn-ErrorType", reply.error_type +
                                             ":http://internal.amazon.com/coral/"
                                             "com.amazonaws.aidevops/");
    }
    res.set_content(reply.body.dump(), "application/json");
  }

  // Promises a body and then fails to send it: the client sees the connection close early.
  void drop(httplib::Response& res) {
    ++dropped;
    res.set_content_provider(64, "application/json",
                             [](size_t, size_t, httplib::DataSink&) { return false; });
  }

  Reply route(const Request& r) {
    int64_t now =
        std::chrono::duration_cast<std::chrono::seconds>(Clock::now().time_since_epoch()).count();
    std::vector<std::string> s = path_segments(r.path);
    const std::string& m = r.method;
    if (s.size() >= 4 && s[0] == "asset" && s[1] == "agent-space" && s[3] == "assets") {
      const std::string& space = s[2];
      if (s.size() == 4 && m == "GET") return store.list(space, r.query);
      if (s.size() == 4 && m == "POST") return store.create(space, r.body, now);
      if (s.size() == 5 && m == "GET") return store.get(space, s[4], r.query);
      if (s.size() == 5 && m == "PATCH") return store.update(space, s[4], r.body, now);
      if (s.size() == 5 && m == "DELETE") return store.remove(space, s[4]);
      if (s.size() == 6 && m == "GET" && s[5] == "versions") {
        return store.list_versions(space, s[4], r.query);
      }
      if (s.size() == 6 && m == "GET" && s[5] == "content") {
        return store.content(space, s[4], r.query);
      }
    }
    return error_reply(404, "UnknownOperationException",
                       "No operation matches " + m + " " + r.path);
  }

  void handle(const httplib::Request& req, httplib::Response& res) {
    ++requests;
    Faults f;
    double roll = 0;
    bool drop_after = false;
    {
      std::lock_guard lock(fault_mutex);
      f = options.faults;
      roll = std::uniform_real_distribution<double>(0, 1)(rng);
      drop_after = rng() % 2 == 0;
    }
    if (f.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(f.latency_ms));

    // Verify against the raw target: httplib's req.path is already decoded.
    Request r;
    r.method = req.method;
    size_t q = req.target.find('?');
    r.path = req.target.substr(0, q);
    if (q != std::string::npos) r.query = parse_query(std::string_view(req.target).substr(q + 1));
    for (const auto& [name, value] : req.headers) r.headers.push_back({name, value});
    r.body = req.body;
    if (auto failure = verify_request(r, options.auth, Clock::now())) {
      ++auth_failures;
      write(res, error_reply(failure->status, failure->type, failure->message));
      return;
    }

    if (roll < f.throttle_rate) {
      ++throttled;
      write(res, error_reply(429, "ThrottlingException", "Rate exceeded"));
      return;
    }
    roll -= f.throttle_rate;
    if (roll < f.error_rate) {
      ++errors;
      write(res, error_reply(500, "InternalServerException", "Internal server error (injected)"));
      return;
    }
    roll -= f.error_rate;
    bool dropping = roll < f.drop_rate;
    if (dropping && !drop_after) return drop(res);  // lost before the service acted
    Reply reply = route(r);
    if (dropping) return drop(res);  // the service acted, the answer is lost
    write(res, reply);
  }
};

Emulator::Emulator(EmulatorOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  auto handler = [this](const httplib::Request& req, httplib::Response& res) {
    impl_->handle(req, res);
  };
  httplib::Server& s = impl_->server;
  s.Get(".*", handler);
  s.Post(".*", handler);
  s.Patch(".*", handler);
  s.Delete(".*", handler);
  s.Put(".*", handler);
  // Idle keep-alive connections hold a worker each: keep them short and the pool roomy.
  s.set_keep_alive_timeout(2);
  s.set_tcp_nodelay(true);  // headers and body go out in separate writes: no Nagle delay
  // Debian's build caps bodies near 8 MB; a 6 MB zip in base64 is larger, and the size check
  // must be ours (a typed 413), so allow more.
  s.set_payload_max_length(size_t(64) << 20);
  s.new_task_queue = [] { return new httplib::ThreadPool(32); };
}

Emulator::~Emulator() {
  stop();
}

int Emulator::start() {
  Impl& i = *impl_;
  if (i.options.port == 0) {
    i.port = i.server.bind_to_any_port(i.options.host);
  } else {
    i.port = i.server.bind_to_port(i.options.host, i.options.port) ? i.options.port : -1;
  }
  if (i.port <= 0) {
    throw std::runtime_error("cannot listen on " + i.options.host + ":" +
                             std::to_string(i.options.port));
  }
  i.thread = std::thread([&i] {
    i.server.listen_after_bind();
    std::lock_guard lock(i.done_mutex);
    i.done = true;
    i.done_cv.notify_all();
  });
  // stop() only takes effect once listening has begun, so wait for it (bounded).
  for (int n = 0; n < 5000 && !i.server.is_running(); ++n) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return i.port;
}

void Emulator::stop() {
  if (!impl_) return;
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

void Emulator::wait() {
  // Only stop() joins the thread: two joins of one thread would race.
  std::unique_lock lock(impl_->done_mutex);
  impl_->done_cv.wait(lock, [this] { return impl_->done; });
}

std::string Emulator::url() const {
  return "http://" + impl_->options.host + ":" + std::to_string(impl_->port);
}

int Emulator::port() const {
  return impl_->port;
}

EmulatorStats Emulator::stats() const {
  return {impl_->requests, impl_->throttled, impl_->errors, impl_->dropped, impl_->auth_failures};
}

size_t Emulator::asset_count(const std::string& agent_space) const {
  return impl_->store.asset_count(agent_space);
}

void Emulator::set_faults(const Faults& faults) {
  std::lock_guard lock(impl_->fault_mutex);
  impl_->options.faults = faults;
}

}  // namespace skillkit::upload::emulator
