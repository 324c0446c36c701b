#pragma once

#include <QObject>

#include <functional>

namespace rapport::ui {

/// How a view keeps up with the store's change notifications: the first change of a turn of
/// the event loop is read at once, so an edit shows the moment it is made, and the rest of a
/// burst (a transaction of many records) is read once more when the turn is over. A view that
/// refreshed on every notification would re-read the store hundreds of times for one import.
class TurnRefresh {
public:
    /// `refresh` runs on `owner`'s thread; the deferred one is dropped if `owner` goes first.
    TurnRefresh(QObject* owner, std::function<void()> refresh)
        : m_owner(owner), m_refresh(std::move(refresh)) {}

    /// A change came in: refresh now, or once more at the end of this turn.
    void request();

private:
    QObject* m_owner;
    std::function<void()> m_refresh;
    bool m_refreshedThisTurn = false;
    bool m_queued = false;
};

}  // namespace rapport::ui
