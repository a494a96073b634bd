#include "store/db.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <chrono>
#include <ctime>

namespace vigil::store {

Stmt::Stmt(Stmt&& other) noexcept
    : stmt_(other.stmt_), sql_(std::move(other.sql_)), status_(std::move(other.status_)) {
  other.stmt_ = nullptr;
}

Stmt& Stmt::operator=(Stmt&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    sql_ = std::move(other.sql_);
    status_ = std::move(other.status_);
    other.stmt_ = nullptr;
  }
  return *this;
}

Stmt::~Stmt() {
  if (stmt_) sqlite3_finalize(stmt_);
}

sqlite3* Stmt::db_handle() const { return stmt_ ? sqlite3_db_handle(stmt_) : nullptr; }

Stmt& Stmt::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Stmt& Stmt::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}
Stmt& Stmt::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}
Stmt& Stmt::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

bool Stmt::Step() {
  if (!stmt_) return false;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE)
    status_ = Status::IOError(
        fmt::format("sqlite: {} (in: {})", sqlite3_errmsg(db_handle()), sql_.substr(0, 80)));
  return false;
}

Status Stmt::Run() {
  status_ = Status::Ok();
  while (Step()) {
  }
  Status st = status_;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return st;
}

Status Stmt::Reset() {
  status_ = Status::Ok();
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  return Status::Ok();
}

std::string Stmt::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  if (!p) return "";
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}
int64_t Stmt::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Stmt::Double(int column) const { return sqlite3_column_double(stmt_, column); }
bool Stmt::IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

Result<std::unique_ptr<Db>> Db::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    if (db) sqlite3_close(db);
    return Status::IOError(fmt::format("{}: cannot open database: {}", path, msg));
  }
  std::unique_ptr<Db> out(new Db(db, path));
  sqlite3_busy_timeout(db, 30000);
  // WAL: readers never block the writer; NORMAL sync is durable against a
  // killed process (the case the monitor's resumability is about).
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
    Status st = out->Exec(pragma);
    if (!st.ok()) return st.WithContext(path);
  }
  return out;
}

Db::~Db() { sqlite3_close_v2(db_); }

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return Status::IOError(fmt::format("{}: sqlite: {}", path_, msg));
  }
  return Status::Ok();
}

Result<Stmt> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK)
    return Status::IOError(fmt::format("{}: sqlite: {} (in: {})", path_, sqlite3_errmsg(db_),
                                       std::string(sql.substr(0, 80))));
  return Stmt(stmt, std::string(sql));
}

int64_t Db::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }
int64_t Db::Changes() const { return sqlite3_changes64(db_); }

Transaction::Transaction(Db* db) : db_(db) {
  status_ = db_->Exec("BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (open_) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_.ok() ? Status::Internal("transaction not open") : status_;
  Status st = db_->Exec("COMMIT");
  if (st.ok()) open_ = false;
  return st;
}

std::string NowIso() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
}

}  // namespace vigil::store
