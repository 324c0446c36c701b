#include "ui/recurrenceeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include "core/timeutil.h"
#include "ui/displaytext.h"

namespace rapport::ui {

RecurrenceEditor::RecurrenceEditor(QWidget* parent)
    : QWidget(parent),
      m_repeat(new QComboBox(this)),
      m_detail(new QStackedWidget(this)),
      m_interval(new QSpinBox(this)),
      m_monthDay(new QSpinBox(this)),
      m_endRow(new QWidget(this)),
      m_end(new QComboBox(this)),
      m_until(new QDateEdit(this)),
      m_count(new QSpinBox(this)) {
    setObjectName(QStringLiteral("recurrence"));
    m_repeat->setObjectName(QStringLiteral("repeat"));
    m_repeat->addItems({tr("Does not repeat"), tr("Weekly"), tr("Every few days"), tr("Monthly")});

    auto* none = new QWidget(m_detail);
    auto* weekly = new QWidget(m_detail);
    auto* weeklyLayout = new QHBoxLayout(weekly);
    weeklyLayout->setContentsMargins(0, 0, 0, 0);
    weeklyLayout->setSpacing(6);
    weeklyLayout->addWidget(new QLabel(tr("on"), weekly));
    for (int d = 0; d < 7; ++d) {
        auto* box = new QCheckBox(QLocale().dayName(d + 1, QLocale::ShortFormat), weekly);
        box->setObjectName(QStringLiteral("weekday%1").arg(d));
        m_days[static_cast<std::size_t>(d)] = box;
        weeklyLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &RecurrenceEditor::changed);
    }
    weeklyLayout->addStretch(1);
    auto* every = new QWidget(m_detail);
    auto* everyLayout = new QHBoxLayout(every);
    everyLayout->setContentsMargins(0, 0, 0, 0);
    everyLayout->addWidget(new QLabel(tr("every"), every));
    m_interval->setParent(every);
    m_interval->setObjectName(QStringLiteral("intervalDays"));
    m_interval->setRange(1, 365);
    m_interval->setSuffix(tr(" days"));
    everyLayout->addWidget(m_interval);
    everyLayout->addStretch(1);
    auto* monthly = new QWidget(m_detail);
    auto* monthlyLayout = new QHBoxLayout(monthly);
    monthlyLayout->setContentsMargins(0, 0, 0, 0);
    monthlyLayout->addWidget(new QLabel(tr("on day"), monthly));
    m_monthDay->setParent(monthly);
    m_monthDay->setObjectName(QStringLiteral("monthDay"));
    m_monthDay->setRange(1, 31);
    m_monthDay->setToolTip(tr("Short months use their last day."));
    monthlyLayout->addWidget(m_monthDay);
    monthlyLayout->addStretch(1);
    m_detail->addWidget(none);
    m_detail->addWidget(weekly);
    m_detail->addWidget(every);
    m_detail->addWidget(monthly);

    auto* endLayout = new QHBoxLayout(m_endRow);
    endLayout->setContentsMargins(0, 0, 0, 0);
    m_end->setParent(m_endRow);
    m_end->setObjectName(QStringLiteral("ends"));
    m_end->addItems({tr("Never ends"), tr("Ends on"), tr("Ends after")});
    m_until->setParent(m_endRow);
    m_until->setObjectName(QStringLiteral("until"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    m_count->setParent(m_endRow);
    m_count->setObjectName(QStringLiteral("count"));
    m_count->setRange(1, 10'000);
    m_count->setSuffix(tr(" posts"));
    endLayout->addWidget(m_end);
    endLayout->addWidget(m_until);
    endLayout->addWidget(m_count);
    endLayout->addStretch(1);

    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_repeat);
    top->addWidget(m_detail, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_endRow);

    connect(m_repeat, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit changed();
    });
    connect(m_end, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit changed();
    });
    connect(m_interval, &QSpinBox::valueChanged, this, &RecurrenceEditor::changed);
    connect(m_monthDay, &QSpinBox::valueChanged, this, &RecurrenceEditor::changed);
    connect(m_count, &QSpinBox::valueChanged, this, &RecurrenceEditor::changed);
    connect(m_until, &QDateEdit::dateChanged, this, &RecurrenceEditor::changed);
    // A date only: UTC has no clock change that could move it.
    m_until->setTimeSpec(Qt::UTC);
    setRule(std::nullopt);
}

