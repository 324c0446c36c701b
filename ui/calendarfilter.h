#pragma once

#include <QString>

#include <optional>

#include "core/entities.h"

namespace rapport::ui {

/// What the calendar shows of the loaded range: each set field narrows it. Filtering runs over
/// posts already in memory, so changing it never reads the store.
struct CalendarFilter {
    std::optional<core::Id> channelId;
    std::optional<core::Id> nicheId;
    std::optional<core::Id> campaignId;
    std::optional<core::PostStatus> status;
    std::optional<core::Purpose> purpose;
    QString search;  ///< matched case-insensitively against title and body

    bool isEmpty() const {
        return !channelId && !nicheId && !campaignId && !status && !purpose && search.isEmpty();
    }
    bool matches(const core::Post& p) const;
};

}  // namespace rapport::ui
