// Main-text extraction: the story's paragraphs without page clutter (private header).
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace morgue::html {

struct MainText {
  std::vector<std::string> paragraphs;  // story paragraphs and subheads, in page order
  std::vector<std::string> lead_lines;  // short lines just before and at the start of the story (datelines, bylines)
};

// Finds the story under `root` (the <body>, or the document's root element).
// A readability-style scorer: paragraphs vote for their ancestors, the best
// container and its qualifying siblings are kept, then link-heavy, form-like
// and tiny blocks inside it are dropped. Linear in the size of the tree; when
// the result is short the passes are rerun with fewer filters (at most 5 runs).
MainText extract_main_text(const xmlNode* root);

}  // namespace morgue::html
