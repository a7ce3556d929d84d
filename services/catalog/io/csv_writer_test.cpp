#include "catalog/io/csv_writer.hpp"

#include <gtest/gtest.h>

#include "catalog/io/csv_reader.hpp"

namespace {

using namespace dt::catalog::io;

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  std::string out;
  append_csv_record(out, {"plain", "a,b", "say \"hi\"", "two\r\nlines", " padded", "", "Tiếng Việt"});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\" padded\",,Tiếng Việt\r\n");
}

TEST(CsvWriter, WhatItWritesReadsBack) {
  const std::vector<std::string> fields{
      "", ",", "\"", "\"\"", "\n", "\r", "\r\n", "a\"b,c\nd", "Đường cao tốc, \"làn\" 1"};
  std::string out;
  append_csv_record(out, fields);
  append_csv_record(out, fields);
  const CsvTable table = read_csv(out);
  ASSERT_FALSE(table.error) << table.error->message;
  ASSERT_EQ(table.records.size(), 2u);
  EXPECT_EQ(table.records[0].fields, fields);
  EXPECT_EQ(table.records[1].fields, fields);
}

}  // namespace
