#pragma once

#include <QDate>
#include <QPoint>
#include <QWidget>

#include <vector>

class QMimeData;

namespace rapport::ui {

struct CalendarItem;

/// The week with time slots: seven day columns, one row per hour, each post at its local time.
/// Several posts in one hour share the row; what does not fit shows as "+N". Dropping a chip
/// on a half-hour slot asks the page to move the post to that day and time.
class WeekView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHourHeight = 44;
    static constexpr int kHeader = 30;
    static constexpr int kGutter = 48;

    explicit WeekView(QWidget* parent = nullptr);

    /// Shows the week starting on Monday `monday` with `items` (in time order).
    void setWeek(const QDate& monday, const std::vector<const CalendarItem*>& items);
    void setSelectedDate(const QDate& day);
    void setToday(const QDate& day);

    QDate firstDay() const { return m_monday; }
    /// The day and the half-hour slot (minutes since midnight) at `pos`; invalid date outside.
    std::pair<QDate, int> slotAt(const QPoint& pos) const;
    const CalendarItem* itemAt(const QPoint& pos) const;
    QRect chipRect(const CalendarItem* item) const;
    /// The posts shown for a day.
    std::vector<const CalendarItem*> itemsOn(const QDate& day) const;
    bool dropAt(const QMimeData* mime, const QPoint& pos);

    QSize sizeHint() const override;

signals:
    void dateClicked(const QDate& day);
    void itemActivated(const rapport::ui::CalendarItem* item);
    /// The user asked for a chip's menu at `globalPos`.
    void contextMenuRequested(const rapport::ui::CalendarItem* item, const QPoint& globalPos);
    void postDropped(const QString& key, const QDate& day, int minutes);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool event(QEvent* event) override;

private:
    static constexpr int kPerHour = 2;  // chips that fit in an hour row
    struct Placed {
        const CalendarItem* item;
        QRect rect;
    };
    QRect columnRect(int day) const;
    /// Where the day names are drawn: the top of the visible part.
    int headerTop() const;
    void layoutChips();

    QDate m_monday;
    QDate m_selected;
    QDate m_today;
    std::vector<const CalendarItem*> m_items;
    std::vector<Placed> m_placed;
    std::vector<std::pair<QRect, int>> m_more;  // "+N" labels
    const CalendarItem* m_pressed = nullptr;
    QPoint m_pressPos;
};

}  // namespace rapport::ui
