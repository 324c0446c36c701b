#pragma once
// The demo campaign: a realistic workspace a new user can look around in, shipped as a
// workspace JSON document in the resources and moved to the current week when it is loaded.

#include "core/clock.h"
#include "core/store.h"
#include "core/types.h"
#include "core/workspacejson.h"

namespace rapport::ui {

/// The day the demo document is written around, a Monday: its "today".
inline constexpr core::Date kDemoAnchor{date::year{2026}, date::November, date::day{23}};

/// The demo workspace with its dates moved by whole weeks so kDemoAnchor's week is the week of
/// `today`. Throws core::ImportError when the shipped document is broken.
core::WorkspaceData loadDemoWorkspace(core::Date today);

/// Writes the demo campaign into an empty store; one that holds records is refused (core's
/// restore throws, and nothing changes).
void seedDemoWorkspace(core::Store& store, core::Date today);
/// The same, for the week of today as `clock` says it in the demo's own time zone (the zone the
/// workspace has once the demo is in).
void seedDemoWorkspace(core::Store& store, const core::Clock& clock);

}  // namespace rapport::ui
