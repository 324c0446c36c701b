// Two-step nurture: `sequences [--json]`, `enroll --sequence ID --contact ID [--on DATE]`,
// `step-done --enrollment ID [--on DATE]`.

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/clisupport.h"
#include "app/commands.h"
#include "core/nurtureengine.h"
#include "core/timeutil.h"

namespace rapport::app {

using namespace rapport::core;

namespace {

Id idArgument(const CommandArgs& args, const std::string& option) {
    const auto text = args.value(option);
    if (!text) {
        throw UsageError("--" + option.substr(2) + " ID is required");
    }
    try {
        std::size_t used = 0;
        const long long id = std::stoll(*text, &used);
        if (used == text->size() && id > 0) {
            return id;
        }
    } catch (const std::exception&) {
    }
    throw UsageError(option + " must be a record id (a positive whole number), not \"" + *text +
                     "\"");
}

std::optional<Date> onArgument(const CommandArgs& args) {
    if (const auto on = args.value("--on")) {
        return dateArgument("--on", *on);
    }
    return std::nullopt;
}

std::string percent(double rate) {
    return std::to_string(static_cast<int>(rate * 100 + 0.5)) + "%";
}

void printEnrollment(Store& store, NurtureEngine& engine, const Enrollment& e) {
    const auto contact = store.get<Contact>(e.contactId);
    const auto sequence = store.get<Sequence>(e.sequenceId);
    std::cout << "Enrollment " << e.id << ": " << contact.displayName << " in \"" << sequence.name
              << "\" is " << toString(e.state);
    const auto step = std::find_if(
        sequence.steps.begin(), sequence.steps.end(),
        [&](const SequenceStep& s) { return e.currentStepId && s.id == *e.currentStepId; });
    if (e.nextDue && step != sequence.steps.end()) {
        std::cout << "; next: \"" << step->action << "\" due " << formatDate(*e.nextDue);
    } else if (e.state == EnrollmentState::Waiting) {
        std::cout << "; phase 2 waits until they qualify (" << engine.qualification(e).reason
                  << ")";
    }
    std::cout << ".\n";
}

}  // namespace

int sequencesCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--json", false}}};
    args.expectPositionals(0, "");
    auto store = openExisting(inv);
    const auto clock = commandClock();
    NurtureEngine engine{*store, *clock};
    const auto funnels = engine.funnels();
    static constexpr const char* kStageNames[] = {"enrolled", "phase1Done", "qualified", "offered",
                                                  "converted"};
    if (args.has("--json")) {
        auto out = nlohmann::json::array();
        for (const auto& f : funnels) {
            nlohmann::json rates = nlohmann::json::object();
            nlohmann::json counts = nlohmann::json::object();
            for (int s = 0; s < Funnel::kStages; ++s) {
                counts[kStageNames[s]] = f.at(s);
                if (s > 0) {
                    rates[kStageNames[s]] = f.rate(s);
                }
            }
            out.push_back({{"id", f.sequenceId},
                           {"name", f.sequenceName},
                           {"funnel", counts},
                           {"rates", rates}});
        }
        std::cout << out.dump(2) << "\n";
        return kDone;
    }
    if (funnels.empty()) {
        std::cout << "No sequences yet.\n";
        return kDone;
    }
    static constexpr const char* kLabels[] = {"enrolled", "phase 1 done", "qualified", "offered",
                                              "converted"};
    for (const auto& f : funnels) {
        std::cout << f.sequenceId << ". " << f.sequenceName << "\n";
        for (int s = 0; s < Funnel::kStages; ++s) {
            std::cout << "   " << kLabels[s] << ": " << f.at(s);
            if (s > 0) {
                std::cout << " (" << percent(f.rate(s)) << " of " << kLabels[s - 1] << ")";
            }
            std::cout << "\n";
        }
    }
    return kDone;
}

int enrollCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--sequence", true}, {"--contact", true}, {"--on", true}}};
    args.expectPositionals(0, "");
    const Id sequence = idArgument(args, "--sequence");
    const Id contact = idArgument(args, "--contact");
    const auto on = onArgument(args);
    auto store = openExisting(inv);
    const auto clock = commandClock();
    NurtureEngine engine{*store, *clock};
    const auto e = engine.enroll(contact, sequence, on);
    printEnrollment(*store, engine, e);
    return kDone;
}

int stepDoneCommand(const Invocation& inv) {
    const CommandArgs args{inv, {{"--enrollment", true}, {"--on", true}}};
    args.expectPositionals(0, "");
    const Id enrollment = idArgument(args, "--enrollment");
    const auto on = onArgument(args);
    auto store = openExisting(inv);
    const auto clock = commandClock();
    NurtureEngine engine{*store, *clock};
    const auto e = engine.markDone(enrollment, on);
    printEnrollment(*store, engine, e);
    return kDone;
}

}  // namespace rapport::app
