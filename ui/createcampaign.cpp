#include "ui/createcampaign.h"

#include <QCoreApplication>

#include "ui/addrecord.h"
#include "ui/commandid.h"
#include "ui/displaytext.h"
#include "ui/updaterecord.h"

namespace rapport::ui {

CreateCampaign::CreateCampaign(UndoContext& context, core::Campaign campaign,
                               const std::vector<std::pair<core::Niche, core::Niche>>& nicheEdits,
                               const std::vector<core::Post>& plan)
    : CompositeCommand(context, QCoreApplication::translate("rapport::ui::CreateCampaign",
                                                            "Create campaign “%1”")
                                    .arg(qs(campaign.name))) {
    for (const auto& [before, after] : nicheEdits) {
        new UpdateRecord<core::Niche>(context, before, after, {}, this);
        ++m_nicheEdits;
    }
    m_campaign = new AddRecord<core::Campaign>(context, std::move(campaign), {}, this);
    m_posts.reserve(plan.size());
    for (const auto& post : plan) {
        m_posts.push_back(new AddRecord<core::Post>(context, post, {}, this));
    }
}

int CreateCampaign::id() const {
    return CreateCampaignCommand;
}

core::Id CreateCampaign::campaignId() const {
    return m_campaign->recordId();
}

std::vector<core::Id> CreateCampaign::postIds() const {
    std::vector<core::Id> out;
    out.reserve(m_posts.size());
    for (const auto* post : m_posts) {
        out.push_back(post->recordId());
    }
    return out;
}

void CreateCampaign::apply() {
    store().transaction([this] {
        for (int i = 0; i < m_nicheEdits; ++i) {
            part(i)->apply();
        }
        m_campaign->apply();
        for (auto* post : m_posts) {
            // The plan was laid before the campaign existed; its posts belong to it from now
            // on, by handle, so they follow it if a redo gives it another id.
            post->record().campaignId = m_campaign->handle();
            post->apply();
        }
    });
}

}  // namespace rapport::ui
