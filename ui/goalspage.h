#pragma once

#include "ui/page.h"

namespace rapport::ui {

class RecordList;

/// Goals & Niches: what the user wants, whom they serve and where, and the campaigns that tie
/// them together.
class GoalsPage : public Page {
    Q_OBJECT
public:
    explicit GoalsPage(core::Store& store, QWidget* parent = nullptr);

    RecordList* list() const { return m_list; }

protected:
    void rebuild() override;

private:
    RecordList* m_list;
};

}  // namespace rapport::ui
