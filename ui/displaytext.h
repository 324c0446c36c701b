#pragma once
// How core's values read on screen: names of enumerations in words, dates and times in the
// user's locale, counts with the right plural. Every page uses these so the same thing always
// reads the same way.

#include <QDate>
#include <QString>

#include <cstdint>
#include <string>
#include <string_view>

#include "core/enums.h"
#include "core/types.h"

class QWidget;

namespace rapport::ui {

inline QString qs(const std::string& text) {
    return QString::fromStdString(text);
}
/// Exception messages and other C strings from core, which are UTF-8.
inline QString qs(const char* text) {
    return QString::fromUtf8(text);
}
inline QString qs(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

/// An enumeration's stored name as words: "direct_message" reads "direct message".
template <class E>
QString words(E value) {
    return qs(core::toString(value)).replace(QLatin1Char('_'), QLatin1Char(' '));
}
/// Channel kinds are brand names: "LinkedIn", "YouTube", "X".
QString channelKindName(core::ChannelKind kind);
/// The first letter in upper case: "engaged" reads "Engaged" at the start of a line.
QString capitalized(const QString& text);

QDate toQDate(core::Date day);
core::Date fromQDate(const QDate& day);
/// "Mon 23 Nov 2026".
QString formatDate(core::Date day);
/// "Monday 23 November 2026", for headings.
QString formatLongDate(core::Date day);
/// "09:30".
QString formatTime(core::TimeOfDay time);
/// A number as the user writes it: 25, 2.5, 1,200.
QString formatNumber(double value);

/// "1 post", "3 posts". English plurals until translations exist; one place to change.
QString countOf(std::int64_t n, const QString& singular, const QString& plural);

/// " · ", the separator between facts on one line.
QString dot();

/// Secondary text (headers of counts, notes, explanations) in the palette's placeholder
/// colour, so the eye goes to the records first.
void makeQuiet(QWidget* widget);

}  // namespace rapport::ui
