// The calendar page: its views show the period's posts, a drag moves a post and undoes in one
// step, a dragged series occurrence becomes an exception of its own, and the editor refuses a
// link that is not http or https while it counts the body's characters.

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/freeslot.h"
#include "core/icalexport.h"
#include "core/recurrence.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "planningsupport.h"
#include "testsupport.h"
#include "ui/agendamodel.h"
#include "ui/calendarexportdialog.h"
#include "ui/calendarexporttask.h"
#include "ui/calendarpage.h"
#include "ui/demoworkspace.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/mainwindow.h"
#include "ui/monthview.h"
#include "ui/posteditor.h"
#include "ui/recurrenceeditor.h"
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

    core::Id addTemplate(core::Id seriesId, const std::string& title, const char* first) {
        core::Post templ;
        templ.title = title;
        templ.channelId = m_ids.x;
        templ.status = core::PostStatus::Scheduled;
        templ.seriesId = seriesId;
        templ.scheduledAt =
            core::toInstant(*core::parseDate(first), core::TimeOfDay{9 * 60}, "Europe/Berlin");
        return m_store->add(templ);
    }

    /// Every series and post as text, to compare the store before an edit and after its undo.
    std::string snapshot() {
        std::string out;
        for (const auto& s : m_store->list<core::Series>()) {
            out += "series " + std::to_string(s.id) + " f" +
                   std::to_string(static_cast<int>(s.frequency)) + " w" +
                   std::to_string(s.weekdays) + " n" + std::to_string(s.intervalDays) + " m" +
                   std::to_string(s.monthDay) + " t" + std::to_string(s.time.count()) + " " +
                   core::formatDate(s.startDate) + " to " +
                   (s.endDate ? core::formatDate(*s.endDate) : "-") + " c" +
                   (s.count ? std::to_string(*s.count) : "-") + "\n";
        }
        for (const auto& p : m_store->list<core::Post>()) {
            out +=
                "post " + std::to_string(p.id) + " " + p.title + " " + p.body + " s" +
                std::to_string(p.seriesId.value_or(0)) + " o" +
                (p.occurrenceDate ? core::formatDate(*p.occurrenceDate) : "-") + " at" +
                (p.scheduledAt ? std::to_string(p.scheduledAt->time_since_epoch().count()) : "-") +
                " st" + std::to_string(static_cast<int>(p.status)) + " r" +
                std::to_string(p.results.comments) + "," + std::to_string(p.results.replies) + "," +
                std::to_string(p.results.shares) + "," + std::to_string(p.results.clicks) + "," +
                std::to_string(p.results.conversions) + " i" +
                std::to_string(p.topicIdeaId.value_or(0)) + "\n";
        }
        for (const auto& i : m_store->list<core::Interaction>()) {
            out += "interaction " + std::to_string(i.id) + " post" +
                   std::to_string(i.postId.value_or(0)) + "\n";
        }
        return out;
    }

    /// The local dates of the posts titled `title` in [from, to], as the calendar expands them.
    std::vector<std::string> datesOf(const std::string& title, const char* from, const char* to) {
        std::vector<std::string> out;
        for (const auto& post :
             core::effectivePosts(*m_store, *core::parseDate(from), *core::parseDate(to))) {
            if (post.title == title && post.status != core::PostStatus::Skipped) {
                out.push_back(
                    core::formatDate(core::localDate(*post.scheduledAt, "Europe/Berlin")) + " " +
                    formatTime(core::localTimeOfDay(*post.scheduledAt, "Europe/Berlin"))
                        .toStdString());
            }
        }
        return out;
    }

    core::Id addTuesdays(const std::string& title) {
        core::Series weekly;
        weekly.frequency = core::Frequency::Weekly;
        weekly.weekdays = 1u << 1;  // Tuesdays
        weekly.time = core::TimeOfDay{9 * 60};
        weekly.startDate = *core::parseDate("2026-11-03");
        m_store->add(weekly);
        addTemplate(weekly.id, title, "2026-11-03");
        return weekly.id;
    }

    /// Runs `fill` on the post editor the page opens next, then presses OK (or what `fill`
    /// pressed itself), as a user would on the modal dialog.
    static void whenEditorOpens(std::function<void(PostEditor&)> fill) {
        QTimer::singleShot(0, [fill = std::move(fill)] {
            auto* editor = qobject_cast<PostEditor*>(QApplication::activeModalWidget());
            ASSERT_NE(editor, nullptr);
            fill(*editor);
            if (editor->isVisible()) {
                editor->accept();
            }
        });
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
    addTemplate(weekly.id, "Tuesday tip", "2026-11-03");

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

TEST_F(CalendarPageTest, MovingThisAndAllFollowingMovesTheRestOfTheSeriesAndUndoesExactly) {
    core::Series weekly;
    weekly.frequency = core::Frequency::Weekly;
    weekly.weekdays = 1u << 1;  // Tuesdays
    weekly.time = core::TimeOfDay{9 * 60};
    weekly.startDate = *core::parseDate("2026-11-03");
    m_store->add(weekly);
    addTemplate(weekly.id, "Tuesday tip", "2026-11-03");
    // An edited occurrence after the split and one at the very occurrence being moved.
    core::Post edited = core::occurrencePost(*core::seriesTemplate(*m_store, weekly.id), weekly,
                                             *core::parseDate("2026-12-08"), "Europe/Berlin");
    edited.body = "Edited on its own";
    core::saveOccurrence(*m_store, edited);
    core::Post here = core::occurrencePost(*core::seriesTemplate(*m_store, weekly.id), weekly,
                                           *core::parseDate("2026-11-17"), "Europe/Berlin");
    here.body = "Edited before";
    core::saveOccurrence(*m_store, here);
    const std::string before = snapshot();

    auto p = page();
    p->setSeriesScope(CalendarPage::SeriesScope::AllFollowing);
    const auto chips = p->monthView()->itemsOn(QDate(2026, 11, 17));
    ASSERT_EQ(chips.size(), 1u);
    // Back one day, to Monday 16th at 10:00 (the week view's drop).
    ASSERT_TRUE(p->movePost(chips.front()->key(), QDate(2026, 11, 16), 10 * 60));

    EXPECT_EQ(datesOf("Tuesday tip", "2026-11-01", "2026-12-01"),
              (std::vector<std::string>{"2026-11-03 09:00", "2026-11-10 09:00", "2026-11-16 10:00",
                                        "2026-11-23 10:00", "2026-11-30 10:00"}));
    EXPECT_EQ(m_stack.count(), 1);

    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
    m_stack.redo();
    EXPECT_EQ(datesOf("Tuesday tip", "2026-11-14", "2026-11-24"),
              (std::vector<std::string>{"2026-11-16 10:00", "2026-11-23 10:00"}));
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
}

TEST_F(CalendarPageTest, MovingEveryNDaysForwardStartsTheRestOnTheNewDay) {
    core::Series every;
    every.frequency = core::Frequency::EveryNDays;
    every.intervalDays = 3;
    every.time = core::TimeOfDay{9 * 60};
    every.startDate = *core::parseDate("2026-11-02");
    every.count = 6;  // 2, 5, 8, 11, 14, 17
    m_store->add(every);
    addTemplate(every.id, "Every third day", "2026-11-02");
    const std::string before = snapshot();
    auto p = page();
    p->setSeriesScope(CalendarPage::SeriesScope::AllFollowing);
    const auto chips = p->monthView()->itemsOn(QDate(2026, 11, 8));
    ASSERT_EQ(chips.size(), 1u);
    ASSERT_TRUE(p->movePost(chips.front()->key(), QDate(2026, 11, 9)));
    EXPECT_EQ(
        datesOf("Every third day", "2026-11-01", "2026-11-30"),
        (std::vector<std::string>{"2026-11-02 09:00", "2026-11-05 09:00", "2026-11-09 09:00",
                                  "2026-11-12 09:00", "2026-11-15 09:00", "2026-11-18 09:00"}));
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
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

TEST_F(CalendarPageTest, MakingAPostRecurringInTheEditorIsOneUndoStep) {
    addPost("Weekly tip", "2026-11-24", 9 * 60);
    const std::string before = snapshot();
    auto p = page();
    whenEditorOpens([](PostEditor& editor) {
        RecurrenceEditor* rule = editor.recurrence();
        rule->repeatField()->setCurrentIndex(RecurrenceEditor::Weekly);
        EXPECT_TRUE(rule->weekdayField(1)->isChecked());  // the post's Tuesday, ticked for us
        rule->weekdayField(3)->setChecked(true);          // and Thursdays
        rule->endField()->setCurrentIndex(RecurrenceEditor::After);
        rule->countField()->setValue(4);
    });
    p->openItem(item(*p, "Weekly tip"));

    EXPECT_EQ(m_store->count<core::Series>(), 1);
    EXPECT_EQ(datesOf("Weekly tip", "2026-11-01", "2026-12-31"),
              (std::vector<std::string>{"2026-11-24 09:00", "2026-11-26 09:00", "2026-12-01 09:00",
                                        "2026-12-03 09:00"}));
    EXPECT_EQ(m_stack.count(), 1);
    EXPECT_EQ(p->monthView()->itemsOn(QDate(2026, 11, 26)).size(), 1u);
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
    m_stack.redo();
    EXPECT_EQ(datesOf("Weekly tip", "2026-11-01", "2026-12-31").size(), 4u);
}

TEST_F(CalendarPageTest, ANewPostCanRepeatEveryFewDaysUntilADate) {
    auto p = page();
    whenEditorOpens([](PostEditor& editor) {
        editor.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("Check-in"));
        editor.statusField()->setCurrentIndex(static_cast<int>(core::PostStatus::Scheduled));
        RecurrenceEditor* rule = editor.recurrence();
        rule->repeatField()->setCurrentIndex(RecurrenceEditor::EveryNDays);
        rule->intervalField()->setValue(10);
        rule->endField()->setCurrentIndex(RecurrenceEditor::Until);
        rule->untilField()->setDate(QDate(2026, 12, 15));
    });
    p->newPost(QDate(2026, 11, 25));
    EXPECT_EQ(
        datesOf("Check-in", "2026-11-01", "2027-01-31"),
        (std::vector<std::string>{"2026-11-25 09:00", "2026-12-05 09:00", "2026-12-15 09:00"}));
    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Post>(), 0);
    EXPECT_EQ(m_store->count<core::Series>(), 0);
}

