#include "notification/domain/recipient.hpp"

#include <algorithm>

namespace dt::notification::domain {

ExamResultDecision decide_exam_result(std::string_view user_id, const std::optional<Recipient>& recipient) {
  if (user_id.empty()) return ExamResultDecision::anonymous;
  if (!recipient) return ExamResultDecision::unknown_user;
  if (!recipient->opt_in_exam_results) return ExamResultDecision::not_opted_in;
  return ExamResultDecision::send;
}

std::string_view describe(ExamResultDecision decision) {
  switch (decision) {
    case ExamResultDecision::send:
      return "";
    case ExamResultDecision::anonymous:
      return "anonymous exam: nobody to write to";
    case ExamResultDecision::unknown_user:
      return "no account event about this user has arrived: address and opt-in unknown";
    case ExamResultDecision::not_opted_in:
      return "the user did not opt in to exam results by e-mail";
  }
  return "";
}

bool is_mailable_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  const bool bad_character = std::any_of(address.begin(), address.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '<' || c == '>' || c == '"' || c == ',' || c == ';' || c == '(' || c == ')' ||
           c == '\\';
  });
  if (bad_character) return false;
  const auto at = address.find('@');
  if (at == std::string_view::npos || at == 0 || address.find('@', at + 1) != std::string_view::npos) return false;
  const auto domain = address.substr(at + 1);
  const auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

std::string display_time(std::string_view rfc3339) {
  // YYYY-MM-DDTHH:MM...
  if (rfc3339.size() < 16 || rfc3339[10] != 'T' || rfc3339.back() != 'Z') return std::string(rfc3339);
  std::string out(rfc3339.substr(0, 16));
  out[10] = ' ';
  return out + " UTC";
}

}  // namespace dt::notification::domain
