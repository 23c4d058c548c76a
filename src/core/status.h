// Status and Result<T>: how expected failures of user input travel (see CONTRIBUTING.md,
// "Error policy"). A Status is a canonical code plus a message for a person; Result<T> holds
// either a value or a non-OK Status. Both are plain values, safe to copy between threads.
#pragma once

#include <cassert>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hh {

// The small set of canonical codes (after Abseil's status.h). Each maps once to a CLI exit code
// (cli/exit_codes.h) and, later, to an HTTP status.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // a malformed field or file: the user must fix the input
  kFailedPrecondition,  // a valid request that the current state rejects
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kUnavailable,  // a resource (file, database) could not be used; retrying may help
  kInternal,     // a bug: should never reach a user
};

std::string_view StatusCodeName(StatusCode code);
// "INVALID_ARGUMENT": so that test failures and logs show a code by name.
std::ostream& operator<<(std::ostream& os, StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "INVALID_ARGUMENT: message"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}
inline Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A value or the Status that explains its absence. Construct from a T or from a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).ok() && "Result needs a value or a non-OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }

  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & {
    assert(ok());
    return std::get<T>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<T>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<T>(std::move(v_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace hh