TEST_F(CalendarPageTest, AWeeklyRuleWithoutWeekdaysIsRefusedByItsField) {
    core::Post post;
    post.title = "Tip";
    post.channelId = m_ids.x;
    post.status = core::PostStatus::Scheduled;
    post.scheduledAt =
        core::toInstant(*core::parseDate("2026-11-24"), core::TimeOfDay{540}, "Europe/Berlin");
    PostEditor editor(*m_store, post, {});
    editor.recurrence()->repeatField()->setCurrentIndex(RecurrenceEditor::Weekly);
    editor.recurrence()->weekdayField(1)->setChecked(false);
    EXPECT_FALSE(editor.check());
    EXPECT_TRUE(editor.errors().message(QStringLiteral("recurrence")).contains("weekday"))
        << editor.errors().message(QStringLiteral("recurrence")).toStdString();
}

TEST_F(CalendarPageTest, SkippingOneOccurrenceFromTheChipMenuAndTheEditor) {
    addTuesdays("Tuesday tip");
    const std::string before = snapshot();
    auto p = page();
    const auto chips = p->monthView()->itemsOn(QDate(2026, 11, 17));
    ASSERT_EQ(chips.size(), 1u);
    QMenu* menu = p->chipMenu(chips.front());
    auto* skip = menu->findChild<QAction*>(QStringLiteral("skipOccurrence"));
    ASSERT_NE(skip, nullptr);
    ASSERT_TRUE(skip->isEnabled());
    skip->trigger();
    menu->close();

    EXPECT_EQ(
        datesOf("Tuesday tip", "2026-11-01", "2026-11-30"),
        (std::vector<std::string>{"2026-11-03 09:00", "2026-11-10 09:00", "2026-11-24 09:00"}));
    // Still on the calendar, struck through, so the user can see and undo the gap.
    const auto skipped = p->monthView()->itemsOn(QDate(2026, 11, 17));
    ASSERT_EQ(skipped.size(), 1u);
    EXPECT_EQ(skipped.front()->post.status, core::PostStatus::Skipped);
    EXPECT_EQ(m_stack.count(), 1);

    // And from the editor, on the 24th.
    whenEditorOpens([](PostEditor& editor) {
        auto* button = editor.findChild<QPushButton*>(QStringLiteral("skip"));
        ASSERT_NE(button, nullptr);
        button->click();
    });
    p->openItem(p->monthView()->itemsOn(QDate(2026, 11, 24)).front());
    EXPECT_EQ(datesOf("Tuesday tip", "2026-11-01", "2026-11-30"),
              (std::vector<std::string>{"2026-11-03 09:00", "2026-11-10 09:00"}));
    EXPECT_EQ(m_stack.count(), 2);
    m_stack.undo();
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
}

