#include "ui/contactimporttask.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>
#include <set>

#include "core/errors.h"
#include "core/sqlite.h"
#include "core/store.h"
#include "core/workspacejson.h"
#include "ui/idmap.h"
#include "ui/undocontext.h"

namespace rapport::ui {

namespace {

bool looksLikeVCard(const std::string& path, std::string_view bytes) {
    std::string lower = path;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower.ends_with(".vcf") || lower.ends_with(".vcard")) {
        return true;
    }
    std::size_t i = bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < bytes.size() &&
           (bytes[i] == ' ' || bytes[i] == '\r' || bytes[i] == '\n' || bytes[i] == '\t')) {
        ++i;
    }
    std::string head{bytes.substr(i, 11)};
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return head == "begin:vcard";
}

QString sentence(const std::exception& e) {
    return QString::fromStdString(e.what());
}

}  // namespace

ContactImportTask::ContactImportTask(core::Store& store, const core::Clock& clock, QObject* parent)
    : QObject(parent), m_store(store), m_clock(clock) {
    connect(&m_previewWatcher, &QFutureWatcher<PreviewResult>::finished, this, [this] {
        m_preview = m_previewWatcher.result();
        emit previewFinished(m_preview.outcome);
    });
    connect(&m_commitWatcher, &QFutureWatcher<CommitResult>::finished, this, [this] {
        m_commit = m_commitWatcher.result();
        if (m_commit.outcome == Outcome::Done) {
            // The worker's connection wrote the file; this one's listeners read it again.
            m_store.announceExternalChange();
        }
        emit commitFinished(m_commit.outcome);
    });
}

ContactImportTask::~ContactImportTask() {
    cancel();
    m_previewWatcher.waitForFinished();
    m_commitWatcher.waitForFinished();
}

bool ContactImportTask::inMemory() const {
    return m_store.path().empty() || m_store.path() == ":memory:";
}

core::Progress ContactImportTask::progressReporter() {
    return [this](std::size_t done, std::size_t total) {
        emit progressed(static_cast<qint64>(done), static_cast<qint64>(total));
        return !m_cancelled.load();
    };
}

void ContactImportTask::startPreview(Request request) {
    Q_ASSERT(!isRunning());
    m_cancelled.store(false);
    if (inMemory()) {
        m_syncRunning = true;
        m_preview = runPreview(m_store, m_clock, request, progressReporter());
        // Finished is announced from the event loop, as it is for the threaded case.
        QTimer::singleShot(0, this, [this] {
            m_syncRunning = false;
            emit previewFinished(m_preview.outcome);
        });
        return;
    }
    m_previewWatcher.setFuture(QtConcurrent::run(
        [this, path = m_store.path(), request = std::move(request)]() -> PreviewResult {
            try {
                const auto store = core::Store::openConnection(path);
                return runPreview(*store, m_clock, request, progressReporter());
            } catch (const std::exception& e) {
                PreviewResult r;
                r.message = sentence(e);
                return r;
            }
        }));
}

void ContactImportTask::startCommit(core::ImportPreview preview) {
    Q_ASSERT(!isRunning());
    m_cancelled.store(false);
    if (inMemory()) {
        m_syncRunning = true;
        m_commit = runCommit(m_store, m_clock, preview, progressReporter());
        QTimer::singleShot(0, this, [this] {
            m_syncRunning = false;
            emit commitFinished(m_commit.outcome);
        });
        return;
    }
    m_commitWatcher.setFuture(QtConcurrent::run(
        [this, path = m_store.path(),
         preview =
             std::make_shared<const core::ImportPreview>(std::move(preview))]() -> CommitResult {
            try {
                const auto store = core::Store::openConnection(path);
                return runCommit(*store, m_clock, *preview, progressReporter());
            } catch (const std::exception& e) {
                CommitResult r;
                r.message = sentence(e);
                return r;
            }
        }));
}

void ContactImportTask::cancel() {
    m_cancelled.store(true);
}

bool ContactImportTask::isRunning() const {
    return m_syncRunning || m_previewWatcher.isRunning() || m_commitWatcher.isRunning();
}

