#include "extract/encoding.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "util/strings.h"

namespace morgue {
namespace {

TEST(Encoding, Windows1252Decoded) {
  // "café" and curly quotes in Windows-1252.
  std::string bytes = "caf\xE9 \x93quoted\x94";
  EXPECT_EQ(to_utf8(bytes, "windows-1252"), "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_EQ(to_utf8(bytes, "ISO-8859-1"), "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(Encoding, Latin1LabelOnUtf8BytesKeepsUtf8) {
  EXPECT_EQ(to_utf8("caf\xC3\xA9", "iso-8859-1"), "caf\xC3\xA9");
}

TEST(Encoding, RepairReplacesStrayBytes) {
  std::string mixed = "na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 and one bad \xFF byte";
  std::string fixed = repair_utf8(mixed);
  EXPECT_TRUE(is_valid_utf8(fixed));
  EXPECT_NE(fixed.find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(Encoding, RepairDropsNulAndControls) {
  std::string s("a\0b\x01" "c\td", 7);
  EXPECT_EQ(repair_utf8(s), "abc\td");
}

TEST(Encoding, RepairTable) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"\x01lead and trail\x7F", "lead and trail"},
      {"\xC3\xA9t\xC3\xA9 \xFF end", "\xC3\xA9t\xC3\xA9 \xEF\xBF\xBD end"},
      {"\xC3\xA9\xC3\xA9\xE2\x80\x9C\xFF\xFE", "\xC3\xA9\xC3\xA9\xE2\x80\x9C\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"\xC3\xA9\xC3\xA9\xC3\x01x\x02", "\xC3\xA9\xC3\xA9\xEF\xBF\xBDx"},  // a cut sequence
      {"tab\tline\r\nform\x0C", "tab\tline\r\nform"},
      {"M\xFCnchen\x01", "M\xC3\xBCnchen"},  // mostly not UTF-8: Windows-1252
      // Long ASCII runs, read 8 bytes at a time, with controls at several offsets.
      {"0123456789abcdef\x01ghijklm\x7Fnopqrstuvwxyz012345\t6789\nABCDEFG\x7F", "0123456789abcdefghijklmnopqrstuvwxyz012345\t6789\nABCDEFG"},
      {"abcdefg\x1F" "abcdefgh\xC3\xA9" "abcdefgh", "abcdefgabcdefgh\xC3\xA9" "abcdefgh"},
  };
  for (const auto& c : cases) EXPECT_EQ(repair_utf8(c.in), c.out) << c.in;
}

// repair_utf8 as first written, byte by byte: the fast one must agree.
std::string reference_repair(std::string_view s) {
  std::size_t invalid = 0, multibyte = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    util::decode_utf8(s, i, len);
    if (len == 0) ++invalid;
    if (len > 1) ++multibyte;
    i += len == 0 ? 1 : len;
  }
  if (invalid > 0 && invalid >= multibyte) return "(Windows-1252)";  // that branch is RepairTable's
  auto dropped = [](unsigned char c) { return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F; };
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    util::decode_utf8(s, i, len);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (!(len == 1 && dropped(static_cast<unsigned char>(s[i])))) out.append(s, i, len);
    i += len;
  }
  return out;
}

TEST(Encoding, RepairAgreesWithTheByteByByteDefinition) {
  const char* const pieces[] = {"a", " ", "\n", "\t", "\x01", "\x7F", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80",
                                "\xFF", "\xC3", "\x80", "\xED\xA0\x80", std::string_view("\0", 1).data()};
  unsigned x = 12345u;
  int compared = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string bytes;
    int n = round % 40;
    for (int i = 0; i < n; ++i) {
      x = x * 1103515245u + 12345u;
      unsigned pick = (x >> 16) % 40;
      if (pick >= 14) pick = 0;  // mostly ASCII, as text is
      if (pick == 13) {
        bytes.push_back('\0');
      } else {
        bytes += pieces[pick];
      }
    }
    std::string expected = reference_repair(bytes);
    if (expected == "(Windows-1252)") continue;
    ++compared;
    ASSERT_EQ(repair_utf8(bytes), expected) << round;
  }
  EXPECT_GT(compared, 500);
}

TEST(Encoding, MostlyLatin1IsDecodedAsSuch) {
  EXPECT_EQ(repair_utf8("M\xFCnchen"), "M\xC3\xBCnchen");
}

TEST(Encoding, Utf16WithBom) {
  std::string le("\xFF\xFEh\0i\0", 6);
  std::string charset;
  std::string_view rest = strip_bom(le, &charset);
  EXPECT_EQ(charset, "utf-16le");
  EXPECT_EQ(to_utf8(rest, charset), "hi");
}

TEST(Encoding, ValidityProperty) {
  // Whatever the bytes, the repaired text is valid UTF-8.
  std::string bytes;
  for (int seed = 1; seed < 200; ++seed) {
    bytes.clear();
    unsigned x = static_cast<unsigned>(seed) * 2654435761u;
    for (int i = 0; i < 64; ++i) {
      x = x * 1103515245u + 12345u;
      bytes.push_back(static_cast<char>(x >> 16));
    }
    EXPECT_TRUE(is_valid_utf8(repair_utf8(bytes)));
    EXPECT_TRUE(is_valid_utf8(to_utf8(bytes, "windows-1252")));
    EXPECT_TRUE(is_valid_utf8(to_utf8(bytes, "utf-8")));
  }
}

TEST(Encoding, BinaryDetection) {
  EXPECT_TRUE(looks_binary(std::string("\x89PNG\r\n\x1A\n\0\0\0", 11)));
  EXPECT_FALSE(looks_binary("Plain text\nwith lines.\n"));
}

}  // namespace
}  // namespace morgue
