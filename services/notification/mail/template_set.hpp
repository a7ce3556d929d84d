#pragma once
// TemplateSet: the e-mail templates (services/notification/templates), one plain-text and one HTML file per kind
// of notification and language: <kind>.<language>.txt and <kind>.<language>.html, e.g. welcome.vi.html.
//
// Templates are Mustache (Debian's header-only kainjow-mustache): {{name}} inserts a value, {{#passed}}...
// {{/passed}} shows a block when a flag is true, {{^passed}}...{{/passed}} when it is false. In .html files
// values are HTML-escaped (& < > " '); in .txt files they are inserted as they are. The first line of each .txt
// file is "Subject: <subject template>", then an empty line, then the body.
//
// All files are read and checked when the service starts (a missing or broken one stops it); rendering parses
// the small template again each time, so one TemplateSet serves every thread.
#include <boost/json/object.hpp>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>

#include "notification/domain/language.hpp"
#include "notification/domain/notification_kind.hpp"

namespace dt::notification::mail {

struct MailContent {
  std::string subject;  // one line, no control characters
  std::string text;
  std::string html;
};

class TemplateError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class TemplateSet {
 public:
  // Throws TemplateError naming the file that is missing, unreadable, not valid Mustache, or (.txt) without
  // its subject line.
  static TemplateSet load(const std::filesystem::path& dir);

  // `values`: strings (numbers are shown as they are) and booleans (for sections); a name the template uses
  // but `values` lacks renders empty. Line breaks and tabs in the subject become spaces.
  MailContent render(domain::NotificationKind kind, domain::Language language, const boost::json::object& values) const;

 private:
  struct Sources {
    std::string subject;
    std::string text;
    std::string html;
  };
  std::map<std::pair<domain::NotificationKind, domain::Language>, Sources> sources_;
};

}  // namespace dt::notification::mail
