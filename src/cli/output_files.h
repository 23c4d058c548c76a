// Writing a command's output files all together: every file is written to a temporary name in
// the target folder first and renamed only when all were written, so a failed write leaves the
// older files as they were and no half-written file. (A failure between two renames, which
// within one folder needs a vanishing disk, could still leave a mix of new and old files.)
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace hh {

struct OutputFile {
  std::string name;  // file name inside the folder
  std::string content;
};

// Creates `dir` (and its parents) if needed, then writes the files. Unavailable on failure.
Status WriteOutputFiles(const std::string& dir, const std::vector<OutputFile>& files);

}  // namespace hh
