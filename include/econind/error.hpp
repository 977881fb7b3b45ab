#pragma once
#include <stdexcept>
#include <string>

#include "econind/export.hpp"

namespace econind {

// Thrown only for bad configuration, such as a malformed ontology file; the message names the
// file, the line and the problem. Bad text never throws.
class ECONIND_EXPORT Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace econind
