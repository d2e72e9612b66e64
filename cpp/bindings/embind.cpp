// The only file that knows about Emscripten. It turns the page's plain JS
// objects into lab requests and hands back JSON strings, so no C++ type, and
// no C++ exception, ever crosses into JavaScript.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <string>

#include "core/thread_pool.h"
#include "lab/demo.h"
#include "lab/lab_json.h"
#include "page_host.h"

namespace {

using emscripten::val;

// Heap kept back for the runtime, thread stacks and the JS glue's own allocations.
constexpr double kHeapReserve = 48.0 * 1024 * 1024;

// What a run may allocate: the fixed heap minus what the program already uses,
// measured before any problem exists but after the thread pool has taken its
// stacks, minus a reserve. And how many threads the pool really started.
const lab::Limits& limits() {
  static const lab::Limits l = [] {
    const int threads = lab::shared_pool().size();
    return lab::Limits{static_cast<double>(emscripten_get_heap_max()) -
                           static_cast<double>(reinterpret_cast<uintptr_t>(sbrk(0))) - kHeapReserve,
                       threads};
  }();
  return l;
}

// A missing or non-numeric field becomes NaN, which validation then names.
double number_field(const val& object, const char* name) {
  const val v = object[name];
  return v.isNumber() ? v.as<double>() : std::nan("");
}

std::string catalog() { return lab::catalog_json(limits()); }

// request: {kernel, m, n, k, block, threads, min_time_s, single_shot, cap_block}.
// Threads may be left out: one thread is what a serial kernel means. A matrix
// request may give only n: the square problem N x N x N.
lab::RunRequest to_request(val request) {
  lab::RunRequest r;
  if (request.isUndefined() || request.isNull()) request = val::object();
  const val kernel = request["kernel"];
  r.kernel = kernel.isString() ? kernel.as<std::string>() : "";
  r.params = {number_field(request, "m"),
              number_field(request, "n"),
              number_field(request, "k"),
              number_field(request, "block"),
              request["threads"].isUndefined() ? 1.0 : number_field(request, "threads"),
              request["cap_block"].isTrue()};
  if (!request["min_time_s"].isUndefined())
    r.timing.min_time_s = number_field(request, "min_time_s");
  r.timing.single_shot = request["single_shot"].isTrue();
  return r;
}

std::string check(val request) {
  return lab::validation_json(lab::check_request(to_request(request), limits()));
}

// on_progress(fraction) is called between samples; returning false cancels.
std::string run(val request, val on_progress) {
  lab::ProgressFn progress;
  if (on_progress.typeOf().as<std::string>() == "function")
    progress = [&on_progress](double fraction) { return !on_progress(fraction).isFalse(); };
  return lab::result_json(lab::run(to_request(request), limits(), progress));
}

// request: {demo, ...the demo's named numbers}.
std::string demo(val request) {
  if (request.isUndefined() || request.isNull()) request = val::object();
  const val id = request["demo"];
  return lab::demo_json(
      id.isString() ? id.as<std::string>() : "",
      [&request](const char* name) { return number_field(request, name); }, limits());
}

// request: {exercise, label, slot}: the module the worker keeps in `slot`
// (web/page-host.js) becomes a runtime kernel of that exercise.
std::string register_page_kernel(val request) {
  if (request.isUndefined() || request.isNull()) request = val::object();
  const val exercise = request["exercise"], label = request["label"];
  const double slot = number_field(request, "slot");
  if (!exercise.isString() || !(slot >= 0 && slot < 1e9) || slot != std::floor(slot))
    return lab::registration_json({nullptr, "A page kernel needs its exercise's name and a slot."});
  install_page_host();
  return lab::registration_json(lab::register_page_kernel(
      exercise.as<std::string>(), label.isString() ? label.as<std::string>() : "",
      static_cast<int>(slot)));
}

// [{name, slot}]: the relaxed-SIMD modules the worker should load (web/relaxed-simd.js).
std::string relaxed_modules() { return lab::relaxed_modules_json(); }

// request: {reason}: "" once the worker has put every relaxed module in its
// slot, which registers their kernels; otherwise why it could not.
std::string enable_relaxed_simd(val request) {
  const val reason =
      request.isUndefined() || request.isNull() ? val::undefined() : request["reason"];
  install_page_host();
  return lab::relaxed_simd_json(
      lab::enable_relaxed_simd(reason.isString() ? reason.as<std::string>() : ""));
}

// A test hook, not part of the lab: the browser tests call it (through
// LabClient.crashForTest) to check that the page survives its worker's module
// dying. "trap" executes WebAssembly's unreachable, as a bug would; anything
// else allocates until the fixed heap is exhausted, and Emscripten's malloc
// then aborts the module exactly as a real out-of-memory would.
void crash_for_test(const std::string& kind) {
  if (kind == "trap") __builtin_trap();
  for (;;) {
    char* volatile block = static_cast<char*>(std::malloc(64 << 20));
    if (block == nullptr) std::abort();
    block[0] = 1;
  }
}

}  // namespace

EMSCRIPTEN_BINDINGS(kernel_lab) {
  emscripten::function("catalog", &catalog);
  emscripten::function("check", &check);
  emscripten::function("run", &run);
  emscripten::function("demo", &demo);
  emscripten::function("registerPageKernel", &register_page_kernel);
  emscripten::function("relaxedModules", &relaxed_modules);
  emscripten::function("enableRelaxedSimd", &enable_relaxed_simd);
  emscripten::function("crashForTest", &crash_for_test);
}
