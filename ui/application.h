#pragma once
// The GUI's entry point for app/main.cpp: everything between a QApplication and its exec().

#include <QString>

namespace rapport::ui {

/// Notes the moment the process started, for the startup probe. main() calls it first thing;
/// where the kernel says when the process started, that earlier moment is used instead.
void markProcessStart();

/// Opens the workspace at `dbPath` (creating it when missing), fills it with the demo campaign
/// when `seedDemoIfNew` and it is empty, shows the main window and runs the event loop.
/// Returns the exit code: 2 when the workspace cannot be opened (after saying why). With
/// `startupProbe`, prints "startup: main window shown after N ms" on stderr once the window
/// has been painted, and quits with 0. Needs a QApplication with organization and application
/// names set.
int runGui(const QString& dbPath, bool seedDemoIfNew, bool startupProbe);

}  // namespace rapport::ui
