// The relaxed-SIMD tier's table and its registration, with a fake host in
// place of the page's modules: the kernels themselves need a browser with
// relaxed SIMD and are checked in Chromium (tests/browser/relaxed-simd.test.mjs).
#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kernels/probe/probe_problems.h"
#include "lab/lab_json.h"
#include "lab/page_kernels.h"
#include "lab/relaxed_kernels.h"
#include "lab/runner.h"

using namespace lab;

namespace {

std::string read(const std::string& path) {
  std::ifstream in(std::string(LAB_REPO_ROOT) + "/" + path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The FMA probe's module, in C++, on the staged copies: (x, y, mc, lanes,
// steps, extra) as mul_add_page_call lists them.
class ProbeHost final : public PageHost {
 public:
  std::vector<int> slots;
  std::string stage(int slot, const std::vector<ExternalBuffer>& buffers) override {
    slots.push_back(slot);
    copies.clear();
    for (const ExternalBuffer& b : buffers) {
      const char* data = static_cast<const char*>(b.data);
      copies.emplace_back(data, data + b.bytes);
    }
    return "";
  }
  KernelStatus call(int, const std::vector<int32_t>& sizes, std::string*) override {
    const auto* x = reinterpret_cast<const float*>(copies.at(0).data());
    auto* y = reinterpret_cast<float*>(copies.at(1).data());
    const auto* mc = reinterpret_cast<const float*>(copies.at(2).data());
    const int32_t lanes = sizes.at(0), steps = sizes.at(1), extra = sizes.at(2);
    for (int32_t i = 0; i < lanes; ++i) {
      float v = x[i];
      for (int32_t s = 0; s < steps + (i < extra); ++s) v = v * mc[0] + mc[1];
      y[i] = v;
    }
    return KernelStatus::done;
  }
  std::string collect(int, const std::vector<ExternalBuffer>& buffers) override {
    for (size_t i = 0; i < buffers.size(); ++i)
      if (buffers[i].output)
        std::memcpy(const_cast<void*>(buffers[i].data), copies[i].data(), buffers[i].bytes);
    return "";
  }

 private:
  std::vector<std::vector<char>> copies;
};

}  // namespace

TEST_CASE("each relaxed kernel is described like a catalog kernel, named like its file") {
  REQUIRE(relaxed_kernels().size() == 3);
  for (size_t i = 0; i < relaxed_kernels().size(); ++i) {
    const Kernel& k = relaxed_kernels()[i];
    INFO(k.name);
    CHECK(k.traits.variant == Variant::relaxed_simd);
    CHECK_THAT(std::string(k.name), Catch::StartsWith(std::string(k.op->id) + "_"));
    CHECK(std::string(k.source) == std::string("cpp/kernels/relaxed/") + k.name + ".cpp");
    CHECK_THAT(read(k.source), Catch::Contains("LAB_RELAXED_ENTRY("));
    for (const char* header : k.headers) CHECK_FALSE(read(header).empty());
    CHECK(runs_in_module(k));
    CHECK(find_kernel(k.name) == nullptr);  // not in the catalog until enabled
    CHECK(relaxed_slot(i) < 0);
  }
}

TEST_CASE("without relaxed SIMD the catalog says why; with it, the kernels run as modules") {
  CHECK_FALSE(relaxed_simd_status().available);
  CHECK_THAT(catalog_json({256.0 * 1024 * 1024, 1}),
             Catch::Contains("\"relaxed_simd\":{\"available\":false"));

  enable_relaxed_simd("no relaxed SIMD here");
  CHECK_FALSE(relaxed_simd_status().available);
  CHECK(relaxed_simd_status().reason == "no relaxed SIMD here");
  for (const Kernel& k : relaxed_kernels()) CHECK(find_kernel(k.name) == nullptr);

  ProbeHost host;
  set_page_host(&host);
  const RelaxedSimdStatus& status = enable_relaxed_simd("");
  REQUIRE(status.available);
  CHECK(status.reason.empty());
  REQUIRE(status.kernels.size() == relaxed_kernels().size());
  for (const Kernel& k : relaxed_kernels()) {
    const Kernel* registered = find_kernel(k.name);
    REQUIRE(registered != nullptr);
    CHECK(registered->runtime);
    CHECK(registered->page != nullptr);
    CHECK(std::string(registered->summary) == k.summary);
  }
  CHECK_THAT(catalog_json({256.0 * 1024 * 1024, 1}),
             Catch::Contains("\"relaxed_simd\":{\"available\":true,\"reason\":\"\""));

  // The probe's module gets the problem's lanes, {m, c} and a split of N that
  // fits in 32 bits, and the runner checks what comes back, exactly.
  RunRequest request;
  request.kernel = relaxed_kernels()[0].name;
  REQUIRE(request.kernel.find("f32_mul_add") == 0);
  request.params.n = static_cast<double>(3 * kMulAddLanes + 17);
  request.timing.single_shot = true;
  const RunResult result = run(request, {256.0 * 1024 * 1024, 1}, {});
  CHECK(result.status == RunStatus::ok);
  CHECK(result.check.passed);
  CHECK(host.slots.front() == relaxed_slot(0));

  for (const std::string& name : status.kernels) unregister_kernel(name);
  set_page_host(nullptr);
  release_cached_problem();
}
