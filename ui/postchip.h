#pragma once
// How a post looks on the calendar: a chip in its channel's colour, its time and title, its
// purpose as a short tag and its status in the chip's shape; the advisor's flag as a badge.
// The month and the week view both draw chips through these, so a post reads the same in each.

#include <QColor>
#include <QRect>
#include <QString>

#include "core/enums.h"

class QPainter;

namespace rapport::ui {

struct CalendarItem;

/// A calm colour per channel, told apart by its position in the workspace's channel list.
QColor channelColour(int index);
/// "Value", "Promo": the purpose in a word short enough for a chip.
QString purposeTag(core::Purpose purpose);
/// The chip's tooltip: title, time, channel, purpose, status, and the advisor's sentences.
QString chipToolTip(const CalendarItem& item);
/// Paints one chip into `rect`; `withTime` puts the local time before the title.
void paintChip(QPainter& painter, const QRect& rect, const CalendarItem& item, bool withTime);

}  // namespace rapport::ui
