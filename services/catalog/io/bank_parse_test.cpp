#include "catalog/io/bank_parse.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <algorithm>

#include "catalog/io/io_test_support.hpp"
#include "catalog/io/question_json.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::listed;
using iotest::parse;

boost::json::object small_document() { return bank_to_json(iotest::small_bank()); }

bool has(const ImportReport& report, const std::string& section, std::size_t index, const std::string& field) {
  const auto& all = report.rejections();
  return std::any_of(all.begin(), all.end(),
                     [&](const Rejection& r) { return r.section == section && r.index == index && r.field == field; });
}

TEST(BankParse, RoundTripsADocument) {
  const BankDocument document = iotest::small_bank();
  const std::string text = boost::json::serialize(bank_to_json(document));
  const BankParse parsed = parse_bank(parse(text));
  EXPECT_TRUE(parsed.report.ok()) << listed(parsed.report);
  EXPECT_EQ(parsed.accepted, document);
  EXPECT_EQ(parsed.report.rows().at("questions"), 2u);
}

TEST(BankParse, RoundTripKeepsStoreIdsAndRevisions) {
  BankDocument document = iotest::small_bank();
  document.questions[0].id = 17;
  document.questions[0].revision = 4;
  EXPECT_EQ(parse_bank(bank_to_json(document)).accepted, document);
}

TEST(BankParse, CollectsEveryBadRowInsteadOfStoppingAtTheFirst) {
  boost::json::object doc = small_document();
  auto& questions = doc["questions"].as_array();
  boost::json::object bad_text = questions[0].as_object();
  bad_text["external_id"] = "vn-0003";
  bad_text["options"].as_array()[1].as_object()["text"].as_object()["vi"] = 7;
  boost::json::object no_correct = questions[0].as_object();
  no_correct["external_id"] = "vn-0004";
  for (auto& option : no_correct["options"].as_array()) option.as_object()["correct"] = false;
  questions.push_back(bad_text);
  questions.push_back(no_correct);
  questions.push_back(parse("42"));
  doc["topics"].as_array()[1].as_object()["ordinal"] = "two";

  const BankParse parsed = parse_bank(doc);
  const ImportReport& report = parsed.report;
  EXPECT_EQ(report.rejection_count(), 4u) << listed(report);
  EXPECT_TRUE(has(report, "topics", 1, "topics[1].ordinal")) << listed(report);
  EXPECT_TRUE(has(report, "questions", 2, "questions[2].options[1].text.vi")) << listed(report);
  EXPECT_TRUE(has(report, "questions", 3, "questions[3].options")) << listed(report);
  EXPECT_TRUE(has(report, "questions", 4, "questions[4]")) << listed(report);
  EXPECT_EQ(report.rejections()[1].key, "vn-0003");
  // In document order, and the good rows are still read (but the caller imports nothing: report not ok).
  EXPECT_EQ(report.rejections()[0].section, "topics");
  EXPECT_EQ(parsed.accepted.questions.size(), 2u);
  EXPECT_EQ(parsed.accepted.topics.size(), 1u);
  // A topic row that is broken is still declared: its questions are not rejected a second time.
  EXPECT_FALSE(has(report, "questions", 1, "questions[1].topic"));
}

TEST(BankParse, TheFormatMustBeDrivetestBank1) {
  boost::json::object doc = small_document();
  doc["format"] = "drivetest-bank/2";
  EXPECT_TRUE(has(parse_bank(doc).report, "document", 0, "format"));
  doc.erase("format");
  EXPECT_TRUE(has(parse_bank(doc).report, "document", 0, "format"));
  doc["format"] = 1;
  EXPECT_TRUE(has(parse_bank(doc).report, "document", 0, "format"));
}

TEST(BankParse, RejectsUnknownMembersAndBadSections) {
  boost::json::object doc = small_document();
  doc["question"] = boost::json::array();
  doc["blueprints"] = boost::json::object();
  const ImportReport report = parse_bank(doc).report;
  EXPECT_TRUE(has(report, "document", 0, "question")) << listed(report);
  EXPECT_TRUE(has(report, "document", 0, "blueprints")) << listed(report);
  EXPECT_TRUE(has(parse_bank(parse("[1, 2]")).report, "document", 0, "body"));
}

TEST(BankParse, SectionsAreOptional) {
  const BankParse parsed = parse_bank(parse(R"({"format": "drivetest-bank/1"})"));
  EXPECT_TRUE(parsed.report.ok()) << listed(parsed.report);
  EXPECT_EQ(parsed.accepted, BankDocument{});
}

TEST(BankParse, RejectsDuplicateKeys) {
  BankDocument d = iotest::small_bank();
  d.jurisdictions.push_back(d.jurisdictions[0]);
  d.topics.push_back(d.topics[0]);
  d.licence_classes.push_back(d.licence_classes[0]);
  d.questions.push_back(d.questions[1]);
  d.blueprints.push_back(d.blueprints[0]);
  const ImportReport report = parse_bank(bank_to_json(d)).report;
  EXPECT_EQ(report.rejection_count(), 5u) << listed(report);
  EXPECT_TRUE(has(report, "jurisdictions", 1, "jurisdictions[1].code")) << listed(report);
  EXPECT_TRUE(has(report, "topics", 2, "topics[2].code")) << listed(report);
  EXPECT_TRUE(has(report, "licence_classes", 1, "licence_classes[1].code")) << listed(report);
  EXPECT_TRUE(has(report, "questions", 2, "questions[2].external_id")) << listed(report);
  EXPECT_TRUE(has(report, "blueprints", 1, "blueprints[1].version")) << listed(report);
  EXPECT_NE(report.rejections()[3].message.find("questions[1]"), std::string::npos) << listed(report);
}

