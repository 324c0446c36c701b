#pragma once
// How a post looks on the calendar: a chip in its channel's colour, its time and title, its
// purpose as a short tag and its status in the chip's shape; the advisor's flag as a badge.
// The month and the week view both draw chips through these, so a post reads the same in each.

#include <QColor>
#include <QFont>
#include <QHash>
#include <QPalette>
#include <QPen>
#include <QRect>
#include <QString>

#include <memory>

#include "core/enums.h"

class QPainter;
class QTextLayout;

namespace rapport::ui {

struct CalendarItem;

/// A calm colour per channel, told apart by its position in the workspace's channel list.
QColor channelColour(int index);
/// "Value", "Promo": the purpose in a word short enough for a chip.
QString purposeTag(core::Purpose purpose);
/// The chip's tooltip: title, time, channel, purpose, status, and the advisor's sentences.
QString chipToolTip(const CalendarItem& item);

/// One line of text shaped once and drawn as often as wanted, where QPainter::drawText shapes
/// it again on every call: what the calendar's repeated words and numbers are drawn with. Draws
/// in its own font (the painter's font is not used) and the painter's pen, exactly where and as
/// drawText(rect, flags, text) would for a text without line breaks.
class TextLine {
public:
    TextLine() = default;
    TextLine(const QString& text, const QFont& font,
             Qt::LayoutDirection direction = Qt::LeftToRight);

    bool isNull() const { return !m_layout; }
    /// The width drawText would align by.
    qreal advance() const;
    /// Draws into `rect`, aligned as Qt::Alignment `flags` say (horizontal and vertical).
    void draw(QPainter& painter, const QRect& rect, int flags) const;

private:
    std::shared_ptr<QTextLayout> m_layout;  // shared by copies, never changed once made
    qreal m_leading = 0;
};

/// Chip titles as laid out by a ChipPainter, kept by a view between paints of the same items
/// (a click or a drag over the month repaints every chip). Clear it when the items change.
class ChipTitles {
public:
    void clear() { m_lines.clear(); }

private:
    friend class ChipPainter;
    struct Key {
        const void* item;
        int width;
        int height;
        friend bool operator==(const Key&, const Key&) = default;
        friend size_t qHash(const Key& key, size_t seed = 0) {
            return qHashMulti(seed, key.item, key.width, key.height);
        }
    };
    QFont m_font;
    Qt::LayoutDirection m_direction = Qt::LeftToRight;
    QHash<Key, TextLine> m_lines;
};

/// Paints chips one after another with their fonts, fixed words (times, tags) and shapes made
/// once for all paints: a busy month paints hundreds of chips, and drawText would shape every
/// word anew. The chips take the painter's font at construction as their base font; the
/// painter's pen is put back when the ChipPainter goes. The GUI thread's alone: the words and
/// shapes it keeps are shared by every view.
class ChipPainter {
public:
    /// `titles`, when given, keeps the titles laid out for the next paint of the same items.
    /// The words take colours that read on the `palette`'s base, light or dark.
    explicit ChipPainter(QPainter& painter, ChipTitles* titles = nullptr,
                         const QPalette& palette = QPalette());
    ~ChipPainter();
    ChipPainter(const ChipPainter&) = delete;
    ChipPainter& operator=(const ChipPainter&) = delete;

    void paint(const QRect& rect, const CalendarItem& item, bool withTime);

private:
    void paintShape(const QRect& rect, const QColor& fill, const QColor& accent, bool dashed);
    void paintBadge(const QRect& badge);
    void paintTitle(const QRect& rect, const CalendarItem& item, bool skipped);
    /// `hue` made darker (on a light base) or lighter (on a dark one) by `factor`.
    QColor ink(const QColor& hue, int factor) const;

    QPainter& m_painter;
    ChipTitles* m_titles;
    QFont m_base;
    QPen m_pen;
    bool m_dark;
    QColor m_text;
    bool m_cacheShapes;
};

}  // namespace rapport::ui
