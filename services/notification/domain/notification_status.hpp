#pragma once
// Where a notification is in its life (store/migrations/0001_notifications.sql describes each):
//   queued -> sent | failed -> ... -> sent | dead;  dead -> queued (re-drive);  skipped (nothing to send).
#include <optional>
#include <string_view>

namespace dt::notification::domain {

enum class NotificationStatus { queued, failed, sent, dead, skipped };

std::string_view status_name(NotificationStatus status);
std::optional<NotificationStatus> parse_status(std::string_view name);

}  // namespace dt::notification::domain
