#include "core/clock.h"

namespace rapport::core {

Instant SystemClock::now() const {
    return date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace rapport::core
