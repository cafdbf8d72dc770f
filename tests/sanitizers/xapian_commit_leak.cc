// Xapian alone, no Morgue code: adds documents to a new database at DB,
// committing every 50, until a block write fails (run it on a small tmpfs).
// Exits 2 with Xapian's message then, 0 if the disk never filled.
//
// Xapian 1.4.22 (Debian 12) leaks a 112-byte PostlistChunkWriter and its key
// strings when the failing write comes while commit() merges the batch's
// postings (GlassPostListTable::merge_changes holds it in a raw pointer across
// a write that throws). On a 700 KiB tmpfs this program hits that every time;
// tests/e2e/indexer_faults_test.cc finds such a size and checks that
// tests/sanitizers/lsan.supp silences exactly this leak.
//
//   xapian_commit_leak DB
#include <cstdio>
#include <string>

#include <xapian.h>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: xapian_commit_leak DB\n");
    return 1;
  }
  try {
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OPEN);
    for (int i = 0; i < 20000; ++i) {
      Xapian::Document doc;
      for (int w = 0; w < 60; ++w) doc.add_posting("w" + std::to_string((i * 7 + w * 13) % 997), w + 1);
      for (int w = 0; w < 5; ++w) doc.add_term("u" + std::to_string(i) + "x" + std::to_string(w));
      doc.set_data("story " + std::to_string(i));
      db.replace_document("Q" + std::to_string(i), doc);
      if (i % 50 == 49) db.commit();
    }
    db.commit();
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "xapian_commit_leak: %s\n", e.get_description().c_str());
    return 2;
  }
  return 0;
}
