// The Relationships page (issue 5): the lazy contact table under QAbstractItemModelTester, its
// search and filters, the contact view (timeline, logging, stage suggestion, cadence, planned
// date), and the follow-up queue with mark done and snooze, each undone and redone.

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <set>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/followupqueue.h"
#include "core/nurtureengine.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/contactcommands.h"
#include "ui/contacttablemodel.h"
#include "ui/contactview.h"
#include "ui/displaytext.h"
#include "ui/followupqueuemodel.h"
#include "ui/followupqueueview.h"
#include "ui/loginteractiondialog.h"
#include "ui/relationshipspage.h"
#include "ui/undocontext.h"

namespace rapport::ui {
namespace {

using core::Date;
using test::waitUntil;

Date day(const char* text) {
    return *core::parseDate(text);
}

// Lets the views read what the last edit changed: each reads the first change of a turn of the
// event loop at once and the rest of a burst when the turn ends, as a user's clicks would.
void settle() {
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

// Collects what QAbstractItemModelTester reports in Warning mode, so a broken model fails the
// test with the tester's own words instead of aborting the whole test program.
class ModelTesterWarnings {
public:
    ModelTesterWarnings() {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&ModelTesterWarnings::handle);
    }
    ~ModelTesterWarnings() { qInstallMessageHandler(m_previous); }
    const QStringList& messages() const { return s_messages; }

private:
    static void handle(QtMsgType, const QMessageLogContext& context, const QString& message) {
        if (QByteArrayView(context.category) == "qt.modeltest") {
            s_messages << message;
        }
    }
    static inline QStringList s_messages;
    QtMessageHandler m_previous;
};

class RelationshipsTest : public ::testing::Test {
protected:
    RelationshipsTest() {
        test::clearSettings();
        m_store->setInfo({"Test", "Europe/Berlin"});
    }

    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    // Wednesday 25 November 2026, 10:00 in Berlin.
    core::FixedClock m_clock{*core::parseInstant("2026-11-25T09:00:00Z")};
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};
    const Date m_today = day("2026-11-25");

    core::Id contact(const std::string& name, core::Stage stage = core::Stage::Engaged,
                     std::vector<std::string> tags = {}, std::optional<core::Id> niche = {}) {
        core::Contact c = test::makeContact(name, stage);
        c.tags = std::move(tags);
        c.nicheId = niche;
        return m_store->add(c);
    }
    core::Id interaction(core::Id who, const char* at, core::Direction direction,
                         core::InteractionKind kind = core::InteractionKind::Comment) {
        core::Interaction i;
        i.contactId = who;
        i.at = *core::parseInstant(at);
        i.direction = direction;
        i.kind = kind;
        return m_store->add(i);
    }
    std::vector<core::Interaction> interactionsOf(core::Id who) {
        std::vector<core::Interaction> out;
        for (auto& i : m_store->list<core::Interaction>()) {
            if (i.contactId == who) {
                out.push_back(i);
            }
        }
        return out;
    }
    static QStringList names(const ContactTableModel& model) {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row) {
            out << model.index(row, ContactTableModel::NameColumn).data().toString();
        }
        return out;
    }
    static std::optional<core::QueueBucket> bucketOf(FollowUpQueueModel& model, core::Id who) {
        const QModelIndex at = model.indexOf(who);
        if (!at.isValid()) {
            return std::nullopt;
        }
        return model.itemAt(at)->bucket;
    }
};

// ---- the contact table ----------------------------------------------------------------------

