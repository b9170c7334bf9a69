// The explicit, ordered list of every rule (sorted by id). A test keeps it in step with the
// rule files and fixture folders.
#pragma once

#include <span>
#include <string_view>

#include "rules/rule.h"

namespace skillkit {

/// Every rule, sorted by id.
std::span<const Rule* const> all_rules();
/// The rule with this id ("SK101", any case) or name ("name-format"), or nullptr.
const Rule* find_rule(std::string_view id_or_name);

}  // namespace skillkit
