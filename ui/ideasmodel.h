#pragma once

#include <QAbstractTableModel>

#include <string>
#include <vector>

#include "core/store.h"
#include "core/topicideas.h"
#include "ui/roles.h"

namespace rapport::ui {

/// The topic ideas ranked by how many interactions asked for them (core::rankedIdeas), one
/// row each: title, niche, how many asked, status as shown (covered once its post is
/// published) and the post that answers it. The page reloads it after store changes.
class IdeasModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column : int { Title, Niche, Asked, Status, Post, ColumnCount };
    enum IdeaRole : int {
        AskedCountRole = FirstModelRole,  ///< qlonglong
        StatusRole,                       ///< int: core::IdeaStatus as shown
        PostIdRole,                       ///< qlonglong, 0 without a post
    };

    explicit IdeasModel(core::Store& store, QObject* parent = nullptr);

    /// Reads the ranking again.
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const core::RankedIdea& ideaAt(int row) const {
        return m_rows.at(static_cast<std::size_t>(row));
    }
    /// The row showing the idea, or -1.
    int rowOf(core::Id id) const;

private:
    QString postText(const core::RankedIdea& row) const;

    core::Store& m_store;
    std::string m_zone;
    std::vector<core::RankedIdea> m_rows;
};

}  // namespace rapport::ui