TEST_F(RelationshipsTest, TableFetchesPageByPageUnderTheModelTester) {
    m_store->transaction([&] {
        for (int n = 0; n < 450; ++n) {
            contact("Person " + QString::number(n).rightJustified(3, '0').toStdString());
        }
    });
    ModelTesterWarnings warnings;
    ContactTableModel model(*m_store, m_clock);

    EXPECT_EQ(model.total(), 450);
    EXPECT_EQ(model.rowCount(), ContactTableModel::kPageSize);  // not all 450 at once
    EXPECT_EQ(model.columnCount(), ContactTableModel::ColumnCount);
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 2 * ContactTableModel::kPageSize);
    int fetches = 1;
    while (model.canFetchMore({})) {
        model.fetchMore({});
        ++fetches;
    }
    EXPECT_EQ(model.rowCount(), 450);
    EXPECT_EQ(fetches, (450 - 1) / ContactTableModel::kPageSize);
    EXPECT_EQ(model.index(0, 0).data().toString(), "Person 000");
    EXPECT_EQ(model.index(449, 0).data().toString(), "Person 449");

    // An edit reads again and keeps the rows fetched so far.
    test::addContact(*m_store, "Person 4500");
    EXPECT_EQ(model.total(), 451);
    EXPECT_EQ(model.rowCount(), 450);
    EXPECT_TRUE(model.canFetchMore({}));
    QCoreApplication::processEvents();

    // The tester checks the model through a new filter, a sort and more edits.
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    core::ContactFilter filter;
    filter.text = "person 44";
    model.setFilter(filter);
    // Each word anywhere: 044, 144, 244, 344 and 440..449, and 4500 has no "44".
    EXPECT_EQ(model.total(), 14);
    model.sort(ContactTableModel::NameColumn, Qt::DescendingOrder);
    EXPECT_EQ(model.index(0, 0).data().toString(), "Person 449");
    test::addContact(*m_store, "Person 4499");
    EXPECT_EQ(model.index(0, 0).data().toString(), "Person 4499");
    EXPECT_EQ(model.total(), 15);
    EXPECT_EQ(warnings.messages(), QStringList{});
}

