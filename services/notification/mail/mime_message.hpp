#pragma once
// The RFC 5322 text of a notification e-mail, as SMTP's DATA sends it: CRLF line ends, a multipart/alternative
// body with the plain-text part first and the HTML part second (clients show the last one they can), each
// UTF-8 in base64 (lines of 76). Header values that are not plain printable ASCII (a Vietnamese subject or
// name) are RFC 2047 encoded words, =?UTF-8?B?...?=, each at most 75 characters, never splitting a UTF-8
// character, folded onto continuation lines.
#include <chrono>
#include <string>
#include <string_view>

#include "notification/mail/template_set.hpp"

namespace dt::notification::mail {

struct MailHeaders {
  std::string from_name;     // "DriveTest"
  std::string from_address;  // "no-reply@drivetest.local"
  std::string to_name;       // the display name; may be empty
  std::string to_address;    // must be mailable (domain::is_mailable_address)
  std::string message_id;    // without angle brackets: "<event id>@notification.drivetest"
  std::chrono::system_clock::time_point date;
};

std::string build_message(const MailHeaders& headers, const MailContent& content);

// The value of an unstructured header (Subject): as it is when printable ASCII, else encoded words.
std::string encode_header_text(std::string_view utf8);
// An address header's value: "Name" <address>, the name as encoded words when it is not printable ASCII;
// just <address> without a name.
std::string format_address(std::string_view name, std::string_view address);
// "Wed, 25 Nov 2026 10:25:50 +0000"
std::string rfc5322_date(std::chrono::system_clock::time_point time);
// Base64 in lines of at most 76 characters, each ending in CRLF.
std::string base64_lines(std::string_view bytes);
// The Message-ID for an event: "<id>@notification.drivetest" when the id is made of letters, digits, '-' and
// '.', else the SHA-256 of the id in hex (an id may be any string): the same event always gives the same id.
std::string message_id_for_event(std::string_view event_id);

}  // namespace dt::notification::mail
