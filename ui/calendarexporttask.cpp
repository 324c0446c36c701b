#include "ui/calendarexporttask.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include "core/errors.h"
#include "core/icalexport.h"
#include "core/schedulercsv.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"

namespace rapport::ui {

namespace {

struct Stop {};

// Writes the whole text or nothing: QSaveFile only replaces the file on commit.
void writeWhole(const QString& path, const std::string& text) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        throw std::runtime_error(
            QObject::tr("Could not write %1: %2").arg(path, file.errorString()).toStdString());
    }
    if (file.write(text.data(), static_cast<qint64>(text.size())) !=
            static_cast<qint64>(text.size()) ||
        !file.commit()) {
        throw std::runtime_error(
            QObject::tr("Could not write %1: %2").arg(path, file.errorString()).toStdString());
    }
}

}  // namespace

QString schedulerCsvFileName(const std::string& channelName, core::Date from, core::Date to) {
    QString name = qs(channelName).trimmed();
    static const QString bad = QStringLiteral("/\\\\:*?\"<>|");
    for (QChar& c : name) {
        if (bad.contains(c) || c.unicode() < 32) {
            c = QLatin1Char('-');
        }
    }
    if (name.isEmpty()) {
        name = QStringLiteral("channel");
    }
    return QStringLiteral("%1 %2 to %3.csv")
        .arg(name, qs(core::formatDate(from)), qs(core::formatDate(to)));
}

CalendarExportTask::CalendarExportTask(QString workspacePath, CalendarExport request,
                                       QObject* parent)
    : QObject(parent), m_path(std::move(workspacePath)), m_request(std::move(request)) {
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        m_result = m_watcher.result();
        emit finished(m_result.outcome, m_result.message);
    });
}

CalendarExportTask::~CalendarExportTask() {
    cancel();
    m_watcher.waitForFinished();
}

void CalendarExportTask::start() {
    Q_ASSERT(!isRunning());
    m_watcher.setFuture(
        QtConcurrent::run([this, path = m_path.toStdString(), request = m_request]() -> Result {
            try {
                const auto store = core::Store::openConnection(path);
                return run(*store, request, [this](qint64 done, qint64 total) {
                    emit progressed(done, total);
                    return !m_cancelled.load();
                });
            } catch (const std::exception& e) {
                return {Outcome::Failed, qs(e.what()), {}};
            }
        }));
}

void CalendarExportTask::cancel() {
    m_cancelled.store(true);
}

bool CalendarExportTask::isRunning() const {
    return m_watcher.isRunning();
}

CalendarExportTask::Result CalendarExportTask::run(
    core::Store& store, const CalendarExport& request,
    const std::function<bool(qint64, qint64)>& progress) {
    Result result;
    const auto step = [&](qint64 done, qint64 total) {
        if (progress && !progress(done, total)) {
            throw Stop{};
        }
    };
    try {
        if (request.format == CalendarExport::Format::ICalendar) {
            step(0, 2);
            const core::FixedClock clock{request.now};
            const auto doc = core::exportIcs(store, clock, request.from, request.to);
            step(1, 2);
            writeWhole(request.target, doc.text);
            result.files << request.target;
            if (progress) {
                progress(2, 2);  // written: too late to cancel
            }
            result.message =
                QObject::tr("Exported %1 and %2 to %3.")
                    .arg(countOf(static_cast<std::int64_t>(doc.posts), QObject::tr("post"),
                                 QObject::tr("posts")),
                         countOf(static_cast<std::int64_t>(doc.series),
                                 QObject::tr("repeating series"), QObject::tr("repeating series")),
                         QFileInfo(request.target).fileName());
        } else {
            if (!request.from || !request.to) {
                throw std::runtime_error(
                    QObject::tr("A scheduler CSV needs a range: choose the first and last day.")
                        .toStdString());
            }
            std::vector<core::Channel> channels;
            if (request.channels.empty()) {
                channels = store.list<core::Channel>();
            } else {
                for (const core::Id id : request.channels) {
                    channels.push_back(store.get<core::Channel>(id));
                }
            }
            if (channels.empty()) {
                throw std::runtime_error(
                    QObject::tr("The workspace has no channels to export.").toStdString());
            }
            const bool oneFile = request.channels.size() == 1 && !QFileInfo(request.target).isDir();
            const auto total = static_cast<qint64>(channels.size());
            std::size_t rows = 0;
            // Built first, written after: a cancel half-way writes nothing.
            std::vector<std::pair<QString, std::string>> files;
            for (qint64 i = 0; i < total; ++i) {
                step(i, total + 1);
                const auto& channel = channels[static_cast<std::size_t>(i)];
                const auto csv =
                    core::exportSchedulerCsv(store, channel.id, *request.from, *request.to);
                rows += csv.rows;
                files.emplace_back(oneFile ? request.target
                                           : QDir(request.target)
                                                 .filePath(schedulerCsvFileName(
                                                     channel.name, *request.from, *request.to)),
                                   csv.text);
            }
            step(total, total + 1);
            for (const auto& [path, text] : files) {
                writeWhole(path, text);
                result.files << path;
            }
            if (progress) {
                progress(total + 1, total + 1);
            }
            result.message =
                QObject::tr("Exported %1 to %2.")
                    .arg(countOf(static_cast<std::int64_t>(rows), QObject::tr("scheduled post"),
                                 QObject::tr("scheduled posts")),
                         oneFile ? QFileInfo(request.target).fileName()
                                 : countOf(total, QObject::tr("file"), QObject::tr("files")) +
                                       QObject::tr(" in %1").arg(request.target));
        }
        result.outcome = Outcome::Exported;
    } catch (const Stop&) {
        result = {Outcome::Cancelled, QObject::tr("Export cancelled; no file was written."), {}};
    } catch (const std::exception& e) {
        result = {Outcome::Failed, qs(e.what()), result.files};
    }
    return result;
}

}  // namespace rapport::ui
