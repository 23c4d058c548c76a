#include "contract/report_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/core.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string_view>

namespace hh {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kA4WidthMm = 210.0;
constexpr double kA4HeightMm = 297.0;
constexpr double kMarginMm = 18.0;
constexpr double kBodyWidthMm = kA4WidthMm - 2 * kMarginMm;
constexpr double kStatusColumnMm = 32.0;  // the indicators' status and value, on the right
constexpr double kIndentMm = 5.0;
constexpr double kGapMm = 1.6;
constexpr double kDpi = 72.0;

double Pt(double mm) { return mm * kPointsPerMm; }

std::string Escape(std::string_view s) {
  std::unique_ptr<char, decltype(&g_free)> e(
      g_markup_escape_text(s.data(), static_cast<gssize>(s.size())), &g_free);
  return e.get();
}

// Writes pages top to bottom: each block is laid out at the width it gets and starts a new page
// when it does not fit on this one.
class Writer {
 public:
  Writer() {
    surface_ = cairo_pdf_surface_create_for_stream(&Writer::Sink, &bytes_, Pt(kA4WidthMm),
                                                   Pt(kA4HeightMm));
    cr_ = cairo_create(surface_);
    context_ = pango_cairo_create_context(cr_);
    pango_cairo_context_set_resolution(context_, kDpi);
    y_ = kMarginMm;
  }
  ~Writer() {
    g_object_unref(context_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  // One paragraph of markup at x (mm from the left margin) in `width` mm; returns its height.
  double Measure(const std::string& markup, double width, const char* font) {
    PangoLayout* l = Layout(markup, width, font);
    int w = 0;
    int h = 0;
    pango_layout_get_size(l, &w, &h);
    g_object_unref(l);
    return h / static_cast<double>(PANGO_SCALE) / kPointsPerMm;
  }
  void Draw(const std::string& markup, double x, double y, double width, const char* font) {
    PangoLayout* l = Layout(markup, width, font);
    cairo_move_to(cr_, Pt(kMarginMm + x), Pt(y));
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
  }
  // Makes room for `height` mm, breaking the page when needed; returns the top of the room.
  double Room(double height) {
    if (y_ + height > kA4HeightMm - kMarginMm && y_ > kMarginMm) NewPage();
    const double top = y_;
    y_ += height;
    return top;
  }
  void Paragraph(const std::string& markup, const char* font, double x = 0, double gap = kGapMm) {
    const double width = kBodyWidthMm - x;
    const double h = Measure(markup, width, font);
    Draw(markup, x, Room(h + gap), width, font);
  }
  // Text on the left, a second column on the right, on the same row.
  void Row(const std::string& left, const std::string& right, double x, const char* font) {
    const double lw = kBodyWidthMm - x - kStatusColumnMm - 2;
    const double h = std::max(Measure(left, lw, font), Measure(right, kStatusColumnMm, font));
    const double top = Room(h + kGapMm);
    Draw(left, x, top, lw, font);
    Draw(right, kBodyWidthMm - kStatusColumnMm, top, kStatusColumnMm, font);
  }
  // A table row at fixed column offsets (mm) and widths.
  void Cells(const std::vector<std::string>& cells, const std::vector<double>& at,
             const std::vector<double>& widths, const char* font, bool right_aligned_numbers) {
    double h = 0;
    for (size_t i = 0; i < cells.size(); ++i) h = std::max(h, Measure(cells[i], widths[i], font));
    const double top = Room(h + kGapMm);
    for (size_t i = 0; i < cells.size(); ++i) {
      PangoLayout* l = Layout(cells[i], widths[i], font);
      if (right_aligned_numbers && i > 0) pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
      cairo_move_to(cr_, Pt(kMarginMm + at[i]), Pt(top));
      pango_cairo_show_layout(cr_, l);
      g_object_unref(l);
    }
  }
  void Space(double mm) { y_ += mm; }
  void Rule() {
    const double top = Room(1.5);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, Pt(kMarginMm), Pt(top + 0.5));
    cairo_line_to(cr_, Pt(kMarginMm + kBodyWidthMm), Pt(top + 0.5));
    cairo_stroke(cr_);
  }
  Result<std::string> Finish() {
    Footer();
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      return Internal(std::string("contract report: cairo: ") +
                      cairo_status_to_string(cairo_surface_status(surface_)));
    }
    return bytes_;
  }

 private:
  static cairo_status_t Sink(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  }
  PangoLayout* Layout(const std::string& markup, double width, const char* font) {
    PangoLayout* l = pango_layout_new(context_);
    PangoFontDescription* f = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    pango_layout_set_width(l, static_cast<int>(Pt(width) * PANGO_SCALE));
    pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_markup(l, markup.data(), static_cast<int>(markup.size()));
    return l;
  }
  void Footer() {
    const std::string n = fmt::format("pagina {}", page_);
    Draw(n, 0, kA4HeightMm - kMarginMm + 6, kBodyWidthMm, "Sans 8");
  }
  void NewPage() {
    Footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kMarginMm;
  }

  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoContext* context_ = nullptr;
  double y_ = 0;
  int page_ = 1;
};

std::string KindLabel(const ReportIndicator& i) {
  switch (i.kind) {
    case IndicatorKind::kExistence:
      return "bestaan";
    case IndicatorKind::kCount:
      return "aantal";
    case IndicatorKind::kThreshold:
      return fmt::format("drempel {} per jaar", i.target_per_year.value_or(0));
  }
  return "";
}

}  // namespace

