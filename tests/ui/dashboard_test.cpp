// The dashboard over the demo workspace in a file, offscreen: its four answers (the queue's
// counts and names, the week's posts by day, a card per goal, the content mix per niche) and
// its charts match core's services on the same file and clock; they are computed off the GUI
// thread; a store change reaches the page, debounced; "open the queue" takes the main window
// to the Relationships page on that day.

#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QThread>

#include <gtest/gtest.h>

#include <algorithm>

#include "core/dashboard.h"
#include "core/relationshipstats.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/dashboardpage.h"
#include "ui/dashboardtask.h"
#include "ui/demoworkspace.h"
#include "ui/displaytext.h"
#include "ui/goalcard.h"
#include "ui/mainwindow.h"
#include "ui/plantext.h"
#include "ui/relationshipspage.h"

namespace rapport::ui {
namespace {

using test::waitUntil;

class DashboardTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::clearSettings();
        m_path = m_folder.file(QStringLiteral("demo.rapport"));
        auto store = core::Store::open(m_path);
        seedDemoWorkspace(*store, kDemoAnchor);
    }

    std::unique_ptr<core::Store> open() { return core::Store::open(m_path); }

    test::TempFolder m_folder;
    std::string m_path;
    // Tuesday of the demo's week, mid-afternoon in New York.
    core::FixedClock m_clock{*core::parseInstant("2026-11-24T20:00:00Z")};
};

TEST_F(DashboardTest, TheFourAnswersMatchCoresFigures) {
    auto store = open();
    DashboardPage page(*store, m_clock);
    page.resize(1200, 900);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return page.hasAnswers(); }));
    const core::DashboardFigures expected = core::Dashboard(*store, m_clock).compute();

    // Who needs you today.
    const core::QueueSummary& q = expected.queue;
    EXPECT_EQ(page.queueCounts(), (QList<int>{q.overdue, q.today, q.thisWeek}));
    QStringList names;
    for (const auto& entry : q.first) {
        names << qs(entry.displayName);
    }
    EXPECT_EQ(page.queueNames(), names);
    EXPECT_LE(names.size(), core::Dashboard::kQueueNames);
    EXPECT_GT(q.total(), 0) << "the demo has people to follow up";

    // What goes out this week: seven columns, today first.
    ASSERT_EQ(expected.week.size(), 7u);
    QList<int> perDay;
    for (const auto& day : expected.week) {
        perDay << static_cast<int>(day.posts.size());
    }
    EXPECT_EQ(page.weekCounts(), perDay);
    EXPECT_GT(expected.weekPostCount(), 0);
    for (int d = 0; d < 7; ++d) {
        const auto& posts = expected.week[static_cast<std::size_t>(d)].posts;
        const QStringList chips = page.dayChips(d);
        ASSERT_LE(chips.size(), static_cast<qsizetype>(posts.size()));
        for (int i = 0; i < chips.size(); ++i) {
            EXPECT_EQ(chips[i], qs(posts[static_cast<std::size_t>(i)].title));
        }
    }

    // How the goals stand: a card per goal, in core's order, with its numbers.
    const QList<GoalCard*> cards = page.goalCards();
    ASSERT_EQ(cards.size(), static_cast<qsizetype>(expected.goals.size()));
    ASSERT_FALSE(cards.isEmpty());
    for (int i = 0; i < cards.size(); ++i) {
        const core::GoalCard& card = expected.goals[static_cast<std::size_t>(i)];
        EXPECT_EQ(cards[i]->goalId(), card.goal.id);
        EXPECT_EQ(cards[i]->titleText(), qs(card.goal.title));
        EXPECT_DOUBLE_EQ(cards[i]->progress(), std::clamp(card.report.progress, 0.0, 1.0));
        EXPECT_EQ(cards[i]->badgeText(), paceText(paceOf(card.goal, card.report)));
        const QString forecast = forecastText(card.goal, card.report, expected.today);
        if (!forecast.isEmpty()) {
            EXPECT_EQ(cards[i]->forecastText(), QStringLiteral("At this pace: ") + forecast);
        }
        EXPECT_TRUE(cards[i]->valueText().startsWith(goalValue(card.goal, card.report.current)));
    }

    // Value first: a row per niche with posts, its numbers and the rules it breaks.
    const QStringList mix = page.mixTexts();
    int shown = 0;
    for (const auto& card : expected.mix) {
        if (card.mix.total() == 0 && card.flaggedPosts == 0) {
            continue;
        }
        ASSERT_LT(shown, mix.size());
        const QString& text = mix[shown++];
        EXPECT_TRUE(text.startsWith(qs(card.mix.name))) << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("%1 promotional").arg(card.mix.promotional)))
            << text.toStdString();
        if (card.messages.empty()) {
            EXPECT_TRUE(text.contains(QStringLiteral("Keeps every rule."))) << text.toStdString();
        }
        for (const auto& message : card.messages) {
            EXPECT_TRUE(text.contains(qs(message))) << text.toStdString();
        }
    }
    EXPECT_EQ(shown, mix.size());
    EXPECT_GT(shown, 0);
}

