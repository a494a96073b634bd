// Status and Result<T>: how errors travel through vigil.
//
// Every fallible public function returns a Status or a Result<T>. Exceptions
// never cross the public API; code that calls a throwing library catches at the
// boundary and converts. A Status is cheap to copy when OK (no allocation).
#ifndef VIGIL_STATUS_H_
#define VIGIL_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace vigil {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller passed something unusable
    kNotFound,         // a file, entity or key does not exist
    kIOError,          // the operating system refused a read or write
    kParseError,       // input data is malformed; message names file and line
    kCorruption,       // a stored file (snapshot, audit log) fails its checks
    kUnsupported,      // a valid request vigil cannot serve
    kInternal,         // a bug: an invariant did not hold
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IOError(std::string msg) { return Status(Code::kIOError, std::move(msg)); }
  static Status ParseError(std::string msg) { return Status(Code::kParseError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // "ParseError: sdn.csv:12: ..." — for people and logs.
  std::string ToString() const;
  // A copy with "context: " put before the message (e.g. a file name).
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

std::string_view CodeName(Status::Code code);

// Holds either a value or a non-OK Status. Accessing value() on an error is a
// programming bug and aborts.
template <typename T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : data_(std::move(status)) {  // NOLINT
    if (std::get<Status>(data_).ok()) {
      data_ = Status::Internal("Result constructed from an OK status");
    }
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace vigil

// Returns early from the enclosing function when `expr` is not OK.
#define VIGIL_RETURN_IF_ERROR(expr)                \
  do {                                             \
    ::vigil::Status vigil_status_ = (expr);        \
    if (!vigil_status_.ok()) return vigil_status_; \
  } while (0)

#define VIGIL_CONCAT_INNER_(a, b) a##b
#define VIGIL_CONCAT_(a, b) VIGIL_CONCAT_INNER_(a, b)
// VIGIL_ASSIGN_OR_RETURN(auto x, Foo()); — binds the value or returns the error.
#define VIGIL_ASSIGN_OR_RETURN(lhs, expr)                   \
  auto VIGIL_CONCAT_(vigil_result_, __LINE__) = (expr);     \
  if (!VIGIL_CONCAT_(vigil_result_, __LINE__).ok())         \
    return VIGIL_CONCAT_(vigil_result_, __LINE__).status(); \
  lhs = std::move(VIGIL_CONCAT_(vigil_result_, __LINE__)).value()

#endif  // VIGIL_STATUS_H_
