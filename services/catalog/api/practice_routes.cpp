#include "catalog/api/practice_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <random>

#include "catalog/api/language.hpp"
#include "catalog/api/practice_params.hpp"
#include "catalog/api/practice_question_json.hpp"
#include "catalog/bank/bank_cache.hpp"
#include "catalog/domain/draw_error.hpp"
#include "catalog/domain/draw_pool.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;
using QuestionList = std::vector<const Question*>;

constexpr int kDefaultRandomCount = 20;
constexpr int kMaxRandomCount = 100;
constexpr int kDefaultSearchLimit = 20;
constexpr int kMaxSearchLimit = 100;
constexpr std::size_t kMaxSearchLength = 200;
constexpr std::string_view kRoadSignTag = "road-sign";

const bank::JurisdictionBank& bank_of(const bank::BankSnapshot& snapshot, const JurisdictionCode& jurisdiction) {
  const auto* bank = snapshot.jurisdiction(jurisdiction);
  if (!bank)
    throw Problem::not_found("there are no practice questions for jurisdiction '" + jurisdiction.value() + "'");
  return *bank;
}

// The jurisdiction's questions a learner can answer, in the bank's order (by id), that `keep` accepts.
template <class Keep>
QuestionList practice_questions(const bank::JurisdictionBank& bank, Keep keep) {
  QuestionList out;
  for (const Question& q : bank.questions) {
    if (q.gradable() && keep(q)) out.push_back(&q);
  }
  return out;
}

const Blueprint& blueprint_in_force(const CatalogApi& api, const bank::BankSnapshot& snapshot,
                                    const JurisdictionCode& jurisdiction, const LicenceClassCode& licence_class) {
  const Blueprint* blueprint =
      snapshot.blueprint_for(jurisdiction, licence_class, std::chrono::floor<std::chrono::days>(api.clock()));
  if (!blueprint) {
    throw Problem::not_found("no exam format is in force for licence class '" + licence_class.value() + "' in '" +
                             jurisdiction.value() + "'");
  }
  return *blueprint;
}

// What the blueprint examines: the published, answerable questions of its pool whose topic one of its quotas
// covers, and the pool's critical questions. The snapshot's prepared draw knows them; a bank that cannot fill a
// whole exam still has questions to practise, so that case prepares the pool here.
QuestionList blueprint_questions(const bank::BankSnapshot& snapshot, const bank::JurisdictionBank& bank,
                                 const Blueprint& blueprint) {
  std::optional<DrawPool> own;
  const DrawPool* pool = nullptr;
  try {
    pool = &snapshot.draw_for(blueprint).pool();
  } catch (const DrawError&) {
    own.emplace(blueprint, bank.questions);
    pool = &*own;
  }
  QuestionList out;
  for (const DrawCandidate& candidate : pool->candidates()) {
    if (const Question* q = snapshot.question(candidate.id)) out.push_back(q);
  }
  std::sort(out.begin(), out.end(), [](const Question* a, const Question* b) { return a->id < b->id; });
  return out;
}

boost::json::object page_of_questions(const QuestionList& matches, const PageRequest& page, std::string_view language) {
  const std::size_t first = std::min(page.offset(), matches.size());
  const std::size_t last = std::min(first + static_cast<std::size_t>(page.size), matches.size());
  const std::span<const Question* const> slice(matches.data() + first, last - first);
  return paged(practice_questions_to_json(slice, first + 1, language), static_cast<std::int64_t>(matches.size()), page);
}

Awaitable<Response> by_topic(CatalogApi& api, Request& request) {
  const JurisdictionCode jurisdiction(required_code_param(request, "jurisdiction"));
  const auto topic_code = code_param(request, "topic");
  const auto page = page_of(request);
  const auto language = language_of(request);
  auto snapshot = co_await api.bank.snapshot();
  const auto& bank = bank_of(*snapshot, jurisdiction);
  std::optional<TopicCode> topic;
  if (topic_code) topic = TopicCode(*topic_code);
  const auto matches = practice_questions(bank, [&](const Question& q) { return !topic || q.topic == *topic; });
  if (topic && matches.empty()) {  // a topic with no published question yet is an empty list; a typo is a 404
    const auto topics = co_await api.store.topics(jurisdiction);
    const bool known = std::any_of(topics.begin(), topics.end(), [&](const Topic& t) { return t.code == *topic; });
    if (!known)
      throw Problem::not_found("there is no topic '" + topic->value() + "' in '" + jurisdiction.value() + "'");
  }
  auto out = page_of_questions(matches, page, language);
  out["jurisdiction"] = jurisdiction.value();
  out["topic"] = topic ? boost::json::value(topic->value()) : boost::json::value(nullptr);
  co_return http::json_response(200, out);
}

