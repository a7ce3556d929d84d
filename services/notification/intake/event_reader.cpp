#include "notification/intake/event_reader.hpp"

#include <boost/json/array.hpp>

#include <cstdint>

namespace dt::notification::intake {
namespace {

using domain::NotificationKind;

[[noreturn]] void invalid(const std::string& field, const std::string& problem) {
  throw InvalidEventData("data." + field + ": " + problem);
}

std::string required_string(const boost::json::object& data, const std::string& field) {
  const auto* value = data.if_contains(field);
  if (value == nullptr) invalid(field, "missing");
  if (!value->is_string()) invalid(field, "not a string");
  return std::string(value->as_string());
}

std::string optional_string(const boost::json::object& data, const std::string& field) {
  const auto* value = data.if_contains(field);
  if (value == nullptr || value->is_null()) return "";
  if (!value->is_string()) invalid(field, "not a string");
  return std::string(value->as_string());
}

std::int64_t required_integer(const boost::json::object& data, const std::string& field) {
  const auto* value = data.if_contains(field);
  if (value == nullptr) invalid(field, "missing");
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->as_uint64());
  }
  invalid(field, "not an integer");
}

bool required_bool(const boost::json::object& data, const std::string& field) {
  const auto* value = data.if_contains(field);
  if (value == nullptr) invalid(field, "missing");
  if (!value->is_bool()) invalid(field, "not a boolean");
  return value->as_bool();
}

EventIntake account_intake(const events::Event& event, NotificationKind kind, const std::string& app_url) {
  auto facts = read_account_facts(event);
  EventIntake intake;
  intake.kind = kind;
  intake.user_id = facts.recipient.user_id;
  intake.opt_in_exam_results = facts.opt_in_exam_results;
  intake.values = {{"name", facts.recipient.display_name},
                   {"username", facts.username},
                   {"app_url", app_url},
                   {"time", domain::display_time(event.time)}};
  if (kind == NotificationKind::new_ip) {
    intake.values["ip"] = required_string(event.data, "ip");
    intake.values["user_agent"] = optional_string(event.data, "user_agent");
  }
  intake.recipient = std::move(facts.recipient);
  return intake;
}

EventIntake exam_intake(const events::Event& event, const std::string& app_url) {
  const auto& data = event.data;
  EventIntake intake;
  intake.kind = NotificationKind::exam_result;
  intake.user_id = required_string(data, "user_id");
  const std::string exam_id = required_string(data, "exam_id");
  if (exam_id.empty()) invalid("exam_id", "empty");
  const auto score = required_integer(data, "score");
  const auto max_score = required_integer(data, "max_score");
  const bool passed = required_bool(data, "passed");
  boost::json::object values{{"app_url", app_url},
                             {"blueprint", optional_string(data, "blueprint")},
                             {"jurisdiction", optional_string(data, "jurisdiction")},
                             {"licence_class", optional_string(data, "licence_class")},
                             {"score", std::to_string(score)},
                             {"max_score", std::to_string(max_score)},
                             {"passed", passed},
                             {"expired", optional_string(data, "finish") == "expired"},
                             {"finished_at", domain::display_time(optional_string(data, "finished_at"))},
                             {"review_url", app_url + "/exams/" + exam_id}};
  if (const auto* reasons = data.if_contains("fail_reasons")) {
    if (!reasons->is_array()) invalid("fail_reasons", "not an array");
    for (const auto& reason : reasons->as_array()) {
      if (!reason.is_string()) invalid("fail_reasons", "not an array of strings");
      values["reason_" + std::string(reason.as_string())] = true;
    }
  }
  intake.values = std::move(values);
  return intake;
}

}  // namespace

AccountFacts read_account_facts(const events::Event& event) {
  const auto& data = event.data;
  AccountFacts facts;
  auto& recipient = facts.recipient;
  recipient.user_id = required_string(data, "user_id");
  if (recipient.user_id.empty()) invalid("user_id", "empty");
  recipient.email = required_string(data, "email");
  if (!domain::is_mailable_address(recipient.email)) invalid("email", "not a mailable address");
  facts.username = optional_string(data, "username");
  recipient.display_name = optional_string(data, "display_name");
  if (recipient.display_name.empty()) recipient.display_name = facts.username;
  recipient.language = domain::mail_language(optional_string(data, "language"));
  if (const auto* opt_in = data.if_contains("opt_in_exam_results")) {
    if (!opt_in->is_bool()) invalid("opt_in_exam_results", "not a boolean");
    facts.opt_in_exam_results = opt_in->as_bool();
    recipient.opt_in_exam_results = opt_in->as_bool();
  }
  return facts;
}

std::optional<EventIntake> read_event(const events::Event& event, const std::string& app_url) {
  const auto kind = domain::kind_for_event(event.type);
  if (!kind) return std::nullopt;
  if (event.version != 1) {
    throw InvalidEventData("dataversion " + std::to_string(event.version) + " of " + event.type + " is not known");
  }
  if (*kind == NotificationKind::exam_result) return exam_intake(event, app_url);
  return account_intake(event, *kind, app_url);
}

}  // namespace dt::notification::intake
