#pragma once
// Where "now" comes from. Rules never ask the system; they get a Clock.

#include "core/types.h"

namespace rapport::core {

/// Source of the current instant, injected into every service that needs "now".
class Clock {
public:
    virtual ~Clock() = default;
    virtual Instant now() const = 0;
};

/// The real clock.
class SystemClock final : public Clock {
public:
    Instant now() const override;
};

/// A clock that says what it is told; for tests and for replaying a day.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant at) : m_at(at) {}
    Instant now() const override { return m_at; }
    void set(Instant at) { m_at = at; }
    void advance(std::chrono::seconds by) { m_at += by; }

private:
    Instant m_at;
};

}  // namespace rapport::core
