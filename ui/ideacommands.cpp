#include "ui/ideacommands.h"

#include <QCoreApplication>

#include "core/topicideas.h"
#include "ui/addrecord.h"
#include "ui/displaytext.h"
#include "ui/updaterecord.h"

namespace rapport::ui {

void mapReferences(core::TopicIdea& record, const MapId& map) {
    if (record.nicheId) {
        record.nicheId = map(core::Entity::Niche, *record.nicheId);
    }
    for (core::Id& asker : record.askedBy) {
        asker = map(core::Entity::Interaction, asker);
    }
}

bool sameRecord(const core::TopicIdea& a, const core::TopicIdea& b) {
    return a.id == b.id && a.title == b.title && a.notes == b.notes && a.nicheId == b.nicheId &&
           a.askedBy == b.askedBy && a.status == b.status;
}

TurnIdeaIntoPost::TurnIdeaIntoPost(UndoContext& context, const core::TopicIdea& idea,
                                   core::Post draft)
    : CompositeCommand(context, QCoreApplication::translate("rapport::ui::TurnIdeaIntoPost",
                                                            "Turn idea “%1” into a post")
                                    .arg(qs(idea.title))) {
    m_ideaHandle = ids().handleFor(core::Entity::TopicIdea, idea.id);
    m_post = new AddRecord<core::Post>(context, std::move(draft), {}, this);
    const core::TopicIdea planned = core::plannedIdea(idea);
    if (!sameRecord(idea, planned)) {
        m_plan = new UpdateRecord<core::TopicIdea>(context, idea, planned, {}, this);
    }
}

core::Id TurnIdeaIntoPost::postId() const {
    return m_post->handle() == 0 ? 0 : m_post->recordId();
}

void TurnIdeaIntoPost::apply() {
    store().transaction([this] {
        m_post->record().topicIdeaId = ids().resolve(core::Entity::TopicIdea, m_ideaHandle);
        m_post->apply();
        if (m_plan) {
            m_plan->apply();
        }
    });
}

}  // namespace rapport::ui
