#include "metrics/histogram.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Histogram, RendersCumulativeBucketsSumAndCount) {
  dt::metrics::Histogram h;
  h.observe(0.0004);
  h.observe(0.003);
  h.observe(20);
  std::string out;
  h.render(out, "lat", "route=\"r\"");
  EXPECT_NE(out.find("lat_bucket{route=\"r\",le=\"0.0005\"} 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("lat_bucket{route=\"r\",le=\"0.005\"} 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("lat_bucket{route=\"r\",le=\"10\"} 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("lat_bucket{route=\"r\",le=\"+Inf\"} 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("lat_count{route=\"r\"} 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("lat_sum{route=\"r\"} 20.0034\n"), std::string::npos) << out;
}

TEST(Histogram, RendersWithoutLabels) {
  dt::metrics::Histogram h;
  h.observe(0.01);
  std::string out;
  h.render(out, "x", "");
  EXPECT_NE(out.find("x_bucket{le=\"0.01\"} 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("x_count 1\n"), std::string::npos) << out;
}

}  // namespace
