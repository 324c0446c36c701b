#pragma once
// Scheduled posts of one channel as a bulk-scheduler CSV (Sprout Social style), so a plan made
// here can be loaded into the tool that publishes it.

#include <string>
#include <string_view>

#include "core/store.h"

namespace rapport::core {

struct SchedulerCsv {
    std::string text;
    std::size_t rows = 0;
};

/// The header `date,time_24hr,message_text,link`, then one row per scheduled post of the
/// channel in the local days [from, to] (series occurrences included), in time order: the local
/// date (YYYY-MM-DD) and time (HH:MM) in the workspace's zone, the body (the title when the body
/// is empty) and the link. RFC 4180: CRLF line ends; a field with a comma, a quote or a line
/// break is quoted, its quotes doubled. Throws ValidationError when the channel does not exist.
SchedulerCsv exportSchedulerCsv(Store& store, Id channelId, Date from, Date to);

/// One field as RFC 4180 writes it.
std::string csvField(std::string_view value);

}  // namespace rapport::core