TEST_F(DashboardTest, TheChartsFollowWithEachSequencesFunnel) {
    auto store = open();
    DashboardPage page(*store, m_clock);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return page.hasCharts(); }));
    const core::RelationshipFigures expected = core::RelationshipStats(*store, m_clock).compute();
    const QStringList titles = page.chartTitles();
    for (const auto& funnel : expected.funnels) {
        EXPECT_TRUE(titles.contains(QStringLiteral("Funnel: %1").arg(qs(funnel.sequenceName))))
            << titles.join(QStringLiteral(", ")).toStdString();
    }
    EXPECT_FALSE(expected.funnels.empty());
    // Contacts by stage, inbound conversations and the top posts come first.
    EXPECT_EQ(titles.size(), static_cast<qsizetype>(3 + expected.funnels.size()));
}

TEST_F(DashboardTest, FiguresAreWorkedOutOffTheGuiThread) {
    auto store = open();
    QThread* worker = nullptr;
    // Dashboard::compute runs where the answers are produced; record that thread through the
    // clock the task reads.
    class SpyClock : public core::Clock {
    public:
        explicit SpyClock(core::Instant at, QThread** seen) : m_at(at), m_seen(seen) {}
        core::Instant now() const override {
            *m_seen = QThread::currentThread();
            return m_at;
        }

    private:
        core::Instant m_at;
        QThread** m_seen;
    };
    SpyClock clock(m_clock.now(), &worker);
    DashboardTask spied(*store, clock);
    QSignalSpy answers(&spied, &DashboardTask::answersReady);
    spied.start();
    ASSERT_TRUE(waitUntil([&] { return answers.size() > 0 && !spied.isRunning(); }));
    ASSERT_NE(worker, nullptr);
    EXPECT_NE(worker, QThread::currentThread());
    EXPECT_TRUE(spied.hasAnswers());
}

TEST_F(DashboardTest, AStoreChangeReachesThePageDebounced) {
    auto store = open();
    DashboardPage page(*store, m_clock);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return page.hasAnswers() && !page.task()->isRunning(); }));
    const QList<int> before = page.weekCounts();
    ASSERT_EQ(before.size(), 7);

    // Three posts tomorrow at once: one more run after them, not three.
    QSignalSpy answers(page.task(), &DashboardTask::answersReady);
    const core::Date tomorrow = core::addDays(core::localDate(m_clock.now(), store->timeZone()), 1);
    const core::Id channel = store->list<core::Channel>().front().id;
    for (int i = 0; i < 3; ++i) {
        core::Post post;
        post.title = "Added " + std::to_string(i);
        post.channelId = channel;
        post.status = core::PostStatus::Scheduled;
        post.scheduledAt =
            core::toInstant(tomorrow, core::TimeOfDay{(10 + i) * 60}, store->timeZone());
        store->add(post);
    }
    ASSERT_TRUE(waitUntil([&] { return page.weekCounts().value(1) == before[1] + 3; }));
    EXPECT_TRUE(waitUntil([&] { return !page.task()->isRunning(); }));
    EXPECT_EQ(answers.size(), 1);
}

