// QR symbols through libqrencode, drawn with cairo (a PDF page for letters, a PNG for tests).
#include "payref/qr.h"

#include <qrencode.h>

#include <cassert>
#include <cerrno>
#include <memory>
#include <new>

namespace hh {
namespace {

// ISO/IEC 18004: the symbol needs a light quiet zone four modules wide on every side.
constexpr int kQuietZoneModules = 4;
// The largest PNG WriteQrPng makes per module: far beyond any preview, and it keeps the surface
// below cairo's 32767-pixel limit for version 40 (177 + 8 modules).
constexpr int kMaxPixelsPerModule = 128;

struct QrcodeFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

}  // namespace

Result<QrMatrix> EncodeQr(std::string_view bytes, int max_version) {
  assert(max_version >= 1 && max_version <= 40);
  if (bytes.empty()) return InvalidArgument("QR code: nothing to encode");
  errno = 0;
  // Version 0: the smallest version that holds the data. 8-bit mode keeps every byte as is.
  std::unique_ptr<QRcode, QrcodeFree> q(
      QRcode_encodeData(static_cast<int>(bytes.size()),
                        reinterpret_cast<const unsigned char*>(bytes.data()), 0, QR_ECLEVEL_M));
  if (q == nullptr) {
    if (errno == ERANGE) {
      return InvalidArgument("QR code: " + std::to_string(bytes.size()) +
                             " bytes do not fit in any QR version at level M");
    }
    if (errno == ENOMEM) throw std::bad_alloc();
    return Internal("QR code: libqrencode failed (errno " + std::to_string(errno) + ")");
  }
  if (q->version > max_version) {
    return InvalidArgument("QR code: " + std::to_string(bytes.size()) + " bytes need version " +
                           std::to_string(q->version) + ", at most " + std::to_string(max_version) +
                           " allowed");
  }
  QrMatrix m;
  m.version = q->version;
  m.size = q->width;
  size_t n = static_cast<size_t>(q->width) * q->width;
  m.dark.resize(n);
  // libqrencode: bit 0 of each byte is the module's colour (1 = dark); the others say which
  // function pattern it belongs to.
  for (size_t i = 0; i < n; ++i) m.dark[i] = q->data[i] & 1u;
  return m;
}

void DrawQr(cairo_t* cr, const QrMatrix& m, double x, double y, double module) {
  cairo_save(cr);
  double quiet = kQuietZoneModules * module;
  cairo_new_path(cr);
  cairo_rectangle(cr, x - quiet, y - quiet, m.size * module + 2 * quiet,
                  m.size * module + 2 * quiet);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill(cr);
  // One rectangle per horizontal run of dark modules, all in one path filled once: a few
  // hundred rectangles instead of thousands keep the PDF small, and one fill leaves no seams.
  for (int row = 0; row < m.size; ++row) {
    int col = 0;
    while (col < m.size) {
      if (!m.Dark(col, row)) {
        ++col;
        continue;
      }
      int start = col;
      while (col < m.size && m.Dark(col, row)) ++col;
      cairo_rectangle(cr, x + start * module, y + row * module, (col - start) * module, module);
    }
  }
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_fill(cr);
  cairo_restore(cr);
}

Status WriteQrPng(const QrMatrix& m, const std::string& path, int pixels_per_module) {
  if (pixels_per_module < 1 || pixels_per_module > kMaxPixelsPerModule) {
    return InvalidArgument("QR PNG: " + std::to_string(pixels_per_module) +
                           " pixels per module, must be 1 to " +
                           std::to_string(kMaxPixelsPerModule));
  }
  int side = (m.size + 2 * kQuietZoneModules) * pixels_per_module;
  std::unique_ptr<cairo_surface_t, SurfaceDestroy> surface(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, side, side));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Unavailable(path + ": cannot make the image: " +
                       cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  {
    std::unique_ptr<cairo_t, ContextDestroy> cr(cairo_create(surface.get()));
    cairo_set_antialias(cr.get(), CAIRO_ANTIALIAS_NONE);  // whole pixels: crisp modules
    double quiet = kQuietZoneModules * pixels_per_module;
    DrawQr(cr.get(), m, quiet, quiet, pixels_per_module);
  }
  cairo_surface_flush(surface.get());
  cairo_status_t st = cairo_surface_write_to_png(surface.get(), path.c_str());
  if (st != CAIRO_STATUS_SUCCESS) {
    return Unavailable(path + ": cannot write the PNG: " + cairo_status_to_string(st));
  }
  return Status::Ok();
}

}  // namespace hh
