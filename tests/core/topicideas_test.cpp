// The feedback loop of DOMAIN.md: ideas raised by interactions, ranked by how many asked,
// turned into a draft post in one transaction, and covered exactly while a published post
// answers them (derived on read, so undoing the publish or deleting the post undoes it too).

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "core/errors.h"
#include "core/store.h"
#include "core/topicideas.h"
#include "core/workspacejson.h"
#include "testutil.h"

using namespace rapport::core;
using rapport::test::sampleChannel;
using rapport::test::sampleContact;
using rapport::test::ymd;

namespace {

Instant at(int day, int hour = 12) {
    return date::sys_days{ymd(2026, 11, static_cast<unsigned>(day))} + std::chrono::hours{hour};
}

class TopicIdeasTest : public ::testing::Test {
protected:
    void SetUp() override {
        Channel x = sampleChannel("X");
        m_x = m_store->add(x);
        Channel blog = sampleChannel("Blog");
        blog.kind = ChannelKind::Blog;
        blog.charLimit.reset();
        m_blog = m_store->add(blog);

        Niche seo;
        seo.name = "Local SEO";
        seo.topic = "Search for small businesses";
        seo.gatherChannelIds = {m_blog};
        m_seo = m_store->add(seo);

        Contact ana = sampleContact("Ana Baker");
        ana.nicheId = m_seo;
        m_ana = m_store->add(ana);
        Contact ben = sampleContact("Ben Gardener");
        ben.handles.clear();
        m_ben = m_store->add(ben);

        m_askKeywords = interaction(m_ana, at(2), "How do I pick keywords? My bakery is new.");
        m_askAgain = interaction(m_ben, at(5), "Same keyword question as Ana");
        m_askSchema = interaction(m_ana, at(9), "Is schema markup worth it?");
    }

    Id interaction(Id contact, Instant when, std::string note) {
        Interaction i;
        i.contactId = contact;
        i.at = when;
        i.kind = InteractionKind::Comment;
        i.direction = Direction::Inbound;
        i.note = std::move(note);
        return m_store->add(i);
    }

    Id idea(std::string title, std::vector<Id> askedBy, IdeaStatus status = IdeaStatus::New,
            std::optional<Id> niche = std::nullopt) {
        TopicIdea t;
        t.title = std::move(title);
        t.askedBy = std::move(askedBy);
        t.status = status;
        t.nicheId = niche;
        return m_store->add(t);
    }

    IdeaStatus shown(Id ideaId) { return ideaStatus(*m_store, m_store->get<TopicIdea>(ideaId)); }

    std::vector<Id> rankOrder() {
        std::vector<Id> out;
        for (const auto& r : rankedIdeas(*m_store)) {
            out.push_back(r.id);
        }
        return out;
    }

    std::unique_ptr<Store> m_store = Store::openInMemory();
    Id m_x = 0;
    Id m_blog = 0;
    Id m_seo = 0;
    Id m_ana = 0;
    Id m_ben = 0;
    Id m_askKeywords = 0;
    Id m_askAgain = 0;
    Id m_askSchema = 0;
};

TEST_F(TopicIdeasTest, RankingPutsTheMostAskedFirstThenOpenIdeasThenTheOlder) {
    const Id dropped = idea("AI content", {m_askSchema}, IdeaStatus::Dropped);
    const Id nobody = idea("Nobody asked", {});
    const Id keywords = idea("Pick keywords", {m_askKeywords, m_askAgain}, IdeaStatus::New, m_seo);
    const Id schema = idea("Schema markup", {m_askSchema});

    EXPECT_EQ(rankOrder(), (std::vector<Id>{keywords, schema, dropped, nobody}));

    const auto rows = rankedIdeas(*m_store);
    EXPECT_EQ(rows[0].askedCount, 2);
    EXPECT_EQ(rows[0].nicheName, "Local SEO");
    EXPECT_EQ(rows[0].nicheId, m_seo);
    EXPECT_EQ(rows[1].askedCount, 1);
    EXPECT_EQ(rows[1].nicheName, "");
    EXPECT_EQ(rows[3].askedCount, 0);
    EXPECT_EQ(rows[2].status, IdeaStatus::Dropped);
    EXPECT_FALSE(rows[0].postId.has_value());
    EXPECT_EQ(rows[0].postCount, 0);

    const auto one = rankedIdea(*m_store, keywords);
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->title, "Pick keywords");
    EXPECT_EQ(one->askedCount, 2);
    EXPECT_FALSE(rankedIdea(*m_store, 999).has_value());
}

