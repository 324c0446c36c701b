#include "ui/campaignlistmodel.h"

#include "ui/displaytext.h"
#include "ui/plantext.h"

namespace rapport::ui {

CampaignListModel::CampaignListModel(core::Store& store, QObject* parent)
    : RecordListModel(store, core::Entity::Campaign, parent) {
    reload();
}

std::vector<RecordListModel::Row> CampaignListModel::readAll() {
    std::vector<Row> rows;
    for (const auto& campaign : store().list<core::Campaign>()) {
        rows.push_back(rowFor(campaign));
    }
    return rows;
}

std::optional<RecordListModel::Row> CampaignListModel::readRow(core::Id id) {
    const auto campaign = store().find<core::Campaign>(id);
    return campaign ? std::optional{rowFor(*campaign)} : std::nullopt;
}

bool CampaignListModel::dependsOn(const core::Change& change) const {
    return change.entity == core::Entity::Niche || change.entity == core::Entity::Post;
}

RecordListModel::Row CampaignListModel::rowFor(const core::Campaign& c) {
    QStringList facts{capitalized(words(c.status))};
    if (c.startDate && c.endDate) {
        facts << tr("%1 to %2").arg(formatDate(*c.startDate), formatDate(*c.endDate));
    } else if (c.startDate) {
        facts << tr("from %1").arg(formatDate(*c.startDate));
    } else if (c.endDate) {
        facts << tr("until %1").arg(formatDate(*c.endDate));
    }
    facts << tr("%1 mix").arg(presetName(c.mix.preset));
    QStringList niches;
    for (const core::Id id : c.nicheIds) {
        if (const auto niche = store().find<core::Niche>(id)) {
            niches << qs(niche->name);
        }
    }
    if (!niches.isEmpty()) {
        facts << tr("for %1").arg(joinedList(niches));
    }
    // core counts posts only for the whole table; one count per campaign (there are few).
    auto count = store().db().prepare("SELECT count(*) FROM posts WHERE campaign_id = ?1");
    count.bind(1, c.id);
    facts << countOf(count.step() ? count.integer(0) : 0, tr("post"), tr("posts"));
    return {c.id, qs(c.name), facts.join(dot()), {}};
}

}  // namespace rapport::ui
