#pragma once

#include "ui/page.h"

namespace rapport::ui {

class RecordList;

/// Topic ideas: what people asked about, and how often, feeding the next posts.
class IdeasPage : public Page {
    Q_OBJECT
public:
    explicit IdeasPage(core::Store& store, QWidget* parent = nullptr);

    RecordList* list() const { return m_list; }

protected:
    void rebuild() override;

private:
    RecordList* m_list;
};

}  // namespace rapport::ui
