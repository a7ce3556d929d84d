#include "catalog/io/question_csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "catalog/domain/test_bank.hpp"
#include "catalog/io/csv_reader.hpp"
#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::listed;

KnownReferences vietnam() {
  KnownReferences known;
  known.jurisdictions = {JurisdictionCode("vn")};
  known.topics = {{JurisdictionCode("vn"), TopicCode("vn.1")}, {JurisdictionCode("vn"), TopicCode("vn.2")}};
  return known;
}

const std::string kHeader =
    "external_id,jurisdiction,topic,kind,text_vi,text_en,option1_vi,option1_en,option2_vi,option2_en,correct,"
    "numeric_value,numeric_tolerance,status\r\n";

// A file with the header above and these rows.
std::string file(const std::string& rows) { return kHeader + rows; }

const Rejection* find(const ImportReport& report, int line, const std::string& column) {
  const auto& all = report.rejections();
  const auto it =
      std::find_if(all.begin(), all.end(), [&](const Rejection& r) { return r.line == line && r.field == column; });
  return it == all.end() ? nullptr : &*it;
}

TEST(QuestionCsv, RoundTripsVietnameseTextWithCommasQuotesAndNewlines) {
  std::vector<Question> questions{iotest::vietnamese_question("vn-0001", {0, 2}),
                                  iotest::numeric_question("vn-0002", "-2.5", "0.125"),
                                  iotest::vietnamese_question("vn-0003")};
  questions[2].text.set("vi", "Dòng một,\r\nDòng \"hai\"\nDòng ba, cuối");
  questions[2].options.push_back({LocalizedText().set("vi", " khoảng trắng ở đầu"), false});
  questions[2].group = "clip-17";
  questions[2].media = {{"image:odd-but-valid.png", MediaKind::image}};
  const std::string csv = questions_to_csv(questions);
  EXPECT_TRUE(
      csv.starts_with("\xEF\xBB\xBF"
                      "external_id,jurisdiction,topic,kind,text_vi,text_en,option1_vi"));
  const BankParse parsed = parse_questions_csv(csv, vietnam());
  ASSERT_TRUE(parsed.report.ok()) << listed(parsed.report);
  EXPECT_EQ(parsed.accepted.questions, questions);
  EXPECT_EQ(parsed.report.rows().at("questions"), 3u);
}

