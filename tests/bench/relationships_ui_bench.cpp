// Issue 5's figures as the Relationships page sees them, on 100,000 contacts and 1,000,000
// interactions: a keystroke in the search box until the table has drawn its new rows (under
// 50 ms), the next page fetched as the table scrolls, the follow-up queue model of a day, and
// opening a contact with 1,000 interactions in the contact view (under 30 ms). The workspace is
// the one contacts_bench.cpp builds (the same file, reused when present).

#include <QApplication>
#include <QStandardItemModel>
#include <QTableView>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/clock.h"
#include "core/contactquery.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "synthetic.h"
#include "ui/contacttablemodel.h"
#include "ui/contactview.h"
#include "ui/followupqueuemodel.h"
#include "ui/undocontext.h"

namespace {

using namespace rapport::core;
namespace fs = std::filesystem;

constexpr std::size_t kContacts = 100'000;
constexpr std::size_t kInteractions = 1'000'000;
constexpr Id kBusyContact = 1;
constexpr std::size_t kBusyInteractions = 1'000;
const Date kDay{date::year{2027}, date::month{1}, date::day{4}};

// As contacts_bench.cpp builds it, so the two share one file.
std::unique_ptr<Store> buildWorkspace() {
    const auto dir = fs::temp_directory_path() / "rapport-bench";
    fs::create_directories(dir);
    const auto path = (dir / "contacts-100k-kept-up.rapport").string();
    auto data = rapport::bench::syntheticWorkspace({kContacts, kInteractions, 5'000});
    const Instant base =
        toInstant(Date{date::year{2026}, date::month{1}, date::day{1}}, TimeOfDay{0}, "UTC");
    for (std::size_t i = 0; i < kBusyInteractions; ++i) {
        Interaction x;
        x.id = static_cast<Id>(kInteractions + i + 1);
        x.contactId = kBusyContact;
        x.at = base + std::chrono::hours{static_cast<std::int64_t>(i * 8)};
        x.kind = i % 3 == 0 ? InteractionKind::Reply : InteractionKind::Comment;
        x.direction = i % 2 == 0 ? Direction::Inbound : Direction::Outbound;
        x.note = "Thread " + std::to_string(i);
        data.interactions.push_back(x);
    }
    rapport::bench::keepUp(data, kDay);
    std::error_code ec;
    if (fs::exists(path, ec)) {
        try {
            auto existing = Store::open(path);
            if (existing->count<Contact>() == static_cast<std::int64_t>(data.contacts.size()) &&
                existing->count<Interaction>() ==
                    static_cast<std::int64_t>(data.interactions.size())) {
                return existing;
            }
        } catch (const std::exception&) {
        }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path + suffix, ec);
    }
    auto created = Store::open(path);
    workspacejson::restore(*created, data, workspacejson::Existing::Refuse);
    created->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return created;
}

Store& bigWorkspace() {
    static auto store = buildWorkspace();
    return *store;
}

FixedClock& benchClock() {
    static FixedClock clock{toInstant(kDay, TimeOfDay{9 * 60}, "Europe/Berlin")};
    return clock;
}

// One keystroke while typing "reader 4217": the model reads the count and its first page, and
// the table, shown at a usual size, draws the rows it now holds. The argument is how many
// letters are typed: 1 ("r") matches every contact, 11 the one.
void BM_ContactTableKeystroke(benchmark::State& state) {
    auto& store = bigWorkspace();
    rapport::ui::ContactTableModel model(store, benchClock());
    QTableView view;
    view.setModel(&model);
    view.resize(1000, 700);
    view.show();
    QApplication::processEvents();
    const std::string typed = "reader 4217";
    ContactFilter filter;
    filter.text = typed.substr(0, static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        model.setFilter(filter);
        view.viewport()->repaint();
    }
    state.counters["matches"] = static_cast<double>(model.total());
}
BENCHMARK(BM_ContactTableKeystroke)->DenseRange(1, 11)->Unit(benchmark::kMillisecond);

// The same keystrokes read by core alone (no model, no view): what the table adds is the
// difference to BM_ContactTableKeystroke.
void BM_ContactQueryKeystrokeOnly(benchmark::State& state) {
    auto& store = bigWorkspace();
    ContactQuery query(store, benchClock());
    const std::string typed = "reader 4217";
    ContactFilter filter;
    filter.text = typed.substr(0, static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        const auto page = query.search(filter, {}, rapport::ui::ContactTableModel::kPageSize);
        benchmark::DoNotOptimize(page.rows.data());
    }
}
BENCHMARK(BM_ContactQueryKeystrokeOnly)->DenseRange(1, 11)->Unit(benchmark::kMillisecond);

// Clearing the search: the whole list again, sorted by name, first page drawn.
void BM_ContactTableAllContacts(benchmark::State& state) {
    auto& store = bigWorkspace();
    rapport::ui::ContactTableModel model(store, benchClock());
    QTableView view;
    view.setModel(&model);
    view.resize(1000, 700);
    view.show();
    QApplication::processEvents();
    bool flip = false;
    for (auto _ : state) {
        ContactFilter filter;
        filter.text = flip ? "" : "r";  // alternate, so each iteration reads again
        flip = !flip;
        model.setFilter(filter);
        view.viewport()->repaint();
    }
    state.counters["total"] = static_cast<double>(model.total());
}
BENCHMARK(BM_ContactTableAllContacts)->Unit(benchmark::kMillisecond);

// Scrolling: the next page of rows as the table reaches the end of what it holds.
void BM_ContactTableFetchMore(benchmark::State& state) {
    auto& store = bigWorkspace();
    rapport::ui::ContactTableModel model(store, benchClock());
    for (auto _ : state) {
        if (!model.canFetchMore({})) {
            state.PauseTiming();
            model.setFilter({});
            state.ResumeTiming();
        }
        model.fetchMore({});
    }
    state.counters["rows_held"] = model.rowCount();
}
BENCHMARK(BM_ContactTableFetchMore)->Unit(benchmark::kMillisecond);

// The "Today" view's model reading the queue of a day.
void BM_FollowUpQueueModelRefresh(benchmark::State& state) {
    auto& store = bigWorkspace();
    rapport::ui::FollowUpQueueModel model(store, benchClock());
    for (auto _ : state) {
        model.setDay(kDay);
    }
    state.counters["due"] = static_cast<double>(model.queue().size());
}
BENCHMARK(BM_FollowUpQueueModelRefresh)->Unit(benchmark::kMillisecond);

// Opening the contact with 1,000 interactions in the contact view: its facts, status, stage
// suggestion and the whole timeline as rows.
void BM_ContactViewOpen1000Interactions(benchmark::State& state) {
    auto& store = bigWorkspace();
    QUndoStack stack;
    rapport::ui::UndoContext undo(store, &stack);
    rapport::ui::ContactView view(store, undo, benchClock());
    view.resize(500, 700);
    view.show();
    QApplication::processEvents();
    for (auto _ : state) {
        view.setContact(kBusyContact);
    }
    state.counters["interactions"] = view.timeline()->rowCount();
}
BENCHMARK(BM_ContactViewOpen1000Interactions)->Unit(benchmark::kMillisecond);

// An edit to one contact while the table holds many rows (the argument: rows fetched, by
// scrolling), the view shown: the store's write plus the model's read of the change. Up to
// ContactTableModel::kRereadLimit rows the model reads them all again; beyond, it reads the
// order and the changed rows only. The contact's notes go back to what they were at the end.
void BM_ContactTableChangeWithRowsFetched(benchmark::State& state) {
    auto& store = bigWorkspace();
    rapport::ui::ContactTableModel model(store, benchClock());
    while (model.rowCount() < state.range(0) && model.canFetchMore({})) {
        model.fetchMore({});
    }
    QTableView view;
    view.setModel(&model);
    view.resize(1000, 700);
    view.show();
    QApplication::processEvents();
    const Contact original = store.get<Contact>(model.idAt(0));
    Contact edited = original;
    bool flip = false;
    for (auto _ : state) {
        edited.notes = flip ? original.notes : original.notes + " (edited)";
        flip = !flip;
        store.update(edited);
        view.viewport()->repaint();
        state.PauseTiming();
        QApplication::processEvents();  // ends the turn, as between two edits of a user
        state.ResumeTiming();
    }
    store.update(original);
    state.counters["rows_held"] = model.rowCount();
}
BENCHMARK(BM_ContactTableChangeWithRowsFetched)
    ->Arg(1'000)
    ->Arg(10'000)
    ->Unit(benchmark::kMillisecond);

// What the change above cost before the model kept rows: every fetched row read again.
void BM_ContactQueryReadFetchedRows(benchmark::State& state) {
    auto& store = bigWorkspace();
    ContactQuery query(store, benchClock());
    for (auto _ : state) {
        const auto page = query.search({}, {}, static_cast<std::size_t>(state.range(0)));
        benchmark::DoNotOptimize(page.rows.data());
    }
}
BENCHMARK(BM_ContactQueryReadFetchedRows)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);

}  // namespace
