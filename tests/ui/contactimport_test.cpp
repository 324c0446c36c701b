// Importing contacts through the dialog: a LinkedIn export with bad rows previewed (nothing
// written), accepted (the good rows in the store, one undo step), and imported again (nothing
// new); a CSV whose columns are chosen in the mapping; vCard files, whole and broken; and a
// cancelled import that leaves the workspace as it was. The work runs on a worker thread with
// its own connection to the workspace file, as it does in the application.

#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <iostream>

#include <gtest/gtest.h>

#include "core/clock.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/columnmappingwidget.h"
#include "ui/contactimportdialog.h"
#include "ui/contactimporttask.h"
#include "ui/undocontext.h"

namespace rapport::ui {
namespace {

using core::ImportRowStatus;
using Outcome = ContactImportTask::Outcome;
using test::TempFolder;
using test::waitUntil;

const char* const kLinkedIn =
    "\xEF\xBB\xBFNotes:\n"
    "\"When exporting your connection data, you may notice that some of the email addresses "
    "are missing.\"\n"
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Priya,Raman,https://www.linkedin.com/in/priyaraman,priya@example.com,Rise & Crumb,Owner,05 "
    "Oct 2020\n"
    "Daniel,Brooks,https://www.linkedin.com/in/danbrooks,,Weeknight Pantry,Food blogger,12 Mar "
    "2021\n"
    ",,,,,,\n"
    "Ana,L\xC3\xB3pez,https://www.linkedin.com/in/ana-lopez-42/,,\"Acme, Inc.\",Head of "
    "Marketing,1 Feb 2022\n"
    "Bob,Stone,https://www.linkedin.com/in/bobstone,bob at example,Stone Ltd,CEO,3 Mar 2023\n"
    "Fatima,Haddad,https://www.linkedin.com/in/fhaddad,,Contoso,Founder,31 Feb 2024\n";

class ContactImportTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::clearSettings();
        m_store = core::Store::open(m_folder.file(QStringLiteral("work.rapport")));
        m_undo = std::make_unique<UndoContext>(*m_store, &m_stack);
    }
    void TearDown() override { m_stack.clear(); }

