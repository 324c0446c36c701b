#pragma once
// Where the follow-up queue learns which nurture steps are due. The queue asks; it never reads
// enrollments itself, so the nurture engine (issue 6) can answer with its own rules and the
// queue keeps one source of truth.

#include <string>
#include <vector>

#include "core/enums.h"
#include "core/types.h"

namespace rapport::core {

/// The next step of one open enrollment, and when it is due.
struct DueStep {
    Id enrollmentId = 0;
    Id contactId = 0;
    Id sequenceId = 0;
    Id stepId = 0;
    Date due{};
    std::string action;  ///< what to do, e.g. "Comment on their latest post"
    InteractionKind kind = InteractionKind::Comment;  ///< what marking it done logs
    std::string sequenceName;
    bool operator==(const DueStep&) const = default;
};

/// Answers "which sequence steps are due" for the follow-up queue and the contact list.
class DueStepSource {
public:
    virtual ~DueStepSource() = default;
    /// Every open enrollment's next step due on or before `upTo`, for all contacts.
    virtual std::vector<DueStep> dueSteps(Date upTo) = 0;
    /// The next step of each of one contact's open enrollments, whatever its date.
    virtual std::vector<DueStep> stepsOf(Id contactId) = 0;
};

}  // namespace rapport::core
