#pragma once
// The due steps as the enrollments store them: an open enrollment's current step, due on its
// next-due date. Until the nurture engine answers for itself, this is what the queue asks.

#include "core/duestepsource.h"

namespace rapport::core {

class Store;

/// Reads open enrollments' current step and next-due date from the store.
class EnrollmentStepSource final : public DueStepSource {
public:
    explicit EnrollmentStepSource(Store& store) : m_store(store) {}

    std::vector<DueStep> dueSteps(Date upTo) override;
    std::vector<DueStep> stepsOf(Id contactId) override;

private:
    Store& m_store;
};

}  // namespace rapport::core
