// Rapport's entry point: a headless command, or the window.

#include <QApplication>
#include <QString>

#include <filesystem>
#include <iostream>

#include "app/cli.h"
#include "ui/application.h"

int main(int argc, char** argv) {
    rapport::ui::markProcessStart();
    using namespace rapport::app;
    const std::vector<std::string> args(argv, argv + argc);
    std::string error;
    const auto inv = parseArguments(args, error);
    if (!inv) {
        std::cerr << "rapport: " << error << ".\nTry 'rapport --help'.\n";
        return kUsage;
    }
    if (inv->help) {
        std::cout << usage();
        return kDone;
    }
    if (inv->version) {
        std::cout << "rapport " << RAPPORT_VERSION << "\n";
        return kDone;
    }
    if (!inv->command.empty()) {
        return runCommand(*inv);
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Rapport"));
    QApplication::setApplicationName(QStringLiteral("Rapport"));
    QApplication::setApplicationVersion(QStringLiteral(RAPPORT_VERSION));
    const std::string path = inv->db ? *inv->db : defaultWorkspacePath();
    bool seed = false;
    if (!inv->db) {
        // The default workspace is made on first run, with the demo campaign in it.
        std::error_code ec;
        seed = !std::filesystem::exists(path, ec);
        std::filesystem::create_directories(std::filesystem::path{path}.parent_path(), ec);
    }
    return rapport::ui::runGui(QString::fromStdString(path), seed, inv->startupProbe);
}
