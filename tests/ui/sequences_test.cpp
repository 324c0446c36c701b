// The Sequences page: a sequence built from a template and saved as one undo step; bad input
// said next to its field with nothing saved; contacts enrolled from a filtered list; a step
// marked done from the board and undone; exit and gate override with their reasons kept and
// shown; the funnel on screen matching the engine's.

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/nurtureengine.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/enrolldialog.h"
#include "ui/enrollmentboard.h"
#include "ui/formerrors.h"
#include "ui/funnelchart.h"
#include "ui/sequenceeditor.h"
#include "ui/sequencespage.h"
#include "ui/sequencetemplates.h"
#include "ui/undocontext.h"

namespace rapport::ui {
namespace {

using core::EnrollmentState;

constexpr const char* kZone = "Europe/Berlin";

std::int64_t countWhere(core::Store& store, const char* sql) {
    auto st = store.db().prepare(sql);
    return st.step() ? st.integer(0) : 0;
}

class SequencesTest : public ::testing::Test {
protected:
    void SetUp() override {
        m_store->setInfo({"Sequences test", kZone});
        core::Niche books;
        books.name = "Readers";
        books.topic = "Books on search";
        m_store->add(books);
        m_niche = books.id;
        for (const char* name : {"Ada Reader", "Ben Reader", "Cleo Reader"}) {
            auto c = test::makeContact(name, core::Stage::Engaged);
            c.nicheId = m_niche;
            c.tags = {"reader"};
            c.createdOn = m_day;
            m_store->add(c);
            m_readers.push_back(c.id);
        }
        auto other = test::makeContact("Dan Looker", core::Stage::Looker);
        other.createdOn = m_day;
        m_store->add(other);
        m_looker = other.id;
    }

    /// The book launch template, stored.
    core::Id addBookLaunch() {
        auto s = sequenceTemplates().front().sequence;
        m_store->add(s);
        return s.id;
    }

    void setDay(core::Date day) { m_clock.set(core::toInstant(day, core::TimeOfDay{600}, kZone)); }

    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    const core::Date m_day = core::Date{date::year{2026} / 11 / 23};
    core::FixedClock m_clock{core::toInstant(m_day, core::TimeOfDay{600}, kZone)};
    core::NurtureEngine m_engine{*m_store, m_clock};
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};
    core::Id m_niche = 0;
    std::vector<core::Id> m_readers;
    core::Id m_looker = 0;
};

void clickSave(QDialog* dialog) {
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    buttons->button(QDialogButtonBox::Save)->click();
}

TEST_F(SequencesTest, BuildsASequenceFromTheBookLaunchTemplateAsOneUndoStep) {
    const auto templates = sequenceTemplates();
    ASSERT_GE(templates.size(), 3u);
    EXPECT_EQ(templates.front().name, "Book launch: engage, then give away a free chapter");

    SequenceEditor editor(m_undo, std::nullopt);
    editor.applyTemplate(0);
    EXPECT_EQ(editor.steps(1)->rowCount(), 3);
    EXPECT_EQ(editor.steps(2)->rowCount(), 2);
    editor.findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("Launch week"));
    editor.steps(1)->setDelay(1, 2);
    clickSave(&editor);
    ASSERT_EQ(editor.result(), QDialog::Accepted);

    const auto all = m_store->list<core::Sequence>();
    ASSERT_EQ(all.size(), 1u);
    const auto& s = all.front();
    EXPECT_EQ(s.id, editor.savedId());
    EXPECT_EQ(s.name, "Launch week");
    EXPECT_EQ(s.assetTitle, "Free chapter");
    EXPECT_EQ(s.minInbound, 2);
    ASSERT_EQ(s.steps.size(), 5u);
    EXPECT_EQ(s.steps[0].phase, 1);
    EXPECT_EQ(s.steps[1].delayDays, 2);
    EXPECT_EQ(s.steps[3].phase, 2);
    EXPECT_EQ(s.steps[3].action, "Send the free chapter, with a personal note");
    EXPECT_EQ(m_stack.count(), 1);

    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Sequence>(), 0);
    m_stack.redo();
    const auto back = m_store->get<core::Sequence>(s.id);
    EXPECT_EQ(back.steps.size(), 5u);
    EXPECT_EQ(back.steps[3].id, s.steps[3].id);
}

