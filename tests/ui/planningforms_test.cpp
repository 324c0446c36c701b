// The channel and niche forms: a channel's defaults follow its kind until the user changes a
// field; a channel with posts cannot be deleted and says why; the niche's guided form says
// what is still empty; bad input is named next to its field and nothing is saved.

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/store.h"
#include "planningsupport.h"
#include "testsupport.h"
#include "ui/channeldialog.h"
#include "ui/channelstab.h"
#include "ui/checklist.h"
#include "ui/formerrors.h"
#include "ui/nichedialog.h"
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
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
}

void chooseKind(QWidget* dialog, core::ChannelKind kind) {
    auto* box = field<QComboBox>(dialog, "kind");
    box->setCurrentIndex(box->findData(static_cast<int>(kind)));
}

class PlanningFormsTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};
};

TEST_F(PlanningFormsTest, ANewChannelTakesTheDefaultsOfItsKind) {
    ChannelDialog dialog(m_undo, std::nullopt);
    dialog.show();
    struct Case {
        core::ChannelKind kind;
        const char* name;
        int limit;  // 0: no limit
        int cap;    // 0: no cap
        const char* times;
    };
    const Case cases[] = {
        {core::ChannelKind::X, "X", 280, 3, "08:30, 12:15, 17:00"},
        {core::ChannelKind::LinkedIn, "LinkedIn", 3000, 1, "08:00"},
        {core::ChannelKind::Instagram, "Instagram", 2200, 2, "11:00, 19:00"},
        {core::ChannelKind::Newsletter, "Newsletter", 0, 1, "06:30"},
        {core::ChannelKind::Other, "Other", 0, 0, "09:00"},
    };
    for (const Case& k : cases) {
        chooseKind(&dialog, k.kind);
        const core::Channel defaults = core::Channel::withDefaults(k.kind);
        EXPECT_EQ(field<QLineEdit>(&dialog, "name")->text(), QString::fromLatin1(k.name));
        EXPECT_EQ(field<QSpinBox>(&dialog, "charLimit")->value(), k.limit) << k.name;
        EXPECT_EQ(field<QSpinBox>(&dialog, "dailyCap")->value(), k.cap) << k.name;
        EXPECT_EQ(field<QLineEdit>(&dialog, "preferredTimes")->text(),
                  QString::fromLatin1(k.times));
        const core::Channel shown = dialog.values();
        EXPECT_EQ(shown.charLimit, defaults.charLimit) << k.name;
        EXPECT_EQ(shown.dailyCap, defaults.dailyCap) << k.name;
        EXPECT_EQ(shown.preferredTimes, defaults.preferredTimes) << k.name;
    }
}

TEST_F(PlanningFormsTest, ChangingTheKindLeavesWhatTheUserTypedAlone) {
    ChannelDialog dialog(m_undo, std::nullopt);
    dialog.show();
    chooseKind(&dialog, core::ChannelKind::X);
    auto* name = field<QLineEdit>(&dialog, "name");
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Maya on X"));
    field<QSpinBox>(&dialog, "dailyCap")->setValue(5);
    chooseKind(&dialog, core::ChannelKind::Instagram);
    EXPECT_EQ(name->text(), QStringLiteral("Maya on X"));
    EXPECT_EQ(field<QSpinBox>(&dialog, "dailyCap")->value(), 5);
    // The untouched ones follow the kind.
    EXPECT_EQ(field<QSpinBox>(&dialog, "charLimit")->value(), 2200);
    EXPECT_EQ(field<QLineEdit>(&dialog, "preferredTimes")->text(), QStringLiteral("11:00, 19:00"));
    EXPECT_TRUE(
        field<QLabel>(&dialog, "defaultsNote")->text().contains(QStringLiteral("Instagram")));

    // An existing channel keeps its values when its kind changes.
    ChannelDialog edit(m_undo, m_store->get<core::Channel>(m_ids.linkedIn));
    edit.show();
    chooseKind(&edit, core::ChannelKind::X);
    EXPECT_EQ(field<QSpinBox>(&edit, "charLimit")->value(), 3000);
    EXPECT_EQ(field<QLineEdit>(&edit, "name")->text(), QStringLiteral("LinkedIn"));
}

