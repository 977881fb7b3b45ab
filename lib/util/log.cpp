#include "util/log.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <memory>
#include <mutex>

#include "econind/log.hpp"

namespace econind {
namespace detail {
namespace {

LogLevel from_spdlog(spdlog::level::level_enum l) {
  switch (l) {
    case spdlog::level::trace: return LogLevel::trace;
    case spdlog::level::debug: return LogLevel::debug;
    case spdlog::level::info: return LogLevel::info;
    case spdlog::level::warn: return LogLevel::warn;
    case spdlog::level::err:
    case spdlog::level::critical: return LogLevel::error;
    default: return LogLevel::off;
  }
}

// Forwards formatted messages to a host callback.
class CallbackSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit CallbackSink(std::function<void(LogLevel, std::string_view)> f) : f_(std::move(f)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    f_(from_spdlog(msg.level), std::string_view(msg.payload.data(), msg.payload.size()));
  }
  void flush_() override {}

 private:
  std::function<void(LogLevel, std::string_view)> f_;
};

std::shared_ptr<spdlog::logger> make_logger() {
  // Not registered in spdlog's registry: the host's loggers and defaults stay untouched.
  auto l = std::make_shared<spdlog::logger>("econind", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  l->set_level(spdlog::level::warn);
  return l;
}

std::shared_ptr<spdlog::logger>& logger_ptr() {
  static std::shared_ptr<spdlog::logger> l = make_logger();
  return l;
}

}  // namespace

spdlog::logger& logger() { return *logger_ptr(); }

}  // namespace detail

void set_log_level(LogLevel level) {
  static constexpr spdlog::level::level_enum map[] = {spdlog::level::trace, spdlog::level::debug,
                                                      spdlog::level::info,  spdlog::level::warn,
                                                      spdlog::level::err,   spdlog::level::off};
  detail::logger().set_level(map[static_cast<int>(level)]);
}

void set_log_sink(std::function<void(LogLevel, std::string_view)> sink) {
  auto& l = detail::logger();
  l.sinks().clear();
  if (sink) {
    l.sinks().push_back(std::make_shared<detail::CallbackSink>(std::move(sink)));
  } else {
    l.sinks().push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());
  }
}

}  // namespace econind
