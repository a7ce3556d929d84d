#include "catalog/io/csv_reader.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog::io;
using Fields = std::vector<std::string>;

std::vector<Fields> fields(const CsvTable& table) {
  std::vector<Fields> out;
  for (const auto& record : table.records) out.push_back(record.fields);
  return out;
}

TEST(CsvReader, ReadsPlainRecordsWithAnyLineBreak) {
  const CsvTable table = read_csv("a,b,c\r\n1,2,3\n4,5,6\rx,,z");
  EXPECT_FALSE(table.error);
  EXPECT_EQ(fields(table), (std::vector<Fields>{{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5", "6"}, {"x", "", "z"}}));
  EXPECT_EQ(table.records[3].line, 4);
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaksByteForByte) {
  const CsvTable table = read_csv("id,text\r\n1,\"Dừng lại, \"\"ngay\"\"!\r\nDòng hai\nDòng ba\"\r\n2,\"\"\r\n3,x\r\n");
  ASSERT_FALSE(table.error) << table.error->message;
  ASSERT_EQ(table.records.size(), 4u);
  EXPECT_EQ(table.records[1].fields[1], "Dừng lại, \"ngay\"!\r\nDòng hai\nDòng ba");
  EXPECT_EQ(table.records[2].fields[1], "");
  EXPECT_EQ(table.records[1].line, 2);
  EXPECT_EQ(table.records[2].line, 5) << "the quoted line breaks count as lines";
  EXPECT_EQ(table.records[3].line, 6);
}

TEST(CsvReader, SkipsAByteOrderMarkAndEmptyLines) {
  const CsvTable table = read_csv("\xEF\xBB\xBFid,kind\r\n\r\nvn-1,choice\r\n\r\n");
  EXPECT_FALSE(table.error);
  EXPECT_EQ(fields(table), (std::vector<Fields>{{"id", "kind"}, {"vn-1", "choice"}}));
  EXPECT_EQ(table.records[1].line, 3);
  EXPECT_EQ(fields(read_csv("")), std::vector<Fields>{});
  EXPECT_EQ(fields(read_csv("\xEF\xBB\xBF")), std::vector<Fields>{});
}

TEST(CsvReader, AQuotedEmptyFieldOrATrailingCommaIsNoEmptyLine) {
  EXPECT_EQ(fields(read_csv("\"\"\n,\n")), (std::vector<Fields>{{""}, {"", ""}}));
  EXPECT_EQ(fields(read_csv("a,")), (std::vector<Fields>{{"a", ""}}));
}

TEST(CsvReader, SyntaxErrorsStopTheReadingAndNameTheLine) {
  CsvTable open = read_csv("a,b\n1,\"never closed\n2,3\n");
  ASSERT_TRUE(open.error);
  EXPECT_EQ(open.error->line, 2);
  EXPECT_EQ(open.records.size(), 1u);

  CsvTable stray = read_csv("a,b\n1,2\n3,5\" screen\n");
  ASSERT_TRUE(stray.error);
  EXPECT_EQ(stray.error->line, 3);
  EXPECT_EQ(stray.records.size(), 2u);

  CsvTable after = read_csv("a,b\n\"x\"y,2\n");
  ASSERT_TRUE(after.error);
  EXPECT_EQ(after.error->line, 2);
}

}  // namespace
