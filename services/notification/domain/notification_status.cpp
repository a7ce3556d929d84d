#include "notification/domain/notification_status.hpp"

namespace dt::notification::domain {

namespace {
constexpr NotificationStatus kAll[] = {NotificationStatus::queued, NotificationStatus::failed, NotificationStatus::sent,
                                       NotificationStatus::dead, NotificationStatus::skipped};
}

std::string_view status_name(NotificationStatus status) {
  switch (status) {
    case NotificationStatus::queued:
      return "queued";
    case NotificationStatus::failed:
      return "failed";
    case NotificationStatus::sent:
      return "sent";
    case NotificationStatus::dead:
      return "dead";
    case NotificationStatus::skipped:
      return "skipped";
  }
  return "queued";
}

std::optional<NotificationStatus> parse_status(std::string_view name) {
  for (const auto status : kAll) {
    if (status_name(status) == name) return status;
  }
  return std::nullopt;
}

}  // namespace dt::notification::domain
