#include "catalog/io/blueprint_json.hpp"

#include <boost/json/array.hpp>

#include <climits>

#include "catalog/domain/blueprint_validation.hpp"
#include "catalog/io/domain_problems.hpp"
#include "catalog/io/json_fields.hpp"

namespace dt::catalog::io {

namespace {

using json::ObjectReader;

constexpr json::StringRules kNameRules{.max_length = 200};
constexpr std::size_t kMaxQuotas = 100;

Date date_member(const ObjectReader& in, std::string_view name) {
  const std::string text = in.string(name, {.max_length = 64});
  const auto date = parse_date(text);
  if (!date) throw_invalid(in.path_of(name), "must be a date such as 2025-06-01, not '" + text + "'");
  return *date;
}

std::vector<Quota> read_quotas(const ObjectReader& in) {
  std::vector<Quota> quotas;
  const auto& items = in.array("quotas", kMaxQuotas);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ObjectReader item = ObjectReader::element(items, i, in.path_of("quotas"));
    item.reject_unknown({"topics", "count", "weight"});
    Quota quota;
    for (auto& topic : item.string_array("topics", kNameRules, 1000)) quota.topics.emplace_back(std::move(topic));
    quota.count = int_field(item, "count");
    quota.weight = optional_int_field(item, "weight");
    quotas.push_back(std::move(quota));
  }
  return quotas;
}

CriticalRule read_critical(const ObjectReader& in) {
  if (!in.has("critical")) return {};
  const ObjectReader critical = in.object("critical");
  critical.reject_unknown({"count", "fail_on_wrong"});
  return {int_field(critical, "count"), critical.boolean("fail_on_wrong")};
}

ScoringPolicy read_scoring(const ObjectReader& in) {
  const ObjectReader scoring = in.object("scoring");
  const std::string policy = scoring.string("policy", {.max_length = 64});
  if (policy == "count_correct") {
    scoring.reject_unknown({"policy", "pass_mark"});
    return CountCorrect{int_field(scoring, "pass_mark")};
  }
  if (policy == "error_points") {
    scoring.reject_unknown({"policy", "max_error_points", "max_weight_wrong_limit", "max_weight"});
    return ErrorPoints{int_field(scoring, "max_error_points"), int_field(scoring, "max_weight_wrong_limit"),
                       optional_int_field(scoring, "max_weight").value_or(0)};
  }
  throw_invalid(scoring.path_of("policy"), "must be count_correct or error_points, not '" + policy + "'");
}

Navigation read_navigation(const ObjectReader& in) {
  if (!in.has("navigation")) return {};
  const ObjectReader navigation = in.object("navigation");
  navigation.reject_unknown({"flag", "revisit"});
  return {navigation.boolean("flag"), navigation.boolean("revisit")};
}

boost::json::object scoring_to_json(const ScoringPolicy& scoring) {
  if (const auto* count = std::get_if<CountCorrect>(&scoring)) {
    return {{"policy", policy_name(scoring)}, {"pass_mark", count->pass_mark}};
  }
  const auto& points = std::get<ErrorPoints>(scoring);
  boost::json::object out{{"policy", policy_name(scoring)},
                          {"max_error_points", points.max_error_points},
                          {"max_weight_wrong_limit", points.max_weight_wrong_limit}};
  if (points.max_weight != 0) out["max_weight"] = points.max_weight;
  return out;
}

}  // namespace

boost::json::object blueprint_to_json(const Blueprint& b) {
  boost::json::array quotas;
  for (const Quota& quota : b.quotas) {
    boost::json::array topics;
    for (const TopicCode& topic : quota.topics) topics.emplace_back(topic.value());
    boost::json::object item{{"topics", std::move(topics)}, {"count", quota.count}};
    if (quota.weight) item["weight"] = *quota.weight;
    quotas.push_back(std::move(item));
  }
  boost::json::object out;
  out["code"] = b.code;
  out["jurisdiction"] = b.jurisdiction.value();
  out["licence_class"] = b.licence_class.value();
  out["version"] = b.version;
  out["valid_from"] = format_date(b.valid_from);
  out["valid_to"] = b.valid_to ? boost::json::value(format_date(*b.valid_to)) : boost::json::value(nullptr);
  out["question_count"] = b.question_count;
  out["time_limit_seconds"] = b.time_limit.count();
  out["pool"] = b.pool ? boost::json::value(*b.pool) : boost::json::value(nullptr);
  out["quotas"] = std::move(quotas);
  out["critical"] = boost::json::object{{"count", b.critical.count}, {"fail_on_wrong", b.critical.fail_on_wrong}};
  out["scoring"] = scoring_to_json(b.scoring);
  out["navigation"] = boost::json::object{{"flag", b.navigation.flag}, {"revisit", b.navigation.revisit}};
  return out;
}

Blueprint read_blueprint(const boost::json::value& value, const std::string& path) {
  const ObjectReader in(value, path);
  in.reject_unknown({"code", "jurisdiction", "licence_class", "version", "valid_from", "valid_to", "question_count",
                     "time_limit_seconds", "pool", "quotas", "critical", "scoring", "navigation"});
  Blueprint b;
  b.code = in.string("code", kNameRules);
  b.jurisdiction = JurisdictionCode(in.string("jurisdiction", kNameRules));
  b.licence_class = LicenceClassCode(in.string("licence_class", kNameRules));
  b.version = int_field(in, "version");
  b.valid_from = date_member(in, "valid_from");
  if (in.has("valid_to")) b.valid_to = date_member(in, "valid_to");
  b.question_count = int_field(in, "question_count");
  b.time_limit = std::chrono::seconds(int_field(in, "time_limit_seconds"));
  b.pool = in.optional_string("pool", kNameRules);
  b.quotas = read_quotas(in);
  b.critical = read_critical(in);
  b.scoring = read_scoring(in);
  b.navigation = read_navigation(in);
  return b;
}

Blueprint blueprint_from_json(const boost::json::value& value, const std::string& path) {
  Blueprint b = read_blueprint(value, path);
  throw_if_invalid(validate(b), path);
  return b;
}

}  // namespace dt::catalog::io
