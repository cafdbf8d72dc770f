// The block model main-text scoring works on (private header): kept block
// elements as a flat pre-order array with subtree statistics, and the runs of
// inline text ("units") between block boundaries.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <vector>

namespace morgue::html {

// Properties of a tag name, as bit flags.
enum TagFlag : std::uint32_t {
  kBlock = 1u << 0,       // starts and ends a paragraph
  kDrop = 1u << 1,        // never text: script, style, form controls, media
  kSkipBody = 1u << 2,    // text, but not story text: nav, aside, footer, figure
  kScoreTag = 1u << 3,    // readability's paragraph tags: p, td, pre, section, h2-h6
  kDivLike = 1u << 4,     // generic containers whose inline runs act as paragraphs
  kHeading = 1u << 5,
  kList = 1u << 6,
  kCleanable = 1u << 7,   // checked by conditional cleaning: div, table, ul, form, fieldset
  kInput = 1u << 8,       // counted as form input
  kEmbed = 1u << 9,       // counted as embedded media
  kImage = 1u << 10,
  kLink = 1u << 11,
  kLineBreak = 1u << 12,
  kTable = 1u << 13,
  kCode = 1u << 14,
};

std::uint32_t tag_flags(std::string_view tag);

// Filters of one extraction attempt (readability's flags).
struct BlockOptions {
  bool strip_unlikely = true;  // drop elements whose class/id says comment, share, sidebar...
  bool weight_classes = true;  // class/id words add or remove score
  bool clean_conditionally = true;
  bool skip_structural = true;  // drop nav/aside/footer/figure, hidden and role=navigation... subtrees
};

struct Counts {
  int text = 0;      // characters of text
  int links = 0;     // characters of text inside <a>
  int commas = 0;
  int headings = 0;  // characters inside h1-h6
  int p = 0, img = 0, li = 0, input = 0, embed = 0;

  Counts& operator+=(const Counts& o);
  Counts& operator-=(const Counts& o);
};

struct Block {
  const xmlNode* node = nullptr;
  int parent = -1;               // index in Blocks::blocks; -1 for the root
  std::uint32_t flags = 0;       // tag_flags of the element
  int class_weight = 0;          // +-25 per positive/negative class and id
  bool block_children = false;   // has block children or <br><br> splits
  Counts own;                    // counts of this element's own units and markers
  Counts total;                  // counts of the whole subtree
  double score = 0;
  bool scored = false;
};

struct Unit {
  int container = 0;  // index of the nearest block ancestor
  std::string text;
  int chars = 0, links = 0, commas = 0;
};

struct Blocks {
  std::vector<Block> blocks;  // pre-order: a parent comes before its children
  std::vector<Unit> units;    // document order
};

// One pass over the subtree under `root`. Bounded: iterative walk, per-node
// work independent of depth except for short byline checks with fixed limits.
Blocks build_blocks(const xmlNode* root, const BlockOptions& options);

// -25 / +25 per negative / positive word in the class and in the id.
int class_weight(const xmlNode* n);

}  // namespace morgue::html
