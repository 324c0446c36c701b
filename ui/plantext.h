#pragma once
// How the planning records read on screen: a goal's pace and forecast, what a metric counts,
// what a content mix allows, which parts of a niche are still empty. The goals table, the
// detail panels and the dialogs share these so a thing always reads the same way.

#include <QString>
#include <QStringList>

#include "core/entities.h"
#include "core/goalprogress.h"

namespace rapport::ui {

/// Where a goal stands, as one word the table can show and colour.
enum class Pace { NotStarted, OnTrack, Behind, Ended, Achieved, Abandoned };

Pace paceOf(const core::Goal& goal, const core::GoalReport& report);
/// "On track", "Behind", "Not started", "Ended", "Achieved", "Abandoned".
QString paceText(Pace pace);
/// "1 Mar" within `today`'s year, else "1 Mar 2027".
QString shortDate(core::Date day, core::Date today);
/// A goal value as people count it: whole numbers for counts, one decimal for custom metrics.
QString goalValue(const core::Goal& goal, double value);
/// "19 by 1 Mar": the value expected at the deadline at the pace so far; empty when there is
/// no pace yet (not started) or the goal is closed.
QString forecastText(const core::Goal& goal, const core::GoalReport& report, core::Date today);

/// "Relationships", "Audience size (followers)".
QString metricName(core::MetricKind metric);
/// What a metric counts, as a phrase: "contacts at stage relationship, customer or advocate".
QString metricMeaning(core::MetricKind metric);
/// What the current value of a metric counts, in a sentence.
QString metricExplanation(core::MetricKind metric);

/// "80/20", "4-1-1", "5-3-2", "Custom".
QString presetName(core::MixPreset preset);
/// "5 value posts before the first offer, then at most 2 offers in any 10 posts."
QString mixRules(const core::MixPolicy& mix);

/// The parts of a niche's guided form still empty, in the form's order, in the form's words:
/// "who they are", "your draw".
QStringList nicheStillEmpty(const core::Niche& niche);
/// "Still empty: who they are and your draw." or an empty string when every part is filled.
QString nicheStillEmptyText(const core::Niche& niche);

/// "value", "resource", "conversation", "promotion", "affiliate" in words for people.
QString purposeName(core::Purpose purpose);

/// "LinkedIn", or "Search Made Human (Blog)" when the name does not say the kind already.
QString channelLabel(const core::Channel& channel);

/// "a, b and c".
QString joinedList(const QStringList& parts);

}  // namespace rapport::ui
