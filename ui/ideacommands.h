#pragma once
// The undo commands of the feedback loop: topic ideas as records the generic commands handle,
// and an idea turned into a post as one undo step.

#include "core/entities.h"
#include "ui/compositecommand.h"
#include "ui/records.h"

namespace rapport::ui {

template <class T>
class AddRecord;
template <class T>
class UpdateRecord;

template <>
struct RecordKind<core::TopicIdea> {
    static constexpr core::Entity entity = core::Entity::TopicIdea;
};

/// Rewrites the idea's niche and askers (interactions).
void mapReferences(core::TopicIdea& record, const MapId& map);
bool sameRecord(const core::TopicIdea& a, const core::TopicIdea& b);

/// An idea turned into a post in one step: the draft post that answers it (core's
/// draftPostForIdea), and the idea marked planned. Undo removes the post and puts the idea's
/// status back, in one transaction. The post points at the idea by handle, so it follows the
/// idea if a redo elsewhere gives it another id.
class TurnIdeaIntoPost : public CompositeCommand {
public:
    /// `idea` as stored now; `draft` the post to add (its topic idea is set on apply).
    TurnIdeaIntoPost(UndoContext& context, const core::TopicIdea& idea, core::Post draft);

    /// The post's id now; 0 before the first apply().
    core::Id postId() const;

    void apply() override;

private:
    core::Id m_ideaHandle = 0;
    AddRecord<core::Post>* m_post = nullptr;
    UpdateRecord<core::TopicIdea>* m_plan = nullptr;  ///< null when the idea stays as it is
};

}  // namespace rapport::ui
