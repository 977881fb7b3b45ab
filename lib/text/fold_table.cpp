// The per-code-point fold table: NFKC followed by Traditional→Simplified, built once with ICU.
// Transliterating every character of a document through ICU costs far more than one table
// lookup, and folding character by character is all matching needs.
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "text/normalize.hpp"
#include "text/utf8.hpp"
#include "util/log.hpp"

namespace econind::detail {
namespace {

struct FoldTable {
  std::vector<std::uint32_t> index;  // BMP code point → (offset << 6 | length), 0 = unchanged
  std::string pool;

  FoldTable() : index(0x10000, 0) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    std::unique_ptr<icu::Transliterator> t2s(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !nfkc || !t2s) {
      logger().error("ICU normalizer or Traditional-Simplified transliterator unavailable: {}",
                     u_errorName(status));
      return;
    }
    // NFKC of each code point on its own; then every result is transliterated in one batch,
    // one per line, which is far faster than one transliterator call per character.
    std::vector<char32_t> cps;
    icu::UnicodeString batch;
    for (char32_t cp = 0x80; cp < 0x10000; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      icu::UnicodeString folded;
      UErrorCode st = U_ZERO_ERROR;
      if (nfkc->isInert(static_cast<UChar32>(cp))) {
        folded = icu::UnicodeString(static_cast<UChar32>(cp));
      } else {
        folded = nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), st);
        if (U_FAILURE(st)) continue;
      }
      if (folded.indexOf(static_cast<UChar>('\n')) >= 0) continue;
      bool cjk = is_cjk_ideograph(cp);
      bool changed = folded != icu::UnicodeString(static_cast<UChar32>(cp));
      if (!cjk && !changed) continue;
      cps.push_back(cp);
      batch.append(folded).append(static_cast<UChar>('\n'));
    }
    t2s->transliterate(batch);
    std::string all;
    batch.toUTF8String(all);
    std::size_t pos = 0;
    for (char32_t cp : cps) {
      std::size_t nl = all.find('\n', pos);
      if (nl == std::string::npos) break;
      std::string_view out(all.data() + pos, nl - pos);
      pos = nl + 1;
      if (out.empty() || out == utf8(cp) || out.size() >= 64) continue;
      index[cp] = static_cast<std::uint32_t>(pool.size() << 6 | out.size());
      pool.append(out);
    }
  }
};

const FoldTable& fold_table() {
  static const FoldTable table;
  return table;
}

}  // namespace

std::string_view fold_code_point(char32_t cp) {
  if (cp < 0x80 || cp >= 0x10000) return {};
  const FoldTable& t = fold_table();
  std::uint32_t e = t.index[cp];
  if (e == 0) return {};
  return std::string_view(t.pool).substr(e >> 6, e & 63);
}

}  // namespace econind::detail
