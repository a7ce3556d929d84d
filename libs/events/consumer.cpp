// Consumer: librdkafka's group consumer on a thread of its own, handlers run on an executor, offsets committed
// after handling, failed messages retried by pausing and rewinding their partition.
#include "events/consumer.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_future.hpp>

#include <atomic>
#include <future>
#include <thread>

#include "events/detail/partition_retries.hpp"
#include "events/detail/rdkafka_conf.hpp"
#include "log/log.hpp"

namespace dt::events {

namespace asio = boost::asio;
using detail::PartitionId;

namespace {

constexpr int poll_timeout_ms = 200;
constexpr int seek_timeout_ms = 5000;

// Owns the TopicPartition objects of a list that librdkafka's API wants as raw pointers.
class PartitionList {
 public:
  void add(const std::string& topic, std::int32_t partition, std::int64_t offset = RdKafka::Topic::OFFSET_INVALID) {
    owned_.emplace_back(RdKafka::TopicPartition::create(topic, partition, offset));
    raw_.push_back(owned_.back().get());
  }
  std::vector<RdKafka::TopicPartition*>& raw() { return raw_; }

 private:
  std::vector<std::unique_ptr<RdKafka::TopicPartition>> owned_;
  std::vector<RdKafka::TopicPartition*> raw_;
};

std::string describe(const std::vector<RdKafka::TopicPartition*>& partitions) {
  std::string text;
  for (const auto* p : partitions) {
    if (!text.empty()) text += ',';
    text += p->topic() + "/" + std::to_string(p->partition());
  }
  return text;
}

std::string exception_text(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown exception";
  }
}

class CommitReports : public RdKafka::OffsetCommitCb {
 public:
  explicit CommitReports(std::string group) : group_(std::move(group)) {}
  void offset_commit_cb(RdKafka::ErrorCode err, std::vector<RdKafka::TopicPartition*>& offsets) override {
    if (err == RdKafka::ERR_NO_ERROR || err == RdKafka::ERR__NO_OFFSET) return;
    log::warn("kafka offset commit failed; the messages will be handled again after a restart or rebalance",
              {{"group", group_}, {"error", RdKafka::err2str(err)}, {"partitions", describe(offsets)}});
  }

 private:
  std::string group_;
};

}  // namespace

struct Consumer::Impl : RdKafka::RebalanceCb {
  Impl(Executor ex, ConsumerOptions opts, Handler h)
      : executor(std::move(ex)),
        options(std::move(opts)),
        handler(std::move(h)),
        events(options.client_id),
        commits(options.group_id),
        retries(options.retry_backoff, options.max_retry_backoff) {}

  void rebalance_cb(RdKafka::KafkaConsumer* kafka, RdKafka::ErrorCode err,
                    std::vector<RdKafka::TopicPartition*>& partitions) override;
  void run();
  void handle(RdKafka::Message& record);
  void resume_due_partitions();
  void commit_handled();

  Executor executor;
  ConsumerOptions options;
  Handler handler;
  detail::LogEvents events;
  CommitReports commits;
  detail::PartitionRetries retries;  // only touched on the polling thread
  std::unique_ptr<RdKafka::KafkaConsumer> consumer;
  std::atomic<bool> stop_requested{false};
  std::thread poller;
};

// Runs inside consume(), on the polling thread.
void Consumer::Impl::rebalance_cb(RdKafka::KafkaConsumer* kafka, RdKafka::ErrorCode err,
                                  std::vector<RdKafka::TopicPartition*>& partitions) {
  if (err == RdKafka::ERR__ASSIGN_PARTITIONS) {
    log::info("kafka partitions assigned", {{"group", options.group_id}, {"partitions", describe(partitions)}});
    kafka->assign(partitions);
    // One this member paused after a failure and lost in an earlier rebalance must not come back paused.
    kafka->resume(partitions);
    return;
  }
  log::info("kafka partitions revoked", {{"group", options.group_id}, {"partitions", describe(partitions)}});
  commit_handled();
  for (const auto* p : partitions) retries.forget({p->topic(), p->partition()});
  kafka->unassign();
}

// Commits the offsets stored after each handled message, waiting for the broker's answer.
void Consumer::Impl::commit_handled() {
  const RdKafka::ErrorCode err = consumer->commitSync();
  if (err != RdKafka::ERR_NO_ERROR && err != RdKafka::ERR__NO_OFFSET) {
    log::warn("kafka offset commit failed; the messages will be handled again",
              {{"group", options.group_id}, {"error", RdKafka::err2str(err)}});
  }
}

void Consumer::Impl::resume_due_partitions() {
  for (const PartitionId& id : retries.due(std::chrono::steady_clock::now())) {
    PartitionList list;
    list.add(id.topic, id.partition);
    consumer->resume(list.raw());
  }
}

