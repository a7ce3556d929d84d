// The real templates (services/notification/templates) and the loader's checks.
#include "notification/mail/template_set.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace dt::notification::mail {
namespace {

using domain::Language;
using domain::NotificationKind;

const std::filesystem::path kTemplates = DT_NOTIFICATION_TEMPLATES_DIR;

boost::json::object exam_values(bool passed) {
  return {{"name", "Ada"},
          {"app_url", "https://drivetest.example"},
          {"blueprint", "vn-2025-B"},
          {"licence_class", "B"},
          {"score", "27"},
          {"max_score", "30"},
          {"passed", passed},
          {"reason_critical_question_wrong", !passed},
          {"finished_at", "2026-11-25 10:25 UTC"},
          {"review_url", "https://drivetest.example/exams/e-1"}};
}

boost::json::object account_values(const std::string& name) {
  return {{"name", name},
          {"username", "ada"},
          {"app_url", "https://drivetest.example"},
          {"time", "2026-11-25 10:25 UTC"},
          {"ip", "203.0.113.7"},
          {"user_agent", "Firefox"}};
}

class Templates : public ::testing::Test {
 protected:
  const TemplateSet set = TemplateSet::load(kTemplates);
};

TEST_F(Templates, EveryKindAndLanguageRendersASubjectATextAndAnHtmlBody) {
  for (const auto kind : domain::kAllKinds) {
    for (const auto language : domain::kAllLanguages) {
      const auto values = kind == NotificationKind::exam_result ? exam_values(false) : account_values("Ada");
      const auto mail = set.render(kind, language, values);
      const std::string where =
          std::string(domain::kind_name(kind)) + "." + std::string(domain::language_code(language));
      EXPECT_FALSE(mail.subject.empty()) << where;
      EXPECT_EQ(mail.subject.find('\n'), std::string::npos) << where;
      EXPECT_NE(mail.text.find("Ada"), std::string::npos) << where;
      EXPECT_NE(mail.html.find("Ada"), std::string::npos) << where;
      EXPECT_NE(mail.html.find("lang=\"" + std::string(domain::language_code(language)) + "\""), std::string::npos)
          << where;
      for (const auto* text : {&mail.subject, &mail.text, &mail.html}) {
        EXPECT_EQ(text->find("{{"), std::string::npos) << where << ": an unrendered tag";
      }
    }
  }
}

TEST_F(Templates, WelcomeSubjectsGreetByNameInTheirLanguage) {
  EXPECT_EQ(set.render(NotificationKind::welcome, Language::en, account_values("Ada")).subject,
            "Welcome to DriveTest, Ada");
  EXPECT_EQ(set.render(NotificationKind::welcome, Language::vi, account_values("Lan")).subject,
            "Chào mừng Lan đến với DriveTest");
}

TEST_F(Templates, ValuesAreHtmlEscapedInHtmlAndNotInText) {
  const auto mail = set.render(NotificationKind::welcome, Language::en, account_values("<b>Ada & \"Bo\"</b>"));
  EXPECT_NE(mail.html.find("&lt;b&gt;Ada &amp; &quot;Bo&quot;&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(mail.html.find("<b>Ada"), std::string::npos);
  EXPECT_NE(mail.text.find("<b>Ada & \"Bo\"</b>"), std::string::npos);
}

TEST_F(Templates, ASubjectStaysOneLineWhateverTheValues) {
  const auto mail = set.render(NotificationKind::welcome, Language::en, account_values("Ada\r\nBcc: eve@example.org"));
  EXPECT_EQ(mail.subject, "Welcome to DriveTest, Ada  Bcc: eve@example.org");
}

TEST_F(Templates, ExamResultsSayPassedOrWhyNot) {
  const auto passed = set.render(NotificationKind::exam_result, Language::en, exam_values(true));
  EXPECT_EQ(passed.subject, "You passed: vn-2025-B mock exam, 27/30");
  EXPECT_NE(passed.text.find("Result: PASSED"), std::string::npos);
  EXPECT_EQ(passed.text.find("not passed"), std::string::npos);
  EXPECT_EQ(passed.text.find("critical question"), std::string::npos);

  const auto failed = set.render(NotificationKind::exam_result, Language::vi, exam_values(false));
  EXPECT_EQ(failed.subject, "Kết quả của bạn: bài thi thử vn-2025-B, 27/30");
  EXPECT_NE(failed.text.find("chưa đạt"), std::string::npos);
  EXPECT_NE(failed.text.find("câu điểm liệt"), std::string::npos);
  EXPECT_EQ(failed.text.find("vượt quá số điểm lỗi"), std::string::npos) << "only the reasons that apply";
  EXPECT_NE(failed.html.find("https://drivetest.example/exams/e-1"), std::string::npos);
}

// A copy of the templates in a temporary directory, to break one file.
class BrokenTemplates : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("dt-templates-" + std::to_string(std::random_device{}()));
    std::filesystem::copy(kTemplates, dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, const std::string& text) { std::ofstream(dir_ / name) << text; }
  std::string load_error() {
    try {
      TemplateSet::load(dir_);
    } catch (const TemplateError& e) {
      return e.what();
    }
    return "";
  }
  std::filesystem::path dir_;
};

TEST_F(BrokenTemplates, AMissingFileIsNamed) {
  std::filesystem::remove(dir_ / "new_ip.vi.html");
  EXPECT_NE(load_error().find("new_ip.vi.html"), std::string::npos);
}

TEST_F(BrokenTemplates, AnUnclosedSectionIsNamed) {
  write("exam_result.en.html", "<p>{{#passed}}yes</p>");
  EXPECT_NE(load_error().find("exam_result.en.html"), std::string::npos);
}

TEST_F(BrokenTemplates, ATextTemplateWithoutItsSubjectLineIsNamed) {
  write("welcome.en.txt", "Hello {{name}}\n");
  EXPECT_NE(load_error().find("welcome.en.txt"), std::string::npos);
}

}  // namespace
}  // namespace dt::notification::mail
