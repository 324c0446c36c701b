#include "ui/navicons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace rapport::ui {

namespace {

// Drawn on a 24-unit grid, like common icon sets, then scaled to each pixmap size.
void draw(QPainter& p, NavIcon which) {
    switch (which) {
        case NavIcon::Dashboard:
            p.drawRoundedRect(QRectF(3.5, 3.5, 7, 7), 1.5, 1.5);
            p.drawRoundedRect(QRectF(13.5, 3.5, 7, 7), 1.5, 1.5);
            p.drawRoundedRect(QRectF(3.5, 13.5, 7, 7), 1.5, 1.5);
            p.drawRoundedRect(QRectF(13.5, 13.5, 7, 7), 1.5, 1.5);
            break;
        case NavIcon::Goals:
            p.drawEllipse(QPointF(12, 12), 8.5, 8.5);
            p.drawEllipse(QPointF(12, 12), 4.5, 4.5);
            p.drawEllipse(QPointF(12, 12), 0.8, 0.8);
            break;
        case NavIcon::Calendar:
            p.drawRoundedRect(QRectF(3.5, 5.5, 17, 15), 2, 2);
            p.drawLine(QPointF(3.5, 10), QPointF(20.5, 10));
            p.drawLine(QPointF(8, 3), QPointF(8, 7));
            p.drawLine(QPointF(16, 3), QPointF(16, 7));
            p.drawEllipse(QPointF(8.5, 14.5), 0.6, 0.6);
            p.drawEllipse(QPointF(12, 14.5), 0.6, 0.6);
            p.drawEllipse(QPointF(15.5, 14.5), 0.6, 0.6);
            break;
        case NavIcon::Relationships: {
            p.drawEllipse(QPointF(9, 8), 3.2, 3.2);
            p.drawEllipse(QPointF(16.5, 9), 2.6, 2.6);
            QPainterPath left;
            left.moveTo(3, 20);
            left.cubicTo(3, 13.5, 15, 13.5, 15, 20);
            p.drawPath(left);
            QPainterPath right;
            right.moveTo(16, 14.2);
            right.cubicTo(19, 14.2, 21, 16, 21, 19);
            p.drawPath(right);
            break;
        }
        case NavIcon::Sequences:
            p.drawEllipse(QPointF(5.5, 12), 2.5, 2.5);
            p.drawEllipse(QPointF(18.5, 12), 2.5, 2.5);
            p.drawLine(QPointF(8, 12), QPointF(16, 12));
            p.drawLine(QPointF(13, 9), QPointF(16, 12));
            p.drawLine(QPointF(13, 15), QPointF(16, 12));
            break;
        case NavIcon::Ideas: {
            QPainterPath bulb;
            bulb.moveTo(9, 16.5);
            bulb.cubicTo(9, 14, 5.5, 12.5, 5.5, 9);
            bulb.cubicTo(5.5, 5.3, 8.5, 2.8, 12, 2.8);
            bulb.cubicTo(15.5, 2.8, 18.5, 5.3, 18.5, 9);
            bulb.cubicTo(18.5, 12.5, 15, 14, 15, 16.5);
            bulb.closeSubpath();
            p.drawPath(bulb);
            p.drawLine(QPointF(9.5, 19), QPointF(14.5, 19));
            p.drawLine(QPointF(10.5, 21.5), QPointF(13.5, 21.5));
            break;
        }
    }
}

QPixmap render(NavIcon which, const QColor& color, int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    QPen pen(color, 1.6);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    draw(p, which);
    return pixmap;
}

}  // namespace

QIcon navIcon(NavIcon which, const QColor& color, const QColor& selectedColor) {
    QIcon icon;
    for (const int size : {16, 20, 24, 32, 40, 48}) {
        icon.addPixmap(render(which, color, size), QIcon::Normal);
        icon.addPixmap(render(which, selectedColor, size), QIcon::Selected);
    }
    return icon;
}

}  // namespace rapport::ui