Awaitable<Response> random_set(CatalogApi& api, Request& request) {
  const JurisdictionCode jurisdiction(required_code_param(request, "jurisdiction"));
  const LicenceClassCode licence_class(required_code_param(request, "licence_class"));
  const auto count =
      static_cast<std::size_t>(integer_param(request, "count", 1, kMaxRandomCount).value_or(kDefaultRandomCount));
  const auto language = language_of(request);
  auto snapshot = co_await api.bank.snapshot();
  const auto& bank = bank_of(*snapshot, jurisdiction);
  const Blueprint& blueprint = blueprint_in_force(api, *snapshot, jurisdiction, licence_class);
  auto pool = blueprint_questions(*snapshot, bank, blueprint);

  thread_local std::mt19937_64 rng{std::random_device{}()};
  const std::size_t taken = std::min(count, pool.size());
  for (std::size_t i = 0; i < taken; ++i) {  // a partial Fisher-Yates shuffle: the first `taken` are the set
    std::uniform_int_distribution<std::size_t> pick(i, pool.size() - 1);
    std::swap(pool[i], pool[pick(rng)]);
  }
  boost::json::object out;
  out["jurisdiction"] = jurisdiction.value();
  out["licence_class"] = licence_class.value();
  out["blueprint"] = boost::json::object{{"code", blueprint.code}, {"version", blueprint.version}};
  out["pool_size"] = pool.size();
  out["total"] = taken;
  out["items"] = practice_questions_to_json(std::span<const Question* const>(pool.data(), taken), 1, language);
  co_return http::json_response(200, out);
}

Awaitable<Response> critical(CatalogApi& api, Request& request) {
  const JurisdictionCode jurisdiction(required_code_param(request, "jurisdiction"));
  const auto licence_class = code_param(request, "licence_class");
  const auto language = language_of(request);
  auto snapshot = co_await api.bank.snapshot();
  const auto& bank = bank_of(*snapshot, jurisdiction);
  QuestionList matches;
  boost::json::object out;
  out["jurisdiction"] = jurisdiction.value();
  out["licence_class"] = licence_class ? boost::json::value(*licence_class) : boost::json::value(nullptr);
  if (licence_class) {
    const Blueprint& blueprint = blueprint_in_force(api, *snapshot, jurisdiction, LicenceClassCode(*licence_class));
    for (const Question* q : blueprint_questions(*snapshot, bank, blueprint)) {
      if (q->critical) matches.push_back(q);
    }
    out["blueprint"] = boost::json::object{{"code", blueprint.code}, {"version", blueprint.version}};
  } else {
    matches = practice_questions(bank, [](const Question& q) { return q.critical; });
  }
  out["total"] = matches.size();
  out["items"] = practice_questions_to_json(matches, 1, language);
  co_return http::json_response(200, out);
}

Awaitable<Response> road_signs(CatalogApi& api, Request& request) {
  const JurisdictionCode jurisdiction(required_code_param(request, "jurisdiction"));
  const auto page = page_of(request);
  const auto language = language_of(request);
  auto snapshot = co_await api.bank.snapshot();
  const auto matches = practice_questions(bank_of(*snapshot, jurisdiction), [](const Question& q) {
    return std::find(q.tags.begin(), q.tags.end(), kRoadSignTag) != q.tags.end();
  });
  auto out = page_of_questions(matches, page, language);
  out["jurisdiction"] = jurisdiction.value();
  co_return http::json_response(200, out);
}

Awaitable<Response> search(CatalogApi& api, Request& request) {
  auto text = text_param(request, "q", kMaxSearchLength);
  std::optional<JurisdictionCode> jurisdiction;
  if (auto code = code_param(request, "jurisdiction")) jurisdiction = JurisdictionCode(*code);
  const auto limit =
      static_cast<int>(integer_param(request, "limit", 1, kMaxSearchLimit).value_or(kDefaultSearchLimit));
  const auto language = language_of(request);
  const auto found = co_await api.store.search(text, jurisdiction, limit);
  QuestionList matches;
  for (const Question& q : found) matches.push_back(&q);
  boost::json::object out;
  out["query"] = text;
  out["total"] = matches.size();
  out["items"] = practice_questions_to_json(matches, 1, language);
  co_return http::json_response(200, out);
}

}  // namespace

void add_practice_routes(http::Router& router, CatalogApi& api) {
  const auto route = [&api](auto handler) {
    return [&api, handler](Request& request) { return handler(api, request); };
  };
  router.add(Method::get, "/api/catalog/practice/questions", route(by_topic));
  router.add(Method::get, "/api/catalog/practice/random", route(random_set));
  router.add(Method::get, "/api/catalog/practice/critical", route(critical));
  router.add(Method::get, "/api/catalog/practice/road-signs", route(road_signs));
  router.add(Method::get, "/api/catalog/search", route(search));
  add_practice_answer_routes(router, api);
}

}  // namespace dt::catalog::api
