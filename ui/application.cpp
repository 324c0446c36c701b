#include "ui/application.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QIcon>
#include <QMessageBox>

#include <time.h>
#include <unistd.h>

#include <iostream>
#include <memory>
#include <optional>

#include "core/clock.h"
#include "core/errors.h"
#include "core/store.h"
#include "ui/demoworkspace.h"
#include "ui/displaytext.h"
#include "ui/mainwindow.h"
#include "ui/resources.h"

namespace rapport::ui {

namespace {

QElapsedTimer& processTimer() {
    static QElapsedTimer timer;
    return timer;
}

// Milliseconds since the kernel started this process, which counts the dynamic loading of Qt
// that no timer inside main() can see; nullopt where /proc does not say.
std::optional<qint64> msSinceKernelStart() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0) {
        return std::nullopt;
    }
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    constexpr qsizetype kStartTime = 22 - 3;  // field 22, counted from field 3
    if (fields.size() <= kStartTime) {
        return std::nullopt;
    }
    bool ok = false;
    const qulonglong startTicks = fields[kStartTime].toULongLong(&ok);
    const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    timespec now{};
    if (!ok || ticksPerSecond <= 0 || ::clock_gettime(CLOCK_BOOTTIME, &now) != 0) {
        return std::nullopt;
    }
    const qint64 nowMs = static_cast<qint64>(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    const qint64 startMs = static_cast<qint64>(startTicks) * 1000 / ticksPerSecond;
    if (startMs > nowMs) {
        return std::nullopt;
    }
    return nowMs - startMs;
}

qint64 msSinceProcessStart() {
    if (const auto kernel = msSinceKernelStart()) {
        return *kernel;
    }
    return processTimer().isValid() ? processTimer().elapsed() : 0;
}

void reportError(bool quiet, const QString& sentence) {
    std::cerr << "rapport: " << sentence.toStdString() << "\n";
    if (!quiet) {
        QMessageBox::critical(nullptr, QObject::tr("Rapport"), sentence);
    }
}

}  // namespace

void markProcessStart() {
    if (!processTimer().isValid()) {
        processTimer().start();
    }
}

int runGui(const QString& dbPath, bool seedDemoIfNew, bool startupProbe) {
    markProcessStart();
    ensureResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/rapport/icons/rapport.png")));

    // "Now" for the demo's week and for every page of the window.
    const core::SystemClock clock;
    std::unique_ptr<core::Store> store;
    try {
        store = core::Store::open(dbPath.toStdString());
    } catch (const core::OpenError& e) {
        // A probe runs unattended: a dialog nobody can answer would hang it.
        reportError(startupProbe, qs(e.what()));
        return 2;
    }
    if (seedDemoIfNew && store->isEmpty()) {
        try {
            seedDemoWorkspace(*store, clock);
        } catch (const std::exception& e) {
            // The planner works without the demo; say so and go on with an empty workspace.
            reportError(startupProbe,
                        QObject::tr("The demo campaign could not be loaded, so the workspace "
                                    "starts empty: %1")
                            .arg(qs(e.what())));
        }
    }

    MainWindow window(std::move(store), clock);
    if (startupProbe) {
        QObject::connect(&window, &MainWindow::firstPainted, &window, [] {
            std::cerr << "startup: main window shown after " << msSinceProcessStart() << " ms\n";
            QCoreApplication::exit(0);
        });
    }
    window.show();
    return QApplication::exec();
}

}  // namespace rapport::ui