TEST_F(SequencesTest, BadInputIsSaidNextToItsFieldAndNothingIsSaved) {
    SequenceEditor editor(m_undo, std::nullopt);
    editor.applyTemplate(0);
    editor.steps(2)->setRowCount(0);  // no phase-2 step
    editor.steps(1)->setDelay(1, -2);
    editor.findChild<QSpinBox*>(QStringLiteral("minInbound"))->setValue(-1);
    editor.findChild<QLineEdit*>(QStringLiteral("assetLink"))
        ->setText(QStringLiteral("ftp://example.com/chapter"));
    clickSave(&editor);

    EXPECT_NE(editor.result(), QDialog::Accepted);
    const FormErrors* errors = editor.errors();
    EXPECT_TRUE(errors->message(QStringLiteral("phase2")).contains("at least one step"))
        << errors->message(QStringLiteral("phase2")).toStdString();
    EXPECT_TRUE(errors->message(QStringLiteral("phase1")).contains("Step 2"))
        << errors->message(QStringLiteral("phase1")).toStdString();
    EXPECT_TRUE(errors->message(QStringLiteral("phase1")).contains("0 or more"));
    EXPECT_TRUE(errors->message(QStringLiteral("minInbound")).contains("0 or more"))
        << errors->message(QStringLiteral("minInbound")).toStdString();
    EXPECT_TRUE(errors->message(QStringLiteral("assetLink")).contains("http"))
        << errors->message(QStringLiteral("assetLink")).toStdString();
    EXPECT_EQ(m_store->count<core::Sequence>(), 0);
    EXPECT_EQ(m_stack.count(), 0);

    // No phase-1 step either: said in phase 1's place.
    editor.steps(1)->setRowCount(0);
    clickSave(&editor);
    EXPECT_TRUE(errors->message(QStringLiteral("phase1")).contains("relationship comes first"));
    EXPECT_EQ(m_store->count<core::Sequence>(), 0);
}

TEST_F(SequencesTest, EnrollsFromAFilteredListSkippingThoseAlreadyIn) {
    const core::Id seq = addBookLaunch();
    m_engine.enroll(m_readers[0], seq);

    ContactPicker picker(*m_store, m_clock);
    EXPECT_EQ(picker.model()->rowCount(), 4);
    picker.setStage(core::Stage::Engaged);
    picker.setNiche(m_niche);
    picker.setTag(QStringLiteral("reader"));
    EXPECT_EQ(picker.model()->rowCount(), 3);
    picker.setSearch(QStringLiteral("reader"));
    picker.checkShown();
    const auto chosen = picker.chosen();
    ASSERT_EQ(chosen.size(), 3u);

    EnrollDialog dialog(m_undo, m_clock, chosen);
    dialog.setSequence(seq);
    EXPECT_EQ(dialog.toEnroll().size(), 2u);
    ASSERT_EQ(dialog.skipped().size(), 1u);
    EXPECT_EQ(dialog.skipped().front(), m_readers[0]);
    EXPECT_TRUE(dialog.summary().contains("Ada Reader")) << dialog.summary().toStdString();
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);

    EXPECT_EQ(m_store->count<core::Enrollment>(), 3);
    EXPECT_EQ(m_stack.count(), 1);
    for (const auto& e : m_store->list<core::Enrollment>()) {
        EXPECT_EQ(e.state, EnrollmentState::Active);
        EXPECT_EQ(e.nextDue, m_day);  // the first step has no delay
    }
    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Enrollment>(), 1);
    m_stack.redo();
    EXPECT_EQ(m_store->count<core::Enrollment>(), 3);
}

