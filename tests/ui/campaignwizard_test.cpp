// The campaign wizard driven to the end offscreen: what lands in the database (the campaign
// with its goals, niches, cadence and mix, the value-proposition edits, and idea posts that
// keep to the caps and the mix), undone and redone as one step; and the bad input that keeps it
// on its page with nothing saved. Then the campaign afterwards: edited, and deleted with its
// ideas, each one undo step.

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "core/contentmix.h"
#include "core/plangenerator.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "planningsupport.h"
#include "testsupport.h"
#include "ui/cadenceeditor.h"
#include "ui/campaigndialog.h"
#include "ui/campaignstab.h"
#include "ui/campaignwizard.h"
#include "ui/checklist.h"
#include "ui/createcampaign.h"
#include "ui/formerrors.h"
#include "ui/mixpolicyeditor.h"
#include "ui/undocontext.h"

namespace rapport::ui {
namespace {

class CampaignWizardTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    core::FixedClock m_clock{test::planningNow()};
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};
    CampaignWizard m_wizard{m_undo, m_clock};

    void SetUp() override { m_wizard.show(); }

    std::vector<core::Post> postsOf(core::Id campaign) const {
        std::vector<core::Post> out;
        for (auto& post : m_store->list<core::Post>()) {
            if (post.campaignId == campaign) {
                out.push_back(post);
            }
        }
        return out;
    }

    // The pages as a user would fill them, up to the cadence page.
    void fillToCadence() {
        m_wizard.nameEdit()->setText(QStringLiteral("Spring launch"));
        m_wizard.goalList()->setCheckedIds({m_ids.relationshipsGoal});
        ASSERT_TRUE(m_wizard.validateCurrentPage());
        m_wizard.next();
        ASSERT_EQ(m_wizard.currentId(), CampaignWizard::NichePageId);
        // The chosen goal's niche comes ticked.
        EXPECT_EQ(m_wizard.nicheList()->checkedIds(), std::vector<core::Id>{m_ids.seo});
        m_wizard.nicheList()->setCheckedIds({m_ids.seo, m_ids.agencies});
        m_wizard.next();
        ASSERT_EQ(m_wizard.currentId(), CampaignWizard::ValuePageId);
        m_wizard.next();
        ASSERT_EQ(m_wizard.currentId(), CampaignWizard::ChannelsPageId);
        m_wizard.next();
        ASSERT_EQ(m_wizard.currentId(), CampaignWizard::CadencePageId);
    }
};

