// QR code symbols for payment QR codes (EPC069-12 asks for error-correction level M and version
// <= 13), encoded with libqrencode in 8-bit mode so the bytes of the payload are kept exactly.
// QrMatrix is a plain value; drawing goes through cairo so letters (PDF) and tests (PNG) share it.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace hh {

struct QrMatrix {
  int version = 0;            // 1..40
  int size = 0;               // modules per side (17 + 4 * version)
  std::vector<uint8_t> dark;  // size * size, row-major, 1 = dark module
  bool Dark(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// Encodes `bytes` as one 8-bit-mode symbol at error-correction level M, the smallest version
// that holds it. InvalidArgument when it needs a version above `max_version` (EPC: 13) or is
// empty.
Result<QrMatrix> EncodeQr(std::string_view bytes, int max_version = 13);

// Draws the symbol with its top-left module corner at (x, y) and `module` units per module,
// in the cairo context's current units (mm on a letter's PDF surface), black on a white quiet
// zone of 4 modules around it (the quiet zone lies outside (x, y) .. (x + size*module)).
void DrawQr(cairo_t* cr, const QrMatrix& m, double x, double y, double module);

// Writes the symbol as a PNG of `pixels_per_module` pixels per module with its quiet zone (for
// tests and previews). Unavailable naming the path when the file cannot be written.
Status WriteQrPng(const QrMatrix& m, const std::string& path, int pixels_per_module = 4);

}  // namespace hh