TEST(BankParse, TheSameClassCodeInTwoJurisdictionsIsNoDuplicate) {
  BankDocument d = iotest::small_bank();
  d.jurisdictions.push_back({JurisdictionCode("de"), LocalizedText().set("de", "Deutschland")});
  d.licence_classes.push_back({LicenceClassCode("B"), JurisdictionCode("de"), LocalizedText().set("de", "Klasse B")});
  EXPECT_TRUE(parse_bank(bank_to_json(d)).report.ok());
}

TEST(BankParse, OverlappingBlueprintVersionsAreRejected) {
  BankDocument d = iotest::small_bank();
  Blueprint other = d.blueprints[0];
  other.code = "vn-2025-B-bis";
  d.blueprints.push_back(other);
  const ImportReport report = parse_bank(bank_to_json(d)).report;
  EXPECT_TRUE(has(report, "blueprints", 1, "blueprints[1].valid_from")) << listed(report);
}

TEST(BankParse, ReferencesMustBeDeclaredOrKnown) {
  BankDocument d = iotest::small_bank();
  d.jurisdictions.clear();
  d.topics.erase(d.topics.begin() + 1);  // vn.2
  d.licence_classes.clear();
  const boost::json::object doc = bank_to_json(d);

  const ImportReport unknown = parse_bank(doc).report;
  EXPECT_TRUE(has(unknown, "topics", 0, "topics[0].jurisdiction")) << listed(unknown);
  EXPECT_TRUE(has(unknown, "questions", 0, "questions[0].jurisdiction")) << listed(unknown);
  EXPECT_TRUE(has(unknown, "blueprints", 0, "blueprints[0].jurisdiction")) << listed(unknown);

  KnownReferences known;
  known.jurisdictions.insert(JurisdictionCode("vn"));
  const ImportReport partly = parse_bank(doc, known).report;
  EXPECT_TRUE(has(partly, "questions", 1, "questions[1].topic")) << listed(partly);
  EXPECT_TRUE(has(partly, "blueprints", 0, "blueprints[0].licence_class")) << listed(partly);
  EXPECT_TRUE(has(partly, "blueprints", 0, "blueprints[0].quotas[1].topics[0]")) << listed(partly);
  EXPECT_EQ(partly.rejection_count(), 3u) << listed(partly);

  known.topics.insert({JurisdictionCode("vn"), TopicCode("vn.2")});
  known.licence_classes.insert({JurisdictionCode("vn"), LicenceClassCode("B")});
  const BankParse complete = parse_bank(doc, known);
  EXPECT_TRUE(complete.report.ok()) << listed(complete.report);
  EXPECT_EQ(complete.accepted.questions.size(), 2u);

  // A topic of another jurisdiction does not count.
  KnownReferences wrong_country = known;
  wrong_country.topics = {{JurisdictionCode("de"), TopicCode("vn.2")}};
  EXPECT_TRUE(has(parse_bank(doc, wrong_country).report, "questions", 1, "questions[1].topic"));
}

TEST(BankParse, ReportJsonListsTheRejections) {
  boost::json::object doc = small_document();
  doc["questions"].as_array()[0].as_object()["weight"] = 0;
  const boost::json::object report = import_report_to_json(parse_bank(doc).report);
  EXPECT_EQ(report.at("ok"), false);
  EXPECT_EQ(report.at("rejection_count"), 1);
  const auto& rejection = report.at("rejections").at(0);
  EXPECT_EQ(rejection.at("field"), "questions[0].weight");
  EXPECT_EQ(rejection.at("key"), "vn-0001");
  EXPECT_EQ(rejection.at("message"), "must be at least 1");
  EXPECT_FALSE(rejection.as_object().contains("line"));
}

TEST(BankParse, ALargeBankParsesInOnePass) {
  // 2,000 questions (each duplicate check and reference lookup is a set lookup: no quadratic step).
  BankDocument d = iotest::small_bank();
  d.questions.clear();
  for (int i = 0; i < 2000; ++i) {
    Question q = iotest::vietnamese_question("vn-" + std::to_string(10000 + i), {i % 3});
    q.topic = TopicCode(i % 2 ? "vn.1" : "vn.2");
    d.questions.push_back(std::move(q));
  }
  const BankParse parsed = parse_bank(parse(boost::json::serialize(bank_to_json(d))));
  EXPECT_TRUE(parsed.report.ok()) << listed(parsed.report);
  EXPECT_EQ(parsed.accepted, d);
}

TEST(BankParse, ManyRejectionsAreCountedButListedUpToALimit) {
  boost::json::object doc = small_document();
  auto& questions = doc["questions"].as_array();
  for (std::size_t i = 0; i < ImportReport::kMaxListed + 10; ++i) questions.push_back(parse("null"));
  const ImportReport report = parse_bank(doc).report;
  EXPECT_EQ(report.rejection_count(), ImportReport::kMaxListed + 10);
  EXPECT_EQ(report.rejections().size(), ImportReport::kMaxListed);
  EXPECT_TRUE(report.truncated());
}

}  // namespace
