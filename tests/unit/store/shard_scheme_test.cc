// Shard schemes and stub files: table-driven parsing and routing.
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "morgue/search.h"
#include "morgue/shards.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using testing_support::TempDir;

TEST(ShardSchemeTest, Parse) {
  struct Case {
    const char* text;
    bool ok;
    ShardScheme::Kind kind;
    unsigned count;
  };
  const Case cases[] = {
      {"year", true, ShardScheme::Kind::kYear, 0},
      {"hash:1", true, ShardScheme::Kind::kHash, 1},
      {"hash:4", true, ShardScheme::Kind::kHash, 4},
      {"hash:1024", true, ShardScheme::Kind::kHash, 1024},
      {"hash:0", false, {}, 0},
      {"hash:1025", false, {}, 0},
      {"hash:", false, {}, 0},
      {"hash:-2", false, {}, 0},
      {"hash:4x", false, {}, 0},
      {"hash", false, {}, 0},
      {"Year", false, {}, 0},
      {"", false, {}, 0},
  };
  for (const auto& c : cases) {
    auto scheme = ShardScheme::parse(c.text);
    ASSERT_EQ(scheme.has_value(), c.ok) << c.text;
    if (!c.ok) continue;
    EXPECT_EQ(scheme->kind, c.kind) << c.text;
    EXPECT_EQ(scheme->count, c.count) << c.text;
    EXPECT_EQ(scheme->to_string(), c.text);
  }
}

TEST(ShardSchemeTest, YearRouting) {
  ShardScheme year = *ShardScheme::parse("year");
  EXPECT_EQ(year.shard_of("abc", "20220214"), "2022");
  EXPECT_EQ(year.shard_of("abc", "19991231"), "1999");
  EXPECT_EQ(year.shard_of("abc", ""), "undated");
  EXPECT_EQ(year.shard_of("abc", "xx"), "undated");
  EXPECT_TRUE(year.is_shard_name("2022"));
  EXPECT_TRUE(year.is_shard_name("undated"));
  EXPECT_FALSE(year.is_shard_name("shard-0"));
  EXPECT_FALSE(year.is_shard_name("20222"));
}

TEST(ShardSchemeTest, HashRoutingIsStableAndSpread) {
  ShardScheme hash = *ShardScheme::parse("hash:4");
  std::map<std::string, int> counts;
  for (int i = 0; i < 4000; ++i) {
    std::string id = "id" + std::to_string(i);
    std::string shard = hash.shard_of(id, "20220214");
    EXPECT_EQ(shard, hash.shard_of(id, ""));  // the date does not matter
    EXPECT_TRUE(hash.is_shard_name(shard)) << shard;
    ++counts[shard];
  }
  ASSERT_EQ(counts.size(), 4u);
  for (const auto& [shard, n] : counts) EXPECT_GT(n, 800) << shard;
  EXPECT_FALSE(hash.is_shard_name("shard-4"));
  EXPECT_FALSE(hash.is_shard_name("2022"));
}

class StubTest : public testing::Test {
 protected:
  std::vector<StubEntry> parse(const std::string& text) {
    std::ofstream(dir_ / "XAPIANDB") << text;
    return read_stub(dir_ / "XAPIANDB");
  }
  TempDir dir_;
};

TEST_F(StubTest, Lines) {
  auto e = parse(
      "# archive\n"
      "\n"
      "auto 2019\n"
      "glass /srv/morgue/2020\n"
      "auto ../other/db\n"
      "remote 10.0.0.7:33333\n"
      "remote [::1]:4000\n"
      "remote search-3.example:7001\n"
      "remote :ssh host xapian-progsrv /srv/db\n");
  ASSERT_EQ(e.size(), 7u);
  EXPECT_EQ(e[0].type, StubEntry::Type::kLocal);
  EXPECT_EQ(e[0].backend, "auto");
  EXPECT_EQ(e[0].path, (dir_.path() / "2019").lexically_normal());
  EXPECT_EQ(e[1].backend, "glass");
  EXPECT_EQ(e[1].path, "/srv/morgue/2020");
  EXPECT_EQ(e[2].path, (dir_.path().parent_path() / "other/db").lexically_normal());
  EXPECT_EQ(e[3].type, StubEntry::Type::kRemoteTcp);
  EXPECT_EQ(e[3].host, "10.0.0.7");
  EXPECT_EQ(e[3].port, 33333u);
  EXPECT_EQ(e[4].host, "::1");
  EXPECT_EQ(e[4].port, 4000u);
  EXPECT_EQ(e[5].host, "search-3.example");
  EXPECT_EQ(e[6].type, StubEntry::Type::kRemoteProgram);
  EXPECT_EQ(e[6].program, "ssh");
  EXPECT_EQ(e[6].args, "host xapian-progsrv /srv/db");
}

TEST_F(StubTest, BadLinesAreDatabaseErrors) {
  for (const char* text : {"remote host\n", "remote host:0\n", "remote host:99999\n", "remote :\n", "auto\n",
                           "quartz /old\n", "remote host:12ab\n"}) {
    EXPECT_THROW(parse(text), DatabaseError) << text;
  }
}

TEST_F(StubTest, StubFileOfPath) {
  EXPECT_FALSE(stub_file(dir_.path()).has_value());
  std::ofstream(dir_ / "XAPIANDB") << "auto a\n";
  EXPECT_EQ(stub_file(dir_.path()), dir_.path() / "XAPIANDB");
  EXPECT_EQ(stub_file(dir_ / "XAPIANDB"), dir_.path() / "XAPIANDB");
  EXPECT_FALSE(stub_file(dir_ / "missing").has_value());
}

}  // namespace
}  // namespace morgue