TEST_F(CalendarPageTest, ChangingTheRuleOfAnOccurrenceChangesThisAndAllFollowing) {
    addTuesdays("Tuesday tip");
    const std::string before = snapshot();
    auto p = page();
    whenEditorOpens([](PostEditor& editor) {
        RecurrenceEditor* rule = editor.recurrence();
        EXPECT_EQ(rule->repeatField()->currentIndex(), RecurrenceEditor::Weekly);
        rule->weekdayField(1)->setChecked(false);
        rule->weekdayField(3)->setChecked(true);  // Thursdays from here on
    });
    p->openItem(p->monthView()->itemsOn(QDate(2026, 11, 17)).front());
    EXPECT_EQ(datesOf("Tuesday tip", "2026-11-01", "2026-11-30"),
              (std::vector<std::string>{"2026-11-03 09:00", "2026-11-10 09:00", "2026-11-19 09:00",
                                        "2026-11-26 09:00"}));
    EXPECT_EQ(m_stack.count(), 1);
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
}

TEST_F(CalendarPageTest, EditingThisAndAllFollowingKeepsEarlierOnesAndUndoes) {
    addTuesdays("Tuesday tip");
    const std::string before = snapshot();
    auto p = page();
    p->setSeriesScope(CalendarPage::SeriesScope::AllFollowing);
    whenEditorOpens([](PostEditor& editor) {
        editor.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("New tip"));
    });
    p->openItem(p->monthView()->itemsOn(QDate(2026, 11, 17)).front());
    EXPECT_EQ(datesOf("Tuesday tip", "2026-11-01", "2026-11-30"),
              (std::vector<std::string>{"2026-11-03 09:00", "2026-11-10 09:00"}));
    EXPECT_EQ(datesOf("New tip", "2026-11-01", "2026-11-30"),
              (std::vector<std::string>{"2026-11-17 09:00", "2026-11-24 09:00"}));
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
}

TEST_F(CalendarPageTest, ThisAndAllFollowingKeepsAPublishedOccurrenceItsResultsAndLinks) {
    const core::Id sid = addTuesdays("Tuesday tip");
    // Tuesday 17th went out: its own post, with results, and a reply that answers it.
    core::Post out =
        core::occurrencePost(*core::seriesTemplate(*m_store, sid), m_store->get<core::Series>(sid),
                             *core::parseDate("2026-11-17"), "Europe/Berlin");
    out.status = core::PostStatus::Published;
    out.results = {4, 2, 1, 30, 1};
    const core::Id outId = core::saveOccurrence(*m_store, out);
    auto reply = m_store->get<core::Interaction>(
        test::addInteraction(*m_store, test::addContact(*m_store, "Ada")));
    reply.postId = outId;
    m_store->update(reply);
    const std::string before = snapshot();

    auto p = page();
    p->setSeriesScope(CalendarPage::SeriesScope::AllFollowing);
    whenEditorOpens([](PostEditor& editor) {
        editor.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("New tip"));
    });
    const auto chips = p->monthView()->itemsOn(QDate(2026, 11, 17));
    ASSERT_EQ(chips.size(), 1u);
    ASSERT_EQ(chips.front()->post.id, outId);
    p->openItem(chips.front());
    ASSERT_EQ(m_stack.count(), 1);

    const auto checkAfter = [&] {
        const auto kept = m_store->find<core::Post>(outId);
        ASSERT_TRUE(kept.has_value());
        EXPECT_EQ(kept->title, "New tip");
        EXPECT_EQ(kept->status, core::PostStatus::Published);
        EXPECT_EQ(kept->results, out.results);
        EXPECT_EQ(m_store->get<core::Interaction>(reply.id).postId, outId);
        // The following ones are planned, not published, and have no results of their own.
        int following = 0;
        for (const auto& post : core::effectivePosts(*m_store, *core::parseDate("2026-11-18"),
                                                     *core::parseDate("2026-12-31"))) {
            if (post.title == "New tip") {
                ++following;
                EXPECT_EQ(post.status, core::PostStatus::Scheduled);
                EXPECT_EQ(post.results, core::PostResults{});
            }
        }
        EXPECT_EQ(following, 6);  // 24 November and five Tuesdays of December
        EXPECT_EQ(datesOf("New tip", "2026-11-01", "2026-11-30"),
                  (std::vector<std::string>{"2026-11-17 09:00", "2026-11-24 09:00"}));
        EXPECT_EQ(datesOf("Tuesday tip", "2026-11-01", "2026-11-30"),
                  (std::vector<std::string>{"2026-11-03 09:00", "2026-11-10 09:00"}));
    };
    checkAfter();
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
    m_stack.redo();
    checkAfter();
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
}

