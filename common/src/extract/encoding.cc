#include "extract/encoding.h"

#include <cstdint>
#include <cstring>

#include "util/strings.h"

namespace morgue {
namespace {

// Windows-1252 code points for bytes 0x80..0x9F (0 = undefined: kept as C1).
constexpr std::uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

unsigned cp1252_code_point(unsigned byte) { return byte >= 0x80 && byte <= 0x9F ? kCp1252High[byte - 0x80] : 0; }

namespace {

std::string decode_cp1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0xA0) {
      unsigned cp = cp1252_code_point(c);
      util::append_utf8(out, cp ? cp : 0xFFFD);
    } else {
      util::append_utf8(out, c);
    }
  }
  return out;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  std::size_t len = 0;
  util::decode_utf8(s, i, len);
  return len;
}

// The 8 bytes at s[i] (which must exist) as one word, for tests on all of them at once.
std::uint64_t word_at(std::string_view s, std::size_t i) {
  std::uint64_t w;
  std::memcpy(&w, s.data() + i, sizeof w);
  return w;
}

constexpr std::uint64_t kEachByte = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// True when the 8 bytes at s[i] are all ASCII.
bool ascii_word(std::string_view s, std::size_t i) { return (word_at(s, i) & kHighBits) == 0; }

// True when the 8 bytes at s[i] are all ASCII from 0x20 to 0x7E: none
// below 0x20 (controls, tab and line ends among them) and none 0x7F.
bool printable_ascii_word(std::string_view s, std::size_t i) {
  const std::uint64_t w = word_at(s, i);
  if ((w & kHighBits) != 0) return false;
  const std::uint64_t below_space = (w - kEachByte * 0x20) & ~w & kHighBits;
  const std::uint64_t x = w ^ (kEachByte * 0x7F);
  const std::uint64_t is_del = (x - kEachByte) & ~x & kHighBits;
  return (below_space | is_del) == 0;
}

bool is_dropped_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

std::string decode_utf16(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](std::size_t i) -> unsigned {
    unsigned a = static_cast<unsigned char>(bytes[i]);
    unsigned b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
    unsigned u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      unsigned low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        util::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u < 0x80 && is_dropped_control(static_cast<unsigned char>(u))) continue;
    util::append_utf8(out, u);
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string repair_utf8(std::string_view s) {
  std::size_t invalid = 0, multibyte = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && ascii_word(s, i)) {  // ASCII, most of most texts
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = utf8_sequence_length(s, i);
    if (len == 0) {
      ++invalid;
      ++i;
    } else {
      ++multibyte;
      i += len;
    }
  }
  if (invalid > 0 && invalid >= multibyte) {
    // Mostly not UTF-8: an old single-byte page. Decode it as Windows-1252.
    std::string decoded = decode_cp1252(s);
    std::string out;
    out.reserve(decoded.size());
    for (char c : decoded) {
      if (!is_dropped_control(static_cast<unsigned char>(c))) out.push_back(c);
    }
    return out;
  }
  // Valid runs are copied whole; a dropped control ends a run, an invalid
  // byte ends it with U+FFFD.
  std::string out;
  out.reserve(s.size());
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size() && printable_ascii_word(s, i)) {
      i += 8;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : utf8_sequence_length(s, i);
    if (len == 1 && !is_dropped_control(c)) {
      ++i;
    } else if (len > 1) {
      i += len;
    } else {
      out.append(s.substr(run, i - run));
      if (len == 0) out += "\xEF\xBF\xBD";
      run = ++i;
    }
  }
  out.append(s.substr(run));
  return out;
}

std::string_view strip_bom(std::string_view bytes, std::string* charset) {
  std::string found;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    found = "utf-8";
    bytes.remove_prefix(3);
  } else if (bytes.substr(0, 2) == "\xFF\xFE") {
    found = "utf-16le";
    bytes.remove_prefix(2);
  } else if (bytes.substr(0, 2) == "\xFE\xFF") {
    found = "utf-16be";
    bytes.remove_prefix(2);
  }
  if (charset) *charset = found;
  return bytes;
}

std::string to_utf8(std::string_view bytes, std::string_view charset) {
  std::string cs = util::to_lower(util::trim(charset));
  if (cs == "utf-16le" || cs == "utf-16") return decode_utf16(bytes, false);
  if (cs == "utf-16be") return decode_utf16(bytes, true);
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "iso8859-1" ||
      cs == "iso_8859-1" || cs == "windows-1252" || cs == "cp1252" || cs == "us-ascii" ||
      cs == "ascii" || cs == "iso-8859-15" || cs == "latin9") {
    // A page that says Latin-1 but is really UTF-8 is common; trust the bytes.
    if (is_valid_utf8(bytes)) return repair_utf8(bytes);
    std::string decoded = decode_cp1252(bytes);
    return repair_utf8(decoded);
  }
  return repair_utf8(bytes);
}

bool looks_binary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  if (head.empty()) return false;
  // UTF-16 text has NULs but a BOM first.
  if (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF") return false;
  std::size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
  }
  return control * 10 > head.size();
}

}  // namespace morgue
