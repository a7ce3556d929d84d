// GET /api/catalog/me/statistics?blueprint=
// The learner's progress (domain statistics.hpp) from their graded exams and their practice answers:
// {"exams", "exams_passed", "pass_rate_percent", "readiness" (0-100), "practice_answers",
//  "topics": [{"topic", "name", "correct", "total", "percent"}] (exam and practice answers together),
//  "weak_topics": [{"topic", "name", "percent"}] (weakest first),
//  "trend": [{"finished_at", "score", "max_score", "percent", "passed"}] (the last ten exams, oldest first)}
// ?blueprint=<code> counts only that exam format's exams (practice always counts). Names are in the request's
// language. Exam answers reach the topics through the exams' own topic scores, so the answer log contributes
// practice answers only (counting exam answers from both would count them twice).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <map>
#include <set>

#include "catalog/api/caller.hpp"
#include "catalog/api/language.hpp"
#include "catalog/api/learner_routes.hpp"
#include "catalog/api/practice_params.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/statistics.hpp"
#include "catalog/io/instant_json.hpp"
#include "catalog/store/catalog_store.hpp"
#include "http/json_response.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;
using TopicNames = std::map<TopicCode, std::string>;

// The names of `topics` in `language`, from the reference data of the jurisdictions whose questions use them.
Awaitable<TopicNames> topic_names(CatalogApi& api, const std::vector<TopicAccuracy>& topics,
                                  std::string_view language) {
  TopicNames names;
  if (topics.empty()) co_return names;
  std::set<TopicCode> wanted;
  for (const auto& t : topics) wanted.insert(t.topic);
  std::set<JurisdictionCode> jurisdictions;
  auto snapshot = co_await api.bank.snapshot();
  for (const Question& q : snapshot->all_questions()) {
    if (wanted.contains(q.topic)) jurisdictions.insert(q.jurisdiction);
  }
  for (const auto& jurisdiction : jurisdictions) {
    const auto list = co_await api.store.topics(jurisdiction);
    for (const Topic& topic : list) {
      if (wanted.contains(topic.code)) names[topic.code] = std::string(topic.name.best(language));
    }
  }
  co_return names;
}

boost::json::value name_of(const TopicNames& names, const TopicCode& code) {
  auto it = names.find(code);
  return it == names.end() ? boost::json::value(nullptr) : boost::json::value(it->second);
}

boost::json::object statistics_to_json(const UserStatistics& stats, const TopicNames& names,
                                       std::size_t practice_answers) {
  boost::json::array topics;
  std::map<TopicCode, int> percent;
  for (const auto& t : stats.topics) {
    percent[t.topic] = t.percent;
    topics.push_back(boost::json::object{{"topic", t.topic.value()},
                                         {"name", name_of(names, t.topic)},
                                         {"correct", t.correct},
                                         {"total", t.total},
                                         {"percent", t.percent}});
  }
  boost::json::array weak;
  for (const auto& code : stats.weak_topics) {
    weak.push_back(
        boost::json::object{{"topic", code.value()}, {"name", name_of(names, code)}, {"percent", percent[code]}});
  }
  boost::json::array trend;
  for (const auto& point : stats.trend) {
    trend.push_back(boost::json::object{{"finished_at", io::format_instant(point.at)},
                                        {"score", point.score},
                                        {"max_score", point.max_score},
                                        {"percent", point.percent},
                                        {"passed", point.passed}});
  }
  boost::json::object out;
  out["exams"] = stats.exams;
  out["exams_passed"] = stats.exams_passed;
  out["pass_rate_percent"] = stats.pass_rate_percent;
  out["readiness"] = stats.readiness;
  out["practice_answers"] = practice_answers;
  out["topics"] = std::move(topics);
  out["weak_topics"] = std::move(weak);
  out["trend"] = std::move(trend);
  return out;
}

Awaitable<Response> statistics(CatalogApi& api, Request& request) {
  const auto user = require_user(request);
  StatisticsOptions options;
  options.blueprint_code = code_param(request, "blueprint");
  const auto language = language_of(request);
  const auto exams = co_await api.store.exam_records(user);
  const auto log = co_await api.store.answer_log(user);
  std::vector<PracticeRecord> practice;
  for (const auto& entry : log) {
    if (entry.source != store::AnswerSource::practice) continue;
    practice.push_back(PracticeRecord{entry.question, entry.topic, entry.correct, entry.answered_at});
  }
  const auto stats = compute_statistics(exams, practice, options);
  const auto names = co_await topic_names(api, stats.topics, language);
  co_return http::json_response(200, statistics_to_json(stats, names, practice.size()));
}

}  // namespace

void add_learner_stats_routes(http::Router& router, CatalogApi& api) {
  router.add(Method::get, "/api/catalog/me/statistics", [&api](Request& request) { return statistics(api, request); });
}

}  // namespace dt::catalog::api
