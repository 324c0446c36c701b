#include "ui/twolinedelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QTextLayout>

#include <algorithm>

#include "ui/roles.h"

namespace rapport::ui {

namespace {

constexpr int kHorizontalPadding = 12;
constexpr int kVerticalPadding = 6;
constexpr int kLineGap = 2;
// A heading gets air above it, so sections read as groups rather than as one long list.
constexpr int kHeadingSpaceAbove = 14;
// A long secondary line (a niche's draw, a sequence's description) wraps rather than hides,
// up to a point: past three lines the row would stop reading as one record.
constexpr int kMaxSecondaryLines = 3;

}  // namespace

TwoLineDelegate::TwoLineDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QFont TwoLineDelegate::headingFont(const QFont& base, int level) {
    QFont font = base;
    font.setBold(true);
    if (level == 1) {
        font.setPointSizeF(base.pointSizeF() * 1.15);
    }
    return font;
}

QFont TwoLineDelegate::secondaryFont(const QFont& base) {
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.92);
    return font;
}

int TwoLineDelegate::textWidth(const QStyleOptionViewItem& option) {
    int width = option.rect.width();
    // List views ask for size hints without a rect: the row is as wide as the viewport.
    if (width <= 0) {
        if (const auto* view = qobject_cast<const QAbstractItemView*>(option.widget)) {
            width = view->viewport()->width();
        }
    }
    return std::max(width - 2 * kHorizontalPadding, 40);
}

QStringList TwoLineDelegate::wrapped(const QString& text, const QFont& font, int width) {
    QStringList lines;
    QTextLayout layout(text, font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        if (lines.size() == kMaxSecondaryLines - 1) {
            // The last line allowed takes the rest of the text, elided.
            lines << QFontMetrics(font).elidedText(text.mid(line.textStart()), Qt::ElideRight,
                                                   width);
            break;
        }
        lines << text.mid(line.textStart(), line.textLength()).trimmed();
    }
    layout.endLayout();
    return lines;
}

void TwoLineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    const QRect area = opt.rect.adjusted(kHorizontalPadding, kVerticalPadding, -kHorizontalPadding,
                                         -kVerticalPadding);
    painter->save();

    const int level = index.data(SectionLevelRole).toInt();
    if (level > 0) {
        const QFont font = headingFont(opt.font, level);
        painter->setFont(font);
        painter->setPen(opt.palette.color(QPalette::WindowText));
        const QFontMetrics metrics{font};
        const QRect line{area.left(), area.bottom() - metrics.height() + 1, area.width(),
                         metrics.height()};
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(opt.text, Qt::ElideRight, line.width()));
        painter->restore();
        return;
    }

    // The style draws hover and selection, so the list matches the rest of the desktop.
    opt.text.clear();
    opt.icon = QIcon{};
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group =
        opt.state.testFlag(QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    const QString primary = index.data(Qt::DisplayRole).toString();
    const QString secondary = index.data(SecondaryTextRole).toString();

    const QFontMetrics primaryMetrics{opt.font};
    painter->setFont(opt.font);
    painter->setPen(
        opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text));
    // A row without a main line is a note ("No posts yet"): only its quiet line shows.
    int nextTop = area.top();
    if (!primary.isEmpty()) {
        const QRect line{area.left(), nextTop, area.width(), primaryMetrics.height()};
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          primaryMetrics.elidedText(primary, Qt::ElideRight, line.width()));
        nextTop += primaryMetrics.height() + kLineGap;
    }

    if (!secondary.isEmpty()) {
        const QFont small = secondaryFont(opt.font);
        const QFontMetrics smallMetrics{small};
        painter->setFont(small);
        painter->setPen(opt.palette.color(
            group, selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        for (const QString& text : wrapped(secondary, small, area.width())) {
            const QRect line{area.left(), nextTop, area.width(), smallMetrics.height()};
            painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, text);
            nextTop += smallMetrics.height();
        }
    }
    painter->restore();
}

QSize TwoLineDelegate::sizeHint(const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const int level = index.data(SectionLevelRole).toInt();
    if (level > 0) {
        const QFontMetrics metrics{headingFont(opt.font, level)};
        const int above = level == 1 ? kHeadingSpaceAbove : kHeadingSpaceAbove / 2;
        return {metrics.horizontalAdvance(opt.text) + 2 * kHorizontalPadding,
                above + metrics.height() + 2 * kVerticalPadding};
    }
    const QFontMetrics primaryMetrics{opt.font};
    const bool hasPrimary = !opt.text.isEmpty();
    int height = hasPrimary ? primaryMetrics.height() : 0;
    const QString secondary = index.data(SecondaryTextRole).toString();
    if (!secondary.isEmpty()) {
        const QFont small = secondaryFont(opt.font);
        const auto lines = wrapped(secondary, small, textWidth(opt));
        height += (hasPrimary ? kLineGap : 0) +
                  static_cast<int>(lines.size()) * QFontMetrics{small}.height();
    }
    // As wide as the text asks for, but never wider than the row: the view must not scroll
    // sideways for a long title.
    return {std::min(primaryMetrics.horizontalAdvance(opt.text), textWidth(opt)) +
                2 * kHorizontalPadding,
            height + 2 * kVerticalPadding};
}

}  // namespace rapport::ui
