#include "ui/demoworkspace.h"

#include <QFile>

#include "core/errors.h"
#include "core/timeutil.h"
#include "ui/resources.h"

namespace rapport::ui {

namespace {

constexpr auto kDemoResource = ":/rapport/demo-workspace.json";

// The shipped document as written, around kDemoAnchor.
core::WorkspaceData readDemoDocument() {
    ensureResources();
    QFile file(QString::fromLatin1(kDemoResource));
    if (!file.open(QIODevice::ReadOnly)) {
        throw core::ImportError(
            "demo workspace", "$",
            "is missing from this build of Rapport (" + file.errorString().toStdString() + ")");
    }
    const QByteArray text = file.readAll();
    return core::workspacejson::parse(
        std::string_view{text.constData(), static_cast<std::size_t>(text.size())},
        "demo workspace");
}

}  // namespace

core::WorkspaceData loadDemoWorkspace(core::Date today) {
    auto data = readDemoDocument();
    core::workspacejson::shiftToWeekOf(data, kDemoAnchor, today);
    return data;
}

void seedDemoWorkspace(core::Store& store, core::Date today) {
    core::workspacejson::restore(store, loadDemoWorkspace(today),
                                 core::workspacejson::Existing::Refuse);
}

void seedDemoWorkspace(core::Store& store, const core::Clock& clock) {
    auto data = readDemoDocument();
    core::workspacejson::shiftToWeekOf(data, kDemoAnchor,
                                       core::localDate(clock.now(), data.info.timeZone));
    core::workspacejson::restore(store, data, core::workspacejson::Existing::Refuse);
}

}  // namespace rapport::ui
