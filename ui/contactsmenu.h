#pragma once
// The Contacts menu: importing contacts from LinkedIn, CSV and vCard files, finding and
// merging duplicates, exporting contacts (CSV, vCard) and the due follow-ups (iCalendar). The
// main window puts it on its menu bar, the Relationships page on its toolbar.

#include <QString>

#include "core/clock.h"
#include "core/store.h"
#include "ui/contactexporttask.h"

class QMenu;
class QWidget;

namespace rapport::ui {

class UndoContext;

/// The contact actions: Import contacts…, Find duplicates…, Export contacts (CSV)…,
/// Export contacts (vCard)…, Export follow-ups (iCalendar)…
/// The actions' object names: importContacts, findDuplicates, exportContactsCsv,
/// exportContactsVCard, exportFollowUps.
QMenu* makeContactsMenu(QWidget* parent, core::Store& store, UndoContext& undo,
                        const core::Clock& clock);

/// Writes an export to `path` on the calling thread through a temporary file that is renamed
/// over it only when everything was written, so a failed export never leaves half a file.
/// Returns an empty string on success, otherwise a sentence naming the file. The menu runs
/// exports of a workspace file off the GUI thread (ContactExportTask) and only an in-memory
/// workspace's here.
QString exportContacts(core::Store& store, const core::Clock& clock, ContactExportKind kind,
                       const QString& path);

}  // namespace rapport::ui
