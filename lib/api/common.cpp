// Definitions for the public common.hpp that belong to no stage.
#include "econind/common.hpp"

namespace econind {

std::string_view to_string(Diagnostic::Code c) {
  switch (c) {
    case Diagnostic::Code::invalid_utf8: return "invalid_utf8";
    case Diagnostic::Code::out_of_range: return "out_of_range";
    case Diagnostic::Code::too_many: return "too_many";
  }
  return "invalid_utf8";
}

}  // namespace econind
