#include "ui/widgetstyle.h"

#include <QFrame>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <cmath>

#include "ui/displaytext.h"
#include "ui/twolinedelegate.h"

namespace rapport::ui {

void styleNote(QFrame* frame, NoteTone tone) {
    if (frame->objectName().isEmpty()) {
        frame->setObjectName(QStringLiteral("note"));
    }
    const bool caution = tone == NoteTone::Caution;
    // Named by object so the labels inside (QFrames too) keep their own look.
    frame->setStyleSheet(QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3; "
                                        "border-radius: 8px; }")
                             .arg(frame->objectName(),
                                  caution ? QStringLiteral("#fdf6e7") : QStringLiteral("#f3f6fa"),
                                  caution ? QStringLiteral("#ecd9ad") : QStringLiteral("#dde4ee")));
}

void makeHeading(QLabel* label, double scale) {
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * scale);
    label->setFont(font);
}

void makeHint(QLabel* label) {
    label->setWordWrap(true);
    makeQuiet(label);
}

QScrollArea* makeDetailPanel(QWidget* parent, QLabel** label, const QString& objectName) {
    auto* scroll = new QScrollArea(parent);
    scroll->setObjectName(objectName + QStringLiteral("Panel"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* inner = new QWidget(scroll);
    inner->setObjectName(objectName + QStringLiteral("Body"));
    auto* layout = new QVBoxLayout(inner);
    layout->setContentsMargins(18, 8, 12, 12);
    layout->setSpacing(12);
    auto* text = new QLabel(inner);
    text->setObjectName(objectName);
    text->setWordWrap(true);
    text->setTextFormat(Qt::RichText);
    text->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text);
    layout->addStretch(1);
    scroll->setWidget(inner);
    // The page's base colour, not the window's grey: the panel belongs to the page.
    scroll->viewport()->setAutoFillBackground(false);
    inner->setAutoFillBackground(false);
    *label = text;
    return scroll;
}

QListView* makeRecordView(QWidget* parent, const QString& objectName) {
    auto* view = new QListView(parent);
    view->setObjectName(objectName);
    view->setItemDelegate(new TwoLineDelegate(view));
    view->setFrameShape(QFrame::NoFrame);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setResizeMode(QListView::Adjust);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    return view;
}

QPushButton* actionButton(const QString& text, const QString& objectName, QWidget* parent) {
    auto* button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

QString htmlText(const QString& text) {
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString quietColour(const QWidget* widget) {
    // The placeholder colour is mostly the text colour half transparent, and a colour name
    // drops the transparency: mix it into the window's colour instead, which the text sits on.
    const QPalette& pal = widget->palette();
    const QColor quiet = pal.color(QPalette::PlaceholderText);
    const QColor under = pal.color(QPalette::Window);
    const double a = quiet.alphaF();
    const auto mix = [a](double over, double below) {
        return static_cast<int>(std::lround((over * a + below * (1.0 - a)) * 255.0));
    };
    return QColor(mix(quiet.redF(), under.redF()), mix(quiet.greenF(), under.greenF()),
                  mix(quiet.blueF(), under.blueF()))
        .name();
}

}  // namespace rapport::ui
