// The house style's helpers that pages share.

#include "ui/widgetstyle.h"

#include <QPalette>
#include <QWidget>

#include <gtest/gtest.h>

namespace rapport::ui {
namespace {

// Quiet words in rich text take a colour name, which cannot carry the placeholder colour's
// transparency: the colour is mixed into the window's instead, so quiet stays quiet.
TEST(WidgetStyleTest, QuietColourIsThePlaceholderMixedIntoTheWindow) {
    QWidget widget;
    QPalette light;
    light.setColor(QPalette::Window, Qt::white);
    QColor halfBlack(Qt::black);
    halfBlack.setAlphaF(0.5f);
    light.setColor(QPalette::PlaceholderText, halfBlack);
    widget.setPalette(light);
    const QColor mixed(quietColour(&widget));  // half way from white to black
    EXPECT_NEAR(mixed.red(), 127.5, 0.5);
    EXPECT_EQ(mixed.red(), mixed.green());
    EXPECT_EQ(mixed.red(), mixed.blue());

    QPalette dark;
    dark.setColor(QPalette::Window, Qt::black);
    dark.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    widget.setPalette(dark);
    EXPECT_EQ(quietColour(&widget), QStringLiteral("#999999"));  // opaque: as it is
}

}  // namespace
}  // namespace rapport::ui
