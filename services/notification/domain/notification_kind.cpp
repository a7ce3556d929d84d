#include "notification/domain/notification_kind.hpp"

namespace dt::notification::domain {

std::optional<NotificationKind> kind_for_event(std::string_view event_type) {
  if (event_type == "user.registered") return NotificationKind::welcome;
  if (event_type == "user.password_changed") return NotificationKind::password_changed;
  if (event_type == "user.signed_in_new_ip") return NotificationKind::new_ip;
  if (event_type == "exam.completed") return NotificationKind::exam_result;
  return std::nullopt;
}

std::string_view kind_name(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::welcome:
      return "welcome";
    case NotificationKind::password_changed:
      return "password_changed";
    case NotificationKind::new_ip:
      return "new_ip";
    case NotificationKind::exam_result:
      return "exam_result";
  }
  return "welcome";
}

std::optional<NotificationKind> parse_kind(std::string_view name) {
  for (const auto kind : kAllKinds) {
    if (kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

}  // namespace dt::notification::domain
