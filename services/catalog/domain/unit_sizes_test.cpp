#include "catalog/domain/unit_sizes.hpp"

#include <gtest/gtest.h>

namespace {

using dt::catalog::UnitSizes;

TEST(UnitSizes, SinglesMakeAnyCountUpToTheirNumber) {
  UnitSizes sizes;
  for (int i = 0; i < 5; ++i) sizes.add(1);
  EXPECT_EQ(sizes.total(), 5);
  EXPECT_TRUE(sizes.can_make(0));
  EXPECT_TRUE(sizes.can_make(5));
  EXPECT_FALSE(sizes.can_make(6));
  EXPECT_FALSE(sizes.can_make(-1));
}

TEST(UnitSizes, GroupsMakeOnlyTheirSums) {
  UnitSizes sizes;
  sizes.add(3);
  sizes.add(2);
  sizes.add(2);
  EXPECT_TRUE(sizes.can_make(4));  // 2 + 2, not by starting with the 3
  EXPECT_TRUE(sizes.can_make(5));  // 3 + 2
  EXPECT_TRUE(sizes.can_make(7));
  EXPECT_FALSE(sizes.can_make(1));
  EXPECT_FALSE(sizes.can_make(6));  // 3 + 2 + 2 = 7, 3 + 2 = 5, 2 + 2 = 4
  sizes.remove(2);
  EXPECT_FALSE(sizes.can_make(4));
  EXPECT_EQ(sizes.total(), 5);
}

TEST(UnitSizes, MixedSinglesAndGroups) {
  UnitSizes sizes;
  sizes.add(3);
  sizes.add(1);
  EXPECT_TRUE(sizes.can_make(1));
  EXPECT_FALSE(sizes.can_make(2));
  EXPECT_TRUE(sizes.can_make(3));
  EXPECT_TRUE(sizes.can_make(4));
  sizes.remove(3);
  EXPECT_TRUE(sizes.can_make(1));  // back to singles only
  EXPECT_FALSE(sizes.can_make(3));
}

}  // namespace