TEST_F(CampaignWizardTest, DrivenToTheEndItCreatesTheCampaignAndItsPlanAsOneStep) {
    const auto postsBefore = m_store->count<core::Post>();
    m_wizard.nameEdit()->setText(QStringLiteral("Spring launch"));
    m_wizard.goalList()->setCheckedIds({m_ids.relationshipsGoal});
    m_wizard.next();
    ASSERT_EQ(m_wizard.currentId(), CampaignWizard::NichePageId);
    m_wizard.nicheList()->setCheckedIds({m_ids.seo, m_ids.agencies});
    m_wizard.next();

    // The value proposition of each chosen niche, shown and edited.
    ASSERT_EQ(m_wizard.currentId(), CampaignWizard::ValuePageId);
    QComboBox* niche = m_wizard.valueNicheChoice();
    ASSERT_EQ(niche->count(), 2);
    EXPECT_EQ(niche->currentData().toLongLong(), m_ids.seo);
    EXPECT_EQ(m_wizard.drawEdit()->toPlainText(), QStringLiteral("A free keyword worksheet"));
    m_wizard.drawEdit()->setPlainText(QStringLiteral("A free keyword worksheet and chapter one"));
    niche->setCurrentIndex(niche->findData(QVariant::fromValue<qlonglong>(m_ids.agencies)));
    EXPECT_EQ(m_wizard.drawEdit()->toPlainText(), QString{});
    m_wizard.drawEdit()->setPlainText(QStringLiteral("Briefing templates"));
    m_wizard.next();

    // The channels the niches gather on come ticked.
    ASSERT_EQ(m_wizard.currentId(), CampaignWizard::ChannelsPageId);
    EXPECT_EQ(m_wizard.channelList()->checkedIds(),
              (std::vector<core::Id>{m_ids.x, m_ids.linkedIn}));
    m_wizard.next();

    ASSERT_EQ(m_wizard.currentId(), CampaignWizard::CadencePageId);
    m_wizard.cadenceEditor()->spinFor(m_ids.x)->setValue(5);
    m_wizard.cadenceEditor()->spinFor(m_ids.linkedIn)->setValue(2);
    EXPECT_EQ(m_wizard.cadenceEditor()->spinFor(m_ids.blog), nullptr);
    m_wizard.next();

    ASSERT_EQ(m_wizard.currentId(), CampaignWizard::MixPageId);
    m_wizard.mixEditor()->setPreset(core::MixPreset::FourOneOne);
    m_wizard.startEdit()->setDate(QDate(2026, 11, 30));
    m_wizard.endEdit()->setDate(QDate(2026, 12, 27));
    m_wizard.next();

    ASSERT_EQ(m_wizard.currentId(), CampaignWizard::PreviewPageId);
    // 28 days: 20 posts on X (5 a week), 8 on LinkedIn (2 a week).
    ASSERT_EQ(m_wizard.plan().size(), 28u);
    QTableWidget* counts = m_wizard.previewCounts();
    ASSERT_EQ(counts->rowCount(), 2);
    EXPECT_EQ(counts->item(0, 0)->text(), QStringLiteral("X"));
    EXPECT_EQ(counts->item(0, counts->columnCount() - 1)->text(), QStringLiteral("20"));
    EXPECT_EQ(counts->item(1, counts->columnCount() - 1)->text(), QStringLiteral("8"));
    EXPECT_TRUE(m_wizard.findChild<QLabel*>(QStringLiteral("mixCheck"))
                    ->text()
                    .startsWith(QStringLiteral("Keeps to the 4-1-1 mix")));

    m_wizard.button(QWizard::FinishButton)->click();
    ASSERT_EQ(m_wizard.result(), QDialog::Accepted);
    const core::Id id = m_wizard.createdCampaignId();
    ASSERT_NE(id, 0);

    const core::Campaign campaign = m_store->get<core::Campaign>(id);
    EXPECT_EQ(campaign.name, "Spring launch");
    EXPECT_EQ(campaign.goalIds, std::vector<core::Id>{m_ids.relationshipsGoal});
    EXPECT_EQ(campaign.nicheIds, (std::vector<core::Id>{m_ids.seo, m_ids.agencies}));
    EXPECT_EQ(campaign.cadence,
              (std::vector<core::ChannelCadence>{{m_ids.x, 5}, {m_ids.linkedIn, 2}}));
    EXPECT_EQ(campaign.mix, core::MixPolicy::fromPreset(core::MixPreset::FourOneOne));
    EXPECT_EQ(campaign.startDate, *core::parseDate("2026-11-30"));
    EXPECT_EQ(campaign.endDate, *core::parseDate("2026-12-27"));
    EXPECT_EQ(campaign.status, core::CampaignStatus::Planning);
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.seo).draw,
              "A free keyword worksheet and chapter one");
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.agencies).draw, "Briefing templates");

    auto posts = postsOf(id);
    ASSERT_EQ(posts.size(), 28u);
    std::map<core::Id, int> perChannel;
    std::map<std::pair<core::Id, int>, int> perDay;
    const std::string zone = m_store->timeZone();
    std::map<core::Id, core::Channel> channels;
    for (auto& c : m_store->list<core::Channel>()) {
        channels.emplace(c.id, c);
    }
    for (const auto& post : posts) {
        EXPECT_EQ(post.status, core::PostStatus::Idea);
        ASSERT_TRUE(post.scheduledAt.has_value());
        ASSERT_TRUE(post.nicheId.has_value());
        const core::Date day = core::localDate(*post.scheduledAt, zone);
        EXPECT_GE(core::daysBetween(*campaign.startDate, day), 0);
        EXPECT_GE(core::daysBetween(day, *campaign.endDate), 0);
        const auto& times = channels.at(post.channelId).preferredTimes;
        EXPECT_NE(
            std::find(times.begin(), times.end(), core::localTimeOfDay(*post.scheduledAt, zone)),
            times.end());
        ++perChannel[post.channelId];
        ++perDay[{post.channelId, core::daysBetween(*campaign.startDate, day)}];
    }
    EXPECT_EQ(perChannel[m_ids.x], 20);
    EXPECT_EQ(perChannel[m_ids.linkedIn], 8);
    for (const auto& [key, n] : perDay) {
        EXPECT_LE(n, core::dailyCapacity(channels.at(key.first)))
            << "over the cap on day " << key.second;
    }
    // The mix as the calendar will judge these posts once scheduled.
    std::sort(posts.begin(), posts.end(), [](const core::Post& a, const core::Post& b) {
        return *a.scheduledAt < *b.scheduledAt;
    });
    std::vector<core::MixItem> items;
    for (const auto& post : posts) {
        items.push_back({post.nicheId, post.purpose, *post.scheduledAt});
    }
    EXPECT_TRUE(core::checkMix(items, campaign.mix).empty());
    EXPECT_TRUE(std::any_of(posts.begin(), posts.end(), [](const core::Post& p) {
        return core::isPromotional(p.purpose);
    })) << "a four-week plan with 4-1-1 makes at least one offer";

    // One undo step takes all of it away, and gives the niches their old words back.
    ASSERT_EQ(m_stack.count(), 1);
    EXPECT_EQ(m_stack.undoText(), QStringLiteral("Create campaign “Spring launch”"));
    m_stack.undo();
    EXPECT_FALSE(m_store->find<core::Campaign>(id));
    EXPECT_EQ(m_store->count<core::Post>(), postsBefore);
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.seo).draw, "A free keyword worksheet");
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.agencies).draw, "");

    m_stack.redo();
    ASSERT_TRUE(m_store->find<core::Campaign>(id));
    EXPECT_EQ(postsOf(id).size(), 28u);
    EXPECT_EQ(m_store->count<core::Post>(), postsBefore + 28);
    EXPECT_EQ(m_store->get<core::Niche>(m_ids.agencies).draw, "Briefing templates");
}