TEST_F(CalendarPageTest, PublishingAnOccurrenceForAllFollowingPublishesOnlyThatOne) {
    addTuesdays("Tuesday tip");
    const std::string before = snapshot();
    auto p = page();
    p->setSeriesScope(CalendarPage::SeriesScope::AllFollowing);
    whenEditorOpens([](PostEditor& editor) {
        editor.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("New tip"));
        editor.statusField()->setCurrentIndex(static_cast<int>(core::PostStatus::Published));
    });
    p->openItem(p->monthView()->itemsOn(QDate(2026, 11, 17)).front());
    std::vector<core::PostStatus> statuses;
    for (const auto& post : core::effectivePosts(*m_store, *core::parseDate("2026-11-01"),
                                                 *core::parseDate("2026-11-30"))) {
        if (post.title == "New tip") {
            statuses.push_back(post.status);
        }
    }
    EXPECT_EQ(statuses, (std::vector<core::PostStatus>{core::PostStatus::Published,
                                                       core::PostStatus::Scheduled}));
    m_stack.undo();
    EXPECT_EQ(snapshot(), before);
}

TEST_F(CalendarPageTest, SkippingFromAnEditorOpenWhileTheCalendarReloadsSkipsTheRightPost) {
    const core::Id sid = addTuesdays("Tuesday tip");
    auto p = page();
    core::Id stored = 0;
    whenEditorOpens([&](PostEditor& editor) {
        // Meanwhile the occurrence is stored with an edit of its own and the calendar reloads,
        // freeing the item the editor was opened on.
        core::Post o = core::occurrencePost(*core::seriesTemplate(*m_store, sid),
                                            m_store->get<core::Series>(sid),
                                            *core::parseDate("2026-11-17"), "Europe/Berlin");
        o.body = "Edited elsewhere";
        stored = core::saveOccurrence(*m_store, o);
        ASSERT_TRUE(test::waitUntil([&] {
            const auto chips = p->monthView()->itemsOn(QDate(2026, 11, 17));
            return chips.size() == 1 && chips.front()->post.id == stored;
        }));
        editor.findChild<QPushButton*>(QStringLiteral("skip"))->click();
    });
    p->openItem(p->monthView()->itemsOn(QDate(2026, 11, 17)).front());
    ASSERT_NE(stored, 0);
    const auto skipped = m_store->get<core::Post>(stored);
    EXPECT_EQ(skipped.status, core::PostStatus::Skipped);
    EXPECT_EQ(skipped.body, "Edited elsewhere");
    ASSERT_EQ(m_stack.count(), 1);
    m_stack.undo();
    // The skip is undone; the edit made meanwhile was not the skip's and stays.
    const auto back = m_store->find<core::Post>(stored);
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->status, core::PostStatus::Scheduled);
    EXPECT_EQ(back->body, "Edited elsewhere");
}

TEST_F(CalendarPageTest, AWorkspaceTimeInTheComputersClockChangeIsKept) {
    // New York springs forward at 02:00 on 8 March 2026; Berlin does not, that night.
    const test::MachineZone zone("America/New_York");
    auto p = page();
    whenEditorOpens([](PostEditor& editor) {
        editor.findChild<QLineEdit*>(QStringLiteral("title"))
            ->setText(QStringLiteral("Night post"));
        auto* when = editor.findChild<QDateTimeEdit*>(QStringLiteral("when"));
        ASSERT_NE(when, nullptr);
        when->setDate(QDate(2026, 3, 8));
        when->setTime(QTime(2, 30));
        EXPECT_EQ(when->time(), QTime(2, 30));
    });
    p->newPost(QDate(2026, 3, 8));
    std::optional<core::Post> made;
    for (const auto& post : m_store->list<core::Post>()) {
        if (post.title == "Night post") {
            made = post;
        }
    }
    ASSERT_TRUE(made.has_value());
    ASSERT_TRUE(made->scheduledAt.has_value());
    EXPECT_EQ(*made->scheduledAt, *core::parseInstant("2026-03-08T01:30:00Z"));  // 02:30 Berlin
}

