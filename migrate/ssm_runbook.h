// AWS Systems Manager Automation documents (YAML or JSON) as skills: the steps rendered as a
// readable procedure, the original document kept in references/.
#pragma once

#include <string_view>

#include "migrate/draft.h"

namespace skillkit::migrate {

/// Whether `bytes` is an SSM document: a YAML or JSON (`json`) mapping with `schemaVersion`
/// and `mainSteps`. Used to pick SSM documents out of a folder.
bool is_ssm_document(std::string_view bytes, bool json);

/// Plans the skill for the SSM document `input`: name from the file name, description from the
/// document's `description`, a body listing the parameters and each step (action, inputs,
/// on-failure), and the original kept as references/<name>.yaml (.json for JSON).
SkillDraft plan_ssm_runbook(const RunbookInput& input);

}  // namespace skillkit::migrate
