// Letters as PDF: every letter is first composed (Pango layouts for each block, split into
// lines, the lines placed on pages), then the composition is drawn once per PDF it goes to
// (its own document and, when asked, the print file), so a letter is laid out only once.
// Units: cairo's PDF surface works in points; LetterLayout is in millimetres (Pt() converts),
// and the Pango context runs at 72 dpi so one Pango unit / PANGO_SCALE is one point.
#include "letters/letter_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "payref/qr.h"

namespace hh {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
// ISO 216 A4.
constexpr double kA4WidthMm = 210.0;
constexpr double kA4HeightMm = 297.0;
// bpost: an address has at least three lines (name; street and number; postcode and place).
constexpr size_t kMinAddressLines = 3;
// EPC069-12: the EPC QR code is at most version 13 (GAS.md 4.2).
constexpr int kEpcMaxQrVersion = 13;
// ISO/IEC 18004 quiet zone, which qr_size_mm includes: 4 modules on each side.
constexpr int kQrQuietModules = 4;
// DIN 5008 form B: fold marks at 105 and 210 mm, punch mark at 148.5 mm, on the left edge.
constexpr std::array<double, 2> kFoldMarksMm = {105.0, 210.0};
constexpr double kPunchMarkMm = 148.5;
// The PDF viewer's resolution for Pango: 72 dpi makes a Pango point a PDF point.
constexpr double kDpi = 72.0;

// Spacing of the body, in millimetres (house typography, not law).
constexpr double kParagraphGapMm = 2.2;
constexpr double kBulletGapMm = 0.8;
constexpr double kHeadingGapBeforeMm = 3.5;
constexpr double kHeadingGapAfterMm = 1.0;
constexpr double kTitleGapAfterMm = 5.0;
constexpr double kBulletIndentMm = 6.0;
constexpr double kBulletGlyphIndentMm = 1.5;
constexpr double kSignatureGapMm = 6.0;
constexpr double kBoxPaddingMm = 4.0;
constexpr double kBoxLabelWidthMm = 45.0;
constexpr double kBoxValueMinMm = 50.0;  // "+++090/9337/55493+++" in bold 10 pt is ~42 mm
constexpr double kBoxRowGapMm = 1.2;
constexpr double kContinuationGapMm = 6.0;
constexpr double kFooterOffsetMm = 8.0;  // page number: this far below the body's bottom

double Pt(double mm) { return mm * kPointsPerMm; }

struct LayoutUnref {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutUnref>;
struct FontDescFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using FontPtr = std::unique_ptr<PangoFontDescription, FontDescFree>;
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
struct CairoDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;

// The words the page furniture prints, per language.
struct Labels {
  const char* case_number;
  const char* our_reference;
  const char* registered;
  const char* date_joiner;  // between the place and the date
  const char* page;         // printf: page, pages
  const char* box_title;
  const char* amount;
  const char* due_date;
  const char* ogm;
  const char* iban;
  const char* bic;
  const char* beneficiary;
  const char* qr_caption;
};

constexpr Labels kDutchLabels = {"Dossiernummer",
                                 "Ons kenmerk",
                                 "Aangetekend",
                                 ", ",
                                 "Pagina %d van %d",
                                 "Betaalgegevens",
                                 "Bedrag",
                                 "Te betalen uiterlijk op",
                                 "Gestructureerde mededeling",
                                 "IBAN",
                                 "BIC",
                                 "Begunstigde",
                                 "Scan met uw bankapp"};
constexpr Labels kFrenchLabels = {"Num\xC3\xA9ro de dossier",
                                  "Notre r\xC3\xA9"
                                  "f\xC3\xA9rence",
                                  "Recommand\xC3\xA9",
                                  ", le ",
                                  "Page %d de %d",
                                  "Donn\xC3\xA9"
                                  "es de paiement",
                                  "Montant",
                                  "\xC3\x80 payer au plus tard le",
                                  "Communication structur\xC3\xA9"
                                  "e",
                                  "IBAN",
                                  "BIC",
                                  "B\xC3\xA9n\xC3\xA9"
                                  "ficiaire",
                                  "Scannez avec votre app bancaire"};

const Labels& LabelsOf(LetterLanguage language) {
  return language == LetterLanguage::kFrench ? kFrenchLabels : kDutchLabels;
}

std::string Escaped(std::string_view text) {
  std::string out;
  AppendMarkupEscaped(text, out);
  return out;
}

bool IsLineText(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return false;
  }
  return g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr) != 0;
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// One line of a Pango layout, measured.
struct TextLine {
  PangoLayoutLine* line;  // owned by its layout (a Text)
  double x;               // offset of the line in its layout (alignment)
  double ascent;          // from the top of the line to its baseline
  double height;
};

// Something placed on a page: a line at (x, y) (y = the line's top), or the payment box.
struct Placed {
  bool payment = false;
  size_t line = 0;  // index into Composition::lines
  double x = 0;
  double y = 0;
};

// A piece of text laid out by Pango, split into measured lines. Made by
// LetterRenderer::Impl::Get, which keeps it for later letters with the same text.
struct Text {
  LayoutPtr layout;
  std::vector<TextLine> lines;
  double height = 0;
  double baseline = 0;  // of the first line, from the top
  uint32_t uses = 0;
};

struct PaymentRow {
  const Text* label;
  const Text* value;
  double height;
};

// A letter laid out and paginated, ready to draw any number of times. The Text pointers stay
// valid until the renderer composes its next letter.
struct Composition {
  std::vector<TextLine> lines;
  std::vector<std::vector<Placed>> pages;
  const Text* sender = nullptr;
  const Text* address = nullptr;
  const Text* date = nullptr;
  const Text* references = nullptr;
  const Text* continuation = nullptr;
  std::vector<const Text*> footers;  // one per page, when there is more than one page
  // The payment box.
  const Text* box_title = nullptr;
  std::vector<PaymentRow> rows;
  const Text* qr_caption = nullptr;
  SurfacePtr qr_image;  // one pixel per module, quiet zone included
  double box_height = 0;
};

}  // namespace

