// Syncing local skill folders to DevOps Agent spaces by skill name: lint and pack every skill,
// list each space (every page), then create what is missing, update what changed, leave
// identical skills alone and (only with prune) delete remote skills that have no local folder.
//
// "Identical" is decided from facts the public model guarantees, not from extra metadata:
// the model types asset `metadata` as an untyped Document, and whether the live service keeps
// keys it does not know (a content hash, say) is unverified (upload-api.md lists only known
// keys). So an existing skill is compared with its GetAssetContent zip: equal bytes, or else
// the same files with the same contents (the service may re-zip), plus the same agent_types
// and status. That costs one GET per existing skill and never a needless new version, unless
// an UploadState (upload/state.h) proves the remote asset still holds the zip skillkit sent.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "upload/api.h"
#include "upload/api_error.h"

namespace skillkit {
struct SkillRef;
}

namespace skillkit::upload {

class UploadState;

/// A local skill, linted and packed.
struct LocalSkill {
  std::string display;                   ///< the folder as the user typed it
  std::string name;                      ///< frontmatter `name` (else the folder name)
  std::string zip;                       ///< packed bytes; empty when `error` is set
  std::string zip_sha256;                ///< hex SHA-256 of `zip`
  std::vector<std::string> agent_types;  ///< from metadata (agent_types or UI labels), sorted
  std::string status;                    ///< metadata.status, or "" (service default ACTIVE)
  std::string error;                     ///< why it cannot be uploaded (lint errors, pack)
  std::vector<std::string> details;      ///< the findings behind `error`, one line each
};

struct PrepareOptions {
  std::string lint_config;  ///< --config for lint; empty: each skill's own
  unsigned jobs = 0;        ///< 0: all cores
};

/// Lints and packs every skill (in parallel). A skill with lint errors gets `error` set.
std::vector<LocalSkill> prepare_skills(const std::vector<SkillRef>& skills,
                                       const PrepareOptions& options);

/// One agent space to sync, with the skills that go there.
struct SpaceTarget {
  std::string agent_space_id;
  std::string label;  ///< how reports name the space ("" = the id)
  AssetClient* client = nullptr;
  std::vector<size_t> skills;                           ///< indexes into the local skills
  std::optional<std::vector<std::string>> agent_types;  ///< overrides the frontmatter
  std::optional<std::string> status;                    ///< overrides the frontmatter
  /// Per-skill overrides (by index into the local skills), over the space's.
  std::vector<std::pair<size_t, std::vector<std::string>>> skill_agent_types;
  std::vector<std::pair<size_t, std::string>> skill_status;
};

enum class Action { Create, Update, Unchanged, Prune, Failed };
std::string_view to_string(Action action);

/// What happened (or, in a dry run, would happen) to one skill in one space.
struct ItemResult {
  std::string space;
  std::string skill;    ///< skill name
  std::string display;  ///< local folder ("" for pruned remote skills)
  Action action = Action::Failed;
  std::string why;  ///< "content", "metadata", "content+metadata", "new", "not local"
  std::string asset_id;
  int version = 0;
  bool done = false;  ///< the call was made (false in a dry run)
  // Failures:
  std::string error;  ///< one line
  std::string error_type;
  std::vector<FieldError> fields;
  std::string hint;
  std::vector<std::string> details;
};

struct SpaceSummary {
  std::string space;
  int created = 0, updated = 0, unchanged = 0, pruned = 0, failed = 0;
};

struct SyncReport {
  std::vector<ItemResult> items;  ///< sorted by space, then skill
  std::vector<SpaceSummary> spaces;
  /// Remote skills prune would have deleted, kept because confirm_prune said no (action Prune,
  /// not done, why "declined"); sorted as `items`, and counted in no summary.
  std::vector<ItemResult> prune_declined;
  bool failed() const;
};

struct SyncOptions {
  bool dry_run = false;
  bool prune = false;
  unsigned concurrency = 8;  ///< skills in flight at once, across every space
  /// What earlier runs uploaded: read to skip downloads, updated after every change made.
  UploadState* state = nullptr;
  /// Called once per finished item (from worker threads, serialized), e.g. for progress.
  std::function<void(const ItemResult&)> on_item;
  /// Called once the plan's size is known (items to process), before any change.
  std::function<void(size_t)> on_total;
  /// With prune (not a dry run): called once the plan is known and before any change, with
  /// every remote skill that would be deleted, across all spaces (action Prune). Returning
  /// false deletes none of them; everything else is still synced. Unset: delete without asking.
  std::function<bool(const std::vector<ItemResult>&)> confirm_prune;
};

/// Syncs `local` into every target. Never throws for service errors: they become items.
SyncReport sync_skills(const std::vector<LocalSkill>& local,
                       const std::vector<SpaceTarget>& targets, const SyncOptions& options);

/// Whether two skill zips hold the same files with the same contents.
bool same_skill_content(std::string_view a, std::string_view b);

/// Fills an item's error fields from an exception.
void describe_error(ItemResult& item, const std::exception& e);

/// Runs fn(i) for i in [0, n) on at most `threads` threads.
void run_bounded(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace skillkit::upload
