// The template engine: escaping, raw values, sections and loops, partials, and its errors (file
// and line), on templates given as text.
#include "web/template.h"

#include <gtest/gtest.h>

namespace hh {
namespace {

std::string Render(const std::string& text, const TemplateValue& ctx) {
  TemplateSet set;
  Status s = set.Add("t", "t.html", text);
  EXPECT_TRUE(s.ok()) << s.ToString();
  auto out = set.Render("t", ctx);
  EXPECT_TRUE(out.ok()) << out.status().ToString();
  return out.ok() ? *out : "";
}

Status RenderError(const std::string& text, const TemplateValue& ctx) {
  TemplateSet set;
  Status s = set.Add("t", "t.html", text);
  if (!s.ok()) return s;
  auto out = set.Render("t", ctx);
  return out.ok() ? Status::Ok() : out.status();
}

TEST(TemplateTest, EscapesEveryHtmlSpecialCharacter) {
  TemplateValue ctx;
  ctx["name"] = "<script>alert(\"x\" & 'y')</script>";
  EXPECT_EQ(Render("<p title=\"{{name}}\">{{ name }}</p>", ctx),
            "<p title=\"&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;\">"
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;</p>");
  EXPECT_EQ(HtmlEscape("a&b<c>d\"e'f"), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
}

TEST(TemplateTest, RawOnlyForValuesMarkedRaw) {
  TemplateValue ctx;
  ctx["html"] = TemplateValue::Raw("<b>ok</b>");
  ctx["text"] = "<b>no</b>";
  EXPECT_EQ(Render("{{{html}}}|{{html}}", ctx), "<b>ok</b>|&lt;b&gt;ok&lt;/b&gt;");
  Status s = RenderError("line one\n{{{text}}}", ctx);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "t.html: line 2: {{{text}}} prints only values marked raw (trusted HTML)");
}

TEST(TemplateTest, LoopsSectionsAndConditionals) {
  TemplateValue ctx;
  TemplateValue rows = TemplateValue::List();
  for (const char* n : {"a", "<b>"}) {
    TemplateValue r;
    r["n"] = n;
    rows.Push(r);
  }
  ctx["rows"] = rows;
  ctx["empty"] = TemplateValue::List();
  ctx["yes"] = true;
  ctx["no"] = false;
  ctx["count"] = 3;
  ctx["title"] = "T";
  ctx["user"]["name"] = "Olga";
  EXPECT_EQ(Render("{{#rows}}[{{n}}|{{title}}]{{/rows}}", ctx), "[a|T][&lt;b&gt;|T]");
  EXPECT_EQ(Render("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", ctx), "none");
  EXPECT_EQ(Render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}", ctx), "Y!N");
  EXPECT_EQ(Render("{{count}} {{user.name}} {{#user}}{{name}}{{/user}}", ctx), "3 Olga Olga");
  EXPECT_EQ(Render("{{! a comment }}x", ctx), "x");
  TemplateValue list;
  list["items"] = TemplateValue::List({"a&b", "q"});
  EXPECT_EQ(Render("{{#items}}<{{.}}>{{/items}}", list), "<a&amp;b><q>");
}

TEST(TemplateTest, MissingValueIsAnErrorWithFileAndLine) {
  TemplateValue ctx;
  ctx["a"] = "x";
  Status s = RenderError("{{a}}\n\n<p>{{missing}}</p>", ctx);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "t.html: line 3: no value named \"missing\"");
  s = RenderError("{{#nothing}}x{{/nothing}}", ctx);
  EXPECT_EQ(s.message(), "t.html: line 1: no value named \"nothing\"");
  s = RenderError("{{a.b}}", ctx);
  EXPECT_EQ(s.message(), "t.html: line 1: no value named \"a.b\"");
}

TEST(TemplateTest, SyntaxErrorsNameFileAndLine) {
  TemplateSet set;
  EXPECT_EQ(set.Add("t", "t.html", "a\n{{#x}}\nb").message(),
            "t.html: line 2: the section {{#x}} is not closed");
  EXPECT_EQ(set.Add("t", "t.html", "{{#x}}{{/y}}").message(),
            "t.html: line 1: {{/y}} closes the section {{#x}} of line 1");
  EXPECT_EQ(set.Add("t", "t.html", "\n\n{{/y}}").message(),
            "t.html: line 3: {{/y}} closes no section");
  EXPECT_EQ(set.Add("t", "t.html", "x {{name").message(),
            "t.html: line 1: a tag opened with {{ is not closed");
  EXPECT_EQ(set.Add("t", "t.html", "{{a b}}").message(), "t.html: line 1: bad name \"a b\"");
  ASSERT_TRUE(set.Add("page", "page.html", "\n{{> nosuch}}").ok());
  EXPECT_EQ(set.Check().message(),
            "page.html: line 2: {{> nosuch}}: there is no template nosuch.html");
}

TEST(TemplateTest, PartialsSeeTheSameContext) {
  TemplateSet set;
  ASSERT_TRUE(set.Add("header", "header.html", "<h1>{{title}}</h1>").ok());
  ASSERT_TRUE(set.Add("page", "page.html", "{{> header}}<p>{{body}}</p>").ok());
  ASSERT_TRUE(set.Check().ok());
  TemplateValue ctx;
  ctx["title"] = "A&B";
  ctx["body"] = "x";
  EXPECT_EQ(*set.Render("page", ctx), "<h1>A&amp;B</h1><p>x</p>");
  EXPECT_EQ(set.Render("nope", ctx).status().code(), StatusCode::kNotFound);
  // A template that includes itself stops at depth 16.
  ASSERT_TRUE(set.Add("loop", "loop.html", "{{> loop}}").ok());
  EXPECT_EQ(set.Render("loop", ctx).status().message(),
            "loop.html: line 1: partials nested deeper than 16");
}

TEST(TemplateTest, TheShippedTemplatesLoad) {
  auto set = TemplateSet::LoadDirectory(std::string(HH_SOURCE_DIR) + "/templates/web");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_TRUE(set->Has("login"));
  EXPECT_TRUE(set->Has("case"));
  EXPECT_TRUE(set->NamesUsed().count("t.login_title"));
}

}  // namespace
}  // namespace hh
