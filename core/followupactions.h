#pragma once
// The writes the follow-up queue offers: log an interaction (an outbound one is the touch that
// clears a planned date and a snooze), snooze, plan the next follow-up. Each is one transaction.

#include <optional>

#include "core/entities.h"

namespace rapport::core {

class Store;

/// What logging an interaction changed besides adding it.
struct LoggedInteraction {
    Id interactionId = 0;
    std::optional<Date> clearedNextFollowUp;  ///< the planned date an outbound touch cleared
    std::optional<Date> clearedSnooze;        ///< the snooze an outbound touch cleared
};

/// Adds `interaction` (its id is set) and, when it is outbound, clears its contact's next
/// follow-up date and snooze, all in one transaction (DOMAIN.md: the touch is done).
LoggedInteraction logInteraction(Store& store, Interaction& interaction);

/// Snoozes a contact until `until` (none clears the snooze).
void snoozeContact(Store& store, Id contactId, std::optional<Date> until);

/// Plans the next follow-up with a contact on `on` (none clears it).
void planFollowUp(Store& store, Id contactId, std::optional<Date> on);

}  // namespace rapport::core
