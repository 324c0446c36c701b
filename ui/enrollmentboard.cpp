#include "ui/enrollmentboard.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <exception>
#include <memory>
#include <unordered_map>

#include "core/nurtureengine.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "ui/displaytext.h"
#include "ui/nurturecommands.h"
#include "ui/roles.h"
#include "ui/undocontext.h"
#include "ui/widgetstyle.h"

namespace rapport::ui {

namespace {

constexpr int kPad = 10;
constexpr int kGap = 4;
constexpr int kStateRole = FirstModelRole;
constexpr int kLateRole = FirstModelRole + 1;

QFont nameFont(const QFont& base) {
    QFont f = base;
    f.setBold(true);
    return f;
}

QFont lineFont(const QFont& base) {
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.92);
    return f;
}

int cardWidth(const QStyleOptionViewItem& option) {
    const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
    const int w = view ? view->viewport()->width() : option.rect.width();
    return std::max(80, w - 2);
}

/// "Mon 23 Nov": the year goes without saying on a board of the coming weeks.
QString shortDate(core::Date day) {
    return QLocale{}.toString(toQDate(day), QStringLiteral("ddd d MMM"));
}

QString stateTitle(core::EnrollmentState state) {
    return capitalized(words(state));
}

}  // namespace

// ---- CardDelegate -----------------------------------------------------------------------------

QSize CardDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    const int w = cardWidth(option) - 2 * kPad;
    const QFontMetrics name(nameFont(option.font));
    const QFontMetrics line(lineFont(option.font));
    int h = kPad + name.boundingRect(QRect(0, 0, w, 10000), Qt::TextWordWrap,
                                     index.data(Qt::DisplayRole).toString())
                       .height();
    const QString lines = index.data(SecondaryTextRole).toString();
    if (!lines.isEmpty()) {
        h += kGap + line.boundingRect(QRect(0, 0, w, 10000), Qt::TextWordWrap, lines).height();
    }
    return {cardWidth(option), h + kPad + 6};
}

void CardDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                         const QModelIndex& index) const {
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The card is drawn in the application's colours, not the column's (which has Base set
    // to the window colour so the cards stand out).
    const QPalette p = QApplication::palette(option.widget);
    const QRectF card = QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -5.5);
    QPainterPath path;
    path.addRoundedRect(card, 7, 7);
    const bool selected = option.state & QStyle::State_Selected;
    QColor fill = p.color(QPalette::Base);
    QColor border = p.color(QPalette::Mid);
    border.setAlpha(110);
    if (selected) {
        QColor h = p.color(QPalette::Highlight);
        border = h;
        h.setAlpha(40);
        fill = QColor::fromRgbF(fill.redF() * (1 - h.alphaF()) + h.redF() * h.alphaF(),
                                fill.greenF() * (1 - h.alphaF()) + h.greenF() * h.alphaF(),
                                fill.blueF() * (1 - h.alphaF()) + h.blueF() * h.alphaF());
    }
    painter->fillPath(path, fill);
    painter->setPen(QPen(border, selected ? 1.6 : 1.0));
    painter->drawPath(path);
    if (index.data(kLateRole).toBool()) {
        // A step past its date: a warm bar down the card's left edge.
        QPainterPath bar;
        bar.addRoundedRect(QRectF(card.left(), card.top(), 4, card.height()), 2, 2);
        painter->fillPath(bar, QColor(0xd9, 0x8a, 0x3d));
    }

    const int w = static_cast<int>(card.width()) - 2 * kPad + 2;
    const QPoint origin(option.rect.left() + kPad, option.rect.top() + kPad);
    const QFontMetrics nameMetrics(nameFont(option.font));
    const QString name = index.data(Qt::DisplayRole).toString();
    const QRect nameRect =
        nameMetrics.boundingRect(QRect(origin, QSize(w, 10000)), Qt::TextWordWrap, name);
    painter->setFont(nameFont(option.font));
    painter->setPen(p.color(QPalette::Text));
    painter->drawText(nameRect, Qt::TextWordWrap, name);
    const QString lines = index.data(SecondaryTextRole).toString();
    if (!lines.isEmpty()) {
        painter->setFont(lineFont(option.font));
        painter->setPen(p.color(QPalette::PlaceholderText));
        const QRect linesRect(nameRect.left(), nameRect.bottom() + kGap, w, 10000);
        painter->drawText(linesRect, Qt::TextWordWrap, lines);
    }
    painter->restore();
}

