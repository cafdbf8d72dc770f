#include "morgue/people.h"

#include <cstdlib>
#include <exception>
#include <future>
#include <mutex>
#include <stdexcept>

#include "people/credits.h"
#include "people/evidence.h"
#include "people/lexicon.h"
#include "people/names.h"
#include "people/perceptron.h"
#include "people/tagger.h"
#include "people/tokenizer.h"
#include "people/wire_cues.h"
#include "people/wire_ninth.h"
#include "util/strings.h"

namespace morgue {

constexpr const char* kModelFile = "people.model";

// Word lists and weights, loaded once and only read afterwards: that is what
// makes extract() safe to call from many threads. Loading takes about 80
// million instructions, so it waits for the first story: a nightly run with
// nothing new never pays it.
struct PeopleExtractor::Impl {
  struct Data {
    // The word lists load on a second thread while this one reads the model
    // (the two take about 30 and 50 million instructions).
    explicit Data(const std::filesystem::path& dir)
        : Data(std::async(std::launch::async, [dir] { return people::Lexicon(dir); }), dir) {}
    Data(std::future<people::Lexicon> lexicon_loaded, const std::filesystem::path& dir)
        : model(dir / kModelFile), lexicon(lexicon_loaded.get()) {}
    people::Model model;
    people::Lexicon lexicon;
  };
  std::filesystem::path dir;
  std::once_flag once;
  std::unique_ptr<Data> data;
  std::exception_ptr error;

  const Data& get() {
    std::call_once(once, [&] {
      try {
        data = std::make_unique<Data>(dir);
      } catch (...) {
        error = std::current_exception();
      }
    });
    if (error) std::rethrow_exception(error);
    return *data;
  }
};

PeopleExtractor::PeopleExtractor(const std::filesystem::path& data_dir) : impl_(std::make_unique<Impl>()) {
  impl_->dir = data_dir;
  // A missing file is an error now, not at the first story.
  auto check = [&](const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      throw std::runtime_error("people data missing or unreadable: " + file.string());
    }
  };
  for (const auto& file : people::kLexiconFiles) check(data_dir / file.name);
  check(data_dir / kModelFile);
}
PeopleExtractor::~PeopleExtractor() = default;

std::vector<std::string> PeopleExtractor::extract(const Article& article) const {
  return extract_with_cues(article).names;
}

PeopleExtractor::Found PeopleExtractor::extract_with_cues(const Article& article) const {
  // The texts must outlive the document, whose tokens point into them.
  std::vector<std::string> captions;
  captions.reserve(article.captions.size());
  for (const std::string& caption : article.captions) captions.push_back(people::strip_caption_credit(caption));
  std::string body = people::strip_body_credits(util::text_window(article.body, kTextWindowBytes));
  people::mend_quot_entities(body);
  people::mend_split_apostrophes(body);

  people::Document doc;
  // Grown once: about one token per six bytes of English text.
  // A headline derived from the body repeats its first words, perhaps cut
  // inside a name: the body alone is read then.
  std::string mended_title;
  std::string_view title = article.title_from_body ? std::string_view() : std::string_view(article.title);
  if (title.find("&quot;") != std::string_view::npos || title.find(" '") != std::string_view::npos) {
    mended_title = title;
    people::mend_quot_entities(mended_title);
    people::mend_split_apostrophes(mended_title);
    title = mended_title;
  }
  std::size_t bytes = title.size() + body.size();
  for (const std::string& caption : captions) bytes += caption.size();
  doc.lower_buffer.reserve(bytes);
  doc.tokens.reserve(bytes / 5 + 16);
  doc.lower_offsets.reserve(bytes / 5 + 16);
  people::tokenize(title, doc);
  const std::size_t title_end = doc.tokens.size();
  for (const std::string& caption : captions) people::tokenize(caption, doc);
  const std::size_t body_begin = doc.tokens.size();
  people::tokenize(body, doc);
  people::finish_document(doc);
  // A headline in title case says nothing by its case either, nor does a
  // body that opens by repeating it (web feeds).
  people::mark_title_case(doc, 0, title_end);
  if (people::repeats_title(doc, title_end, body_begin)) {
    people::mark_title_case(doc, body_begin, body_begin + title_end);
  }

  const Impl::Data& data = impl_->get();
  people::TaggerScratch scratch;
  people::tag_document(doc, data.lexicon, data.model, scratch);
  people::mark_scorers(doc, data.lexicon, scratch.tags, scratch.margins, people::kMinConfidence);
  people::join_name_particles(doc, data.lexicon, scratch.tags, scratch.margins);
  std::vector<people::NameCues> cues;
  Found found;
  found.names = people::merge_mentions(people::collect_mentions(doc, scratch.tags, scratch.margins, data.lexicon),
                                       data.lexicon, &cues);
  found.cues = people::encode_name_cues(cues);
  return found;
}

std::filesystem::path default_data_dir() {
  if (const char* env = std::getenv("MORGUE_DATA_DIR"); env && *env) return env;
  std::filesystem::path source = MORGUE_SOURCE_DATA_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(source, ec)) return source;
  return MORGUE_INSTALL_DATA_DIR;
}

}  // namespace morgue
