#pragma once

#include "ui/recordlistmodel.h"

namespace rapport::ui {

/// The places the user publishes: each channel's name over its kind, handle, limits, posting
/// times and how many posts it carries.
class ChannelListModel : public RecordListModel {
    Q_OBJECT
public:
    explicit ChannelListModel(core::Store& store, QObject* parent = nullptr);

    /// "X · @maya · 280 characters · up to 3 posts a day at 08:30, 12:15 and 17:00".
    static QString describe(const core::Channel& channel);

protected:
    std::vector<Row> readAll() override;
    std::optional<Row> readRow(core::Id id) override;
    bool dependsOn(const core::Change& change) const override;

private:
    Row rowFor(const core::Channel& channel);
};

}  // namespace rapport::ui
