#pragma once

#include <QColor>
#include <QDate>
#include <QString>
#include <QStringList>

#include "core/entities.h"

namespace rapport::ui {

/// One post as the calendar's views draw it: the post, where it falls in local time, and what
/// the chip shows (channel colour and name, the advisor's sentences). Worked out once per load
/// so painting and filtering never convert times or look up names.
struct CalendarItem {
    core::Post post;
    QDate day;        ///< local date in the workspace zone
    int minutes = 0;  ///< local time of day
    QColor colour;    ///< the channel's colour
    QString channel;
    QStringList flags;  ///< the advisor's sentences; empty when the post breaks no rule

    /// Identifies the post across reloads, generated occurrences (id 0) included:
    /// "id:seriesId:yyyy-MM-dd".
    QString key() const;
};

/// The drag-and-drop format of a calendar chip; the data is CalendarItem::key().
inline constexpr const char* kPostMimeType = "application/x-rapport-post";

}  // namespace rapport::ui