// ---------------------------------------------------------------------------------------------

Status ValidateLayout(const LetterLayout& l) {
  auto bad = [](const char* field, double v, const std::string& rule) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return InvalidArgument(std::string("letter layout: field ") + field + ": " + buf + " " + rule);
  };
  struct Len {
    const char* name;
    double v;
    double max;
  };
  const Len lens[] = {
      {"margin_left_mm", l.margin_left_mm, kA4WidthMm / 3},
      {"margin_right_mm", l.margin_right_mm, kA4WidthMm / 3},
      {"margin_top_mm", l.margin_top_mm, kA4HeightMm / 4},
      {"margin_bottom_mm", l.margin_bottom_mm, kA4HeightMm / 4},
      {"sender_x_mm", l.sender_x_mm, kA4WidthMm},
      {"sender_y_mm", l.sender_y_mm, kA4HeightMm},
      {"address_x_mm", l.address_x_mm, kA4WidthMm},
      {"address_y_mm", l.address_y_mm, kA4HeightMm},
      {"reference_y_mm", l.reference_y_mm, kA4HeightMm},
  };
  for (const Len& x : lens) {
    if (!(x.v >= 0 && x.v < x.max)) {
      char buf[48];
      std::snprintf(buf, sizeof buf, "must be 0 or more and below %g", x.max);
      return bad(x.name, x.v, buf);
    }
  }
  if (!(l.sender_width_mm > 0 && l.sender_x_mm + l.sender_width_mm <= kA4WidthMm))
    return bad("sender_width_mm", l.sender_width_mm, "must be positive and end on the sheet");
  if (!(l.address_width_mm >= 40 && l.address_x_mm + l.address_width_mm <= kA4WidthMm))
    return bad("address_width_mm", l.address_width_mm, "must be 40 or more and end on the sheet");
  if (!(l.address_height_mm >= 15 && l.address_y_mm + l.address_height_mm <= kA4HeightMm))
    return bad("address_height_mm", l.address_height_mm,
               "must be 15 or more (3 lines) and end on the sheet");
  if (!(l.reference_width_mm > 0 && l.margin_left_mm + l.reference_width_mm <= kA4WidthMm))
    return bad("reference_width_mm", l.reference_width_mm, "must be positive and end on the sheet");
  if (!(l.font_size_pt >= 6 && l.font_size_pt <= 16))
    return bad("font_size_pt", l.font_size_pt, "must be 6 to 16");
  if (!(l.small_font_size_pt >= 5 && l.small_font_size_pt <= 16))
    return bad("small_font_size_pt", l.small_font_size_pt, "must be 5 to 16");
  if (!(l.title_font_size_pt >= 6 && l.title_font_size_pt <= 24))
    return bad("title_font_size_pt", l.title_font_size_pt, "must be 6 to 24");
  double body_width = kA4WidthMm - l.margin_left_mm - l.margin_right_mm;
  if (!(l.qr_size_mm >= 20 && l.qr_size_mm <= 60))
    return bad("qr_size_mm", l.qr_size_mm, "must be 20 to 60");
  if (body_width < l.qr_size_mm + 3 * kBoxPaddingMm + kBoxLabelWidthMm + kBoxValueMinMm) {
    return bad("margin_right_mm", l.margin_right_mm,
               "leaves the body too narrow for the payment box");
  }
  if (!(l.body_top_mm >= l.margin_top_mm && l.body_top_mm <= kA4HeightMm / 2))
    return bad("body_top_mm", l.body_top_mm, "must lie between margin_top_mm and 148.5");
  if (l.font_family.empty()) return InvalidArgument("letter layout: field font_family is empty");
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------
// PrintFile

