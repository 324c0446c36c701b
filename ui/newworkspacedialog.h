#pragma once

#include <QDialog>

class QRadioButton;

namespace rapport::ui {

/// Asks what a new workspace starts with: nothing, or the demo campaign to learn from.
class NewWorkspaceDialog : public QDialog {
    Q_OBJECT
public:
    enum class Content { Empty, Demo };

    explicit NewWorkspaceDialog(const QString& path, QWidget* parent = nullptr);

    Content content() const;
    void setContent(Content content);

private:
    QRadioButton* m_empty;
    QRadioButton* m_demo;
};

}  // namespace rapport::ui
