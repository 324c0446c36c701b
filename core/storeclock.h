#pragma once
// The clock behind the dates SQL writes by itself. The stage history's trigger (schema v5) dates
// a change of stage with rapport_today(zone): the local date, in the workspace's IANA zone, of
// the instant an injected Clock says is now. Every connection a Store opens has the function,
// backed by the system clock until useClock() says otherwise; the GUI and the CLI pass theirs,
// tests pass a FixedClock.
//
// The function exists only on Rapport's own connections: a change of a contact's stage made
// outside Rapport (the sqlite3 shell) is refused with "no such function: rapport_today" rather
// than dated by the machine's zone and wall clock.

#include <memory>

#include "core/clock.h"

namespace rapport::core {

class Store;
namespace sql {
class Database;
}

/// From now on the store's connection takes "now" from `clock`, which must outlive the store
/// (or the next useClock()).
void useClock(Store& store, const Clock& clock);
/// The same, with the store's connection keeping the clock alive.
void useClock(Store& store, std::shared_ptr<const Clock> clock);

/// Installs rapport_today(zone) on a connection, backed by the system clock. Store does this for
/// every connection it opens.
void installSqlClock(sql::Database& db);

}  // namespace rapport::core