struct PrintFile::Impl {
  std::string bytes;
  SurfacePtr surface;
  CairoPtr cr;
  bool finished = false;
};

PrintFile::PrintFile(bool duplex) : impl_(std::make_unique<Impl>()), duplex_(duplex) {
  impl_->surface.reset(cairo_pdf_surface_create_for_stream(AppendToString, &impl_->bytes,
                                                           Pt(kA4WidthMm), Pt(kA4HeightMm)));
  cairo_pdf_surface_set_metadata(impl_->surface.get(), CAIRO_PDF_METADATA_CREATOR, "Handhaving");
  impl_->cr.reset(cairo_create(impl_->surface.get()));
}

PrintFile::~PrintFile() = default;

Result<std::string> PrintFile::Finish() {
  if (impl_->finished) return Internal("print file: already finished");
  impl_->finished = true;
  impl_->cr.reset();
  cairo_surface_finish(impl_->surface.get());
  cairo_status_t st = cairo_surface_status(impl_->surface.get());
  impl_->surface.reset();
  if (st != CAIRO_STATUS_SUCCESS) {
    return Internal(std::string("print file: cairo: ") + cairo_status_to_string(st));
  }
  return std::move(impl_->bytes);
}

// ---------------------------------------------------------------------------------------------
// LetterRenderer

struct LetterRenderer::Impl {
  enum FontRole { kBody, kBold, kSmall, kTitle, kFontRoles };

  LetterLayout layout;
  std::array<SenderBlock, 2> senders;
  std::array<std::string, 2> sender_markup;
  PangoFontMap* font_map = nullptr;
  PangoContext* context = nullptr;
  std::array<FontPtr, kFontRoles> fonts;
  double body_left = 0, body_width = 0, body_bottom = 0, continuation_top = 0;
  // Texts already laid out, by font, width, alignment and markup: most of a letter (headings,
  // fixed paragraphs, labels, the sender) is the same in every letter of a kind and is shaped
  // once. Pruned by Compose (see kTextCacheSize).
  std::unordered_map<std::string, Text> cache;

  // Above this many texts Compose drops those used by one letter only (the field-filled
  // paragraphs), keeping the shared ones; a few hundred layouts are a few megabytes.
  static constexpr size_t kTextCacheSize = 512;