// ---- EnrollmentBoard --------------------------------------------------------------------------

EnrollmentBoard::EnrollmentBoard(UndoContext& undo, const core::Clock& clock, QWidget* parent)
    : QWidget(parent),
      m_undo(undo),
      m_clock(clock),
      m_done(actionButton(tr("Mark done"), QStringLiteral("markDone"), this)),
      m_skip(actionButton(tr("Skip step"), QStringLiteral("skipStep"), this)),
      m_exit(actionButton(tr("End enrollment…"), QStringLiteral("exitEnrollment"), this)),
      m_override(actionButton(tr("Open the gate…"), QStringLiteral("overrideGate"), this)),
      m_status(new QLabel(this)) {
    setObjectName(QStringLiteral("enrollmentBoard"));
    auto* columns = new QHBoxLayout;
    columns->setSpacing(10);
    auto* delegate = new CardDelegate(this);
    for (int i = 0; i < kColumns; ++i) {
        const auto state = static_cast<core::EnrollmentState>(i);
        auto* column = new QVBoxLayout;
        column->setSpacing(6);
        auto* title = new QLabel(stateTitle(state), this);
        makeHeading(title, 1.0);
        auto* model = new QStandardItemModel(this);
        auto* view = new QListView(this);
        view->setObjectName(QStringLiteral("column-") + qs(core::toString(state)));
        view->setModel(model);
        view->setItemDelegate(delegate);
        view->setFrameShape(QFrame::NoFrame);
        view->setResizeMode(QListView::Adjust);
        view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view->setSelectionMode(QAbstractItemView::SingleSelection);
        view->setEditTriggers(QAbstractItemView::NoEditTriggers);
        view->setMinimumWidth(140);
        view->setAttribute(Qt::WA_MacShowFocusRect, false);
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this, [this, view](QPoint at) {
            const QModelIndex index = view->indexAt(at);
            if (!index.isValid()) {
                return;
            }
            select(index.data(RecordIdRole).toLongLong());
            QMenu menu(this);
            for (auto* button : {m_done, m_skip, m_exit, m_override}) {
                QAction* action = menu.addAction(button->text(), button, &QPushButton::click);
                action->setEnabled(button->isEnabled());
            }
            menu.exec(view->viewport()->mapToGlobal(at));
        });
        view->viewport()->setAutoFillBackground(false);
        // Cards stand on the window's colour, like paper on a desk.
        QPalette columnPalette = view->palette();
        columnPalette.setColor(QPalette::Base, columnPalette.color(QPalette::Window));
        view->setPalette(columnPalette);
        column->addWidget(title);
        column->addWidget(view, 1);
        columns->addLayout(column, 1);
        const auto k = static_cast<std::size_t>(i);
        m_models[k] = model;
        m_views[k] = view;
        m_titles[k] = title;
        // The selection follows the current card only after currentChanged: update then.
        connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &EnrollmentBoard::updateButtons);
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
                [this, view](const QModelIndex& current) {
                    if (!current.isValid()) {
                        return;
                    }
                    // One selected card on the whole board.
                    for (auto* other : m_views) {
                        if (other != view) {
                            other->clearSelection();
                            other->selectionModel()->setCurrentIndex({},
                                                                     QItemSelectionModel::Clear);
                        }
                    }
                    updateButtons();
                });
    }

    auto* enroll = actionButton(tr("Enroll contacts…"), QStringLiteral("enrollContacts"), this);
    connect(enroll, &QPushButton::clicked, this, &EnrollmentBoard::enrollRequested);
    auto* actions = new QHBoxLayout;
    actions->setSpacing(6);
    actions->addWidget(enroll);
    actions->addSpacing(12);
    for (auto* b : {m_done, m_skip, m_exit, m_override}) {
        actions->addWidget(b);
    }
    actions->addStretch(1);
    m_status->setObjectName(QStringLiteral("boardStatus"));
    m_status->setWordWrap(true);
    makeQuiet(m_status);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addLayout(columns, 1);
    m_status->hide();

    connect(m_done, &QPushButton::clicked, this, [this] { markDone(selected()); });
    connect(m_skip, &QPushButton::clicked, this, [this] { skip(selected()); });
    connect(m_exit, &QPushButton::clicked, this, &EnrollmentBoard::askExit);
    connect(m_override, &QPushButton::clicked, this, &EnrollmentBoard::askOverride);
    updateButtons();
}

