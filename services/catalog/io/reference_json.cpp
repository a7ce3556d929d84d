#include "catalog/io/reference_json.hpp"

#include "catalog/domain/question_validation.hpp"
#include "catalog/io/domain_problems.hpp"
#include "catalog/io/json_fields.hpp"
#include "catalog/io/localized_json.hpp"

namespace dt::catalog::io {

namespace {

using json::ObjectReader;

template <class CodeType>
CodeType code_member(const ObjectReader& in, std::string_view name) {
  std::string text = in.string(name, {.max_length = 200});
  if (!is_valid_code(text))
    throw_invalid(in.path_of(name), "must be 1-64 characters of letters, digits, '.', '_' or '-'");
  return CodeType(std::move(text));
}

LocalizedText name_member(const ObjectReader& in, const std::string& path) {
  LocalizedText name = localized_field(in, "name", true);
  ValidationProblems problems;
  check_localized(name, "name", true, problems);
  throw_if_invalid(problems, path);
  return name;
}

}  // namespace

boost::json::object jurisdiction_to_json(const Jurisdiction& j) {
  return {{"code", j.code.value()}, {"name", to_json(j.name)}};
}

boost::json::object topic_to_json(const Topic& t) {
  return {{"code", t.code.value()},
          {"jurisdiction", t.jurisdiction.value()},
          {"ordinal", t.ordinal},
          {"name", to_json(t.name)}};
}

boost::json::object licence_class_to_json(const LicenceClass& c) {
  return {{"code", c.code.value()}, {"jurisdiction", c.jurisdiction.value()}, {"name", to_json(c.name)}};
}

Jurisdiction jurisdiction_from_json(const boost::json::value& value, const std::string& path) {
  const ObjectReader in(value, path);
  in.reject_unknown({"code", "name"});
  Jurisdiction j;
  j.code = code_member<JurisdictionCode>(in, "code");
  j.name = name_member(in, path);
  return j;
}

Topic topic_from_json(const boost::json::value& value, const std::string& path) {
  const ObjectReader in(value, path);
  in.reject_unknown({"code", "jurisdiction", "ordinal", "name"});
  Topic t;
  t.code = code_member<TopicCode>(in, "code");
  t.jurisdiction = code_member<JurisdictionCode>(in, "jurisdiction");
  t.ordinal = static_cast<int>(in.integer("ordinal", {.min = 0, .max = 1'000'000}));
  t.name = name_member(in, path);
  return t;
}

LicenceClass licence_class_from_json(const boost::json::value& value, const std::string& path) {
  const ObjectReader in(value, path);
  in.reject_unknown({"code", "jurisdiction", "name"});
  LicenceClass c;
  c.code = code_member<LicenceClassCode>(in, "code");
  c.jurisdiction = code_member<JurisdictionCode>(in, "jurisdiction");
  c.name = name_member(in, path);
  return c;
}

bool same(const Jurisdiction& a, const Jurisdiction& b) { return a.code == b.code && a.name == b.name; }

bool same(const Topic& a, const Topic& b) {
  return a.code == b.code && a.jurisdiction == b.jurisdiction && a.ordinal == b.ordinal && a.name == b.name;
}

bool same(const LicenceClass& a, const LicenceClass& b) {
  return a.code == b.code && a.jurisdiction == b.jurisdiction && a.name == b.name;
}

}  // namespace dt::catalog::io