TEST_F(SequencesTest, MarksTheDueStepDoneFromTheBoardAndUndoes) {
    const core::Id seq = addBookLaunch();
    auto ada = m_store->get<core::Contact>(m_readers[0]);
    ada.nextFollowUp = core::addDays(m_day, 10);
    m_store->update(ada);
    const auto e = m_engine.enroll(m_readers[0], seq);

    SequencesPage page(*m_store, m_undo, m_clock);
    page.resize(1200, 800);
    page.show();
    page.refresh();
    ASSERT_EQ(page.selectedSequence(), seq);
    EnrollmentBoard* board = page.board();
    ASSERT_EQ(board->cards(EnrollmentState::Active), std::vector<core::Id>{e.id});
    EXPECT_TRUE(board->cardText(e.id).contains("Comment thoughtfully on their latest post"));
    EXPECT_TRUE(board->cardText(e.id).contains("Due today"));

    ASSERT_TRUE(board->select(e.id));
    auto* done = board->findChild<QPushButton*>(QStringLiteral("markDone"));
    ASSERT_TRUE(done->isEnabled());
    const auto before = countWhere(*m_store, "SELECT count(*) FROM interactions");
    done->click();

    auto after = m_store->get<core::Enrollment>(e.id);
    ASSERT_EQ(after.stepsDone.size(), 1u);
    EXPECT_EQ(after.nextDue, core::addDays(m_day, 4));
    EXPECT_EQ(countWhere(*m_store,
                         "SELECT count(*) FROM interactions WHERE direction = "
                         "'outbound' AND kind = 'comment'"),
              before + 1);
    EXPECT_FALSE(m_store->get<core::Contact>(m_readers[0]).nextFollowUp);
    EXPECT_EQ(m_stack.count(), 1);
    EXPECT_TRUE(m_stack.undoText().contains("Comment thoughtfully"));
    EXPECT_TRUE(board->cardText(e.id).contains("Share one of their posts"));

    m_stack.undo();
    after = m_store->get<core::Enrollment>(e.id);
    EXPECT_TRUE(after.stepsDone.empty());
    EXPECT_EQ(after.nextDue, m_day);
    EXPECT_EQ(countWhere(*m_store, "SELECT count(*) FROM interactions"), before);
    EXPECT_EQ(m_store->get<core::Contact>(m_readers[0]).nextFollowUp, core::addDays(m_day, 10));
    EXPECT_TRUE(
        test::waitUntil([&] { return board->cardText(e.id).contains("Comment thoughtfully"); }));

    m_stack.redo();
    EXPECT_EQ(m_store->get<core::Enrollment>(e.id).stepsDone.size(), 1u);
    EXPECT_EQ(countWhere(*m_store, "SELECT count(*) FROM interactions"), before + 1);
}

TEST_F(SequencesTest, SkippingFromTheBoardLogsNothingAndUndoes) {
    const core::Id seq = addBookLaunch();
    const auto e = m_engine.enroll(m_readers[0], seq);
    SequencesPage page(*m_store, m_undo, m_clock);
    page.refresh();
    const auto before = countWhere(*m_store, "SELECT count(*) FROM interactions");
    // A click on the card, as the user does it, enables the step's actions.
    auto* column = page.board()->findChild<QListView*>(QStringLiteral("column-active"));
    ASSERT_NE(column, nullptr);
    column->resize(200, 300);
    const QRect card = column->visualRect(column->model()->index(0, 0));
    QTest::mouseClick(column->viewport(), Qt::LeftButton, {}, card.center());
    EXPECT_EQ(page.board()->selected(), e.id);
    auto* skip = page.board()->findChild<QPushButton*>(QStringLiteral("skipStep"));
    ASSERT_TRUE(skip->isEnabled());
    skip->click();
    const auto skipped = m_store->get<core::Enrollment>(e.id);
    ASSERT_EQ(skipped.stepsDone.size(), 1u);
    EXPECT_TRUE(skipped.stepsDone.front().skipped);
    EXPECT_EQ(countWhere(*m_store, "SELECT count(*) FROM interactions"), before);
    m_stack.undo();
    EXPECT_TRUE(m_store->get<core::Enrollment>(e.id).stepsDone.empty());
}

