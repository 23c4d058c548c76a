// Writing a command's output files all together: every file is written to a temporary name in
// the target folder first and renamed only when all were written, so a failed run leaves no
// half-written output beside older, complete files.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace hh {

struct OutputFile {
  std::string name;     // file name inside the folder
  std::string content;
};

// Creates `dir` (and its parents) if needed, then writes the files. Unavailable on failure.
Status WriteOutputFiles(const std::string& dir, const std::vector<OutputFile>& files);

}  // namespace hh
