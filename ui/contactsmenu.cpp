#include "ui/contactsmenu.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>

#include <exception>
#include <string>

#include "core/contactexport.h"
#include "core/followupcalendar.h"
#include "core/followupqueue.h"
#include "ui/contactimportdialog.h"
#include "ui/duplicatesdialog.h"
#include "ui/undocontext.h"

namespace rapport::ui {

namespace {

const QString kFolderKey = QStringLiteral("contacts/exportFolder");

std::string exportText(core::Store& store, const core::Clock& clock, ContactExportKind kind) {
    switch (kind) {
        case ContactExportKind::Csv:
            return core::ContactExport::toCsv(store);
        case ContactExportKind::VCard:
            return core::ContactExport::toVCard(store, core::VCardVersion::V4);
        case ContactExportKind::FollowUps: {
            core::FollowUpQueue queue{store, clock};
            return core::FollowUpCalendar::toICalendar(queue.forToday(), clock.now());
        }
    }
    return {};
}

void exportDialog(QWidget* parent, core::Store& store, const core::Clock& clock,
                  ContactExportKind kind) {
    QString title;
    QString name;
    QString filter;
    switch (kind) {
        case ContactExportKind::Csv:
            title = QObject::tr("Export contacts as CSV");
            name = QStringLiteral("contacts.csv");
            filter = QObject::tr("CSV files (*.csv)");
            break;
        case ContactExportKind::VCard:
            title = QObject::tr("Export contacts as vCard");
            name = QStringLiteral("contacts.vcf");
            filter = QObject::tr("vCard files (*.vcf)");
            break;
        case ContactExportKind::FollowUps:
            title = QObject::tr("Export follow-ups as iCalendar to-dos");
            name = QStringLiteral("follow-ups.ics");
            filter = QObject::tr("iCalendar files (*.ics)");
            break;
    }
    QSettings settings;
    const QString folder = settings.value(kFolderKey, QDir::homePath()).toString();
    const QString path =
        QFileDialog::getSaveFileName(parent, title, QDir(folder).filePath(name), filter);
    if (path.isEmpty()) {
        return;
    }
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    const QString problem = exportContacts(store, clock, kind, path);
    if (!problem.isEmpty()) {
        QMessageBox::warning(parent, title, problem);
    }
}

}  // namespace

QString exportContacts(core::Store& store, const core::Clock& clock, ContactExportKind kind,
                       const QString& path) {
    std::string text;
    try {
        text = exportText(store, clock, kind);
    } catch (const std::exception& e) {
        return QObject::tr("Could not export to %1: %2")
            .arg(path, QString::fromStdString(e.what()));
    }
    // QSaveFile writes next to the target and renames over it on commit(); a failure on the
    // way leaves whatever was there before, never half a file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return QObject::tr("Could not write %1: %2").arg(path, file.errorString());
    }
    const auto size = static_cast<qint64>(text.size());
    if (file.write(text.data(), size) != size) {
        const QString error = file.errorString();
        file.cancelWriting();
        return QObject::tr("Could not write %1: %2").arg(path, error);
    }
    if (!file.commit()) {
        return QObject::tr("Could not write %1: %2").arg(path, file.errorString());
    }
    return {};
}

QMenu* makeContactsMenu(QWidget* parent, core::Store& store, UndoContext& undo,
                        const core::Clock& clock) {
    auto* menu = new QMenu(QObject::tr("&Contacts"), parent);
    menu->setObjectName(QStringLiteral("contactsMenu"));
    QAction* import = menu->addAction(QObject::tr("&Import contacts…"), menu, [=, &undo, &clock] {
        auto* dialog = new ContactImportDialog(undo, clock, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->show();
    });
    import->setObjectName(QStringLiteral("importContacts"));
    QAction* duplicates = menu->addAction(QObject::tr("Find &duplicates…"), menu, [=, &undo] {
        auto* dialog = new DuplicatesDialog(undo, parent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->show();
    });
    duplicates->setObjectName(QStringLiteral("findDuplicates"));
    menu->addSeparator();
    QAction* csv = menu->addAction(
        QObject::tr("Export contacts (&CSV)…"), menu,
        [=, &store, &clock] { exportDialog(parent, store, clock, ContactExportKind::Csv); });
    csv->setObjectName(QStringLiteral("exportContactsCsv"));
    QAction* vcard = menu->addAction(
        QObject::tr("Export contacts (&vCard)…"), menu,
        [=, &store, &clock] { exportDialog(parent, store, clock, ContactExportKind::VCard); });
    vcard->setObjectName(QStringLiteral("exportContactsVCard"));
    QAction* ics = menu->addAction(
        QObject::tr("Export &follow-ups (iCalendar)…"), menu,
        [=, &store, &clock] { exportDialog(parent, store, clock, ContactExportKind::FollowUps); });
    ics->setObjectName(QStringLiteral("exportFollowUps"));
    return menu;
}

}  // namespace rapport::ui
