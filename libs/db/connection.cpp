#include "db/connection.hpp"

#include <poll.h>

#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>
#include <thread>
#include <vector>

namespace dt::db {
namespace {

namespace asio = boost::asio;
using Wait = asio::posix::stream_descriptor::wait_type;
using PgResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Past this many distinct statements on one connection (SQL built at run time?), new ones run unprepared.
constexpr std::size_t kMaxPreparedStatements = 256;

std::string first_line(const char* text) {
  std::string line = text ? text : "";
  line = line.substr(0, line.find('\n'));
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
  return line;
}

std::string field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value ? value : "";
}

bool is_connection_failure(const std::string& sqlstate) {
  // Class 08: connection exception; 57P01..57P03: admin/crash shutdown, cannot connect now.
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" || sqlstate == "57P03";
}

// The prepared-statement cache key: the SQL text plus the parameter types it was prepared with.
std::string statement_key(const std::string& sql, const std::vector<Oid>& types) {
  std::string key = sql;
  key.push_back('\0');
  for (Oid type : types) key += std::to_string(type) + ',';
  return key;
}

}  // namespace

Connection::Connection(Executor executor, PGconn* pg) : pg_(pg), socket_(std::move(executor)) {}

Connection::~Connection() {
  // libpq owns the socket: stop watching it without closing it, then let PQfinish close it.
  if (socket_.is_open()) socket_.release();
  PQfinish(pg_);
}

Awaitable<std::unique_ptr<Connection>> Connection::open(Executor executor, const PoolOptions& options) {
  // expand_dbname = 1: the "dbname" value may be a whole postgresql:// URI; later keywords override it.
  std::vector<const char*> keys{"dbname", "client_encoding"};
  std::vector<const char*> values{options.url.c_str(), "UTF8"};
  if (!options.application_name.empty()) {
    keys.push_back("application_name");
    values.push_back(options.application_name.c_str());
  }
  keys.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* pg = PQconnectStartParams(keys.data(), values.data(), 1);
  if (!pg) throw std::bad_alloc();
  std::unique_ptr<Connection> connection(new Connection(std::move(executor), pg));

  PostgresPollingStatusType state = PQstatus(pg) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
  while (state != PGRES_POLLING_OK) {
    if (state == PGRES_POLLING_FAILED)
      throw Unavailable("cannot connect to PostgreSQL: " + connection->error_message());
    connection->watch_socket();  // libpq may have moved on to another address, with another socket
    co_await connection->socket_.async_wait(state == PGRES_POLLING_READING ? Wait::wait_read : Wait::wait_write,
                                            asio::use_awaitable);
    state = PQconnectPoll(pg);
  }
  connection->watch_socket();
  if (PQsetnonblocking(pg, 1) != 0) throw Unavailable("PostgreSQL: " + connection->error_message());
  // Notices ("schema already exists, skipping") would go to stderr by default.
  PQsetNoticeProcessor(
      pg, [](void*, const char*) {}, nullptr);
  co_return connection;
}

void Connection::watch_socket() {
  if (socket_.is_open()) socket_.release();
  const int fd = PQsocket(pg_);
  if (fd < 0) throw Unavailable("PostgreSQL: connection has no socket: " + error_message());
  socket_.assign(fd);
}

Awaitable<Result> Connection::query(std::string_view sql_text, const Params& params) {
  const std::string sql(sql_text);
  std::vector<Oid> types;
  std::vector<const char*> values;
  types.reserve(params.size());
  values.reserve(params.size());
  for (const Param& param : params) {
    types.push_back(param.type());
    if (!param.is_null() && param.text().find('\0') != std::string::npos) {
      throw Error({}, "parameter $" + std::to_string(values.size() + 1) + " contains a NUL character");
    }
    values.push_back(param.is_null() ? nullptr : param.text().c_str());
  }
  const int count = static_cast<int>(params.size());

  std::string key = statement_key(sql, types);
  auto statement = statements_.find(key);
  if (statement == statements_.end() && statements_.size() < kMaxPreparedStatements) {
    std::string name = "dt_" + std::to_string(++next_statement_);
    if (!PQsendPrepare(pg_, name.c_str(), sql.c_str(), count, types.data())) throw_lost(false);
    co_await flush();
    co_await collect(false);  // preparing runs nothing: a connection lost here means the statement never ran
    statement = statements_.emplace(std::move(key), std::move(name)).first;
  }
  const int queued =
      statement != statements_.end()
          ? PQsendQueryPrepared(pg_, statement->second.c_str(), count, values.data(), nullptr, nullptr, 0)
          : PQsendQueryParams(pg_, sql.c_str(), count, types.data(), values.data(), nullptr, nullptr, 0);
  if (!queued) throw_lost(false);
  // A statement not entirely written can not have committed anything (that needs the trailing Sync message).
  co_await flush();
  try {
    co_return co_await collect(true);
  } catch (const Error& e) {
    // A table changed under the prepared statement ("cached plan must not change result type") or the server
    // forgot it (DISCARD ALL): prepare it again next time.
    if ((e.sqlstate() == "0A000" || e.sqlstate() == "26000") && statement != statements_.end()) {
      statements_.erase(statement);
    }
    throw;
  }
}

