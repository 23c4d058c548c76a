#include "payref/qr.h"

#include <cairo-pdf.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "payref/epc_qr.h"

namespace hh {
namespace {

namespace fs = std::filesystem;

// Capacities at level M in 8-bit mode (ISO/IEC 18004 table 7): version 5 holds 84 bytes,
// version 6 106, version 13 331 (hence the EPC's 331-byte limit), version 14 362.

TEST(Qr, ChoosesTheSmallestVersion) {
  auto v5 = EncodeQr(std::string(84, 'a'));
  ASSERT_TRUE(v5.ok()) << v5.status().ToString();
  EXPECT_EQ(v5->version, 5);
  EXPECT_EQ(v5->size, 37);
  EXPECT_EQ(v5->dark.size(), 37u * 37u);

  auto v6 = EncodeQr(std::string(85, 'a'));
  ASSERT_TRUE(v6.ok()) << v6.status().ToString();
  EXPECT_EQ(v6->version, 6);
  EXPECT_EQ(v6->size, 41);

  auto v13 = EncodeQr(std::string(331, 'a'));
  ASSERT_TRUE(v13.ok()) << v13.status().ToString();
  EXPECT_EQ(v13->version, 13);
  EXPECT_EQ(v13->size, 69);

  auto one = EncodeQr("1");
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->version, 1);
  EXPECT_EQ(one->size, 21);
}

TEST(Qr, RefusesWhatNeedsTooHighAVersionOrNothing) {
  auto big = EncodeQr(std::string(332, 'a'));
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(big.status().message().find("version 14"), std::string::npos)
      << big.status().ToString();

  auto v14 = EncodeQr(std::string(332, 'a'), 40);
  ASSERT_TRUE(v14.ok()) << v14.status().ToString();
  EXPECT_EQ(v14->version, 14);
  EXPECT_EQ(v14->size, 73);

  EXPECT_FALSE(EncodeQr(std::string(85, 'a'), 5).ok());
  EXPECT_TRUE(EncodeQr(std::string(84, 'a'), 5).ok());

  auto too_big = EncodeQr(std::string(3000, 'a'), 40);  // version 40-M holds 2331 bytes
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.status().code(), StatusCode::kInvalidArgument);

  auto empty = EncodeQr("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), StatusCode::kInvalidArgument);
}

// The three finder patterns: a dark 7x7 ring, a light ring, a dark 3x3 centre, and a light
// separator outside.
void ExpectFinder(const QrMatrix& m, int x0, int y0) {
  for (int dy = -1; dy <= 7; ++dy) {
    for (int dx = -1; dx <= 7; ++dx) {
      int x = x0 + dx;
      int y = y0 + dy;
      if (x < 0 || y < 0 || x >= m.size || y >= m.size) continue;
      int ring = std::max(std::abs(dx - 3), std::abs(dy - 3));  // 0..4 from the centre
      bool want_dark = ring == 3 || ring <= 1;
      EXPECT_EQ(m.Dark(x, y), want_dark) << "module " << x << "," << y;
    }
  }
}

TEST(Qr, HasTheFinderPatterns) {
  auto m = EncodeQr("BCD\n002\n1\nSCT");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ExpectFinder(*m, 0, 0);
  ExpectFinder(*m, m->size - 7, 0);
  ExpectFinder(*m, 0, m->size - 7);
  // Timing pattern on row 6 between the finders: dark on even columns.
  for (int x = 8; x < m->size - 8; ++x) EXPECT_EQ(m->Dark(x, 6), x % 2 == 0) << x;
}

// ARGB32 pixel at (x, y) as 0xRRGGBB.
uint32_t Pixel(cairo_surface_t* s, int x, int y) {
  cairo_surface_flush(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  int stride = cairo_image_surface_get_stride(s);
  uint32_t v = 0;
  std::memcpy(&v, data + static_cast<size_t>(y) * stride + static_cast<size_t>(x) * 4, 4);
  return v & 0xFFFFFFu;
}

TEST(Qr, DrawsWithAQuietZoneAndLeavesTheContextAsItWas) {
  auto m = EncodeQr("1");  // version 1: 21 modules
  ASSERT_TRUE(m.ok());
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 100, 100);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 0, 0);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 1, 0);
  DrawQr(cr, *m, 20, 20, 2);  // symbol 20..62, quiet zone 12..70
  double r = 0, g = 0, b = 0, a = 0;
  EXPECT_EQ(cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(g, 1.0);  // the caller's source is restored
  EXPECT_EQ(r, 0.0);
  cairo_destroy(cr);

  EXPECT_EQ(Pixel(s, 11, 11), 0xFF0000u);  // outside the quiet zone: untouched
  EXPECT_EQ(Pixel(s, 12, 12), 0xFFFFFFu);  // quiet zone
  EXPECT_EQ(Pixel(s, 19, 40), 0xFFFFFFu);
  EXPECT_EQ(Pixel(s, 20, 20), 0x000000u);  // top-left module: the finder
  EXPECT_EQ(Pixel(s, 33, 21), 0x000000u);  // module (6, 0)
  EXPECT_EQ(Pixel(s, 35, 21), 0xFFFFFFu);  // module (7, 0): the separator
  EXPECT_EQ(Pixel(s, 61, 21), 0x000000u);  // module (20, 0): the top-right finder
  EXPECT_EQ(Pixel(s, 62, 21), 0xFFFFFFu);  // quiet zone on the right
  EXPECT_EQ(Pixel(s, 69, 69), 0xFFFFFFu);
  EXPECT_EQ(Pixel(s, 70, 70), 0xFF0000u);
  cairo_surface_destroy(s);
}