// With more rows fetched than a change reads again, an edit reads the order and only the rows of
// the contacts it touched: no reset, the rows fetched so far stay, and the selection and the
// current row follow their contacts when they move.
TEST_F(RelationshipsTest, ChangesWithManyRowsFetchedKeepRowsAndSelection) {
    const int count = ContactTableModel::kRereadLimit + 200;
    std::vector<core::Id> ids;
    m_store->transaction([&] {
        for (int n = 0; n < count; ++n) {
            ids.push_back(
                contact("Person " + QString::number(n).rightJustified(4, '0').toStdString()));
        }
    });
    ModelTesterWarnings warnings;
    ContactTableModel model(*m_store, m_clock);
    while (model.canFetchMore({})) {
        model.fetchMore({});
    }
    ASSERT_EQ(model.rowCount(), count);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QItemSelectionModel selection(&model);
    const core::Id a = ids[1100];
    const core::Id b = ids[1150];
    selection.select(model.index(1100, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.setCurrentIndex(model.index(1150, 0),
                              QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const auto selectedIds = [&] {
        std::set<core::Id> out;
        for (const QModelIndex& i : selection.selectedRows()) {
            out.insert(model.idAt(i.row()));
        }
        return out;
    };
    ASSERT_EQ(selectedIds(), (std::set<core::Id>{a, b}));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    const QModelIndex lastTouch = model.index(1100, ContactTableModel::LastTouchColumn);
    EXPECT_EQ(lastTouch.data().toString(), "never");

    // A logged touch: the row shows it, nothing else moves.
    interaction(a, "2026-11-25T08:00:00Z", core::Direction::Outbound);
    settle();
    EXPECT_EQ(model.rowCount(), count);
    EXPECT_EQ(model.index(1100, ContactTableModel::LastTouchColumn).data().toString(), "today");
    EXPECT_EQ(selectedIds(), (std::set<core::Id>{a, b}));

    // A rename moves a contact from the top to the end: the rows between move up one, and the
    // selection and the current row go with their contacts.
    auto fifth = m_store->get<core::Contact>(ids[5]);
    fifth.displayName = "Zed";
    m_store->update(fifth);
    settle();
    EXPECT_EQ(model.rowCount(), count);
    EXPECT_EQ(model.rowOf(ids[5]), count - 1);
    EXPECT_EQ(model.index(count - 1, 0).data().toString(), "Zed");
    EXPECT_EQ(model.rowOf(a), 1099);
    EXPECT_EQ(selectedIds(), (std::set<core::Id>{a, b}));
    EXPECT_EQ(model.idAt(selection.currentIndex().row()), b);

    // A new contact near the top: as many rows as were fetched, one more to fetch.
    const core::Id early = contact("Person 0000a");
    settle();
    EXPECT_EQ(model.rowCount(), count);
    EXPECT_EQ(model.total(), count + 1);
    EXPECT_TRUE(model.canFetchMore({}));
    EXPECT_EQ(model.rowOf(early), 1);
    EXPECT_EQ(model.rowOf(a), 1100);
    EXPECT_EQ(selectedIds(), (std::set<core::Id>{a, b}));

    // A removed contact leaves the list; the rest stay fetched.
    m_store->remove<core::Contact>(ids[0]);
    settle();
    EXPECT_EQ(model.rowOf(ids[0]), -1);
    EXPECT_EQ(model.total(), count);
    EXPECT_EQ(model.rowCount(), count);
    EXPECT_EQ(model.rowOf(a), 1099);
    EXPECT_EQ(selectedIds(), (std::set<core::Id>{a, b}));
    EXPECT_EQ(resets.count(), 0);

    // A removed interaction names no contact: the first kRereadLimit rows are read again.
    const auto touches = interactionsOf(a);
    ASSERT_EQ(touches.size(), 1u);
    m_store->remove<core::Interaction>(touches.front().id);
    settle();
    EXPECT_EQ(model.rowCount(), ContactTableModel::kRereadLimit);
    EXPECT_TRUE(model.canFetchMore({}));
    EXPECT_EQ(resets.count(), 0);
    EXPECT_EQ(warnings.messages(), QStringList{}) << warnings.messages().join('\n').toStdString();
}

TEST_F(RelationshipsTest, TableShowsEveryColumnAndSortsByTheClickedHeader) {
    const core::Id ada = contact("Ada", core::Stage::Customer, {"speaker", "vip"});
    const core::Id bob = contact("Bob", core::Stage::Engaged);
    contact("Cy", core::Stage::Looker);
    interaction(ada, "2026-11-20T10:00:00Z", core::Direction::Outbound);
    interaction(bob, "2026-11-24T10:00:00Z", core::Direction::Outbound);
    ModelTesterWarnings warnings;
    ContactTableModel model(*m_store, m_clock);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);

    EXPECT_EQ(names(model), (QStringList{"Ada", "Bob", "Cy"}));
    const auto cell = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    EXPECT_EQ(cell(0, ContactTableModel::StageColumn), "Customer");
    EXPECT_EQ(cell(0, ContactTableModel::LastTouchColumn), "5 days ago");
    EXPECT_EQ(cell(1, ContactTableModel::LastTouchColumn), "yesterday");
    EXPECT_EQ(cell(0, ContactTableModel::TagsColumn), "#speaker #vip");
    // Ada: a customer's cadence of 45 days from 20 November.
    EXPECT_EQ(cell(0, ContactTableModel::NextDueColumn), formatDate(day("2027-01-04")));
    EXPECT_EQ(cell(2, ContactTableModel::NextDueColumn), "—");  // a looker is never due

    model.sort(ContactTableModel::NameColumn, Qt::DescendingOrder);
    EXPECT_EQ(names(model), (QStringList{"Cy", "Bob", "Ada"}));
    model.sort(ContactTableModel::LastTouchColumn, Qt::DescendingOrder);
    EXPECT_EQ(names(model).first(), "Bob");
    model.sort(ContactTableModel::StageColumn, Qt::AscendingOrder);
    EXPECT_EQ(names(model), (QStringList{"Cy", "Bob", "Ada"}));  // looker, engaged, customer
    EXPECT_EQ(warnings.messages(), QStringList{});
}

TEST_F(RelationshipsTest, SearchAsYouTypeAndFiltersNarrowTheTable) {
    core::Niche niche;
    niche.name = "Indie makers";
    niche.topic = "Tools for people who build alone";
    m_store->add(niche);
    const core::Id ada = contact("Ada Lovelace", core::Stage::Engaged, {"speaker"}, niche.id);
    contact("Alan Turing", core::Stage::Customer);
    const core::Id grace = contact("Grace Hopper", core::Stage::Engaged);
    // Grace's last touch is 40 days old: over twice an engaged contact's 14 days.
    interaction(grace, "2026-10-16T10:00:00Z", core::Direction::Outbound);
    interaction(ada, "2026-11-24T10:00:00Z", core::Direction::Outbound);

    RelationshipsPage page(*m_store, m_undo, m_clock);
    page.resize(1200, 700);
    page.show();
    ContactTableModel* model = page.model();
    EXPECT_EQ(model->rowCount(), 3);
    EXPECT_EQ(page.tabs()->currentIndex(), RelationshipsPage::QueueTab);  // the default view
    page.tabs()->setCurrentIndex(RelationshipsPage::ContactsTab);

    // Typing waits for the pause, then reads once.
    QTest::keyClicks(page.searchEdit(), "lovel");
    EXPECT_EQ(model->rowCount(), 3);
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 1; }));
    EXPECT_EQ(names(*model), QStringList{"Ada Lovelace"});
    page.searchEdit()->clear();
    ASSERT_TRUE(waitUntil([&] { return model->rowCount() == 3; }));

    page.stageFilter()->setCurrentIndex(
        page.stageFilter()->findData(static_cast<int>(core::Stage::Engaged)));
    page.applyFilter();
    EXPECT_EQ(names(*model), (QStringList{"Ada Lovelace", "Grace Hopper"}));
    page.losingTouchFilter()->setChecked(true);
    EXPECT_EQ(names(*model), QStringList{"Grace Hopper"});
    page.losingTouchFilter()->setChecked(false);
    page.stageFilter()->setCurrentIndex(0);
    page.applyFilter();
    EXPECT_EQ(model->rowCount(), 3);

    page.refresh();  // the filters' choices come from the store
    page.tagFilter()->setCurrentIndex(page.tagFilter()->findData(QStringLiteral("speaker")));
    page.applyFilter();
    EXPECT_EQ(names(*model), QStringList{"Ada Lovelace"});
    page.tagFilter()->setCurrentIndex(0);
    page.nicheFilter()->setCurrentIndex(
        page.nicheFilter()->findData(QVariant::fromValue<qlonglong>(niche.id)));
    page.applyFilter();
    EXPECT_EQ(names(*model), QStringList{"Ada Lovelace"});
    EXPECT_EQ(page.findChild<QLabel*>(QStringLiteral("contactCount"))->text(), "1 of 3 match");

    // Enter on a row opens the contact beside the table.
    page.view()->setFocus();
    page.view()->setCurrentIndex(model->index(0, 0));
    QTest::keyClick(page.view(), Qt::Key_Return);
    EXPECT_EQ(page.contactView()->contactId(), ada);
}

