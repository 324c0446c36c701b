// The calendar page: its views show the period's posts, a drag moves a post and undoes in one
// step, a dragged series occurrence becomes an exception of its own, and the editor refuses a
// link that is not http or https while it counts the body's characters.

#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/recurrence.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "planningsupport.h"
#include "ui/agendamodel.h"
#include "ui/calendarpage.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/monthview.h"
#include "ui/posteditor.h"
#include "ui/undocontext.h"
#include "ui/weekview.h"

namespace rapport::ui {
namespace {

class CalendarPageTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    core::FixedClock m_clock{test::planningNow()};  // Monday 23 November 2026
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};

    core::Id addPost(const std::string& title, const char* date, int minutes) {
        core::Post p;
        p.title = title;
        p.channelId = m_ids.x;
        p.status = core::PostStatus::Scheduled;
        p.scheduledAt =
            core::toInstant(*core::parseDate(date), core::TimeOfDay{minutes}, "Europe/Berlin");
        return m_store->add(p);
    }

    std::unique_ptr<CalendarPage> page() {
        auto p = std::make_unique<CalendarPage>(*m_store, m_undo, m_clock);
        p->resize(1100, 800);
        p->show();
        p->refresh();
        return p;
    }

    const CalendarItem* item(CalendarPage& page, const std::string& title) {
        for (const CalendarItem* i : page.visibleItems()) {
            if (i->post.title == title) {
                return i;
            }
        }
        return nullptr;
    }
};

TEST_F(CalendarPageTest, MonthWeekAndAgendaShowThePostsOfTheirPeriod) {
    addPost("In November", "2026-11-24", 9 * 60);
    addPost("In December", "2026-12-15", 10 * 60);
    auto p = page();
    EXPECT_EQ(p->rangeFrom(), QDate(2026, 10, 26));
    EXPECT_EQ(p->rangeTo(), QDate(2026, 12, 6));
    ASSERT_NE(item(*p, "In November"), nullptr);
    EXPECT_EQ(item(*p, "In December"), nullptr);
    EXPECT_EQ(p->monthView()->itemsOn(QDate(2026, 11, 24)).size(), 1u);

    p->setView(CalendarPage::View::Week);
    EXPECT_EQ(p->rangeFrom(), QDate(2026, 11, 23));
    EXPECT_EQ(p->weekView()->itemsOn(QDate(2026, 11, 24)).size(), 1u);
    EXPECT_FALSE(p->weekView()->chipRect(item(*p, "In November")).isEmpty());

    p->next();
    p->next();
    p->next();
    EXPECT_EQ(p->rangeFrom(), QDate(2026, 12, 14));
    ASSERT_NE(item(*p, "In December"), nullptr);
    EXPECT_EQ(item(*p, "In December")->minutes, 10 * 60);

    p->setView(CalendarPage::View::Agenda);
    EXPECT_EQ(p->agendaModel()->rowCount(), 1);
    EXPECT_TRUE(
        p->agendaModel()->index(0).data().toString().contains(QStringLiteral("In December")));

    CalendarFilter none;
    none.search = QStringLiteral("nothing like this");
    p->setFilter(none);
    EXPECT_EQ(p->agendaModel()->rowCount(), 0);
}

TEST_F(CalendarPageTest, DraggingAChipToAnotherDayKeepsItsTimeAndUndoes) {
    const core::Id id = addPost("Keyword guide", "2026-11-24", 9 * 60 + 30);
    auto p = page();
    const CalendarItem* chip = item(*p, "Keyword guide");
    ASSERT_NE(chip, nullptr);
    MonthView* month = p->monthView();
    const QRect target = month->chipRect(chip);
    ASSERT_FALSE(target.isEmpty());

    QMimeData data;
    data.setData(QString::fromLatin1(kPostMimeType), chip->key().toUtf8());
    // Thursday 26 November: two cells to the right of the chip's day.
    const int cellWidth = month->width() / 7;
    const QPoint drop = target.center() + QPoint(2 * cellWidth, 0);
    ASSERT_EQ(month->dateAt(drop), QDate(2026, 11, 26));
    ASSERT_TRUE(month->dropAt(&data, drop));

    const auto moved = m_store->get<core::Post>(id);
    EXPECT_EQ(core::formatDate(core::localDate(*moved.scheduledAt, "Europe/Berlin")), "2026-11-26");
    EXPECT_EQ(core::localTimeOfDay(*moved.scheduledAt, "Europe/Berlin").count(), 9 * 60 + 30);
    EXPECT_EQ(m_stack.count(), 1);
    EXPECT_EQ(month->itemsOn(QDate(2026, 11, 26)).size(), 1u);

    m_stack.undo();
    EXPECT_EQ(core::formatDate(
                  core::localDate(*m_store->get<core::Post>(id).scheduledAt, "Europe/Berlin")),
              "2026-11-24");
    m_stack.redo();
    EXPECT_EQ(core::formatDate(
                  core::localDate(*m_store->get<core::Post>(id).scheduledAt, "Europe/Berlin")),
              "2026-11-26");
}

