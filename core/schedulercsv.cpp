#include "core/schedulercsv.h"

#include "core/recurrence.h"
#include "core/timeutil.h"

namespace rapport::core {

std::string csvField(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string{value};
    }
    std::string out = "\"";
    for (const char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

SchedulerCsv exportSchedulerCsv(Store& store, Id channelId, Date from, Date to) {
    store.get<Channel>(channelId);  // names the channel when it does not exist
    const std::string zone = store.timeZone();
    SchedulerCsv csv;
    csv.text = "date,time_24hr,message_text,link\r\n";
    for (const auto& p : effectivePosts(store, from, to, channelId)) {
        // Only what is ready to go out: ideas and drafts are not, published posts went out.
        if (p.status != PostStatus::Scheduled || !p.scheduledAt) {
            continue;
        }
        csv.text += formatDate(localDate(*p.scheduledAt, zone)) + "," +
                    formatTimeOfDay(localTimeOfDay(*p.scheduledAt, zone)) + "," +
                    csvField(p.body.empty() ? p.title : p.body) + "," + csvField(p.link) + "\r\n";
        ++csv.rows;
    }
    return csv;
}

}  // namespace rapport::core
