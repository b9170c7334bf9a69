#include "upload/emulator/emulator.h"

#include <httplib.h>
#include <sys/prctl.h>
#include <sys/socket.h>

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
  std::atomic<int> listen_socket{-1};  // the socket httplib created to listen on
  std::mutex done_mutex;               // `done` turns true when the listening loop returns
  std::condition_variable done_cv;
  bool done = false;
  bool serving = false;  // the worker threads exist: connections are accepted and served

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
    // The injected latency is the time from reading the request to answering it, the emulator's
    // own work included, as a service's response time includes its processing: the request is
    // checked and applied first, then the answer waits for the rest of the latency. (Sleeping
    // first and working after added the work on top of the latency, on the same cores as the
    // client under test.)
    const auto received = std::chrono::steady_clock::now();
    // Linux lets a sleeping thread wake up to 50 us late by default (timer slack); the injected
    // latency should be what was asked for.
    thread_local const bool precise_timers = prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0) == 0;
    (void)precise_timers;
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
    const auto answer = [&](const Reply* reply) {
      if (f.latency_ms > 0) {
        std::this_thread::sleep_until(received + std::chrono::milliseconds(f.latency_ms));
      }
      if (reply) {
        write(res, *reply);
      } else {
        drop(res);
      }
    };

    // Verify against the raw target: httplib's req.path is already decoded.
    Request r;
    r.method = req.method;
    size_t q = req.target.find('?');
    r.path = req.target.substr(0, q);
    if (q != std::string::npos) r.query = parse_query(std::string_view(req.target).substr(q + 1));
    r.headers.reserve(req.headers.size());
    for (const auto& [name, value] : req.headers) r.headers.push_back({name, value});
    r.body = req.body;
    if (auto failure = verify_request(r, options.auth, Clock::now())) {
      ++auth_failures;
      const Reply reply = error_reply(failure->status, failure->type, failure->message);
      return answer(&reply);
    }

    if (roll < f.throttle_rate) {
      ++throttled;
      const Reply reply = error_reply(429, "ThrottlingException", "Rate exceeded");
      return answer(&reply);
    }
    roll -= f.throttle_rate;
    if (roll < f.error_rate) {
      ++errors;
      const Reply reply =
          error_reply(500, "InternalServerException", "Internal server error (injected)");
      return answer(&reply);
    }
    roll -= f.error_rate;
    bool dropping = roll < f.drop_rate;
    if (dropping && !drop_after) return answer(nullptr);  // lost before the service acted
    const Reply reply = route(r);
    answer(dropping ? nullptr : &reply);  // dropping: the service acted, the answer is lost
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
  // AWS front ends serve many requests on one connection; httplib closes it after 5 by
  // default, which made clients reconnect (a TCP handshake and a thread hand-off) every fifth
  // request.
  s.set_keep_alive_max_count(100'000);
  s.set_tcp_nodelay(true);  // headers and body go out in separate writes: no Nagle delay
  // Debian's build caps bodies near 8 MB; a 6 MB zip in base64 is larger, and the size check
  // must be ours (a typed 413), so allow more.
  s.set_payload_max_length(size_t(64) << 20);
  s.new_task_queue = [this] {
    // httplib creates its workers when the listening loop starts, after is_running() turns
    // true; start() waits for them, or the first requests would wait while 32 threads spawn.
    auto* pool = new httplib::ThreadPool(32);
    std::lock_guard lock(impl_->done_mutex);
    impl_->serving = true;
    impl_->done_cv.notify_all();
    return pool;
  };
  s.set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    impl_->listen_socket = sock;
  });
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
  // httplib listens with a backlog of 5 (CPPHTTPLIB_LISTEN_BACKLOG). When more clients connect
  // at once than its accepting thread takes in time (16 workers opening their connections, on
  // a busy machine), Linux drops the extra SYNs and those clients retry only after a second.
  // A service's front end accepts them: listen() again on the socket raises the backlog.
  int accepting = 0;
  socklen_t size = sizeof accepting;
  if (int fd = i.listen_socket;
      fd >= 0 && getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &size) == 0 && accepting) {
    ::listen(fd, SOMAXCONN);
  }
  i.thread = std::thread([&i] {
    i.server.listen_after_bind();
    std::lock_guard lock(i.done_mutex);
    i.done = true;
    i.done_cv.notify_all();
  });
  // Return once requests are served (bounded); stop() only takes effect once listening has
  // begun, which precedes it.
  std::unique_lock lock(i.done_mutex);
  i.done_cv.wait_for(lock, std::chrono::seconds(5), [&i] { return i.serving || i.done; });
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