TEST_F(CalendarPageTest, ANewPostWithoutATimeStartsTomorrowByThePagesClockInTheWorkspaceZone) {
    const test::MachineZone zone("America/New_York");
    core::Post idea;
    idea.title = "Idea";
    idea.channelId = m_ids.x;
    idea.status = core::PostStatus::Idea;
    PostEditor editor(*m_store, idea, {});
    // 23:30 UTC on Monday 23rd is already Tuesday 24th in Berlin (and Monday in New York).
    editor.setNow(*core::parseInstant("2026-11-23T23:30:00Z"));
    auto* when = editor.findChild<QDateTimeEdit*>(QStringLiteral("when"));
    ASSERT_NE(when, nullptr);
    EXPECT_EQ(when->date(), QDate(2026, 11, 25));
    EXPECT_EQ(when->time(), QTime(9, 0));
    // A rule's end date starts three months after the post's day.
    editor.recurrence()->repeatField()->setCurrentIndex(RecurrenceEditor::Weekly);
    EXPECT_EQ(editor.recurrence()->untilField()->date(), QDate(2026, 11, 25).addMonths(3));
}

TEST_F(CalendarPageTest, FiltersByChannelAndSearchWithoutReadingTheStore) {
    addPost("Keyword guide", "2026-11-24", 9 * 60);
    core::Post other;
    other.title = "Agency checklist";
    other.body = "A checklist for keyword research";
    other.channelId = m_ids.linkedIn;
    other.status = core::PostStatus::Scheduled;
    other.scheduledAt =
        core::toInstant(*core::parseDate("2026-11-25"), core::TimeOfDay{600}, "Europe/Berlin");
    m_store->add(other);
    auto p = page();
    ASSERT_EQ(p->visibleItems().size(), 2u);

    auto* channel = p->findChild<QComboBox*>(QStringLiteral("channelFilter"));
    ASSERT_NE(channel, nullptr);
    channel->setCurrentIndex(channel->findText(QStringLiteral("LinkedIn")));
    ASSERT_EQ(p->visibleItems().size(), 1u);
    EXPECT_EQ(p->visibleItems().front()->post.title, "Agency checklist");
    EXPECT_TRUE(p->monthView()->itemsOn(QDate(2026, 11, 24)).empty());
    channel->setCurrentIndex(0);

    auto* search = p->findChild<QLineEdit*>(QStringLiteral("search"));
    search->setText(QStringLiteral("KEYWORD"));  // title of one, body of the other
    EXPECT_EQ(p->visibleItems().size(), 2u);
    search->setText(QStringLiteral("guide"));
    ASSERT_EQ(p->visibleItems().size(), 1u);
    EXPECT_EQ(p->visibleItems().front()->post.title, "Keyword guide");
    EXPECT_EQ(p->filter().search, QStringLiteral("guide"));

    // A filter set by the program shows in the fields, and the fields go on from it.
    CalendarFilter linkedInOnly;
    linkedInOnly.channelId = m_ids.linkedIn;
    p->setFilter(linkedInOnly);
    EXPECT_EQ(channel->currentText(), QStringLiteral("LinkedIn"));
    EXPECT_TRUE(search->text().isEmpty());
    search->setText(QStringLiteral("checklist"));
    ASSERT_EQ(p->visibleItems().size(), 1u);
    EXPECT_EQ(p->filter().channelId, m_ids.linkedIn);
}

TEST_F(CalendarPageTest, KeyboardGoesToTodayTheNextPeriodAndAChosenDate) {
    auto p = page();
    p->setFocus();
    EXPECT_EQ(p->date(), QDate(2026, 11, 23));
    QTest::keyClick(p.get(), Qt::Key_PageDown);
    EXPECT_EQ(p->date(), QDate(2026, 12, 23));
    EXPECT_EQ(p->rangeFrom(), QDate(2026, 11, 30));
    QTest::keyClick(p.get(), Qt::Key_Right);
    EXPECT_EQ(p->date(), QDate(2026, 12, 24));
    QTest::keyClick(p.get(), Qt::Key_Down);
    EXPECT_EQ(p->date(), QDate(2026, 12, 31));
    QTest::keyClick(p.get(), Qt::Key_PageUp);
    EXPECT_EQ(p->date(), QDate(2026, 11, 30));
    QTest::keyClick(p.get(), Qt::Key_T);
    EXPECT_EQ(p->date(), QDate(2026, 11, 23));

    p->setView(CalendarPage::View::Week);
    QTest::keyClick(p.get(), Qt::Key_PageDown);
    EXPECT_EQ(p->rangeFrom(), QDate(2026, 11, 30));
    // A chosen date through the toolbar's date field.
    auto* picker = p->findChild<QDateEdit*>();
    ASSERT_NE(picker, nullptr);
    picker->setDate(QDate(2027, 3, 10));
    EXPECT_EQ(p->rangeFrom(), QDate(2027, 3, 8));
    EXPECT_EQ(p->date(), QDate(2027, 3, 10));
}

TEST_F(CalendarPageTest, TheMixFlagShowsOnTheChipAndIsExplainedInTheEditor) {
    const core::Id id = addPost("Long thread", "2026-11-24", 9 * 60);
    core::Post long_ = m_store->get<core::Post>(id);
    const int limit = m_store->get<core::Channel>(m_ids.x).charLimit.value_or(280);
    long_.body = std::string(static_cast<std::size_t>(limit + 20), 'a');
    m_store->update(long_);
    auto p = page();
    const CalendarItem* chip = item(*p, "Long thread");
    ASSERT_NE(chip, nullptr);
    ASSERT_EQ(chip->flags.size(), 1);
    EXPECT_TRUE(chip->flags.front().contains(QString::number(limit + 20)))
        << chip->flags.front().toStdString();
    EXPECT_TRUE(p->headerText().contains(QStringLiteral("1 flagged")));

    whenEditorOpens([limit](PostEditor& editor) {
        ASSERT_NE(editor.advice(), nullptr);
        EXPECT_TRUE(editor.advice()->text().contains(QString::number(limit)));
        EXPECT_TRUE(editor.characterCount()->text().startsWith(
            QStringLiteral("%1 / %2").arg(limit + 20).arg(limit)));
        editor.reject();
    });
    p->openItem(chip);
    EXPECT_EQ(m_stack.count(), 0);
}

