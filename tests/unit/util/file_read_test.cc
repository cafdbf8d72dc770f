// Reading input files: regular files only, never blocking, never torn.
#include "util/file_read.h"

#include <chrono>
#include <fstream>
#include <future>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/temp_dir.h"

namespace morgue::util {
namespace {

using testing_support::TempDir;
using Status = FileRead::Status;

TEST(ReadWholeFile, Cases) {
  TempDir dir;
  std::ofstream(dir / "plain.txt") << "hello, world";
  std::ofstream(dir / "empty.txt");
  std::ofstream(dir / "big.txt") << std::string(100, 'x');
  std::filesystem::create_symlink(dir / "plain.txt", dir / "link.txt");
  struct Case {
    const char* name;
    bool follow_link;
    Status status;
    const char* bytes_or_reason;
  };
  const Case cases[] = {
      {"plain.txt", true, Status::kOk, "hello, world"},
      {"empty.txt", true, Status::kOk, ""},
      {"big.txt", true, Status::kTooLarge, "file too large (100 bytes; the limit is 50 bytes)"},
      {"link.txt", true, Status::kOk, "hello, world"},
      {"link.txt", false, Status::kNotRegular, "became a symbolic link after the walk; not followed"},
      {"missing.txt", true, Status::kError, "cannot read: No such file or directory"},
      {".", true, Status::kNotRegular, "not a regular file (FIFO, socket or device)"},
  };
  for (const auto& c : cases) {
    FileReadOptions options;
    options.max_bytes = 50;
    options.follow_link = c.follow_link;
    FileRead r = read_whole_file((dir / c.name).string(), options);
    EXPECT_EQ(r.status, c.status) << c.name;
    EXPECT_EQ(r.ok() ? r.bytes : r.reason, c.bytes_or_reason) << c.name;
  }
}

TEST(ReadWholeFile, SizeAndMtimeAreThoseOfTheBytesRead) {
  TempDir dir;
  std::ofstream(dir / "a.txt") << "twelve bytes";
  struct stat st {};
  ASSERT_EQ(::stat((dir / "a.txt").c_str(), &st), 0);
  FileRead r = read_whole_file((dir / "a.txt").string());
  ASSERT_TRUE(r.ok()) << r.reason;
  EXPECT_EQ(r.size, 12u);
  EXPECT_EQ(r.mtime_ns, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
}

// Failure 6 of issue 18: a FIFO where a file was blocked open() forever.
TEST(ReadWholeFile, FifoNeverBlocks) {
  TempDir dir;
  const std::string fifo = (dir / "news.txt").string();
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  auto reading = std::async(std::launch::async, [&] { return read_whole_file(fifo); });
  if (reading.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    int writer = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // lets the stuck reader go
    if (writer >= 0) ::close(writer);
    FAIL() << "reading a FIFO blocked";
  }
  FileRead r = reading.get();
  EXPECT_EQ(r.status, Status::kNotRegular);
  EXPECT_EQ(r.reason, "not a regular file (FIFO, socket or device)");
}

TEST(ReadWholeFile, DevicesAreNotRead) {
  FileRead r = read_whole_file("/dev/zero");
  EXPECT_EQ(r.status, Status::kNotRegular);
}

}  // namespace
}  // namespace morgue::util
