#pragma once
// Everything a user of econind needs.
#include "econind/common.hpp"
#include "econind/decimal.hpp"
#include "econind/error.hpp"
#include "econind/extractor.hpp"
#include "econind/indicator.hpp"
#include "econind/log.hpp"
#include "econind/numbers.hpp"
#include "econind/ontology.hpp"
#include "econind/serialize.hpp"
#include "econind/version.hpp"