TEST_F(CalendarPageTest, NextFreeSlotTakesTheChannelsFirstFreePreferredTime) {
    core::Post post;
    post.title = "Tip";
    post.channelId = m_ids.linkedIn;
    post.status = core::PostStatus::Draft;
    PostEditor editor(*m_store, post, {});
    editor.setNow(m_clock.now());
    const auto expected = core::nextFreeSlot(*m_store, m_ids.linkedIn, m_clock.now());
    ASSERT_TRUE(expected);
    editor.findChild<QPushButton*>(QStringLiteral("nextFreeSlot"))->click();
    ASSERT_TRUE(editor.post().scheduledAt);
    EXPECT_EQ(*editor.post().scheduledAt, *expected);
    EXPECT_GE(*editor.post().scheduledAt, m_clock.now());
}

TEST_F(CalendarPageTest, AWeeklyNineOClockPostStaysAtNineAcrossTheClockChange) {
    // Berlin leaves summer time on Sunday 25 October 2026.
    core::Series weekly;
    weekly.frequency = core::Frequency::Weekly;
    weekly.weekdays = 1u << 1;  // Tuesdays
    weekly.time = core::TimeOfDay{9 * 60};
    weekly.startDate = *core::parseDate("2026-10-06");
    m_store->add(weekly);
    addTemplate(weekly.id, "Tuesday tip", "2026-10-06");
    auto p = page();
    p->setDate(QDate(2026, 10, 15));
    int tuesdays = 0;
    for (const CalendarItem* i : p->visibleItems()) {
        EXPECT_EQ(i->minutes, 9 * 60) << i->day.toString().toStdString();
        tuesdays += i->day.dayOfWeek() == 2 ? 1 : 0;
    }
    EXPECT_EQ(tuesdays, 5);  // 6, 13, 20, 27 October and 3 November in the grid
    EXPECT_FALSE(p->monthView()->itemsOn(QDate(2026, 10, 27)).empty());
}

TEST(CalendarInMainWindowTest, EditUndoPutsADraggedChipBack) {
    test::TempFolder folder;
    auto store = core::Store::open(folder.file("demo.rapport"));
    seedDemoWorkspace(*store, kDemoAnchor);
    core::FixedClock clock{core::toInstant(kDemoAnchor, core::TimeOfDay{600}, "UTC")};
    MainWindow window(std::move(store), clock);
    window.show();
    window.setCurrentPage(MainWindow::Calendar);
    auto* page = qobject_cast<CalendarPage*>(window.page(MainWindow::Calendar));
    ASSERT_NE(page, nullptr);
    const CalendarItem* chip = nullptr;
    for (const CalendarItem* i : page->visibleItems()) {
        if (i->post.id != 0 && !i->post.seriesId && i->day == QDate(2026, 11, 24)) {
            chip = i;
            break;
        }
    }
    ASSERT_NE(chip, nullptr);
    const core::Id id = chip->post.id;
    const core::Instant before = *chip->post.scheduledAt;
    const int minutes = chip->minutes;
    QMimeData data;
    data.setData(QString::fromLatin1(kPostMimeType), chip->key().toUtf8());
    MonthView* month = page->monthView();
    const QRect from = month->chipRect(chip);
    const QPoint drop = from.center() + QPoint(from.width() + 8, 0);  // the next day's cell
    ASSERT_EQ(month->dateAt(drop), QDate(2026, 11, 25));
    ASSERT_TRUE(month->dropAt(&data, drop));
    const std::string zone = window.store().timeZone();
    const auto moved = *window.store().get<core::Post>(id).scheduledAt;
    EXPECT_EQ(core::formatDate(core::localDate(moved, zone)), "2026-11-25");
    EXPECT_EQ(core::localTimeOfDay(moved, zone).count(), minutes);

    auto* undo = window.findChild<QAction*>(QStringLiteral("undoAction"));
    ASSERT_NE(undo, nullptr);
    ASSERT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_EQ(*window.store().get<core::Post>(id).scheduledAt, before);
    EXPECT_TRUE(test::waitUntil([&] {
        const auto& day = page->monthView()->itemsOn(QDate(2026, 11, 24));
        return std::any_of(day.begin(), day.end(),
                           [id](const CalendarItem* i) { return i->post.id == id; });
    }));
}

