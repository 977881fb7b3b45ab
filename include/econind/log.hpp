#pragma once
#include <functional>
#include <string_view>

#include "econind/export.hpp"

namespace econind {

enum class LogLevel { trace, debug, info, warn, error, off };

// The library logs through a spdlog logger named "econind". By default it is silent except for
// warnings and errors, which go to stderr (never stdout). These change that for the whole process.
ECONIND_EXPORT void set_log_level(LogLevel level);
// Sends every message at or above the level to `sink` instead of stderr; an empty function
// restores stderr. The sink runs under the logger's lock, inside the call that logs: it must not
// call back into econind.
ECONIND_EXPORT void set_log_sink(std::function<void(LogLevel, std::string_view)> sink);

}  // namespace econind