TEST_F(CampaignWizardTest, AnEmptyNameKeepsItOnTheFirstPage) {
    m_wizard.nameEdit()->setText(QStringLiteral("  "));
    m_wizard.next();
    EXPECT_EQ(m_wizard.currentId(), CampaignWizard::GoalsPageId);
    EXPECT_EQ(m_wizard.errors(CampaignWizard::GoalsPageId)->message(QStringLiteral("name")),
              QStringLiteral("The name must not be empty."));
}

TEST_F(CampaignWizardTest, ACadenceOfZeroOrOverTheCapsIsSaidAtTheCadencePage) {
    fillToCadence();
    FormErrors* errors = m_wizard.errors(CampaignWizard::CadencePageId);

    m_wizard.cadenceEditor()->spinFor(m_ids.x)->setValue(0);
    m_wizard.next();
    EXPECT_EQ(m_wizard.currentId(), CampaignWizard::CadencePageId);
    EXPECT_EQ(errors->message(QStringLiteral("cadence[0]")),
              QStringLiteral("Must be at least 1 post a week on X."));

    // LinkedIn takes one post a day: nine a week cannot fit in four weeks.
    m_wizard.cadenceEditor()->spinFor(m_ids.x)->setValue(3);
    m_wizard.cadenceEditor()->spinFor(m_ids.linkedIn)->setValue(9);
    m_wizard.next();
    EXPECT_EQ(m_wizard.currentId(), CampaignWizard::CadencePageId);
    EXPECT_TRUE(errors->message(QStringLiteral("cadence[0]")).isEmpty());
    EXPECT_EQ(errors->message(QStringLiteral("cadence[1]")),
              QStringLiteral("Asks for 9 posts a week on LinkedIn (36 in the period), but its "
                             "daily cap and posting times leave room for 28 (1 a day)."));
    auto* line =
        m_wizard.findChild<QLabel*>(QStringLiteral("error-cadence-%1").arg(m_ids.linkedIn));
    ASSERT_NE(line, nullptr);
    EXPECT_TRUE(line->isVisible());

    m_wizard.cadenceEditor()->spinFor(m_ids.linkedIn)->setValue(2);
    m_wizard.next();
    EXPECT_EQ(m_wizard.currentId(), CampaignWizard::MixPageId);
    EXPECT_EQ(m_store->count<core::Campaign>(), 0);
    EXPECT_EQ(m_stack.count(), 0);
}

