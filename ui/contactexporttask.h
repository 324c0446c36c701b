#pragma once
// The Contacts menu's exports (CSV, vCard, the follow-ups as iCalendar) off the GUI thread, so
// 100,000 contacts do not freeze the window: progress, cancel, and a file written whole or not
// at all.

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

#include "core/clock.h"
#include "core/store.h"

namespace rapport::ui {

/// What an export writes.
enum class ContactExportKind { Csv, VCard, FollowUps };

/// Exports contacts or follow-ups off the GUI thread. A core::Store is one SQLite connection
/// and not thread-safe, so the worker opens its own connection to the same workspace file; it
/// only reads. The file is written through QSaveFile, so a cancel or a failure never leaves
/// half a file behind (nor replaces the one that was there).
class ContactExportTask : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Exported, Cancelled, Failed };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::Failed;
        QString message;  ///< what was written, or why not, as a sentence naming the file
    };

    /// `now` is the export's moment: the follow-ups' day and the iCalendar DTSTAMP.
    ContactExportTask(QString workspacePath, ContactExportKind kind, QString target,
                      core::Instant now, QObject* parent = nullptr);
    /// Cancels a running export and waits for it, so the file is never left busy.
    ~ContactExportTask() override;

    void start();
    void cancel();
    bool isRunning() const;
    const Result& result() const { return m_result; }

    /// The work itself on the calling thread, over `store`. `progress(done, total)` is asked
    /// every few hundred records; false cancels. Every failure comes back as a Result.
    static Result run(core::Store& store, const core::Clock& clock, ContactExportKind kind,
                      const QString& target, const std::function<bool(qint64, qint64)>& progress);

signals:
    void progressed(qint64 done, qint64 total);
    void finished(rapport::ui::ContactExportTask::Outcome outcome, const QString& message);

private:
    QString m_path;
    ContactExportKind m_kind;
    QString m_target;
    core::Instant m_now;
    std::atomic<bool> m_cancelled{false};
    QFutureWatcher<Result> m_watcher;
    Result m_result;
};

}  // namespace rapport::ui
