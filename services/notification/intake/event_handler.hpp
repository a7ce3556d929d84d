#pragma once
// EventHandler: what the Notification service's Kafka consumer does with each message (group "notification",
// topics account.events and catalog.events). It only records; the Dispatcher sends.
//   - not a valid envelope: dead-lettered ("malformed") and dropped: the consumer goes on;
//   - user.profile_updated: updates what is known of the user (address, name, language, opt-in), sends nothing;
//   - a type it does not handle: ignored;
//   - data that cannot make a mail: dead-lettered ("invalid_data") and recorded as dead;
//   - otherwise: the account events update what is known of their user, and the notification is recorded
//     (queued, or skipped for an exam result nobody asked for), unique by event id, in one transaction; a
//     redelivered event changes nothing. Then the dispatcher is woken.
// The consumer commits the message's offset only after this returned, so an event is recorded before it is
// acknowledged: a crash loses nothing, and redelivery after it sends nothing twice. A database failure throws,
// and the consumer hands the same message again after a backoff.
#include <functional>
#include <string>

#include "async/awaitable.hpp"
#include "events/message.hpp"
#include "metrics/registry.hpp"
#include "notification/delivery/dead_letters.hpp"
#include "notification/store/notification_store.hpp"

namespace dt::notification::intake {

class EventHandler {
 public:
  // `app_url`: the web app's address, for the links in the mails. `on_queued`: called after a notification
  // was queued (the dispatcher's wake()). `metrics` (optional) gets dt_notification_events_total{outcome}.
  EventHandler(store::NotificationStore& store, delivery::DeadLetters& dead_letters, std::string app_url,
               std::function<void()> on_queued, metrics::Registry* metrics = nullptr);

  Awaitable<void> handle(const events::Message& message);

 private:
  Awaitable<void> update_profile(const events::Message& message, const events::Event& event);
  void count(const std::string& outcome);

  store::NotificationStore& store_;
  delivery::DeadLetters& dead_letters_;
  std::string app_url_;
  std::function<void()> on_queued_;
  metrics::Registry* metrics_;
};

}  // namespace dt::notification::intake