TEST_F(TopicIdeasTest, AnInteractionRaisesANewIdeaInItsContactsNiche) {
    TopicIdea raised = ideaRaisedBy(*m_store, m_askKeywords, "How to pick keywords");
    EXPECT_EQ(raised.id, 0);
    EXPECT_EQ(raised.title, "How to pick keywords");
    EXPECT_EQ(raised.status, IdeaStatus::New);
    EXPECT_EQ(raised.nicheId, m_seo);
    EXPECT_EQ(raised.askedBy, std::vector<Id>{m_askKeywords});
    const Id id = m_store->add(raised);

    // Ben has no niche: his question raises an idea without one.
    EXPECT_FALSE(ideaRaisedBy(*m_store, m_askAgain, "x").nicheId.has_value());

    // Asking again adds the asker once.
    TopicIdea again = withAsker(m_store->get<TopicIdea>(id), m_askAgain);
    again = withAsker(again, m_askAgain);
    EXPECT_EQ(again.askedBy, (std::vector<Id>{m_askKeywords, m_askAgain}));
    m_store->update(again);

    EXPECT_EQ(ideasRaisedBy(*m_store, m_askAgain), std::vector<Id>{id});
    EXPECT_TRUE(ideasRaisedBy(*m_store, m_askSchema).empty());

    const auto askers = askersOf(*m_store, id);
    ASSERT_EQ(askers.size(), 2u);
    EXPECT_EQ(askers[0].interactionId, m_askAgain);  // newest first
    EXPECT_EQ(askers[0].contactName, "Ben Gardener");
    EXPECT_EQ(askers[1].contactName, "Ana Baker");
    EXPECT_EQ(askers[1].note, "How do I pick keywords? My bakery is new.");
    EXPECT_EQ(askers[1].at, at(2));
}

TEST_F(TopicIdeasTest, RaisingFromAMissingInteractionNamesIt) {
    try {
        ideaRaisedBy(*m_store, 4242, "x");
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "askedBy");
        EXPECT_NE(std::string(e.what()).find("interaction 4242"), std::string::npos) << e.what();
    }
}

TEST_F(TopicIdeasTest, TheSuggestedTitleIsTheFirstSentenceOfTheNote) {
    Interaction i;
    i.note = "  How do I pick keywords? My bakery is new.";
    EXPECT_EQ(suggestedIdeaTitle(i), "How do I pick keywords?");
    i.note = "Asked about schema markup. Recipe bloggers especially.";
    EXPECT_EQ(suggestedIdeaTitle(i), "Asked about schema markup");
    i.note = "First line\nsecond line";
    EXPECT_EQ(suggestedIdeaTitle(i), "First line");
    i.note = "Version 2.0 of the plugin";  // a full stop inside a word is no sentence end
    EXPECT_EQ(suggestedIdeaTitle(i), "Version 2.0 of the plugin");
    i.note = "";
    EXPECT_EQ(suggestedIdeaTitle(i), "");
    i.note = "one two three four five six seven eight nine ten";
    EXPECT_EQ(suggestedIdeaTitle(i, 20), "one two three four\u2026");
}

TEST_F(TopicIdeasTest, AnIdeaTurnsIntoADraftPostInOneStep) {
    const Id keywords = idea("Pick keywords", {m_askKeywords}, IdeaStatus::New, m_seo);
    m_store->update([&] {
        TopicIdea t = m_store->get<TopicIdea>(keywords);
        t.notes = "Bakery, landscaper, jeweller.";
        return t;
    }());

    const Id postId = turnIdeaIntoPost(*m_store, keywords);
    const Post post = m_store->get<Post>(postId);
    EXPECT_EQ(post.title, "Pick keywords");
    EXPECT_EQ(post.body, "Bakery, landscaper, jeweller.");
    EXPECT_EQ(post.status, PostStatus::Draft);
    EXPECT_EQ(post.purpose, Purpose::Value);
    EXPECT_EQ(post.nicheId, m_seo);
    EXPECT_EQ(post.topicIdeaId, keywords);
    EXPECT_EQ(post.channelId, m_blog);  // where the niche's people gather
    EXPECT_FALSE(post.scheduledAt.has_value());

    EXPECT_EQ(m_store->get<TopicIdea>(keywords).status, IdeaStatus::Planned);
    const auto row = rankedIdea(*m_store, keywords);
    ASSERT_TRUE(row.has_value());
    EXPECT_EQ(row->postId, postId);
    EXPECT_EQ(row->postTitle, "Pick keywords");
    EXPECT_EQ(row->postStatus, PostStatus::Draft);
    EXPECT_EQ(row->postCount, 1);
    EXPECT_EQ(row->status, IdeaStatus::Planned);

    // No niche: the workspace's first channel.
    const Id loose = idea("Loose idea", {});
    EXPECT_EQ(m_store->get<Post>(turnIdeaIntoPost(*m_store, loose)).channelId, m_x);
}

TEST_F(TopicIdeasTest, WithoutAChannelNothingChangesAndTheChannelIsNamed) {
    auto empty = Store::openInMemory();
    TopicIdea t;
    t.title = "Lonely idea";
    const Id id = empty->add(t);
    try {
        turnIdeaIntoPost(*empty, id);
        FAIL() << "expected a ValidationError";
    } catch (const ValidationError& e) {
        EXPECT_EQ(e.field(), "channel");
    }
    EXPECT_EQ(empty->count<Post>(), 0);
    EXPECT_EQ(empty->get<TopicIdea>(id).status, IdeaStatus::New);
    EXPECT_THROW(turnIdeaIntoPost(*m_store, 999), ValidationError);
}

