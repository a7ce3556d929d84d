#include "catalog/io/formula_guard.hpp"

#include <gtest/gtest.h>

namespace {

using dt::catalog::io::guard_formula;
using dt::catalog::io::unguard_formula;

TEST(FormulaGuard, CellsASpreadsheetWouldRunAreMarkedAsText) {
  EXPECT_EQ(guard_formula("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
  EXPECT_EQ(guard_formula("+1"), "'+1");
  EXPECT_EQ(guard_formula("-2.5"), "'-2.5");
  EXPECT_EQ(guard_formula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(guard_formula("\tx"), "'\tx");
  EXPECT_EQ(guard_formula("\rx"), "'\rx");
}

TEST(FormulaGuard, OtherCellsAreLeftAlone) {
  EXPECT_EQ(guard_formula("Biển báo cấm"), "Biển báo cấm");
  EXPECT_EQ(guard_formula("a=b"), "a=b");
  EXPECT_EQ(guard_formula(""), "");
}

TEST(FormulaGuard, EveryCellComesBackExactly) {
  for (const std::string cell : {"=1+1", "-", "'", "''", "'=x", "'quoted'", "plain", "", "@", "\t", "x-y"}) {
    EXPECT_EQ(unguard_formula(guard_formula(cell)), cell) << cell;
  }
}

TEST(FormulaGuard, AHandWrittenApostropheBeforePlainTextIsKept) {
  EXPECT_EQ(unguard_formula("'quoted'"), "'quoted'");
  EXPECT_EQ(unguard_formula("'"), "'");
  EXPECT_EQ(unguard_formula("'-5"), "-5");
}

}  // namespace
