#pragma once
// Item data roles shared by the ui's models and TwoLineDelegate, so any list of records can be
// drawn the same way whether it comes from a model over core or from a page's RecordList.

#include <Qt>

namespace rapport::ui {

enum Role : int {
    /// QString: the second, quieter line under the item's display text.
    SecondaryTextRole = Qt::UserRole + 1,
    /// int: 0 for a record; 1 for a section heading, 2 for a sub-heading.
    SectionLevelRole,
    /// qlonglong: the core::Id of the record the row shows, when it shows one.
    RecordIdRole,
    /// The first role free for a model's own data.
    FirstModelRole = Qt::UserRole + 32
};

}  // namespace rapport::ui
