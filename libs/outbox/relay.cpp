// OutboxRelay: outbox rows -> CloudEvents envelopes -> Kafka, in seq order, marked published once acknowledged.
#include "outbox/relay.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "db/schema_name.hpp"
#include "log/log.hpp"
#include "service/periodic_task.hpp"

namespace dt::outbox {
namespace {

namespace asio = boost::asio;

// The advisory lock's first key: "OB". The second is hashtext(table).
constexpr std::int32_t kLockClass = 0x4f42;
constexpr auto kCleanupEvery = std::chrono::hours(1);

bool valid_table_name(std::string_view table) {
  const auto dot = table.find('.');
  return dot != std::string_view::npos && db::is_valid_schema_name(table.substr(0, dot)) &&
         db::is_valid_schema_name(table.substr(dot + 1));
}

struct Row {
  std::int64_t seq = 0;
  events::Event event;
};

struct Batch {
  int fetched = 0;
  int published = 0;
  std::string error;  // the first failure; empty when every row was published
};

events::Event event_of(const db::Row& row, const std::string& source) {
  events::Event event;
  event.id = row.get<std::string>(1);
  event.type = row.get<std::string>(2);
  event.version = row.get<std::int32_t>(3);
  event.subject = row.get<std::string>(4);
  event.data = boost::json::parse(row.text(5)).as_object();
  event.trace_id = row.get<std::string>(6);
  event.time = row.get<std::string>(7);
  event.source = source;
  return event;
}

// Hands every event to the producer in order, then awaits all acknowledgements. Returns, per event, its
// failure or nullptr. The publishes start on this coroutine's executor one after the other, so they reach
// librdkafka in the order of `rows`.
Awaitable<std::vector<std::exception_ptr>> publish_all(events::Producer& producer, const std::string& topic,
                                                       const std::vector<Row>& rows) {
  const auto executor = co_await asio::this_coro::executor;
  using Operation = decltype(asio::co_spawn(executor, producer.publish(topic, rows.front().event), asio::deferred));
  std::vector<Operation> operations;
  operations.reserve(rows.size());
  for (const auto& row : rows)
    operations.push_back(asio::co_spawn(executor, producer.publish(topic, row.event), asio::deferred));
  auto [order, errors, deliveries] = co_await asio::experimental::make_parallel_group(std::move(operations))
                                         .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
  co_return std::move(errors);
}

std::string bigint_array(const std::vector<std::int64_t>& values) {
  std::string text = "{";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text += ',';
    text += std::to_string(values[i]);
  }
  return text + "}";
}

std::string what(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace

struct OutboxRelay::Impl {
  db::Database& db;
  events::Producer& producer;
  RelayOptions options;
  std::string select_sql;
  std::string mark_sql;
  std::string cleanup_sql;
  metrics::Counter* published = nullptr;
  metrics::Counter* failures = nullptr;
  std::atomic<bool> stopped{false};
  bool failing = false;  // touched by one pass at a time
  std::chrono::steady_clock::time_point next_cleanup{};
  std::mutex task_mutex;
  std::unique_ptr<service::PeriodicTask> task;

  Impl(db::Database& database, events::Producer& events_producer, RelayOptions relay_options)
      : db(database), producer(events_producer), options(std::move(relay_options)) {
    const std::string& table = options.table;
    select_sql =
        "SELECT seq, id::text, type, version, subject, data::text, trace_id,"
        " to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
        " FROM " +
        table + " WHERE published_at IS NULL ORDER BY seq LIMIT $1";
    mark_sql = "UPDATE " + table + " SET published_at = now() WHERE seq = ANY($1::bigint[])";
    cleanup_sql = "DELETE FROM " + table + " WHERE published_at < now() - make_interval(hours => $1)";
  }

  // One batch in one transaction: lock, read, publish, mark what the broker acknowledged.
  Awaitable<Batch> relay_batch() {
    co_return co_await db.transaction([this](db::Transaction& tx) -> Awaitable<Batch> {
      Batch batch;
      const db::Result locked =
          co_await tx.query("SELECT pg_try_advisory_xact_lock($1, hashtext($2))", kLockClass, options.table);
      if (!locked[0].get<bool>(0)) co_return batch;  // another relay holds the table: it publishes these rows
      const db::Result result = co_await tx.query(select_sql, static_cast<std::int32_t>(options.batch_size));
      std::vector<Row> rows;
      rows.reserve(result.size());
      for (const db::Row& row : result) rows.push_back(Row{row.get<std::int64_t>(0), event_of(row, options.source)});
      batch.fetched = static_cast<int>(rows.size());
      if (rows.empty()) co_return batch;

      const auto errors = co_await publish_all(producer, options.topic, rows);
      std::vector<std::int64_t> acknowledged;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!errors[i]) {
          acknowledged.push_back(rows[i].seq);
        } else if (batch.error.empty()) {
          batch.error = what(errors[i]);
        }
      }
      if (!acknowledged.empty()) co_await tx.query(mark_sql, bigint_array(acknowledged));
      batch.published = static_cast<int>(acknowledged.size());
      co_return batch;
    });
  }

