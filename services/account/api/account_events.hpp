#pragma once
// The account events this service records in its outbox (docs/events.md has every field).
#include <string>
#include <string_view>

#include "account/domain/profile.hpp"
#include "http/request.hpp"
#include "outbox/outbox.hpp"

namespace dt::account::api {

// trace_id: trace_id_of(request) for changes made by a request.
outbox::OutboxEvent user_registered(const domain::Profile& profile, std::string trace_id);
outbox::OutboxEvent profile_updated(const domain::Profile& profile, std::string trace_id);
outbox::OutboxEvent password_changed(const domain::Profile& profile, std::string trace_id);
outbox::OutboxEvent signed_in_new_ip(const domain::Profile& profile, std::string_view ip, std::string_view user_agent,
                                     std::string trace_id);

// The trace id of the request (W3C traceparent), or its request id when it has none.
std::string trace_id_of(const http::Request& request);

}  // namespace dt::account::api
