#include "catalog/store/store_internal.hpp"

#include "catalog/io/instant_json.hpp"
#include "catalog/store/content_codec.hpp"
#include "catalog/store/store_migrations.hpp"

namespace dt::catalog::store::detail {

std::string sql_instant(TimePoint instant) { return io::format_instant(instant); }

TimePoint instant_from_us(std::int64_t micros) {
  return TimePoint{std::chrono::duration_cast<TimePoint::duration>(std::chrono::microseconds{micros})};
}

bool is_uuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      return false;
    }
  }
  return true;
}

Question question_from_row(const db::Row& row) {
  return question_from_content(row.get<std::string>("content"), row.get<std::int64_t>("id"),
                               row.get<std::int32_t>("revision"));
}

Awaitable<std::int64_t> lock_bank(db::Transaction& tx, const std::string& schema) {
  const db::Result result = co_await tx.query(qualify("SELECT version FROM catalog.bank_version FOR UPDATE", schema));
  co_return result[0].get<std::int64_t>(0);
}

Awaitable<std::int64_t> bump_bank(db::Transaction& tx, const std::string& schema, const std::string& actor) {
  const db::Result result = co_await tx.query(
      qualify("UPDATE catalog.bank_version SET version = version + 1, changed_at = now(), changed_by = $1 "
              "RETURNING version",
              schema),
      actor);
  co_return result[0].get<std::int64_t>(0);
}

}  // namespace dt::catalog::store::detail