class CalendarExportTest : public ::testing::Test {
protected:
    test::TempFolder m_folder;
    std::unique_ptr<core::Store> m_store = core::Store::open(m_folder.file("work.rapport"));
    test::Planning m_ids = test::seedPlanning(*m_store);
    core::FixedClock m_clock{test::planningNow()};
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};

    void SetUp() override {
        core::Post p;
        p.title = "Keyword guide";
        p.channelId = m_ids.x;
        p.purpose = core::Purpose::Promotion;
        p.status = core::PostStatus::Scheduled;
        p.link = "https://example.com/guide";
        p.scheduledAt =
            core::toInstant(*core::parseDate("2026-11-24"), core::TimeOfDay{570}, "Europe/Berlin");
        m_store->add(p);
        core::Series weekly;
        weekly.frequency = core::Frequency::Weekly;
        weekly.weekdays = 1u << 3;  // Thursdays
        weekly.time = core::TimeOfDay{9 * 60};
        weekly.startDate = *core::parseDate("2026-11-05");
        weekly.count = 6;
        m_store->add(weekly);
        core::Post templ = p;
        templ.id = 0;
        templ.title = "Thursday tip";
        templ.channelId = m_ids.linkedIn;
        templ.purpose = core::Purpose::Value;
        templ.link.clear();
        templ.seriesId = weekly.id;
        templ.scheduledAt = core::toInstant(weekly.startDate, weekly.time, "Europe/Berlin");
        m_store->add(templ);
        core::skipOccurrence(*m_store, weekly.id, *core::parseDate("2026-11-19"));
    }

    std::unique_ptr<CalendarPage> page() {
        auto p = std::make_unique<CalendarPage>(*m_store, m_undo, m_clock);
        p->resize(1100, 800);
        p->show();
        p->refresh();
        return p;
    }

    /// Starts the export on the page and waits for it; the outcome and the files.
    std::tuple<CalendarExportTask::Outcome, QString, QStringList> exportFrom(CalendarPage& page,
                                                                             CalendarExport r) {
        QSignalSpy spy(&page, &CalendarPage::exportFinished);
        page.startExport(std::move(r));
        EXPECT_NE(page.exportTask(), nullptr);  // a file workspace: off the GUI thread
        EXPECT_TRUE(test::waitUntil([&] { return spy.count() > 0; }));
        if (spy.isEmpty()) {
            return {CalendarExportTask::Outcome::Failed, {}, {}};
        }
        const auto args = spy.takeFirst();
        return {args[0].value<CalendarExportTask::Outcome>(), args[1].toString(),
                args[2].toStringList()};
    }
};

// A file workspace's posts are read on a worker shortly after the page is made; what changes
// while the worker reads shows all the same.
TEST_F(CalendarExportTest, ThePostsAreReadOffTheGuiThreadAndEditsMeanwhileShow) {
    CalendarPage p(*m_store, m_undo, m_clock);
    EXPECT_FALSE(p.timeline().isLoaded());
    // Renamed while the page waits for or runs its read.
    core::Post guide;
    for (const auto& post : m_store->list<core::Post>()) {
        if (post.title == "Keyword guide") {
            guide = post;
        }
    }
    ASSERT_NE(guide.id, 0);
    guide.title = "Keyword guide, second edition";
    bool renamed = false;
    QTimer::singleShot(760, &p, [&] {
        m_store->update(guide);
        renamed = true;
    });
    EXPECT_TRUE(test::waitUntil([&] { return renamed && p.timeline().isLoaded(); }, 5000));
    p.resize(1100, 800);
    p.show();
    p.setDate(QDate(2026, 11, 24));
    EXPECT_TRUE(test::waitUntil([&] {
        return std::any_of(p.visibleItems().begin(), p.visibleItems().end(),
                           [&](const CalendarItem* i) { return i->post.id == guide.id; });
    }));
    for (const CalendarItem* i : p.visibleItems()) {
        if (i->post.id == guide.id) {
            EXPECT_EQ(i->post.title, "Keyword guide, second edition");
        }
    }
}

// Another program (the command line) adds posts to the file while the page is open: the page
// shows them once it moves to another period, the period it had loaded before included.
TEST_F(CalendarExportTest, PostsAnotherProgramAddsShowAfterTheNextMove) {
    auto p = page();
    p->setView(CalendarPage::View::Month);
    p->setDate(QDate(2026, 11, 24));
    p->next();  // December loaded too
    p->previous();
    const auto has = [&](const std::string& title) {
        return std::any_of(p->visibleItems().begin(), p->visibleItems().end(),
                           [&](const CalendarItem* i) { return i->post.title == title; });
    };
    ASSERT_TRUE(has("Keyword guide"));
    {
        auto other = core::Store::openConnection(m_store->path());
        for (const auto& [title, day] : {std::pair{"Written from a shell", "2026-11-26"},
                                         std::pair{"December, from a shell", "2026-12-08"}}) {
            core::Post post;
            post.title = title;
            post.channelId = m_ids.x;
            post.status = core::PostStatus::Scheduled;
            post.scheduledAt =
                core::toInstant(*core::parseDate(day), core::TimeOfDay{600}, "Europe/Berlin");
            other->add(post);
        }
    }
    EXPECT_FALSE(has("Written from a shell"));  // nothing told the page yet
    p->next();
    EXPECT_TRUE(has("December, from a shell"));
    p->previous();  // November was loaded before the other program wrote
    EXPECT_TRUE(has("Written from a shell"));
    EXPECT_TRUE(has("Keyword guide"));
}

TEST_F(CalendarExportTest, TheVisibleMonthGoesToICalendarOffTheGuiThreadAndParsesBack) {
    auto p = page();
    CalendarExport r;
    r.format = CalendarExport::Format::ICalendar;
    r.from = fromQDate(p->rangeFrom());
    r.to = fromQDate(p->rangeTo());
    r.target = m_folder.path("month.ics");
    const auto [outcome, message, files] = exportFrom(*p, r);
    ASSERT_EQ(outcome, CalendarExportTask::Outcome::Exported) << message.toStdString();
    EXPECT_EQ(files, QStringList{r.target});
    EXPECT_TRUE(message.contains(QStringLiteral("1 post"))) << message.toStdString();
    EXPECT_EQ(p->findChild<QLabel*>(QStringLiteral("exportStatus"))->text(), message);

    QFile file(r.target);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto events = core::parseIcs(
        file.readAll().toStdString(), "month.ics",
        core::toInstant(*core::parseDate("2027-01-31"), core::TimeOfDay{0}, "Europe/Berlin"));
    ASSERT_EQ(events.size(), 2u);
    const auto single = std::find_if(events.begin(), events.end(),
                                     [](const auto& e) { return e.summary == "Keyword guide"; });
    ASSERT_NE(single, events.end());
    EXPECT_EQ(single->url, "https://example.com/guide");
    const auto series = std::find_if(events.begin(), events.end(),
                                     [](const auto& e) { return e.summary == "Thursday tip"; });
    ASSERT_NE(series, events.end());
    EXPECT_FALSE(series->rrule.empty());
    EXPECT_EQ(series->exdates.size(), 1u);      // the skipped 19th
    EXPECT_EQ(series->occurrences.size(), 5u);  // six, one skipped
}

