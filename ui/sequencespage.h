#pragma once

#include "ui/page.h"

namespace rapport::ui {

class RecordList;

/// Nurture sequences: the two steps of each (build the relationship, then share what you
/// have), and who is enrolled, by state.
class SequencesPage : public Page {
    Q_OBJECT
public:
    explicit SequencesPage(core::Store& store, QWidget* parent = nullptr);

    RecordList* list() const { return m_list; }

protected:
    void rebuild() override;

private:
    RecordList* m_list;
};

}  // namespace rapport::ui
