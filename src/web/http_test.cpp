// The router's patterns and the small HTTP helpers (URL decoding, forms, cookies).
#include "web/http.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

using namespace std::string_literals;

TEST(RouterTest, LiteralsParametersAndRest) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/", 0).ok());
  ASSERT_TRUE(r.Add("GET", "/cases", 1).ok());
  ASSERT_TRUE(r.Add("GET", "/cases/{id}", 2).ok());
  ASSERT_TRUE(r.Add("GET", "/cases/new", 3).ok());
  ASSERT_TRUE(r.Add("POST", "/cases/{id}/act", 4).ok());
  ASSERT_TRUE(r.Add("GET", "/static/{path*}", 5).ok());

  EXPECT_EQ(r.Find("GET", "/").id, 0u);
  EXPECT_EQ(r.Find("GET", "/cases").id, 1u);
  Router::Match m = r.Find("GET", "/cases/42");
  EXPECT_EQ(m.outcome, Router::Outcome::kFound);
  EXPECT_EQ(m.id, 2u);
  EXPECT_EQ(m.params["id"], "42");
  // A literal segment wins over a parameter.
  EXPECT_EQ(r.Find("GET", "/cases/new").id, 3u);
  m = r.Find("POST", "/cases/7/act");
  EXPECT_EQ(m.id, 4u);
  EXPECT_EQ(m.params["id"], "7");
  m = r.Find("GET", "/static/pico/pico.min.css");
  EXPECT_EQ(m.id, 5u);
  EXPECT_EQ(m.params["path"], "pico/pico.min.css");
  // HEAD is routed as GET.
  EXPECT_EQ(r.Find("HEAD", "/cases").outcome, Router::Outcome::kFound);
}

TEST(RouterTest, NotFoundAndMethodNotAllowed) {
  Router r;
  ASSERT_TRUE(r.Add("GET", "/cases/{id}", 0).ok());
  ASSERT_TRUE(r.Add("POST", "/login", 1).ok());
  ASSERT_TRUE(r.Add("GET", "/static/{path*}", 2).ok());
  EXPECT_EQ(r.Find("GET", "/nope").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(r.Find("GET", "/cases").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(r.Find("GET", "/cases/").outcome, Router::Outcome::kNotFound);  // empty segment
  EXPECT_EQ(r.Find("GET", "/cases/1/2").outcome, Router::Outcome::kNotFound);
  EXPECT_EQ(r.Find("GET", "/static").outcome, Router::Outcome::kNotFound);  // rest needs one
  Router::Match m = r.Find("GET", "/login");
  EXPECT_EQ(m.outcome, Router::Outcome::kMethodNotAllowed);
  ASSERT_EQ(m.allowed.size(), 1u);
  EXPECT_EQ(m.allowed[0], "POST");
}

TEST(RouterTest, BadPatternsAndDuplicates) {
  Router r;
  EXPECT_EQ(r.Add("GET", "cases", 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.Add("GET", "/a//b", 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.Add("GET", "/a/{}", 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.Add("GET", "/a/{x", 0).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.Add("GET", "/{rest*}/more", 0).code(), StatusCode::kInvalidArgument);
  ASSERT_TRUE(r.Add("GET", "/a", 0).ok());
  EXPECT_EQ(r.Add("GET", "/a", 1).code(), StatusCode::kAlreadyExists);
  EXPECT_TRUE(r.Add("POST", "/a", 1).ok());
}

TEST(HttpTest, UrlDecodingAndForms) {
  EXPECT_EQ(UrlDecode("a%20b+c", true), "a b c");
  EXPECT_EQ(UrlDecode("a%20b+c", false), "a b+c");
  EXPECT_EQ(UrlDecode("100%", true), "100%");  // a malformed escape stays
  EXPECT_EQ(UrlDecode("%zz%4", true), "%zz%4");
  EXPECT_EQ(UrlDecode("%C3%A9", true), "\xC3\xA9");  // é
  EXPECT_EQ(UrlEncode("a b/é&"), "a%20b%2F%C3%A9%26");
  NameValues v = ParseUrlEncoded("login=olga&&password=p%26ss+w&flag");
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(v[0], (std::pair<std::string, std::string>("login", "olga")));
  EXPECT_EQ(v[1], (std::pair<std::string, std::string>("password", "p&ss w")));
  EXPECT_EQ(v[2], (std::pair<std::string, std::string>("flag", "")));

  HttpRequest req;
  req.headers = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"},
                 {"cookie", "a=1; hh_session=\"tok\" ; other=x=y"}};
  req.body = "csrf=abc&next=%2Fcases";
  EXPECT_EQ(req.Form("csrf"), "abc");
  EXPECT_EQ(req.Form("next"), "/cases");
  EXPECT_EQ(req.Form("missing"), "");
  EXPECT_EQ(req.Cookie("hh_session"), "tok");
  EXPECT_EQ(req.Cookie("other"), "x=y");
  EXPECT_EQ(req.Cookie("b"), "");
  EXPECT_EQ(req.Header("Content-Type").substr(0, 10), "applicatio");
  // A JSON body is not a form.
  req.headers[0].second = "application/json";
  EXPECT_EQ(req.Form("csrf"), "");
}

TEST(HttpTest, ResponseHeaders) {
  HttpResponse r = HttpResponse::Redirect("/login");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/login");
  r.SetHeader("Location", "/x");
  EXPECT_EQ(r.headers.size(), 1u);
  r.AddHeader("Set-Cookie", "a=1");
  r.AddHeader("Set-Cookie", "b=2");
  EXPECT_EQ(r.headers.size(), 3u);
}

TEST(HttpRequestTest, MultipartFieldsAndFiles) {
  HttpRequest r;
  r.headers = {{"content-type", "multipart/form-data; boundary=----hh42"}};
  const std::string coda = "0000001\r\n\0x"s;
  r.parts = {{"csrf", false, "", "", "tok123"},
             {"statement", true, "dag 1.cod", "application/octet-stream", coda},
             {"other", true, "", "application/octet-stream", ""}};
  EXPECT_EQ(r.Form("csrf"), "tok123");
  EXPECT_EQ(r.Form("statement"), "");  // a file is not a field
  auto f = r.File("statement");
  ASSERT_TRUE(f.has_value());
  EXPECT_EQ(f->filename, "dag 1.cod");
  EXPECT_EQ(f->data, coda);
  auto empty = r.File("other");
  ASSERT_TRUE(empty.has_value());
  EXPECT_EQ(empty->data, "");
  EXPECT_FALSE(r.File("csrf").has_value());
  EXPECT_FALSE(r.File("missing").has_value());
  // Parts count only for a multipart body.
  r.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  r.body = "csrf=other";
  EXPECT_EQ(r.Form("csrf"), "other");
}

}  // namespace
}  // namespace hh
