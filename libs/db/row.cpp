#include "db/row.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <limits>

#include "db/error.hpp"

namespace dt::db {
namespace {

template <class T>
bool parse_integer(std::string_view text, T& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

bool parse_double(std::string_view text, double& out) {
  if (text == "NaN") {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (text == "Infinity" || text == "-Infinity") {
    out = text[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return true;
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && end == text.data() + text.size();
}

}  // namespace

bool Row::is_null(int column) const {
  if (column < 0 || column >= PQnfields(result_)) throw Error({}, "column " + std::to_string(column) + " out of range");
  return PQgetisnull(result_, row_, column) == 1;
}

std::string_view Row::text(int column) const {
  if (is_null(column)) return {};
  return {PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column))};
}

int Row::column_index(std::string_view column_name) const {
  const std::string name(column_name);
  const int index = PQfnumber(result_, name.c_str());
  if (index < 0) throw Error({}, "result has no column named '" + name + "'");
  return index;
}

std::string_view Row::not_null(int column) const {
  if (is_null(column)) {
    throw Error({}, std::string("column '") + PQfname(result_, column) + "' is NULL; read it as a std::optional");
  }
  return text(column);
}

void Row::bad_value(int column, std::string_view wanted) const {
  throw Error({}, std::string("column '") + PQfname(result_, column) + "' value '" + std::string(text(column)) +
                      "' is not " + std::string(wanted));
}

void Row::read(int column, std::string& out) const { out = std::string(not_null(column)); }

void Row::read(int column, std::int32_t& out) const {
  if (!parse_integer(not_null(column), out)) bad_value(column, "an int32");
}

void Row::read(int column, std::int64_t& out) const {
  if (!parse_integer(not_null(column), out)) bad_value(column, "an int64");
}

void Row::read(int column, double& out) const {
  if (!parse_double(not_null(column), out)) bad_value(column, "a double");
}

void Row::read(int column, bool& out) const {
  const std::string_view value = not_null(column);
  if (value == "t") {
    out = true;
  } else if (value == "f") {
    out = false;
  } else {
    bad_value(column, "a bool");
  }
}

}  // namespace dt::db
