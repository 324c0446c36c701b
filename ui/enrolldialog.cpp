#include "ui/enrolldialog.h"

#include <QApplication>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <memory>
#include <unordered_set>

#include "core/nurtureengine.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/formerrors.h"
#include "ui/formgrid.h"
#include "ui/nurturecommands.h"
#include "ui/roles.h"
#include "ui/twolinedelegate.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

/// Names of up to `most` contacts, then "and N more".
QString namesOf(core::Store& store, const std::vector<core::Id>& ids, std::size_t most = 6) {
    QStringList names;
    for (std::size_t i = 0; i < ids.size() && i < most; ++i) {
        const auto c = store.find<core::Contact>(ids[i]);
        names << (c ? qs(c->displayName) : QStringLiteral("#%1").arg(ids[i]));
    }
    if (ids.size() > most) {
        names << QCoreApplication::translate("rapport::ui::EnrollDialog", "%1 more")
                     .arg(ids.size() - most);
    }
    return names.join(QStringLiteral(", "));
}

}  // namespace

EnrollDialog::EnrollDialog(UndoContext& undo, const core::Clock& clock,
                           std::vector<core::Id> contactIds, QWidget* parent)
    : QDialog(parent),
      m_undo(undo),
      m_clock(clock),
      m_contacts(std::move(contactIds)),
      m_sequence(new QComboBox(this)),
      m_start(new QDateEdit(this)),
      m_summary(new QLabel(this)),
      m_error(FormErrors::makeLine(this)) {
    setObjectName(QStringLiteral("enrollDialog"));
    setWindowTitle(tr("Enroll in a sequence"));
    setMinimumWidth(480);

    m_sequence->setObjectName(QStringLiteral("sequence"));
    for (const auto& s : undo.store().list<core::Sequence>()) {
        m_sequence->addItem(qs(s.name), QVariant::fromValue<qlonglong>(s.id));
    }
    m_start->setObjectName(QStringLiteral("startDate"));
    m_start->setCalendarPopup(true);
    m_start->setDisplayFormat(QStringLiteral("ddd d MMM yyyy"));
    m_start->setDate(toQDate(core::localDate(clock.now(), undo.store().timeZone())));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("error-general"));

    auto* form = new FormGrid;
    form->addRow(tr("Sequence"), m_sequence);
    form->addRow(tr("Starting"), FormGrid::leftAligned(m_start));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &EnrollDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &EnrollDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_sequence, &QComboBox::currentIndexChanged, this, &EnrollDialog::update);
    update();
}

void EnrollDialog::setSequence(core::Id sequenceId) {
    const int i = m_sequence->findData(QVariant::fromValue<qlonglong>(sequenceId));
    if (i >= 0) {
        m_sequence->setCurrentIndex(i);
    }
}

core::Id EnrollDialog::sequenceId() const {
    return m_sequence->currentData().toLongLong();
}

QString EnrollDialog::summary() const {
    return m_summary->text();
}

void EnrollDialog::update() {
    m_toEnroll.clear();
    m_skipped.clear();
    const core::Id seq = sequenceId();
    std::unordered_set<core::Id> open;
    if (seq != 0) {
        auto st = m_undo.store().db().prepare(
            "SELECT contact_id FROM enrollments WHERE sequence_id = ?1 AND state IN ('active', "
            "'waiting', 'qualified')");
        st.bind(1, seq);
        while (st.step()) {
            open.insert(st.integer(0));
        }
    }
    for (const core::Id c : m_contacts) {
        (open.count(c) ? m_skipped : m_toEnroll).push_back(c);
    }
    QString text;
    if (seq == 0) {
        text = tr("There is no sequence yet: make one on the Sequences page first.");
    } else if (m_toEnroll.empty()) {
        text = tr("Everyone chosen is already in this sequence: %1.")
                   .arg(namesOf(m_undo.store(), m_skipped));
    } else {
        text = tr("Enrolls %1: %2.")
                   .arg(countOf(static_cast<std::int64_t>(m_toEnroll.size()), tr("contact"),
                                tr("contacts")),
                        namesOf(m_undo.store(), m_toEnroll));
        if (!m_skipped.empty()) {
            text += QLatin1Char('\n') + tr("Skips %1 already in it: %2.")
                                            .arg(static_cast<qlonglong>(m_skipped.size()))
                                            .arg(namesOf(m_undo.store(), m_skipped));
        }
    }
    m_summary->setText(text);
    if (m_ok) {
        m_ok->setEnabled(seq != 0 && !m_toEnroll.empty());
        m_ok->setText(m_toEnroll.size() > 1 ? tr("Enroll %1").arg(m_toEnroll.size())
                                            : tr("Enroll"));
    }
}