  Impl(LetterLayout l, SenderBlock dutch, SenderBlock french) : layout(std::move(l)) {
    if (french.lines.empty()) french = dutch;
    senders = {std::move(dutch), std::move(french)};
    // A font map of our own (not pango_cairo_font_map_get_default, which is shared per
    // thread) so the renderer owns every Pango object it uses.
    font_map = pango_cairo_font_map_new();
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map), kDpi);
    context = pango_font_map_create_context(font_map);
    pango_cairo_context_set_resolution(context, kDpi);
    // A PDF is vector output: no hinting, so the lines have the same metrics at any zoom.
    cairo_font_options_t* opts = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(opts, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(opts, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, opts);
    cairo_font_options_destroy(opts);
    // Pango rounds glyph positions to whole units by default (pixels on screen): at 72 dpi
    // that is whole points, which spreads 10 pt text visibly and makes cairo write a position
    // correction after almost every glyph. A PDF wants the exact advances.
    pango_context_set_round_glyph_positions(context, FALSE);
    pango_context_set_language(context, pango_language_from_string("nl-BE"));

    fonts[kBody] = Font(layout.font_size_pt, false);
    fonts[kBold] = Font(layout.font_size_pt, true);
    fonts[kSmall] = Font(layout.small_font_size_pt, false);
    fonts[kTitle] = Font(layout.title_font_size_pt, true);

    for (size_t i = 0; i < senders.size(); ++i) {
      std::string& markup = sender_markup[i];
      for (size_t n = 0; n < senders[i].lines.size(); ++n) {
        if (n > 0) markup += '\n';
        if (n == 0) markup += "<b>";
        AppendMarkupEscaped(senders[i].lines[n], markup);
        if (n == 0) markup += "</b>";
      }
    }
    body_left = Pt(layout.margin_left_mm);
    body_width = Pt(kA4WidthMm - layout.margin_left_mm - layout.margin_right_mm);
    body_bottom = Pt(kA4HeightMm - layout.margin_bottom_mm);
    continuation_top =
        Pt(layout.margin_top_mm) + Get("X", kSmall, body_width).height + Pt(kContinuationGapMm);
  }

  ~Impl() {
    cache.clear();  // the layouts before their context
    g_object_unref(context);
    g_object_unref(font_map);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  FontPtr Font(double size_pt, bool is_bold) const {
    FontPtr f(pango_font_description_from_string(layout.font_family.c_str()));
    pango_font_description_set_size(f.get(), static_cast<gint>(size_pt * PANGO_SCALE));
    if (is_bold) pango_font_description_set_weight(f.get(), PANGO_WEIGHT_BOLD);
    return f;
  }

  // `markup` laid out in `font`, wrapped at `width_pt`: from the cache, or made and cached.
  const Text& Get(std::string_view markup, FontRole font, double width_pt,
                  PangoAlignment align = PANGO_ALIGN_LEFT) {
    int width = pango_units_from_double(width_pt);
    std::string key;
    key.reserve(markup.size() + 8);
    key.push_back(static_cast<char>('0' + font));
    key.push_back(static_cast<char>('0' + align));
    key.append(reinterpret_cast<const char*>(&width), sizeof width);
    key.append(markup);
    auto [it, added] = cache.try_emplace(std::move(key));
    Text& t = it->second;
    ++t.uses;
    if (!added) return t;
    t.layout.reset(pango_layout_new(context));
    PangoLayout* l = t.layout.get();
    pango_layout_set_font_description(l, fonts[font].get());
    pango_layout_set_width(l, width);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l, align);
    pango_layout_set_markup(l, markup.data(), static_cast<int>(markup.size()));
    PangoLayoutIter* iter = pango_layout_get_iter(l);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      int baseline = pango_layout_iter_get_baseline(iter);
      t.lines.push_back({pango_layout_iter_get_line_readonly(iter),
                         static_cast<double>(logical.x) / PANGO_SCALE,
                         static_cast<double>(baseline - logical.y) / PANGO_SCALE,
                         static_cast<double>(logical.height) / PANGO_SCALE});
      t.height += t.lines.back().height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    t.baseline = t.lines.front().ascent;
    return t;
  }

  void PruneCache() {
    if (cache.size() <= kTextCacheSize) return;
    std::erase_if(cache, [](const auto& kv) { return kv.second.uses < 2; });
    if (cache.size() > kTextCacheSize / 2) cache.clear();
  }

  // Appends the lines of `t` to c.lines; returns the index of the first.
  static size_t AddLines(Composition& c, const Text& t) {
    size_t first = c.lines.size();
    c.lines.insert(c.lines.end(), t.lines.begin(), t.lines.end());
    return first;
  }

  Status Compose(const Letter& letter, Composition& c);
  void Draw(cairo_t* cr, const Composition& c) const;
  // Draws the composed letter as the next pages of the print file.
  Status DrawInto(PrintFile& print, const Composition& c) const;
  void DrawPaymentBox(cairo_t* cr, const Composition& c, double top) const;
};

