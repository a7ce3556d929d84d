#include "http/pipeline.hpp"

#include <gtest/gtest.h>

#include "http/test_support/run_pipeline.hpp"

namespace {

using namespace dt::http;

class Tag : public Middleware {
 public:
  Tag(std::string name, std::vector<std::string>& trace) : name_(std::move(name)), trace_(trace) {}
  dt::Awaitable<Response> handle(Request& request, Next next) override {
    trace_.push_back(name_ + ">");
    auto response = co_await next(request);
    trace_.push_back("<" + name_);
    co_return response;
  }

 private:
  std::string name_;
  std::vector<std::string>& trace_;
};

class ShortCircuit : public Middleware {
 public:
  dt::Awaitable<Response> handle(Request&, Next) override { co_return Response::text(403, "no"); }
};

Response run(const Pipeline& pipeline) {
  Request request;
  return dt::http::testing::run_pipeline(pipeline, request);
}

TEST(Pipeline, RunsMiddlewareInOrderAroundTheTerminal) {
  std::vector<std::string> trace;
  std::vector<std::unique_ptr<Middleware>> chain;
  chain.push_back(std::make_unique<Tag>("a", trace));
  chain.push_back(std::make_unique<Tag>("b", trace));
  Pipeline pipeline(std::move(chain), [&](Request&) -> dt::Awaitable<Response> {
    trace.push_back("handler");
    co_return Response::text(200, "ok");
  });
  EXPECT_EQ(run(pipeline).status, 200);
  EXPECT_EQ(trace, (std::vector<std::string>{"a>", "b>", "handler", "<b", "<a"}));
}

TEST(Pipeline, AMiddlewareCanAnswerWithoutCallingNext) {
  bool reached = false;
  std::vector<std::unique_ptr<Middleware>> chain;
  chain.push_back(std::make_unique<ShortCircuit>());
  Pipeline pipeline(std::move(chain), [&](Request&) -> dt::Awaitable<Response> {
    reached = true;
    co_return Response::text(200, "ok");
  });
  EXPECT_EQ(run(pipeline).status, 403);
  EXPECT_FALSE(reached);
}

}  // namespace
