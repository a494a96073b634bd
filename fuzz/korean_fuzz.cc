// Feeds arbitrary bytes to the Korean and Chinese name functions: they must
// never crash, stay bounded and return ASCII.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/chinese.h"
#include "text/korean.h"

namespace {

void CheckAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  using namespace vigil::text;

  const auto korean = RomanizeKoreanName(input);
  if (korean.size() > kMaxKoreanRomanizations) std::abort();
  for (const std::string& s : korean) CheckAscii(s);

  CheckAscii(KoreanSyllableKey(input));
  const auto segments = SegmentKoreanSyllables(input);
  if (segments.size() > 4) std::abort();
  std::string joined;
  for (const std::string& s : segments) {
    if (KoreanSyllableKey(s).empty()) std::abort();
    joined += s;
  }
  CheckAscii(KoreanSurnameKey(input));
  CheckAscii(KoreanSurnameKeyForHangul(input));

  const auto chinese = RomanizeChineseName(input);
  if (chinese.size() > kMaxChineseRomanizations) std::abort();
  for (const std::string& s : chinese) CheckAscii(s);
  CheckAscii(HanToPinyin(input));
  PinyinToWadeGiles(input);
  return 0;
}
