#include "metrics/registry.hpp"

namespace dt::metrics {

std::string series_name(const std::string& name, const Labels& labels) {
  if (labels.empty()) return name;
  std::string out = name + '{';
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i) out += ',';
    out += labels[i].first + "=\"";
    for (char c : labels[i].second) {
      if (c == '\\' || c == '"') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else {
        out += c;
      }
    }
    out += '"';
  }
  return out + '}';
}

Counter& Registry::counter(const std::string& name, const std::string& help, const Labels& labels) {
  std::lock_guard lock(mutex_);
  auto& family = counters_[name];
  family.help = help;
  auto& slot = family.series[series_name(name, labels)];
  if (!slot) slot = std::make_unique<Counter>();
  return *slot;
}

Gauge& Registry::gauge(const std::string& name, const std::string& help, const Labels& labels) {
  std::lock_guard lock(mutex_);
  auto& family = gauges_[name];
  family.help = help;
  auto& slot = family.series[series_name(name, labels)];
  if (!slot) slot = std::make_unique<Gauge>();
  return *slot;
}

void Registry::add_collector(Collector collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Registry::render() const {
  std::string out;
  std::lock_guard lock(mutex_);
  for (const auto& [name, family] : counters_) {
    out += "# HELP " + name + ' ' + family.help + "\n# TYPE " + name + " counter\n";
    for (const auto& [series, c] : family.series) out += series + ' ' + std::to_string(c->value()) + '\n';
  }
  for (const auto& [name, family] : gauges_) {
    out += "# HELP " + name + ' ' + family.help + "\n# TYPE " + name + " gauge\n";
    for (const auto& [series, g] : family.series) out += series + ' ' + std::to_string(g->value()) + '\n';
  }
  for (const auto& collect : collectors_) collect(out);
  return out;
}

}  // namespace dt::metrics
