#pragma once
// A dt::Problem thrown by a codec while reading one row, turned into that row's Rejection.
#include <cstddef>
#include <string>

#include "catalog/io/import_report.hpp"
#include "errors/problem.hpp"

namespace dt::catalog::io {

// field: the problem's "field" extension; message: its detail without the "'<field>': " prefix.
Rejection rejection_of(const Problem& problem, std::string section, std::size_t index, std::string key);

}  // namespace dt::catalog::io