QListView* EnrollmentBoard::viewOf(core::EnrollmentState state) const {
    return m_views[static_cast<std::size_t>(state)];
}

void EnrollmentBoard::setSequence(core::Id sequenceId) {
    if (m_sequenceId != sequenceId) {
        m_status->hide();
    }
    m_sequenceId = sequenceId;
    reload();
}

void EnrollmentBoard::reload() {
    const core::Id keep = selected();
    for (auto* m : m_models) {
        m->clear();
    }
    core::Store& store = m_undo.store();
    std::array<int, kColumns> counts{};
    if (m_sequenceId != 0 && store.find<core::Sequence>(m_sequenceId)) {
        const auto sequence = store.get<core::Sequence>(m_sequenceId);
        std::unordered_map<core::Id, const core::SequenceStep*> steps;
        for (const auto& s : sequence.steps) {
            steps.emplace(s.id, &s);
        }
        core::NurtureEngine engine(store, m_clock);
        const core::Date today = engine.today();
        std::vector<core::Id> ids;
        {
            auto st = store.db().prepare(
                "SELECT e.id FROM enrollments e JOIN contacts c ON c.id = e.contact_id "
                "WHERE e.sequence_id = ?1 ORDER BY e.next_due IS NULL, e.next_due, "
                "c.display_name COLLATE NOCASE, e.id");
            st.bind(1, m_sequenceId);
            while (st.step()) {
                ids.push_back(st.integer(0));
            }
        }
        for (const core::Id id : ids) {
            const auto e = store.get<core::Enrollment>(id);
            const auto contact = store.find<core::Contact>(e.contactId);
            QStringList lines;
            bool late = false;
            const auto step = e.currentStepId ? steps.find(*e.currentStepId) : steps.end();
            switch (e.state) {
                case core::EnrollmentState::Active:
                case core::EnrollmentState::Qualified:
                    if (step != steps.end()) {
                        lines << tr("Phase %1: %2")
                                     .arg(step->second->phase)
                                     .arg(qs(step->second->action));
                    }
                    if (e.nextDue) {
                        const int days = core::daysBetween(today, *e.nextDue);
                        late = days < 0;
                        lines << (days == 0  ? tr("Due today")
                                  : days < 0 ? tr("%1 late, due %2")
                                                   .arg(countOf(-days, tr("day"), tr("days")),
                                                        shortDate(*e.nextDue))
                                  : days == 1 ? tr("Due tomorrow")
                                              : tr("Due %1").arg(shortDate(*e.nextDue)));
                    }
                    break;
                case core::EnrollmentState::Waiting:
                    if (step != steps.end()) {
                        lines << tr("Next: %1").arg(qs(step->second->action));
                    }
                    lines << tr("Waits for the gate: %1").arg(qs(engine.qualification(e).reason));
                    break;
                case core::EnrollmentState::Completed:
                    lines << tr("Every step done");
                    break;
                case core::EnrollmentState::Converted:
                    lines << tr("Bought during the sequence");
                    break;
                case core::EnrollmentState::Exited:
                    lines << tr("Left: %1").arg(qs(e.exitReason));
                    break;
            }
            if (!e.gateOverrideReason.empty()) {
                lines << tr("Gate opened by hand: %1").arg(qs(e.gateOverrideReason));
            }
            const QString enrolled = tr("Enrolled %1").arg(formatDate(e.enrolledOn));
            auto* item =
                new QStandardItem(contact ? qs(contact->displayName) : tr("(deleted contact)"));
            item->setData(lines.join(QLatin1Char('\n')), SecondaryTextRole);
            item->setData(QVariant::fromValue<qlonglong>(e.id), RecordIdRole);
            item->setData(static_cast<int>(e.state), kStateRole);
            item->setData(late, kLateRole);
            item->setToolTip(lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + enrolled);
            m_models[static_cast<std::size_t>(e.state)]->appendRow(item);
            ++counts[static_cast<std::size_t>(e.state)];
        }
    }
    for (int i = 0; i < kColumns; ++i) {
        const auto k = static_cast<std::size_t>(i);
        m_titles[k]->setText(QStringLiteral("%1  %2")
                                 .arg(stateTitle(static_cast<core::EnrollmentState>(i)))
                                 .arg(counts[k]));
    }
    if (keep != 0) {
        select(keep);
    }
    updateButtons();
}

