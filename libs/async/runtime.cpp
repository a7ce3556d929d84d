#include "async/runtime.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <thread>
#include <vector>

namespace dt::async {

namespace {

// execution_context::shutdown() is protected; it destroys pending handlers but keeps the services alive.
class Context : public boost::asio::io_context {
 public:
  using boost::asio::io_context::io_context;
  using boost::asio::io_context::shutdown;
};

}  // namespace

struct Runtime::Impl {
  using Guard = boost::asio::executor_work_guard<boost::asio::io_context::executor_type>;
  explicit Impl(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i) {
      contexts.push_back(std::make_unique<Context>(1));
      guards.emplace_back(contexts.back()->get_executor());
    }
  }
  std::vector<std::unique_ptr<Context>> contexts;
  std::vector<Guard> guards;
  std::atomic<std::size_t> next{0};
};

Runtime::Runtime(unsigned threads) : threads_(threads ? threads : std::max(1u, std::thread::hardware_concurrency())) {
  impl_ = std::make_unique<Impl>(threads_);
}

Runtime::~Runtime() = default;

Executor Runtime::executor() const { return impl_->contexts.front()->get_executor(); }

Executor Runtime::next_executor() {
  const auto i = impl_->next.fetch_add(1, std::memory_order_relaxed) % impl_->contexts.size();
  return impl_->contexts[i]->get_executor();
}

void Runtime::block_on(Awaitable<void> task) {
  auto& context = *impl_->contexts.front();
  std::exception_ptr failure;
  boost::asio::co_spawn(context, std::move(task), [&](std::exception_ptr e) {
    failure = e;
    context.stop();
  });
  context.run();
  context.restart();
  if (failure) std::rethrow_exception(failure);
}

void Runtime::run() {
  std::vector<std::jthread> workers;
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
    workers.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
  impl_->contexts.front()->run();
}

void Runtime::shutdown() {
  for (auto& guard : impl_->guards) guard.reset();
  // Two passes: the first shuts the services down, and the reactor hands its pending operations (a coroutine
  // waiting on a socket) to the scheduler's queue; the second destroys those queued operations.
  for (int pass = 0; pass < 2; ++pass) {
    for (auto& context : impl_->contexts) context->shutdown();
  }
}

void Runtime::stop() {
  for (auto& guard : impl_->guards) guard.reset();
  for (auto& context : impl_->contexts) context->stop();
}

}  // namespace dt::async