void EnrollDialog::accept() {
    const core::Id seq = sequenceId();
    if (seq == 0 || m_toEnroll.empty()) {
        return;
    }
    const auto sequence = m_undo.store().get<core::Sequence>(seq);
    const core::Date on = fromQDate(m_start->date());
    const std::vector<core::Id> contacts = m_toEnroll;
    const core::Clock* clock = &m_clock;
    const QString text =
        m_toEnroll.size() == 1
            ? tr("Enroll %1 in “%2”").arg(namesOf(m_undo.store(), m_toEnroll), qs(sequence.name))
            : tr("Enroll %1 contacts in “%2”").arg(m_toEnroll.size()).arg(qs(sequence.name));
    try {
        m_undo.perform(std::make_unique<EnrollmentChange>(
            m_undo, text,
            [contacts, seq, on, clock](core::Store& store) {
                core::NurtureEngine engine(store, *clock);
                for (const core::Id c : contacts) {
                    engine.enroll(c, seq, on);
                }
            },
            std::vector<core::Id>{}, contacts));
    } catch (const std::exception& e) {
        m_error->setText(qs(e.what()));
        m_error->show();
        return;
    }
    QDialog::accept();
}

bool enrollContacts(QWidget* parent, UndoContext& undo, const core::Clock& clock,
                    std::vector<core::Id> contactIds) {
    EnrollDialog dialog(undo, clock, std::move(contactIds), parent);
    return dialog.exec() == QDialog::Accepted;
}

// ---- ContactPickModel -------------------------------------------------------------------------

namespace {

constexpr std::size_t kBlock = 200;

/// Two lines a row with a check box before them.
class CheckableDelegate : public TwoLineDelegate {
public:
    using TwoLineDelegate::TwoLineDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget* widget = option.widget;
        QStyle* style = widget ? widget->style() : QApplication::style();
        // The same place QStyledItemDelegate::editorEvent looks for a click on it.
        const QRect check =
            style->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &opt, widget);
        opt.text.clear();
        style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
        QStyleOptionViewItem box = opt;
        box.rect = check;
        box.state = box.state & ~QStyle::State_HasFocus;
        box.state |= opt.checkState == Qt::Checked ? QStyle::State_On : QStyle::State_Off;
        style->drawPrimitive(QStyle::PE_IndicatorItemViewItemCheck, &box, painter, widget);
        QStyleOptionViewItem rest = option;
        rest.rect.setLeft(check.right() + 4);
        TwoLineDelegate::paint(painter, rest, index);
    }
};

}  // namespace

ContactPickModel::ContactPickModel(core::Store& store, const core::Clock& clock, QObject* parent)
    : QAbstractListModel(parent), m_query(std::make_unique<core::ContactQuery>(store, clock)) {}

void ContactPickModel::setFilter(const core::ContactFilter& filter) {
    beginResetModel();
    m_ids = m_query->ids(filter, core::ContactOrder{});
    m_rows.clear();
    endResetModel();
}

int ContactPickModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_ids.size());
}

const core::ContactRow* ContactPickModel::rowAt(int row) const {
    const core::Id id = m_ids[static_cast<std::size_t>(row)];
    auto it = m_rows.find(id);
    if (it == m_rows.end()) {
        // Read the block around it in one query.
        const std::size_t from = static_cast<std::size_t>(row) / kBlock * kBlock;
        const std::size_t to = std::min(m_ids.size(), from + kBlock);
        const std::vector<core::Id> block(m_ids.begin() + static_cast<std::ptrdiff_t>(from),
                                          m_ids.begin() + static_cast<std::ptrdiff_t>(to));
        for (auto& r : m_query->rows(block)) {
            m_rows.emplace(r.id, std::move(r));
        }
        it = m_rows.find(id);
    }
    return it == m_rows.end() ? nullptr : &it->second;
}

QVariant ContactPickModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) {
        return {};
    }
    const core::Id id = m_ids[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::CheckStateRole:
            return m_checked.count(id) ? Qt::Checked : Qt::Unchecked;
        case RecordIdRole:
            return QVariant::fromValue<qlonglong>(id);
        case Qt::DisplayRole:
        case SecondaryTextRole: {
            const auto* r = rowAt(index.row());
            if (!r) {
                return {};
            }
            if (role == Qt::DisplayRole) {
                return qs(r->displayName);
            }
            QStringList facts{capitalized(words(r->stage))};
            if (!r->niche.empty()) {
                facts << qs(r->niche);
            }
            for (const auto& t : r->tags) {
                facts << QLatin1Char('#') + qs(t);
            }
            return facts.join(dot());
        }
        default:
            return {};
    }
}

bool ContactPickModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::CheckStateRole) {
        return false;
    }
    const core::Id id = m_ids[static_cast<std::size_t>(index.row())];
    if (value.toInt() == Qt::Checked) {
        if (m_checked.insert(id).second) {
            m_checkOrder.push_back(id);
        }
    } else {
        m_checked.erase(id);
        m_checkOrder.erase(std::remove(m_checkOrder.begin(), m_checkOrder.end(), id),
                           m_checkOrder.end());
    }
    emit dataChanged(index, index, {Qt::CheckStateRole});
    return true;
}

