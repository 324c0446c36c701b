#pragma once
// Turns SQLite's CHECK constraints off for one bulk write whose records were all validated in
// C++ first (validation.h states the same rules). SQLite evaluates the schema's IN lists
// (stage, source, kind, direction) through a temporary b-tree per row, which costs more than the
// rest of writing 100,000 rows.

#include "core/sqlite.h"

namespace rapport::core {

/// While it lives, the connection skips CHECK constraints; they are back on however it ends.
class CheckConstraintsOff {
public:
    explicit CheckConstraintsOff(sql::Database& db) : m_db(db) {
        m_db.exec("PRAGMA ignore_check_constraints = ON");
    }
    ~CheckConstraintsOff() {
        try {
            m_db.exec("PRAGMA ignore_check_constraints = OFF");
        } catch (const std::exception&) {
            // A destructor must not throw; a connection that cannot run a pragma reports its
            // state on the next statement anyway.
        }
    }
    CheckConstraintsOff(const CheckConstraintsOff&) = delete;
    CheckConstraintsOff& operator=(const CheckConstraintsOff&) = delete;

private:
    sql::Database& m_db;
};

}  // namespace rapport::core
