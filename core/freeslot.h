#pragma once
// The next free slot on a channel (issue 4, "ask for the next free slot"): one of its preferred
// local times, on a day that is not yet at its daily cap, at or after a given instant.

#include <optional>

#include "core/store.h"

namespace rapport::core {

/// The earliest of the channel's preferred local times (09:00 when it has none), in the
/// workspace's zone, at or after `from`, that no post of the channel already takes, on a local
/// day whose scheduled, published and draft posts (series occurrences included) are fewer than
/// its daily cap. Looks `searchDays` days ahead; nullopt when every slot is taken. Throws
/// ValidationError when the channel does not exist.
std::optional<Instant> nextFreeSlot(Store& store, Id channelId, Instant from, int searchDays = 366);

}  // namespace rapport::core
