#pragma once
// The command line: parsing and the headless commands. No QApplication is created here.

#include <optional>
#include <string>
#include <vector>

namespace rapport::app {

/// What the user asked for on the command line.
struct Invocation {
    std::optional<std::string> db;  ///< --db FILE; none: the default workspace
    std::string command;            ///< empty: open the window
    std::vector<std::string> args;  ///< the command's own arguments and options
    bool help = false;
    bool version = false;
    bool startupProbe = false;  ///< hidden: report the time to a shown window, then quit
};

/// Exit codes of every command.
enum ExitCode { kDone = 0, kUsage = 1, kDataError = 2 };

/// Parses argv; on a usage error returns nullopt and sets `error` to one sentence.
std::optional<Invocation> parseArguments(const std::vector<std::string>& argv, std::string& error);

/// The default workspace: $XDG_DATA_HOME/rapport/workspace.rapport (~/.local/share/...).
std::string defaultWorkspacePath();

/// The --help text.
std::string usage();

/// Runs a headless command; prints results on stdout and errors on stderr.
int runCommand(const Invocation& inv);

}  // namespace rapport::app
