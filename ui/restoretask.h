#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <string>

#include "core/workspacejson.h"

namespace rapport::ui {

/// Restores a workspace file from a parsed backup off the GUI thread. A core::Store is one
/// SQLite connection and not thread-safe, so the worker opens its own connection to the same
/// file (WAL lets the GUI's connection keep reading meanwhile); when it finishes, the GUI's
/// store has to be told to read everything again.
class RestoreTask : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Restored, Cancelled, Failed };
    Q_ENUM(Outcome)

    struct Result {
        Outcome outcome = Outcome::Failed;
        QString message;  ///< a sentence for Cancelled and Failed
    };

    RestoreTask(QString workspacePath, core::WorkspaceData data,
                core::workspacejson::Existing existing, QObject* parent = nullptr);
    /// Cancels a running restore and waits for its rollback, so the file is never left busy.
    ~RestoreTask() override;

    /// Starts the work on Qt's thread pool; finished() follows on this object's thread.
    void start();
    /// Asks the work to stop; core rolls back at its next progress report. Any thread.
    void cancel();
    bool isRunning() const;
    std::size_t recordCount() const;

    /// The work itself, on the calling thread: opens `workspacePath` and restores into it.
    /// Every failure comes back as a Result with a sentence, never as an exception.
    static Result run(const std::string& workspacePath, const core::WorkspaceData& data,
                      core::workspacejson::Existing existing, const core::Progress& progress);

signals:
    /// From the worker, queued to the receivers' thread.
    void progressed(qint64 done, qint64 total);
    void finished(rapport::ui::RestoreTask::Outcome outcome, const QString& message);

private:
    QString m_path;
    std::shared_ptr<const core::WorkspaceData> m_data;
    core::workspacejson::Existing m_existing;
    std::atomic<bool> m_cancelled{false};
    QFutureWatcher<Result> m_watcher;
};

}  // namespace rapport::ui