    QString write(const QString& name, const QByteArray& bytes) {
        const QString path = m_folder.path(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        return path;
    }

    /// A dialog showing the preview of `path`, or null when the preview failed.
    std::unique_ptr<ContactImportDialog> previewOf(const QString& path) {
        auto dialog = std::make_unique<ContactImportDialog>(*m_undo, m_clock);
        QSignalSpy ready(dialog.get(), &ContactImportDialog::previewReady);
        QSignalSpy failed(dialog.get(), &ContactImportDialog::previewFailed);
        dialog->setFile(path);
        EXPECT_TRUE(waitUntil([&] { return !ready.isEmpty() || !failed.isEmpty(); }));
        EXPECT_FALSE(dialog->isBusy());
        return dialog;
    }

    static Outcome importAll(ContactImportDialog& dialog) {
        QSignalSpy finished(&dialog, &ContactImportDialog::importFinished);
        dialog.startImport();
        EXPECT_TRUE(waitUntil([&] { return !finished.isEmpty(); }));
        return finished.isEmpty() ? Outcome::Failed : finished.at(0).at(0).value<Outcome>();
    }

    const core::ImportRow* rowNamed(const core::ImportPreview& p, const std::string& name) {
        for (const auto& r : p.rows) {
            if (r.contact.displayName == name) {
                return &r;
            }
        }
        return nullptr;
    }

    std::optional<core::Contact> contactNamed(const std::string& name) {
        for (auto& c : m_store->list<core::Contact>()) {
            if (c.displayName == name) {
                return c;
            }
        }
        return std::nullopt;
    }

    TempFolder m_folder;
    core::FixedClock m_clock{*core::parseInstant("2026-11-25T12:00:00Z")};
    std::unique_ptr<core::Store> m_store;
    QUndoStack m_stack;
    std::unique_ptr<UndoContext> m_undo;
};

TEST_F(ContactImportTest, LinkedInPreviewNamesBadRowsAndWritesNothing) {
    const QString path = write(QStringLiteral("Connections.csv"), kLinkedIn);
    auto dialog = previewOf(path);
    EXPECT_EQ(dialog->format(), core::ImportFormat::LinkedIn);
    EXPECT_EQ(dialog->importButton()->text(), QStringLiteral("Import 3 contacts"));
    const auto& p = dialog->preview();
    EXPECT_EQ(p.count(ImportRowStatus::New), 3u);
    EXPECT_EQ(p.count(ImportRowStatus::Match), 0u);
    EXPECT_EQ(p.count(ImportRowStatus::Invalid), 2u);
    EXPECT_TRUE(dialog->summary().contains(QStringLiteral("3 new")));
    EXPECT_TRUE(dialog->summary().contains(QStringLiteral("2 invalid")));

    const auto* bob = rowNamed(p, "Bob Stone");
    ASSERT_NE(bob, nullptr);
    EXPECT_EQ(bob->status, ImportRowStatus::Invalid);
    const QString reason = ImportPreviewModel::reasonText(*bob);
    EXPECT_TRUE(reason.startsWith(QStringLiteral("row %1: ").arg(bob->line)))
        << reason.toStdString();
    EXPECT_TRUE(reason.contains(QStringLiteral("bob at example"))) << reason.toStdString();
    const auto* fatima = rowNamed(p, "Fatima Haddad");
    ASSERT_NE(fatima, nullptr);
    EXPECT_TRUE(ImportPreviewModel::reasonText(*fatima).contains(QStringLiteral("31 Feb 2024")));

    // The model shows the reason in its Details column and offers no check box for it.
    auto* model = dialog->previewModel();
    const int bobRow = static_cast<int>(bob - p.rows.data());
    EXPECT_EQ(
        model->data(model->index(bobRow, ImportPreviewModel::Details), Qt::DisplayRole).toString(),
        reason);
    EXPECT_FALSE(model->flags(model->index(bobRow, ImportPreviewModel::Import)) &
                 Qt::ItemIsUserCheckable);
    EXPECT_EQ(m_store->count<core::Contact>(), 0);
}

TEST_F(ContactImportTest, AcceptingWritesGoodRowsOnceAsOneUndoStep) {
    const QString path = write(QStringLiteral("Connections.csv"), kLinkedIn);
    auto dialog = previewOf(path);
    ASSERT_EQ(importAll(*dialog), Outcome::Done);
    ASSERT_TRUE(dialog->result());
    EXPECT_EQ(dialog->result()->added, 3u);
    EXPECT_EQ(dialog->result()->skipped, 2u);
    // The worker wrote through its own connection; the window's store reads it.
    EXPECT_EQ(m_store->count<core::Contact>(), 3);
    const auto ana = contactNamed("Ana López");
    ASSERT_TRUE(ana);
    EXPECT_EQ(ana->company, "Acme, Inc.");
    EXPECT_EQ(ana->stage, core::Stage::Follower);
    EXPECT_EQ(m_stack.count(), 1);

    // The same file again: everyone is already here, nothing is added.
    auto again = previewOf(path);
    EXPECT_EQ(again->preview().count(ImportRowStatus::New), 0u);
    EXPECT_EQ(again->preview().count(ImportRowStatus::Match), 3u);
    EXPECT_FALSE(again->importButton()->isEnabled());
    EXPECT_EQ(again->importButton()->text(), QStringLiteral("Nothing new to import"));
    again->startImport();
    EXPECT_FALSE(again->isBusy());
    EXPECT_EQ(m_store->count<core::Contact>(), 3);
    EXPECT_EQ(m_stack.count(), 1);

    // Undo takes the import back; redo brings the same contacts back.
    while (m_stack.canUndo()) {
        m_stack.undo();
    }
    EXPECT_EQ(m_store->count<core::Contact>(), 0);
    while (m_stack.canRedo()) {
        m_stack.redo();
    }
    EXPECT_EQ(m_store->count<core::Contact>(), 3);
    EXPECT_EQ(contactNamed("Ana López")->id, ana->id);
}

TEST_F(ContactImportTest, UncheckedRowsAreNotWritten) {
    auto dialog = previewOf(write(QStringLiteral("Connections.csv"), kLinkedIn));
    auto* model = dialog->previewModel();
    const int priya = static_cast<int>(rowNamed(dialog->preview(), "Priya Raman") -
                                       dialog->preview().rows.data());
    ASSERT_TRUE(model->setData(model->index(priya, ImportPreviewModel::Import), Qt::Unchecked,
                               Qt::CheckStateRole));
    EXPECT_EQ(model->acceptedCount(), 2u);
    ASSERT_EQ(importAll(*dialog), Outcome::Done);
    EXPECT_EQ(m_store->count<core::Contact>(), 2);
    EXPECT_FALSE(contactNamed("Priya Raman"));
}

TEST_F(ContactImportTest, MappedCsvFollowsTheChosenColumns) {
    const QString path = write(QStringLiteral("people.csv"),
                               "Who,Mail,Firm,Labels,Shoe size\n"
                               "Sam Reader,sam@example.com,Reader Co,blogger; beta,42\n"
                               "Kim Keen,kim@example.com,,local,39\n");
    auto dialog = previewOf(path);
    EXPECT_EQ(dialog->format(), core::ImportFormat::Csv);
    // No column's name says it is the name: the dialog asks for the columns.
    EXPECT_FALSE(dialog->problem().isEmpty());
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("people.csv")))
        << dialog->problem().toStdString();
    ColumnMappingWidget* mapping = dialog->mappingWidget();
    ASSERT_EQ(mapping->columnCount(), 5);

    QSignalSpy ready(dialog.get(), &ContactImportDialog::previewReady);
    mapping->setTarget(0, {core::ImportField::DisplayName});
    mapping->setTarget(1, {core::ImportField::Email});
    mapping->setTarget(2, {core::ImportField::Company});
    mapping->setTarget(3, {core::ImportField::Tags});
    mapping->setTarget(4, {core::ImportField::Ignore});
    // The preview follows the mapping by itself (debounced, off the GUI thread).
    ASSERT_TRUE(waitUntil([&] { return !ready.isEmpty() && !dialog->isBusy(); }));
    EXPECT_TRUE(dialog->problem().isEmpty());
    EXPECT_EQ(dialog->preview().count(ImportRowStatus::New), 2u);
    ASSERT_EQ(importAll(*dialog), Outcome::Done);
    const auto sam = contactNamed("Sam Reader");
    ASSERT_TRUE(sam);
    EXPECT_EQ(sam->email, "sam@example.com");
    EXPECT_EQ(sam->company, "Reader Co");
    EXPECT_EQ(sam->tags, (std::vector<std::string>{"beta", "blogger"}));
}