TEST_F(SequencesTest, ExitAndGateOverrideKeepTheirReasonsOnTheCard) {
    const core::Id seq = addBookLaunch();
    const auto leaving = m_engine.enroll(m_readers[0], seq);
    auto waiting = m_engine.enroll(m_readers[1], seq);
    for (int i = 0; i < 3; ++i) {
        waiting = m_engine.markDone(waiting.id);
    }
    ASSERT_EQ(waiting.state, EnrollmentState::Waiting);

    SequencesPage page(*m_store, m_undo, m_clock);
    page.refresh();
    EnrollmentBoard* board = page.board();
    EXPECT_EQ(board->cards(EnrollmentState::Waiting), std::vector<core::Id>{waiting.id});
    EXPECT_TRUE(board->cardText(waiting.id).contains("0 of 2 replies since enrolment"))
        << board->cardText(waiting.id).toStdString();

    // Without a reason: refused, said, nothing changed.
    EXPECT_FALSE(board->exitEnrollment(leaving.id, QStringLiteral("  ")));
    EXPECT_TRUE(board->statusText().contains("must say why")) << board->statusText().toStdString();
    EXPECT_EQ(m_stack.count(), 0);

    ASSERT_TRUE(board->exitEnrollment(leaving.id, QStringLiteral("Asked not to be contacted")));
    EXPECT_EQ(m_store->get<core::Enrollment>(leaving.id).state, EnrollmentState::Exited);
    EXPECT_EQ(board->cards(EnrollmentState::Exited), std::vector<core::Id>{leaving.id});
    EXPECT_TRUE(board->cardText(leaving.id).contains("Asked not to be contacted"));

    ASSERT_TRUE(board->overrideGate(waiting.id, QStringLiteral("Met her at the book fair")));
    const auto opened = m_store->get<core::Enrollment>(waiting.id);
    EXPECT_EQ(opened.state, EnrollmentState::Qualified);
    EXPECT_EQ(opened.gateOverrideReason, "Met her at the book fair");
    EXPECT_TRUE(
        board->cardText(waiting.id).contains("Gate opened by hand: Met her at the book fair"));
    EXPECT_EQ(m_stack.count(), 2);

    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Enrollment>(waiting.id).state, EnrollmentState::Waiting);
    EXPECT_TRUE(m_store->get<core::Enrollment>(waiting.id).gateOverrideReason.empty());
    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Enrollment>(leaving.id).state, EnrollmentState::Active);
    EXPECT_TRUE(m_store->get<core::Enrollment>(leaving.id).exitReason.empty());
}

