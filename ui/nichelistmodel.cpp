#include "ui/nichelistmodel.h"

#include "ui/displaytext.h"
#include "ui/plantext.h"

namespace rapport::ui {

NicheListModel::NicheListModel(core::Store& store, QObject* parent)
    : RecordListModel(store, core::Entity::Niche, parent) {
    reload();
}

std::vector<RecordListModel::Row> NicheListModel::readAll() {
    std::vector<Row> rows;
    for (const auto& niche : store().list<core::Niche>()) {
        rows.push_back(rowFor(niche));
    }
    return rows;
}

std::optional<RecordListModel::Row> NicheListModel::readRow(core::Id id) {
    const auto niche = store().find<core::Niche>(id);
    return niche ? std::optional{rowFor(*niche)} : std::nullopt;
}

RecordListModel::Row NicheListModel::rowFor(const core::Niche& niche) {
    QStringList facts{qs(niche.topic)};
    const QString empty = nicheStillEmptyText(niche);
    if (!empty.isEmpty()) {
        facts << empty;
    }
    return {niche.id, qs(niche.name), facts.join(dot()), {}};
}

}  // namespace rapport::ui