std::vector<core::Id> EnrollmentBoard::cards(core::EnrollmentState state) const {
    std::vector<core::Id> out;
    const auto* m = m_models[static_cast<std::size_t>(state)];
    for (int r = 0; r < m->rowCount(); ++r) {
        out.push_back(m->item(r)->data(RecordIdRole).toLongLong());
    }
    return out;
}

QString EnrollmentBoard::columnTitle(core::EnrollmentState state) const {
    return m_titles[static_cast<std::size_t>(state)]->text();
}

QString EnrollmentBoard::cardText(core::Id enrollmentId) const {
    for (const auto* m : m_models) {
        for (int r = 0; r < m->rowCount(); ++r) {
            const auto* item = m->item(r);
            if (item->data(RecordIdRole).toLongLong() == enrollmentId) {
                return item->text() + QLatin1Char('\n') + item->data(SecondaryTextRole).toString();
            }
        }
    }
    return {};
}

bool EnrollmentBoard::select(core::Id enrollmentId) {
    for (std::size_t k = 0; k < m_models.size(); ++k) {
        const auto* m = m_models[k];
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->item(r)->data(RecordIdRole).toLongLong() == enrollmentId) {
                const QModelIndex index = m->index(r, 0);
                m_views[k]->selectionModel()->setCurrentIndex(index,
                                                              QItemSelectionModel::ClearAndSelect);
                m_views[k]->scrollTo(index);
                updateButtons();
                return true;
            }
        }
    }
    return false;
}

core::Id EnrollmentBoard::selected() const {
    for (const auto* view : m_views) {
        const QModelIndex current = view->selectionModel()->currentIndex();
        if (current.isValid() && view->selectionModel()->isSelected(current)) {
            return current.data(RecordIdRole).toLongLong();
        }
    }
    return 0;
}

void EnrollmentBoard::updateButtons() {
    const core::Id id = selected();
    std::optional<core::Enrollment> e;
    if (id != 0) {
        e = m_undo.store().find<core::Enrollment>(id);
    }
    const bool open = e && e->isOpen();
    const bool due = open && e->state != core::EnrollmentState::Waiting && e->currentStepId;
    m_done->setEnabled(due);
    m_skip->setEnabled(due);
    m_exit->setEnabled(open);
    m_override->setEnabled(open && e->gateOverrideReason.empty() &&
                           e->state != core::EnrollmentState::Qualified);
}

QString EnrollmentBoard::statusText() const {
    return m_status->isVisible() || !m_status->text().isEmpty() ? m_status->text() : QString{};
}

