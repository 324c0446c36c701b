// The feedback loop on screen, over the demo workspace: an idea raised from an interaction (new,
// or another ask for an idea already noted) as one undo step; the Ideas page ranked as core
// ranks it, with the askers of the selected idea; an idea turned into a post in one undo step;
// and the idea shown covered while its post is published, and no longer once that is undone.

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>

#include "core/store.h"
#include "core/timeutil.h"
#include "core/topicideas.h"
#include "testsupport.h"
#include "ui/demoworkspace.h"
#include "ui/displaytext.h"
#include "ui/ideacommands.h"
#include "ui/ideasmodel.h"
#include "ui/ideaspage.h"
#include "ui/raiseideadialog.h"
#include "ui/recordlist.h"
#include "ui/undocontext.h"
#include "ui/updaterecord.h"

namespace rapport::ui {
namespace {

void clickSave(QDialog* dialog) {
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    buttons->button(QDialogButtonBox::Save)->click();
}

class IdeasTest : public ::testing::Test {
protected:
    void SetUp() override {
        seedDemoWorkspace(*m_store, kDemoAnchor);
        // An interaction that raised nothing yet, and whose contact has a niche.
        for (const auto& i : m_store->list<core::Interaction>()) {
            const auto contact = m_store->get<core::Contact>(i.contactId);
            if (core::ideasRaisedBy(*m_store, i.id).empty() && contact.nicheId && !i.note.empty()) {
                m_fresh = i;
                m_freshNiche = *contact.nicheId;
                break;
            }
        }
        ASSERT_NE(m_fresh.id, 0);
    }

    std::vector<core::Id> rankedIds() {
        std::vector<core::Id> out;
        for (const auto& r : core::rankedIdeas(*m_store)) {
            out.push_back(r.id);
        }
        return out;
    }

    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};
    core::Interaction m_fresh;
    core::Id m_freshNiche = 0;
};

TEST_F(IdeasTest, RaisingANewIdeaFromAnInteractionIsOneUndoStep) {
    const auto before = m_store->count<core::TopicIdea>();
    RaiseIdeaDialog dialog(m_undo, m_fresh.id);
    dialog.show();
    // The title is suggested from what was said, the niche from who said it.
    auto* title = dialog.findChild<QLineEdit*>(QStringLiteral("title"));
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->text(), qs(core::suggestedIdeaTitle(m_fresh)));
    auto* niche = dialog.findChild<QComboBox*>(QStringLiteral("niche"));
    EXPECT_EQ(niche->currentData().toLongLong(), m_freshNiche);
    EXPECT_EQ(dialog.findChild<QLabel*>(QStringLiteral("interactionNote"))->text(),
              qs(m_fresh.note));

    title->setText(QStringLiteral("How long until SEO works?"));
    clickSave(&dialog);
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    const core::Id id = dialog.savedIdeaId();
    ASSERT_NE(id, 0);
    const auto idea = m_store->get<core::TopicIdea>(id);
    EXPECT_EQ(idea.title, "How long until SEO works?");
    EXPECT_EQ(idea.askedBy, std::vector<core::Id>{m_fresh.id});
    EXPECT_EQ(idea.nicheId, m_freshNiche);
    EXPECT_EQ(idea.status, core::IdeaStatus::New);
    EXPECT_EQ(m_store->count<core::TopicIdea>(), before + 1);
    ASSERT_EQ(m_stack.count(), 1);

    m_stack.undo();
    EXPECT_EQ(m_store->count<core::TopicIdea>(), before);
    EXPECT_TRUE(core::ideasRaisedBy(*m_store, m_fresh.id).empty());
    m_stack.redo();
    EXPECT_EQ(core::ideasRaisedBy(*m_store, m_fresh.id).size(), 1u);
}

