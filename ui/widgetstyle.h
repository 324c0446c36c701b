#pragma once
// The few looks the planning forms share: a soft note panel, a section heading, a form
// question. One place, so the dialogs and the page read as one piece of software.

#include <QString>

class QFrame;
class QLabel;
class QListView;
class QPushButton;
class QScrollArea;
class QWidget;

namespace rapport::ui {

enum class NoteTone {
    Info,     ///< a quiet panel: explanations, summaries
    Caution,  ///< a warm panel: a vanity metric, something still missing
};

/// A rounded, softly tinted panel around a note.
void styleNote(QFrame* frame, NoteTone tone);
/// A bold heading over a section of a form or panel.
void makeHeading(QLabel* label, double scale = 1.08);
/// Secondary text in a form: quieter and wrapped.
void makeHint(QLabel* label);

/// A read-only rich-text panel for a selected record's details, in a frameless scroll area.
/// Returns the scroll area; `label` receives the text label inside it.
QScrollArea* makeDetailPanel(QWidget* parent, QLabel** label, const QString& objectName);
/// A list of records two lines a row (TwoLineDelegate), for a tab's left side.
QListView* makeRecordView(QWidget* parent, const QString& objectName);
/// A push button for a tab's row of actions.
QPushButton* actionButton(const QString& text, const QString& objectName, QWidget* parent);
/// HTML-escaped text with its line breaks kept.
QString htmlText(const QString& text);
/// The palette's quiet text colour as "#rrggbb", for rich text.
QString quietColour(const QWidget* widget);

}  // namespace rapport::ui