TEST_F(CampaignWizardTest, AnEndBeforeTheStartIsSaidNextToTheLastDay) {
    fillToCadence();
    m_wizard.next();
    ASSERT_EQ(m_wizard.currentId(), CampaignWizard::MixPageId);
    m_wizard.startEdit()->setDate(QDate(2026, 11, 30));
    m_wizard.endEdit()->setDate(QDate(2026, 11, 29));
    m_wizard.next();
    EXPECT_EQ(m_wizard.currentId(), CampaignWizard::MixPageId);
    EXPECT_EQ(m_wizard.errors(CampaignWizard::MixPageId)->message(QStringLiteral("endDate")),
              QStringLiteral("The last day must not be before the start date (2026-11-30)."));
    EXPECT_EQ(m_store->count<core::Campaign>(), 0);
    EXPECT_EQ(m_store->count<core::Post>(), 0);
}

}  // namespace
}  // namespace rapport::ui

namespace rapport::ui {
namespace {

class CampaignEditTest : public ::testing::Test {
protected:
    std::unique_ptr<core::Store> m_store = core::Store::openInMemory();
    test::Planning m_ids = test::seedPlanning(*m_store);
    core::FixedClock m_clock{test::planningNow()};
    QUndoStack m_stack;
    UndoContext m_undo{*m_store, &m_stack};

    // A campaign made by the wizard's command, with its idea posts, and one post the user has
    // already scheduled.
    core::Id makeCampaign() {
        core::Campaign c;
        c.name = "Winter letters";
        c.nicheIds = {m_ids.seo};
        c.startDate = *core::parseDate("2026-11-30");
        c.endDate = *core::parseDate("2026-12-13");
        c.cadence = {{m_ids.x, 3}, {m_ids.linkedIn, 2}};
        core::PlanRequest request;
        request.from = *c.startDate;
        request.to = *c.endDate;
        request.timeZone = m_store->timeZone();
        request.channels = m_store->list<core::Channel>();
        request.cadence = c.cadence;
        request.nicheIds = c.nicheIds;
        request.nicheNames = {"SEO readers"};
        auto command = std::make_unique<CreateCampaign>(
            m_undo, c, std::vector<std::pair<core::Niche, core::Niche>>{},
            core::generatePlan(request));
        auto* made = command.get();
        m_undo.perform(std::move(command));
        const core::Id id = made->campaignId();
        core::Post kept = m_store->get<core::Post>(made->postIds().front());
        kept.status = core::PostStatus::Scheduled;
        m_store->update(kept);
        m_keptPost = kept.id;
        return id;
    }

    std::size_t postsOf(core::Id campaign) const {
        std::size_t n = 0;
        for (const auto& post : m_store->list<core::Post>()) {
            n += post.campaignId == campaign ? 1 : 0;
        }
        return n;
    }

    core::Id m_keptPost = 0;
};

TEST_F(CampaignEditTest, EditingTheCadenceRefusesZeroAndSavesAsOneStep) {
    const core::Id id = makeCampaign();
    const std::size_t planned = postsOf(id);
    CampaignDialog dialog(m_undo, m_clock, m_store->get<core::Campaign>(id));
    dialog.show();
    dialog.cadenceEditor()->spinFor(m_ids.linkedIn)->setValue(0);
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.errors()->message(QStringLiteral("cadence[1]")),
              QStringLiteral("Post at least once a week on LinkedIn, or untick it."));

