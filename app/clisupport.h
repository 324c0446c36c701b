#pragma once
// What every headless command shares: its arguments, its workspace, its clock, its errors.

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/cli.h"
#include "core/clock.h"
#include "core/store.h"

namespace rapport::app {

/// The user called a command wrongly (exit code 1).
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A command's arguments: positionals, and the options it declared (with or without a value).
class CommandArgs {
public:
    /// `options` maps each accepted option ("--json", "--date") to whether it takes a value.
    CommandArgs(const Invocation& inv, const std::map<std::string, bool>& options);

    const std::vector<std::string>& positional() const { return m_positional; }
    bool has(const std::string& option) const { return m_values.count(option) > 0; }
    std::optional<std::string> value(const std::string& option) const;
    /// Exactly `count` positionals, or a UsageError naming `what` they should be.
    void expectPositionals(std::size_t count, const std::string& what) const;

private:
    std::string m_command;
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_values;
};

/// The workspace file the invocation names (--db, or the default one).
std::string workspacePath(const Invocation& inv);
/// Opens the workspace, which must exist: commands that only read never create one.
std::unique_ptr<core::Store> openExisting(const Invocation& inv);
/// "Now": the system clock, or RAPPORT_NOW (an ISO 8601 instant) for scripts and tests.
std::unique_ptr<core::Clock> commandClock();
/// A date argument as YYYY-MM-DD, or a UsageError naming the option.
core::Date dateArgument(const std::string& option, const std::string& text);
/// Numbers as people write them: 25, 3.5, no trailing zeros.
std::string number(double v);

}  // namespace rapport::app
