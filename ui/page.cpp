#include "ui/page.h"

#include <QLabel>
#include <QThread>
#include <QVBoxLayout>

#include "ui/displaytext.h"

namespace rapport::ui {

Page::Page(core::Store& store, const QString& title, QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_title(new QLabel(title, this)),
      m_header(new QLabel(this)),
      m_content(new QVBoxLayout) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 22, 28, 16);
    layout->setSpacing(4);

    m_title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    m_title->setFont(titleFont);
    m_title->setAccessibleName(title);

    m_header->setObjectName(QStringLiteral("pageHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    makeQuiet(m_header);

    m_content->setContentsMargins(0, 12, 0, 0);
    m_content->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_header);
    layout->addLayout(m_content, 1);

    m_subscription = m_store.subscribe([this](const core::Change&) { onStoreChanged(); });
}

// m_subscription is declared last, so it is released first: no notification can reach a page
// that is half destroyed.
Page::~Page() = default;

QString Page::title() const {
    return m_title->text();
}

QString Page::headerText() const {
    return m_header->text();
}

void Page::refresh() {
    m_stale = false;
    rebuild();
}

void Page::setHeaderText(const QString& text) {
    m_header->setText(text);
}

void Page::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_stale) {
        refresh();
    }
}

void Page::onStoreChanged() {
    // The GUI's store is written on the GUI thread only; a write from elsewhere would make this
    // page read the store from two threads.
    Q_ASSERT(QThread::currentThread() == thread());
    m_stale = true;
    if (!isVisible() || m_refreshQueued) {
        return;
    }
    // A transaction announces each record it touched; rebuild once for all of them.
    m_refreshQueued = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_refreshQueued = false;
            if (m_stale && isVisible()) {
                refresh();
            }
        },
        Qt::QueuedConnection);
}

}  // namespace rapport::ui
