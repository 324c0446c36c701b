#pragma once

#include <QDate>
#include <QFont>
#include <QHash>
#include <QLocale>
#include <QPoint>
#include <QWidget>

#include <array>
#include <vector>

#include "ui/postchip.h"

class QMimeData;

namespace rapport::ui {

struct CalendarItem;

/// The month grid: six weeks from the Monday on or before the 1st, each day a cell of chips,
/// "+N more" when a day holds more than fit. Painted, not built of widgets, so a busy month
/// costs one paint. Dragging a chip to another day asks the page to move the post there.
class MonthView : public QWidget {
    Q_OBJECT
public:
    explicit MonthView(QWidget* parent = nullptr);

    /// Shows the month of `month` with `items` (in time order; any outside the grid are left out).
    void setMonth(const QDate& month, const std::vector<const CalendarItem*>& items);
    void setSelectedDate(const QDate& day);
    void setToday(const QDate& day);

    QDate firstShownDay() const { return m_first; }
    QDate dateAt(const QPoint& pos) const;
    /// The chip under `pos`, or null.
    const CalendarItem* itemAt(const QPoint& pos) const;
    /// The posts a day holds, as shown.
    const std::vector<const CalendarItem*>& itemsOn(const QDate& day) const;
    /// Where the chip of `item` is drawn (empty when it is hidden behind "+N more").
    QRect chipRect(const CalendarItem* item) const;
    /// A drop of a chip at `pos`, as a drag ends on this view; true when it was taken.
    bool dropAt(const QMimeData* mime, const QPoint& pos);

signals:
    void dateClicked(const QDate& day);
    void itemActivated(const rapport::ui::CalendarItem* item);
    /// The user asked for a chip's menu at `globalPos`.
    void contextMenuRequested(const rapport::ui::CalendarItem* item, const QPoint& globalPos);
    void moreClicked(const QDate& day);
    /// A chip (by CalendarItem::key()) was dropped on `day`.
    void postDropped(const QString& key, const QDate& day);

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
    static constexpr int kCells = 42;
    static constexpr int kHeader = 24;
    static constexpr int kChipHeight = 18;
    static constexpr int kChipGap = 2;
    static constexpr int kDayLabel = 20;

    QRect cellRect(int index) const;
    int cellAt(const QPoint& pos) const;
    /// Chips that fit in a cell, "+N more" line included when needed.
    int visibleChips(int index) const;
    QRect moreRect(int index) const;

    /// The grid's own words (day names, day numbers, "+N more") laid out once per font, so a
    /// paint draws them without shaping: each paint must fit well inside a frame.
    struct Texts {
        QFont base;
        QLocale locale;
        Qt::LayoutDirection direction = Qt::LeftToRight;
        std::array<TextLine, 7> dayNames;
        std::array<TextLine, 31> days;
        std::array<TextLine, 31> todays;
        QHash<int, TextLine> more;
    };
    const Texts& texts(const QFont& base, Qt::LayoutDirection direction);
    const TextLine& moreText(int hidden);

    QDate m_month;
    QDate m_first;
    QDate m_selected;
    QDate m_today;
    std::array<std::vector<const CalendarItem*>, kCells> m_days;
    const CalendarItem* m_pressed = nullptr;
    QPoint m_pressPos;
    Texts m_texts;
    ChipTitles m_titles;  // the shown chips' titles, laid out; cleared with every setMonth()
};

}  // namespace rapport::ui
