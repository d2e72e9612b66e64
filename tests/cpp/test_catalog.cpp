#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "lab/catalog.h"
#include "lab/exercise_specs.h"
#include "lab/lab_json.h"
#include "lab/relaxed_kernels.h"

using namespace lab;

namespace {

std::set<std::string> compiled_sources() {
  std::set<std::string> out;
  std::stringstream list(LAB_COMPILED_SOURCES);
  for (std::string path; std::getline(list, path, ',');) out.insert(path);
  return out;
}

std::string read(const std::string& path) {
  std::ifstream in(std::string(LAB_REPO_ROOT) + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("kernel names are unique and say data type and operation") {
  std::set<std::string> names;
  for (const Kernel& k : catalog()) {
    CHECK(names.insert(k.name).second);
    CHECK_THAT(std::string(k.name), Catch::StartsWith(std::string(k.op->id) + "_"));
    CHECK(find_kernel(k.name) == &k);
  }
  CHECK(find_kernel("nope") == nullptr);
}

// How a file compiled twice (kernels/c_variant.h) spells the definition of a
// kernel: as the variant of its stem. Other files spell it by name.
std::string definition_of(const std::string& name) {
  for (const char* suffix : {"_scalar", "_autovec"}) {
    const std::string s(suffix);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
      return "LAB_C_VARIANT(" + name.substr(0, name.size() - s.size()) + ")(";
  }
  return name + "(";
}

TEST_CASE("each kernel's source is a compiled file that defines it") {
  const auto compiled = compiled_sources();
  for (const Kernel& k : catalog()) {
    INFO(k.name << " -> " << k.source);
    CHECK(compiled.count(k.source) == 1);
    CHECK_THAT(read(k.source), Catch::Contains(std::string(k.name) + "(") ||
                                   Catch::Contains(definition_of(k.name)));
    CHECK(compiled.count(k.op->reference_source) == 1);
  }
}

TEST_CASE("every file a kernel shows exists, once, and the kernel's own file comes first") {
  for (const Kernel& k : catalog()) {
    INFO(k.name);
    std::set<std::string> shown{k.source};
    for (const char* header : k.headers) {
      INFO(header);
      CHECK(shown.insert(header).second);
      CHECK_FALSE(read(header).empty());
    }
  }
  for (const auto* paths : {&shared_sources().timing, &shared_sources().thread_pool}) {
    REQUIRE_FALSE(paths->empty());
    for (const char* path : *paths) CHECK_FALSE(read(path).empty());
  }
}

// The paths come from the compiler (core/source_file.h): each must read as the
// repository-relative path the page fetches, whatever folder the build ran in.
TEST_CASE("every path a kernel shows is relative to the repository root") {
  for (const Kernel& k : catalog()) {
    std::vector<std::string> paths{k.source, k.op->reference_source};
    paths.insert(paths.end(), k.headers.begin(), k.headers.end());
    for (const std::string& path : paths) {
      INFO(k.name << ": " << path);
      CHECK_THAT(path, Catch::StartsWith("cpp/"));
      CHECK_THAT(path, !Catch::Contains("..") && !Catch::Contains("./") && !Catch::Contains("//"));
    }
  }
}

TEST_CASE("a kernel's traits agree with what else the catalog says of it") {
  for (const Kernel& k : catalog()) {
    INFO(k.name);
    CHECK(k.student == (k.traits.role == Role::exercise));
    CHECK((k.traits.role == Role::backend) == (k.traits.backend != Backend::none));
    const bool named_by_type = std::string(k.name).rfind(dtype_name(k.traits.dtype), 0) == 0;
    CHECK((named_by_type || k.traits.role == Role::backend));
  }
  // Each probe the roofline reads is the only one of its role.
  for (Role probe : {Role::ceiling_probe, Role::bandwidth_probe, Role::expert})
    CHECK(std::count_if(catalog().begin(), catalog().end(),
                        [probe](const Kernel& k) { return k.traits.role == probe; }) == 1);
}

TEST_CASE("every operation has a default shape its kernels accept") {
  for (const Kernel& k : catalog()) {
    INFO(k.op->id);
    const Shape s = default_shape(*k.op);
    CHECK(s.m >= 1);
    CHECK(s.n >= 1);
    CHECK(s.k >= 1);
    if (k.op->shape_kind == ShapeKind::vector) CHECK((s.m == 1 && s.k == 1));
  }
  CHECK(default_shape(*find_kernel("ffn_block_naive")->op).n == 2048);
}

TEST_CASE("every lesson with kernels has a reference kernel, and exercises are marked") {
  std::set<std::string> lessons, with_reference;
  for (const Kernel& k : catalog()) {
    lessons.insert(k.lesson);
    if (!k.student) with_reference.insert(k.lesson);
    if (k.student) CHECK_THAT(std::string(k.source), Catch::StartsWith("cpp/exercises/"));
  }
  CHECK(lessons == with_reference);
  CHECK(lessons.count("loops") == 1);
  CHECK(lessons.count("blocking") == 1);
  CHECK(lessons.count("vectorization") == 1);
}

TEST_CASE("FLOP and byte counts come from the operation") {
  for (const Kernel& k : catalog()) {
    const Shape s{3, 5, 7, 1};
    CHECK(k.op->flops(s) > 0);
    CHECK(k.op->bytes(s) > 0);
    CHECK(k.op->workspace_bytes(s) >= k.op->bytes(s));
  }
}

TEST_CASE("the catalog JSON lists every kernel with its lesson and tunables") {
  const std::string json = catalog_json(Limits{1e8});
  for (const Kernel& k : catalog())
    CHECK_THAT(json, Catch::Contains(std::string("\"") + k.name + "\""));
  CHECK_THAT(json, Catch::Contains("\"tunables\":[\"block\"]"));
  CHECK_THAT(json, Catch::Contains("\"max_n\""));
  CHECK_THAT(json, Catch::Contains("\"resolution_s\""));
  CHECK_THAT(json, Catch::Contains("\"dtype\":\"i8\",\"variant\":\"simd128\",\"role\":\"backend\","
                                   "\"backend\":\"int8\""));
  CHECK_THAT(json, Catch::Contains("\"role\":\"naive\",\"backend\":null"));
  CHECK_THAT(json, Catch::Contains("\"default_shape\":{\"m\":64,\"n\":2048,\"k\":512}"));
  CHECK_THAT(json, Catch::Contains("\"sources\":{\"timing\":[\""));
  CHECK_THAT(json, Catch::Contains("\"runtime\":false"));
}

TEST_CASE("every ladder step names catalog matmuls that take what the step sets") {
  REQUIRE(ladder().size() >= 2);
  std::set<std::string> labels;
  for (const LadderStep& step : ladder()) {
    INFO(step.label);
    CHECK(labels.insert(step.label).second);
    CHECK(std::string(step.why).size() > 20);
    REQUIRE_FALSE(step.kernels.empty());
    for (const char* name : step.kernels) {
      INFO(name);
      // A relaxed-SIMD kernel is described here and registered only in a
      // browser that validates relaxed SIMD.
      const Kernel* k = find_kernel(name);
      for (const Kernel& relaxed : relaxed_kernels())
        if (!k && std::string(relaxed.name) == name) k = &relaxed;
      REQUIRE(k != nullptr);
      CHECK_FALSE(k->student);
      CHECK(k->op->shape_kind == ShapeKind::matrix);
      if (step.threads == LadderStep::Threads::all) CHECK(takes(*k, Tunable::threads));
      CHECK(takes(*k, Tunable::block) == (step.block > 0));
    }
  }
  // The climb starts from the textbook loop.
  CHECK(std::string(ladder().front().kernels.front()) == "f32_matmul_ijk");
}

TEST_CASE("the catalog JSON carries the ladder") {
  const std::string json = catalog_json(Limits{1e8});
  CHECK_THAT(json, Catch::Contains("\"ladder\":[{\"label\":\"naive i-j-k\""));
  CHECK_THAT(json, Catch::Contains("\"threads\":\"all\""));
  CHECK_THAT(json, Catch::Contains("\"kernels\":[\"f32_matmul_ikj\",\"f32_matmul_kij\"]"));
}

TEST_CASE(
    "every exercise has a goal, two or three hints and a bar against a kernel of its "
    "operation") {
  for (const Kernel& k : catalog()) {
    if (!k.student) continue;
    INFO(k.name);
    const ExerciseSpec* spec = exercise_spec(k.name);
    REQUIRE(spec != nullptr);
    CHECK(std::string(spec->goal).size() > 20);
    CHECK(spec->hints.size() >= 2);
    CHECK(spec->hints.size() <= 3);
    const Kernel* reference = find_kernel(spec->bar.reference);
    REQUIRE(reference != nullptr);
    CHECK_FALSE(reference->student);
    CHECK(reference->op == k.op);
    CHECK(spec->bar.ratio > 0);
    CHECK(spec->bar.ratio <= 10);
    CHECK(std::string(spec->bar.why).find("measured") != std::string::npos);
  }
  for (const ExerciseSpec& spec : exercise_specs()) {
    const Kernel* k = find_kernel(spec.kernel);
    REQUIRE(k != nullptr);
    CHECK(k->student);
  }
}