void RecurrenceEditor::updateVisibility() {
    const int repeat = m_repeat->currentIndex();
    m_detail->setCurrentIndex(repeat);
    m_endRow->setVisible(repeat != None);
    m_until->setVisible(m_end->currentIndex() == Until);
    m_count->setVisible(m_end->currentIndex() == After);
}

void RecurrenceEditor::setRule(const std::optional<core::Series>& rule, bool allowNone) {
    m_initial = rule;
    const core::Series r = rule.value_or(core::Series{});
    m_repeat->setCurrentIndex(rule ? static_cast<int>(r.frequency) + 1 : None);
    for (int d = 0; d < 7; ++d) {
        m_days[static_cast<std::size_t>(d)]->setChecked((r.weekdays >> d) & 1u);
    }
    m_interval->setValue(std::max(1, r.intervalDays));
    m_monthDay->setValue(r.monthDay);
    m_end->setCurrentIndex(r.endDate ? Until : (r.count ? After : Never));
    // A fresh rule has no day of its own: its end date follows the post's date (suggestFrom)
    // once it repeats.
    if (rule) {
        m_until->setDate(r.endDate ? toQDate(*r.endDate) : toQDate(r.startDate).addMonths(3));
    }
    m_count->setValue(r.count.value_or(10));
    // An existing series ends from the calendar ("this and all following"), not by unticking.
    if (auto* model = qobject_cast<QStandardItemModel*>(m_repeat->model())) {
        model->item(None)->setEnabled(allowNone);
    }
    updateVisibility();
}

void RecurrenceEditor::suggestFrom(core::Date day) {
    const QDate q = toQDate(day);
    if (m_repeat->currentIndex() == None) {
        return;
    }
    bool any = false;
    for (const QCheckBox* box : m_days) {
        any = any || box->isChecked();
    }
    if (!any) {
        m_days[static_cast<std::size_t>(q.dayOfWeek() - 1)]->setChecked(true);
    }
    if (!m_initial || m_initial->frequency != core::Frequency::Monthly) {
        m_monthDay->setValue(q.day());
    }
    if ((!m_initial || !m_initial->endDate) && m_end->currentIndex() != Until) {
        m_until->setDate(q.addMonths(3));
    }
}

core::Series RecurrenceEditor::fields() const {
    core::Series r;
    const int repeat = m_repeat->currentIndex();
    r.frequency = static_cast<core::Frequency>(std::max(0, repeat - 1));
    for (int d = 0; d < 7; ++d) {
        if (m_days[static_cast<std::size_t>(d)]->isChecked()) {
            r.weekdays |= 1u << d;
        }
    }
    r.intervalDays = m_interval->value();
    r.monthDay = m_monthDay->value();
    if (m_end->currentIndex() == Until) {
        r.endDate = fromQDate(m_until->date());
    } else if (m_end->currentIndex() == After) {
        r.count = m_count->value();
    }
    return r;
}

std::optional<core::Series> RecurrenceEditor::rule(core::Date start, core::TimeOfDay time) const {
    if (m_repeat->currentIndex() == None) {
        return std::nullopt;
    }
    core::Series r = fields();
    if (m_initial) {
        r.id = m_initial->id;
    }
    r.startDate = start;
    r.time = time;
    return r;
}

bool RecurrenceEditor::isChanged() const {
    if (m_repeat->currentIndex() == None || !m_initial) {
        return (m_repeat->currentIndex() == None) != !m_initial;
    }
    const core::Series now = fields();
    const core::Series& was = *m_initial;
    if (now.frequency != was.frequency || now.endDate != was.endDate || now.count != was.count) {
        return true;
    }
    switch (now.frequency) {
        case core::Frequency::Weekly:
            return now.weekdays != was.weekdays;
        case core::Frequency::EveryNDays:
            return now.intervalDays != was.intervalDays;
        case core::Frequency::Monthly:
            return now.monthDay != was.monthDay;
    }
    return false;
}

}  // namespace rapport::ui