namespace {

void Show(cairo_t* cr, const Text* t, double x, double y) {
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, t->layout.get());
}

}  // namespace

Status LetterRenderer::Impl::Compose(const Letter& letter, Composition& c) {
  PruneCache();  // before any Text of this letter is taken
  const ExpandedLetter& t = letter.text;
  const Labels& labels = LabelsOf(t.language);
  size_t lang = t.language == LetterLanguage::kFrench ? 1 : 0;
  c.sender = &Get(sender_markup[lang], kSmall, Pt(layout.sender_width_mm));

  // The address block: every line must be there and fit in the window.
  if (letter.address_lines.size() < kMinAddressLines) {
    return InvalidArgument(t.source + ": the address has " +
                           std::to_string(letter.address_lines.size()) +
                           " lines; bpost needs at least 3 (name, street and number, postcode "
                           "and place)");
  }
  std::string markup;
  for (size_t i = 0; i < letter.address_lines.size(); ++i) {
    const std::string& line = letter.address_lines[i];
    if (line.empty() || !IsLineText(line)) {
      return InvalidArgument(t.source + ": address line " + std::to_string(i + 1) +
                             " is empty or not one line of UTF-8 text");
    }
    if (i > 0) markup += '\n';
    AppendMarkupEscaped(line, markup);
  }
  c.address = &Get(markup, kBody, Pt(layout.address_width_mm));
  if (c.address->height > Pt(layout.address_height_mm) + 0.01) {
    return InvalidArgument(t.source + ": the address (" + std::to_string(c.address->lines.size()) +
                           " lines once wrapped) does not fit in the envelope window (" +
                           std::to_string(static_cast<int>(layout.address_height_mm)) + " mm)");
  }

  // Date and reference lines.
  markup.clear();
  AppendMarkupEscaped(senders[lang].place, markup);
  markup += labels.date_joiner;
  AppendMarkupEscaped(t.letter_date, markup);
  c.date = &Get(markup, kBody, Pt(layout.reference_width_mm));
  markup.clear();
  auto ref_line = [&](const char* label, const std::string& value) {
    if (value.empty()) return;
    if (!markup.empty()) markup += '\n';
    markup += label;
    markup += ": ";
    AppendMarkupEscaped(value, markup);
  };
  ref_line(labels.case_number, t.case_number);
  ref_line(labels.our_reference, t.our_reference);
  ref_line(labels.registered, t.registered_number);
  c.references = &Get(markup, kSmall, Pt(layout.reference_width_mm));
  markup.clear();
  ref_line(labels.case_number, t.case_number);
  c.continuation = &Get(markup, kSmall, body_width);

  // The payment box.
  if (t.payment) {
    const PaymentBox& p = *t.payment;
    if (letter.qr_payload.empty()) {
      return InvalidArgument(t.source + ": the letter has a [[payment]] box but no QR payload");
    }
    auto qr = EncodeQr(letter.qr_payload, kEpcMaxQrVersion);
    if (!qr.ok()) return InvalidArgument(t.source + ": " + qr.status().message());
    int pixels = qr->size + 2 * kQrQuietModules;
    c.qr_image.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, pixels, pixels));
    {
      CairoPtr ic(cairo_create(c.qr_image.get()));
      cairo_set_antialias(ic.get(), CAIRO_ANTIALIAS_NONE);
      DrawQr(ic.get(), *qr, kQrQuietModules, kQrQuietModules, 1.0);
    }
    cairo_surface_flush(c.qr_image.get());
    if (cairo_surface_status(c.qr_image.get()) != CAIRO_STATUS_SUCCESS) {
      return Internal(t.source + ": cairo could not make the QR image");
    }
    double text_width = body_width - Pt(layout.qr_size_mm + 3 * kBoxPaddingMm);
    double value_width = text_width - Pt(kBoxLabelWidthMm);
    c.box_title = &Get(Escaped(labels.box_title), kBold, text_width);
    double rows_height = c.box_title->height + Pt(kBoxRowGapMm);
    const std::pair<const char*, std::string> rows[] = {
        {labels.amount, "<b>" + Escaped(p.amount) + "</b>"},
        {labels.due_date, "<b>" + Escaped(p.due_date) + "</b>"},
        {labels.ogm, "<b>" + Escaped(p.ogm) + "</b>"},
        {labels.iban, Escaped(p.iban)},
        {labels.bic, Escaped(p.bic)},
        {labels.beneficiary, Escaped(p.beneficiary)},
    };
    for (const auto& [label, value] : rows) {
      PaymentRow row{};
      row.label = &Get(Escaped(label), kSmall, Pt(kBoxLabelWidthMm - 2));
      row.value = &Get(value, kBody, value_width);
      row.height = std::max(row.label->height, row.value->height);
      rows_height += row.height + Pt(kBoxRowGapMm);
      c.rows.push_back(row);
    }
    c.qr_caption =
        &Get(Escaped(labels.qr_caption), kSmall, Pt(layout.qr_size_mm), PANGO_ALIGN_CENTER);
    double qr_height = Pt(layout.qr_size_mm) + c.qr_caption->height;
    c.box_height = std::max(rows_height, qr_height) + 2 * Pt(kBoxPaddingMm);
  }

  // The body, placed line by line.
  double y = Pt(layout.body_top_mm);
  bool at_top = true;
  c.pages.emplace_back();
  auto new_page = [&] {
    c.pages.emplace_back();
    y = continuation_top;
    at_top = true;
  };
  auto gap = [&](double mm) {
    if (!at_top) y += Pt(mm);
  };
  auto fits = [&](double h) { return at_top || y + h <= body_bottom; };
  auto place = [&](size_t line, double x) {
    const TextLine& tl = c.lines[line];
    if (!fits(tl.height)) new_page();
    c.pages.back().push_back({false, line, x, y});
    y += tl.height;
    at_top = false;
  };
  auto place_all = [&](size_t first, double x) {
    for (size_t i = first; i < c.lines.size(); ++i) place(i, x);
  };

  place_all(AddLines(c, Get(t.title, kTitle, body_width)), body_left);
  gap(kTitleGapAfterMm);

  LetterBlock::Type prev = LetterBlock::Type::kHeading;  // no paragraph gap after the title
  for (size_t bi = 0; bi < t.blocks.size(); ++bi) {
    const LetterBlock& b = t.blocks[bi];
    switch (b.type) {
      case LetterBlock::Type::kHeading: {
        gap(kHeadingGapBeforeMm);
        const Text& h = Get(b.markup, kBold, body_width);
        // Keep the heading with the first line of what follows it.
        double need = h.height;
        if (bi + 1 < t.blocks.size() && (t.blocks[bi + 1].type == LetterBlock::Type::kParagraph ||
                                         t.blocks[bi + 1].type == LetterBlock::Type::kBullet)) {
          need += Pt(kHeadingGapAfterMm) + layout.font_size_pt * 1.25;  // + one body line (pt)
        }
        if (!fits(need)) new_page();
        place_all(AddLines(c, h), body_left);
        gap(kHeadingGapAfterMm);
        break;
      }
      case LetterBlock::Type::kParagraph: {
        if (prev != LetterBlock::Type::kHeading) gap(kParagraphGapMm);
        place_all(AddLines(c, Get(b.markup, kBody, body_width)), body_left);
        break;
      }
      case LetterBlock::Type::kBullet: {
        if (prev == LetterBlock::Type::kBullet) {
          gap(kBulletGapMm);
        } else if (prev != LetterBlock::Type::kHeading) {
          gap(kParagraphGapMm);
        }
        size_t glyph = AddLines(c, Get("\xE2\x80\xA2", kBody, body_width));
        size_t first = AddLines(c, Get(b.markup, kBody, body_width - Pt(kBulletIndentMm)));
        if (!fits(c.lines[first].height)) new_page();
        c.pages.back().push_back({false, glyph, body_left + Pt(kBulletGlyphIndentMm), y});
        place_all(first, body_left + Pt(kBulletIndentMm));
        break;
      }
      case LetterBlock::Type::kPayment: {
        gap(kParagraphGapMm + 1);
        if (!fits(c.box_height)) new_page();
        c.pages.back().push_back({true, 0, body_left, y});
        y += c.box_height;
        at_top = false;
        break;
      }
      case LetterBlock::Type::kSignature: {
        gap(kSignatureGapMm);
        markup = Escaped(t.signer_name);
        if (!t.signer_title.empty()) markup += "\n" + Escaped(t.signer_title);
        const Text& sig = Get(markup, kBody, body_width / 2);
        if (!fits(sig.height)) new_page();  // never split
        place_all(AddLines(c, sig), body_left);
        break;
      }
      case LetterBlock::Type::kPageBreak:
        if (!at_top) new_page();
        break;
    }
    prev = b.type;
  }

  // Page numbers, when there is more than one page.
  int pages = static_cast<int>(c.pages.size());
  if (pages > 1) {
    for (int p = 1; p <= pages; ++p) {
      char buf[64];
      std::snprintf(buf, sizeof buf, labels.page, p, pages);
      c.footers.push_back(&Get(Escaped(buf), kSmall, body_width, PANGO_ALIGN_RIGHT));
    }
  }
  return Status::Ok();
}

