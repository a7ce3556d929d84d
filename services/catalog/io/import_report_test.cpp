#include "catalog/io/import_report.hpp"

#include <gtest/gtest.h>

namespace {

using namespace dt::catalog::io;

TEST(ImportReport, SortsIntoDocumentOrderAndRemembersRejectedRows) {
  ImportReport report;
  EXPECT_TRUE(report.ok());
  report.reject({"blueprints", 0, "b", "blueprints[0].code", "x", 0});
  report.reject({"questions", 5, "q5", "questions[5].text", "y", 0});
  report.reject({"questions", 2, "q2", "questions[2].text", "z", 0});
  report.reject({"document", 0, "", "format", "w", 0});
  report.finish();
  ASSERT_EQ(report.rejections().size(), 4u);
  EXPECT_EQ(report.rejections()[0].section, "document");
  EXPECT_EQ(report.rejections()[1].key, "q2");
  EXPECT_EQ(report.rejections()[2].key, "q5");
  EXPECT_EQ(report.rejections()[3].section, "blueprints");
  EXPECT_TRUE(report.rejected("questions", 5));
  EXPECT_FALSE(report.rejected("questions", 4));
  EXPECT_FALSE(report.rejected("topics", 0));
  EXPECT_FALSE(report.ok());
}

TEST(ImportReport, JsonNamesCsvLines) {
  ImportReport report;
  report.count_rows("questions", 3);
  report.reject({"questions", 1, "vn-2", "option2_vi", "must not be blank", 7});
  report.finish();
  const boost::json::object json = import_report_to_json(report);
  EXPECT_EQ(json.at("rows").at("questions"), 3);
  EXPECT_EQ(json.at("rejections").at(0).at("line"), 7);
  EXPECT_EQ(json.at("rejections").at(0).at("field"), "option2_vi");
  EXPECT_EQ(json.at("truncated"), false);
}

}  // namespace
