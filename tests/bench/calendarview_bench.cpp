// Issue 4's view figures on a workspace of 50,000 posts and 20 weekly series: switching months,
// switching weeks and applying a filter, each measured from the request (the page's next() or
// a filter change) until the view has painted (a synchronous repaint of the month grid or the
// week), offscreen. Each must stay under 16 ms, one frame.

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <filesystem>

#include "core/clock.h"
#include "core/recurrence.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/workspacejson.h"
#include "synthetic.h"
#include "ui/calendarpage.h"
#include "ui/monthview.h"
#include "ui/undocontext.h"
#include "ui/weekview.h"
#include "uibench.h"

namespace {

using namespace rapport::core;
using rapport::ui::CalendarPage;
namespace fs = std::filesystem;

constexpr std::size_t kPosts = 50'000;
constexpr std::size_t kSeries = 20;

std::unique_ptr<Store> buildWorkspace() {
    const auto dir = fs::temp_directory_path() / "rapport-bench";
    fs::create_directories(dir);
    const auto path = (dir / "calendar-ui.rapport").string();
    rapport::bench::Size size;
    size.posts = kPosts;
    size.series = kSeries;
    size.contacts = 1'000;
    size.interactions = 10'000;
    std::error_code ec;
    if (fs::exists(path, ec)) {
        try {
            auto existing = Store::open(path);
            if (existing->count<Series>() == static_cast<std::int64_t>(kSeries) &&
                existing->count<Post>() >= static_cast<std::int64_t>(kPosts)) {
                return existing;
            }
        } catch (const std::exception&) {
        }
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        fs::remove(path + suffix, ec);
    }
    auto created = Store::open(path);
    workspacejson::restore(*created, rapport::bench::syntheticWorkspace(size),
                           workspacejson::Existing::Refuse);
    created->db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return created;
}

/// The page as the app shows it, on a mid-June "today" of the synthetic year.
struct Calendar {
    std::unique_ptr<Store> store = buildWorkspace();
    FixedClock clock{toInstant(*parseDate("2026-06-15"), TimeOfDay{10 * 60}, "UTC")};
    QUndoStack stack;
    rapport::ui::UndoContext undo{*store, &stack};
    CalendarPage page{*store, undo, clock};

    Calendar() {
        page.resize(1280, 820);
        page.show();
        page.refresh();
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 300) {  // shown and exposed, so repaint() really paints
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        }
    }
};

Calendar& calendar() {
    static std::unique_ptr<Calendar> c;
    if (!c) {
        c = std::make_unique<Calendar>();
        rapport::bench::beforeAppExit([] { c.reset(); });
    }
    return *c;
}

/// What the user's pause between two clicks gives the page: its idle work (loading the
/// neighbouring periods) runs here, outside the timing.
void idle(benchmark::State& state) {
    state.PauseTiming();
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 120) {
        QApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    state.ResumeTiming();
}

void report(benchmark::State& state, Calendar& c) {
    state.counters["shown_posts"] = static_cast<double>(c.page.visibleItems().size());
    state.counters["workspace_posts"] = static_cast<double>(c.store->count<Post>());
}

// Next month, then back, alternately: each switch reads the month, runs the advisor, lays out
// and paints the grid.
void BM_CalendarSwitchMonth(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Month);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    bool forward = true;
    for (auto _ : state) {
        idle(state);
        forward ? c.page.next() : c.page.previous();
        forward = !forward;
        c.page.monthView()->repaint();
    }
    report(state, c);
}
BENCHMARK(BM_CalendarSwitchMonth)->Unit(benchmark::kMillisecond);

void BM_CalendarSwitchWeek(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Week);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    bool forward = true;
    for (auto _ : state) {
        idle(state);
        forward ? c.page.next() : c.page.previous();
        forward = !forward;
        c.page.weekView()->repaint();
    }
    report(state, c);
}
BENCHMARK(BM_CalendarSwitchWeek)->Unit(benchmark::kMillisecond);