// ---- the contact view -----------------------------------------------------------------------

TEST_F(RelationshipsTest, LoggingFromTheContactViewUpdatesTimelineAndQueueAndUndoes) {
    const core::Id ada = contact("Ada", core::Stage::Engaged);
    core::Channel channel;
    channel.name = "LinkedIn";
    channel.kind = core::ChannelKind::LinkedIn;
    m_store->add(channel);
    // Her comment of 23 November waits for an answer: overdue.
    interaction(ada, "2026-11-23T10:00:00Z", core::Direction::Inbound);

    RelationshipsPage page(*m_store, m_undo, m_clock);
    page.show();
    FollowUpQueueModel* queue = page.queueView()->model();
    ASSERT_EQ(bucketOf(*queue, ada), core::QueueBucket::Overdue);
    page.openContact(ada);
    ContactView* view = page.contactView();
    ASSERT_EQ(view->timeline()->rowCount(), 1);

    LogInteractionDialog* dialog = view->logInteraction();
    ASSERT_NE(dialog, nullptr);
    // The time starts as now in the workspace's zone (Berlin, UTC+1).
    EXPECT_EQ(dialog->whenEdit()->dateTime(),
              QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC));
    dialog->directionBox()->setCurrentIndex(1);  // outbound
    dialog->kindBox()->setCurrentIndex(static_cast<int>(core::InteractionKind::Reply));
    dialog->channelBox()->setCurrentIndex(1);
    QTest::keyClicks(dialog->noteEdit(), "Thanked her for the thread");
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();

    const auto logged = interactionsOf(ada);
    ASSERT_EQ(logged.size(), 2u);
    const auto& reply = logged.back();
    EXPECT_EQ(reply.direction, core::Direction::Outbound);
    EXPECT_EQ(reply.kind, core::InteractionKind::Reply);
    EXPECT_EQ(reply.channelId, channel.id);
    EXPECT_EQ(reply.note, "Thanked her for the thread");
    EXPECT_EQ(reply.at, *core::parseInstant("2026-11-25T09:00:00Z"));
    // The timeline, newest first, and the queue after it: no reply owed any more, the next
    // touch 14 days out, beyond this week.
    ASSERT_EQ(view->timeline()->rowCount(), 2);
    EXPECT_TRUE(view->timeline()->item(0)->text().startsWith("→ Reply from you"))
        << view->timeline()->item(0)->text().toStdString();
    EXPECT_EQ(bucketOf(*queue, ada), std::nullopt);
    EXPECT_EQ(m_stack.count(), 1);
    EXPECT_EQ(m_stack.undoText(), "Log reply to Ada");

    m_stack.undo();
    EXPECT_EQ(interactionsOf(ada).size(), 1u);
    ASSERT_TRUE(waitUntil([&] { return view->timeline()->rowCount() == 1; }));
    ASSERT_TRUE(waitUntil([&] { return bucketOf(*queue, ada) == core::QueueBucket::Overdue; }));
    m_stack.redo();
    EXPECT_EQ(interactionsOf(ada).size(), 2u);
    ASSERT_TRUE(waitUntil([&] { return view->timeline()->rowCount() == 2; }));
}

