#pragma once

#include "ui/recordlistmodel.h"

namespace rapport::ui {

/// The workspace's niches: each one's name over its topic and what its guided form still lacks.
class NicheListModel : public RecordListModel {
    Q_OBJECT
public:
    explicit NicheListModel(core::Store& store, QObject* parent = nullptr);

protected:
    std::vector<Row> readAll() override;
    std::optional<Row> readRow(core::Id id) override;

private:
    static Row rowFor(const core::Niche& niche);
};

}  // namespace rapport::ui
