#pragma once
// Synthetic workspaces of a chosen size, for benchmarks. Deterministic for a given seed.

#include <cstddef>
#include <string>

#include "core/workspacejson.h"

namespace rapport::bench {

struct Size {
    std::size_t contacts = 10'000;
    std::size_t interactions = 100'000;
    std::size_t posts = 5'000;
    /// Weekly series over the year, each with its template post and two exceptions (one
    /// occurrence skipped, one moved); added after everything else, so they change no other
    /// record of a seed.
    std::size_t series = 0;
};

/// A plausible workspace: a few channels and niches, posts spread over a year, contacts with
/// handles and tags, interactions spread over the last year.
core::WorkspaceData syntheticWorkspace(const Size& size, unsigned seed = 42);

/// Makes `data` look like the workspace of someone who works the follow-up queue every day:
/// each contact but one in 50 gets an outbound touch after its latest interaction, in the six
/// days before `today`, so it is neither owed a reply nor due by cadence within the week. The
/// plain synthetic log is random, so there two contacts in three are due on any day; here about
/// one in 50 is, as in a workspace in use.
void keepUp(core::WorkspaceData& data, core::Date today);

/// A LinkedIn Connections.csv as LinkedIn exports it: the "Notes:" preamble, the header, then
/// `rows` connections, most without an email, with a blank line now and then.
std::string linkedInConnectionsCsv(std::size_t rows, unsigned seed = 42);

}  // namespace rapport::bench