TEST_F(RelationshipsTest, ALoggedTimeInTheComputersClockChangeIsTheWorkspacesWallClock) {
    // New York springs forward at 02:00 on 8 March 2026; Berlin does not, that night.
    const test::MachineZone zone("America/New_York");
    const core::Id ada = contact("Ada");
    LogInteractionDialog dialog(*m_store, m_clock, ada);
    dialog.whenEdit()->setDate(QDate(2026, 3, 8));
    dialog.whenEdit()->setTime(QTime(2, 30));
    EXPECT_EQ(dialog.whenEdit()->time(), QTime(2, 30));
    EXPECT_EQ(dialog.interaction().at, *core::parseInstant("2026-03-08T01:30:00Z"));
}

TEST_F(RelationshipsTest, TheStageSuggestionIsAcceptedInOneClick) {
    const core::Id ada = contact("Ada", core::Stage::Looker);
    interaction(ada, "2026-11-23T10:00:00Z", core::Direction::Inbound);
    ContactView view(*m_store, m_undo, m_clock);
    view.setContact(ada);
    view.show();
    ASSERT_TRUE(view.acceptSuggestionButton()->isVisible());
    EXPECT_TRUE(view.suggestionLabel()->text().contains("Suggested: Engaged"))
        << view.suggestionLabel()->text().toStdString();
    view.acceptSuggestionButton()->click();
    EXPECT_EQ(m_store->get<core::Contact>(ada).stage, core::Stage::Engaged);
    EXPECT_EQ(view.stageBox()->currentIndex(), static_cast<int>(core::Stage::Engaged));
    EXPECT_FALSE(view.acceptSuggestionButton()->isVisible());
    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Contact>(ada).stage, core::Stage::Looker);
}