void LetterRenderer::Impl::DrawPaymentBox(cairo_t* cr, const Composition& c, double top) const {
  double pad = Pt(kBoxPaddingMm);
  cairo_set_line_width(cr, 0.75);
  cairo_rectangle(cr, body_left, top, body_width, c.box_height);
  cairo_stroke(cr);
  double x = body_left + pad;
  double y = top + pad;
  Show(cr, c.box_title, x, y);
  y += c.box_title->height + Pt(kBoxRowGapMm);
  for (const PaymentRow& row : c.rows) {
    // The label's first baseline on the value's.
    Show(cr, row.label, x, y + row.value->baseline - row.label->baseline);
    Show(cr, row.value, x + Pt(kBoxLabelWidthMm), y);
    y += row.height + Pt(kBoxRowGapMm);
  }
  // The QR code, qr_size_mm square with its quiet zone, at the box's top right. The symbol is
  // an image of one pixel per module (DrawQr drew it, see Compose) painted without
  // interpolation: sharp at any resolution, and a few hundred bytes in the PDF where one
  // rectangle per run of dark modules cost kilobytes and much of the drawing time.
  double side = Pt(layout.qr_size_mm);
  double qx = body_left + body_width - pad - side;
  double qy = top + pad;
  cairo_save(cr);
  cairo_translate(cr, qx, qy);
  double scale = side / cairo_image_surface_get_width(c.qr_image.get());
  cairo_scale(cr, scale, scale);
  cairo_set_source_surface(cr, c.qr_image.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST);
  cairo_paint(cr);
  cairo_restore(cr);
  Show(cr, c.qr_caption, qx, qy + side);
}

