// Issue 5's figures, on 100,000 contacts and 1,000,000 interactions in a workspace file: the
// follow-up queue for a day under 50 ms; a keystroke in contact search (the count and the first
// page of 100 rows) under 50 ms; opening a contact with 1,000 interactions under 30 ms; and the
// import of a 100,000-row LinkedIn Connections.csv under 5 s.

#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/clock.h"
#include "core/contactimport.h"
#include "core/contactquery.h"
#include "core/followupqueue.h"
#include "core/nurtureengine.h"
#include "core/stagesuggester.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "synthetic.h"

namespace {

using namespace rapport::core;
namespace fs = std::filesystem;

constexpr std::size_t kContacts = 100'000;
constexpr std::size_t kInteractions = 1'000'000;
constexpr Id kBusyContact = 1;  // the contact that gets 1,000 interactions of its own
constexpr std::size_t kBusyInteractions = 1'000;

// The synthetic interactions run through 2026; the queue is asked for the next Monday.
const Date kDay{date::year{2027}, date::month{1}, date::day{4}};

fs::path benchDir() {
    const auto dir = fs::temp_directory_path() / "rapport-bench";
    fs::create_directories(dir);
    return dir;
}

// Building a workspace takes a while, so each is kept between runs and rebuilt only when it is
// missing or not what it should be.
std::unique_ptr<Store> buildWorkspace(const std::string& name, bool keptUp) {
    const auto path = (benchDir() / name).string();
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
    if (keptUp) {
        rapport::bench::keepUp(data, kDay);
    }
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

// The workspace of someone who works the queue daily: about one contact in 50 is due.
Store& bigWorkspace() {
    static auto store = buildWorkspace("contacts-100k-kept-up.rapport", true);
    return *store;
}

// The plain synthetic log, random, where two contacts in three are due on any day.
Store& everyoneDueWorkspace() {
    static auto store = buildWorkspace("contacts-100k.rapport", false);
    return *store;
}

FixedClock& benchClock() {
    static FixedClock clock{toInstant(kDay, TimeOfDay{9 * 60}, "Europe/Berlin")};
    return clock;
}

// The queue of one day, from the workspace file: every contact due on or before the day + 7.
void BM_FollowUpQueueForADay(benchmark::State& state) {
    auto& store = bigWorkspace();
    FollowUpQueue queue{store, benchClock()};
    std::size_t due = 0;
    for (auto _ : state) {
        const auto day = queue.forDay(kDay);
        due = day.size();
        benchmark::DoNotOptimize(due);
    }
    state.counters["due"] = static_cast<double>(due);
}
BENCHMARK(BM_FollowUpQueueForADay)->Unit(benchmark::kMillisecond);

// The same on the plain synthetic log, where the queue holds two contacts in three: the cost
// grows with the contacts due, not with the workspace.
void BM_FollowUpQueueForADayTwoThirdsDue(benchmark::State& state) {
    auto& store = everyoneDueWorkspace();
    FollowUpQueue queue{store, benchClock()};
    std::size_t due = 0;
    for (auto _ : state) {
        const auto day = queue.forDay(kDay);
        due = day.size();
        benchmark::DoNotOptimize(due);
    }
    state.counters["due"] = static_cast<double>(due);
}
BENCHMARK(BM_FollowUpQueueForADayTwoThirdsDue)->Unit(benchmark::kMillisecond);

// One keystroke while typing "reader 4217" into the search box: the count of matches and the
// first page of 100 rows, sorted by name. Each iteration types the next prefix.
void BM_ContactSearchKeystroke(benchmark::State& state) {
    auto& store = bigWorkspace();
    ContactQuery query{store, benchClock()};
    const std::string typed = "reader 4217";
    std::size_t n = 0;
    std::int64_t matches = 0;
    for (auto _ : state) {
        ContactFilter filter;
        filter.text = typed.substr(0, 1 + n++ % typed.size());
        const auto page = query.search(filter, {}, 100);
        matches = page.total;
        benchmark::DoNotOptimize(page.rows.data());
    }
    state.counters["last_matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_ContactSearchKeystroke)->Unit(benchmark::kMillisecond);

// The same keystroke with a stage filter and the list sorted by last touch.
void BM_ContactSearchKeystrokeFilteredByStage(benchmark::State& state) {
    auto& store = bigWorkspace();
    ContactQuery query{store, benchClock()};
    const std::string typed = "reader 4217";
    std::size_t n = 0;
    for (auto _ : state) {
        ContactFilter filter;
        filter.text = typed.substr(0, 1 + n++ % typed.size());
        filter.stage = Stage::Engaged;
        const auto page = query.search(filter, {ContactSort::LastTouch, true}, 100);
        benchmark::DoNotOptimize(page.rows.data());
    }
}
BENCHMARK(BM_ContactSearchKeystrokeFilteredByStage)->Unit(benchmark::kMillisecond);

// The "losing touch" filter and the next-due order, which the follow-up rules decide.
void BM_ContactListLosingTouchByNextDue(benchmark::State& state) {
    auto& store = bigWorkspace();
    ContactQuery query{store, benchClock()};
    std::int64_t matches = 0;
    for (auto _ : state) {
        ContactFilter filter;
        filter.losingTouch = true;
        const auto page = query.search(filter, {ContactSort::NextDue, false}, 100);
        matches = page.total;
        benchmark::DoNotOptimize(page.rows.data());
    }
    state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_ContactListLosingTouchByNextDue)->Unit(benchmark::kMillisecond);

// Opening a contact page: the record, its whole timeline (1,000 interactions), its follow-up
// status and its stage suggestion.
void BM_OpenContactWith1000Interactions(benchmark::State& state) {
    auto& store = bigWorkspace();
    ContactQuery query{store, benchClock()};
    FollowUpQueue queue{store, benchClock()};
    StageSuggester stages{store, benchClock()};
    std::size_t shown = 0;
    for (auto _ : state) {
        const auto contact = store.get<Contact>(kBusyContact);
        const auto timeline = query.timeline(kBusyContact);
        const auto status = queue.statusOf(kBusyContact, kDay);
        const auto suggestion = stages.suggest(kBusyContact, kDay);
        shown = timeline.size();
        benchmark::DoNotOptimize(contact.id);
        benchmark::DoNotOptimize(status.due);
        benchmark::DoNotOptimize(suggestion);
    }
    state.counters["interactions"] = static_cast<double>(shown);
}
BENCHMARK(BM_OpenContactWith1000Interactions)->Unit(benchmark::kMillisecond);

// Import of LinkedIn's Connections.csv with 100,000 connections into a new workspace file: read
// (libcsv), preview (every row judged against the workspace and the rows before it), commit in
// one transaction, with the progress callback a dialog would use.
void BM_ImportLinkedInCsv100k(benchmark::State& state) {
    static const std::string csv = rapport::bench::linkedInConnectionsCsv(100'000);
    const auto path = (benchDir() / "import-100k.rapport").string();
    std::size_t added = 0;
    std::size_t calls = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            fs::remove(path + suffix, ec);
        }
        auto store = Store::open(path);
        state.ResumeTiming();
        ContactImport import{*store, benchClock()};
        const Progress progress = [&](std::size_t, std::size_t) {
            ++calls;
            return true;
        };
        const auto table = CsvImport::read(csv, "Connections.csv");
        const auto preview = import.previewCsv(table, CsvImport::autoMapping(table),
                                               ImportFormat::LinkedIn, progress);
        added = import.commit(preview, progress).added;
        benchmark::DoNotOptimize(added);
    }
    state.counters["added"] = static_cast<double>(added);
    state.counters["MB"] = static_cast<double>(csv.size()) / 1e6;
    state.counters["progress_calls"] =
        static_cast<double>(calls) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_ImportLinkedInCsv100k)->Unit(benchmark::kMillisecond)->Iterations(3);

// Issue 6's figures: 20,000 open enrollments among the 100,000 contacts and 1,000,000
// interactions. A workspace of its own (the kept-up one plus a two-step sequence), so the other
// benchmarks keep measuring a workspace without enrollments.
constexpr std::size_t kEnrollments = 20'000;

Store& nurtureWorkspace() {
    static auto store = [] {
        auto s = buildWorkspace("nurture-100k.rapport", true);
        if (s->count<Enrollment>() == static_cast<std::int64_t>(kEnrollments)) {
            return s;
        }
        s->bulkTransaction([&] {
            for (const auto& e : s->list<Enrollment>()) {
                s->remove<Enrollment>(e.id);
            }
            Sequence q;
            q.name = "Book launch";
            q.assetTitle = "Chapter 1";
            q.assetLink = "https://example.com/chapter-1";
            q.steps = {{0, 1, 0, "Comment on their latest post", InteractionKind::Comment, {}, 0},
                       {0, 1, 1, "Share one of their posts", InteractionKind::Share, {}, 3},
                       {0, 2, 0, "Offer the free chapter", InteractionKind::DirectMessage, {}, 2},
                       {0, 2, 1, "Ask what they thought", InteractionKind::Email, {}, 7}};
            s->add(q);
            NurtureEngine engine{*s, benchClock()};
            // Every fifth contact, enrolled over the two months before the day, by someone who
            // works the queue daily: the next steps fall due over the coming two months, a few
            // a little late, so about one in six is due by the end of the queue's week.
            for (std::size_t i = 0; i < kEnrollments; ++i) {
                const Id contact = static_cast<Id>(i * (kContacts / kEnrollments) + 2);
                const int spread = static_cast<int>(i % 60);
                auto e = engine.enroll(contact, q.id, addDays(kDay, -30 - spread / 2));
                e.nextDue = addDays(kDay, spread - 2);
                s->update(e);
            }
        });
        s->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
        return s;
    }();
    return *store;
}

// The nurture steps due by the end of the queue's week, as the queue asks for them.
void BM_NurtureDueStepsForADay(benchmark::State& state) {
    auto& store = nurtureWorkspace();
    NurtureEngine engine{store, benchClock()};
    std::size_t due = 0;
    for (auto _ : state) {
        const auto steps = engine.dueSteps(addDays(kDay, 7));
        due = steps.size();
        benchmark::DoNotOptimize(due);
    }
    state.counters["due_steps"] = static_cast<double>(due);
}
BENCHMARK(BM_NurtureDueStepsForADay)->Unit(benchmark::kMillisecond);

// The follow-up queue for the day on that workspace, sequence steps included.
void BM_FollowUpQueueWithEnrollments(benchmark::State& state) {
    auto& store = nurtureWorkspace();
    NurtureEngine engine{store, benchClock()};
    FollowUpQueue queue{store, benchClock(), engine};
    std::size_t due = 0;
    for (auto _ : state) {
        const auto day = queue.forDay(kDay);
        due = day.size();
        benchmark::DoNotOptimize(due);
    }
    state.counters["due"] = static_cast<double>(due);
}
BENCHMARK(BM_FollowUpQueueWithEnrollments)->Unit(benchmark::kMillisecond);

}  // namespace
