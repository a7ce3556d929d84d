#include "catalog/io/domain_problems.hpp"

#include <gtest/gtest.h>

#include "catalog/io/io_test_support.hpp"
#include "errors/problem.hpp"

namespace {

using namespace dt::catalog;
using namespace dt::catalog::io;

TEST(DomainProblems, NothingToThrowWhenValid) { EXPECT_NO_THROW(throw_if_invalid({}, "questions[0]")); }

TEST(DomainProblems, FirstProblemNamesTheFieldAndTheOthersAreListed) {
  ValidationProblems problems{{"options", "at least one option must be correct"}, {"weight", "must be at least 1"}};
  for (int i = 0; i < 12; ++i) problems.push_back({"tags[" + std::to_string(i) + "]", "bad"});
  try {
    throw_if_invalid(problems, "questions[3]");
    FAIL();
  } catch (const dt::Problem& problem) {
    EXPECT_EQ(problem.extensions().at(0).second, "questions[3].options");
    EXPECT_NE(problem.detail().find("'questions[3].weight': must be at least 1"), std::string::npos)
        << problem.detail();
    EXPECT_NE(problem.detail().find("and 3 more"), std::string::npos) << problem.detail();
  }
  EXPECT_EQ(iotest::problem_field([] { throw_if_invalid({{"code", "bad"}}, ""); }), "code");
}

}  // namespace
