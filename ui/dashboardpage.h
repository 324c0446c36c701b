#pragma once

#include <QHash>

#include "ui/page.h"

class QGridLayout;
class QLabel;

namespace rapport::ui {

class RecordList;

/// The first page: what the workspace holds, as a tile per kind of record, and the posts that
/// go out next.
class DashboardPage : public Page {
    Q_OBJECT
public:
    explicit DashboardPage(core::Store& store, QWidget* parent = nullptr);

    /// The number a tile shows, by its key ("contacts", "posts", ...); -1 for no such tile.
    qlonglong tileValue(const QString& key) const;
    RecordList* upcoming() const { return m_upcoming; }

protected:
    void rebuild() override;

private:
    struct Tile {
        QLabel* value = nullptr;
        QLabel* detail = nullptr;
    };
    void addTile(const QString& key, const QString& caption);
    void setTile(const QString& key, qlonglong value, const QString& detail = {});

    QGridLayout* m_grid;
    RecordList* m_upcoming;
    QHash<QString, Tile> m_tiles;
};

}  // namespace rapport::ui