TEST_F(PlanningFormsTest, AChannelWithABadTimeOrATakenNameIsNotSaved) {
    ChannelDialog dialog(m_undo, std::nullopt);
    dialog.show();
    chooseKind(&dialog, core::ChannelKind::Podcast);
    field<QLineEdit>(&dialog, "preferredTimes")->setText(QStringLiteral("5:00, 8.30"));
    clickSave(&dialog);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.errors()->message(QStringLiteral("preferredTimes")),
              QStringLiteral("“8.30” is not a time of day. Write times like 08:30, 12:15, 17:00."));

    field<QLineEdit>(&dialog, "preferredTimes")->setText(QStringLiteral("17:00 5:00"));
    field<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Blog"));
    clickSave(&dialog);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_TRUE(dialog.errors()
                    ->message(QStringLiteral("name"))
                    .startsWith(QStringLiteral("The name \"Blog\" is already used by channel")))
        << dialog.errors()->message(QStringLiteral("name")).toStdString();
    EXPECT_TRUE(dialog.errors()->message(QStringLiteral("preferredTimes")).isEmpty());
    EXPECT_EQ(m_store->count<core::Channel>(), 3);

    field<QLineEdit>(&dialog, "name")->setText(QStringLiteral("The Small Shop Show"));
    clickSave(&dialog);
    ASSERT_FALSE(dialog.isVisible());
    const core::Channel saved = m_store->get<core::Channel>(dialog.savedId());
    EXPECT_EQ(saved.kind, core::ChannelKind::Podcast);
    EXPECT_EQ(saved.preferredTimes,
              (std::vector<core::TimeOfDay>{core::TimeOfDay{300}, core::TimeOfDay{1020}}));
    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Channel>(), 3);
}

TEST_F(PlanningFormsTest, DeletingAChannelWithPostsShowsCoresSentence) {
    core::Post post;
    post.title = "Keyword Monday";
    post.channelId = m_ids.x;
    m_store->add(post);
    ChannelsTab tab(m_undo);
    tab.show();
    EXPECT_FALSE(tab.deleteChannel(m_ids.x));
    auto* box = test::findVisible<QMessageBox>(&tab, QStringLiteral("deleteRefused"));
    ASSERT_NE(box, nullptr);
    EXPECT_EQ(box->text(), QStringLiteral("“X” still has 1 posts; move or delete them first."));
    box->close();
    EXPECT_TRUE(m_store->find<core::Channel>(m_ids.x));
    EXPECT_EQ(m_stack.count(), 0);

    EXPECT_TRUE(tab.deleteChannel(m_ids.blog));
    EXPECT_FALSE(m_store->find<core::Channel>(m_ids.blog));
    m_stack.undo();
    EXPECT_TRUE(m_store->find<core::Channel>(m_ids.blog));
}

TEST_F(PlanningFormsTest, TheNicheFormSaysWhatIsStillEmpty) {
    NicheDialog dialog(m_undo, std::nullopt);
    dialog.show();
    EXPECT_EQ(dialog.stillEmptyText(),
              QStringLiteral("Still empty: its name, the topic, who they are, their questions, "
                             "where they gather, what makes you unique, what only you provide "
                             "and your draw."));
    field<QLineEdit>(&dialog, "name")->setText(QStringLiteral("Podcasters"));
    field<QLineEdit>(&dialog, "topic")->setText(QStringLiteral("Shows about small business"));
    field<QPlainTextEdit>(&dialog, "whoTheyAre")->setPlainText(QStringLiteral("Hosts"));
    field<QPlainTextEdit>(&dialog, "questions")->setPlainText(QStringLiteral("How to grow?"));
    // A ticked channel answers "where they gather" as well as words do.
    field<CheckList>(&dialog, "gatherChannels")->setChecked(m_ids.linkedIn, true);
    field<QPlainTextEdit>(&dialog, "unique")->setPlainText(QStringLiteral("I host one too"));
    field<QPlainTextEdit>(&dialog, "provides")->setPlainText(QStringLiteral("Guest swaps"));
    EXPECT_EQ(dialog.stillEmptyText(), QStringLiteral("Still empty: your draw."));
    EXPECT_TRUE(field<QLabel>(&dialog, "stillEmpty")->isVisible());
    field<QPlainTextEdit>(&dialog, "draw")->setPlainText(QStringLiteral("A guest-swap list"));
    EXPECT_TRUE(dialog.stillEmptyText().startsWith(QStringLiteral("Every question has an answer")));

    clickSave(&dialog);
    ASSERT_FALSE(dialog.isVisible());
    const core::Niche saved = m_store->get<core::Niche>(dialog.savedId());
    EXPECT_EQ(saved.draw, "A guest-swap list");
    EXPECT_EQ(saved.gatherChannelIds, std::vector<core::Id>{m_ids.linkedIn});
    m_stack.undo();
    EXPECT_FALSE(m_store->find<core::Niche>(dialog.savedId()));
}

TEST_F(PlanningFormsTest, TheNicheFormRefusesAnEmptyTopic) {
    NicheDialog dialog(m_undo, m_store->get<core::Niche>(m_ids.agencies));
    dialog.show();
    EXPECT_EQ(dialog.stillEmptyText(),
              QStringLiteral("Still empty: who they are, their questions, what makes you "
                             "unique, what only you provide and your draw."));
    field<QLineEdit>(&dialog, "topic")->clear();
    clickSave(&dialog);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.errors()->message(QStringLiteral("topic")),
              QStringLiteral("The topic must not be empty."));
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.agencies).topic, "Agencies that write web content");
    EXPECT_EQ(m_stack.count(), 0);
}

}  // namespace
}  // namespace rapport::ui
