#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "lab/catalog.h"
#include "lab/lab_json.h"

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
  for (const Kernel& k : catalog()) CHECK_THAT(json, Catch::Contains(std::string("\"") + k.name + "\""));
  CHECK_THAT(json, Catch::Contains("\"tunables\":[\"block\"]"));
  CHECK_THAT(json, Catch::Contains("\"max_n\""));
  CHECK_THAT(json, Catch::Contains("\"resolution_s\""));
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
      const Kernel* k = find_kernel(name);
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