    dialog.cadenceEditor()->spinFor(m_ids.linkedIn)->setValue(4);
    dialog.findChild<QLineEdit*>(QStringLiteral("name"))->setText(QStringLiteral("Winter"));
    dialog.mixEditor()->setPreset(core::MixPreset::FiveThreeTwo);
    const int before = m_stack.count();
    dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
    ASSERT_FALSE(dialog.isVisible());
    const core::Campaign saved = m_store->get<core::Campaign>(id);
    EXPECT_EQ(saved.name, "Winter");
    EXPECT_EQ(saved.cadence,
              (std::vector<core::ChannelCadence>{{m_ids.x, 3}, {m_ids.linkedIn, 4}}));
    EXPECT_EQ(saved.mix.preset, core::MixPreset::FiveThreeTwo);
    // The plan stays as it was: the user's work on it comes first.
    EXPECT_EQ(postsOf(id), planned);
    ASSERT_EQ(m_stack.count(), before + 1);
    m_stack.undo();
    EXPECT_EQ(m_store->get<core::Campaign>(id).name, "Winter letters");
    EXPECT_EQ(m_store->get<core::Campaign>(id).mix.preset, core::MixPreset::EightyTwenty);
}

TEST_F(CampaignEditTest, ACampaignWithoutAPeriodIsOfferedOneFromTodayByTheClock) {
    // 23:30 UTC on Monday 23rd is Tuesday 24th in Berlin, the workspace's zone, while the
    // computer's own calendar still says Monday.
    const test::MachineZone zone("America/New_York");
    const core::FixedClock clock{*core::parseInstant("2026-11-23T23:30:00Z")};
    core::Campaign open;
    open.id = 42;
    open.name = "Evergreen";
    CampaignDialog dialog(m_undo, clock, open);
    auto* hasPeriod = dialog.findChild<QCheckBox*>(QStringLiteral("hasPeriod"));
    ASSERT_NE(hasPeriod, nullptr);
    EXPECT_FALSE(hasPeriod->isChecked());
    hasPeriod->setChecked(true);
    EXPECT_EQ(dialog.findChild<QDateEdit*>(QStringLiteral("startDate"))->date(),
              QDate(2026, 11, 24));
    EXPECT_EQ(dialog.findChild<QDateEdit*>(QStringLiteral("endDate"))->date(), QDate(2026, 12, 21));
    const core::Campaign values = dialog.values();
    EXPECT_EQ(values.startDate, core::parseDate("2026-11-24"));
    EXPECT_EQ(values.endDate, core::parseDate("2026-12-21"));
}

TEST_F(CampaignEditTest, DeletingWithItsIdeasKeepsWorkedOnPostsAndUndoesAsOneStep) {
    const core::Id id = makeCampaign();
    const std::size_t planned = postsOf(id);
    const auto totalBefore = m_store->count<core::Post>();
    CampaignsTab tab(m_undo, m_clock);
    tab.deleteCampaign(id, true);
    EXPECT_FALSE(m_store->find<core::Campaign>(id));
    // The scheduled post stays, no longer in a campaign; the ideas went.
    EXPECT_EQ(m_store->count<core::Post>(), 1);
    EXPECT_FALSE(m_store->get<core::Post>(m_keptPost).campaignId.has_value());

    m_stack.undo();
    ASSERT_TRUE(m_store->find<core::Campaign>(id));
    EXPECT_EQ(m_store->count<core::Post>(), totalBefore);
    EXPECT_EQ(postsOf(id), planned);
    EXPECT_EQ(m_store->get<core::Post>(m_keptPost).campaignId, id);
    m_stack.redo();
    EXPECT_FALSE(m_store->find<core::Campaign>(id));
    EXPECT_EQ(m_store->count<core::Post>(), 1);
}

}  // namespace
}  // namespace rapport::ui
