#include "core/sqlite.h"

#include <sqlite3.h>

#include "core/errors.h"

namespace rapport::core::sql {

void Database::StmtDeleter::operator()(sqlite3_stmt* s) const {
    sqlite3_finalize(s);
}

Database::Database(const std::string& path, Mode mode) : m_path(path) {
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
        case Mode::ReadOnly:
            flags |= SQLITE_OPEN_READONLY;
            break;
        case Mode::ReadWrite:
            flags |= SQLITE_OPEN_READWRITE;
            break;
        case Mode::Create:
            flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
            break;
    }
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw StorageError("Could not open " + path + ": " + message + ".");
    }
    sqlite3_extended_result_codes(m_db, 1);
}

Database::~Database() {
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Database::fail(std::string_view doing) const {
    throw StorageError(std::string{doing} + " failed in " + m_path + ": " + sqlite3_errmsg(m_db) +
                       ".");
}

void Database::exec(std::string_view sql) {
    const std::string text{sql};
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail("A database statement");
    }
}

Statement Database::prepare(std::string_view sql) {
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()),
                               SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
            fail("Preparing a query");
        }
        it = m_cache.emplace(std::string{sql}, std::unique_ptr<sqlite3_stmt, StmtDeleter>{stmt})
                 .first;
    }
    return Statement{*this, it->second.get()};
}

std::int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const {
    return sqlite3_changes(m_db);
}

Statement::~Statement() {
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) {
        m_db->fail("Binding a value");
    }
    return *this;
}

Statement& Statement::bind(int index, double value) {
    if (sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK) {
        m_db->fail("Binding a value");
    }
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (sqlite3_bind_text64(m_stmt, index, text.data(), text.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8) != SQLITE_OK) {
        m_db->fail("Binding a value");
    }
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) {
        m_db->fail("Binding a value");
    }
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        return true;
    }
    if (rc == SQLITE_DONE) {
        return false;
    }
    m_db->fail("A database query");
}

void Statement::run() {
    while (step()) {
    }
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    if (!p) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::int64_t> Statement::optInteger(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return integer(column);
}

std::optional<double> Statement::optReal(int column) const {
    if (isNull(column)) {
        return std::nullopt;
    }
    return real(column);
}

Transaction::Transaction(Database& db) : m_db(db) {
    m_db.exec("SAVEPOINT rapport_tx");
}

Transaction::~Transaction() {
    if (!m_done) {
        // Undo everything since the savepoint, then drop it; never throws.
        sqlite3_exec(m_db.handle(), "ROLLBACK TO rapport_tx; RELEASE rapport_tx", nullptr, nullptr,
                     nullptr);
    }
}

void Transaction::commit() {
    m_db.exec("RELEASE rapport_tx");
    m_done = true;
}

}  // namespace rapport::core::sql
