#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/contactimport.h"
#include "core/csvimport.h"
#include "ui/storecommand.h"

namespace rapport::ui {

/// The slow half of importing contacts, off the GUI thread: reading and judging a file (the
/// preview) and writing the accepted rows (the commit). A core::Store is one SQLite connection
/// and not thread-safe, so the worker opens its own connection to the workspace file; after a
/// commit the GUI's store is told to read everything again. A workspace in memory has no file
/// to share, so its work runs on the GUI thread instead (still reporting progress).
class ContactImportTask : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Done, Cancelled, Failed };
    Q_ENUM(Outcome)

    /// What to preview: the file, and optionally the format and (for CSV) the columns' fields.
    struct Request {
        std::string path;
        std::optional<core::ImportFormat> format;    ///< none: guessed from the file
        std::optional<core::ColumnMapping> mapping;  ///< none: guessed from the header
    };

    struct PreviewResult {
        Outcome outcome = Outcome::Failed;
        QString message;  ///< a sentence naming the file for Cancelled and Failed
        core::ImportFormat format = core::ImportFormat::Csv;
        /// CSV: the header and the first few records, for choosing the columns' fields; set
        /// even when the preview failed because no column gives a name.
        std::vector<std::string> header;
        std::vector<std::vector<std::string>> samples;
        core::ColumnMapping mapping;
        core::ImportPreview preview;
    };

    struct CommitResult {
        Outcome outcome = Outcome::Failed;
        QString message;
        core::ImportResult result;
        std::vector<core::Contact> added;          ///< as written, with their ids
        std::vector<core::Contact> updatedBefore;  ///< matches that were filled in, before
        std::vector<core::Contact> updatedAfter;   ///< the same, after
    };

    static constexpr std::size_t kSampleRows = 3;

    ContactImportTask(core::Store& store, const core::Clock& clock, QObject* parent = nullptr);
    /// Cancels running work and waits for it (a commit rolls back), so the file is never busy.
    ~ContactImportTask() override;

    void startPreview(Request request);
    void startCommit(core::ImportPreview preview);
    /// Asks the work to stop; core stops (and rolls back) at its next progress report.
    void cancel();
    bool isRunning() const;

    const PreviewResult& previewResult() const { return m_preview; }
    const CommitResult& commitResult() const { return m_commit; }

    /// The work itself, on the calling thread. Failures come back as a result with a
    /// sentence, never as an exception.
    static PreviewResult runPreview(core::Store& store, const core::Clock& clock,
                                    const Request& request, const core::Progress& progress);
    static CommitResult runCommit(core::Store& store, const core::Clock& clock,
                                  const core::ImportPreview& preview,
                                  const core::Progress& progress);

signals:
    /// From the worker, queued to the receivers' thread.
    void progressed(qint64 done, qint64 total);
    void previewFinished(rapport::ui::ContactImportTask::Outcome outcome);
    void commitFinished(rapport::ui::ContactImportTask::Outcome outcome);

private:
    bool inMemory() const;
    core::Progress progressReporter();

    core::Store& m_store;
    const core::Clock& m_clock;
    std::atomic<bool> m_cancelled{false};
    bool m_syncRunning = false;
    QFutureWatcher<PreviewResult> m_previewWatcher;
    QFutureWatcher<CommitResult> m_commitWatcher;
    PreviewResult m_preview;
    CommitResult m_commit;
};

/// An import as one undo step: undo removes the contacts it added and puts back the fields it
/// filled in on contacts that were already there; redo writes them again. The import itself is
/// written by ContactImportTask, so the command is pushed with its first redo skipped.
class ImportContactsCommand : public StoreCommand {
public:
    ImportContactsCommand(UndoContext& context, const ContactImportTask::CommitResult& result,
                          const QString& text, QUndoCommand* parent = nullptr);

    void apply() override;
    void revert() override;

private:
    std::vector<core::Contact> m_added;  ///< ids are handles
    std::vector<core::Contact> m_before;
    std::vector<core::Contact> m_after;
};

}  // namespace rapport::ui
