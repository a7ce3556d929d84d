#include "async/runtime.hpp"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <thread>
#include <vector>

namespace dt::async {

struct Runtime::Impl {
  explicit Impl(unsigned threads) : io(static_cast<int>(threads)), guard(io.get_executor()) {}
  boost::asio::io_context io;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> guard;
};

Runtime::Runtime(unsigned threads)
    : threads_(threads ? threads : std::max(1u, std::thread::hardware_concurrency())) {
  impl_ = std::make_unique<Impl>(threads_);
}

Runtime::~Runtime() = default;

Executor Runtime::executor() const { return impl_->io.get_executor(); }

void Runtime::run() {
  std::vector<std::jthread> workers;
  for (unsigned i = 1; i < threads_; ++i) workers.emplace_back([this] { impl_->io.run(); });
  impl_->io.run();
}

void Runtime::stop() {
  impl_->guard.reset();
  impl_->io.stop();
}

}  // namespace dt::async
