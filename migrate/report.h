// The migration report: every decision and everything that needs a human look, per runbook.
#pragma once

#include <ostream>

#include "migrate/migrate.h"

namespace skillkit::migrate {

struct ReportCounts {
  size_t written = 0, planned = 0, failed = 0, warnings = 0;
};

ReportCounts count(const MigrateResult& result);

/// One block per runbook (status, final description, files, notes), skipped files, a summary.
void write_text_report(std::ostream& out, const MigrateResult& result, bool dry_run);

/// The same as a JSON document: {"dry_run", "skills": [...], "skipped": [...], "summary"}.
void write_json_report(std::ostream& out, const MigrateResult& result, bool dry_run);

}  // namespace skillkit::migrate
