// Finding and merging duplicates: groups with the reason they match, a merge that keeps every
// interaction, handle, tag and note of both, and one undo step that puts both contacts back
// with their own interactions. Also the Contacts menu's exports, written whole or not at all.

#include <QDir>
#include <QFile>
#include <QMenu>
#include <QUndoStack>

#include <gtest/gtest.h>

#include "core/contactexport.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "testsupport.h"
#include "ui/contactexporttask.h"
#include "ui/contactsmenu.h"
#include "ui/duplicatesdialog.h"
#include "ui/undocontext.h"

namespace rapport::ui {
namespace {

using test::waitUntil;

class DuplicatesTest : public ::testing::Test {
protected:
    void SetUp() override {
        test::clearSettings();
        m_store = core::Store::openInMemory();
        m_undo = std::make_unique<UndoContext>(*m_store, &m_stack);
    }
    void TearDown() override { m_stack.clear(); }

    core::Id add(const std::string& name, const std::string& email, std::vector<std::string> tags,
                 std::vector<core::Handle> handles = {}, const std::string& notes = {}) {
        auto c = test::makeContact(name);
        c.email = email;
        c.tags = std::move(tags);
        c.handles = std::move(handles);
        c.notes = notes;
        return m_store->add(c);
    }

    std::size_t interactionsOf(core::Id contact) {
        std::size_t n = 0;
        for (const auto& i : m_store->list<core::Interaction>()) {
            n += i.contactId == contact ? 1 : 0;
        }
        return n;
    }

    std::unique_ptr<core::Store> m_store;
    QUndoStack m_stack;
    std::unique_ptr<UndoContext> m_undo;
};

TEST_F(DuplicatesTest, MergeKeepsEverythingAndUndoRestoresBoth) {
    const auto bob = add("Bob Smith", "bob@example.com", {"client"},
                         {{core::ChannelKind::X, "@bobsmith"}}, "Met at the fair.");
    const auto robert = add("Robert Smith", "BOB@example.com", {"speaker"},
                            {{core::ChannelKind::LinkedIn, "in/robertsmith"}}, "Runs a podcast.");
    add("Someone Else", "else@example.com", {});
    test::addInteraction(*m_store, bob);
    test::addInteraction(*m_store, bob);
    test::addInteraction(*m_store, robert);

    DuplicatesDialog dialog(*m_undo);
    ASSERT_EQ(dialog.groupCount(), 1);
    EXPECT_EQ(DuplicatesDialog::reasonText(dialog.groups().front()),
              QStringLiteral("Same email: bob@example.com"));
    dialog.selectGroup(0);
    dialog.setKeep(bob);
    EXPECT_EQ(dialog.keep(), bob);
    dialog.mergeSelected();

    EXPECT_EQ(m_store->count<core::Contact>(), 2);
    EXPECT_FALSE(m_store->find<core::Contact>(robert));
    const auto kept = m_store->get<core::Contact>(bob);
    EXPECT_EQ(kept.displayName, "Bob Smith");
    EXPECT_EQ(interactionsOf(bob), 3u);
    EXPECT_EQ(kept.handles.size(), 2u);
    EXPECT_NE(std::find(kept.tags.begin(), kept.tags.end(), "speaker"), kept.tags.end());
    EXPECT_NE(kept.notes.find("Met at the fair."), std::string::npos);
    EXPECT_NE(kept.notes.find("Runs a podcast."), std::string::npos);
    EXPECT_EQ(m_stack.count(), 1);
    // The list follows the workspace.
    ASSERT_TRUE(waitUntil([&] { return dialog.groupCount() == 0; }));

    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Contact>(), 3);
    const auto back = m_store->find<core::Contact>(robert);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->displayName, "Robert Smith");
    EXPECT_EQ(back->tags, std::vector<std::string>{"speaker"});
    EXPECT_EQ(m_store->get<core::Contact>(bob).tags, std::vector<std::string>{"client"});
    EXPECT_EQ(interactionsOf(bob), 2u);
    EXPECT_EQ(interactionsOf(robert), 1u);
    ASSERT_TRUE(waitUntil([&] { return dialog.groupCount() == 1; }));

    m_stack.redo();
    EXPECT_EQ(m_store->count<core::Contact>(), 2);
    EXPECT_EQ(interactionsOf(bob), 3u);
}

