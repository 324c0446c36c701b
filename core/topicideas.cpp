#include "core/topicideas.h"

#include <algorithm>
#include <chrono>

#include "core/errors.h"
#include "core/validation.h"

namespace rapport::core {

namespace {

bool isOpen(IdeaStatus status) {
    return status == IdeaStatus::New || status == IdeaStatus::Planned;
}

// Each idea with its askers counted, its posts counted, and the post shown as its answer:
// the latest published one, else the latest one not skipped, else the latest skipped one.
// Both counts and the answer come from indexes (the askers' primary key, posts_by_topic_idea).
constexpr const char* kRankedSelect =
    "SELECT r.id, r.title, r.notes, r.niche_id, r.niche_name, r.status, r.asked, r.posts, "
    "p.id, p.title, p.status, p.scheduled_at FROM ("
    "SELECT t.id AS id, t.title AS title, t.notes AS notes, t.niche_id AS niche_id, "
    "coalesce(n.name, '') AS niche_name, t.status AS status, "
    "(SELECT count(*) FROM idea_interactions a WHERE a.idea_id = t.id) AS asked, "
    "(SELECT count(*) FROM posts q WHERE q.topic_idea_id = t.id) AS posts, "
    "(SELECT q.id FROM posts q WHERE q.topic_idea_id = t.id ORDER BY q.status = 'published' "
    "DESC, q.status = 'skipped' ASC, q.id DESC LIMIT 1) AS answer "
    "FROM topic_ideas t LEFT JOIN niches n ON n.id = t.niche_id";

RankedIdea readRanked(const sql::Statement& s) {
    RankedIdea r;
    r.id = s.integer(0);
    r.title = s.text(1);
    r.notes = s.text(2);
    r.nicheId = s.optInteger(3);
    r.nicheName = s.text(4);
    r.storedStatus = parseEnum<IdeaStatus>(s.text(5)).value_or(IdeaStatus::New);
    r.askedCount = s.integer(6);
    r.postCount = s.integer(7);
    r.postId = s.optInteger(8);
    if (r.postId) {
        r.postTitle = s.text(9);
        r.postStatus = parseEnum<PostStatus>(s.text(10));
        if (const auto at = s.optInteger(11)) {
            r.postAt = Instant{std::chrono::seconds{*at}};
        }
    }
    // The answer is a published post whenever any is: that is the covered rule.
    r.status = r.postStatus == PostStatus::Published ? IdeaStatus::Covered : r.storedStatus;
    return r;
}

// Where a UTF-8 text may be cut at or before `at` without splitting a character.
std::size_t utf8Boundary(const std::string& text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0U) == 0x80U) {
        --at;
    }
    return at;
}

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

Id firstChannelOfNicheGathering(Store& store, Id nicheId) {
    const auto niche = store.find<Niche>(nicheId);
    if (niche && !niche->gatherChannelIds.empty()) {
        return niche->gatherChannelIds.front();
    }
    return 0;
}

}  // namespace

IdeaStatus ideaStatus(Store& store, const TopicIdea& idea) {
    if (idea.id != 0) {
        auto s = store.db().prepare(
            "SELECT 1 FROM posts WHERE topic_idea_id = ?1 AND status = 'published' LIMIT 1");
        s.bind(1, idea.id);
        if (s.step()) {
            return IdeaStatus::Covered;
        }
    }
    return idea.status;
}

