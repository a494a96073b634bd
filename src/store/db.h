// A thin RAII layer over SQLite for the store and the monitor: statements
// with bound parameters, IMMEDIATE transactions that roll back unless
// committed, and errors as Status. Not thread-safe: one Db per thread, or a
// mutex around it (Store holds one).
#ifndef VIGIL_STORE_DB_H_
#define VIGIL_STORE_DB_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "vigil/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace vigil::store {

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3_stmt* stmt, std::string sql) : stmt_(stmt), sql_(std::move(sql)) {}
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Parameters are 1-based, as in SQLite.
  Stmt& Bind(int index, std::string_view text);
  Stmt& Bind(int index, int64_t value);
  Stmt& Bind(int index, double value);
  Stmt& BindNull(int index);
  // Advances: true while a row is available, false when done; errors land in
  // status() (and make Step return false).
  bool Step();
  // Runs a statement that returns no rows.
  Status Run();
  Status Reset();
  const Status& status() const { return status_; }

  std::string Text(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
  Status status_;
  sqlite3* db_handle() const;
};

class Db {
 public:
  // Opens (creating when absent) a database file in WAL mode, with a busy
  // timeout so that several processes can share it.
  static Result<std::unique_ptr<Db>> Open(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  Status Exec(std::string_view sql);
  Result<Stmt> Prepare(std::string_view sql);
  int64_t LastInsertId() const;
  int64_t Changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// BEGIN IMMEDIATE on construction (takes the write lock at once, so readers
// of the head of the audit chain are serialised across processes); ROLLBACK
// on destruction unless Commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Db* db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  const Status& status() const { return status_; }
  Status Commit();

 private:
  Db* db_;
  Status status_;
  bool open_ = false;
};

// Current UTC time, ISO 8601 with milliseconds: "2026-03-01T12:00:00.123Z".
std::string NowIso();

}  // namespace vigil::store

#endif  // VIGIL_STORE_DB_H_
