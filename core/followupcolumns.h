#pragma once
// Internal to core: the contact columns the follow-up rules read, shared by the queries of
// FollowUpQueue and ContactQuery so that both read a contact the same way. Select them from
// `contacts c`, in this order, starting at any column.

#include "core/followupqueue.h"
#include "core/localdays.h"
#include "core/sqlite.h"

#define RAPPORT_FOLLOWUP_COLUMNS                                                    \
    "c.stage, c.cadence_days, c.cadence_never, c.next_follow_up, c.snoozed_until, " \
    "c.created_on, c.last_at, c.last_id, c.last_direction, c.last_kind"

namespace rapport::core {

constexpr int kFollowUpColumnCount = 10;

/// The facts of the contact in the current row, from column `first` on; steps left empty.
FollowUpFacts readFollowUpFacts(const sql::Statement& s, int first, LocalDays& days);

}  // namespace rapport::core
