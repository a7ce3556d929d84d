#include "catalog/io/drawn_question_json.hpp"

#include <gtest/gtest.h>

#include "catalog/io/io_test_support.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;
using iotest::parse;
using iotest::problem_field;

TEST(DrawnQuestionJson, RoundTripsAList) {
  const std::vector<DrawnQuestion> drawn{{101, 2, QuestionKind::choice, true, {2, 0, 1}},
                                         {102, 1, QuestionKind::numeric, false, {}}};
  EXPECT_EQ(drawn_questions_from_json(drawn_questions_to_json(drawn), "questions"), drawn);
}

TEST(DrawnQuestionJson, OptionOrderMustBeAPermutation) {
  const auto field = [](std::string_view json) {
    return problem_field([&] { drawn_question_from_json(parse(json), "q"); });
  };
  EXPECT_EQ(field(R"({"id": 1, "revision": 1, "kind": "choice", "critical": false, "option_order": [0, 2]})"),
            "q.option_order[1]");
  EXPECT_EQ(field(R"({"id": 1, "revision": 1, "kind": "choice", "critical": false, "option_order": [1, 1]})"),
            "q.option_order[1]");
  EXPECT_EQ(field(R"({"id": 1, "revision": 1, "kind": "numeric", "critical": false, "option_order": [0, 1]})"),
            "q.option_order");
  EXPECT_EQ(field(R"({"id": 0, "revision": 1, "kind": "choice", "critical": false, "option_order": []})"), "q.id");
  EXPECT_EQ(field(R"({"id": 1, "revision": 1, "kind": "choice", "option_order": []})"), "q.critical");
  EXPECT_EQ(problem_field([] { drawn_questions_from_json(parse("{}"), "questions"); }), "questions");
}

}  // namespace