TEST_F(IdeasTest, AnotherAskForAnExistingIdeaMovesItUpTheRanking) {
    // The idea ranked third gets two more asks and overtakes the one above it.
    const auto ranked = core::rankedIdeas(*m_store);
    ASSERT_GE(ranked.size(), 3u);
    const core::Id third = ranked[2].id;
    const auto askedBefore = ranked[2].askedCount;

    RaiseIdeaDialog dialog(m_undo, m_fresh.id);
    dialog.setAddsToExisting(true);
    ASSERT_TRUE(dialog.selectIdea(third));
    EXPECT_FALSE(dialog.findChild<QLineEdit*>(QStringLiteral("title"))->isEnabled());
    clickSave(&dialog);
    EXPECT_EQ(dialog.savedIdeaId(), third);
    EXPECT_EQ(core::rankedIdea(*m_store, third)->askedCount, askedBefore + 1);
    EXPECT_EQ(core::ideasRaisedBy(*m_store, m_fresh.id), std::vector<core::Id>{third});
    EXPECT_EQ(m_stack.count(), 1);

    // The same interaction cannot ask twice: the idea is offered but not pickable.
    RaiseIdeaDialog again(m_undo, m_fresh.id);
    auto* ideas = again.findChild<QComboBox*>(QStringLiteral("idea"));
    ASSERT_NE(ideas, nullptr);
    EXPECT_NE(ideas->currentData().toLongLong(), third);
    EXPECT_TRUE(again.findChild<QLabel*>(QStringLiteral("alreadyRaised"))->isVisibleTo(&again));

    m_stack.undo();
    EXPECT_EQ(core::rankedIdea(*m_store, third)->askedCount, askedBefore);
}

TEST_F(IdeasTest, ABlankTitleIsSaidAndNothingIsSaved) {
    const auto before = m_store->count<core::TopicIdea>();
    RaiseIdeaDialog dialog(m_undo, m_fresh.id);
    dialog.show();
    dialog.findChild<QLineEdit*>(QStringLiteral("title"))->setText(QStringLiteral("   "));
    clickSave(&dialog);
    EXPECT_NE(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.savedIdeaId(), 0);
    EXPECT_EQ(m_store->count<core::TopicIdea>(), before);
    EXPECT_EQ(m_stack.count(), 0);
    bool shown = false;
    for (auto* label : dialog.findChildren<QLabel*>()) {
        shown = shown || (label->isVisible() &&
                          label->text().contains(QStringLiteral("idea"), Qt::CaseInsensitive) &&
                          label->text().contains(QStringLiteral("empty")));
    }
    EXPECT_TRUE(shown) << "the title's problem is said next to it";
}

TEST_F(IdeasTest, RaiseTopicIdeaIsTheOneCallTheTimelineMakes) {
    QTimer::singleShot(0, [] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        dialog->findChild<QLineEdit*>(QStringLiteral("title"))
            ->setText(QStringLiteral("Raised from the timeline"));
        clickSave(dialog);
    });
    EXPECT_TRUE(raiseTopicIdea(nullptr, m_undo, m_fresh.id));
    const auto raised = core::ideasRaisedBy(*m_store, m_fresh.id);
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(m_store->get<core::TopicIdea>(raised[0]).title, "Raised from the timeline");

    QTimer::singleShot(0, [] {
        if (auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget())) {
            dialog->reject();
        }
    });
    EXPECT_FALSE(raiseTopicIdea(nullptr, m_undo, m_fresh.id));
    EXPECT_EQ(m_stack.count(), 1);
}