TEST(QuestionCsv, TextThatASpreadsheetWouldRunIsExportedAsTextAndImportedUnchanged) {
  std::vector<Question> questions{iotest::vietnamese_question("vn-0001")};
  questions[0].text.set("vi", "=HYPERLINK(\"http://evil.example\",\"Bấm vào đây\")");
  questions[0].explanation.set("vi", "@SUM(1+1)");
  questions[0].options[0].text.set("vi", "-1 điểm");
  const std::string csv = questions_to_csv(questions);
  EXPECT_NE(csv.find("\"'=HYPERLINK("), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'@SUM(1+1)"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'-1 điểm"), std::string::npos) << csv;
  const BankParse parsed = parse_questions_csv(csv, vietnam());
  ASSERT_TRUE(parsed.report.ok()) << listed(parsed.report);
  EXPECT_EQ(parsed.accepted.questions, questions);
}

TEST(QuestionCsv, RoundTripsTheSyntheticBanks) {
  std::vector<Question> bank = fixtures::uk_bank();
  for (Question& q : bank) {
    q.id = 0;  // the CSV carries no store identity
    q.revision = 0;
  }
  KnownReferences known;
  known.jurisdictions = {JurisdictionCode("uk")};
  for (const Question& q : bank) known.topics.insert({q.jurisdiction, q.topic});
  const BankParse parsed = parse_questions_csv(questions_to_csv(bank, {.byte_order_mark = false}), known);
  ASSERT_TRUE(parsed.report.ok()) << listed(parsed.report);
  EXPECT_EQ(parsed.accepted.questions, bank);
}

TEST(QuestionCsv, ExportWritesALanguageColumnPerLanguageUsed) {
  Question q = iotest::vietnamese_question("de-1");
  q.text = LocalizedText().set("de", "Frage?").set("en", "Question?");
  q.explanation = {};
  for (auto& option : q.options) option.text = LocalizedText().set("de", "Antwort");
  const std::string csv = questions_to_csv(std::vector<Question>{q}, {.byte_order_mark = false});
  EXPECT_TRUE(csv.starts_with("external_id,jurisdiction,topic,kind,text_en,text_de,option1_en,option1_de,")) << csv;
  const CsvTable table = read_csv(questions_to_csv(std::vector<Question>{}, {.byte_order_mark = false}));
  ASSERT_EQ(table.records.size(), 1u);
  EXPECT_EQ(table.records[0].fields[4], "text_vi");
}

TEST(QuestionCsv, ReadsAHandWrittenFileWithDefaults) {
  const BankParse parsed = parse_questions_csv(
      "\xEF\xBB\xBF"
      "external_id,jurisdiction,topic,kind,text_vi,option1_vi,option2_vi,option3_vi,correct,"
      "critical,shuffle_options,media,pools\n"
      "vn-9,vn,vn.1,choice,\"Biển nào cấm rẽ trái, \"\"P.123a\"\"?\",Biển 1,Biển 2,Biển 3,2; 3,TRUE,0,"
      "signs/p123a.png video:clips/9.mp4,vn-a  vn-b1\n",
      vietnam());
  ASSERT_TRUE(parsed.report.ok()) << listed(parsed.report);
  const Question& q = parsed.accepted.questions.at(0);
  EXPECT_EQ(*q.text.get("vi"), "Biển nào cấm rẽ trái, \"P.123a\"?");
  EXPECT_EQ(q.options.size(), 3u);
  EXPECT_EQ(q.correct_option_count(), 2);
  EXPECT_TRUE(q.options[1].correct && q.options[2].correct);
  EXPECT_TRUE(q.critical);
  EXPECT_FALSE(q.shuffle_options);
  EXPECT_EQ(q.media, (std::vector<MediaRef>{{"signs/p123a.png", MediaKind::image}, {"clips/9.mp4", MediaKind::video}}));
  EXPECT_EQ(q.pools, (std::vector<std::string>{"vn-a", "vn-b1"}));
  EXPECT_EQ(q.weight, 1);
  EXPECT_EQ(q.status, QuestionStatus::draft);
}

TEST(QuestionCsv, RejectionsNameTheLineAndColumn) {
  const BankParse parsed = parse_questions_csv(
      file("vn-1,vn,vn.1,choice,Câu 1,Q1,A,A,B,B,1,,,published\r\n"           // line 2: fine
           "vn-2,vn,vn.1,choice,\"Câu\r\nhai\",Q2,A,A, ,B,1,,,published\r\n"  // line 3-4: option 2 blank in vi
           "vn-3,vn,vn.1,choice,Câu 3,Q3,A,A,B,B,3,,,published\r\n"           // line 5: no option 3
           "vn-4,vn,vn.1,numeric,Câu 4,Q4,,,,,,2.5001,,published\r\n"         // line 6: too precise
           "vn-5,vn,vn.1,quiz,Câu 5,Q5,A,A,B,B,1,,,live\r\n"                  // line 7: kind and status
           "vn-6,vn,vn.9,choice,Câu 6,Q6,A,A,B,B,1,,,published\r\n"           // line 8: unknown topic
           "vn-1,vn,vn.1,choice,Câu 7,Q7,A,A,B,B,2,,,published\r\n"           // line 9: duplicate external_id
           "vn-8,vn,vn.1,choice,Câu 8,Q8\r\n"                                 // line 10: too few fields
           "vn-9,vn,vn.1,choice,,,A,A,B,B,1,,,published\r\n"                  // line 11: no text
           "vn-12,vn,vn.1,choice,Câu 12,Q12,A,A,B,B,1;1,,,published\r\n"),    // line 12: correct twice
      vietnam());
  const ImportReport& report = parsed.report;
  EXPECT_FALSE(report.ok());
  EXPECT_TRUE(find(report, 3, "option2_vi")) << listed(report);
  EXPECT_TRUE(find(report, 5, "correct")) << listed(report);
  EXPECT_TRUE(find(report, 6, "numeric_value")) << listed(report);
  EXPECT_TRUE(find(report, 7, "kind")) << listed(report);
  EXPECT_TRUE(find(report, 7, "status")) << listed(report);
  EXPECT_TRUE(find(report, 8, "topic")) << listed(report);
  EXPECT_TRUE(find(report, 12, "correct")) << listed(report);
  EXPECT_TRUE(find(report, 9, "external_id")) << listed(report);
  EXPECT_TRUE(find(report, 10, "")) << listed(report);
  EXPECT_TRUE(find(report, 11, "text_vi")) << listed(report);
  EXPECT_EQ(report.rejection_count(), 10u) << listed(report);
  EXPECT_NE(find(report, 9, "external_id")->message.find("line 2"), std::string::npos) << listed(report);
  EXPECT_EQ(find(report, 3, "option2_vi")->index, 1u);
  EXPECT_EQ(find(report, 3, "option2_vi")->key, "vn-2");
  EXPECT_EQ(parsed.accepted.questions.size(), 1u);
}

TEST(QuestionCsv, RowsOfEmptyCellsAreSkipped) {
  const BankParse parsed = parse_questions_csv(file("vn-1,vn,vn.1,choice,Câu 1,Q1,A,A,B,B,1,,,published\r\n"
                                                    ",,,,,,,,,,,,,\r\n,,,,,,,,,,,,,\r\n"),
                                               vietnam());
  EXPECT_TRUE(parsed.report.ok()) << listed(parsed.report);
  EXPECT_EQ(parsed.accepted.questions.size(), 1u);
}

TEST(QuestionCsv, AGapInTheOptionsIsRejected) {
  const BankParse parsed = parse_questions_csv(
      "external_id,jurisdiction,topic,kind,text_vi,option1_vi,option2_vi,option3_vi,correct\n"
      "vn-1,vn,vn.1,choice,Câu?,A,,C,1\n",
      vietnam());
  EXPECT_TRUE(find(parsed.report, 2, "option2_vi")) << listed(parsed.report);
}

TEST(QuestionCsv, HeaderProblemsAreReportedOnLineOne) {
  const ImportReport report =
      parse_questions_csv("external_id,jurisdiction,kind,text_VI,answer,text_vi,text_vi\n", vietnam()).report;
  EXPECT_TRUE(find(report, 1, "text_VI")) << listed(report);
  EXPECT_TRUE(find(report, 1, "answer")) << listed(report);
  EXPECT_TRUE(find(report, 1, "text_vi")) << listed(report);
  EXPECT_TRUE(find(report, 1, "topic")) << listed(report);
  EXPECT_EQ(report.rejections().front().section, "csv");

  EXPECT_TRUE(find(parse_questions_csv("external_id,jurisdiction,topic,kind\n", vietnam()).report, 1, "text_vi"));
  EXPECT_FALSE(parse_questions_csv("", vietnam()).report.ok());
}

TEST(QuestionCsv, ASyntaxErrorIsReportedWithItsLine) {
  const ImportReport report = parse_questions_csv(file("vn-1,vn,vn.1,choice,Câu 1,Q1,A,A,B,B,1,,,published\r\n"
                                                       "vn-2,vn,vn.1,choice,\"Câu 2,Q2,A,A,B,B,1,,,published\r\n"),
                                                  vietnam())
                                  .report;
  ASSERT_EQ(report.rejection_count(), 1u) << listed(report);
  EXPECT_EQ(report.rejections()[0].section, "csv");
  EXPECT_EQ(report.rejections()[0].line, 3);
}

TEST(QuestionCsv, UnknownJurisdictionsAreRejected) {
  const ImportReport report =
      parse_questions_csv(file("de-1,de,de.1,choice,Câu 1,Q1,A,A,B,B,1,,,published\r\n"), vietnam()).report;
  EXPECT_TRUE(find(report, 2, "jurisdiction")) << listed(report);
}

}  // namespace