void LetterRenderer::Impl::Draw(cairo_t* cr, const Composition& c) const {
  for (size_t p = 0; p < c.pages.size(); ++p) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (p == 0) {
      Show(cr, c.sender, Pt(layout.sender_x_mm), Pt(layout.sender_y_mm));
      Show(cr, c.address, Pt(layout.address_x_mm), Pt(layout.address_y_mm));
      double y = Pt(layout.reference_y_mm);
      Show(cr, c.date, body_left, y);
      Show(cr, c.references, body_left, y + c.date->height + Pt(2));
      if (layout.fold_marks) {
        cairo_set_line_width(cr, 0.4);
        for (double mm : kFoldMarksMm) {
          cairo_move_to(cr, Pt(4), Pt(mm));
          cairo_line_to(cr, Pt(9), Pt(mm));
        }
        cairo_move_to(cr, Pt(4), Pt(kPunchMarkMm));
        cairo_line_to(cr, Pt(11), Pt(kPunchMarkMm));
        cairo_stroke(cr);
      }
    } else {
      Show(cr, c.continuation, body_left, Pt(layout.margin_top_mm));
    }
    for (const Placed& item : c.pages[p]) {
      if (item.payment) {
        DrawPaymentBox(cr, c, item.y);
        continue;
      }
      const TextLine& tl = c.lines[item.line];
      cairo_move_to(cr, item.x + tl.x, item.y + tl.ascent);
      pango_cairo_show_layout_line(cr, tl.line);
    }
    if (!c.footers.empty()) Show(cr, c.footers[p], body_left, body_bottom + Pt(kFooterOffsetMm));
    cairo_show_page(cr);
  }
}

