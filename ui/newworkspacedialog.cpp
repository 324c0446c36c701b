#include "ui/newworkspacedialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include "ui/displaytext.h"

namespace rapport::ui {

namespace {

QLabel* explanation(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setIndent(24);  // under the radio button's text, not its circle
    makeQuiet(label);
    return label;
}

}  // namespace

NewWorkspaceDialog::NewWorkspaceDialog(const QString& path, QWidget* parent)
    : QDialog(parent),
      m_empty(new QRadioButton(tr("Empty"), this)),
      m_demo(new QRadioButton(tr("With the demo campaign"), this)) {
    setWindowTitle(tr("New workspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 14);
    layout->setSpacing(6);

    auto* intro = new QLabel(
        tr("What should <b>%1</b> start with?").arg(QFileInfo(path).fileName().toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addWidget(m_empty);
    layout->addWidget(
        explanation(tr("A blank planner for your own goals, niches and people."), this));
    layout->addSpacing(6);
    layout->addWidget(m_demo);
    layout->addWidget(explanation(tr("A book launch planned around relationships, with posts, "
                                     "contacts and a nurture sequence set in this week, to "
                                     "look around in."),
                                  this));
    layout->addSpacing(12);
    m_empty->setChecked(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

NewWorkspaceDialog::Content NewWorkspaceDialog::content() const {
    return m_demo->isChecked() ? Content::Demo : Content::Empty;
}

void NewWorkspaceDialog::setContent(Content content) {
    (content == Content::Demo ? m_demo : m_empty)->setChecked(true);
}

}  // namespace rapport::ui
