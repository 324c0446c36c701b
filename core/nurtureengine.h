#pragma once
// The two-step nurture engine (DOMAIN.md, Two-step nurture): phase 1 builds the relationship,
// phase 2 shares what you have, and phase 2 never starts before the contact qualifies. The
// engine is driven by the interaction log and a clock; it is also the follow-up queue's
// source of due steps, so the queue and the sequences page can never disagree.

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/duestepsource.h"
#include "core/entities.h"
#include "core/followupactions.h"

namespace rapport::core {

class Store;

/// Whether an enrollment may enter phase 2, and why (or why not) in numbers.
struct Qualification {
    bool qualified = false;
    int inbound = 0;          ///< inbound interactions since enrolment
    int needed = 0;           ///< the sequence's min_inbound
    bool byStage = false;     ///< the contact is at relationship or beyond
    bool byOverride = false;  ///< the gate was opened by hand
    std::string reason;       ///< "1 of 2 replies since enrolment", "gate opened: met at a fair"
};

/// How far the enrollments of one sequence got (DOMAIN.md, Funnel per sequence).
struct Funnel {
    Id sequenceId = 0;
    std::string sequenceName;
    int enrolled = 0;
    int phase1Done = 0;  ///< did (or skipped) the last phase-1 step
    int qualified = 0;   ///< phase 2 opened: qualified, offered, completed
    int offered = 0;     ///< the first phase-2 step done
    int converted = 0;   ///< a purchase during the enrollment
    /// Each stage as a share of the one before it (0 when the one before is 0).
    double rate(int stage) const;
    static constexpr int kStages = 5;
    int at(int stage) const;
};

class NurtureEngine final : public DueStepSource {
public:
    NurtureEngine(Store& store, const Clock& clock) : m_store(store), m_clock(clock) {}

    /// Enrolls a contact (on `on`, default today): the first phase-1 step is due on that date
    /// plus its delay. Refused (ValidationError) while the contact has an open enrollment in
    /// the same sequence.
    Enrollment enroll(Id contactId, Id sequenceId, std::optional<Date> on = std::nullopt);
    /// Marks the current step done on `on` (default today): logs the outbound interaction of
    /// the step's kind, and makes the next step due (DOMAIN.md). Returns the enrollment after.
    Enrollment markDone(Id enrollmentId, std::optional<Date> on = std::nullopt);
    /// Skips the current step: recorded as skipped, no interaction logged; the rest as done.
    Enrollment skip(Id enrollmentId, std::optional<Date> on = std::nullopt);
    /// Ends an open enrollment, keeping the reason.
    Enrollment exit(Id enrollmentId, const std::string& reason);
    /// Opens phase 2 for this enrollment without qualification; the reason is kept and shown.
    Enrollment overrideGate(Id enrollmentId, const std::string& reason);

    /// Logs an interaction and applies what it changes: an inbound one may qualify a waiting
    /// enrollment, a purchase converts open ones. One transaction.
    LoggedInteraction logInteraction(Interaction& interaction);
    /// Applies to one contact's open enrollments what the interaction log says (qualified,
    /// converted). Returns how many enrollments changed.
    int sync(Id contactId);
    /// sync() for every contact with an open enrollment (after an import).
    int syncAll();

    Qualification qualification(const Enrollment& enrollment);
    std::vector<Funnel> funnels();
    Funnel funnel(Id sequenceId);

    /// Today in the workspace's time zone.
    Date today();

    // DueStepSource
    std::vector<DueStep> dueSteps(Date upTo) override;
    std::vector<DueStep> stepsOf(Id contactId) override;

private:
    struct Context;
    Context load(Id enrollmentId);
    /// Moves past the current step (done or skipped on `on`).
    void advance(Context& c, Date on);
    /// The date the enrollment became qualified (none if it is not).
    std::optional<Date> qualifiedSince(const Enrollment& e, const Sequence& s, Date phase1Done);
    bool applyLog(Enrollment& e, const Sequence& s);
    Instant instantOn(Date on);

    Store& m_store;
    const Clock& m_clock;
};

}  // namespace rapport::core