Result<std::string> ContractReportPdf(const ContractReport& r) {
  Writer w;
  w.Paragraph(fmt::format("<b>Veiligheids- en samenlevingscontract: evaluatie {}</b>", r.year),
              "Sans 16", 0, 3);
  std::string period = "periode onbekend";
  if (r.period_from && r.period_to) {
    period = fmt::format("periode {} tot {}", r.period_from->ToDutchString(),
                         r.period_to->ToDutchString());
  }
  w.Paragraph(Escape(fmt::format("Opgemaakt op {}; {}; bron: {}", r.today.ToDutchString(), period,
                                 r.source_file)),
              "Sans 9");
  w.Paragraph(
      Escape(fmt::format("Indicatoren: {} gehaald, {} op schema, {} in gevaar, {} niet gehaald, "
                         "{} zonder gegevens",
                         r.counts[0], r.counts[1], r.counts[2], r.counts[3], r.counts[4])),
      "Sans 9", 0, 4);

  for (const ReportRubric& rb : r.rubrics) {
    w.Rule();
    w.Paragraph(fmt::format("<b>Rubriek {}: {}</b>", Escape(rb.number), Escape(rb.title)),
                "Sans 12");
    w.Paragraph(Escape("Bedrag " + std::to_string(r.year) + ": " + rb.amount.ToDutchString()),
                "Sans 9", 0, 2.5);
    for (const ReportGroup& g : rb.groups) {
      if (g.sector) {
        w.Paragraph(fmt::format("<b>Activiteitssector {}</b>", *g.sector), "Sans 10.5");
      }
      if (!g.general.empty()) {
        w.Paragraph("<i>Algemene doelstelling:</i> " + Escape(g.general), "Sans 9.5");
      }
      for (const ReportObjective& o : g.objectives) {
        w.Paragraph(
            fmt::format("<b>Strategische doelstelling {}</b>: {}", o.number, Escape(o.title)),
            "Sans 9.5", 0, 1.2);
        for (const ReportIndicator& i : o.indicators) {
          std::string left = fmt::format("<tt>{}</tt>  {} <span size='small'>({})</span>",
                                         Escape(i.key), Escape(i.text), Escape(KindLabel(i)));
          if (!i.measure.empty()) {
            left += fmt::format("\n<span size='small'>meting: {}</span>",
                                Escape(i.measure_label.empty() ? i.measure : i.measure_label));
          }
          for (const IndicatorEvidence& e : i.evidence) {
            std::string file = e.file_name.empty() ? std::string()
                                                   : fmt::format(" [{}, sha256 {}]", e.file_name,
                                                                 e.sha256.substr(0, 12));
            left += fmt::format("\n<span size='small'>bewijs: {}{}</span>", Escape(e.note),
                                Escape(file));
          }
          std::string right = fmt::format("<b>{}</b>", IndicatorStatusLabelNl(i.status));
          if (i.value) right += fmt::format("\nwaarde {}", *i.value);
          w.Row(left, right, kIndentMm, "Sans 8.5");
        }
        w.Space(1.5);
      }
    }
  }

  w.Rule();
  w.Paragraph(fmt::format("<b>Budget {}</b>", r.year), "Sans 12");
  const std::vector<double> at = {0, 30, 66, 102, 138};
  const std::vector<double> widths = {28, 34, 34, 34, 36};
  w.Cells(
      {"<b>Rubriek</b>", "<b>Budget</b>", "<b>Uitgegeven</b>", "<b>Resterend</b>", "<b>Status</b>"},
      at, widths, "Sans 9", true);
  auto line = [&](const BudgetLine& b, bool bold) {
    auto m = [&](const std::string& s) { return bold ? "<b>" + Escape(s) + "</b>" : Escape(s); };
    w.Cells({m(b.rubric), m(b.budget.ToDutchString()), m(b.spent.ToDutchString()),
             m(b.remaining.ToDutchString()), m(BudgetStatusLabelNl(b))},
            at, widths, "Sans 9", true);
  };
  for (const BudgetLine& b : r.budget) line(b, false);
  line(r.budget_total, true);
  w.Space(3);

  w.Rule();
  w.Paragraph("<b>Open punten</b>", "Sans 12");
  if (r.warnings.empty() && r.open_uncertain == 0) w.Paragraph("Geen.", "Sans 9");
  for (const std::string& s : r.warnings) w.Paragraph("• " + Escape(s), "Sans 9", kIndentMm);
  auto read = [](const ReportUncertain& u) {
    if (u.withheld) return std::string("(persoonsgegevens: zie de beslissing)");
    return fmt::format("\"{}\" gelezen als \"{}\"", u.item.original, u.item.corrected);
  };
  for (const ReportUncertain& u : r.uncertain) {
    if (u.answer) continue;
    w.Paragraph(Escape(fmt::format("• Te bevestigen ({}; regel {}): {}: {}", u.number, u.item.line,
                                   u.item.what, read(u))),
                "Sans 9", kIndentMm);
  }
  if (static_cast<size_t>(r.open_uncertain) < r.uncertain.size()) {
    w.Paragraph("<b>Bevestigd of verbeterd na het inlezen</b>", "Sans 10");
  }
  for (const ReportUncertain& u : r.uncertain) {
    if (!u.answer) continue;
    std::string how = u.answer->confirmed ? "bevestigd" : "verbeterd";
    if (!u.answer->confirmed && !u.withheld) how += " tot \"" + u.answer->value + "\"";
    w.Paragraph(Escape(fmt::format("• {} (regel {}): {} door {}", u.item.what, u.item.line, how,
                                   u.answer->by)),
                "Sans 8.5", kIndentMm);
  }
  return w.Finish();
}

}  // namespace hh
