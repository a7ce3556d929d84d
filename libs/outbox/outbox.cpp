#include "outbox/outbox.hpp"

#include <boost/json/serialize.hpp>

#include "db/param.hpp"

namespace dt::outbox {

Awaitable<std::string> append(db::Transaction& tx, std::string_view table, const OutboxEvent& event) {
  const std::string sql = "INSERT INTO " + std::string(table) +
                          " (type, version, subject, data, trace_id) VALUES ($1, $2, $3, $4, $5) RETURNING id::text";
  const db::Json data(boost::json::serialize(event.data));
  const std::int32_t version = event.version;
  const db::Result result = co_await tx.query(sql, event.type, version, event.subject, data, event.trace_id);
  co_return result[0].get<std::string>(0);
}

}  // namespace dt::outbox