TEST_F(SequencesTest, FunnelOnScreenMatchesTheEngine) {
    const core::Id seq = addBookLaunch();
    // Ada: through phase 1 and qualified by stage, offered; Ben: phase 1 done, waiting;
    // Cleo: one step in; Dan: bought.
    auto ada = m_store->get<core::Contact>(m_readers[0]);
    ada.stage = core::Stage::Relationship;
    m_store->update(ada);
    auto a = m_engine.enroll(m_readers[0], seq);
    for (int i = 0; i < 4; ++i) {
        a = m_engine.markDone(a.id);
    }
    auto b = m_engine.enroll(m_readers[1], seq);
    for (int i = 0; i < 3; ++i) {
        b = m_engine.markDone(b.id);
    }
    m_engine.markDone(m_engine.enroll(m_readers[2], seq).id);
    m_engine.enroll(m_looker, seq);
    core::Interaction purchase;
    purchase.contactId = m_looker;
    purchase.at = m_clock.now();
    purchase.kind = core::InteractionKind::Purchase;
    m_engine.logInteraction(purchase);

    SequencesPage page(*m_store, m_undo, m_clock);
    page.refresh();
    const auto f = m_engine.funnel(seq);
    EXPECT_EQ(f.enrolled, 4);
    EXPECT_EQ(f.phase1Done, 2);
    EXPECT_EQ(f.offered, 1);
    EXPECT_EQ(f.converted, 1);
    FunnelChart* chart = page.funnel();
    for (int stage = 0; stage < core::Funnel::kStages; ++stage) {
        EXPECT_EQ(chart->countText(stage), QString::number(f.at(stage))) << stage;
        EXPECT_EQ(chart->barValue(stage), f.at(stage)) << stage;
    }
    EXPECT_EQ(chart->rateText(1), QStringLiteral("50% of enrolled"));

    // The chart follows the palette: a dark one gives light labels and its own bar colour.
    QPalette dark = chart->palette();
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::Window, QColor(0x22, 0x22, 0x22));
    dark.setColor(QPalette::Highlight, QColor(0x4a, 0x90, 0xd9));
    chart->setPalette(dark);
    const auto axes = chart->chart()->axes(Qt::Vertical);
    ASSERT_FALSE(axes.isEmpty());
    EXPECT_EQ(axes.front()->labelsColor(), QColor(0xee, 0xee, 0xee));
    const auto* series = qobject_cast<QAbstractBarSeries*>(chart->chart()->series().front());
    ASSERT_NE(series, nullptr);
    EXPECT_EQ(series->barSets().front()->color(), QColor(0x4a, 0x90, 0xd9));
    EXPECT_TRUE(page.summaryText().contains("2 inbound replies since enrolment"));
}

TEST_F(SequencesTest, DeletingASequenceTakesItsEnrollmentsAndUndoBringsThemBack) {
    const core::Id seq = addBookLaunch();
    auto e = m_engine.markDone(m_engine.enroll(m_readers[0], seq).id);
    SequencesPage page(*m_store, m_undo, m_clock);
    page.refresh();
    page.removeSequence(seq);
    EXPECT_EQ(m_store->count<core::Sequence>(), 0);
    EXPECT_EQ(m_store->count<core::Enrollment>(), 0);
    m_stack.undo();
    const auto back = m_store->get<core::Enrollment>(e.id);
    EXPECT_EQ(back.sequenceId, seq);
    EXPECT_EQ(back.currentStepId, e.currentStepId);
    EXPECT_EQ(back.stepsDone, e.stepsDone);
}

TEST_F(SequencesTest, EditingKeepsDueDatesAndRefusesToDropAStepSomeoneIsOn) {
    const core::Id seq = addBookLaunch();
    const auto e = m_engine.enroll(m_readers[0], seq);
    SequenceEditor editor(m_undo, m_store->get<core::Sequence>(seq));
    editor.steps(1)->setCurrentCell(0, 0);
    editor.steps(1)->removeCurrent();
    clickSave(&editor);
    EXPECT_NE(editor.result(), QDialog::Accepted);
    EXPECT_TRUE(
        editor.errors()->message(QStringLiteral("phase1")).contains("next step for 1 person"))
        << editor.errors()->message(QStringLiteral("phase1")).toStdString();
    EXPECT_EQ(m_store->get<core::Sequence>(seq).steps.size(), 5u);

    SequenceEditor edit(m_undo, m_store->get<core::Sequence>(seq));
    edit.steps(1)->setDelay(0, 9);
    clickSave(&edit);
    ASSERT_EQ(edit.result(), QDialog::Accepted);
    EXPECT_EQ(m_store->get<core::Sequence>(seq).steps[0].delayDays, 9);
    EXPECT_EQ(m_store->get<core::Enrollment>(e.id).nextDue, m_day);  // the date already set
    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Sequence>(seq).steps[0].delayDays, 0);
    EXPECT_EQ(m_store->get<core::Enrollment>(e.id).currentStepId, e.currentStepId);
}

}  // namespace
}  // namespace rapport::ui
