// The notification e-mail as MIME text: headers (RFC 5322, RFC 2047) and a multipart/alternative body.
#include "notification/mail/mime_message.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "digest/base64.hpp"
#include "digest/digest.hpp"

namespace dt::notification::mail {
namespace {

constexpr std::size_t kMaxEncodedWordBytes = 45;  // 45 bytes -> 60 base64 characters, 72 with =?UTF-8?B??=

bool is_printable_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

// Does `text` need no quoting as a display name (RFC 5322 atext and spaces)?
bool is_plain_phrase(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' ||
           c == '.' || c == '_' || c == '\'' || c == '!' || c == '#' || c == '+' || c == '&';
  });
}

// Where the UTF-8 character containing byte `at` starts.
std::size_t character_start(std::string_view text, std::size_t at) {
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::string encoded_words(std::string_view utf8) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = std::min(pos + kMaxEncodedWordBytes, utf8.size());
    if (end < utf8.size()) {
      const std::size_t start = character_start(utf8, end);
      if (start > pos) end = start;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + digest::base64_encode(utf8.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::string strip_line_breaks(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

std::string encode_header_text(std::string_view utf8) {
  const std::string text = strip_line_breaks(utf8);
  if (is_printable_ascii(text) && text.size() <= 900) return text;
  return encoded_words(text);
}

std::string format_address(std::string_view name, std::string_view address) {
  const std::string display = strip_line_breaks(name);
  const std::string angle = "<" + std::string(address) + ">";
  if (display.empty()) return angle;
  if (is_plain_phrase(display)) return "\"" + display + "\" " + angle;
  if (is_printable_ascii(display)) {
    std::string quoted = "\"";
    for (const char c : display) {
      if (c == '"' || c == '\\') quoted += '\\';
      quoted += c;
    }
    return quoted + "\" " + angle;
  }
  return encoded_words(display) + " " + angle;
}

std::string rfc5322_date(std::chrono::system_clock::time_point time) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[utc.tm_wday], utc.tm_mday,
                kMonths[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
  return buffer;
}

std::string base64_lines(std::string_view bytes) {
  const std::string encoded = digest::base64_encode(bytes);
  std::string out;
  out.reserve(encoded.size() + encoded.size() / 76 * 2 + 2);
  for (std::size_t pos = 0; pos < encoded.size(); pos += 76) {
    out.append(encoded, pos, 76);
    out += "\r\n";
  }
  return out;
}

std::string message_id_for_event(std::string_view event_id) {
  const bool plain =
      !event_id.empty() && event_id.size() <= 100 && std::all_of(event_id.begin(), event_id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
      });
  return (plain ? std::string(event_id) : digest::sha256_hex(event_id)) + "@notification.drivetest";
}

std::string build_message(const MailHeaders& headers, const MailContent& content) {
  const std::string boundary = "=_dt_" + digest::sha256_hex(headers.message_id).substr(0, 24);
  std::string out;
  out.reserve(content.text.size() * 2 + content.html.size() * 2 + 1024);
  out += "From: " + format_address(headers.from_name, headers.from_address) + "\r\n";
  out += "To: " + format_address(headers.to_name, headers.to_address) + "\r\n";
  out += "Subject: " + encode_header_text(content.subject) + "\r\n";
  out += "Date: " + rfc5322_date(headers.date) + "\r\n";
  out += "Message-ID: <" + headers.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
  out += "\r\n";
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(content.text);
  out += "--" + boundary + "\r\n";
  out += "Content-Type: text/html; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n\r\n";
  out += base64_lines(content.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace dt::notification::mail
