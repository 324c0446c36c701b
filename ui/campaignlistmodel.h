#pragma once

#include "ui/recordlistmodel.h"

namespace rapport::ui {

/// The workspace's campaigns: each one's name over its status, period, content mix, niches and
/// how many posts it holds.
class CampaignListModel : public RecordListModel {
    Q_OBJECT
public:
    explicit CampaignListModel(core::Store& store, QObject* parent = nullptr);

protected:
    std::vector<Row> readAll() override;
    std::optional<Row> readRow(core::Id id) override;
    bool dependsOn(const core::Change& change) const override;

private:
    Row rowFor(const core::Campaign& campaign);
};

}  // namespace rapport::ui