TEST_F(IdeasTest, ThePageRanksAsCoreDoesAndShowsWhoAsked) {
    IdeasPage page(*m_store, m_undo);
    page.resize(1000, 700);
    page.show();
    ASSERT_TRUE(test::waitUntil([&] { return !page.isStale(); }));
    IdeasModel* model = page.model();
    const auto ids = rankedIds();
    ASSERT_EQ(model->rowCount(), static_cast<int>(ids.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        EXPECT_EQ(model->index(row, 0).data(RecordIdRole).toLongLong(), ids[row]);
        const auto idea = m_store->get<core::TopicIdea>(ids[row]);
        EXPECT_EQ(model->index(row, IdeasModel::Asked).data().toLongLong(),
                  static_cast<qlonglong>(idea.askedBy.size()));
        EXPECT_EQ(model->index(row, IdeasModel::Status).data().toString(),
                  capitalized(words(core::ideaStatus(*m_store, idea))));
    }
    // The most asked idea is selected, with its askers listed newest first.
    ASSERT_EQ(page.currentId(), ids[0]);
    const auto askers = core::askersOf(*m_store, ids[0]);
    const QStringList shown = page.askers()->recordTexts();
    ASSERT_EQ(shown.size(), static_cast<int>(askers.size()));
    for (std::size_t i = 0; i < askers.size(); ++i) {
        EXPECT_TRUE(shown[static_cast<int>(i)].startsWith(qs(askers[i].contactName)));
    }
    EXPECT_TRUE(page.headerText().contains(QStringLiteral("topic ideas")));

    // A new ask reaches the page after the store announces it.
    const core::Id last = ids.back();
    auto idea = m_store->get<core::TopicIdea>(last);
    const auto before = idea;
    for (const auto& i : m_store->list<core::Interaction>()) {
        if (idea.askedBy.size() >= 5) {
            break;
        }
        idea = core::withAsker(idea, i.id);
    }
    m_undo.perform(std::make_unique<UpdateRecord<core::TopicIdea>>(m_undo, before, idea,
                                                                   QStringLiteral("asks")));
    ASSERT_TRUE(test::waitUntil(
        [&] { return model->index(0, 0).data(RecordIdRole).toLongLong() == last; }));
}

TEST_F(IdeasTest, AnIdeaBecomesAPostInOneStepAndIsCoveredWhenItIsPublished) {
    IdeasPage page(*m_store, m_undo);
    page.show();
    ASSERT_TRUE(test::waitUntil([&] { return !page.isStale(); }));
    // A new idea with no post yet.
    const auto all = core::rankedIdeas(*m_store);
    const auto it = std::find_if(all.begin(), all.end(), [](const core::RankedIdea& r) {
        return r.status == core::IdeaStatus::New && !r.postId;
    });
    ASSERT_NE(it, all.end());
    const core::Id ideaId = it->id;
    const auto posts = m_store->count<core::Post>();
    ASSERT_TRUE(page.select(ideaId));

    page.findChild<QPushButton*>(QStringLiteral("turnIntoPost"))->click();
    ASSERT_EQ(m_store->count<core::Post>(), posts + 1);
    ASSERT_EQ(m_stack.count(), 1);
    const auto row = core::rankedIdea(*m_store, ideaId);
    ASSERT_TRUE(row && row->postId);
    const core::Post post = m_store->get<core::Post>(*row->postId);
    EXPECT_EQ(post.topicIdeaId, ideaId);
    EXPECT_EQ(post.title, it->title);
    EXPECT_EQ(post.nicheId, it->nicheId);
    EXPECT_EQ(post.status, core::PostStatus::Draft);
    EXPECT_EQ(m_store->get<core::TopicIdea>(ideaId).status, core::IdeaStatus::Planned);
    const auto statusShown = [&] {
        return page.model()
            ->index(page.model()->rowOf(ideaId), IdeasModel::Status)
            .data()
            .toString();
    };
    ASSERT_TRUE(test::waitUntil([&] { return statusShown() == QStringLiteral("Planned"); }));
    EXPECT_EQ(page.currentId(), ideaId);

    // One undo takes both back; redo makes both again.
    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Post>(), posts);
    EXPECT_EQ(m_store->get<core::TopicIdea>(ideaId).status, core::IdeaStatus::New);
    ASSERT_TRUE(test::waitUntil([&] { return statusShown() == QStringLiteral("New"); }));
    m_stack.redo();
    EXPECT_EQ(m_store->count<core::Post>(), posts + 1);
    const core::Id postId = *core::rankedIdea(*m_store, ideaId)->postId;
    EXPECT_EQ(m_store->get<core::Post>(postId).topicIdeaId, ideaId);

    // Publishing the post covers the idea; undoing the publish uncovers it.
    core::Post published = m_store->get<core::Post>(postId);
    published.status = core::PostStatus::Published;
    published.scheduledAt = *core::parseInstant("2026-11-20T15:00:00Z");
    m_undo.perform(std::make_unique<UpdateRecord<core::Post>>(
        m_undo, m_store->get<core::Post>(postId), published, QStringLiteral("Publish")));
    ASSERT_TRUE(test::waitUntil([&] { return statusShown() == QStringLiteral("Covered"); }));
    EXPECT_EQ(core::ideaStatus(*m_store, m_store->get<core::TopicIdea>(ideaId)),
              core::IdeaStatus::Covered);
    m_stack.undo();
    ASSERT_TRUE(test::waitUntil([&] { return statusShown() == QStringLiteral("Planned"); }));
    m_stack.redo();
    ASSERT_TRUE(test::waitUntil([&] { return statusShown() == QStringLiteral("Covered"); }));
}

