#pragma once
// Ready-made nurture sequences to start from: each builds the relationship first with value
// touches, and shares what you have only once the contact has qualified.

#include <QString>

#include <vector>

#include "core/entities.h"

namespace rapport::ui {

struct SequenceTemplate {
    QString name;     ///< as offered in the editor
    QString summary;  ///< one line on when it fits
    core::Sequence sequence;
};

/// The templates, the book launch first.
std::vector<SequenceTemplate> sequenceTemplates();

}  // namespace rapport::ui