bool EnrollmentBoard::run(core::Id enrollmentId, const QString& text,
                          const std::function<void(core::Store&, core::Id)>& change) {
    if (enrollmentId == 0) {
        return false;
    }
    try {
        m_undo.perform(std::make_unique<EnrollmentChange>(
            m_undo, text, [change, enrollmentId](core::Store& s) { change(s, enrollmentId); },
            std::vector<core::Id>{enrollmentId}, std::vector<core::Id>{}));
    } catch (const std::exception& e) {
        m_status->setText(qs(e.what()));
        m_status->show();
        return false;
    }
    m_status->setText(text + QLatin1Char('.'));
    m_status->show();
    reload();
    return true;
}

namespace {

struct Names {
    QString contact;
    QString step;
};

Names namesFor(core::Store& store, core::Id enrollmentId) {
    Names n;
    const auto e = store.find<core::Enrollment>(enrollmentId);
    if (!e) {
        return n;
    }
    if (const auto c = store.find<core::Contact>(e->contactId)) {
        n.contact = qs(c->displayName);
    }
    if (const auto s = store.find<core::Sequence>(e->sequenceId)) {
        for (const auto& st : s->steps) {
            if (e->currentStepId && st.id == *e->currentStepId) {
                n.step = qs(st.action);
            }
        }
    }
    return n;
}

}  // namespace

bool EnrollmentBoard::markDone(core::Id enrollmentId) {
    const auto n = namesFor(m_undo.store(), enrollmentId);
    const core::Clock* clock = &m_clock;
    return run(
        enrollmentId, tr("Mark “%1” done for %2").arg(n.step, n.contact),
        [clock](core::Store& s, core::Id id) { core::NurtureEngine(s, *clock).markDone(id); });
}

bool EnrollmentBoard::skip(core::Id enrollmentId) {
    const auto n = namesFor(m_undo.store(), enrollmentId);
    const core::Clock* clock = &m_clock;
    return run(enrollmentId, tr("Skip “%1” for %2").arg(n.step, n.contact),
               [clock](core::Store& s, core::Id id) { core::NurtureEngine(s, *clock).skip(id); });
}

bool EnrollmentBoard::exitEnrollment(core::Id enrollmentId, const QString& reason) {
    const auto n = namesFor(m_undo.store(), enrollmentId);
    const core::Clock* clock = &m_clock;
    const std::string why = reason.trimmed().toStdString();
    return run(enrollmentId, tr("End %1’s enrollment").arg(n.contact),
               [clock, why](core::Store& s, core::Id id) {
                   core::NurtureEngine(s, *clock).exit(id, why);
               });
}

bool EnrollmentBoard::overrideGate(core::Id enrollmentId, const QString& reason) {
    const auto n = namesFor(m_undo.store(), enrollmentId);
    const core::Clock* clock = &m_clock;
    const std::string why = reason.trimmed().toStdString();
    return run(enrollmentId, tr("Open the gate for %1").arg(n.contact),
               [clock, why](core::Store& s, core::Id id) {
                   core::NurtureEngine(s, *clock).overrideGate(id, why);
               });
}

void EnrollmentBoard::askExit() {
    const core::Id id = selected();
    const auto n = namesFor(m_undo.store(), id);
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("End enrollment"),
        tr("Why does %1 leave the sequence? (Kept with the enrollment.)").arg(n.contact),
        QLineEdit::Normal, {}, &ok);
    if (ok) {
        exitEnrollment(id, reason);
    }
}

void EnrollmentBoard::askOverride() {
    const core::Id id = selected();
    const auto n = namesFor(m_undo.store(), id);
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Open the gate"),
        tr("Phase 2 opens for %1 before they qualified. Why? (Kept and shown on the card.)")
            .arg(n.contact),
        QLineEdit::Normal, {}, &ok);
    if (ok) {
        overrideGate(id, reason);
    }
}

}  // namespace rapport::ui
