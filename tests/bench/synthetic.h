#pragma once
// Synthetic workspaces of a chosen size, for benchmarks. Deterministic for a given seed.

#include <cstddef>

#include "core/workspacejson.h"

namespace rapport::bench {

struct Size {
    std::size_t contacts = 10'000;
    std::size_t interactions = 100'000;
    std::size_t posts = 5'000;
};

/// A plausible workspace: a few channels and niches, posts spread over a year, contacts with
/// handles and tags, interactions spread over the last year.
core::WorkspaceData syntheticWorkspace(const Size& size, unsigned seed = 42);

}  // namespace rapport::bench
