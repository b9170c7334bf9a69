// SK112 description-too-long: `description` has at most 1,024 characters.
#include <fmt/format.h>

#include "rules/common.h"
#include "rules/rule.h"
#include "skillkit/utf8.h"

namespace skillkit::rules {
namespace {

constexpr size_t kMaxDescriptionLength = 1024;

void check(const Skill& skill, const Options&, Report& report) {
  const YamlNode* description = field(skill, "description");
  if (!description || !description->is_string()) return;  // SK110's or SK111's finding
  const size_t length = utf8::length(description->value);
  if (length <= kMaxDescriptionLength) return;
  std::string hint =
      "keep the description to when and why to use the skill; move detail to the body";
  // A `|` or `>` block keeps its last line break, and that character counts too.
  if (description->value.back() == '\n' && length - 1 <= kMaxDescriptionLength)
    hint = "the block's final line break is the extra character: write `>-` or `|-` to drop it";
  report.add(skill.skill_md_path(), description->pos,
             fmt::format("`description` has {} characters; the limit is {}", length,
                         kMaxDescriptionLength),
             std::move(hint));
}

}  // namespace

extern const Rule kDescriptionTooLong{
    .id = "SK112",
    .name = "description-too-long",
    .layer = Layer::AgentSkills,
    .input = Input::Frontmatter,
    .severity = Severity::Error,
    .fixable = Fixable::No,
    .summary = "`description` is at most 1,024 characters long.",
    .rationale =
        "The open format and DevOps Agent cap the description at 1,024 characters. They count "
        "Unicode characters (not bytes) of the text YAML reads: a folded or multi-line value "
        "after its line breaks are folded, and including the final line break that a `|` or `>` "
        "block keeps (as the reference validator, which measures the parsed string, does). "
        "Every skill's description is loaded into the agent's context, so a long one costs on "
        "every task.",
    .bad =
        "---\nname: example\ndescription: >\n"
        "  Use this skill when an Amazon RDS or Aurora database shows elevated latency, "
        "connection\n"
        "  errors or replication lag. First open the CloudWatch dashboard for the cluster and "
        "compare\n"
        "  CPUUtilization, DatabaseConnections, ReadLatency and WriteLatency with the previous "
        "week.\n"
        "  Then list the top SQL statements in Performance Insights by average active sessions and "
        "wait\n"
        "  event, and note any statement whose load rose by more than half. Check the parameter "
        "group\n"
        "  for max_connections, work_mem and the slow query log settings, and compare them with "
        "the\n"
        "  values in the infrastructure repository. Look at the event log for failovers, "
        "maintenance\n"
        "  and storage autoscaling in the window. If the replica lag is above sixty seconds, check "
        "the\n"
        "  write load on the writer and the instance class of the replica. If connections are "
        "near\n"
        "  the limit, look for a connection pool that leaks or a deployment that raised the pool "
        "size.\n"
        "  Finally write down the cause, the evidence and the mitigation, and link the dashboards "
        "used.\n"
        "  Escalate to the database team when the cause is still unknown after thirty minutes.\n"
        "---\n",
    .good = "---\nname: example\ndescription: Use this skill when ...\n---\n",
    .check = &check,
};

}  // namespace skillkit::rules
