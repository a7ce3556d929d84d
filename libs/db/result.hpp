#pragma once
// Result: the rows (or the row count) a statement produced; owns libpq's PGresult.
//   for (const Row& row : result) ...      result[0].get<std::int64_t>("id")      result.affected_rows()
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string_view>

#include "db/row.hpp"

namespace dt::db {

class Result {
 public:
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Row;

    Iterator() = default;
    Iterator(const pg_result* result, int row) : result_(result), row_(row) {}
    Row operator*() const { return Row(result_, row_); }
    Iterator& operator++() {
      ++row_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++row_;
      return before;
    }
    bool operator==(const Iterator& other) const { return row_ == other.row_; }

   private:
    const pg_result* result_ = nullptr;
    int row_ = 0;
  };

  Result() = default;
  // Takes ownership of a PGresult (freed with PQclear).
  explicit Result(pg_result* result) : result_(result) {}

  std::size_t size() const;
  bool empty() const { return size() == 0; }
  // Throws Error when row >= size().
  Row operator[](std::size_t row) const;
  Iterator begin() const { return Iterator(result_.get(), 0); }
  Iterator end() const { return Iterator(result_.get(), static_cast<int>(size())); }

  int column_count() const;
  std::string_view column_name(int column) const;
  // Rows inserted, updated, deleted (or selected) by the statement, from its command tag.
  std::int64_t affected_rows() const;
  // The command tag, e.g. "INSERT 0 1", "COMMIT", "ROLLBACK".
  std::string_view command() const;

 private:
  struct Clear {
    void operator()(pg_result* result) const noexcept;
  };
  std::unique_ptr<pg_result, Clear> result_;
};

}  // namespace dt::db
