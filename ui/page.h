#pragma once

#include <QWidget>

#include "core/store.h"

class QLabel;
class QVBoxLayout;

namespace rapport::ui {

/// One page of the main window: a bold title, a header line of counts, and the page's own
/// content below. It listens to the store and rebuilds itself after changes; a hidden page only
/// notes that it is stale and rebuilds when it is shown, so a busy workspace costs nothing for
/// pages nobody is looking at.
class Page : public QWidget {
    Q_OBJECT
public:
    Page(core::Store& store, const QString& title, QWidget* parent = nullptr);
    ~Page() override;

    QString title() const;
    /// The header line of counts, as shown.
    QString headerText() const;
    /// Reads the store again and rebuilds the page now.
    void refresh();
    /// True until the page has been built from the store's current content.
    bool isStale() const { return m_stale; }

protected:
    /// Reads the store and fills the page; called by refresh().
    virtual void rebuild() = 0;

    core::Store& store() const { return m_store; }
    void setHeaderText(const QString& text);
    /// Where a page puts its content, below the header.
    QVBoxLayout* contentLayout() const { return m_content; }

    void showEvent(QShowEvent* event) override;

private:
    void onStoreChanged();

    core::Store& m_store;
    QLabel* m_title;
    QLabel* m_header;
    QVBoxLayout* m_content;
    bool m_stale = true;
    bool m_refreshQueued = false;
    core::Subscription m_subscription;
};

}  // namespace rapport::ui
