#include "db/result.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <string>

#include "db/error.hpp"

namespace dt::db {

void Result::Clear::operator()(pg_result* result) const noexcept { PQclear(result); }

std::size_t Result::size() const { return result_ ? static_cast<std::size_t>(PQntuples(result_.get())) : 0; }

Row Result::operator[](std::size_t row) const {
  if (row >= size())
    throw Error({}, "row " + std::to_string(row) + " out of range (" + std::to_string(size()) + " rows)");
  return Row(result_.get(), static_cast<int>(row));
}

int Result::column_count() const { return result_ ? PQnfields(result_.get()) : 0; }

std::string_view Result::column_name(int column) const {
  const char* name = result_ ? PQfname(result_.get(), column) : nullptr;
  if (!name) throw Error({}, "column " + std::to_string(column) + " out of range");
  return name;
}

std::int64_t Result::affected_rows() const {
  if (!result_) return 0;
  const std::string_view text = PQcmdTuples(result_.get());
  std::int64_t count = 0;
  std::from_chars(text.data(), text.data() + text.size(), count);
  return count;
}

std::string_view Result::command() const { return result_ ? PQcmdStatus(result_.get()) : ""; }

}  // namespace dt::db
