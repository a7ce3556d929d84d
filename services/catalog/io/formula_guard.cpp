#include "catalog/io/formula_guard.hpp"

namespace dt::catalog::io {
namespace {

bool starts_guarded(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\'':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string guard_formula(std::string cell) {
  if (starts_guarded(cell)) cell.insert(cell.begin(), '\'');
  return cell;
}

std::string_view unguard_formula(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '\'' && starts_guarded(cell.substr(1))) cell.remove_prefix(1);
  return cell;
}

}  // namespace dt::catalog::io
