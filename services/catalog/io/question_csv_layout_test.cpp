#include "catalog/io/question_csv_layout.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog::io;

TEST(QuestionCsvLayout, HeaderFollowsTheDocumentedOrder) {
  const std::vector<std::string> header = question_csv_header({"vi", "en"});
  ASSERT_EQ(header.size(), 4u + 2 + 12 + 3 + 2 + 8);
  EXPECT_EQ(header[0], "external_id");
  EXPECT_EQ(header[4], "text_vi");
  EXPECT_EQ(header[5], "text_en");
  EXPECT_EQ(header[6], "option1_vi");
  EXPECT_EQ(header[7], "option1_en");
  EXPECT_EQ(header[17], "option6_en");
  EXPECT_EQ(header[18], "correct");
  EXPECT_EQ(header[21], "explanation_vi");
  EXPECT_EQ(header.back(), "status");
  for (const auto& name : header) EXPECT_TRUE(parse_csv_column(name).has_value()) << name;
}

TEST(QuestionCsvLayout, ParsesLocalizedColumns) {
  const auto option = parse_csv_column("option3_en-GB");
  ASSERT_TRUE(option);
  EXPECT_EQ(option->kind, CsvColumn::Kind::option);
  EXPECT_EQ(option->option, 3);
  EXPECT_EQ(option->language, "en-GB");
  for (const char* bad :
       {"option7_vi", "option0_vi", "option1vi", "text_EN", "text_", "answer", "Text_vi", "option1_"}) {
    EXPECT_FALSE(parse_csv_column(bad).has_value()) << bad;
  }
}

TEST(QuestionCsvLayout, MapsDomainFieldsToColumns) {
  const std::vector<std::string> languages{"vi", "en"};
  EXPECT_EQ(csv_column_of("options[1].text.en", languages), "option2_en");
  EXPECT_EQ(csv_column_of("options[0].text", languages), "option1_vi");
  EXPECT_EQ(csv_column_of("options", languages), "correct");
  EXPECT_EQ(csv_column_of("text", languages), "text_vi");
  EXPECT_EQ(csv_column_of("text.en", languages), "text_en");
  EXPECT_EQ(csv_column_of("explanation.vi", languages), "explanation_vi");
  EXPECT_EQ(csv_column_of("numeric_answer", languages), "numeric_value");
  EXPECT_EQ(csv_column_of("numeric_answer.tolerance", languages), "numeric_tolerance");
  EXPECT_EQ(csv_column_of("media[2].key", languages), "media");
  EXPECT_EQ(csv_column_of("pools[1]", languages), "pools");
  EXPECT_EQ(csv_column_of("external_id", languages), "external_id");
}

}  // namespace
