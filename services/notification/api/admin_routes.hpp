#pragma once
// The Notification service's admin API (role "admin" required; 401 anonymous, 403 without the role):
//   GET  /api/notification/admin/notifications?status=&user_id=&page=&size=
//        newest first: {"items": [notification...], "total", "page", "size"}; status one of queued, failed,
//        sent, dead, skipped; page from 1, size 1..200 (default 50)
//   GET  /api/notification/admin/notifications/{event_id}      one notification, 404 when unknown
//   POST /api/notification/admin/dead-letters/{event_id}/redrive
//        a dead notification back to queued with its attempts reset and the dispatcher woken: 202
//        {"event_id", "status": "queued"}; 404 unknown, 409 when it is not dead
// A notification: {"event_id", "event_type", "kind", "user_id", "email", "language", "status", "attempts",
// "redrives", "last_error", "event_time", "created_at", "updated_at", "sent_at" (null until sent),
// "next_attempt_at" (null unless queued or failed)}.
#include "http/router.hpp"
#include "notification/delivery/dispatcher.hpp"
#include "notification/store/notification_store.hpp"

namespace dt::notification::api {

struct NotificationApi {
  store::NotificationStore& store;
  delivery::Dispatcher& dispatcher;
};

void add_admin_routes(http::Router& router, NotificationApi& api);

}  // namespace dt::notification::api
