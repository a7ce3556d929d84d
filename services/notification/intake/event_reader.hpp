#pragma once
// What the Notification service makes of an event (docs/events.md has the payloads): the kind of mail, the
// recipient when the event names one (the account events carry address, name and language), and the values
// for the templates. A strict reader: data that cannot make a mail is refused with the field at fault, and
// the event is dead-lettered rather than retried.
#include <boost/json/object.hpp>

#include <optional>
#include <stdexcept>
#include <string>

#include "events/envelope.hpp"
#include "notification/domain/notification_kind.hpp"
#include "notification/domain/recipient.hpp"

namespace dt::notification::intake {

// The event's data cannot make a mail: the message names the field, e.g. "data.email: not a mailable address".
class InvalidEventData : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct EventIntake {
  domain::NotificationKind kind = domain::NotificationKind::welcome;
  std::string user_id;
  // Account events: whom to write to, from the event itself. exam.completed: nullopt (looked up by user_id).
  std::optional<domain::Recipient> recipient;
  // When an account event carries data.opt_in_exam_results (a boolean).
  std::optional<bool> opt_in_exam_results;
  // The template's values: strings and booleans. "name" is set for account events; for exam results the
  // caller adds it from the recipient it looked up.
  boost::json::object values;
};

// The user an account event is about: address, name, language, and the exam-result opt-in when the event
// carries data.opt_in_exam_results. Throws InvalidEventData.
struct AccountFacts {
  domain::Recipient recipient;
  std::optional<bool> opt_in_exam_results;
  std::string username;
};
AccountFacts read_account_facts(const events::Event& event);

// user.profile_updated (when the Account service emits it): updates what is known of the user, sends nothing.
inline constexpr const char* kProfileUpdated = "user.profile_updated";

// nullopt for an event type this service does not handle. Throws InvalidEventData for a handled type whose
// dataversion is not 1 or whose data lacks a required field, has one of the wrong type, or an address that
// cannot be mailed. `app_url` is the web app's address, for the links in the mails.
std::optional<EventIntake> read_event(const events::Event& event, const std::string& app_url);

}  // namespace dt::notification::intake
