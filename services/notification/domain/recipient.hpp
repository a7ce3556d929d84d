#pragma once
// Who an e-mail goes to, and the rule for exam results. The account events carry the address, name and
// language with every event, so the mails they cause need nothing else. exam.completed carries only the user
// id (docs/events.md): the service writes only to users it learnt about from the account events, who opted in
// to exam results there.
#include <optional>
#include <string>
#include <string_view>

#include "notification/domain/language.hpp"

namespace dt::notification::domain {

struct Recipient {
  std::string user_id;
  std::string email;
  std::string display_name;
  Language language = Language::en;
  bool opt_in_exam_results = false;
};

enum class ExamResultDecision {
  send,
  anonymous,     // an exam taken without signing in: nobody to write to
  unknown_user,  // no account event about this user has arrived (yet)
  not_opted_in,  // the user did not ask for exam results by e-mail
};

ExamResultDecision decide_exam_result(std::string_view user_id, const std::optional<Recipient>& recipient);
// Why no exam result was sent, for the notification's record: "anonymous exam", ...; empty for send.
std::string_view describe(ExamResultDecision decision);

// A plain address we can put in an SMTP envelope and a header: local@domain, at most 254 bytes, no spaces,
// control characters, angle brackets, quotes, commas or semicolons (nothing that could add a header or a
// recipient), exactly one '@' with text on both sides and a dot in the domain.
bool is_mailable_address(std::string_view address);

// "2026-11-25T10:25:50.123Z" -> "2026-11-25 10:25 UTC", for the body of a mail; other text unchanged.
std::string display_time(std::string_view rfc3339);

}  // namespace dt::notification::domain
