// The per-code-point fold table: NFKC (ICU) followed by Traditional→Simplified (t2s.tsv, ICU's
// transliteration precomputed by lib/data/generate_t2s.py), built once per process. One table
// lookup per character replaces a transliterator call, and the table builds in about a
// millisecond where compiling the transliterator's rules takes tens.
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "data/embedded.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "util/log.hpp"
#include "util/tsv.hpp"

namespace econind::detail {
namespace {

// FoldTable::stays_three_byte, from `changes`.
void mark_three_byte_stays(FoldTable& table) {
  table.stays_three_byte.assign(0x10000 / 64, 0);
  for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
    if ((cp < 0xD800 || cp > 0xDFFF) && table.folds_to_itself(cp))
      table.stays_three_byte[cp >> 6] |= std::uint64_t{1} << (cp & 63);
  }
}

FoldTable build_fold_table() {
  FoldTable table;
  table.changes.assign(0x10000 / 64, 0);
  table.index.assign(0x10000, 0);
  std::unordered_map<char32_t, std::string> t2s;
  for (const TsvRow& row : read_tsv(data::file("t2s.tsv"), "t2s.tsv", 2)) {
    t2s[decode_utf8(row.cells[0], 0).cp] = std::string(row.cells[1]);
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || !nfkc) {
    logger().error("ICU NFKC normalizer unavailable: {}", u_errorName(status));
    mark_three_byte_stays(table);
    return table;
  }
  for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string nfkc_utf8;
    if (nfkc->isInert(static_cast<UChar32>(cp))) {
      nfkc_utf8 = utf8(cp);
    } else {
      UErrorCode st = U_ZERO_ERROR;
      nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), st).toUTF8String(nfkc_utf8);
      if (U_FAILURE(st)) continue;
    }
    std::string out;
    for (std::size_t i = 0; i < nfkc_utf8.size();) {
      Decoded d = decode_utf8(nfkc_utf8, i);
      auto it = t2s.find(d.cp);
      out += it != t2s.end() ? it->second : nfkc_utf8.substr(i, d.len);
      i += d.len;
    }
    if (out.empty() || out == utf8(cp) || out.size() >= 64 || out.find('\n') != std::string::npos) continue;
    table.index[cp] = static_cast<std::uint32_t>(table.pool.size() << 6 | out.size());
    table.changes[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    table.pool.append(out);
  }
  mark_three_byte_stays(table);
  return table;
}

}  // namespace

const FoldTable& fold_table() {
  static const FoldTable table = build_fold_table();
  return table;
}

}  // namespace econind::detail
