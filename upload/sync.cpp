#include "upload/sync.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include "lint/engine.h"
#include "pack/pack.h"
#include "rules/agent_types.h"
#include "skillkit/discovery.h"
#include "skillkit/skill.h"
#include "upload/crypto.h"
#include "upload/state.h"
#include "upload/unzip.h"

namespace skillkit::upload {

std::string_view to_string(Action action) {
  switch (action) {
    case Action::Create:
      return "create";
    case Action::Update:
      return "update";
    case Action::Unchanged:
      return "unchanged";
    case Action::Prune:
      return "prune";
    case Action::Failed:
      return "failed";
  }
  return "failed";
}

bool SyncReport::failed() const {
  return std::any_of(items.begin(), items.end(),
                     [](const ItemResult& i) { return i.action == Action::Failed; });
}

void run_bounded(size_t n, unsigned threads, const std::function<void(size_t)>& fn) {
  if (n == 0) return;
  const size_t count = std::min<size_t>(n, std::max(1u, threads));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < count; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
}

namespace {

// Threads that run batches of jobs together with the calling thread. They are started in the
// background, so the first batch (listing the spaces: a request or two) does not wait for them,
// and they are up and waiting when the plan is ready: the first uploads go out together instead
// of one per thread start-up, which on a busy machine took milliseconds each.
class WorkerPool {
 public:
  explicit WorkerPool(unsigned size) : size_(std::max(1u, size)) {
    if (size_ == 1) return;
    starter_ = std::thread([this] {
      for (unsigned i = 1; i < size_; ++i) {
        std::lock_guard lock(mutex_);
        if (stop_) return;
        workers_.emplace_back([this] { work(); });
      }
    });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    if (starter_.joinable()) starter_.join();
    for (std::thread& t : workers_) t.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs fn(i) for i in [0, n) on at most `size` threads, this one included, and returns when
  // every call has returned; the first exception any call threw is then rethrown.
  void run(size_t n, const std::function<void(size_t)>& fn) {
    if (n == 0) return;
    std::unique_lock lock(mutex_);
    job_ = &fn;
    n_ = n;
    next_ = 0;
    ++generation_;
    for (size_t k = 1; k < std::min<size_t>(n, size_); ++k) wake_.notify_one();
    take(lock);
    done_.wait(lock, [this] { return busy_ == 0; });
    job_ = nullptr;
    n_ = 0;
    if (std::exception_ptr e = std::exchange(error_, nullptr)) std::rethrow_exception(e);
  }

 private:
  // Runs jobs of the current batch until none is left; called and returns with `lock` held.
  void take(std::unique_lock<std::mutex>& lock) {
    while (next_ < n_) {
      const size_t i = next_++;
      ++busy_;
      lock.unlock();
      std::exception_ptr e;
      try {
        (*job_)(i);
      } catch (...) {
        e = std::current_exception();
      }
      lock.lock();
      if (e && !error_) error_ = e;
      --busy_;
    }
    if (busy_ == 0) done_.notify_all();
  }

  void work() {
    uint64_t seen = 0;
    std::unique_lock lock(mutex_);
    while (true) {
      wake_.wait(lock, [&] { return stop_ || (generation_ != seen && next_ < n_); });
      if (stop_) return;
      seen = generation_;
      take(lock);
    }
  }

  const unsigned size_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::thread starter_;
  std::vector<std::thread> workers_;
  bool stop_ = false;
  const std::function<void(size_t)>* job_ = nullptr;
  size_t n_ = 0, next_ = 0, busy_ = 0;
  uint64_t generation_ = 0;
  std::exception_ptr error_;
};

std::string finding_line(const Diagnostic& d) {
  std::string out = d.pos.line ? fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column) : d.file;
  return out +
         fmt::format(": {} [{} {}] {}", to_string(d.severity), d.rule_id, d.rule_name, d.message);
}

}  // namespace

std::vector<LocalSkill> prepare_skills(const std::vector<SkillRef>& refs,
                                       const PrepareOptions& options) {
  std::vector<LocalSkill> out(refs.size());
  LintSettings settings;
  if (!options.lint_config.empty()) settings.config_file = options.lint_config;
  settings.jobs = 1;
  parallel_for(refs.size(), options.jobs, [&](size_t i) {
    LocalSkill& s = out[i];
    const SkillRef& ref = refs[i];
    s.display = ref.display;
    const Skill skill = load_skill(ref.dir, ref.display);
    s.name = skill.dir_name;
    const YamlNode* fm = skill.frontmatter();
    const YamlNode* metadata = nullptr;
    if (fm) {
      if (const YamlNode* n = fm->find("name"); n && n->is_scalar() && !n->value.empty())
        s.name = n->value;
      metadata = fm->find("metadata");
      if (metadata && metadata->is_mapping()) {
        if (const YamlNode* st = metadata->find("status"); st && st->is_scalar())
          s.status = st->value;
      } else {
        metadata = nullptr;
      }
    }
    s.agent_types = rules::read_agent_types(metadata).resolved;
    LintResult lint = lint_skills({ref}, settings);
    size_t errors = 0;
    for (const std::string& e : lint.errors) s.details.push_back(e);
    for (const Diagnostic& d : lint.diagnostics) {
      if (d.severity != Severity::Error) continue;
      ++errors;
      s.details.push_back(finding_line(d));
    }
    if (!lint.errors.empty()) {
      s.error = "lint config error: " + lint.errors.front();
      return;
    }
    if (errors > 0) {
      s.error = fmt::format("not uploaded: {} lint error{} (run `skillkit lint {}`)", errors,
                            errors == 1 ? "" : "s", ref.display);
      return;
    }
    pack::PackResult packed = pack::pack_skill(skill, {});
    if (packed.status != pack::PackStatus::Packed) {
      s.error = packed.status == pack::PackStatus::IoError
                    ? "not uploaded: " + packed.error
                    : (packed.status == pack::PackStatus::TooLarge
                           ? "not uploaded: the zip is over the service's 6 MB limit"
                           : "not uploaded: the packer refused some files");
      for (const Diagnostic& d : packed.findings) s.details.push_back(finding_line(d));
      return;
    }
    s.zip = std::move(packed.zip);
    s.zip_sha256 = sha256_hex(s.zip);
  });
  return out;
}

bool same_skill_content(std::string_view a, std::string_view b) {
  if (a == b) return true;
  try {
    auto files = [](std::string_view zip) {
      std::map<std::string, std::string> out;
      for (ZipEntry& e : read_zip(zip))
        if (!e.is_dir) out.emplace(std::move(e.name), std::move(e.data));
      return out;
    };
    return files(a) == files(b);
  } catch (const UnzipError&) {
    return false;
  }
}

void describe_error(ItemResult& item, const std::exception& e) {
  item.action = Action::Failed;
  if (const auto* api = dynamic_cast<const ApiError*>(&e)) {
    item.error_type = api->type;
    item.error = api->what();
    item.fields = api->fields;
    item.hint = api->hint();
  } else {
    item.error_type = "Error";
    item.error = e.what();
  }
}

namespace {

struct Task {
  size_t target = 0;
  size_t local = SIZE_MAX;  // SIZE_MAX: prune
  const Asset* remote = nullptr;
  std::vector<std::string> agent_types;
  std::string status;
  std::string preset_error;  // fails without a call
};

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

std::vector<std::string> remote_types(const Asset& a) {
  std::vector<std::string> out;
  if (auto t = a.metadata.find("agent_types"); t != a.metadata.end() && t->is_array())
    for (const auto& v : *t)
      if (v.is_string()) out.push_back(v.get<std::string>());
  return sorted(out);
}

std::string remote_status(const Asset& a) {
  if (auto s = a.metadata.find("status"); s != a.metadata.end() && s->is_string())
    return s->get<std::string>();
  return "ACTIVE";
}

}  // namespace

SyncReport sync_skills(const std::vector<LocalSkill>& local,
                       const std::vector<SpaceTarget>& targets, const SyncOptions& options) {
  SyncReport report;
  std::mutex mutex;
  // 1. List every space (all pages), spaces in parallel.
  std::vector<std::vector<Asset>> remote(targets.size());
  std::vector<std::string> list_error(targets.size());
  std::vector<ItemResult> list_failure(targets.size());
  WorkerPool pool(options.concurrency);
  pool.run(targets.size(), [&](size_t t) {
    try {
      remote[t] = targets[t].client->list_assets(targets[t].agent_space_id);
    } catch (const std::exception& e) {
      describe_error(list_failure[t], e);
      list_error[t] = "x";
    }
  });

  // 2. Plan.
  std::vector<Task> tasks;
  std::vector<ItemResult> results;
  for (size_t t = 0; t < targets.size(); ++t) {
    const SpaceTarget& target = targets[t];
    const std::string space = target.label.empty() ? target.agent_space_id : target.label;
    std::map<std::string, std::vector<const Asset*>> by_name;
    for (const Asset& a : remote[t]) by_name[a.name()].push_back(&a);
    for (auto& [name, list] : by_name)  // the oldest one is the skill; others are duplicates
      std::stable_sort(list.begin(), list.end(), [](const Asset* x, const Asset* y) {
        return std::tie(x->created_at, x->asset_id) < std::tie(y->created_at, y->asset_id);
      });
    std::set<std::string> local_names;
    std::map<std::string, std::string> seen;  // name -> display, for duplicates
    for (size_t li : target.skills) {
      const LocalSkill& s = local[li];
      local_names.insert(s.name);
      Task task{t, li, nullptr, {}, {}, {}};
      task.agent_types = target.agent_types ? *target.agent_types : s.agent_types;
      task.status = target.status ? *target.status : s.status;
      for (const auto& [i, v] : target.skill_agent_types)
        if (i == li) task.agent_types = v;
      for (const auto& [i, v] : target.skill_status)
        if (i == li) task.status = v;
      task.agent_types = sorted(task.agent_types);
      if (task.agent_types.empty()) task.agent_types = {std::string(rules::kGenericAgentType)};
      if (!list_error[t].empty()) {
        task.preset_error = "list";
      } else if (auto [it, fresh] = seen.emplace(s.name, s.display); !fresh) {
        task.preset_error =
            "another folder (" + it->second + ") has the same name `" + s.name + "` for this space";
      } else if (auto r = by_name.find(s.name); r != by_name.end()) {
        task.remote = r->second.front();
      }
      tasks.push_back(std::move(task));
    }
    if (options.prune && list_error[t].empty()) {
      for (const auto& [name, list] : by_name) {
        const bool keep_first = local_names.contains(name);
        for (size_t k = keep_first ? 1 : 0; k < list.size(); ++k)
          tasks.push_back(Task{t, SIZE_MAX, list[k], {}, {}, {}});
      }
    }
  }
  // 2b. Ask before deleting anything, once for every space.
  if (options.prune && !options.dry_run && options.confirm_prune) {
    std::vector<ItemResult> doomed;
    for (const Task& task : tasks) {
      if (task.local != SIZE_MAX) continue;
      const SpaceTarget& target = targets[task.target];
      ItemResult item;
      item.space = target.label.empty() ? target.agent_space_id : target.label;
      item.skill = task.remote->name();
      item.asset_id = task.remote->asset_id;
      item.version = task.remote->version;
      item.action = Action::Prune;
      item.why = "not local";
      doomed.push_back(std::move(item));
    }
    std::stable_sort(doomed.begin(), doomed.end(), [](const ItemResult& a, const ItemResult& b) {
      return std::tie(a.space, a.skill, a.asset_id) < std::tie(b.space, b.skill, b.asset_id);
    });
    if (!doomed.empty() && !options.confirm_prune(doomed)) {
      std::erase_if(tasks, [](const Task& task) { return task.local == SIZE_MAX; });
      for (ItemResult& item : doomed) item.why = "declined";
      report.prune_declined = std::move(doomed);
    }
  }
  if (options.on_total) options.on_total(tasks.size());

  // 3. Apply, bounded across skills and spaces.
  results.resize(tasks.size());
  pool.run(tasks.size(), [&](size_t k) {
    const Task& task = tasks[k];
    const SpaceTarget& target = targets[task.target];
    ItemResult& item = results[k];
    item.space = target.label.empty() ? target.agent_space_id : target.label;
    const std::string& space = target.agent_space_id;
    const std::string& endpoint = target.client->endpoint();
    // After a change, what the space now holds (skipped in a dry run: nothing changed).
    const auto remember = [&](const Asset& a, const LocalSkill& s) {
      if (options.state && !options.dry_run)
        options.state->record(endpoint, space, a, s.zip_sha256);
    };
    try {
      if (task.local == SIZE_MAX) {
        item.skill = task.remote->name();
        item.asset_id = task.remote->asset_id;
        item.version = task.remote->version;
        item.action = Action::Prune;
        item.why = "not local";
        if (!options.dry_run) {
          target.client->delete_asset(space, task.remote->asset_id);
          if (options.state) options.state->forget(endpoint, space, task.remote->asset_id);
          item.done = true;
        }
      } else {
        const LocalSkill& s = local[task.local];
        item.skill = s.name;
        item.display = s.display;
        if (!s.error.empty()) {
          item.action = Action::Failed;
          item.error_type = "LintError";
          item.error = s.error;
          item.details = s.details;
          item.hint = "fix the findings above, then run the upload again";
        } else if (task.preset_error == "list") {
          item = list_failure[task.target];
          item.space = target.label.empty() ? target.agent_space_id : target.label;
          item.skill = s.name;
          item.display = s.display;
          item.error = "not uploaded: listing the space failed: " + item.error;
        } else if (!task.preset_error.empty()) {
          item.action = Action::Failed;
          item.error_type = "DuplicateName";
          item.error = task.preset_error;
          item.hint = "give each skill a unique `name`";
        } else if (!task.remote) {
          item.action = Action::Create;
          item.why = "new";
          if (!options.dry_run) {
            SkillMetadata m;
            m.agent_types = task.agent_types;
            if (!task.status.empty()) m.status = task.status;
            Asset a = target.client->create_skill(space, s.zip, m);
            remember(a, s);
            item.asset_id = a.asset_id;
            item.version = a.version;
            item.done = true;
          }
        } else {
          const Asset& r = *task.remote;
          item.asset_id = r.asset_id;
          item.version = r.version;
          const std::string want_status = task.status.empty() ? "ACTIVE" : task.status;
          const bool meta_changed =
              remote_types(r) != task.agent_types || remote_status(r) != want_status;
          // The state proves the remote zip is the one skillkit sent (same asset, same version);
          // otherwise download it and compare.
          bool content_changed = false;
          if (!options.state || options.state->zip_sha256(endpoint, space, r) != s.zip_sha256) {
            AssetContent content = target.client->get_asset_content(space, r.asset_id);
            content_changed = !same_skill_content(content.zip, s.zip);
          }
          if (!meta_changed && !content_changed) {
            item.action = Action::Unchanged;
            remember(r, s);  // the remote files are the local ones
          } else {
            item.action = Action::Update;
            item.why = content_changed && meta_changed ? "content+metadata"
                       : content_changed               ? "content"
                                                       : "metadata";
            if (!options.dry_run) {
              SkillUpdate u;
              if (content_changed) u.zip = s.zip;
              u.metadata.agent_types = task.agent_types;
              u.metadata.status = want_status;
              u.base_version = r.version;
              Asset a = target.client->update_skill(space, r.asset_id, u);
              remember(a, s);
              item.version = a.version;
              item.done = true;
            }
          }
        }
      }
    } catch (const std::exception& e) {
      describe_error(item, e);
    }
    if (options.on_item) {
      std::lock_guard lock(mutex);
      options.on_item(item);
    }
  });

  // 4. Summarize.
  std::map<std::string, SpaceSummary> summaries;
  for (const SpaceTarget& t : targets) {
    const std::string space = t.label.empty() ? t.agent_space_id : t.label;
    summaries[space].space = space;
  }
  for (const ItemResult& i : results) {
    SpaceSummary& s = summaries[i.space];
    switch (i.action) {
      case Action::Create:
        ++s.created;
        break;
      case Action::Update:
        ++s.updated;
        break;
      case Action::Unchanged:
        ++s.unchanged;
        break;
      case Action::Prune:
        ++s.pruned;
        break;
      case Action::Failed:
        ++s.failed;
        break;
    }
  }
  for (auto& [name, s] : summaries) report.spaces.push_back(s);
  std::stable_sort(results.begin(), results.end(), [](const ItemResult& a, const ItemResult& b) {
    return std::tie(a.space, a.skill, a.display) < std::tie(b.space, b.skill, b.display);
  });
  report.items = std::move(results);
  return report;
}

}  // namespace skillkit::upload
