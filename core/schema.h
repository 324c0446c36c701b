#pragma once
// The workspace schema and its migrations: cumulative steps from any older version to the
// current one, each applied in one transaction, the version kept in PRAGMA user_version.

#include "core/sqlite.h"

namespace rapport::core::schema {

/// The version a database file says it has (0 for a new, empty file).
int versionOf(sql::Database& db);

/// Brings `db` from its version up to `target` (default: the current one). Each step runs in
/// its own transaction, so an interrupted migration leaves the last complete version.
void migrate(sql::Database& db, int target);

}  // namespace rapport::core::schema