TEST_F(CalendarExportTest, SchedulerCsvWritesAFilePerChannelIntoAFolder) {
    auto p = page();
    CalendarExport r;
    r.format = CalendarExport::Format::SchedulerCsv;
    r.from = *core::parseDate("2026-11-01");
    r.to = *core::parseDate("2026-11-30");
    r.target = m_folder.path(QString());
    const auto [outcome, message, files] = exportFrom(*p, r);
    ASSERT_EQ(outcome, CalendarExportTask::Outcome::Exported) << message.toStdString();
    ASSERT_EQ(files.size(), 3);  // X, LinkedIn, Blog
    const QString x = QDir(r.target).filePath(QStringLiteral("X 2026-11-01 to 2026-11-30.csv"));
    ASSERT_TRUE(files.contains(x)) << files.join(", ").toStdString();
    QFile file(x);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().toStdString(),
              "date,time_24hr,message_text,link\r\n"
              "2026-11-24,09:30,Keyword guide,https://example.com/guide\r\n");
    QFile linkedIn(
        QDir(r.target).filePath(QStringLiteral("LinkedIn 2026-11-01 to 2026-11-30.csv")));
    ASSERT_TRUE(linkedIn.open(QIODevice::ReadOnly));
    // Thursdays 5, 12, 26 (19 skipped) in November.
    EXPECT_EQ(linkedIn.readAll().count('\n'), 4);

    // One channel to a file of the user's naming.
    r.channels = {m_ids.linkedIn};
    r.target = m_folder.path("linkedin.csv");
    const auto [one, oneMessage, oneFiles] = exportFrom(*p, r);
    ASSERT_EQ(one, CalendarExportTask::Outcome::Exported) << oneMessage.toStdString();
    EXPECT_EQ(oneFiles, QStringList{r.target});
    EXPECT_TRUE(oneMessage.contains(QStringLiteral("3 scheduled posts")))
        << oneMessage.toStdString();
}

TEST_F(CalendarExportTest, ACancelledExportWritesNothingAndAFailureNamesTheFile) {
    CalendarExport r;
    r.format = CalendarExport::Format::SchedulerCsv;
    r.from = *core::parseDate("2026-11-01");
    r.to = *core::parseDate("2026-11-30");
    r.target = m_folder.path(QString());
    int asked = 0;
    const auto cancelled = CalendarExportTask::run(*m_store, r, [&](qint64 done, qint64) {
        ++asked;
        return done < 2;  // the user cancels after two of three channels
    });
    EXPECT_EQ(cancelled.outcome, CalendarExportTask::Outcome::Cancelled);
    EXPECT_GE(asked, 3);
    EXPECT_TRUE(cancelled.files.isEmpty());
    EXPECT_TRUE(QDir(r.target).entryList({QStringLiteral("*.csv")}).isEmpty());

    r.format = CalendarExport::Format::ICalendar;
    r.target = m_folder.path("no such folder/calendar.ics");
    const auto failed = CalendarExportTask::run(*m_store, r, {});
    EXPECT_EQ(failed.outcome, CalendarExportTask::Outcome::Failed);
    EXPECT_TRUE(failed.message.contains(QStringLiteral("calendar.ics")))
        << failed.message.toStdString();
}

TEST_F(CalendarExportTest, TheDialogOffersTheVisibleOrAChosenRangeAndTheChannels) {
    CalendarExportDialog ics(*m_store, CalendarExport::Format::ICalendar, QDate(2026, 10, 26),
                             QDate(2026, 12, 6));
    ASSERT_TRUE(ics.range());
    EXPECT_EQ(ics.range()->first, QDate(2026, 10, 26));
    ics.everythingChoice()->setChecked(true);
    EXPECT_FALSE(ics.range());
    EXPECT_EQ(ics.channelField(), nullptr);

    CalendarExportDialog csv(*m_store, CalendarExport::Format::SchedulerCsv, QDate(2026, 10, 26),
                             QDate(2026, 12, 6));
    EXPECT_EQ(csv.everythingChoice(), nullptr);
    csv.chosenChoice()->setChecked(true);
    csv.fromField()->setDate(QDate(2026, 12, 1));
    csv.toField()->setDate(QDate(2026, 11, 1));
    csv.accept();
    EXPECT_NE(csv.result(), QDialog::Accepted);
    csv.toField()->setDate(QDate(2026, 12, 31));
    EXPECT_EQ(csv.range()->second, QDate(2026, 12, 31));
    EXPECT_FALSE(csv.channel());
    csv.channelField()->setCurrentIndex(csv.channelField()->findText(QStringLiteral("X")));
    EXPECT_EQ(csv.channel(), m_ids.x);
}

}  // namespace
}  // namespace rapport::ui
