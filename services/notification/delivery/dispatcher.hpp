#pragma once
// Dispatcher: sends the notifications the consumer recorded. Each round claims the due ones (queued, or failed
// with their retry time passed), renders their templates, sends them over SMTP a few at a time and records the
// outcome:
//   - accepted by the server: sent;
//   - refused for good (5xx), or unusable (no address, a template that fails): dead, on the dead-letter topic;
//   - any other failure: failed, retried after an exponential backoff with jitter (domain/retry_policy.hpp),
//     until max_attempts; then dead, on the dead-letter topic.
// Rounds follow each other while there is work, then every poll_interval, or at once when wake() is called
// (the consumer does when it recorded a new notification, the admin API after a re-drive).
//
// A crash between the server's acceptance and "sent" being recorded sends that mail again once its claim
// has run out (at least once); the Message-ID, derived from the event id, is the same both times.
#include <chrono>
#include <memory>

#include "async/awaitable.hpp"
#include "metrics/registry.hpp"
#include "notification/delivery/dead_letters.hpp"
#include "notification/domain/retry_policy.hpp"
#include "notification/mail/template_set.hpp"
#include "notification/smtp/smtp_sender.hpp"
#include "notification/store/notification_store.hpp"

namespace dt::notification::delivery {

struct DispatcherOptions {
  domain::RetryPolicy retry;
  int batch_size = 32;  // claimed per round; the SMTP sender's connections bound how many are sent at once
  std::chrono::milliseconds poll_interval{1000};
  std::chrono::seconds lease{60};  // how long a claim lasts: longer than any send may take
};

class Dispatcher {
 public:
  // `metrics` (optional) gets dt_notification_mails_total{outcome="sent|retry|dead"}.
  Dispatcher(store::NotificationStore& store, const mail::TemplateSet& templates, smtp::SmtpSender& smtp,
             DeadLetters& dead_letters, DispatcherOptions options, metrics::Registry* metrics = nullptr);
  ~Dispatcher();  // stops
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  // One round: claims and handles what is due; returns how many it claimed. Throws when the database fails.
  Awaitable<int> dispatch_due();

  void start(Executor executor);
  // Thread-safe and idempotent: the round in progress finishes, no further one starts.
  void stop();
  // Thread-safe: a round starts as soon as the current one (if any) finished.
  void wake();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace dt::notification::delivery
