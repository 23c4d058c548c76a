// Letters as A4 PDF through cairo (cairo_pdf_surface) and Pango: the page furniture (sender,
// the address in the envelope window, reference and date lines, fold marks, page numbers),
// the expanded template text paginated line by line, the payment box with its EPC QR code.
// Threads: a LetterRenderer keeps its fonts, Pango font map and context and a cache of texts
// already laid out (the fixed parts of templates are shaped once), so make one per thread and
// reuse it for every letter of that thread; it is not safe to share. A PrintFile is used by
// one thread at a time. Letters and PDFs are plain values owned by the caller.
//
// Use (one letter PDF each, plus the print file with all of them):
//   LetterRenderer r(layout, dutch_sender, french_sender);
//   PrintFile print;
//   for (...) {
//     Result<LetterPdf> pdf = r.Render({*expanded, address_lines, qr_payload}, &print);
//     ... store pdf->bytes (pdf->pages pages)
//   }
//   Result<std::string> all = print.Finish();
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "letters/letter_template.h"

namespace hh {

// Where things sit on the sheet, in millimetres from its top-left corner (A4, 210 x 297 mm).
// A city setting (the lead stores it); the defaults fit a Belgian right-window envelope and are
// derived in docs/letters.md ("Envelope window").
struct LetterLayout {
  // Margins of the body text.
  double margin_left_mm = 20;
  double margin_right_mm = 20;
  double margin_top_mm = 20;     // continuation pages: the small header line sits here
  double margin_bottom_mm = 20;  // the page number sits in this margin
  // Sender block (the city's lines), top left.
  double sender_x_mm = 20;
  double sender_y_mm = 15;
  double sender_width_mm = 85;
  // Recipient address: the part of the window that shows it whatever way the folded sheet
  // moves inside a DL (110 x 220) or C6/5 (114 x 229) right-window envelope (DIN 680 window
  // 90 x 45 mm, 20 mm from the right edge, 15 mm from the bottom). Lines that do not fit are
  // an error, never clipped.
  double address_x_mm = 120;
  double address_y_mm = 54;
  double address_width_mm = 70;
  double address_height_mm = 30;
  // Date and reference lines: the left column beside the address, never in the window.
  double reference_y_mm = 54;
  double reference_width_mm = 90;
  // The body (title, text) starts here on the first page, below the window.
  double body_top_mm = 100;
  // Fonts: fontconfig family list and sizes in points.
  std::string font_family = "Liberation Sans, DejaVu Sans";
  double font_size_pt = 10;
  double small_font_size_pt = 8.5;  // sender, references, page numbers
  double title_font_size_pt = 12;
  // Side of the QR code in the payment box, quiet zone included: 38 mm keeps a module >= 0.49
  // mm up to version 13 (the EPC maximum: 69 + 8 modules), and 0.78 mm for the version 6 of a
  // city's payment (86 bytes with "EUR58.00"), which a 150 dpi scan still reads.
  double qr_size_mm = 38;
  // Fold marks at 105 and 210 mm and the punch mark at 148.5 mm (DIN 5008 form B).
  bool fold_marks = true;
};

// OK when every length is positive, the boxes lie on the sheet and the body has room for text;
// InvalidArgument naming the first field that is not.
[[nodiscard]] Status ValidateLayout(const LetterLayout& layout);

// The city's letterhead in one language: the lines of the sender block ("Stad Mechelen",
// "Dienst GAS", "Grote Markt 21", "2800 Mechelen", ...) and the place of the date line
// ("Mechelen" -> "Mechelen, 03/02/2025"; French "Malines" -> "Malines, le 03/02/2025").
struct SenderBlock {
  std::vector<std::string> lines;
  std::string place;
};

// One letter to draw.
struct Letter {
  ExpandedLetter text;                     // LetterTemplate::Expand
  std::vector<std::string> address_lines;  // the window block: 3 lines at least (bpost)
  std::string qr_payload;                  // the exact EPC QR bytes (EpcPayload); needed when
                                           // the text has a [[payment]] block, else ignored
};

struct LetterPdf {
  std::string bytes;  // a complete PDF document
  int pages = 0;
};

// A print file: one PDF with every letter added, each starting on a new page (with `duplex`,
// on a new sheet: a letter with an odd page count is followed by a blank page).
class PrintFile {
 public:
  explicit PrintFile(bool duplex = false);
  ~PrintFile();
  PrintFile(const PrintFile&) = delete;
  PrintFile& operator=(const PrintFile&) = delete;

  int letters() const { return letters_; }
  int pages() const { return pages_; }  // blank duplex pages included
  // Closes the document and returns its bytes; Internal when cairo failed (out of memory).
  // Once finished, no letter can be added.
  Result<std::string> Finish();

 private:
  friend class LetterRenderer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  bool duplex_;
  int letters_ = 0;
  int pages_ = 0;
};

class LetterRenderer {
 public:
  // `french` with no lines falls back to `dutch`. The layout is assumed valid (ValidateLayout).
  LetterRenderer(LetterLayout layout, SenderBlock dutch, SenderBlock french);
  ~LetterRenderer();
  LetterRenderer(const LetterRenderer&) = delete;
  LetterRenderer& operator=(const LetterRenderer&) = delete;

  // Draws `letter` as its own PDF and, when `print` is given, appends the same pages to it.
  // Text that does not fit on a page continues on the next (line by line; headings stay with
  // their next line, the payment box and the signature are never split). The same letter
  // always gives the same bytes (the PDF's creation date is the letter's date). InvalidArgument
  // naming the template file when: the address has fewer than 3 lines, more than fit in the
  // window, or a line that is empty or not one line of UTF-8; a [[payment]] letter has no QR
  // payload or one that needs a QR version above 13 (EPC069-12). Nothing is added to `print`
  // when an error is returned. Internal when cairo fails, or when `print` was already finished.
  Result<LetterPdf> Render(const Letter& letter, PrintFile* print = nullptr);
  // Appends `letter` to the print file only (same checks and errors as Render), so that one
  // thread can draw the print file while others render the letters' own PDFs.
  Status AddToPrint(const Letter& letter, PrintFile& print);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hh
