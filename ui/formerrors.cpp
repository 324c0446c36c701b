#include "ui/formerrors.h"

#include <QLabel>
#include <QLayout>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

#include "ui/displaytext.h"

namespace rapport::ui {

FormErrors::FormErrors(QObject* parent) : QObject(parent) {}

QLabel* FormErrors::makeLine(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    label->setPalette(pal);
    label->hide();
    return label;
}

QWidget* FormErrors::wrap(const QString& name, QWidget* field, const QString& subject) {
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addWidget(field);
    QLabel* line = makeLine(box);
    line->setObjectName(QStringLiteral("error-") + name);
    layout->addWidget(line);
    add(name, line, field, subject);
    return box;
}

void FormErrors::add(const QString& name, QLabel* label, QWidget* focus, const QString& subject) {
    m_entries.insert(name, Entry{label, focus, subject});
}

void FormErrors::setGeneral(QLabel* label) {
    m_general = label;
}

QString FormErrors::owner(const QString& field) const {
    // "cadence[1].postsPerWeek" -> "cadence[1]" -> "cadence".
    QString name = field;
    while (!name.isEmpty()) {
        if (m_entries.contains(name)) {
            return name;
        }
        const qsizetype cut =
            std::max(name.lastIndexOf(QLatin1Char('.')), name.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0) {
            break;
        }
        name.truncate(cut);
    }
    return {};
}

QString FormErrors::show(const core::ValidationError& error) {
    const QString field = qs(error.field());
    const QString problem = qs(error.problem());
    const QString name = owner(field);
    if (!name.isEmpty() && !m_entries[name].subject.isEmpty()) {
        return show(field, m_entries[name].subject + QLatin1Char(' ') + problem + QLatin1Char('.'));
    }
    return show(field, capitalized(problem) + QLatin1Char('.'));
}

namespace {

// A message that appears must not squeeze the form: the window grows to fit, never shrinks.
// Measured once the shown lines have been laid out, from the event loop.
void growToFit(QWidget* line) {
    QWidget* window = line->window();
    if (!window || !window->isWindow()) {
        return;
    }
    QTimer::singleShot(0, window, [window] {
        QSize wanted = window->sizeHint();
        if (auto* layout = window->layout()) {
            // Wrapped lines may need more than sizeHint() says at the window's width, and a
            // layout's own height-for-width can say less than it needs: the larger one.
            if (layout->hasHeightForWidth()) {
                wanted.setHeight(
                    std::max(wanted.height(), layout->totalHeightForWidth(window->width())));
            }
        }
        window->resize(window->size().expandedTo(wanted));
    });
}

}  // namespace

QString FormErrors::show(const QString& field, const QString& sentence) {
    const QString name = owner(field);
    if (name.isEmpty()) {
        if (m_general) {
            m_general->setText(sentence);
            m_general->show();
            growToFit(m_general);
        }
        return {};
    }
    const Entry& entry = m_entries[name];
    if (entry.label) {
        entry.label->setText(sentence);
        entry.label->show();
        growToFit(entry.label);
    }
    if (entry.focus && !m_focused) {
        m_focused = true;
        reveal(entry.focus);
        entry.focus->setFocus(Qt::OtherFocusReason);
    }
    return name;
}

void FormErrors::reveal(QWidget* widget) const {
    // A field on a hidden tab, or scrolled away, would leave its message unseen.
    for (QWidget* w = widget; w; w = w->parentWidget()) {
        auto* stack = qobject_cast<QStackedWidget*>(w->parentWidget());
        if (stack) {
            if (auto* tabs = qobject_cast<QTabWidget*>(stack->parentWidget())) {
                tabs->setCurrentWidget(w);
            }
        }
        if (auto* scroll = qobject_cast<QScrollArea*>(w)) {
            scroll->ensureWidgetVisible(widget);
        }
    }
}

void FormErrors::clear() {
    m_focused = false;
    for (const Entry& entry : std::as_const(m_entries)) {
        if (entry.label) {
            entry.label->clear();
            entry.label->hide();
        }
    }
    if (m_general) {
        m_general->clear();
        m_general->hide();
    }
}

QString FormErrors::message(const QString& name) const {
    const auto it = m_entries.find(name);
    return it != m_entries.end() && it->label && !it->label->isHidden() ? it->label->text()
                                                                        : QString{};
}

QString FormErrors::generalMessage() const {
    return m_general && !m_general->isHidden() ? m_general->text() : QString{};
}

bool FormErrors::isShowing() const {
    for (const Entry& entry : m_entries) {
        if (entry.label && !entry.label->isHidden()) {
            return true;
        }
    }
    return !generalMessage().isEmpty();
}

}  // namespace rapport::ui
