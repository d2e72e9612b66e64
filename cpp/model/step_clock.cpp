#include "model/step_clock.h"

#include "core/timing.h"

namespace lab::model {

StepClock StepClock::on() {
  StepClock clock;
  clock.on_ = true;
  clock.last_ = now_seconds();
  return clock;
}

void StepClock::layer(const char* name) {
  if (!on_) return;
  layer_ = name;
  last_ = now_seconds();
}

void StepClock::mark(const char* step) {
  if (!on_) return;
  const double now = now_seconds();
  steps_.push_back({layer_.empty() ? step : layer_ + " · " + step, now - last_});
  last_ = now;
}

}  // namespace lab::model