TEST_F(RelationshipsTest, CadencePlannedDateAndSnoozeAreEachOneUndoStep) {
    const core::Id ada = contact("Ada", core::Stage::Engaged);
    ContactView view(*m_store, m_undo, m_clock);
    view.setContact(ada);
    view.show();

    // The contact's own cadence, then never, then the stage's again.
    view.cadenceBox()->setCurrentIndex(1);
    emit view.cadenceBox()->activated(1);
    settle();
    view.cadenceDays()->setValue(10);
    settle();
    EXPECT_EQ(m_store->get<core::Contact>(ada).cadenceDays, 10);
    view.cadenceBox()->setCurrentIndex(2);
    emit view.cadenceBox()->activated(2);
    settle();
    EXPECT_TRUE(m_store->get<core::Contact>(ada).cadenceNever);
    EXPECT_EQ(m_store->get<core::Contact>(ada).cadenceDays, std::nullopt);

    view.plannedDate()->setDate(QDate(2026, 12, 3));
    view.plannedCheck()->setChecked(true);
    settle();
    EXPECT_EQ(m_store->get<core::Contact>(ada).nextFollowUp, day("2026-12-03"));
    EXPECT_TRUE(view.statusLabel()->text().contains(formatDate(day("2026-12-03"))))
        << view.statusLabel()->text().toStdString();

    view.snoozeUntil(day("2026-12-10"));
    settle();
    EXPECT_EQ(m_store->get<core::Contact>(ada).snoozedUntil, day("2026-12-10"));
    EXPECT_TRUE(view.statusLabel()->text().startsWith("Snoozed"));

    const int steps = m_stack.count();
    EXPECT_GE(steps, 5);
    m_stack.undo();  // the snooze
    EXPECT_EQ(m_store->get<core::Contact>(ada).snoozedUntil, std::nullopt);
    m_stack.undo();  // the planned date
    EXPECT_EQ(m_store->get<core::Contact>(ada).nextFollowUp, std::nullopt);
    m_stack.undo();  // never
    EXPECT_FALSE(m_store->get<core::Contact>(ada).cadenceNever);
    EXPECT_EQ(m_store->get<core::Contact>(ada).cadenceDays, 10);
}

// ---- the follow-up queue --------------------------------------------------------------------

TEST_F(RelationshipsTest, QueueShowsBucketsWithReasonsAndAnyDay) {
    const core::Id ada = contact("Ada", core::Stage::Engaged);
    const core::Id bob = contact("Bob", core::Stage::Engaged);
    const core::Id cy = contact("Cy", core::Stage::Engaged);
    interaction(ada, "2026-11-23T10:00:00Z", core::Direction::Inbound);  // reply owed
    interaction(bob, "2026-11-22T10:00:00Z", core::Direction::Outbound);
    interaction(cy, "2026-11-24T10:00:00Z", core::Direction::Outbound);
    core::planFollowUp(*m_store, bob, m_today);
    core::planFollowUp(*m_store, cy, day("2026-11-28"));

    ModelTesterWarnings warnings;
    FollowUpQueueView view(*m_store, m_undo, m_clock);
    FollowUpQueueModel* model = view.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(bucketOf(*model, ada), core::QueueBucket::Overdue);
    EXPECT_EQ(bucketOf(*model, bob), core::QueueBucket::Today);
    EXPECT_EQ(bucketOf(*model, cy), core::QueueBucket::ThisWeek);
    EXPECT_EQ(model->index(0, 0).data().toString(), "Overdue  (1)");
    const QModelIndex adaRow = model->indexOf(ada);
    EXPECT_TRUE(adaRow.siblingAtColumn(FollowUpQueueModel::ReasonsColumn)
                    .data()
                    .toString()
                    .startsWith("reply owed"))
        << adaRow.siblingAtColumn(1).data().toString().toStdString();
    EXPECT_EQ(model->indexOf(cy).siblingAtColumn(FollowUpQueueModel::LastTouchColumn).data(),
              "1 day ago");

    // The queue of Saturday 28th: Cy is due that day, Ada and Bob overdue.
    view.dayEdit()->setDate(QDate(2026, 11, 28));
    EXPECT_EQ(bucketOf(*model, cy), core::QueueBucket::Today);
    EXPECT_EQ(bucketOf(*model, bob), core::QueueBucket::Overdue);
    view.showDay({});
    EXPECT_EQ(model->day(), m_today);
    EXPECT_EQ(warnings.messages(), QStringList{});
}

