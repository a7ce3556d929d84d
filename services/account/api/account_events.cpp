#include "account/api/account_events.hpp"

namespace dt::account::api {
namespace {

boost::json::object about(const domain::Profile& profile) {
  return {{"user_id", profile.user_id},
          {"username", profile.username},
          {"email", profile.email},
          {"display_name", profile.display_name},
          {"language", std::string(domain::language_code(profile.language))},
          {"opt_in_exam_results", profile.opt_ins.exam_results}};
}

outbox::OutboxEvent event(std::string type, const domain::Profile& profile, boost::json::object data,
                          std::string trace_id) {
  outbox::OutboxEvent out;
  out.type = std::move(type);
  out.subject = profile.user_id;
  out.data = std::move(data);
  out.trace_id = std::move(trace_id);
  return out;
}

}  // namespace

std::string trace_id_of(const http::Request& request) {
  // traceparent: version "-" trace-id (32 hex) "-" parent-id "-" flags
  const auto traceparent = request.header("traceparent");
  if (traceparent.size() >= 35 && traceparent[2] == '-') return std::string(traceparent.substr(3, 32));
  return request.request_id;
}

outbox::OutboxEvent user_registered(const domain::Profile& profile, std::string trace_id) {
  return event("user.registered", profile, about(profile), std::move(trace_id));
}

outbox::OutboxEvent profile_updated(const domain::Profile& profile, std::string trace_id) {
  auto data = about(profile);
  data["target_class"] = profile.target_class;
  data["opt_in_product_news"] = profile.opt_ins.product_news;
  return event("user.profile_updated", profile, std::move(data), std::move(trace_id));
}

outbox::OutboxEvent password_changed(const domain::Profile& profile, std::string trace_id) {
  return event("user.password_changed", profile, about(profile), std::move(trace_id));
}

outbox::OutboxEvent signed_in_new_ip(const domain::Profile& profile, std::string_view ip, std::string_view user_agent,
                                     std::string trace_id) {
  auto data = about(profile);
  data["ip"] = ip;
  data["user_agent"] = user_agent.substr(0, 200);
  return event("user.signed_in_new_ip", profile, std::move(data), std::move(trace_id));
}

}  // namespace dt::account::api
