#pragma once
// The bank format's reference rows <-> JSON:
//   jurisdiction   {"code": "vn", "name": {...}}
//   topic          {"code": "vn.1", "jurisdiction": "vn", "ordinal": 1, "name": {...}}
//   licence class  {"code": "B", "jurisdiction": "vn", "name": {...}}
// Every member is required; codes must be codes (code.hpp) and names need a text in at least one language.
// Reading throws dt::Problem::invalid_field naming the path ("topics[2].name.en").
//
// The domain's reference structs have no operator== (yet); same() compares them field by field.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>

#include "catalog/domain/reference_data.hpp"

namespace dt::catalog::io {

boost::json::object jurisdiction_to_json(const Jurisdiction& jurisdiction);
boost::json::object topic_to_json(const Topic& topic);
boost::json::object licence_class_to_json(const LicenceClass& licence_class);

Jurisdiction jurisdiction_from_json(const boost::json::value& value, const std::string& path);
Topic topic_from_json(const boost::json::value& value, const std::string& path);
LicenceClass licence_class_from_json(const boost::json::value& value, const std::string& path);

bool same(const Jurisdiction& a, const Jurisdiction& b);
bool same(const Topic& a, const Topic& b);
bool same(const LicenceClass& a, const LicenceClass& b);

}  // namespace dt::catalog::io
