// The ui tests' own main: a QApplication set up so GUI tests are repeatable anywhere.

#include <QApplication>
#include <QHashSeed>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

QtMessageHandler g_defaultHandler = nullptr;

// The offscreen platform says on every window that it cannot do what only a window manager
// would need; that line hides the messages that matter.
void quietOffscreen(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (message.startsWith(QLatin1String("This plugin does not support"))) {
        return;
    }
    if (g_defaultHandler) {
        g_defaultHandler(type, context, message);
    }
}

}  // namespace

int main(int argc, char** argv) {
    // Before the QApplication: no display is needed or used.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and other standard paths go to a test location, never the user's own; and,
    // since ctest runs tests in parallel processes, a location of this process alone.
    QTemporaryDir home;
    qputenv("HOME", home.path().toLocal8Bit());
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
        qunsetenv(name);
    }
    QStandardPaths::setTestModeEnabled(true);
    QHashSeed::setDeterministicGlobalSeed();
    g_defaultHandler = qInstallMessageHandler(quietOffscreen);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Rapport"));
    QApplication::setApplicationName(QStringLiteral("Rapport UI Tests"));
    QApplication::setApplicationVersion(QStringLiteral("0.0.0-test"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
