#include "app/clisupport.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/errors.h"
#include "core/storeclock.h"
#include "core/timeutil.h"

namespace rapport::app {

using namespace rapport::core;

CommandArgs::CommandArgs(const Invocation& inv, const std::map<std::string, bool>& options)
    : m_command(inv.command) {
    for (std::size_t i = 0; i < inv.args.size(); ++i) {
        std::string a = inv.args[i];
        if (!a.starts_with("--")) {
            m_positional.push_back(a);
            continue;
        }
        std::optional<std::string> inlineValue;
        if (const auto eq = a.find('='); eq != std::string::npos) {
            inlineValue = a.substr(eq + 1);
            a = a.substr(0, eq);
        }
        const auto it = options.find(a);
        if (it == options.end()) {
            throw UsageError("the option " + a + " does not apply to " + inv.command);
        }
        if (!it->second) {
            if (inlineValue) {
                throw UsageError(a + " takes no value");
            }
            m_values[a] = "";
        } else if (inlineValue) {
            m_values[a] = *inlineValue;
        } else if (i + 1 < inv.args.size()) {
            m_values[a] = inv.args[++i];
        } else {
            throw UsageError(a + " needs a value");
        }
    }
}

std::optional<std::string> CommandArgs::value(const std::string& option) const {
    const auto it = m_values.find(option);
    if (it == m_values.end()) {
        return std::nullopt;
    }
    return it->second;
}

void CommandArgs::expectPositionals(std::size_t count, const std::string& what) const {
    if (m_positional.size() != count) {
        throw UsageError(m_command + (count == 0 ? " takes no arguments" : " needs " + what));
    }
}

std::string workspacePath(const Invocation& inv) {
    return inv.db ? *inv.db : defaultWorkspacePath();
}

std::unique_ptr<Store> openExisting(const Invocation& inv) {
    const auto db = workspacePath(inv);
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) {
        throw OpenError("There is no workspace at " + db + ".");
    }
    auto store = Store::open(db);
    // The stage history dates a change by the command's "now" (RAPPORT_NOW when set).
    useClock(*store, std::shared_ptr<const Clock>{commandClock()});
    return store;
}

std::unique_ptr<Clock> commandClock() {
    if (const char* fixed = std::getenv("RAPPORT_NOW"); fixed && *fixed) {
        const auto at = parseInstant(fixed);
        if (!at) {
            throw UsageError(std::string{"RAPPORT_NOW must be an instant like "
                                         "2026-11-23T09:00:00Z, not \""} +
                             fixed + "\"");
        }
        return std::make_unique<FixedClock>(*at);
    }
    return std::make_unique<SystemClock>();
}

Date dateArgument(const std::string& option, const std::string& text) {
    const auto d = parseDate(text);
    if (!d) {
        throw UsageError(option + " must be a date that exists, as YYYY-MM-DD, not \"" + text +
                         "\"");
    }
    return *d;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

}  // namespace rapport::app
