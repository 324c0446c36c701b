#pragma once
// The feedback loop (DOMAIN.md, Feedback loop): interactions raise topic ideas, ideas are
// ranked by how many interactions asked for them, an idea turns into a post in one step, and
// the idea is covered once that post is published.
//
// "Covered by its published post" is derived on every read, never written: the posts table is
// the one source of truth for it. So undoing the publish, deleting the post or pointing it at
// another idea puts the idea back to what it was, with no trigger or second write to keep in
// step. The status stored with an idea is the user's own word (new, planned, dropped, or
// covered by hand for a topic answered outside Rapport).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/entities.h"
#include "core/store.h"

namespace rapport::core {

/// The status an idea shows: covered when a published post answers it, otherwise the status
/// stored with it.
IdeaStatus ideaStatus(Store& store, const TopicIdea& idea);

/// One row of the ideas ranking.
struct RankedIdea {
    Id id = 0;
    std::string title;
    std::string notes;
    std::optional<Id> nicheId;
    std::string nicheName;        ///< empty without a niche
    std::int64_t askedCount = 0;  ///< interactions that asked for it
    IdeaStatus storedStatus = IdeaStatus::New;
    IdeaStatus status = IdeaStatus::New;  ///< as shown: see ideaStatus()
    std::int64_t postCount = 0;           ///< posts that answer it
    /// The post shown as its answer: the first published one, else the latest planned one.
    std::optional<Id> postId;
    std::string postTitle;
    std::optional<PostStatus> postStatus;
    std::optional<Instant> postAt;  ///< that post's scheduled time, if it has one
};

/// Every idea, most asked first; ties put open ideas (new, planned) before closed ones
/// (covered, dropped), then the older idea first. One query, whatever the workspace holds.
std::vector<RankedIdea> rankedIdeas(Store& store);
/// One idea's row, as rankedIdeas() has it; nullopt when there is no such idea.
std::optional<RankedIdea> rankedIdea(Store& store, Id ideaId);

/// An interaction that asked for an idea, with its contact's name.
struct IdeaAsker {
    Id interactionId = 0;
    Id contactId = 0;
    std::string contactName;
    Instant at{};
    InteractionKind kind = InteractionKind::Comment;
    Direction direction = Direction::Inbound;
    std::string note;
};

/// The interactions that asked for an idea, newest first.
std::vector<IdeaAsker> askersOf(Store& store, Id ideaId);

/// The ideas an interaction has already raised (or been added to), by id.
std::vector<Id> ideasRaisedBy(Store& store, Id interactionId);

/// A title to suggest for an idea raised by an interaction: the first sentence of its note,
/// at most `maxChars` characters (cut at a word, with an ellipsis); empty for an empty note.
std::string suggestedIdeaTitle(const Interaction& interaction, std::size_t maxChars = 80);

/// A new idea (not stored) raised by an interaction: the title given, status new, the niche of
/// the interaction's contact, and the interaction as its first asker. Throws ValidationError
/// (field "askedBy") for an interaction that does not exist.
TopicIdea ideaRaisedBy(Store& store, Id interactionId, std::string title);

/// The idea with the interaction among those that asked for it; unchanged when it already was.
TopicIdea withAsker(TopicIdea idea, Id interactionId);

/// The draft post (not stored) that answers an idea: its title, its notes as the body, its
/// niche, purpose value, status draft, and the idea as its topic. The channel is the niche's
/// first channel where its people gather, else the channel most posts of that niche went to,
/// else the workspace's first channel. Throws ValidationError (field "channel") when the
/// workspace has no channel yet.
Post draftPostForIdea(Store& store, const TopicIdea& idea);

/// The idea as it is once a post answers it: planned, unless it already is covered.
TopicIdea plannedIdea(TopicIdea idea);

/// Turns an idea into a draft post in one transaction: adds draftPostForIdea() and stores
/// plannedIdea(). Returns the post's id. Throws ValidationError for a missing idea or a
/// workspace without channels; nothing changes then.
Id turnIdeaIntoPost(Store& store, Id ideaId);

}  // namespace rapport::core