TEST_F(ContactImportTest, VCardIsGuessedAndImported) {
    const QString path = write(QStringLiteral("cards.txt"),
                               "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana López\r\nN:López;Ana;;;\r\n"
                               "EMAIL;TYPE=INTERNET:ana@example.com\r\nORG:Acme\r\nEND:VCARD\r\n"
                               "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Chen Wei\r\n"
                               "EMAIL:chen@example.org\r\nEND:VCARD\r\n");
    auto dialog = previewOf(path);
    EXPECT_EQ(dialog->format(), core::ImportFormat::VCard);
    EXPECT_FALSE(dialog->mappingWidget()->isVisibleTo(dialog.get()));
    EXPECT_EQ(dialog->preview().count(ImportRowStatus::New), 2u);
    ASSERT_EQ(importAll(*dialog), Outcome::Done);
    EXPECT_EQ(m_store->count<core::Contact>(), 2);
    EXPECT_EQ(contactNamed("Ana López")->company, "Acme");
}

TEST_F(ContactImportTest, BrokenFilesAreRefusedByNameAndLine) {
    const QString truncated = write(QStringLiteral("cut.vcf"),
                                    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nEND:VCARD\r\n"
                                    "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Chen\r\n");
    auto dialog = previewOf(truncated);
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("cut.vcf")))
        << dialog->problem().toStdString();
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("line")))
        << dialog->problem().toStdString();
    EXPECT_TRUE(dialog->preview().rows.empty());

    const QString longLine =
        write(QStringLiteral("long.vcf"), "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana\r\nNOTE:" +
                                              QByteArray(10'050, 'x') + "\r\nEND:VCARD\r\n");
    auto tooLong = previewOf(longLine);
    EXPECT_TRUE(tooLong->problem().contains(QStringLiteral("long.vcf")))
        << tooLong->problem().toStdString();
    EXPECT_TRUE(tooLong->problem().contains(QStringLiteral("line 4")))
        << tooLong->problem().toStdString();

    const QString empty = write(QStringLiteral("empty.csv"), "");
    auto none = previewOf(empty);
    EXPECT_TRUE(none->problem().contains(QStringLiteral("empty.csv")));
    EXPECT_EQ(m_store->count<core::Contact>(), 0);
}

TEST_F(ContactImportTest, Latin1QuotedFieldsAndBlankRowsAreRead) {
    const QString path = write(QStringLiteral("latin1.csv"),
                               "Name,Email,Notes\r\n"
                               "Jos\xE9 N\xFA\xF1"
                               "ez,jose@example.com,\"Met in Madrid, "
                               "2024\nat the fair\"\r\n"
                               "\r\n"
                               ",,\r\n"
                               "Ren\xE9"
                               "e Blanc,renee@example.com,\r\n");
    auto dialog = previewOf(path);
    ASSERT_TRUE(dialog->problem().isEmpty()) << dialog->problem().toStdString();
    EXPECT_EQ(dialog->preview().count(ImportRowStatus::New), 2u);
    QString notes;
    for (const auto& n : dialog->preview().notes) {
        notes += QString::fromStdString(n);
    }
    EXPECT_TRUE(notes.contains(QStringLiteral("Latin-1"))) << notes.toStdString();
    ASSERT_EQ(importAll(*dialog), Outcome::Done);
    const auto jose = contactNamed("José Núñez");
    ASSERT_TRUE(jose);
    EXPECT_EQ(jose->notes, "Met in Madrid, 2024\nat the fair");
}

TEST_F(ContactImportTest, UndoRefusesToDropInteractionsLoggedSinceTheImport) {
    auto dialog = previewOf(write(QStringLiteral("Connections.csv"), kLinkedIn));
    ASSERT_EQ(importAll(*dialog), Outcome::Done);
    test::addInteraction(*m_store, contactNamed("Chen Wei") ? contactNamed("Chen Wei")->id
                                                            : contactNamed("Ana López")->id);
    QSignalSpy failed(m_undo.get(), &UndoContext::failed);
    m_stack.undo();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.at(0).at(0).toString().contains(QStringLiteral("since the import")));
    EXPECT_EQ(m_store->count<core::Contact>(), 3);
    EXPECT_EQ(m_store->count<core::Interaction>(), 1);
}