Qt::ItemFlags ContactPickModel::flags(const QModelIndex& index) const {
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

void ContactPickModel::checkAll(bool checked) {
    for (const core::Id id : m_ids) {
        if (checked) {
            if (m_checked.insert(id).second) {
                m_checkOrder.push_back(id);
            }
        } else {
            m_checked.erase(id);
        }
    }
    if (!checked) {
        std::erase_if(m_checkOrder, [this](core::Id id) { return !m_checked.count(id); });
    }
    if (!m_ids.empty()) {
        emit dataChanged(index(0), index(rowCount() - 1), {Qt::CheckStateRole});
    }
}

std::vector<core::Id> ContactPickModel::checked() const {
    return m_checkOrder;
}

// ---- ContactPicker ----------------------------------------------------------------------------

ContactPicker::ContactPicker(core::Store& store, const core::Clock& clock, QWidget* parent)
    : QDialog(parent),
      m_model(new ContactPickModel(store, clock, this)),
      m_search(new QLineEdit(this)),
      m_stage(new QComboBox(this)),
      m_niche(new QComboBox(this)),
      m_tag(new QComboBox(this)),
      m_list(new QListView(this)),
      m_count(new QLabel(this)) {
    setObjectName(QStringLiteral("contactPicker"));
    setWindowTitle(tr("Choose contacts to enroll"));
    resize(560, 620);

    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search names, companies, handles, tags"));
    m_search->setClearButtonEnabled(true);
    m_stage->setObjectName(QStringLiteral("stage"));
    m_stage->addItem(tr("Any stage"), -1);
    for (std::size_t i = 0; i < core::enumCount<core::Stage>(); ++i) {
        m_stage->addItem(capitalized(words(static_cast<core::Stage>(i))), static_cast<int>(i));
    }
    m_niche->setObjectName(QStringLiteral("niche"));
    m_niche->addItem(tr("Any niche"), QVariant::fromValue<qlonglong>(0));
    for (const auto& n : store.list<core::Niche>()) {
        m_niche->addItem(qs(n.name), QVariant::fromValue<qlonglong>(n.id));
    }
    m_tag->setObjectName(QStringLiteral("tag"));
    m_tag->addItem(tr("Any tag"), QString{});
    for (const auto& t : m_model->query().tags()) {
        m_tag->addItem(QLatin1Char('#') + qs(t), qs(t));
    }

    m_list->setObjectName(QStringLiteral("contacts"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new CheckableDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_count->setObjectName(QStringLiteral("count"));
    makeQuiet(m_count);

    auto* filters = new QHBoxLayout;
    filters->setSpacing(6);
    filters->addWidget(m_stage);
    filters->addWidget(m_niche);
    filters->addWidget(m_tag);
    filters->addStretch(1);

    auto* checkShownButton = new QPushButton(tr("Check all shown"), this);
    checkShownButton->setObjectName(QStringLiteral("checkShown"));
    checkShownButton->setAutoDefault(false);
    auto* clear = new QPushButton(tr("Uncheck all"), this);
    clear->setAutoDefault(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(checkShownButton);
    bottom->addWidget(clear);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 14);
    layout->setSpacing(8);
    layout->addWidget(m_search);
    layout->addLayout(filters);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_count);
    layout->addLayout(bottom);

    connect(m_search, &QLineEdit::textChanged, this, &ContactPicker::applyFilter);
    for (auto* box : {m_stage, m_niche, m_tag}) {
        connect(box, &QComboBox::currentIndexChanged, this, &ContactPicker::applyFilter);
    }
    connect(checkShownButton, &QPushButton::clicked, this, &ContactPicker::checkShown);
    connect(clear, &QPushButton::clicked, this, [this] {
        m_model->checkAll(false);
        updateCount();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ContactPicker::updateCount);
    applyFilter();
    m_search->setFocus();
}

void ContactPicker::setSearch(const QString& text) {
    m_search->setText(text);
}

void ContactPicker::setStage(std::optional<core::Stage> stage) {
    m_stage->setCurrentIndex(stage ? m_stage->findData(static_cast<int>(*stage)) : 0);
}

void ContactPicker::setNiche(std::optional<core::Id> nicheId) {
    m_niche->setCurrentIndex(
        std::max(0, m_niche->findData(QVariant::fromValue<qlonglong>(nicheId.value_or(0)))));
}

void ContactPicker::setTag(const QString& tag) {
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tag)));
}

void ContactPicker::checkShown() {
    m_model->checkAll(true);
    updateCount();
}

void ContactPicker::applyFilter() {
    core::ContactFilter f;
    f.text = m_search->text().trimmed().toStdString();
    if (const int stage = m_stage->currentData().toInt(); stage >= 0) {
        f.stage = static_cast<core::Stage>(stage);
    }
    if (const core::Id niche = m_niche->currentData().toLongLong(); niche != 0) {
        f.nicheId = niche;
    }
    f.tag = m_tag->currentData().toString().toStdString();
    m_model->setFilter(f);
    updateCount();
}

void ContactPicker::updateCount() {
    const auto chosen = m_model->checked().size();
    m_count->setText(
        tr("%1 shown · %2 chosen").arg(m_model->rowCount()).arg(static_cast<qlonglong>(chosen)));
    if (m_ok) {
        m_ok->setEnabled(chosen > 0);
        m_ok->setText(chosen > 0 ? tr("Next: choose the sequence") : tr("Choose contacts"));
    }
}

}  // namespace rapport::ui
