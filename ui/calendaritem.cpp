#include "ui/calendaritem.h"

#include "ui/displaytext.h"

namespace rapport::ui {

QString CalendarItem::key() const {
    return QStringLiteral("%1:%2:%3")
        .arg(post.id)
        .arg(post.seriesId.value_or(0))
        .arg(post.occurrenceDate ? toQDate(*post.occurrenceDate).toString(Qt::ISODate) : QString());
}

}  // namespace rapport::ui
