#include "testsupport.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSettings>
#include <QThread>

#include <ctime>

#include "core/timeutil.h"

namespace rapport::ui::test {

TempFolder::TempFolder() {
    m_dir.setAutoRemove(true);
}

QString TempFolder::path(const QString& name) const {
    return name.isEmpty() ? m_dir.path() : m_dir.filePath(name);
}

core::Contact makeContact(const std::string& name, core::Stage stage) {
    core::Contact c;
    c.displayName = name;
    c.stage = stage;
    c.createdOn = *core::parseDate("2026-11-02");
    return c;
}

core::Id addContact(core::Store& store, const std::string& name, core::Stage stage) {
    auto c = makeContact(name, stage);
    return store.add(c);
}

core::Id addInteraction(core::Store& store, core::Id contact) {
    core::Interaction i;
    i.contactId = contact;
    i.at = *core::parseInstant("2026-11-20T15:00:00Z");
    i.kind = core::InteractionKind::Reply;
    i.direction = core::Direction::Inbound;
    return store.add(i);
}

bool waitUntil(const std::function<bool()>& done, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired()) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    return true;
}

void clearSettings() {
    QSettings settings;
    settings.clear();
    settings.sync();
}

MachineZone::MachineZone(const char* zone)
    : m_had(qEnvironmentVariableIsSet("TZ")), m_old(qgetenv("TZ")) {
    qputenv("TZ", zone);
    tzset();
}

MachineZone::~MachineZone() {
    if (m_had) {
        qputenv("TZ", m_old);
    } else {
        qunsetenv("TZ");
    }
    tzset();
}

}  // namespace rapport::ui::test
