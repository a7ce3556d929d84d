// The demo banks in services/catalog/data must import without a single rejection. vn-bank.json and
// uk-bank.json are required (a missing one fails the test); any other *-bank.json there is checked too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "catalog/io/bank_parse.hpp"
#include "catalog/io/io_test_support.hpp"
#include "json/body.hpp"

namespace {

using namespace dt::catalog::io;

const std::filesystem::path kDataDir = std::filesystem::path(DT_DEFAULT_SOURCE_DIR) / "services/catalog/data";

std::set<std::filesystem::path> bank_files() {
  std::set<std::filesystem::path> files{kDataDir / "vn-bank.json", kDataDir / "uk-bank.json"};
  for (const auto& entry : std::filesystem::directory_iterator(kDataDir)) {
    if (entry.path().filename().string().ends_with("-bank.json")) files.insert(entry.path());
  }
  return files;
}

TEST(DemoBanks, ImportWithoutRejections) {
  for (const auto& file : bank_files()) {
    SCOPED_TRACE(file.string());
    std::ifstream in(file, std::ios::binary);
    ASSERT_TRUE(in) << "missing demo bank " << file;
    std::stringstream text;
    text << in.rdbuf();
    const boost::json::value document = dt::json::parse_body(text.str(), 64);
    const BankParse parsed = parse_bank(document);
    EXPECT_TRUE(parsed.report.ok()) << parsed.report.rejection_count() << " rejections:\n"
                                    << iotest::listed(parsed.report);
    // Every row read and accepted, none skipped.
    for (const char* section : {"jurisdictions", "topics", "licence_classes", "questions", "blueprints"}) {
      ASSERT_TRUE(document.at(section).is_array()) << section;
      EXPECT_EQ(parsed.report.rows().at(section), document.at(section).as_array().size()) << section;
    }
    EXPECT_EQ(parsed.accepted.questions.size(), document.at("questions").as_array().size());
    EXPECT_EQ(parsed.accepted.blueprints.size(), document.at("blueprints").as_array().size());
    EXPECT_FALSE(parsed.accepted.questions.empty());
    // Export and re-import give the same content.
    EXPECT_EQ(parse_bank(bank_to_json(parsed.accepted)).accepted, parsed.accepted);
  }
}

}  // namespace