cairo_status_t CountBytes(void* closure, const unsigned char* /*data*/, unsigned int length) {
  *static_cast<size_t*>(closure) += length;
  return CAIRO_STATUS_SUCCESS;
}

// The bytes of a one-page PDF with the symbol drawn at 0.5 mm per module.
size_t PdfBytes(const QrMatrix& m) {
  size_t bytes = 0;
  cairo_surface_t* s = cairo_pdf_surface_create_for_stream(CountBytes, &bytes, 595.28, 841.89);
  cairo_t* cr = cairo_create(s);
  cairo_scale(cr, 72.0 / 25.4, 72.0 / 25.4);  // mm
  DrawQr(cr, m, 150, 240, 0.5);
  EXPECT_EQ(cairo_status(cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  EXPECT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
  return bytes;
}

TEST(Qr, DrawsOnAPdfPageInMillimetres) {
  // An empty page is 857 bytes (cairo 1.16). Measured: the payment symbol below (86 bytes with
  // "EUR58.00", one more than version 5 holds at level M: version 6) adds about 5 kB, version 13
  // (2429 modules, 1462 runs) about 17 kB; one rectangle per module would take some 65% more.
  auto ogm = *StructuredReference::FromDigits("090933755493");
  auto payment =
      EpcPayload(PaymentTransfer("GKCCBEBB", "Stad Voorbeeld", "BE68539007547034",
                                 Money::FromCents(5800), ogm, OgmPlacement::kUnstructured));
  ASSERT_TRUE(payment.ok());
  auto small = EncodeQr(*payment);
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->version, 6);
  size_t small_bytes = PdfBytes(*small);
  EXPECT_GT(small_bytes, 857u);
  EXPECT_LT(small_bytes, 7'000u) << "runs of dark modules should be merged";

  auto large = EncodeQr(std::string(331, 'a'));  // version 13, the largest EPC symbol
  ASSERT_TRUE(large.ok());
  EXPECT_LT(PdfBytes(*large), 24'000u) << "runs of dark modules should be merged";
}

// A scratch folder for PNGs, removed at the end of the test.
class QrPngTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("payref_qr_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST_F(QrPngTest, WritesAPngWithItsQuietZone) {
  auto m = EncodeQr("1");
  ASSERT_TRUE(m.ok());
  fs::path p = dir_ / "v1.png";
  Status st = WriteQrPng(*m, p.string(), 3);
  ASSERT_TRUE(st.ok()) << st.ToString();
  cairo_surface_t* s = cairo_image_surface_create_from_png(p.c_str());
  ASSERT_EQ(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
  EXPECT_EQ(cairo_image_surface_get_width(s), (21 + 8) * 3);
  EXPECT_EQ(cairo_image_surface_get_height(s), (21 + 8) * 3);
  EXPECT_EQ(Pixel(s, 0, 0), 0xFFFFFFu);
  EXPECT_EQ(Pixel(s, 11, 11), 0xFFFFFFu);
  EXPECT_EQ(Pixel(s, 12, 12), 0x000000u);  // module (0, 0) starts after 4 x 3 pixels
  EXPECT_EQ(Pixel(s, 86, 86), 0xFFFFFFu);
  cairo_surface_destroy(s);
}

TEST_F(QrPngTest, ReportsAnUnwritablePath) {
  auto m = EncodeQr("1");
  ASSERT_TRUE(m.ok());
  std::string path = (dir_ / "no-such-folder" / "x.png").string();
  Status st = WriteQrPng(*m, path);
  EXPECT_EQ(st.code(), StatusCode::kUnavailable);
  EXPECT_NE(st.message().find(path), std::string::npos) << st.ToString();
  EXPECT_EQ(WriteQrPng(*m, (dir_ / "x.png").string(), 0).code(), StatusCode::kInvalidArgument);
}

bool HaveZbarimg() { return std::system("command -v zbarimg >/dev/null 2>&1") == 0; }

// What zbarimg reads from the PNG, or an explanation starting with "<zbarimg".
//
// -Sqrcode.binary matters: without it zbar (0.23.92) guesses a text encoding for 8-bit data
// and transcodes it even with --raw: UTF-8 "ä" (C3 A4) came back as a Shift-JIS kanji, Latin-1
// "ç" (E7) as a kanji or as UTF-8 C3 A7 depending on its neighbours. With it, the bytes come
// back exactly, UTF-8 and ISO-8859-1 alike, followed by one line feed.
std::string Zbar(const fs::path& png) {
  std::string cmd = "zbarimg --nodbus --raw -q -Sqrcode.binary '" + png.string() + "' 2>/dev/null";
  FILE* f = popen(cmd.c_str(), "r");
  if (f == nullptr) return "<zbarimg could not be started>";
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  int rc = pclose(f);
  if (rc != 0) return "<zbarimg failed: status " + std::to_string(rc) + ">";
  if (out.empty() || out.back() != '\n') return "<zbarimg output without its line feed>";
  out.pop_back();  // exactly one
  return out;
}

constexpr const char* kNoZbarimg = "zbarimg is not installed (Debian zbar-tools): not decoded";

std::string Hex(const std::string& s) {
  static const char* kHex = "0123456789abcdef";
  std::string h;
  for (unsigned char c : s) {
    h += kHex[c >> 4];
    h += kHex[c & 15];
  }
  return h;
}

TEST_F(QrPngTest, ZbarReadsBackThePayloadsExactly) {
  if (!HaveZbarimg()) GTEST_SKIP() << kNoZbarimg;
  auto ogm = *StructuredReference::FromDigits("090933755493");
  std::vector<std::string> payloads;
  for (OgmPlacement where : {OgmPlacement::kUnstructured, OgmPlacement::kStructured}) {
    auto p = EpcPayload(PaymentTransfer("GKCCBEBB", "Stad Voorbeeld", "BE68539007547034",
                                        Money::FromCents(5800), ogm, where));
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    payloads.push_back(*p);
  }
  EXPECT_EQ(payloads[0],
            "BCD\n002\n1\nSCT\nGKCCBEBB\nStad Voorbeeld\nBE68539007547034\nEUR58.00\n\n\n"
            "+++090/9337/55493+++");

  EpcTransfer ex1;  // EPC069-12 example 1, with its umlaut in UTF-8
  ex1.bic = "BHBLDEHHXXX";
  ex1.name = "Franz Musterm\u00e4nn";
  ex1.iban = "DE71110220330123456789";
  ex1.amount = Money::FromCents(1230);
  ex1.purpose = "GDDS";
  ex1.reference = "RF18539007547034";
  auto p1 = EpcPayload(ex1);
  ASSERT_TRUE(p1.ok()) << p1.status().ToString();
  payloads.push_back(*p1);

  EpcTransfer ex2;  // EPC069-12 example 2 in ISO-8859-1 ("ç" is the single byte E7)
  ex2.charset = 2;
  ex2.name = "Fran\u00e7ois D'Alsace S.A.";
  ex2.iban = "FR1420041010050500013M02606";
  ex2.amount = Money::FromCents(1230);
  ex2.text = "Client:Marie Louise La Lune";
  auto p2 = EpcPayload(ex2);
  ASSERT_TRUE(p2.ok()) << p2.status().ToString();
  payloads.push_back(*p2);

  payloads.push_back(std::string(331, 'a'));                          // version 13
  payloads.push_back(std::string("\xff\xfe\x00\x01\x80 bytes", 11));  // any byte survives

  for (size_t i = 0; i < payloads.size(); ++i) {
    auto m = EncodeQr(payloads[i]);
    ASSERT_TRUE(m.ok()) << i << ": " << m.status().ToString();
    fs::path png = dir_ / ("payload" + std::to_string(i) + ".png");
    Status st = WriteQrPng(*m, png.string(), 4);
    ASSERT_TRUE(st.ok()) << st.ToString();
    std::string got = Zbar(png);
    EXPECT_EQ(Hex(got), Hex(payloads[i]))
        << "payload " << i << " (version " << m->version << "): " << got;
  }
}

TEST_F(QrPngTest, ZbarReadsTheSegnoFixtures) {
  // Proves the harness: PNGs made by another encoder decode to their stated payloads.
  if (!HaveZbarimg()) GTEST_SKIP() << kNoZbarimg;
  fs::path fixtures = HH_SOURCE_DIR "/../shared/fixtures";
  if (!fs::is_directory(fixtures)) {
    GTEST_SKIP() << "../shared/fixtures is absent: the segno PNGs are not checked here";
  }
  for (const char* name : {"segno-spende-wikipedia", "segno-spende-wikipedia2"}) {
    fs::path dir = fixtures / "epc-qr";
    std::ifstream in(dir / (std::string(name) + ".payload.txt"), std::ios::binary);
    std::ostringstream want;
    want << in.rdbuf();
    ASSERT_FALSE(want.str().empty()) << name;
    EXPECT_EQ(Hex(Zbar(dir / (std::string(name) + ".png"))), Hex(want.str())) << name;
  }
}

}  // namespace
}  // namespace hh