TEST_F(CalendarPageTest, DroppingOnAWeekSlotSetsDayAndTime) {
    const core::Id id = addPost("Thread", "2026-11-24", 9 * 60);
    auto p = page();
    p->setView(CalendarPage::View::Week);
    const CalendarItem* chip = item(*p, "Thread");
    ASSERT_NE(chip, nullptr);
    QMimeData data;
    data.setData(QString::fromLatin1(kPostMimeType), chip->key().toUtf8());
    WeekView* week = p->weekView();
    const QPoint slot(
        WeekView::kGutter + 4 * (week->width() - WeekView::kGutter) / 7 + 10,
        WeekView::kHeader + 14 * WeekView::kHourHeight + WeekView::kHourHeight * 3 / 4);
    ASSERT_EQ(week->slotAt(slot).first, QDate(2026, 11, 27));
    ASSERT_TRUE(week->dropAt(&data, slot));
    const auto moved = m_store->get<core::Post>(id);
    EXPECT_EQ(core::formatDate(core::localDate(*moved.scheduledAt, "Europe/Berlin")), "2026-11-27");
    EXPECT_EQ(core::localTimeOfDay(*moved.scheduledAt, "Europe/Berlin").count(), 14 * 60 + 30);
    m_stack.undo();
    EXPECT_EQ(
        core::localTimeOfDay(*m_store->get<core::Post>(id).scheduledAt, "Europe/Berlin").count(),
        9 * 60);
}

TEST_F(CalendarPageTest, MovingOneOccurrenceLeavesTheSeriesWhole) {
    core::Series weekly;
    weekly.frequency = core::Frequency::Weekly;
    weekly.weekdays = 1u << 1;  // Tuesdays
    weekly.time = core::TimeOfDay{9 * 60};
    weekly.startDate = *core::parseDate("2026-11-03");
    m_store->add(weekly);
    core::Post templ;
    templ.title = "Tuesday tip";
    templ.channelId = m_ids.x;
    templ.status = core::PostStatus::Scheduled;
    templ.seriesId = weekly.id;
    m_store->add(templ);

    auto p = page();
    p->setSeriesScope(CalendarPage::SeriesScope::ThisOnly);
    const auto tuesdays = p->monthView()->itemsOn(QDate(2026, 11, 24));
    ASSERT_EQ(tuesdays.size(), 1u);
    ASSERT_EQ(tuesdays.front()->post.id, 0);
    ASSERT_TRUE(p->movePost(tuesdays.front()->key(), QDate(2026, 11, 25)));

    const auto after = core::effectivePosts(*m_store, *core::parseDate("2026-11-01"),
                                            *core::parseDate("2026-11-30"));
    int tuesdayCount = 0;
    bool wednesday = false;
    for (const auto& post : after) {
        const auto day = core::localDate(*post.scheduledAt, "Europe/Berlin");
        tuesdayCount += date::weekday{day} == date::Tuesday ? 1 : 0;
        wednesday = wednesday || core::formatDate(day) == "2026-11-25";
    }
    EXPECT_EQ(tuesdayCount, 3);  // 3, 10, 17 stay; 24 moved
    EXPECT_TRUE(wednesday);
    EXPECT_EQ(m_store->count<core::Post>(), 2);  // the template and one exception

    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Post>(), 1);
}

TEST_F(CalendarPageTest, TheEditorCountsCharactersAndRefusesABadLink) {
    core::Post post;
    post.title = "Draft";
    post.channelId = m_ids.x;
    post.status = core::PostStatus::Draft;
    PostEditor editor(*m_store, post, {QStringLiteral("3 value posts before this promotion")});
    editor.bodyField()->setPlainText(QStringLiteral("héllo"));
    EXPECT_TRUE(editor.characterCount()->text().startsWith(QStringLiteral("5 / ")))
        << editor.characterCount()->text().toStdString();
    EXPECT_FALSE(editor.resultsBox()->isEnabled());

    editor.linkField()->setText(QStringLiteral("ftp://example.com"));
    EXPECT_FALSE(editor.check());
    EXPECT_FALSE(editor.errors().message(QStringLiteral("link")).isEmpty());
    editor.linkField()->setText(QStringLiteral("https://example.com/guide"));
    EXPECT_TRUE(editor.check());
    EXPECT_EQ(editor.post().link, "https://example.com/guide");
}

}  // namespace
}  // namespace rapport::ui