LetterRenderer::LetterRenderer(LetterLayout layout, SenderBlock dutch, SenderBlock french)
    : impl_(std::make_unique<Impl>(std::move(layout), std::move(dutch), std::move(french))) {}

LetterRenderer::~LetterRenderer() = default;

Result<LetterPdf> LetterRenderer::Render(const Letter& letter, PrintFile* print) {
  if (print != nullptr && print->impl_->finished) {
    return Internal("print file: a letter was added after Finish");
  }
  Composition c;
  Status st = impl_->Compose(letter, c);
  if (!st.ok()) return st;

  LetterPdf out;
  {
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(AppendToString, &out.bytes,
                                                           Pt(kA4WidthMm), Pt(kA4HeightMm)));
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Handhaving");
    // The letter's own date as the creation date instead of the clock: the same letter then
    // gives the same bytes (and hash, GAS.md 6.5) when it is made again. (cairo 1.16 writes
    // it without the "D:" prefix; poppler and common readers accept that.)
    const std::string& d = letter.text.letter_date;  // dd/mm/jjjj (checked by Expand)
    if (d.size() == 10) {
      std::string iso = d.substr(6, 4) + "-" + d.substr(3, 2) + "-" + d.substr(0, 2) + "T00:00:00";
      cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, iso.c_str());
    }
    {
      CairoPtr cr(cairo_create(surface.get()));
      impl_->Draw(cr.get(), c);
    }
    cairo_surface_finish(surface.get());
    cairo_status_t cs = cairo_surface_status(surface.get());
    if (cs != CAIRO_STATUS_SUCCESS) {
      return Internal(letter.text.source + ": cairo: " + cairo_status_to_string(cs));
    }
  }
  out.pages = static_cast<int>(c.pages.size());

  if (print != nullptr) {
    Status added = impl_->DrawInto(*print, c);
    if (!added.ok()) return added;
  }
  return out;
}

Status LetterRenderer::AddToPrint(const Letter& letter, PrintFile& print) {
  if (print.impl_->finished) return Internal("print file: a letter was added after Finish");
  Composition c;
  Status st = impl_->Compose(letter, c);
  if (!st.ok()) return st;
  return impl_->DrawInto(print, c);
}

Status LetterRenderer::Impl::DrawInto(PrintFile& print_file, const Composition& c) const {
  PrintFile* print = &print_file;
  {
    cairo_t* cr = print->impl_->cr.get();
    Draw(cr, c);
    int pages = static_cast<int>(c.pages.size());
    if (print->duplex_ && pages % 2 == 1) {
      cairo_show_page(cr);  // the blank back of the last sheet
      ++pages;
    }
    print->letters_ += 1;
    print->pages_ += pages;
    cairo_status_t cs = cairo_status(cr);
    if (cs != CAIRO_STATUS_SUCCESS) {
      return Internal("print file: cairo: " + std::string(cairo_status_to_string(cs)));
    }
  }
  return Status::Ok();
}

}  // namespace hh
