// What the CLI's tests share: running the built `handhaving` (HH_BINARY) as a separate process
// with the clock set and its output captured, and reading what it printed or wrote. Header-only,
// for tests.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "store/test_temp_dir.h"

namespace hh::clitest {

// What one run of the command gave: its exit code (-1 when it did not exit), stdout, stderr.
struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

inline bool HasLine(const std::string& text, const std::string& line) {
  for (const std::string& l : Lines(text)) {
    if (l == line) return true;
  }
  return false;
}

inline bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The fields of `line` split at `sep`; a trailing separator gives a last empty field.
inline std::vector<std::string> Split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::string field;
  std::stringstream ss(line);
  while (std::getline(ss, field, sep)) out.push_back(field);
  if (!line.empty() && line.back() == sep) out.emplace_back();
  return out;
}

// Single quotes for the shell; no argument of these tests holds one.
inline std::string Quote(const std::string& s) { return "'" + s + "'"; }

// Runs HH_BINARY with `args` through the shell, the clock at `now` (HANDHAVING_NOW; the real
// clock when empty) and `stdin_text` on its standard input; stdout and stderr go through files
// in `dir`.
inline Outcome RunHandhaving(const TempDir& dir, const std::vector<std::string>& args,
                             const std::string& now = "", const std::string& stdin_text = "") {
  const std::string in = dir.File("stdin");
  const std::string out = dir.File("stdout");
  const std::string err = dir.File("stderr");
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = now.empty() ? "" : "HANDHAVING_NOW=" + Quote(now) + " ";
  cmd += Quote(HH_BINARY);
  for (const std::string& a : args) cmd += " " + Quote(a);
  cmd += " <" + Quote(in) + " >" + Quote(out) + " 2>" + Quote(err);
  const int status = std::system(cmd.c_str());
  Outcome o;
  if (WIFEXITED(status)) o.code = WEXITSTATUS(status);
  o.out = ReadFile(out);
  o.err = ReadFile(err);
  return o;
}

}  // namespace hh::clitest
