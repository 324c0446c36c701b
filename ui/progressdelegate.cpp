#include "ui/progressdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

#include "ui/goaltablemodel.h"
#include "ui/plantext.h"

namespace rapport::ui {

namespace {

constexpr int kPadding = 8;
constexpr int kBarHeight = 8;
constexpr int kGap = 8;

QColor fillFor(Pace pace, const QPalette& palette) {
    switch (pace) {
        case Pace::OnTrack:
        case Pace::Achieved:
            return QColor(0x43, 0xa0, 0x47);
        case Pace::Behind:
            return QColor(0xe0, 0x9a, 0x2b);
        default:
            return palette.color(QPalette::Disabled, QPalette::Text).lighter(130);
    }
}

}  // namespace

ProgressDelegate::ProgressDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void ProgressDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    // The style draws the row's hover and selection; the bar goes on top.
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double progress =
        std::clamp(index.data(GoalTableModel::ProgressRole).toDouble(), 0.0, 1.0);
    const auto pace = static_cast<Pace>(index.data(GoalTableModel::PaceRole).toInt());
    const QFontMetrics metrics(opt.font);
    const int textWidth = metrics.horizontalAdvance(QStringLiteral("100%"));
    const QRect area = opt.rect.adjusted(kPadding, 0, -kPadding, 0);
    const int barWidth = std::max(20, area.width() - textWidth - kGap);
    const QRectF track(area.left(), area.center().y() - kBarHeight / 2.0 + 1, barWidth, kBarHeight);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    QColor trackColour = opt.palette.color(QPalette::Midlight);
    painter->setBrush(trackColour);
    painter->drawRoundedRect(track, kBarHeight / 2.0, kBarHeight / 2.0);
    if (progress > 0) {
        QRectF fill = track;
        fill.setWidth(std::max(static_cast<double>(kBarHeight), track.width() * progress));
        painter->setBrush(fillFor(pace, opt.palette));
        painter->drawRoundedRect(fill, kBarHeight / 2.0, kBarHeight / 2.0);
    }
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect textRect(static_cast<int>(track.right()) + kGap, opt.rect.top(), textWidth,
                         opt.rect.height());
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, text);
    painter->restore();
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const {
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(option.font);
    size.setWidth(
        std::max(size.width(), 120 + metrics.horizontalAdvance(QStringLiteral("100%")) + kGap));
    return size;
}

}  // namespace rapport::ui
