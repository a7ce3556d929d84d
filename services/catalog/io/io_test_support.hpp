#pragma once
// Tests only: sample content with Vietnamese text, and expectations on the dt::Problem a codec throws.
#include <boost/json/value.hpp>

#include <functional>
#include <string>
#include <string_view>

#include "catalog/domain/blueprint.hpp"
#include "catalog/domain/exam_session.hpp"
#include "catalog/domain/question.hpp"
#include "catalog/io/bank_document.hpp"
#include "catalog/io/import_report.hpp"

namespace dt::catalog::io::iotest {

// A published choice question of jurisdiction "vn", topic "vn.1", with Vietnamese and English text (including
// commas, quotes and a line break), three options of which `correct` are right.
Question vietnamese_question(const std::string& external_id, std::vector<int> correct = {1});
// A published numeric question: value +- tolerance as decimal text.
Question numeric_question(const std::string& external_id, const std::string& value, const std::string& tolerance);
// A document with jurisdiction vn, topics vn.1 and vn.2, class B, the two questions above and a blueprint.
BankDocument small_bank();
Blueprint small_blueprint();

// A three-question exam of small_blueprint(): a critical choice question (ids 101, shown in order 2, 0, 1), a
// numeric one (102) and a choice one (103, shown as drawn), started at started_at().
struct SmallExam {
  Blueprint blueprint = small_blueprint();
  std::vector<Question> content;
  ExamSession session;
};
SmallExam small_exam();
TimePoint started_at();

boost::json::value parse(std::string_view json);

// The "field" of the dt::Problem `action` throws ("" when it throws none, which fails the test).
std::string problem_field(const std::function<void()>& action);
// The rejections as "section[index] field: message" lines, for test failure messages.
std::string listed(const ImportReport& report);

}  // namespace dt::catalog::io::iotest
