#pragma once
// A small RAII layer over the SQLite C API: a connection owns its prepared statements, every
// value is bound, and a Transaction rolls back unless committed.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace rapport::core::sql {

class Database;

/// A prepared statement borrowed from the connection's cache. It is reset and its bindings
/// cleared when the Statement goes out of scope, so it can be reused at once.
class Statement {
public:
    Statement(Database& db, sqlite3_stmt* stmt) : m_db(&db), m_stmt(stmt) {}
    Statement(Statement&& other) noexcept
        : m_db(other.m_db), m_stmt(std::exchange(other.m_stmt, nullptr)) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // Binding, by 1-based index. std::nullopt binds NULL.
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view{text});
    }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view{text}); }
    Statement& bind(int index, std::nullopt_t);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, std::nullopt);
    }

    /// Runs one step; true when a row is ready to read.
    bool step();
    /// Runs a statement that returns no rows.
    void run();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    int int32(int column) const { return static_cast<int>(integer(column)); }
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optInteger(int column) const;
    std::optional<double> optReal(int column) const;

private:
    Database* m_db;
    sqlite3_stmt* m_stmt;
};

/// One connection. Not thread-safe: each thread opens its own.
class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    Database(const std::string& path, Mode mode);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs SQL text that has no values in it (schema, pragmas, savepoints).
    void exec(std::string_view sql);
    /// A cached prepared statement for this SQL text; values go in through bind().
    Statement prepare(std::string_view sql);
    std::int64_t lastInsertId() const;
    int changes() const;
    const std::string& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    /// Throws StorageError with SQLite's message, prefixed by what we were doing.
    [[noreturn]] void fail(std::string_view doing) const;

private:
    friend class Statement;
    struct StmtDeleter {
        void operator()(sqlite3_stmt* s) const;
    };
    sqlite3* m_db = nullptr;
    std::string m_path;
    std::map<std::string, std::unique_ptr<sqlite3_stmt, StmtDeleter>, std::less<>> m_cache;
};

/// A transaction (a savepoint, so they nest). Rolls back on destruction unless committed.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& m_db;
    bool m_done = false;
};

}  // namespace rapport::core::sql