TEST_F(ContactImportTest, LargeImportKeepsTheWindowResponsive) {
    QByteArray csv = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
    constexpr int kRows = 20'000;
    for (int i = 0; i < kRows; ++i) {
        csv += QStringLiteral(
                   "Given%1,Family%1,https://www.linkedin.com/in/person%1,p%1@example.com,"
                   "Company %2,Role,05 Oct 2020\n")
                   .arg(i)
                   .arg(i % 50)
                   .toUtf8();
    }
    const QString path = write(QStringLiteral("big.csv"), csv);
    // A timer on the GUI thread: the longest gap between its ticks is how long the window
    // could not answer.
    QElapsedTimer since;
    qint64 longest = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout,
                     [&] { longest = std::max(longest, since.restart()); });
    since.start();
    tick.start();
    QElapsedTimer clock;
    clock.start();
    auto dialog = previewOf(path);
    const qint64 previewMs = clock.restart();
    ASSERT_EQ(dialog->preview().count(ImportRowStatus::New), static_cast<std::size_t>(kRows));
    const qint64 previewGap = longest;
    longest = 0;
    since.restart();
    ASSERT_EQ(importAll(*dialog), Outcome::Done);
    const qint64 commitMs = clock.elapsed();
    tick.stop();
    EXPECT_EQ(m_store->count<core::Contact>(), kRows);
    std::cout << "[ figures  ] " << kRows << " rows: preview " << previewMs
              << " ms (longest GUI gap " << previewGap << " ms), commit " << commitMs
              << " ms (longest GUI gap " << longest << " ms)\n";
    // Generous bounds for a loaded machine; the work itself takes far longer than these.
    EXPECT_LT(previewGap, 400);
    EXPECT_LT(longest, 400);
}

TEST_F(ContactImportTest, CancelledCommitLeavesTheStoreUnchanged) {
    // The worker bare: a commit whose progress says stop rolls back.
    QByteArray csv = "Name,Email\n";
    for (int i = 0; i < 3000; ++i) {
        csv += QStringLiteral("Person %1,p%1@example.com\n").arg(i).toUtf8();
    }
    const QString path = write(QStringLiteral("many.csv"), csv);
    const auto preview = ContactImportTask::runPreview(
        *m_store, m_clock, {path.toStdString(), std::nullopt, std::nullopt}, {});
    ASSERT_EQ(preview.outcome, Outcome::Done);
    ASSERT_EQ(preview.preview.count(ImportRowStatus::New), 3000u);
    const auto cancelled =
        ContactImportTask::runCommit(*m_store, m_clock, preview.preview,
                                     [](std::size_t done, std::size_t) { return done < 1000; });
    EXPECT_EQ(cancelled.outcome, Outcome::Cancelled);
    EXPECT_EQ(m_store->count<core::Contact>(), 0);

    // Through the dialog: Cancel right after Import.
    auto dialog = previewOf(path);
    QSignalSpy finished(dialog.get(), &ContactImportDialog::importFinished);
    dialog->startImport();
    EXPECT_TRUE(dialog->isBusy());
    dialog->cancelWork();
    ASSERT_TRUE(waitUntil([&] { return !finished.isEmpty(); }));
    EXPECT_EQ(finished.at(0).at(0).value<Outcome>(), Outcome::Cancelled);
    EXPECT_EQ(m_store->count<core::Contact>(), 0);
    EXPECT_EQ(m_stack.count(), 0);
    EXPECT_TRUE(dialog->problem().contains(QStringLiteral("cancelled")));
}

}  // namespace
}  // namespace rapport::ui
