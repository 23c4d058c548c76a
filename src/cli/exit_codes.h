// The process exit codes of the handhaving command, mapped once from the canonical status codes
// (CONTRIBUTING.md, "Error policy"). Documented in README.md; scripts may rely on them.
#pragma once

#include "core/status.h"

namespace hh {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternal = 1,  // a bug or an unexpected exception
  kExitUsage = 2,     // bad command-line arguments
  kExitInvalidInput =
      3,  // an input file or value is malformed (the message names file, line, field)
  kExitUnavailable = 4,  // a file is missing or cannot be read or written
  kExitRejected = 5,     // a valid request the current state refuses (already exists, precondition)
  kExitDenied = 6,       // permission denied
};

inline int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
      return kExitInvalidInput;
    case StatusCode::kNotFound:
    case StatusCode::kUnavailable:
      return kExitUnavailable;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kAlreadyExists:
      return kExitRejected;
    case StatusCode::kPermissionDenied:
      return kExitDenied;
    case StatusCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace hh