TEST_F(DuplicatesTest, GroupsSayWhyAndAGroupMergesAsOneStep) {
    const auto a = add("José Núñez", "", {});
    const auto b = add("jose nunez", "", {});
    const auto c = add("Jose  Nunez!", "", {});
    const auto x1 = add("Xavier", "", {}, {{core::ChannelKind::X, "@xav"}});
    const auto x2 = add("Xav B", "", {}, {{core::ChannelKind::X, "https://x.com/XAV"}});
    test::addInteraction(*m_store, c);
    add("Dana Fox", "dana@example.com", {});
    add("Dana Fox", "dana@example.com", {});

    DuplicatesDialog dialog(*m_undo);
    // Dana's pair shares an email and a name: one entry with both reasons.
    ASSERT_EQ(dialog.groupCount(), 3);
    EXPECT_EQ(dialog.reasons(0),
              (QStringList{"Same email: dana@example.com", "Same name: dana fox"}));
    QStringList reasons;
    for (const auto& g : dialog.groups()) {
        reasons << DuplicatesDialog::reasonText(g);
    }
    EXPECT_TRUE(reasons.contains(QStringLiteral("Same X handle: xav")))
        << reasons.join('|').toStdString();
    EXPECT_TRUE(reasons.contains(QStringLiteral("Same name: jose nunez")))
        << reasons.join('|').toStdString();

    const auto names = static_cast<int>(reasons.indexOf(QStringLiteral("Same name: jose nunez")));
    dialog.selectGroup(names);
    // The contact with history is offered as the one to keep.
    EXPECT_EQ(dialog.keep(), c);
    dialog.setKeep(a);
    dialog.mergeSelected();
    EXPECT_EQ(m_store->count<core::Contact>(), 5);
    EXPECT_EQ(interactionsOf(a), 1u);
    EXPECT_EQ(m_stack.count(), 1);
    m_stack.undo();
    EXPECT_EQ(m_store->count<core::Contact>(), 7);
    EXPECT_TRUE(m_store->find<core::Contact>(b));
    EXPECT_EQ(interactionsOf(c), 1u);
    (void)x1;
    (void)x2;
}

TEST_F(DuplicatesTest, ExportsAreWrittenWholeThroughATemporaryFile) {
    auto ana = m_store->get<core::Contact>(add("Ana López", "ana@example.com", {"speaker"}));
    ana.nextFollowUp = core::parseDate("2026-11-26");
    m_store->update(ana);
    test::TempFolder folder;
    core::FixedClock clock{*core::parseInstant("2026-11-25T12:00:00Z")};
    const QString csv = folder.path(QStringLiteral("out.csv"));
    EXPECT_TRUE(exportContacts(*m_store, clock, ContactExportKind::Csv, csv).isEmpty());
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().toStdString(), core::ContactExport::toCsv(*m_store));

    const QString vcf = folder.path(QStringLiteral("out.vcf"));
    EXPECT_TRUE(exportContacts(*m_store, clock, ContactExportKind::VCard, vcf).isEmpty());
    QFile card(vcf);
    ASSERT_TRUE(card.open(QIODevice::ReadOnly));
    EXPECT_TRUE(card.readAll().contains("FN:Ana López"));

    const QString ics = folder.path(QStringLiteral("follow-ups.ics"));
    EXPECT_TRUE(exportContacts(*m_store, clock, ContactExportKind::FollowUps, ics).isEmpty());
    QFile cal(ics);
    ASSERT_TRUE(cal.open(QIODevice::ReadOnly));
    const QByteArray text = cal.readAll();
    EXPECT_TRUE(text.contains("BEGIN:VTODO"));
    EXPECT_TRUE(text.contains("DUE;VALUE=DATE:20261126"));
    EXPECT_TRUE(text.contains("Follow up with Ana"));

    // A folder that does not exist: a sentence naming the file, and no file.
    const QString bad = folder.path(QStringLiteral("missing/out.csv"));
    const QString problem = exportContacts(*m_store, clock, ContactExportKind::Csv, bad);
    EXPECT_TRUE(problem.contains(bad)) << problem.toStdString();
    EXPECT_FALSE(QFile::exists(bad));
    // Nothing but the three exports is left in the folder (no temporary files).
    EXPECT_EQ(QDir(folder.path({})).entryList(QDir::Files).size(), 3);
}

