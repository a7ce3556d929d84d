// Internal: librdkafka configuration and its log/error callback.
#include "events/detail/rdkafka_conf.hpp"

#include "events/errors.hpp"
#include "log/log.hpp"

namespace dt::events::detail {

namespace {

// syslog severities, as librdkafka uses them: 0 emergency .. 3 error, 4 warning, 5 notice, 6 info, 7 debug.
log::Level level_of(RdKafka::Event::Severity severity) {
  if (severity <= RdKafka::Event::EVENT_SEVERITY_ERROR) return log::Level::error;
  if (severity == RdKafka::Event::EVENT_SEVERITY_WARNING) return log::Level::warn;
  if (severity <= RdKafka::Event::EVENT_SEVERITY_INFO) return log::Level::info;
  return log::Level::debug;
}

// Errors librdkafka recovers from by itself (reconnecting, re-resolving): worth a warning, not an error.
bool transient(RdKafka::ErrorCode code) {
  return code == RdKafka::ERR__TRANSPORT || code == RdKafka::ERR__ALL_BROKERS_DOWN || code == RdKafka::ERR__RESOLVE ||
         code == RdKafka::ERR__TIMED_OUT;
}

}  // namespace

void LogEvents::event_cb(RdKafka::Event& event) {
  switch (event.type()) {
    case RdKafka::Event::EVENT_ERROR: {
      const log::Level level = event.fatal()            ? log::Level::error
                               : transient(event.err()) ? log::Level::warn
                                                        : log::Level::error;
      log::write(level, "kafka client error",
                 {{"client", client_},
                  {"error", RdKafka::err2str(event.err())},
                  {"detail", event.str()},
                  {"fatal", event.fatal()}});
      break;
    }
    case RdKafka::Event::EVENT_LOG: {
      // A broker going away is reported as an error-level log line; librdkafka reconnects, so it is a warning.
      log::Level level = level_of(event.severity());
      if (level == log::Level::error && (event.fac() == "FAIL" || event.fac() == "ERROR")) level = log::Level::warn;
      log::write(level, "kafka client", {{"client", client_}, {"facility", event.fac()}, {"detail", event.str()}});
      break;
    }
    default:
      break;
  }
}

void throw_conf_error(const std::string& name, const std::string& error) {
  throw KafkaError("kafka configuration: " + name + ": " + error);
}

std::unique_ptr<RdKafka::Conf> make_conf(const Settings& settings, RdKafka::EventCb* events) {
  std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
  std::string error;
  for (const auto& [name, value] : settings) {
    if (conf->set(name, value, error) != RdKafka::Conf::CONF_OK) throw_conf_error(name, error);
  }
  set_callback(*conf, "event_cb", events);
  return conf;
}

}  // namespace dt::events::detail
