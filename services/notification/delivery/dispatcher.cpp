// Dispatcher: claim due notifications, render, send, record the outcome; retry with backoff, then dead-letter.
#include "notification/delivery/dispatcher.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/parallel_group.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <optional>
#include <random>

#include "log/log.hpp"
#include "notification/domain/recipient.hpp"
#include "notification/mail/mime_message.hpp"

namespace dt::notification::delivery {
namespace {

namespace asio = boost::asio;

// Failures that retrying cannot cure: no address to write to, a kind without templates.
class Unsendable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

double random_fraction() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

}  // namespace

struct Dispatcher::State {
  State(store::NotificationStore& s, const mail::TemplateSet& t, smtp::SmtpSender& m, DeadLetters& d,
        DispatcherOptions o)
      : store(s), templates(t), smtp(m), dead_letters(d), options(o) {}

  store::NotificationStore& store;
  const mail::TemplateSet& templates;
  smtp::SmtpSender& smtp;
  DeadLetters& dead_letters;
  DispatcherOptions options;
  metrics::Counter* sent = nullptr;
  metrics::Counter* retried = nullptr;
  metrics::Counter* dead = nullptr;

  std::atomic<bool> stopped{false};
  std::atomic<bool> woken{false};
  std::optional<asio::strand<Executor>> strand;  // the loop and its timer live on it
  std::optional<asio::steady_timer> timer;
  bool database_failing = false;  // touched by the loop only

  std::string render(const store::DueNotification& n) const {
    if (!domain::is_mailable_address(n.email)) throw Unsendable("no mailable address: '" + n.email + "'");
    const auto kind = domain::parse_kind(n.kind);
    if (!kind) throw Unsendable("no templates for the kind '" + n.kind + "'");
    const auto content = templates.render(*kind, n.language, n.values);
    const auto& settings = smtp.settings();
    mail::MailHeaders headers;
    headers.from_name = settings.from_name;
    headers.from_address = settings.from_address;
    headers.to_name = n.display_name;
    headers.to_address = n.email;
    headers.message_id = mail::message_id_for_event(n.event_id);
    headers.date = std::chrono::system_clock::now();
    return mail::build_message(headers, content);
  }

  Awaitable<void> deliver(store::DueNotification n) {
    const int attempt = n.attempts + 1;
    std::string failure;
    bool permanent = false;
    try {
      std::string message = render(n);
      co_await smtp.send(n.email, std::move(message));
    } catch (const smtp::SmtpError& e) {
      failure = e.what();
      permanent = e.permanent();
    } catch (const mail::TemplateError& e) {
      failure = e.what();
      permanent = true;
    } catch (const Unsendable& e) {
      failure = e.what();
      permanent = true;
    }
    if (failure.empty()) {
      co_await store.mark_sent(n.event_id, attempt);
      if (sent) sent->inc();
      log::info("mail sent", {{"event_id", n.event_id}, {"kind", n.kind}, {"attempt", attempt}});
      co_return;
    }
    const auto delay = permanent ? std::nullopt : domain::retry_delay(options.retry, attempt, random_fraction());
    if (delay) {
      co_await store.mark_failed(n.event_id, attempt, failure, *delay);
      if (retried) retried->inc();
      log::warn("mail not sent; trying again later", {{"event_id", n.event_id},
                                                      {"attempt", attempt},
                                                      {"retry_in_ms", static_cast<long long>(delay->count())},
                                                      {"error", failure}});
      co_return;
    }
    DeadLetter letter;
    letter.reason = "undeliverable";
    letter.error = failure;
    letter.event_id = n.event_id;
    letter.attempts = attempt;
    letter.topic = n.topic;
    letter.partition = n.partition;
    letter.offset = n.offset;
    letter.key = n.user_id;
    letter.payload = n.payload;
    co_await dead_letters.publish(std::move(letter));
    co_await store.mark_dead(n.event_id, attempt, failure);
    if (dead) dead->inc();
  }

  Awaitable<int> dispatch_due() {
    auto due = co_await store.claim_due(options.batch_size, options.lease);
    if (due.empty()) co_return 0;
    const auto executor = co_await asio::this_coro::executor;
    using Operation = decltype(asio::co_spawn(executor, deliver(std::move(due.front())), asio::deferred));
    std::vector<Operation> operations;
    operations.reserve(due.size());
    for (auto& n : due) operations.push_back(asio::co_spawn(executor, deliver(std::move(n)), asio::deferred));
    auto [order, errors] = co_await asio::experimental::make_parallel_group(std::move(operations))
                               .async_wait(asio::experimental::wait_for_all(), asio::use_awaitable);
    for (const auto& error : errors) {
      if (!error) continue;
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& e) {
        log::warn("recording a mail's outcome failed; it is tried again when its claim runs out",
                  {{"error", e.what()}});
      }
    }
    co_return static_cast<int>(due.size());
  }

  static Awaitable<void> loop(std::shared_ptr<State> state) {
    while (!state->stopped) {
      int claimed = 0;
      try {
        claimed = co_await state->dispatch_due();
        if (state->database_failing) log::info("dispatcher: the database answers again");
        state->database_failing = false;
      } catch (const std::exception& e) {
        if (!state->database_failing) {
          log::warn("dispatcher: cannot claim due mails; trying again every poll interval", {{"error", e.what()}});
        }
        state->database_failing = true;
      }
      if (state->stopped) break;
      if (claimed == state->options.batch_size || state->woken.exchange(false)) continue;
      state->timer->expires_after(state->options.poll_interval);
      co_await state->timer->async_wait(asio::as_tuple(asio::use_awaitable));
      state->woken = false;
    }
  }
};

Dispatcher::Dispatcher(store::NotificationStore& store, const mail::TemplateSet& templates, smtp::SmtpSender& smtp,
                       DeadLetters& dead_letters, DispatcherOptions options, metrics::Registry* metrics)
    : state_(std::make_shared<State>(store, templates, smtp, dead_letters, options)) {
  if (metrics) {
    const std::string name = "dt_notification_mails_total";
    const std::string help = "Mail attempts by outcome (retry: failed, tried again later)";
    state_->sent = &metrics->counter(name, help, {{"outcome", "sent"}});
    state_->retried = &metrics->counter(name, help, {{"outcome", "retry"}});
    state_->dead = &metrics->counter(name, help, {{"outcome", "dead"}});
  }
}

Dispatcher::~Dispatcher() { stop(); }

Awaitable<int> Dispatcher::dispatch_due() { return state_->dispatch_due(); }

void Dispatcher::start(Executor executor) {
  state_->strand.emplace(asio::make_strand(executor));
  state_->timer.emplace(*state_->strand);
  asio::co_spawn(*state_->strand, State::loop(state_), asio::detached);
}

void Dispatcher::stop() {
  if (state_->stopped.exchange(true) || !state_->strand) return;
  asio::post(*state_->strand, [state = state_] { state->timer->cancel(); });
}

void Dispatcher::wake() {
  state_->woken = true;
  if (!state_->strand) return;
  asio::post(*state_->strand, [state = state_] { state->timer->cancel(); });
}

}  // namespace dt::notification::delivery
