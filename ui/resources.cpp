#include "ui/resources.h"

#include <QtGlobal>

#include <mutex>

// Q_INIT_RESOURCE declares a function in the current namespace, so it must be used outside ours.
static void initRapportResources() {
    Q_INIT_RESOURCE(rapport);
}

namespace rapport::ui {

void ensureResources() {
    static std::once_flag once;
    std::call_once(once, initRapportResources);
}

}  // namespace rapport::ui