  Awaitable<void> clean_up_if_due() {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_cleanup) co_return;
    next_cleanup = now + kCleanupEvery;
    const auto hours = static_cast<std::int32_t>(options.retention.count());
    const db::Result deleted = co_await db.query(cleanup_sql, hours);
    if (deleted.affected_rows() > 0) {
      log::info("outbox: published rows past retention deleted",
                {{"table", options.table}, {"rows", static_cast<long long>(deleted.affected_rows())}});
    }
  }

  // Logged once per outage, not on every pass.
  void note_failure(const std::string& error) {
    if (failures) failures->inc();
    if (failing) return;
    failing = true;
    log::warn("outbox relay cannot publish; the rows wait and are retried on every pass",
              {{"table", options.table}, {"topic", options.topic}, {"error", error}});
  }

  void note_success(int count) {
    if (published) published->inc(static_cast<std::uint64_t>(count));
    if (!failing) return;
    failing = false;
    log::info("outbox relay publishing again", {{"table", options.table}, {"topic", options.topic}});
  }
};

OutboxRelay::OutboxRelay(db::Database& db, events::Producer& producer, RelayOptions options, metrics::Registry* metrics)
    : impl_(std::make_unique<Impl>(db, producer, std::move(options))) {
  if (!valid_table_name(impl_->options.table)) {
    throw std::invalid_argument("outbox relay: '" + impl_->options.table + "' is not a schema-qualified table name");
  }
  if (impl_->options.batch_size < 1) throw std::invalid_argument("outbox relay: batch_size must be at least 1");
  if (metrics) {
    const metrics::Labels labels{{"table", impl_->options.table}};
    impl_->published =
        &metrics->counter("dt_outbox_published_total", "Outbox rows published to Kafka and marked", labels);
    impl_->failures = &metrics->counter("dt_outbox_publish_failures_total",
                                        "Relay passes that left rows unpublished (broker or database failing)", labels);
  }
}

OutboxRelay::~OutboxRelay() { stop(); }

const RelayOptions& OutboxRelay::options() const { return impl_->options; }

Awaitable<RelayPass> OutboxRelay::run_pass() {
  RelayPass pass;
  std::string error;
  try {
    while (!impl_->stopped) {
      const Batch batch = co_await impl_->relay_batch();
      pass.published += batch.published;
      if (!batch.error.empty()) {
        error = batch.error;
        break;
      }
      if (batch.fetched < impl_->options.batch_size) break;
    }
    if (error.empty()) co_await impl_->clean_up_if_due();
  } catch (const std::exception& e) {
    error = e.what();
  }
  pass.failed = !error.empty();
  if (pass.failed) {
    impl_->note_failure(error);
    if (impl_->published) impl_->published->inc(static_cast<std::uint64_t>(pass.published));
  } else {
    impl_->note_success(pass.published);
  }
  co_return pass;
}

void OutboxRelay::start(Executor executor) {
  std::lock_guard lock(impl_->task_mutex);
  if (impl_->task || impl_->stopped) return;
  impl_->task = std::make_unique<service::PeriodicTask>("outbox relay " + impl_->options.table, impl_->options.interval,
                                                        [this]() -> Awaitable<void> { co_await run_pass(); });
  impl_->task->start(std::move(executor));
}

void OutboxRelay::stop() {
  impl_->stopped = true;
  std::lock_guard lock(impl_->task_mutex);
  if (impl_->task) impl_->task->stop();
}

}  // namespace dt::outbox
