#pragma once
// The headless commands, one function each, grouped in files by area. cli.cpp lists them.

#include "app/cli.h"

namespace rapport::app {

// commands_workspace.cpp
int exportCommand(const Invocation& inv);
int importCommand(const Invocation& inv);

// commands_planning.cpp
int goalsCommand(const Invocation& inv);

// commands_calendar.cpp
int calendarCommand(const Invocation& inv);
int exportIcsCommand(const Invocation& inv);
int exportCsvCommand(const Invocation& inv);

// commands_nurture.cpp
int sequencesCommand(const Invocation& inv);
int enrollCommand(const Invocation& inv);
int stepDoneCommand(const Invocation& inv);

// commands_review.cpp
int dashboardCommand(const Invocation& inv);
int reviewCommand(const Invocation& inv);

// commands_contacts.cpp
int followupsCommand(const Invocation& inv);
int contactsCommand(const Invocation& inv);
int contactCommand(const Invocation& inv);
int importContactsCommand(const Invocation& inv);
int exportContactsCommand(const Invocation& inv);
int logCommand(const Invocation& inv);

}  // namespace rapport::app
