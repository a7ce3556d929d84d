#include "metrics/histogram.hpp"

#include <cmath>
#include <cstdio>

namespace dt::metrics {
namespace {

void append_double(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  out += buf;
}

void sample(std::string& out, std::string_view name, std::string_view labels, std::string_view extra) {
  out += name;
  if (!labels.empty() || !extra.empty()) {
    out += '{';
    out += labels;
    if (!labels.empty() && !extra.empty()) out += ',';
    out += extra;
    out += '}';
  }
  out += ' ';
}

}  // namespace

void Histogram::observe(double seconds) {
  for (std::size_t i = 0; i < kBounds.size(); ++i) {
    if (seconds <= kBounds[i]) {
      buckets_[i].fetch_add(1, std::memory_order_relaxed);
      break;
    }
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(std::llround(seconds * 1e6)), std::memory_order_relaxed);
}

void Histogram::render(std::string& out, std::string_view name, std::string_view labels) const {
  const std::string bucket = std::string(name) + "_bucket";
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBounds.size(); ++i) {
    cumulative += buckets_[i].load(std::memory_order_relaxed);
    std::string le = "le=\"";
    append_double(le, kBounds[i]);
    le += '"';
    sample(out, bucket, labels, le);
    out += std::to_string(cumulative) + '\n';
  }
  const auto total = count_.load(std::memory_order_relaxed);
  sample(out, bucket, labels, "le=\"+Inf\"");
  out += std::to_string(total) + '\n';
  sample(out, std::string(name) + "_sum", labels, "");
  append_double(out, static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / 1e6);
  out += '\n';
  sample(out, std::string(name) + "_count", labels, "");
  out += std::to_string(total) + '\n';
}

}  // namespace dt::metrics
