#include "core/storeclock.h"

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "core/store.h"
#include "core/timeutil.h"

namespace rapport::core {

namespace {

// What the function's user data holds: a borrowed clock, or one the connection keeps alive.
struct SqlClock {
    const Clock* clock = nullptr;
    std::shared_ptr<const Clock> owned;
};

const Clock& systemClock() {
    static const SystemClock clock;
    return clock;
}

// rapport_today(zone): "YYYY-MM-DD", the local date of now in the zone (UTC when the zone is
// NULL or unknown, as everywhere else in core).
void today(sqlite3_context* context, int argc, sqlite3_value** argv) {
    const auto* state = static_cast<const SqlClock*>(sqlite3_user_data(context));
    std::string_view zone = "UTC";
    if (argc == 1 && sqlite3_value_type(argv[0]) == SQLITE_TEXT) {
        zone = std::string_view{reinterpret_cast<const char*>(sqlite3_value_text(argv[0])),
                                static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))};
    }
    try {
        const std::string text = formatDate(localDate(state->clock->now(), zone));
        sqlite3_result_text(context, text.c_str(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    } catch (const std::exception& e) {
        sqlite3_result_error(context, e.what(), -1);
    }
}

void destroy(void* state) {
    delete static_cast<SqlClock*>(state);
}

void install(sql::Database& db, SqlClock state) {
    auto* data = new SqlClock(std::move(state));
    // Innocuous: no side effects, so the schema's trigger may call it whatever trusted_schema
    // says; not deterministic, since its answer moves with the clock. On failure SQLite calls
    // destroy() on the data itself.
    const int rc =
        sqlite3_create_function_v2(db.handle(), "rapport_today", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   data, &today, nullptr, nullptr, &destroy);
    if (rc != SQLITE_OK) {
        db.fail("Cannot install rapport_today()");
    }
}

}  // namespace

void useClock(Store& store, const Clock& clock) {
    install(store.db(), SqlClock{&clock, nullptr});
}

void useClock(Store& store, std::shared_ptr<const Clock> clock) {
    if (!clock) {
        install(store.db(), SqlClock{&systemClock(), nullptr});
        return;
    }
    const Clock* raw = clock.get();
    install(store.db(), SqlClock{raw, std::move(clock)});
}

void installSqlClock(sql::Database& db) {
    install(db, SqlClock{&systemClock(), nullptr});
}

}  // namespace rapport::core
