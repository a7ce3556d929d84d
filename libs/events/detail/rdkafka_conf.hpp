#pragma once
// Internal: librdkafka configuration objects built from key/value pairs, and the event callback that routes
// librdkafka's own log lines and client errors to dt::log.
#include <librdkafka/rdkafkacpp.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace dt::events::detail {

using Settings = std::vector<std::pair<std::string, std::string>>;

// Logs librdkafka's messages as JSON lines with the client's name. Broker connection failures (a broker
// restarting) are warnings: librdkafka reconnects by itself.
class LogEvents : public RdKafka::EventCb {
 public:
  explicit LogEvents(std::string client) : client_(std::move(client)) {}
  void event_cb(RdKafka::Event& event) override;

 private:
  std::string client_;
};

[[noreturn]] void throw_conf_error(const std::string& name, const std::string& error);

// A global configuration with every setting applied and `events` as its event callback; throws KafkaError
// naming the setting librdkafka rejected.
std::unique_ptr<RdKafka::Conf> make_conf(const Settings& settings, RdKafka::EventCb* events);
// Sets one more callback-type property (dr_cb, rebalance_cb, offset_commit_cb); throws KafkaError on failure.
template <class Callback>
void set_callback(RdKafka::Conf& conf, const std::string& name, Callback* callback) {
  std::string error;
  if (conf.set(name, callback, error) != RdKafka::Conf::CONF_OK) throw_conf_error(name, error);
}

}  // namespace dt::events::detail
