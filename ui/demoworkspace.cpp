#include "ui/demoworkspace.h"

#include <QDate>
#include <QFile>

#include "core/errors.h"
#include "ui/displaytext.h"
#include "ui/resources.h"

namespace rapport::ui {

namespace {

constexpr auto kDemoResource = ":/rapport/demo-workspace.json";

}  // namespace

core::WorkspaceData loadDemoWorkspace(core::Date today) {
    ensureResources();
    QFile file(QString::fromLatin1(kDemoResource));
    if (!file.open(QIODevice::ReadOnly)) {
        throw core::ImportError(
            "demo workspace", "$",
            "is missing from this build of Rapport (" + file.errorString().toStdString() + ")");
    }
    const QByteArray text = file.readAll();
    auto data = core::workspacejson::parse(
        std::string_view{text.constData(), static_cast<std::size_t>(text.size())},
        "demo workspace");
    core::workspacejson::shiftToWeekOf(data, kDemoAnchor, today);
    return data;
}

void seedDemoWorkspace(core::Store& store, core::Date today) {
    core::workspacejson::restore(store, loadDemoWorkspace(today),
                                 core::workspacejson::Existing::Refuse);
}

void seedDemoWorkspace(core::Store& store) {
    seedDemoWorkspace(store, localToday());
}

core::Date localToday() {
    return fromQDate(QDate::currentDate());
}

}  // namespace rapport::ui