TEST_F(IdeasTest, TheActionButtonsShowTheirWholeTextAndKeepTheirPlace) {
    IdeasPage page(*m_store, m_undo);
    page.resize(1000, 700);
    page.show();
    ASSERT_TRUE(test::waitUntil([&] { return !page.isStale(); }));
    auto* toPost = page.findChild<QPushButton*>(QStringLiteral("turnIntoPost"));
    auto* drop = page.findChild<QPushButton*>(QStringLiteral("dropIdea"));
    ASSERT_NE(toPost, nullptr);
    ASSERT_NE(drop, nullptr);
    // The demo has an idea with a post (another post from it), one without, and a dropped one.
    QSet<QString> texts;
    std::optional<QRect> toPostAt;
    std::optional<QRect> dropAt;
    for (const auto& idea : core::rankedIdeas(*m_store)) {
        ASSERT_TRUE(page.select(idea.id));
        QApplication::processEvents();
        for (QPushButton* button : {toPost, drop}) {
            texts.insert(button->text());
            QStyleOptionButton option;
            option.initFrom(button);
            option.text = button->text();
            const QRect contents =
                button->style()->subElementRect(QStyle::SE_PushButtonContents, &option, button);
            const int margin = button->style()->pixelMetric(QStyle::PM_ButtonMargin);
            EXPECT_GE(contents.width(),
                      button->fontMetrics().horizontalAdvance(button->text()) + 2 * margin)
                << button->text().toStdString();
        }
        // Neither moves nor changes its size with its text.
        EXPECT_EQ(toPost->geometry(), toPostAt.value_or(toPost->geometry()));
        EXPECT_EQ(drop->geometry(), dropAt.value_or(drop->geometry()));
        toPostAt = toPost->geometry();
        dropAt = drop->geometry();
    }
    for (const char* text : {"Another post from it", "Turn into a post", "Drop", "Reopen"}) {
        EXPECT_TRUE(texts.contains(QString::fromLatin1(text))) << text;
    }
}

TEST_F(IdeasTest, AnInteractionDeletedMeanwhileCannotRaiseAnything) {
    RaiseIdeaDialog dialog(m_undo, 987654);
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    EXPECT_FALSE(buttons->button(QDialogButtonBox::Save)->isEnabled());
    dialog.accept();  // even when forced, nothing is written
    EXPECT_EQ(dialog.savedIdeaId(), 0);
    EXPECT_EQ(m_stack.count(), 0);
}

TEST(IdeasPageEmpty, WithoutChannelsTheReasonIsShownAndNothingChanges) {
    auto store = core::Store::openInMemory();
    QUndoStack stack;
    UndoContext undo(*store, &stack);
    core::TopicIdea idea;
    idea.title = "An idea";
    const core::Id id = store->add(idea);
    IdeasPage page(*store, undo);
    page.show();
    ASSERT_TRUE(test::waitUntil([&] { return !page.isStale(); }));
    EXPECT_EQ(page.turnIntoPost(id), 0);
    EXPECT_TRUE(page.errorText().contains(QStringLiteral("channel")));
    EXPECT_EQ(store->count<core::Post>(), 0);
    EXPECT_EQ(stack.count(), 0);
}

}  // namespace
}  // namespace rapport::ui