TEST_F(RelationshipsTest, MarkDoneFromTheQueueLogsATouchAndUndoes) {
    const core::Id bob = contact("Bob", core::Stage::Engaged);
    interaction(bob, "2026-11-20T10:00:00Z", core::Direction::Outbound);
    core::planFollowUp(*m_store, bob, m_today);
    FollowUpQueueView view(*m_store, m_undo, m_clock);
    FollowUpQueueModel* model = view.model();
    ASSERT_EQ(bucketOf(*model, bob), core::QueueBucket::Today);
    ASSERT_TRUE(view.select(bob));
    view.findChild<QPushButton*>(QStringLiteral("markDone"))->click();

    auto logged = interactionsOf(bob);
    ASSERT_EQ(logged.size(), 2u);
    EXPECT_EQ(logged.back().direction, core::Direction::Outbound);
    EXPECT_EQ(logged.back().at, m_clock.now());
    EXPECT_EQ(m_store->get<core::Contact>(bob).nextFollowUp, std::nullopt);  // the touch is done
    EXPECT_EQ(bucketOf(*model, bob), std::nullopt);                          // next due in 14 days

    m_stack.undo();
    EXPECT_EQ(interactionsOf(bob).size(), 1u);
    EXPECT_EQ(m_store->get<core::Contact>(bob).nextFollowUp, m_today);
    ASSERT_TRUE(waitUntil([&] { return bucketOf(*model, bob) == core::QueueBucket::Today; }));
    m_stack.redo();
    EXPECT_EQ(interactionsOf(bob).size(), 2u);
    EXPECT_EQ(m_store->get<core::Contact>(bob).nextFollowUp, std::nullopt);
}

