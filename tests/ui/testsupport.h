#pragma once
// Helpers shared by the ui tests: temporary workspace files, records to add, and waiting for
// the event loop.

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <string>

#include "core/entities.h"
#include "core/store.h"

class QWidget;

namespace rapport::ui::test {

/// A temporary folder for workspace files, removed with everything in it at the end.
class TempFolder {
public:
    TempFolder();
    /// A path inside the folder.
    QString path(const QString& name) const;
    std::string file(const QString& name) const { return path(name).toStdString(); }

private:
    QTemporaryDir m_dir;
};

core::Contact makeContact(const std::string& name, core::Stage stage = core::Stage::Follower);
core::Id addContact(core::Store& store, const std::string& name,
                    core::Stage stage = core::Stage::Follower);
core::Id addInteraction(core::Store& store, core::Id contact);

/// Runs the event loop until `done` holds or `timeoutMs` pass; returns `done()`.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 10000);

/// The visible top-level or child widget of type T with that object name, or null.
template <class T>
T* findVisible(QWidget* under, const QString& objectName);

/// Empties the settings the tests share, so one test's window cannot leak into another's.
void clearSettings();

/// Sets the computer's own time zone (TZ) for the life of the object, then puts it back; for
/// tests that a workspace's times do not depend on it.
class MachineZone {
public:
    explicit MachineZone(const char* zone);
    ~MachineZone();
    MachineZone(const MachineZone&) = delete;
    MachineZone& operator=(const MachineZone&) = delete;

private:
    bool m_had;
    QByteArray m_old;
};

}  // namespace rapport::ui::test

#include <QApplication>
#include <QWidget>

namespace rapport::ui::test {

template <class T>
T* findVisible(QWidget* under, const QString& objectName) {
    for (T* widget : under->findChildren<T*>(objectName)) {
        if (widget->isVisible()) {
            return widget;
        }
    }
    return nullptr;
}

}  // namespace rapport::ui::test
