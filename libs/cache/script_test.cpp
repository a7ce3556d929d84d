#include "cache/script.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

TEST(Script, IsNamedByTheSha1OfItsSource) {
  const dt::cache::Script script("return 1");
  EXPECT_EQ(script.source(), "return 1");
  EXPECT_EQ(script.sha1(), "e0e1f9fabfc9d4800c877a703b823ac0578ff8db");
}

}  // namespace
