#pragma once

#include <QAbstractListModel>

#include <vector>

namespace rapport::ui {

struct CalendarItem;

/// The agenda: the period's posts as a list, one row per post in time order. Lazy: rows are
/// handed to the view a chunk at a time (canFetchMore/fetchMore), so a period of thousands of
/// posts opens as fast as one of ten.
class AgendaModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int kChunk = 200;

    explicit AgendaModel(QObject* parent = nullptr);

    void setItems(std::vector<const CalendarItem*> items);
    /// Every post of the period, fetched or not.
    std::size_t totalCount() const { return m_items.size(); }
    const CalendarItem* itemAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

private:
    std::vector<const CalendarItem*> m_items;
    int m_fetched = 0;
};

}  // namespace rapport::ui
