// Facets over a whole result set, from Xapian's built-in ValueCountMatchSpy
// only, so they work the same through xapian-tcpsrv (remote shards).
#pragma once

#include <memory>

#include <xapian.h>

#include "morgue/search.h"

namespace morgue {

class FacetCollector {
 public:
  FacetCollector();
  // Registers the spies on `enquire`.
  void attach(Xapian::Enquire& enquire);
  // Reads the counts after get_mset(). `top` values per list facet.
  Facets collect(std::size_t top) const;

 private:
  std::unique_ptr<Xapian::ValueCountMatchSpy> sections_, people_, months_;
};

}  // namespace morgue
