// The contract importer: reads the OCR text of a council decision that approves a security and
// society contract (and the contract annexed to it) into a Contract (contract.h), despite OCR
// noise: fuzzy headings, wrapped list items, stray bullets, broken words. Pure functions over
// strings; a Wordlist is immutable after loading and may be shared read-only between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "contract/contract.h"
#include "core/money.h"
#include "core/status.h"

namespace hh {

// A list of correctly spelt words (one a line, UTF-8), such as Debian's wdutch
// (/usr/share/dict/nederlands). Optional: an empty Wordlist makes the importer correct nothing.
class Wordlist {
 public:
  Wordlist() = default;
  // Unavailable when the file cannot be read; blank lines are skipped.
  static Result<Wordlist> Load(const std::string& path);
  static Wordlist FromWords(const std::vector<std::string>& words);

  // True when `word` is listed as written, or in lower case (so "Versterken" is known when
  // "versterken" is listed, and "Mechelen" only when it is listed capitalised).
  bool Contains(std::string_view word) const;
  // True when the lower-case form of `word` is listed: a common word rather than a name.
  bool ContainsLower(std::string_view word) const;
  bool empty() const { return words_.empty(); }
  size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
};

// Corrects OCR noise in words "without doubt": a word that is not in the word list is replaced
// when exactly one listed word (or, for OCR confusions, one word of the document's own
// vocabulary) is reachable from it by the fewest OCR confusions (l/i/1/!/|, m/in, rn/m, u/ij,
// q/g, ...; at most two), or, failing that, by exactly one edit. Words of fewer than four
// letters, words with digits and acronyms (several capitals) are left alone.
class WordCorrector {
 public:
  // `document` is the whole text, whose words form its vocabulary. With an empty word list
  // nothing is ever corrected.
  WordCorrector(const Wordlist& words, std::string_view document);

  // The corrected word; nullopt when `word` is known or no correction is without doubt. When
  // more than one correction is possible they are put in *candidates (if not null).
  std::optional<std::string> CorrectWord(std::string_view word,
                                         std::vector<std::string>* candidates = nullptr) const;
  // `text` with every word corrected where CorrectWord gives a correction; words that had
  // several candidates are appended to *ambiguous as {word, "a | b"} (if not null).
  std::string CorrectText(std::string_view text,
                          std::vector<std::pair<std::string, std::string>>* ambiguous) const;
  // True when the lower-case form of `word` is written in lower case somewhere in the
  // document: a common word, not a name ("Versterken" starts an item, "Mechelen" does not).
  // The document alone decides, so that the structure read does not depend on the word list.
  bool IsCommonWord(std::string_view word) const;

 private:
  const Wordlist* words_;
  std::unordered_map<std::string, int> vocabulary_;  // document words (lower case) -> count
  std::unordered_set<std::string> lower_written_;    // document words written in lower case
};

// An amount as Belgian documents write it: "268.172,73,- euro", "60.000,00,~ euro",
// "277.140,- euro", "1.118.17,00- EUR". `well_formed` is false when the thousands groups are
// not of three digits ("1.118.17,00"); the amount is then read with the dots ignored.
struct WrittenAmount {
  Money amount;
  bool well_formed = true;
  std::string as_written;  // the digits and separators, "1.118.17,00"
  size_t pos = 0;          // where it starts in the text searched
};
// Every amount followed by "euro", "EUR" or "€" in `text`, in order.
std::vector<WrittenAmount> FindAmounts(std::string_view text);

// A date written in Dutch, "25 februari 2019", "1 januari 2018" (month names matched despite
// one OCR error), found in a text.
struct WrittenDate {
  LocalDate date;
  size_t pos = 0;
  size_t len = 0;
};
std::vector<WrittenDate> FindDutchDates(std::string_view text);

// The vote in a decision's text: "met 32 stemmen voor (...) en 5 onthoudingen (...)", with
// "N stemmen tegen" when there are; the abstainers' names from the brackets after the
// abstentions. `*unsure` (if not null) gets a reason when the names do not add up.
CouncilDecision ReadVote(std::string_view paragraph, std::string* unsure = nullptr);

// The threshold in an indicator's text: "Jaarlijks minstens 6 vergaderingen" -> {6, "year"};
// nullopt when the text sets no minimum. A minimum without a period gives per "contract".
std::optional<Threshold> ReadThreshold(std::string_view text);
// threshold when ReadThreshold finds one; count for "aantal ..."; existence otherwise.
IndicatorKind ClassifyIndicator(std::string_view text);

// The headings of the contract's objectives, recognised despite OCR noise.
enum class HeadingKind {
  kNone,
  kGeneral,      // Algemene doelstelling
  kStrategic,    // Strategische doelstelling N (number required)
  kOperational,  // Operationele doelstellingen
  kExpected,     // Te verwachten resultaten
  kIndicators,   // Indicatoren
  kSector,       // Activiteitssector N (number required)
};
struct HeadingMatch {
  HeadingKind kind = HeadingKind::kNone;
  std::optional<int> number;
  std::string rest;  // text after "Heading:" on the same line (general and strategic only)
};
// Matches one line against the headings: each word against the heading's words by edit
// distance after folding OCR confusions (l/i/1/!/|/[ -> i, rn -> m, q -> g, accents), allowing
// about one error in five letters; stray bullets and punctuation around it are ignored.
HeadingMatch MatchHeading(std::string_view line);

// Edit distance (Levenshtein) between two byte strings.
int EditDistance(std::string_view a, std::string_view b);
// The OCR folding MatchHeading uses: lower case, l/i/1/!/|/[/] -> i, rn -> m, q -> g, é/ë/è ->
// e, other non-letters dropped.
std::string FoldOcr(std::string_view word);

// Reads a decision text (file_name only names it in the result and messages) into a Contract.
// Never fails on noise: what it cannot read becomes a warning or an uncertain item. Fails with
// InvalidArgument only when the text holds no objectives at all (it is not such a decision).
Result<Contract> ImportDecisionText(std::string_view text, std::string_view file_name,
                                    const Wordlist& words);

}  // namespace hh