TEST_F(TopicIdeasTest, AnIdeaIsCoveredExactlyWhileAPublishedPostAnswersIt) {
    const Id keywords = idea("Pick keywords", {m_askKeywords}, IdeaStatus::New, m_seo);
    const Id postId = turnIdeaIntoPost(*m_store, keywords);
    EXPECT_EQ(shown(keywords), IdeaStatus::Planned);

    Post post = m_store->get<Post>(postId);
    const Post draft = post;
    post.status = PostStatus::Scheduled;
    post.scheduledAt = at(20, 14);
    m_store->update(post);
    EXPECT_EQ(shown(keywords), IdeaStatus::Planned);

    post.status = PostStatus::Published;
    m_store->update(post);
    EXPECT_EQ(shown(keywords), IdeaStatus::Covered);
    EXPECT_EQ(rankedIdea(*m_store, keywords)->status, IdeaStatus::Covered);
    // The stored status stays the user's: nothing was written to the idea.
    EXPECT_EQ(m_store->get<TopicIdea>(keywords).status, IdeaStatus::Planned);

    // Undoing the publish (the post written back as it was) undoes the covering.
    m_store->update(draft);
    EXPECT_EQ(shown(keywords), IdeaStatus::Planned);
    EXPECT_EQ(rankedIdea(*m_store, keywords)->status, IdeaStatus::Planned);

    // A second post, published, covers it; deleting that post uncovers it again.
    m_store->update(post);
    Post second = draft;
    second.id = 0;
    second.title = "Keywords, part two";
    second.status = PostStatus::Published;
    second.scheduledAt = at(27);
    const Id secondId = m_store->add(second);
    m_store->update(draft);
    EXPECT_EQ(shown(keywords), IdeaStatus::Covered);
    EXPECT_EQ(rankedIdea(*m_store, keywords)->postId, secondId);
    EXPECT_EQ(rankedIdea(*m_store, keywords)->postCount, 2);
    m_store->remove<Post>(secondId);
    EXPECT_EQ(shown(keywords), IdeaStatus::Planned);

    // A post pointed at another idea no longer covers this one.
    Post moved = draft;
    moved.status = PostStatus::Published;
    moved.scheduledAt = at(20, 14);
    m_store->update(moved);
    EXPECT_EQ(shown(keywords), IdeaStatus::Covered);
    const Id other = idea("Other", {});
    moved.topicIdeaId = other;
    m_store->update(moved);
    EXPECT_EQ(shown(keywords), IdeaStatus::Planned);
    EXPECT_EQ(shown(other), IdeaStatus::Covered);
}

TEST_F(TopicIdeasTest, CoveredByHandAndDroppedAreTheUsersWord) {
    const Id byHand = idea("Answered in a podcast", {}, IdeaStatus::Covered);
    EXPECT_EQ(shown(byHand), IdeaStatus::Covered);
    const Id dropped = idea("Not for now", {}, IdeaStatus::Dropped);
    EXPECT_EQ(shown(dropped), IdeaStatus::Dropped);
    // An unsaved idea has no posts.
    TopicIdea fresh;
    fresh.status = IdeaStatus::New;
    EXPECT_EQ(ideaStatus(*m_store, fresh), IdeaStatus::New);
    // Turning a covered idea into a post keeps it covered; a dropped one is planned again.
    EXPECT_EQ(plannedIdea(m_store->get<TopicIdea>(byHand)).status, IdeaStatus::Covered);
    EXPECT_EQ(plannedIdea(m_store->get<TopicIdea>(dropped)).status, IdeaStatus::Planned);
}

TEST(TopicIdeasDemo, TheDemoWorkspaceRanksItsIdeasAndCoversThePublishedOne) {
    auto store = Store::openInMemory();
    workspacejson::restore(*store, workspacejson::parse(rapport::test::demoDocument(), "demo"),
                           workspacejson::Existing::Refuse);
    const auto rows = rankedIdeas(*store);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.askedCount > b.askedCount;
    }));
    for (const auto& row : rows) {
        const TopicIdea stored = store->get<TopicIdea>(row.id);
        EXPECT_EQ(row.askedCount, static_cast<std::int64_t>(stored.askedBy.size()));
        EXPECT_EQ(row.status, ideaStatus(*store, stored));
        EXPECT_EQ(static_cast<std::size_t>(row.askedCount), askersOf(*store, row.id).size());
    }
    // "Update or rewrite old posts?" is answered by a published post.
    const auto covered = std::find_if(rows.begin(), rows.end(), [](const RankedIdea& r) {
        return r.postStatus == PostStatus::Published;
    });
    ASSERT_NE(covered, rows.end());
    EXPECT_EQ(covered->status, IdeaStatus::Covered);
}

}  // namespace
