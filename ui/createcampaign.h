#pragma once

#include <vector>

#include "core/entities.h"
#include "ui/compositecommand.h"

namespace rapport::ui {

template <class T>
class AddRecord;

/// The campaign wizard's result as one undo step: the value propositions it edited, the
/// campaign, and the draft plan's idea posts, which get the campaign's id once it has one
/// (and follow it when a redo gives the campaign another id). Undo removes the posts and the
/// campaign and restores the niches, in one transaction.
class CreateCampaign : public CompositeCommand {
public:
    /// `nicheEdits`: (before, after) pairs of niches whose value proposition changed.
    CreateCampaign(UndoContext& context, core::Campaign campaign,
                   const std::vector<std::pair<core::Niche, core::Niche>>& nicheEdits,
                   const std::vector<core::Post>& plan);

    int id() const override;

    /// The campaign's id now.
    core::Id campaignId() const;
    /// The posts' ids now, in plan order.
    std::vector<core::Id> postIds() const;

    void apply() override;

private:
    int m_nicheEdits = 0;
    AddRecord<core::Campaign>* m_campaign;
    std::vector<AddRecord<core::Post>*> m_posts;
};

}  // namespace rapport::ui