ContactImportTask::PreviewResult ContactImportTask::runPreview(core::Store& store,
                                                               const core::Clock& clock,
                                                               const Request& request,
                                                               const core::Progress& progress) {
    PreviewResult r;
    try {
        const std::string bytes = core::workspacejson::readFile(request.path);
        core::ContactImport import{store, clock};
        const bool vcard = request.format ? *request.format == core::ImportFormat::VCard
                                          : looksLikeVCard(request.path, bytes);
        if (vcard) {
            r.format = core::ImportFormat::VCard;
            r.preview = import.previewVCard(bytes, request.path, progress);
        } else {
            const auto table = core::CsvImport::read(bytes, request.path);
            r.format = request.format.value_or(table.linkedIn ? core::ImportFormat::LinkedIn
                                                              : core::ImportFormat::Csv);
            r.header = table.header;
            for (std::size_t i = 0; i < table.records.size() && i < kSampleRows; ++i) {
                r.samples.push_back(table.records[i].fields);
            }
            r.mapping = request.mapping && request.mapping->columns.size() == table.header.size()
                            ? *request.mapping
                            : core::CsvImport::autoMapping(table);
            r.preview = import.previewCsv(table, r.mapping, r.format, progress);
        }
        r.outcome = Outcome::Done;
    } catch (const core::Cancelled& e) {
        r.outcome = Outcome::Cancelled;
        r.message = sentence(e);
    } catch (const std::exception& e) {
        // ImportError names the file and the line; OpenError and StorageError are sentences.
        r.outcome = Outcome::Failed;
        r.message = sentence(e);
    }
    return r;
}

ContactImportTask::CommitResult ContactImportTask::runCommit(core::Store& store,
                                                             const core::Clock& clock,
                                                             const core::ImportPreview& preview,
                                                             const core::Progress& progress) {
    CommitResult r;
    try {
        std::set<core::Id> filled;
        for (const auto& row : preview.rows) {
            if (row.accepted && row.status == core::ImportRowStatus::Match && row.matchId &&
                !row.fills.empty()) {
                filled.insert(*row.matchId);
            }
        }
        for (const core::Id id : filled) {
            if (auto c = store.find<core::Contact>(id)) {
                r.updatedBefore.push_back(std::move(*c));
            }
        }
        core::ContactImport import{store, clock};
        r.result = import.commit(preview, progress);
        for (const core::Id id : r.result.addedIds) {
            if (auto c = store.find<core::Contact>(id)) {
                r.added.push_back(std::move(*c));
            }
        }
        for (const auto& before : r.updatedBefore) {
            if (auto c = store.find<core::Contact>(before.id)) {
                r.updatedAfter.push_back(std::move(*c));
            }
        }
        r.outcome = Outcome::Done;
    } catch (const core::Cancelled& e) {
        r = {};
        r.outcome = Outcome::Cancelled;
        r.message = sentence(e);
    } catch (const std::exception& e) {
        r = {};
        r.outcome = Outcome::Failed;
        r.message = sentence(e);
    }
    return r;
}

// ---- ImportContactsCommand ------------------------------------------------------------------

ImportContactsCommand::ImportContactsCommand(UndoContext& context,
                                             const ContactImportTask::CommitResult& result,
                                             const QString& text, QUndoCommand* parent)
    : StoreCommand(context, text, parent),
      m_added(result.added),
      m_before(result.updatedBefore),
      m_after(result.updatedAfter) {
    for (auto* list : {&m_added, &m_before, &m_after}) {
        for (auto& c : *list) {
            c.id = ids().handleFor(core::Entity::Contact, c.id);
        }
    }
    skipNextRedo();
}

void ImportContactsCommand::apply() {
    store().bulkTransaction([this] {
        for (const auto& added : m_added) {
            core::Contact c = added;
            const core::Id wanted = ids().resolve(core::Entity::Contact, added.id);
            c.id = store().find<core::Contact>(wanted) ? 0 : wanted;
            store().add(c);
            if (c.id != wanted) {
                ids().moved(core::Entity::Contact, wanted, c.id);
            }
        }
        for (const auto& after : m_after) {
            core::Contact c = after;
            c.id = ids().resolve(core::Entity::Contact, after.id);
            store().update(c);
        }
    });
}

void ImportContactsCommand::revert() {
    // Removing a contact removes its interactions; refuse rather than lose any logged since.
    for (const auto& added : m_added) {
        const core::Id id = ids().resolve(core::Entity::Contact, added.id);
        auto s = store().db().prepare("SELECT count(*) FROM interactions WHERE contact_id = ?1");
        s.bind(1, id);
        if (s.step() && s.integer(0) > 0) {
            throw core::ValidationError("contact " + std::to_string(id), "interactions",
                                        "were logged with \"" + added.displayName +
                                            "\" since the import; delete them first");
        }
    }
    store().bulkTransaction([this] {
        for (const auto& before : m_before) {
            core::Contact c = before;
            c.id = ids().resolve(core::Entity::Contact, before.id);
            store().update(c);
        }
        for (auto it = m_added.rbegin(); it != m_added.rend(); ++it) {
            store().remove<core::Contact>(ids().resolve(core::Entity::Contact, it->id));
        }
    });
}

}  // namespace rapport::ui
