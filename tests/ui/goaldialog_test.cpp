// The goal form: bad input is named next to its field and nothing is saved, the form staying
// open; good input is saved as one undo step; the vanity conversion on the Goals tab is one
// click and one undo step.

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/goalprogress.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "planningsupport.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/goaldialog.h"
#include "ui/goalstab.h"
#include "ui/goaltablemodel.h"
#include "ui/undocontext.h"

namespace rapport::ui {
namespace {

template <class T>
T* field(QWidget* dialog, const char* name) {
    T* widget = dialog->findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(widget, nullptr) << name;
    return widget;
}

void clickSave(QDialog* dialog) {
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    buttons->button(QDialogButtonBox::Save)->click();
}

void selectData(QComboBox* box, const QVariant& data) {
    const int index = box->findData(data);
    ASSERT_GE(index, 0);
    box->setCurrentIndex(index);
}

class GoalDialogTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    core::FixedClock m_clock{test::planningNow()};
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};

    std::unique_ptr<GoalDialog> openNew() {
        auto dialog = std::make_unique<GoalDialog>(m_undo, m_clock, std::nullopt);
        dialog->show();
        return dialog;
    }

    // A valid new goal in the form: 10 relationships among SEO readers by the end of January.
    void fillValid(QWidget* dialog) {
        field<QLineEdit>(dialog, "title")->setText(QStringLiteral("Ten more relationships"));
        field<QPlainTextEdit>(dialog, "why")->setPlainText(QStringLiteral("They buy the book."));
        selectData(field<QComboBox>(dialog, "metric"),
                   static_cast<int>(core::MetricKind::Relationships));
        selectData(field<QComboBox>(dialog, "niche"), QVariant::fromValue<qlonglong>(m_ids.seo));
        field<QDateEdit>(dialog, "startDate")->setDate(QDate(2026, 11, 23));
        field<QDateEdit>(dialog, "deadline")->setDate(QDate(2027, 1, 31));
        field<QDoubleSpinBox>(dialog, "target")->setValue(16);
    }
};

TEST_F(GoalDialogTest, ANewGoalStartsFromWhatTheWorkspaceCountsToday) {
    auto dialog = openNew();
    selectData(field<QComboBox>(dialog.get(), "niche"), QVariant::fromValue<qlonglong>(m_ids.seo));
    EXPECT_EQ(field<QDoubleSpinBox>(dialog.get(), "baseline")->value(), 6);
    EXPECT_EQ(field<QLabel>(dialog.get(), "computedNow")->text(),
              QStringLiteral("6, counted from the workspace"));
    EXPECT_TRUE(field<QDoubleSpinBox>(dialog.get(), "manualValue")->isHidden());

    // A hand-entered metric asks for the value and, for followers, says why it is a vanity one.
    selectData(field<QComboBox>(dialog.get(), "metric"),
               static_cast<int>(core::MetricKind::AudienceSize));
    EXPECT_FALSE(field<QDoubleSpinBox>(dialog.get(), "manualValue")->isHidden());
    EXPECT_TRUE(field<QFrame>(dialog.get(), "vanityNote")->isVisible());
    field<QPushButton>(dialog.get(), "switchMetric")->click();
    EXPECT_EQ(field<QComboBox>(dialog.get(), "metric")->currentData().toInt(),
              static_cast<int>(core::MetricKind::Relationships));
    EXPECT_FALSE(field<QFrame>(dialog.get(), "vanityNote")->isVisible());
}

TEST_F(GoalDialogTest, RefusesATargetEqualToTheBaseline) {
    auto dialog = openNew();
    fillValid(dialog.get());
    field<QDoubleSpinBox>(dialog.get(), "baseline")->setValue(16);
    clickSave(dialog.get());
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->errors()->message(QStringLiteral("target")),
              QStringLiteral("The target must differ from the baseline, or there is nothing to "
                             "reach."));
    EXPECT_TRUE(field<QLabel>(dialog.get(), "error-target")->isVisible());
    EXPECT_EQ(m_store->count<core::Goal>(), 2);
    EXPECT_EQ(m_stack.count(), 0);
}

TEST_F(GoalDialogTest, RefusesADeadlineBeforeTheStart) {
    auto dialog = openNew();
    fillValid(dialog.get());
    field<QDateEdit>(dialog.get(), "deadline")->setDate(QDate(2026, 11, 1));
    clickSave(dialog.get());
    EXPECT_TRUE(dialog->isVisible());
    const QString message = dialog->errors()->message(QStringLiteral("deadline"));
    EXPECT_TRUE(message.startsWith(QStringLiteral("The deadline must be after the start date")))
        << message.toStdString();
    EXPECT_TRUE(field<QLabel>(dialog.get(), "error-deadline")->isVisible());
    EXPECT_EQ(m_store->count<core::Goal>(), 2);
}

TEST_F(GoalDialogTest, RefusesAnEmptyTitleAndThenSavesOnceFixed) {
    auto dialog = openNew();
    fillValid(dialog.get());
    field<QLineEdit>(dialog.get(), "title")->setText(QStringLiteral("   "));
    clickSave(dialog.get());
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->errors()->message(QStringLiteral("title")),
              QStringLiteral("The goal must not be empty."));
    EXPECT_EQ(m_store->count<core::Goal>(), 2);

    field<QLineEdit>(dialog.get(), "title")->setText(QStringLiteral("Ten more relationships"));
    clickSave(dialog.get());
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(dialog->result(), QDialog::Accepted);
    EXPECT_FALSE(dialog->errors()->isShowing());
}

