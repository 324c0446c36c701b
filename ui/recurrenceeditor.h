#pragma once

#include <QWidget>

#include <array>
#include <optional>

#include "core/entities.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QSpinBox;
class QStackedWidget;

namespace rapport::ui {

/// The "Repeat" part of the post editor: weekly on chosen weekdays, every N days or monthly on
/// a day, ending never, on a date or after a number of posts (DOMAIN.md, Series). The time and
/// the first day come from the post's own "When", so the rule never disagrees with it.
class RecurrenceEditor : public QWidget {
    Q_OBJECT
public:
    enum Repeat { None, Weekly, EveryNDays, Monthly };
    enum End { Never, Until, After };

    explicit RecurrenceEditor(QWidget* parent = nullptr);

    /// Shows `rule` (none: "Does not repeat"). With `allowNone` false the user cannot turn an
    /// existing series into a single post here.
    void setRule(const std::optional<core::Series>& rule, bool allowNone = true);
    /// The rule as the fields say, starting on `start` at `time`; none when it does not repeat.
    std::optional<core::Series> rule(core::Date start, core::TimeOfDay time) const;
    /// True when the fields differ from what setRule() showed (start and time aside).
    bool isChanged() const;
    /// Ticks the weekday of `day` when a weekly rule has none yet, and sets a monthly rule's
    /// day, so a fresh rule starts out matching the post's date.
    void suggestFrom(core::Date day);

    QComboBox* repeatField() const { return m_repeat; }
    QCheckBox* weekdayField(int mondayIsZero) const {
        return m_days[static_cast<std::size_t>(mondayIsZero)];
    }
    QSpinBox* intervalField() const { return m_interval; }
    QSpinBox* monthDayField() const { return m_monthDay; }
    QComboBox* endField() const { return m_end; }
    QDateEdit* untilField() const { return m_until; }
    QSpinBox* countField() const { return m_count; }

signals:
    void changed();

private:
    void updateVisibility();
    core::Series fields() const;

    QComboBox* m_repeat;
    QStackedWidget* m_detail;
    std::array<QCheckBox*, 7> m_days{};
    QSpinBox* m_interval;
    QSpinBox* m_monthDay;
    QWidget* m_endRow;
    QComboBox* m_end;
    QDateEdit* m_until;
    QSpinBox* m_count;
    std::optional<core::Series> m_initial;
};

}  // namespace rapport::ui