Awaitable<Result> Connection::script(std::string_view sql_text) {
  const std::string sql(sql_text);
  if (!PQsendQuery(pg_, sql.c_str())) throw_lost(false);
  co_await flush();
  co_return co_await collect(true);
}

Awaitable<void> Connection::flush() {
  for (;;) {
    const int pending = PQflush(pg_);
    if (pending == 0) co_return;
    if (pending < 0) throw_lost(false);
    // The socket buffer is full (a large parameter). Take in whatever the server sent meanwhile, as libpq asks,
    // then wait until the socket drains. (The server does not answer before it has read the whole message, so
    // it can not be stuck writing to us while we wait here.)
    if (!PQconsumeInput(pg_)) throw_lost(false);
    co_await socket_.async_wait(Wait::wait_write, asio::use_awaitable);
  }
}

Awaitable<Result> Connection::collect(bool sent) {
  PgResultPtr last(nullptr, &PQclear);
  PgResultPtr failure(nullptr, &PQclear);
  for (;;) {
    while (PQisBusy(pg_)) {
      co_await socket_.async_wait(Wait::wait_read, asio::use_awaitable);
      if (!PQconsumeInput(pg_)) throw_lost(sent);
    }
    PgResultPtr result(PQgetResult(pg_), &PQclear);
    if (!result) break;
    switch (PQresultStatus(result.get())) {
      case PGRES_FATAL_ERROR:
      case PGRES_BAD_RESPONSE:
        if (!failure) failure = std::move(result);  // the first error explains; later ones follow from it
        break;
      case PGRES_COPY_IN:
      case PGRES_COPY_OUT:
      case PGRES_COPY_BOTH:
        // The connection is now in COPY mode; Database drops it on this exception.
        throw std::logic_error("dt::db: COPY is not supported");
      default:
        last = std::move(result);
    }
  }
  if (failure) {
    const std::string sqlstate = field(failure.get(), PG_DIAG_SQLSTATE);
    std::string message = field(failure.get(), PG_DIAG_MESSAGE_PRIMARY);  // DETAIL may hold row values: left out
    if (message.empty()) message = first_line(PQresultErrorMessage(failure.get()));
    if (PQstatus(pg_) == CONNECTION_BAD || is_connection_failure(sqlstate)) {
      if (!sent) throw NotSent("PostgreSQL connection lost: " + message, sqlstate);
      throw Unavailable("PostgreSQL connection lost: " + message, sqlstate);
    }
    throw Error(sqlstate, message, field(failure.get(), PG_DIAG_CONSTRAINT_NAME));
  }
  if (PQstatus(pg_) == CONNECTION_BAD) throw_lost(sent);
  co_return Result(last.release());
}

void Connection::throw_lost(bool sent) const {
  if (PQstatus(pg_) != CONNECTION_BAD) {
    // libpq refused for another reason (e.g. a statement already in progress): a bug; Database drops us.
    throw std::logic_error("dt::db: libpq refused the statement: " + error_message());
  }
  const std::string message = "PostgreSQL connection lost: " + error_message();
  if (!sent) throw NotSent(message);
  throw Unavailable(message);
}

std::string Connection::error_message() const { return first_line(PQerrorMessage(pg_)); }

bool Connection::alive() {
  if (PQstatus(pg_) != CONNECTION_OK) return false;
  // Nothing to read means the idle connection is intact. When a server shuts down it sends a FATAL error to
  // idle sessions and closes them: reading that (a notice while idle) and then end-of-file marks it bad.
  for (int reads = 0; reads < 4; ++reads) {
    pollfd readable{PQsocket(pg_), POLLIN, 0};
    if (::poll(&readable, 1, 0) == 0) break;
    if (!PQconsumeInput(pg_)) return false;
    PQisBusy(pg_);  // parses what arrived while idle (handled as a notice)
  }
  return PQstatus(pg_) == CONNECTION_OK && PQtransactionStatus(pg_) == PQTRANS_IDLE;
}

void Connection::cancel_in_background() {
  PGcancel* cancel = PQgetCancel(pg_);
  if (!cancel) return;
  try {
    std::thread([cancel] {
      char error[256];
      PQcancel(cancel, error, sizeof error);  // best effort: the connection is closed anyway
      PQfreeCancel(cancel);
    }).detach();
  } catch (const std::system_error&) {
    PQfreeCancel(cancel);
  }
}

}  // namespace dt::db