std::vector<RankedIdea> rankedIdeas(Store& store) {
    std::vector<RankedIdea> out;
    auto s =
        store.db().prepare(std::string(kRankedSelect) + ") r LEFT JOIN posts p ON p.id = r.answer");
    while (s.step()) {
        out.push_back(readRanked(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const RankedIdea& a, const RankedIdea& b) {
        if (a.askedCount != b.askedCount) {
            return a.askedCount > b.askedCount;
        }
        if (isOpen(a.status) != isOpen(b.status)) {
            return isOpen(a.status);
        }
        return a.id < b.id;
    });
    return out;
}

std::optional<RankedIdea> rankedIdea(Store& store, Id ideaId) {
    auto s = store.db().prepare(std::string(kRankedSelect) +
                                " WHERE t.id = ?1) r LEFT JOIN posts p ON p.id = r.answer");
    s.bind(1, ideaId);
    if (!s.step()) {
        return std::nullopt;
    }
    return readRanked(s);
}

std::vector<IdeaAsker> askersOf(Store& store, Id ideaId) {
    auto s = store.db().prepare(
        "SELECT i.id, i.contact_id, c.display_name, i.at, i.kind, i.direction, i.note "
        "FROM idea_interactions a JOIN interactions i ON i.id = a.interaction_id "
        "JOIN contacts c ON c.id = i.contact_id WHERE a.idea_id = ?1 "
        "ORDER BY i.at DESC, i.id DESC");
    s.bind(1, ideaId);
    std::vector<IdeaAsker> out;
    while (s.step()) {
        IdeaAsker a;
        a.interactionId = s.integer(0);
        a.contactId = s.integer(1);
        a.contactName = s.text(2);
        a.at = Instant{std::chrono::seconds{s.integer(3)}};
        a.kind = parseEnum<InteractionKind>(s.text(4)).value_or(InteractionKind::Other);
        a.direction = parseEnum<Direction>(s.text(5)).value_or(Direction::Inbound);
        a.note = s.text(6);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<Id> ideasRaisedBy(Store& store, Id interactionId) {
    auto s = store.db().prepare(
        "SELECT idea_id FROM idea_interactions WHERE interaction_id = ?1 ORDER BY idea_id");
    s.bind(1, interactionId);
    std::vector<Id> out;
    while (s.step()) {
        out.push_back(s.integer(0));
    }
    return out;
}

std::string suggestedIdeaTitle(const Interaction& interaction, std::size_t maxChars) {
    std::string text = trimmed(interaction.note);
    // The first sentence: up to a full stop, question or exclamation mark followed by a space
    // or the end, or the first line break. A question keeps its mark: it is the idea.
    std::size_t end = text.size();
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            end = i;
            break;
        }
        if ((c == '.' || c == '?' || c == '!') &&
            (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
            end = c == '.' ? i : i + 1;
            break;
        }
    }
    text = trimmed(text.substr(0, end));
    if (text.size() <= maxChars || maxChars < 2) {
        return text;
    }
    // Too long: cut at the last word that fits with the ellipsis ("…" is 3 bytes of UTF-8).
    std::size_t cut = utf8Boundary(text, maxChars - 1);
    const auto space = text.rfind(' ', cut);
    if (space != std::string::npos && space > maxChars / 2) {
        cut = space;
    }
    return trimmed(text.substr(0, cut)) + "\u2026";
}

TopicIdea ideaRaisedBy(Store& store, Id interactionId, std::string title) {
    const auto interaction = store.find<Interaction>(interactionId);
    if (!interaction) {
        throw ValidationError(recordLabel(Entity::TopicIdea, 0), "askedBy",
                              "names " + recordLabel(Entity::Interaction, interactionId) +
                                  ", which does not exist in this workspace");
    }
    TopicIdea idea;
    idea.title = std::move(title);
    idea.status = IdeaStatus::New;
    idea.askedBy = {interactionId};
    if (const auto contact = store.find<Contact>(interaction->contactId)) {
        idea.nicheId = contact->nicheId;
    }
    return idea;
}

TopicIdea withAsker(TopicIdea idea, Id interactionId) {
    if (std::find(idea.askedBy.begin(), idea.askedBy.end(), interactionId) == idea.askedBy.end()) {
        idea.askedBy.push_back(interactionId);
    }
    return idea;
}

Post draftPostForIdea(Store& store, const TopicIdea& idea) {
    Post post;
    post.title = idea.title;
    post.body = idea.notes;
    post.purpose = Purpose::Value;
    post.status = PostStatus::Draft;
    post.nicheId = idea.nicheId;
    if (idea.id != 0) {
        post.topicIdeaId = idea.id;
    }
    if (idea.nicheId) {
        post.channelId = firstChannelOfNicheGathering(store, *idea.nicheId);
        if (post.channelId == 0) {
            auto s = store.db().prepare(
                "SELECT channel_id FROM posts WHERE niche_id = ?1 GROUP BY channel_id "
                "ORDER BY count(*) DESC, channel_id LIMIT 1");
            s.bind(1, *idea.nicheId);
            if (s.step()) {
                post.channelId = s.integer(0);
            }
        }
    }
    if (post.channelId == 0) {
        auto s = store.db().prepare("SELECT id FROM channels ORDER BY id LIMIT 1");
        if (s.step()) {
            post.channelId = s.integer(0);
        }
    }
    if (post.channelId == 0) {
        throw ValidationError(recordLabel(Entity::Post, 0), "channel",
                              "is needed for a post, and this workspace has no channel yet; "
                              "add one on the Goals & Niches page first");
    }
    return post;
}

TopicIdea plannedIdea(TopicIdea idea) {
    if (idea.status != IdeaStatus::Covered) {
        idea.status = IdeaStatus::Planned;
    }
    return idea;
}

Id turnIdeaIntoPost(Store& store, Id ideaId) {
    Id postId = 0;
    store.transaction([&] {
        const auto idea = store.find<TopicIdea>(ideaId);
        if (!idea) {
            throw ValidationError(recordLabel(Entity::TopicIdea, ideaId), "id",
                                  "does not exist in this workspace");
        }
        Post post = draftPostForIdea(store, *idea);
        postId = store.add(post);
        const TopicIdea planned = plannedIdea(*idea);
        if (planned.status != idea->status) {
            store.update(planned);
        }
    });
    return postId;
}

}  // namespace rapport::core
