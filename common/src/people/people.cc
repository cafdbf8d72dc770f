#include "morgue/people.h"

#include <cstdlib>

#include "people/credits.h"
#include "people/lexicon.h"
#include "people/names.h"
#include "people/perceptron.h"
#include "people/tagger.h"
#include "people/tokenizer.h"

namespace morgue {

// Word lists and weights, loaded once and only read afterwards: that is what
// makes extract() safe to call from many threads.
struct PeopleExtractor::Impl {
  explicit Impl(const std::filesystem::path& dir) : lexicon(dir), model(dir / "people.model") {}
  people::Lexicon lexicon;
  people::Model model;
};

PeopleExtractor::PeopleExtractor(const std::filesystem::path& data_dir)
    : impl_(std::make_unique<Impl>(data_dir)) {}
PeopleExtractor::~PeopleExtractor() = default;

std::vector<std::string> PeopleExtractor::extract(const Article& article) const {
  // The texts must outlive the document, whose tokens point into them.
  std::vector<std::string> captions;
  captions.reserve(article.captions.size());
  for (const std::string& caption : article.captions) captions.push_back(people::strip_caption_credit(caption));
  std::string body = people::strip_body_credits(article.body);

  people::Document doc;
  // Grown once: about one token per six bytes of English text.
  std::size_t bytes = article.title.size() + body.size();
  for (const std::string& caption : captions) bytes += caption.size();
  doc.lower_buffer.reserve(bytes);
  doc.tokens.reserve(bytes / 5 + 16);
  doc.lower_offsets.reserve(bytes / 5 + 16);
  people::tokenize(article.title, doc);
  for (const std::string& caption : captions) people::tokenize(caption, doc);
  people::tokenize(body, doc);
  people::finish_document(doc);

  people::TaggerScratch scratch;
  people::tag_document(doc, impl_->lexicon, impl_->model, scratch);
  return people::merge_mentions(people::collect_mentions(doc, scratch.tags, scratch.margins, impl_->lexicon),
                                impl_->lexicon);
}

std::filesystem::path default_data_dir() {
  if (const char* env = std::getenv("MORGUE_DATA_DIR"); env && *env) return env;
  std::filesystem::path source = MORGUE_SOURCE_DATA_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(source, ec)) return source;
  return MORGUE_INSTALL_DATA_DIR;
}

}  // namespace morgue
