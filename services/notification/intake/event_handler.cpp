#include "notification/intake/event_handler.hpp"

#include "events/envelope.hpp"
#include "log/log.hpp"
#include "notification/intake/event_reader.hpp"

namespace dt::notification::intake {
namespace {

constexpr std::size_t kMaxEventIdLength = 200;

delivery::DeadLetter letter_for(const events::Message& message, std::string reason, std::string error,
                                std::string event_id) {
  delivery::DeadLetter letter;
  letter.reason = std::move(reason);
  letter.error = std::move(error);
  letter.event_id = std::move(event_id);
  letter.topic = message.topic;
  letter.partition = message.partition;
  letter.offset = message.offset;
  letter.key = message.key;
  letter.payload = message.payload;
  return letter;
}

store::NewNotification notification_for(const events::Message& message, const events::Event& event,
                                        domain::NotificationKind kind) {
  store::NewNotification n;
  n.event_id = event.id;
  n.event_type = event.type;
  n.kind = std::string(domain::kind_name(kind));
  n.user_id = event.subject;
  n.payload = message.payload;
  n.topic = message.topic;
  n.partition = message.partition;
  n.offset = message.offset;
  n.event_time = event.time;
  return n;
}

}  // namespace

EventHandler::EventHandler(store::NotificationStore& store, delivery::DeadLetters& dead_letters, std::string app_url,
                           std::function<void()> on_queued, metrics::Registry* metrics)
    : store_(store),
      dead_letters_(dead_letters),
      app_url_(std::move(app_url)),
      on_queued_(std::move(on_queued)),
      metrics_(metrics) {}

Awaitable<void> EventHandler::update_profile(const events::Message& message, const events::Event& event) {
  std::optional<AccountFacts> facts;
  std::optional<std::string> invalid;
  try {
    if (event.version != 1) {
      throw InvalidEventData("dataversion " + std::to_string(event.version) + " of " + event.type + " is not known");
    }
    facts = read_account_facts(event);
  } catch (const InvalidEventData& e) {
    invalid = e.what();
  }
  if (invalid) {
    auto letter = letter_for(message, "invalid_data", *invalid, event.id);
    co_await dead_letters_.publish(std::move(letter));
    count("invalid_data");
    co_return;
  }
  store::RecipientUpdate update{std::move(facts->recipient), facts->opt_in_exam_results, event.time};
  co_await store_.update_recipient(std::move(update));
  count("profile_updated");
}

void EventHandler::count(const std::string& outcome) {
  if (!metrics_) return;
  const metrics::Labels labels{{"outcome", outcome}};
  metrics_->counter("dt_notification_events_total", "Events consumed, by what became of them", labels).inc();
}

Awaitable<void> EventHandler::handle(const events::Message& message) {
  events::Event event;
  std::optional<std::string> malformed;
  try {
    event = events::parse_event(message.payload);
    if (event.id.size() > kMaxEventIdLength) malformed = "id: longer than 200 characters";
  } catch (const events::MalformedEvent& e) {
    malformed = e.what();
  }
  if (malformed) {
    auto letter = letter_for(message, "malformed", *malformed, "");
    co_await dead_letters_.publish(std::move(letter));
    count("malformed");
    co_return;
  }

  if (event.type == kProfileUpdated) {
    co_await update_profile(message, event);
    co_return;
  }
  const auto kind = domain::kind_for_event(event.type);
  if (!kind) {
    count("ignored");
    co_return;
  }
  auto notification = notification_for(message, event, *kind);
  std::optional<EventIntake> intake;
  std::optional<std::string> invalid;
  try {
    intake = read_event(event, app_url_);
  } catch (const InvalidEventData& e) {
    invalid = e.what();
  }
  if (invalid) {
    // Dead-lettered before it is recorded: a crash in between dead-letters it again, never not at all.
    auto letter = letter_for(message, "invalid_data", *invalid, event.id);
    co_await dead_letters_.publish(std::move(letter));
    notification.status = domain::NotificationStatus::dead;
    notification.last_error = *invalid;
    co_await store_.record(std::nullopt, std::move(notification));
    count("invalid_data");
    co_return;
  }

  std::optional<store::RecipientUpdate> update;
  std::optional<domain::Recipient> recipient = intake->recipient;
  if (recipient) {
    update = store::RecipientUpdate{*recipient, intake->opt_in_exam_results, event.time};
  } else {
    recipient = co_await store_.recipient(intake->user_id);
    const auto decision = domain::decide_exam_result(intake->user_id, recipient);
    if (decision != domain::ExamResultDecision::send) {
      notification.status = domain::NotificationStatus::skipped;
      notification.last_error = std::string(domain::describe(decision));
      recipient.reset();
    } else {
      intake->values["name"] = recipient->display_name;
    }
  }
  notification.user_id = intake->user_id.empty() ? event.subject : intake->user_id;
  if (recipient) {
    notification.email = recipient->email;
    notification.display_name = recipient->display_name;
    notification.language = recipient->language;
  }
  notification.values = std::move(intake->values);
  const bool queued = notification.status == domain::NotificationStatus::queued;
  const bool recorded = co_await store_.record(std::move(update), std::move(notification));
  if (!recorded) {
    count("duplicate");
    log::info("event already handled: redelivered", {{"event_id", event.id}, {"trace_id", event.trace_id}});
    co_return;
  }
  count(queued ? "queued" : "skipped");
  if (queued && on_queued_) on_queued_();
}

}  // namespace dt::notification::intake
