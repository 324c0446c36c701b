#include "ui/calendarfilter.h"

#include "ui/displaytext.h"

namespace rapport::ui {

bool CalendarFilter::matches(const core::Post& p) const {
    if ((channelId && p.channelId != *channelId) || (nicheId && p.nicheId != nicheId) ||
        (campaignId && p.campaignId != campaignId) || (status && p.status != *status) ||
        (purpose && p.purpose != *purpose)) {
        return false;
    }
    if (search.isEmpty()) {
        return true;
    }
    return qs(p.title).contains(search, Qt::CaseInsensitive) ||
           qs(p.body).contains(search, Qt::CaseInsensitive);
}

}  // namespace rapport::ui