void Consumer::Impl::handle(RdKafka::Message& record) {
  Message message;
  message.topic = record.topic_name();
  message.partition = record.partition();
  message.offset = record.offset();
  if (record.key() != nullptr) message.key = *record.key();
  if (record.payload() != nullptr) message.payload.assign(static_cast<const char*>(record.payload()), record.len());
  const RdKafka::MessageTimestamp timestamp = record.timestamp();
  if (timestamp.type != RdKafka::MessageTimestamp::MSG_TIMESTAMP_NOT_AVAILABLE) {
    message.timestamp_ms = timestamp.timestamp;
  }
  const PartitionId id{message.topic, message.partition};

  std::exception_ptr failure;
  try {
    // Blocks this thread (not the executor's) until the handler finished. Should the executor be shut down
    // first, the future breaks: a failure like any other, the message stays uncommitted.
    asio::co_spawn(executor, handler(message), asio::use_future).get();
  } catch (...) {
    failure = std::current_exception();
  }

  if (!failure) {
    retries.forget(id);
    PartitionList next;
    next.add(message.topic, message.partition, message.offset + 1);
    consumer->offsets_store(next.raw());
    consumer->commitAsync();
    return;
  }

  // Not committed. Pause the partition and rewind it to this message, which comes again after the backoff;
  // the other partitions go on meanwhile.
  const auto backoff = retries.failed(id, std::chrono::steady_clock::now());
  PartitionList here;
  here.add(message.topic, message.partition, message.offset);
  consumer->pause(here.raw());
  const RdKafka::ErrorCode seek = consumer->seek(*here.raw().front(), seek_timeout_ms);
  log::warn("event handler failed; the message will be handled again",
            {{"group", options.group_id},
             {"topic", message.topic},
             {"partition", message.partition},
             {"offset", static_cast<long long>(message.offset)},
             {"failures", retries.failures(id)},
             {"retry_in_ms", static_cast<long long>(backoff.count())},
             {"error", exception_text(failure)}});
  if (seek != RdKafka::ERR_NO_ERROR) {
    // The partition was probably revoked meanwhile: its next owner starts from the committed offset anyway.
    log::warn("kafka seek failed", {{"group", options.group_id}, {"error", RdKafka::err2str(seek)}});
  }
}

void Consumer::Impl::run() {
  const RdKafka::ErrorCode subscribed = consumer->subscribe(options.topics);
  if (subscribed != RdKafka::ERR_NO_ERROR) {
    log::error("kafka subscribe failed", {{"group", options.group_id}, {"error", RdKafka::err2str(subscribed)}});
  }
  while (subscribed == RdKafka::ERR_NO_ERROR && !stop_requested.load()) {
    resume_due_partitions();
    std::unique_ptr<RdKafka::Message> record(consumer->consume(poll_timeout_ms));
    if (!record) continue;
    switch (record->err()) {
      case RdKafka::ERR_NO_ERROR:
        handle(*record);
        break;
      case RdKafka::ERR__TIMED_OUT:
      case RdKafka::ERR__PARTITION_EOF:
        break;
      default:
        log::warn(
            "kafka consumer error",
            {{"group", options.group_id}, {"error", RdKafka::err2str(record->err())}, {"detail", record->errstr()}});
        break;
    }
  }
  commit_handled();
  // Leaves the group at once (the revocation commits again, harmlessly) instead of after the session timeout.
  consumer->close();
}

Consumer::Consumer(Executor executor, ConsumerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(executor), std::move(options), std::move(handler))) {
  const ConsumerOptions& o = impl_->options;
  if (o.group_id.empty()) throw KafkaError("kafka consumer: group_id is required");
  if (o.topics.empty()) throw KafkaError("kafka consumer: no topics to consume");
  if (!impl_->handler) throw KafkaError("kafka consumer: no handler");
  const detail::Settings settings = {
      {"bootstrap.servers", o.brokers},
      {"group.id", o.group_id},
      {"client.id", o.client_id},
      {"enable.auto.commit", "false"},
      {"enable.auto.offset.store", "false"},
      {"auto.offset.reset", o.offset_reset},
      {"session.timeout.ms", std::to_string(o.session_timeout.count())},
      {"reconnect.backoff.ms", "100"},
      {"reconnect.backoff.max.ms", "1000"},
  };
  auto conf = detail::make_conf(settings, &impl_->events);
  detail::set_callback(*conf, "rebalance_cb", static_cast<RdKafka::RebalanceCb*>(impl_.get()));
  detail::set_callback(*conf, "offset_commit_cb", &impl_->commits);
  std::string error;
  impl_->consumer.reset(RdKafka::KafkaConsumer::create(conf.get(), error));
  if (!impl_->consumer) throw KafkaError("creating the Kafka consumer: " + error);
  impl_->poller = std::thread([impl = impl_.get()] { impl->run(); });
}

Consumer::~Consumer() { stop(); }

void Consumer::request_stop() {
  impl_->stop_requested = true;
  impl_->consumer->yield();  // cuts a consume() wait short
}

void Consumer::stop() {
  request_stop();
  if (impl_->poller.joinable()) impl_->poller.join();
}

}  // namespace dt::events
