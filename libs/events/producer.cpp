// Producer: librdkafka's idempotent producer, its delivery reports bridged to awaiting coroutines.
#include "events/producer.hpp"

#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <thread>

#include "events/detail/rdkafka_conf.hpp"

namespace dt::events {

namespace asio = boost::asio;

namespace {

// One publish waiting for its delivery report. The report arrives on the poller thread; the channel hands
// the completion to the publishing coroutine's own executor.
struct Pending {
  explicit Pending(Executor executor) : done(executor, 1) {}
  asio::experimental::concurrent_channel<void(boost::system::error_code)> done;
  Delivery delivery;  // written before `done` is sent
  std::string error;  // empty on success
};

class DeliveryReports : public RdKafka::DeliveryReportCb {
 public:
  explicit DeliveryReports(std::atomic<int>& in_flight) : in_flight_(in_flight) {}

  void dr_cb(RdKafka::Message& message) override {
    // The opaque is the std::shared_ptr<Pending> that publish() allocated for this message.
    std::unique_ptr<std::shared_ptr<Pending>> owner(static_cast<std::shared_ptr<Pending>*>(message.msg_opaque()));
    --in_flight_;
    if (!owner) return;
    Pending& pending = **owner;
    if (message.err() == RdKafka::ERR_NO_ERROR) {
      pending.delivery = {message.partition(), message.offset()};
    } else {
      pending.error = message.errstr();
    }
    pending.done.try_send(boost::system::error_code{});  // capacity 1, sent once: cannot fail
  }

 private:
  std::atomic<int>& in_flight_;
};

int to_int_millis(std::chrono::milliseconds d) { return static_cast<int>(d.count()); }

}  // namespace

struct Producer::Impl {
  explicit Impl(ProducerOptions opts) : options(std::move(opts)), events(options.client_id), reports(in_flight) {}

  ProducerOptions options;
  std::atomic<int> in_flight{0};
  detail::LogEvents events;
  DeliveryReports reports;
  std::unique_ptr<RdKafka::Producer> producer;
  std::atomic<bool> stopping{false};
  std::thread poller;
};

Producer::Producer(ProducerOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
  const ProducerOptions& o = impl_->options;
  const detail::Settings settings = {
      {"bootstrap.servers", o.brokers},
      {"client.id", o.client_id},
      {"enable.idempotence", "true"},
      {"acks", "all"},
      {"linger.ms", std::to_string(o.linger.count())},
      {"compression.type", o.compression},
      {"message.timeout.ms", std::to_string(o.message_timeout.count())},
      // A restarted broker is found again within a second, not the default ten.
      {"reconnect.backoff.ms", "100"},
      {"reconnect.backoff.max.ms", "1000"},
  };
  auto conf = detail::make_conf(settings, &impl_->events);
  detail::set_callback(*conf, "dr_cb", &impl_->reports);
  std::string error;
  impl_->producer.reset(RdKafka::Producer::create(conf.get(), error));
  if (!impl_->producer) throw KafkaError("creating the Kafka producer: " + error);
  impl_->poller = std::thread([impl = impl_.get()] {
    while (!impl->stopping.load()) impl->producer->poll(100);
  });
}

Producer::~Producer() {
  impl_->stopping = true;
  impl_->poller.join();
  // Whatever is still queued fails now (its coroutines get PublishError); flush() serves those reports.
  impl_->producer->purge(RdKafka::Producer::PURGE_QUEUE | RdKafka::Producer::PURGE_INFLIGHT);
  impl_->producer->flush(1000);
}

Awaitable<Delivery> Producer::publish(std::string topic, std::string key, std::string payload) {
  auto pending = std::make_shared<Pending>(co_await asio::this_coro::executor);
  auto opaque = std::make_unique<std::shared_ptr<Pending>>(pending);
  ++impl_->in_flight;
  const RdKafka::ErrorCode code =
      impl_->producer->produce(topic, RdKafka::Topic::PARTITION_UA, RdKafka::Producer::RK_MSG_COPY, payload.data(),
                               payload.size(), key.empty() ? nullptr : key.data(), key.size(), 0, opaque.get());
  if (code != RdKafka::ERR_NO_ERROR) {
    --impl_->in_flight;
    throw PublishError("publishing to " + topic + ": " + RdKafka::err2str(code));
  }
  opaque.release();  // the delivery report owns it now
  co_await pending->done.async_receive(asio::use_awaitable);
  if (!pending->error.empty()) throw PublishError("publishing to " + topic + ": " + pending->error);
  co_return pending->delivery;
}

// Not a coroutine: the event is serialised now, so the caller's Event need not outlive the publish.
Awaitable<Delivery> Producer::publish(std::string topic, const Event& event) {
  return publish(std::move(topic), event.subject, to_json(event));
}

bool Producer::flush(std::chrono::milliseconds timeout) {
  return impl_->producer->flush(to_int_millis(timeout)) == RdKafka::ERR_NO_ERROR;
}

int Producer::in_flight() const { return impl_->in_flight.load(); }

}  // namespace dt::events
