#pragma once

#include <QStyledItemDelegate>

namespace rapport::ui {

/// Draws a record as its display text over a quieter secondary line (SecondaryTextRole), and a
/// row with SectionLevelRole as a heading, so lists of records stay calm and scannable.
class TwoLineDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit TwoLineDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    static QFont headingFont(const QFont& base, int level);
    static QFont secondaryFont(const QFont& base);
    /// The width text can take in a row of the view the option belongs to.
    static int textWidth(const QStyleOptionViewItem& option);
    /// The secondary text broken into at most kMaxSecondaryLines lines of `width`, the last
    /// one elided when there is more.
    static QStringList wrapped(const QString& text, const QFont& font, int width);
};

}  // namespace rapport::ui
