#include "notification/delivery/dead_letters.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "events/envelope.hpp"
#include "log/log.hpp"

namespace dt::notification::delivery {

std::string dead_letter_json(const DeadLetter& letter) {
  const boost::json::object document{
      {"reason", letter.reason},     {"error", letter.error},
      {"event_id", letter.event_id}, {"attempts", letter.attempts},
      {"topic", letter.topic},       {"partition", letter.partition},
      {"offset", letter.offset},     {"failed_at", events::format_time(std::chrono::system_clock::now())},
      {"payload", letter.payload}};
  return boost::json::serialize(document);
}

DeadLetters::DeadLetters(events::Producer& producer, std::string topic, metrics::Registry* metrics)
    : producer_(producer), topic_(std::move(topic)), metrics_(metrics) {}

Awaitable<void> DeadLetters::publish(DeadLetter letter) {
  co_await producer_.publish(topic_, letter.key, dead_letter_json(letter));
  if (metrics_) {
    const metrics::Labels labels{{"reason", letter.reason}};
    metrics_->counter("dt_notification_dead_letters_total", "Events published to the dead-letter topic", labels).inc();
  }
  log::warn("event dead-lettered", {{"reason", letter.reason},
                                    {"event_id", letter.event_id},
                                    {"error", letter.error},
                                    {"topic", letter.topic},
                                    {"offset", static_cast<long long>(letter.offset)},
                                    {"dead_letter_topic", topic_}});
}

}  // namespace dt::notification::delivery
