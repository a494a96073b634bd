// Byte-level encoding used by the catalog snapshot: little-endian varints and
// length-prefixed strings, with a reader that never reads past its buffer.
#ifndef VIGIL_CATALOG_SNAPSHOT_CODEC_H_
#define VIGIL_CATALOG_SNAPSHOT_CODEC_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace vigil {

class ByteWriter {
 public:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void String(std::string_view s) {
    Varint(s.size());
    out_.append(s);
  }
  void Raw(std::string_view s) { out_.append(s); }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view in) : in_(in) {}
  bool Varint(uint64_t* v) {
    uint64_t result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return false;
      auto b = static_cast<unsigned char>(in_[pos_++]);
      result |= static_cast<uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        *v = result;
        return true;
      }
    }
    return false;
  }
  bool String(std::string* s) {
    uint64_t n;
    if (!Varint(&n) || n > in_.size() - pos_) return false;
    s->assign(in_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool Raw(size_t n, std::string_view* s) {
    if (n > in_.size() - pos_) return false;
    *s = in_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  size_t remaining() const { return in_.size() - pos_; }
  size_t position() const { return pos_; }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace vigil

#endif  // VIGIL_CATALOG_SNAPSHOT_CODEC_H_
