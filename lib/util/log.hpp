#pragma once
// The library's spdlog logger, named "econind": silent (null sink) until the host sets a level
// or sink through econind/log.hpp. It never touches the host's default logger.
#include <spdlog/logger.h>

namespace econind::detail {
spdlog::logger& logger();
}  // namespace econind::detail