TEST_F(RelationshipsTest, MarkDoneOfASequenceStepMovesTheEnrollmentAndUndoes) {
    const core::Id ada = contact("Ada", core::Stage::Engaged);
    core::Sequence sequence;
    sequence.name = "Warm welcome";
    core::SequenceStep first;
    first.phase = 1;
    first.position = 1;
    first.action = "Comment on their latest post";
    first.kind = core::InteractionKind::Comment;
    first.delayDays = 0;
    core::SequenceStep second = first;
    second.position = 2;
    second.action = "Send a useful link";
    second.kind = core::InteractionKind::DirectMessage;
    second.delayDays = 3;
    core::SequenceStep offer = first;
    offer.phase = 2;
    offer.position = 1;
    offer.action = "Offer the guide";
    offer.kind = core::InteractionKind::Email;
    offer.delayDays = 2;
    sequence.steps = {first, second, offer};
    m_store->add(sequence);
    core::NurtureEngine engine(*m_store, m_clock);
    const core::Enrollment enrolled = engine.enroll(ada, sequence.id, m_today);

    FollowUpQueueView view(*m_store, m_undo, m_clock);
    const QModelIndex row = view.model()->indexOf(ada);
    ASSERT_TRUE(row.isValid());
    EXPECT_TRUE(row.siblingAtColumn(FollowUpQueueModel::ReasonsColumn)
                    .data()
                    .toString()
                    .contains("Comment on their latest post"))
        << row.siblingAtColumn(1).data().toString().toStdString();
    ASSERT_TRUE(view.select(ada));
    view.markSelectedDone();

    const auto after = m_store->get<core::Enrollment>(enrolled.id);
    EXPECT_EQ(after.stepsDone.size(), 1u);
    EXPECT_EQ(after.nextDue, day("2026-11-28"));
    auto logged = interactionsOf(ada);
    ASSERT_EQ(logged.size(), 1u);
    EXPECT_EQ(logged[0].kind, core::InteractionKind::Comment);
    EXPECT_EQ(logged[0].direction, core::Direction::Outbound);

    m_stack.undo();
    const auto undone = m_store->get<core::Enrollment>(enrolled.id);
    EXPECT_TRUE(undone.stepsDone.empty());
    EXPECT_EQ(undone.currentStepId, enrolled.currentStepId);
    EXPECT_EQ(undone.nextDue, m_today);
    EXPECT_TRUE(interactionsOf(ada).empty());
    m_stack.redo();
    EXPECT_EQ(m_store->get<core::Enrollment>(enrolled.id).stepsDone.size(), 1u);
    EXPECT_EQ(interactionsOf(ada).size(), 1u);
}

TEST_F(RelationshipsTest, SnoozeFromTheQueueMovesTheContactAndUndoes) {
    const core::Id bob = contact("Bob", core::Stage::Engaged);
    interaction(bob, "2026-11-22T10:00:00Z", core::Direction::Outbound);
    core::planFollowUp(*m_store, bob, m_today);
    FollowUpQueueView view(*m_store, m_undo, m_clock);
    FollowUpQueueModel* model = view.model();
    ASSERT_TRUE(view.select(bob));
    view.snoozeSelected(core::addDays(m_today, 3));
    EXPECT_EQ(m_store->get<core::Contact>(bob).snoozedUntil, day("2026-11-28"));
    EXPECT_EQ(bucketOf(*model, bob), core::QueueBucket::ThisWeek);
    EXPECT_EQ(m_stack.undoText(),
              QStringLiteral("Snooze Bob until %1").arg(formatDate(day("2026-11-28"))));
    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Contact>(bob).snoozedUntil, std::nullopt);
    ASSERT_TRUE(waitUntil([&] { return bucketOf(*model, bob) == core::QueueBucket::Today; }));
    m_stack.redo();
    EXPECT_EQ(m_store->get<core::Contact>(bob).snoozedUntil, day("2026-11-28"));
}

TEST_F(RelationshipsTest, ThePageOpensTheQueueOfADayAndAContactFromIt) {
    const core::Id bob = contact("Bob", core::Stage::Engaged);
    interaction(bob, "2026-11-24T10:00:00Z", core::Direction::Outbound);
    core::planFollowUp(*m_store, bob, day("2026-11-30"));
    RelationshipsPage page(*m_store, m_undo, m_clock);
    page.show();
    page.tabs()->setCurrentIndex(RelationshipsPage::ContactsTab);
    page.showQueue(QDate(2026, 11, 30));
    EXPECT_EQ(page.tabs()->currentIndex(), RelationshipsPage::QueueTab);
    EXPECT_EQ(page.queueView()->model()->day(), day("2026-11-30"));
    EXPECT_EQ(bucketOf(*page.queueView()->model(), bob), core::QueueBucket::Today);
    ASSERT_TRUE(page.queueView()->select(bob));
    page.queueView()->findChild<QPushButton*>(QStringLiteral("openContact"))->click();
    EXPECT_EQ(page.contactView()->contactId(), bob);
    EXPECT_EQ(page.view()->currentIndex().row(), page.model()->rowOf(bob));
}

}  // namespace
}  // namespace rapport::ui