TEST_F(GoalDialogTest, SavesEveryFieldAsOneUndoStep) {
    auto dialog = openNew();
    fillValid(dialog.get());
    selectData(field<QComboBox>(dialog.get(), "status"),
               static_cast<int>(core::GoalStatus::Active));
    clickSave(dialog.get());
    ASSERT_FALSE(dialog->isVisible());
    const core::Id id = dialog->savedId();
    const core::Goal saved = m_store->get<core::Goal>(id);
    EXPECT_EQ(saved.title, "Ten more relationships");
    EXPECT_EQ(saved.why, "They buy the book.");
    EXPECT_EQ(saved.metric, core::MetricKind::Relationships);
    EXPECT_EQ(saved.nicheId, m_ids.seo);
    EXPECT_EQ(saved.baseline, 6);
    EXPECT_EQ(saved.target, 16);
    EXPECT_EQ(saved.startDate, *core::parseDate("2026-11-23"));
    EXPECT_EQ(saved.deadline, *core::parseDate("2027-01-31"));
    EXPECT_FALSE(saved.manualValue.has_value());
    ASSERT_EQ(m_stack.count(), 1);
    EXPECT_EQ(m_stack.undoText(), QStringLiteral("Add goal “Ten more relationships”"));
    m_stack.undo();
    EXPECT_FALSE(m_store->find<core::Goal>(id));
}

TEST_F(GoalDialogTest, EditsAHandEnteredGoalAndUndoRestoresIt) {
    const core::Goal before = m_store->get<core::Goal>(m_ids.audienceGoal);
    GoalDialog dialog(m_undo, m_clock, before);
    dialog.show();
    EXPECT_EQ(field<QDoubleSpinBox>(&dialog, "manualValue")->value(), 3410);
    field<QDoubleSpinBox>(&dialog, "manualValue")->setValue(3600);
    clickSave(&dialog);
    ASSERT_FALSE(dialog.isVisible());
    EXPECT_EQ(m_store->get<core::Goal>(m_ids.audienceGoal).manualValue, 3600);
    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Goal>(m_ids.audienceGoal).manualValue, 3410);

    // Saving without a change adds no undo step.
    GoalDialog again(m_undo, m_clock, m_store->get<core::Goal>(m_ids.audienceGoal));
    again.show();
    clickSave(&again);
    EXPECT_EQ(m_stack.index(), 0);
}

class GoalsTabTest : public GoalDialogTest {
protected:
    GoalsTab m_tab{m_undo, m_clock};
};

TEST_F(GoalsTabTest, AnAudienceGoalShowsTheVanityNoteAndConvertsInOneClick) {
    m_tab.show();
    m_tab.select(m_ids.relationshipsGoal);
    EXPECT_FALSE(m_tab.vanityCard()->isVisible());
    m_tab.select(m_ids.audienceGoal);
    ASSERT_TRUE(m_tab.vanityCard()->isVisible());
    auto* note = m_tab.vanityCard()->findChild<QLabel*>(QStringLiteral("vanityNote"));
    ASSERT_NE(note, nullptr);
    EXPECT_EQ(note->text(), qs(core::GoalProgress::vanityNote()));

    // The card suggests a title and a target; the title stays the user's to change.
    EXPECT_EQ(m_tab.conversionTarget()->value(), 16);  // the 6 relationships there are, + 10
    EXPECT_EQ(m_tab.conversionTitle()->text(), QStringLiteral("16 real relationships"));
    m_tab.conversionTitle()->setText(QStringLiteral("Newsletter readers I actually know"));
    m_tab.conversionTarget()->setValue(20);
    const core::Goal before = m_store->get<core::Goal>(m_ids.audienceGoal);

    m_tab.conversionButton()->click();
    const core::Goal after = m_store->get<core::Goal>(m_ids.audienceGoal);
    EXPECT_EQ(after.metric,
              core::GoalProgress::suggestedReplacement(core::MetricKind::AudienceSize));
    EXPECT_EQ(after.title, "Newsletter readers I actually know");
    EXPECT_EQ(after.baseline, 6);
    EXPECT_EQ(after.target, 20);
    EXPECT_FALSE(after.manualValue.has_value());
    EXPECT_EQ(after.startDate, *core::parseDate("2026-11-23"));  // counted from today on
    EXPECT_EQ(after.deadline, before.deadline);
    EXPECT_FALSE(m_tab.vanityCard()->isVisible());
    ASSERT_EQ(m_stack.count(), 1);

    m_stack.undo();
    const core::Goal back = m_store->get<core::Goal>(m_ids.audienceGoal);
    EXPECT_EQ(back.metric, core::MetricKind::AudienceSize);
    EXPECT_EQ(back.title, before.title);
    EXPECT_EQ(back.baseline, before.baseline);
    EXPECT_EQ(back.target, before.target);
    EXPECT_EQ(back.manualValue, before.manualValue);
    EXPECT_EQ(back.startDate, before.startDate);
    EXPECT_TRUE(m_tab.vanityCard()->isVisible());
}

TEST_F(GoalsTabTest, DeletesAGoalAsOneUndoStep) {
    m_tab.show();
    const int before = m_tab.model()->rowCount();
    m_tab.deleteGoal(m_ids.relationshipsGoal);
    EXPECT_EQ(m_tab.model()->rowCount(), before - 1);
    m_stack.undo();
    EXPECT_EQ(m_tab.model()->rowCount(), before);
    EXPECT_EQ(m_tab.model()->rowOf(m_ids.relationshipsGoal), 0);
    EXPECT_EQ(m_tab.currentId(), m_ids.relationshipsGoal);
}

}  // namespace
}  // namespace rapport::ui
