#include "lab/lab_json.h"

#include <algorithm>

#include "core/json_writer.h"
#include "lab/check_shapes.h"
#include "lab/demo.h"
#include "lab/exercise_specs.h"
#include "lab/page_kernels.h"
#include "lab/relaxed_kernels.h"

#if defined(__wasm__)
#define LAB_TARGET "wasm"
#else
#define LAB_TARGET "native"
#endif

// What the intrinsic kernels run on in this build.
#if defined(__wasm_simd128__)
#define LAB_SIMD "wasm SIMD128"
#elif defined(__wasm__)
#define LAB_SIMD ""  // the scalar build: SIMDe emulates each intrinsic lane by lane
#else
#define LAB_SIMD "SIMDe on the host CPU"
#endif

namespace lab {

namespace {

// Enough raw samples for a histogram, few enough to post cheaply.
constexpr size_t kMaxSamplesSent = 2000;

void write_operation(JsonWriter& w, const Operation& op, const Limits& limits) {
  w.begin_object()
      .field("id", op.id)
      .field("shape", op.shape_kind == ShapeKind::vector ? "vector" : "matrix")
      .field("computes", op.computes)
      .field("reference", op.reference)
      .field("reference_source", op.reference_source)
      .field("error_model", op.error_model)
      .field("flops_formula", op.flops_formula)
      .field("bytes_formula", op.bytes_formula)
      .field("max_n", static_cast<double>(max_size(op, limits)))
      .field("max_k", static_cast<double>(op.max_k));
  // An operation with no default shape (one registered at run time) has none
  // in the JSON either, so a reader fails loudly instead of starting at 0.
  const Shape shape = default_shape(op);
  if (shape.n > 0) {
    w.key("default_shape")
        .begin_object()
        .field("m", static_cast<double>(shape.m))
        .field("n", static_cast<double>(shape.n))
        .field("k", static_cast<double>(shape.k))
        .end_object();
  }
  w.end_object();
}

void write_strings(JsonWriter& w, const std::vector<const char*>& paths) {
  w.begin_array();
  for (const char* path : paths) w.value(path);
  w.end_array();
}

void write_shape(JsonWriter& w, const Shape& s) {
  w.begin_object()
      .field("m", static_cast<double>(s.m))
      .field("n", static_cast<double>(s.n))
      .field("k", static_cast<double>(s.k))
      .field("block", static_cast<double>(s.block))
      .field("threads", static_cast<double>(s.threads))
      .end_object();
}

// An exercise's goal, hints and performance bar (lab/exercise_specs.h).
void write_exercise(JsonWriter& w, const ExerciseSpec& spec) {
  w.key("exercise").begin_object().field("goal", spec.goal);
  w.key("hints");
  write_strings(w, spec.hints);
  w.key("bar")
      .begin_object()
      .field("reference", spec.bar.reference)
      .field("ratio", spec.bar.ratio)
      .key("shape");
  write_shape(w, spec.bar.shape);
  w.field("why", spec.bar.why).end_object();
  w.field("needs_simd", spec.needs_simd).end_object();
}

void write_kernel(JsonWriter& w, const Kernel& k) {
  w.begin_object()
      .field("name", k.name)
      .field("lesson", k.lesson)
      .field("title", k.title)
      .field("summary", k.summary)
      .field("dtype", dtype_name(k.traits.dtype))
      .field("variant", variant_name(k.traits.variant))
      .field("role", role_name(k.traits.role));
  if (const char* backend = backend_name(k.traits.backend))
    w.field("backend", backend);
  else
    w.key("backend").null();
  w.field("source", k.source);
  std::vector<const char*> sources{k.source};
  sources.insert(sources.end(), k.headers.begin(), k.headers.end());
  w.key("sources");
  write_strings(w, sources);
  w.field("operation", k.op->id)
      .field("bytes_formula", bytes_formula(k))
      .field("student", k.student)
      .field("runtime", k.runtime)
      .field("page", k.page != nullptr);
  w.key("tunables").begin_array();
  for (Tunable t : k.tunables) w.value(tunable_name(t));
  w.end_array();
  if (k.student) {
    w.field("compiles_in_page", compiles_in_page(k));
    w.key("check_shapes").begin_array();
    for (const Shape& s : check_shapes(k)) write_shape(w, s);
    w.end_array();
    if (const ExerciseSpec* spec = exercise_spec(k.name)) write_exercise(w, *spec);
  }
  w.end_object();
}

void write_page_compile(JsonWriter& w) {
  const PageCompile& compile = page_compile();
  w.begin_object().field("entry", compile.entry);
  w.key("includes");
  write_strings(w, compile.includes);
  w.end_object();
}

// {available, reason, kernels}: whether the relaxed-SIMD tier is in the
// catalog, why not, and, when it is, its kernels' names.
void write_relaxed_simd(JsonWriter& w, const RelaxedSimdStatus& status) {
  w.begin_object().field("available", status.available).field("reason", status.reason);
  w.key("kernels").begin_array();
  for (const std::string& name : status.kernels) w.value(name);
  w.end_array().end_object();
}

// The first element that failed the check, when the operation names one.
void write_first_bad(JsonWriter& w, const BadElement& bad) {
  if (!bad.found) return;
  w.key("first_bad")
      .begin_object()
      .field("output", bad.output)
      .field("index", static_cast<double>(bad.index));
  if (bad.row >= 0)
    w.field("row", static_cast<double>(bad.row)).field("column", static_cast<double>(bad.column));
  w.field("expected", bad.expected).field("actual", bad.actual).end_object();
}

void write_timing(JsonWriter& w, const Measurement& m) {
  const Summary& s = m.per_call;
  w.begin_object()
      .field("median_s", s.median)
      .field("mean_s", s.mean)
      .field("stddev_s", s.stddev)
      .field("min_s", s.min)
      .field("max_s", s.max)
      .field("ci_low_s", s.ci_low)
      .field("ci_high_s", s.ci_high)
      .field("ci_level", s.ci_level)
      .field("count", s.count)
      .field("batch", m.batch)
      .field("warmup_calls", m.warmup_calls)
      .field("warmup_s", m.warmup_s)
      .field("warmup_stop", warmup_stop_name(m.warmup_stop))
      .field("first_call_s", m.first_call_s)
      .field("total_s", m.total_s)
      .field("clock", m.clock)
      .field("resolution_s", m.resolution_s);
  w.key("samples_s").begin_array();
  const size_t count = std::min(m.samples.size(), kMaxSamplesSent);
  for (size_t i = 0; i < count; ++i) w.value(m.samples[i]);
  w.end_array().end_object();
}

}  // namespace

std::string catalog_json(const Limits& limits) {
  JsonWriter w;
  w.begin_object().field("target", LAB_TARGET);
  w.key("clock")
      .begin_object()
      .field("name", clock_info().name)
      .field("resolution_s", clock_info().resolution_s)
      .end_object();
  w.field("memory_bytes", limits.memory_bytes);
  w.key("build")
      .begin_object()
      .field("simd", LAB_SIMD[0] != '\0')
      .field("simd_name", LAB_SIMD)
      .field("max_threads", limits.max_threads)
      .end_object();

  w.key("operations").begin_array();
  std::vector<const Operation*> seen;
  for (const Kernel& k : catalog()) {
    if (std::find(seen.begin(), seen.end(), k.op) != seen.end()) continue;
    seen.push_back(k.op);
    write_operation(w, *k.op, limits);
  }
  w.end_array();

  w.key("kernels").begin_array();
  for (const Kernel& k : catalog()) write_kernel(w, k);
  w.end_array();
  w.key("sources").begin_object();
  w.key("timing");
  write_strings(w, shared_sources().timing);
  w.key("thread_pool");
  write_strings(w, shared_sources().thread_pool);
  w.end_object();
  w.key("page_compile");
  write_page_compile(w);
  w.key("relaxed_simd");
  write_relaxed_simd(w, relaxed_simd_status());
  w.key("ladder").begin_array();
  for (const LadderStep& step : ladder()) {
    w.begin_object()
        .field("label", step.label)
        .field("why", step.why)
        .field("threads", ladder_threads_name(step.threads))
        .field("block", static_cast<double>(step.block));
    w.key("kernels").begin_array();
    for (const char* name : step.kernels) w.value(name);
    w.end_array().end_object();
  }
  w.end_array();
  w.key("demos");
  write_demos(w);
  w.end_object();
  return w.str();
}

std::string validation_json(const Validation& v) {
  JsonWriter w;
  w.begin_object().field("status", v.ok ? "ok" : "invalid");
  if (!v.ok) w.field("field", v.field).field("error", v.error);
  return w.end_object().str();
}

std::string registration_json(const KernelRegistration& registration) {
  JsonWriter w;
  w.begin_object();
  if (!registration.kernel) {
    w.field("status", "invalid").field("error", registration.error).end_object();
    return w.str();
  }
  w.field("status", "ok").key("kernel");
  write_kernel(w, *registration.kernel);
  return w.end_object().str();
}

std::string relaxed_simd_json(const RelaxedSimdStatus& status) {
  JsonWriter w;
  write_relaxed_simd(w, status);
  return w.str();
}

std::string relaxed_modules_json() {
  JsonWriter w;
  w.begin_array();
  for (size_t i = 0; i < relaxed_kernels().size(); ++i)
    w.begin_object()
        .field("name", relaxed_kernels()[i].name)
        .field("slot", static_cast<double>(relaxed_slot(i)))
        .end_object();
  return w.end_array().str();
}

std::string result_json(const RunResult& r) {
  JsonWriter w;
  w.begin_object().field("status", status_name(r.status)).field("target", LAB_TARGET);
  if (r.status == RunStatus::invalid) {
    w.field("field", r.field).field("error", r.error).end_object();
    return w.str();
  }
  w.field("kernel", r.kernel->name).field("lesson", r.kernel->lesson);
  w.key("shape");
  write_shape(w, r.shape);
  w.field("flops", r.flops).field("bytes", r.bytes);
  if (r.status == RunStatus::failed) {
    w.field("error", r.error).end_object();
    return w.str();
  }
  if (r.status == RunStatus::not_implemented) {
    w.field("error", std::string("Not implemented yet: write it in ") + r.kernel->source +
                         ", then rebuild.");
    w.end_object();
    return w.str();
  }
  const double median = r.timing.per_call.median;
  w.field("gflops", median > 0 ? r.flops / median * 1e-9 : 0.0)
      .field("gbps", median > 0 ? r.bytes / median * 1e-9 : 0.0);
  w.key("timing");
  write_timing(w, r.timing);
  w.key("check")
      .begin_object()
      .field("passed", r.check.passed)
      .field("max_abs_err", r.check.max_abs_err)
      .field("max_rel_err", r.check.max_rel_err)
      .field("tolerance", r.check.tolerance);
  w.key("metrics").begin_object();
  for (const Metric& metric : r.check.metrics) w.field(metric.name, metric.value);
  w.end_object();
  write_first_bad(w, r.check.first_bad);
  w.end_object();
  w.end_object();
  return w.str();
}

}  // namespace lab