TEST_F(DashboardTest, OpenTheQueueTakesTheWindowToTheRelationshipsPage) {
    MainWindow window(open(), m_clock);
    window.resize(1200, 800);
    window.show();
    window.setCurrentPage(MainWindow::Dashboard);
    auto* dashboard = qobject_cast<DashboardPage*>(window.page(MainWindow::Dashboard));
    ASSERT_NE(dashboard, nullptr);
    ASSERT_TRUE(waitUntil([&] { return dashboard->hasAnswers(); }));
    QSignalSpy asked(dashboard, &DashboardPage::openQueue);
    auto* button = dashboard->findChild<QPushButton*>(QStringLiteral("openQueue"));
    ASSERT_NE(button, nullptr);
    button->click();
    ASSERT_EQ(asked.size(), 1);
    EXPECT_EQ(asked.front().front().toDate(),
              toQDate(core::localDate(m_clock.now(), window.store().timeZone())));
    EXPECT_EQ(window.currentPage(), MainWindow::Relationships);
    auto* people = qobject_cast<RelationshipsPage*>(window.page(MainWindow::Relationships));
    ASSERT_NE(people, nullptr);
    EXPECT_EQ(people->tabs()->currentIndex(), RelationshipsPage::QueueTab);

    // A name in the queue opens that contact beside the list.
    window.setCurrentPage(MainWindow::Dashboard);
    QSignalSpy opened(dashboard, &DashboardPage::openContact);
    auto* name = dashboard->findChild<QLabel*>(QStringLiteral("queueName"));
    ASSERT_NE(name, nullptr);
    const auto id = name->property("contactId").toLongLong();
    emit name->linkActivated(QStringLiteral("contact:%1").arg(id));
    ASSERT_EQ(opened.size(), 1);
    EXPECT_EQ(opened.front().front().value<core::Id>(), id);
    EXPECT_EQ(window.currentPage(), MainWindow::Relationships);
}

TEST_F(DashboardTest, CardsFollowADarkPalette) {
    auto store = open();
    DashboardPage page(*store, m_clock);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return page.hasAnswers(); }));
    auto* card = page.findChild<QFrame*>(QStringLiteral("queueCard"));
    ASSERT_NE(card, nullptr);
    const auto background = [&] {
        const QString sheet = card->styleSheet();
        const qsizetype at = sheet.indexOf(QStringLiteral("background: #"));
        return QColor(sheet.mid(at + 12, 7));
    };
    EXPECT_GT(background().lightness(), 128);
    QPalette dark = page.palette();
    dark.setColor(QPalette::Window, QColor(0x25, 0x27, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1c, 0x1e, 0x21));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    page.setPalette(dark);
    EXPECT_LT(background().lightness(), 80);
    // The figures stay on screen, drawn again in the new colours.
    EXPECT_EQ(page.goalCards().size(),
              static_cast<qsizetype>(core::Dashboard(*store, m_clock).compute().goals.size()));
}

TEST(DashboardEmpty, AnEmptyWorkspaceSaysWhatIsMissingCalmly) {
    auto store = core::Store::openInMemory();
    core::FixedClock clock{*core::parseInstant("2026-11-24T20:00:00Z")};
    DashboardPage page(*store, clock);
    page.show();
    ASSERT_TRUE(waitUntil([&] { return page.hasAnswers(); }));
    EXPECT_EQ(page.queueCounts(), (QList<int>{0, 0, 0}));
    EXPECT_TRUE(page.queueNames().isEmpty());
    EXPECT_EQ(page.weekCounts(), (QList<int>{0, 0, 0, 0, 0, 0, 0}));
    EXPECT_TRUE(page.goalCards().isEmpty());
    EXPECT_TRUE(page.mixTexts().isEmpty());
    EXPECT_FALSE(page.headerText().isEmpty());
}

}  // namespace
}  // namespace rapport::ui