// The menu's exports of a workspace file run off the GUI thread, over their own connection.
TEST_F(DuplicatesTest, ExportTaskWritesTheCsvOffTheGuiThreadAndACancelLeavesNoFile) {
    test::TempFolder folder;
    const QString workspace = folder.path(QStringLiteral("workspace.rapport"));
    auto store = core::Store::open(workspace.toStdString());
    store->transaction([&] {
        for (int n = 0; n < 1000; ++n) {
            test::addContact(*store, "Person " + std::to_string(n));
        }
    });
    const core::Instant now = *core::parseInstant("2026-11-25T12:00:00Z");
    QDir exports(folder.path({}));
    ASSERT_TRUE(exports.mkdir(QStringLiteral("out")));
    exports.cd(QStringLiteral("out"));

    const QString csv = exports.filePath(QStringLiteral("contacts.csv"));
    ContactExportTask task(workspace, ContactExportKind::Csv, csv, now);
    std::vector<std::pair<qint64, qint64>> steps;
    QObject::connect(&task, &ContactExportTask::progressed, &task,
                     [&](qint64 done, qint64 total) { steps.emplace_back(done, total); });
    bool finished = false;
    QObject::connect(&task, &ContactExportTask::finished, &task,
                     [&](ContactExportTask::Outcome, const QString&) { finished = true; });
    task.start();
    ASSERT_TRUE(waitUntil([&] { return finished; }));
    EXPECT_EQ(task.result().outcome, ContactExportTask::Outcome::Exported)
        << task.result().message.toStdString();
    EXPECT_EQ(task.result().message, QStringLiteral("Exported 1,000 contacts to contacts.csv."));
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_EQ(file.readAll().toStdString(), core::ContactExport::toCsv(*store));
    // Progress came in steps up to every contact (queued to this thread, read by now).
    QCoreApplication::processEvents();
    ASSERT_GT(steps.size(), 3u);
    EXPECT_EQ(steps.back(), (std::pair<qint64, qint64>{1000, 1000}));

    // A cancel: no file, and none half written next to it.
    for (const auto kind :
         {ContactExportKind::Csv, ContactExportKind::VCard, ContactExportKind::FollowUps}) {
        const QString target = exports.filePath(QStringLiteral("cancelled"));
        ContactExportTask cancelled(workspace, kind, target, now);
        bool done = false;
        QObject::connect(&cancelled, &ContactExportTask::finished, &cancelled,
                         [&](ContactExportTask::Outcome, const QString&) { done = true; });
        cancelled.cancel();
        cancelled.start();
        ASSERT_TRUE(waitUntil([&] { return done; }));
        EXPECT_EQ(cancelled.result().outcome, ContactExportTask::Outcome::Cancelled);
        EXPECT_FALSE(QFile::exists(target));
    }
    // A cancel half-way through the contacts, on the calling thread: still no file.
    const QString half = exports.filePath(QStringLiteral("half.vcf"));
    core::FixedClock clock{now};
    const auto result = ContactExportTask::run(*store, clock, ContactExportKind::VCard, half,
                                               [](qint64 done, qint64) { return done < 500; });
    EXPECT_EQ(result.outcome, ContactExportTask::Outcome::Cancelled);
    EXPECT_FALSE(QFile::exists(half));
    EXPECT_EQ(exports.entryList(QDir::Files), QStringList{QStringLiteral("contacts.csv")});
}

TEST_F(DuplicatesTest, ContactsMenuOffersEveryAction) {
    QWidget parent;
    core::FixedClock clock{*core::parseInstant("2026-11-25T12:00:00Z")};
    QMenu* menu = makeContactsMenu(&parent, *m_store, *m_undo, clock);
    QStringList names;
    for (QAction* a : menu->actions()) {
        if (!a->isSeparator()) {
            names << a->objectName();
            EXPECT_TRUE(a->isEnabled());
        }
    }
    EXPECT_EQ(names, (QStringList{"importContacts", "findDuplicates", "exportContactsCsv",
                                  "exportContactsVCard", "exportFollowUps"}));
}

}  // namespace
}  // namespace rapport::ui
