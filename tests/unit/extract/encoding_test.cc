#include "extract/encoding.h"

#include <gtest/gtest.h>

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
