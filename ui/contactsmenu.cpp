#include "ui/contactsmenu.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

#include <string>

#include "ui/contactimportdialog.h"
#include "ui/duplicatesdialog.h"
#include "ui/undocontext.h"

namespace rapport::ui {

namespace {

const QString kFolderKey = QStringLiteral("contacts/exportFolder");

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
    const std::string& workspace = store.path();
    if (workspace.empty() || workspace == ":memory:") {
        // Nothing another connection could open: a scratch workspace is small, export here.
        const QString problem = exportContacts(store, clock, kind, path);
        if (!problem.isEmpty()) {
            QMessageBox::warning(parent, title, problem);
        }
        return;
    }
    auto* task =
        new ContactExportTask(QString::fromStdString(workspace), kind, path, clock.now(), parent);
    auto* progress =
        new QProgressDialog(QObject::tr("Exporting…"), QObject::tr("Cancel"), 0, 0, parent);
    progress->setObjectName(QStringLiteral("contactExportProgress"));
    progress->setWindowTitle(title);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    QObject::connect(progress, &QProgressDialog::canceled, task, &ContactExportTask::cancel);
    QObject::connect(task, &ContactExportTask::progressed, progress,
                     [progress](qint64 done, qint64 total) {
                         progress->setMaximum(static_cast<int>(total));
                         progress->setValue(static_cast<int>(done));
                     });
    QObject::connect(task, &ContactExportTask::finished, task,
                     [parent, task, progress, title](ContactExportTask::Outcome outcome,
                                                     const QString& message) {
                         // hide(), not close(): closing a progress dialog reports a cancel.
                         progress->hide();
                         progress->deleteLater();
                         task->deleteLater();
                         if (outcome == ContactExportTask::Outcome::Failed) {
                             QMessageBox::warning(parent, title, message);
                         }
                     });
    task->start();
}

}  // namespace

QString exportContacts(core::Store& store, const core::Clock& clock, ContactExportKind kind,
                       const QString& path) {
    const auto result = ContactExportTask::run(store, clock, kind, path, {});
    return result.outcome == ContactExportTask::Outcome::Exported ? QString() : result.message;
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
