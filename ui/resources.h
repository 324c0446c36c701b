#pragma once
// rapport.qrc lives in this static library, and a static library's resources are only
// registered when something asks for them; everything that reads ":/rapport/..." calls this.

namespace rapport::ui {

/// Registers the ui's resources (the demo workspace, icons); safe to call more than once.
void ensureResources();

}  // namespace rapport::ui
