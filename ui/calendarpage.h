#pragma once

#include "ui/page.h"

namespace rapport::ui {

class RecordList;

/// The content calendar: posts in the order they go out, by local day in the workspace's time
/// zone, then the ideas and drafts that have no time yet.
class CalendarPage : public Page {
    Q_OBJECT
public:
    explicit CalendarPage(core::Store& store, QWidget* parent = nullptr);

    RecordList* list() const { return m_list; }

protected:
    void rebuild() override;

private:
    RecordList* m_list;
    bool m_scrolledToToday = false;
};

}  // namespace rapport::ui