// A filter over the loaded month: a channel, then a search word, then none (as a user picks
// them), each until the grid has painted.
void BM_CalendarApplyFilterMonth(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Month);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    auto* channel = c.page.findChild<QComboBox*>(QStringLiteral("channelFilter"));
    auto* search = c.page.findChild<QLineEdit*>(QStringLiteral("search"));
    int step = 0;
    for (auto _ : state) {
        switch (step++ % 3) {
            case 0:
                channel->setCurrentIndex(1);
                break;
            case 1:
                search->setText(QStringLiteral("guide"));
                break;
            default:
                channel->setCurrentIndex(0);
                search->clear();
                break;
        }
        c.page.monthView()->repaint();
    }
    report(state, c);
}
// A month never shown before (a date chosen far away): its posts taken from the page's
// timeline, expanded and advised, then laid out and painted. Before each switch the page is
// told the file changed behind its back, so it forgets the periods it holds and reads the
// timeline again (outside the timing: the shown page does that at once, not at the switch).
void BM_CalendarSwitchMonthCold(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Month);
    c.page.setFilter({});
    int month = 0;
    for (auto _ : state) {
        state.PauseTiming();
        c.store->announceExternalChange();  // forgets every loaded period
        QApplication::processEvents();
        state.ResumeTiming();
        c.page.setDate(QDate(2026, 1 + (month++ % 12), 15));
        c.page.monthView()->repaint();
    }
    report(state, c);
}
BENCHMARK(BM_CalendarSwitchMonthCold)->Unit(benchmark::kMillisecond);

// The first next/previous after an edit: the edit drops every loaded period (their advice may
// have changed) and the shown month is read again at once; the switch then finds its month
// not loaded, and the timeline takes in the one changed post.
void BM_CalendarSwitchMonthAfterEdit(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Month);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    const auto june = effectivePosts(*c.store, *parseDate("2026-06-10"), *parseDate("2026-06-10"));
    const Post original =
        c.store->get<Post>(june.front().id != 0 ? june.front().id : june.back().id);
    Post edited = original;
    bool forward = true;
    int edits = 0;
    for (auto _ : state) {
        state.PauseTiming();
        edited.title = "Edited " + std::to_string(++edits);
        c.store->update(edited);
        QApplication::processEvents();
        state.ResumeTiming();
        forward ? c.page.next() : c.page.previous();
        forward = !forward;
        c.page.monthView()->repaint();
    }
    c.store->update(original);  // the kept workspace as it was, for the next run
    report(state, c);
}
BENCHMARK(BM_CalendarSwitchMonthAfterEdit)->Unit(benchmark::kMillisecond);

BENCHMARK(BM_CalendarApplyFilterMonth)->Unit(benchmark::kMillisecond);

void BM_CalendarApplyFilterWeek(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Week);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    auto* channel = c.page.findChild<QComboBox*>(QStringLiteral("channelFilter"));
    int step = 0;
    for (auto _ : state) {
        channel->setCurrentIndex(step++ % 2 == 0 ? 1 : 0);
        c.page.weekView()->repaint();
    }
    report(state, c);
}
BENCHMARK(BM_CalendarApplyFilterWeek)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {

// Only the painting of the loaded month (issue 4's share of the frame that the grid's
// paintEvent takes): the month is loaded once, each iteration repaints the whole grid.
void BM_MonthViewPaint(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Month);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    QApplication::processEvents();
    c.page.monthView()->repaint();
    for (auto _ : state) {
        c.page.monthView()->repaint();
    }
    report(state, c);
}
BENCHMARK(BM_MonthViewPaint)->Unit(benchmark::kMillisecond);

// The first paint after the month's items are handed to the grid (what a switch of months
// paints): nothing the view keeps between paints of the same items helps here.
void BM_MonthViewPaintAfterLoad(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Month);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    QApplication::processEvents();
    auto* view = c.page.monthView();
    const QDate month = view->firstShownDay().addDays(14);
    for (auto _ : state) {
        state.PauseTiming();
        view->setMonth(month, c.page.visibleItems());
        state.ResumeTiming();
        view->repaint();
    }
    report(state, c);
}
BENCHMARK(BM_MonthViewPaintAfterLoad)->Unit(benchmark::kMillisecond);

// The same for the week: each iteration repaints the whole loaded week.
void BM_WeekViewPaint(benchmark::State& state) {
    auto& c = calendar();
    c.page.setView(CalendarPage::View::Week);
    c.page.setFilter({});
    c.page.setDate(QDate(2026, 6, 15));
    QApplication::processEvents();
    c.page.weekView()->repaint();
    for (auto _ : state) {
        c.page.weekView()->repaint();
    }
    report(state, c);
}
BENCHMARK(BM_WeekViewPaint)->Unit(benchmark::kMillisecond);

}  // namespace
