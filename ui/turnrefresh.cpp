#include "ui/turnrefresh.h"

#include <QTimer>

namespace rapport::ui {

void TurnRefresh::request() {
    if (m_refreshedThisTurn) {
        m_queued = true;
        return;
    }
    m_refreshedThisTurn = true;
    m_refresh();
    QTimer::singleShot(0, m_owner, [this] {
        m_refreshedThisTurn = false;
        if (m_queued) {
            m_queued = false;
            m_refresh();
        }
    });
}

}  // namespace rapport::ui
