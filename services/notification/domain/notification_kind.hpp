#pragma once
// Which e-mail an event gives: each event type the service handles maps to one kind of notification, and the
// kind names its templates (templates/<kind>.<language>.txt and .html).
#include <optional>
#include <string_view>

namespace dt::notification::domain {

enum class NotificationKind { welcome, password_changed, new_ip, exam_result };

// user.registered -> welcome, user.password_changed -> password_changed, user.signed_in_new_ip -> new_ip,
// exam.completed -> exam_result; nullopt for any other type (ignored: new types appear without warning).
std::optional<NotificationKind> kind_for_event(std::string_view event_type);

// "welcome", "password_changed", "new_ip", "exam_result": stored with each notification and the template name.
std::string_view kind_name(NotificationKind kind);
std::optional<NotificationKind> parse_kind(std::string_view name);

inline constexpr NotificationKind kAllKinds[] = {NotificationKind::welcome, NotificationKind::password_changed,
                                                 NotificationKind::new_ip, NotificationKind::exam_result};

}  // namespace dt::notification::domain
