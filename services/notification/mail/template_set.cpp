// TemplateSet: Mustache templates from files, rendered with kainjow-mustache.
#include "notification/mail/template_set.hpp"

#include <kainjow/mustache.hpp>

#include <fstream>
#include <sstream>

namespace dt::notification::mail {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

constexpr std::string_view kSubjectPrefix = "Subject: ";

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw TemplateError("e-mail template " + path.string() + " is missing or unreadable");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void check_parses(const std::string& source, const std::filesystem::path& path) {
  const mustache parsed(source);
  if (!parsed.is_valid()) throw TemplateError("e-mail template " + path.string() + ": " + parsed.error_message());
}

data data_of(const boost::json::object& values) {
  data out;
  for (const auto& [key, value] : values) {
    const std::string name(key);
    if (value.is_string()) {
      out.set(name, std::string(value.as_string()));
    } else if (value.is_bool()) {
      out.set(name, data(value.as_bool()));
    } else if (value.is_int64()) {
      out.set(name, std::to_string(value.as_int64()));
    } else if (value.is_uint64()) {
      out.set(name, std::to_string(value.as_uint64()));
    }
  }
  return out;
}

std::string render_source(const std::string& source, const data& values, bool html) {
  mustache view(source);
  if (!html) view.set_custom_escape([](const std::string& text) { return text; });
  std::string out = view.render(values);
  if (!view.is_valid()) throw TemplateError("rendering an e-mail template: " + view.error_message());
  return out;
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\r' || c == '\n' || c == '\t') c = ' ';
  }
  const auto first = text.find_first_not_of(' ');
  const auto last = text.find_last_not_of(' ');
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

}  // namespace

TemplateSet TemplateSet::load(const std::filesystem::path& dir) {
  TemplateSet set;
  for (const auto kind : domain::kAllKinds) {
    for (const auto language : domain::kAllLanguages) {
      const std::string stem =
          std::string(domain::kind_name(kind)) + "." + std::string(domain::language_code(language));
      const auto text_path = dir / (stem + ".txt");
      const auto html_path = dir / (stem + ".html");
      const std::string text = read_file(text_path);
      const auto end_of_subject = text.find('\n');
      if (text.rfind(kSubjectPrefix, 0) != 0 || end_of_subject == std::string::npos ||
          text.compare(end_of_subject, 2, "\n\n") != 0) {
        throw TemplateError("e-mail template " + text_path.string() +
                            ": must start with a line \"Subject: ...\" and an empty line");
      }
      Sources sources;
      sources.subject = text.substr(kSubjectPrefix.size(), end_of_subject - kSubjectPrefix.size());
      sources.text = text.substr(end_of_subject + 2);
      sources.html = read_file(html_path);
      check_parses(sources.subject, text_path);
      check_parses(sources.text, text_path);
      check_parses(sources.html, html_path);
      set.sources_[{kind, language}] = std::move(sources);
    }
  }
  return set;
}

MailContent TemplateSet::render(domain::NotificationKind kind, domain::Language language,
                                const boost::json::object& values) const {
  const auto found = sources_.find({kind, language});
  if (found == sources_.end()) throw TemplateError("no e-mail template for " + std::string(domain::kind_name(kind)));
  const data view = data_of(values);
  MailContent content;
  content.subject = one_line(render_source(found->second.subject, view, false));
  content.text = render_source(found->second.text, view, false);
  content.html = render_source(found->second.html, view, true);
  return content;
}

}  // namespace dt::notification::mail
