#pragma once
// The navigation's icons, drawn with QPainter in the palette's own colours: they stay sharp at
// any scale and match light and dark themes, and need no image plugin.

#include <QIcon>

namespace rapport::ui {

enum class NavIcon { Dashboard, Goals, Calendar, Relationships, Sequences, Ideas };

/// The icon in `color`, and in `selectedColor` for its selected state (on the highlight).
QIcon navIcon(NavIcon which, const QColor& color, const QColor& selectedColor);

}  // namespace rapport::ui
