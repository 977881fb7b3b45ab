#pragma once
// Everything a user of econind needs.
#include "econind/common.hpp"
#include "econind/decimal.hpp"
#include "econind/error.hpp"
#include "econind/log.hpp"
#include "econind/numbers.hpp"
#include "econind/version.hpp"
