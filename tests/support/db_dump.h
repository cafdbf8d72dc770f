// Everything a Xapian database holds for its documents, as text: data,
// values, terms with wdf and positions, in docid order, for tests that
// compare two ways of writing the same stories.
#pragma once

#include <sstream>
#include <string>

#include <xapian.h>

namespace morgue::testing_support {

inline std::string dump_documents(const Xapian::Database& db) {
  std::ostringstream s;
  for (auto d = db.postlist_begin(""); d != db.postlist_end(""); ++d) {
    const Xapian::Document doc = db.get_document(*d);
    s << "doc " << *d << " len " << db.get_doclength(*d) << " data " << doc.get_data() << "\n";
    for (auto v = doc.values_begin(); v != doc.values_end(); ++v) s << " v" << v.get_valueno() << "=" << *v << "\n";
    for (auto t = db.termlist_begin(*d); t != db.termlist_end(*d); ++t) {
      s << " " << *t << ":" << t.get_wdf();
      for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) s << "," << *p;
      s << "\n";
    }
  }
  s << "count " << db.get_doccount() << " total " << db.get_avlength() * db.get_doccount() << "\n";
  return s.str();
}

}  // namespace morgue::testing_support
