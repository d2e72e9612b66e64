// The page's side of lab/page_kernels.h: a student's modules live in the lab
// worker's JavaScript (web/page-host.js, globalThis.labPageHost), each with a
// memory of its own, and these calls reach them. They run on the thread that
// called lab.run(), the worker's own: page kernels take no threads, so the
// pool's threads, whose JavaScript has no modules, never call them.
#include "page_host.h"

#include <emscripten.h>

#include <array>

namespace {

// clang-format off
EM_JS(void, lab_page_stage_begin, (int slot), {
  globalThis.labPageHost.begin(slot);
});
EM_JS(void, lab_page_stage_buffer,
      (const char* name, const void* data, double bytes, double element_bytes, int output), {
  globalThis.labPageHost.buffer(UTF8ToString(name), HEAPU8, data, bytes, element_bytes, output !== 0);
});
// 0: staged; 1: failed, with the message waiting in lab_page_take_error.
EM_JS(int, lab_page_stage_end, (), {
  return globalThis.labPageHost.stage() ? 0 : 1;
});
// The exercise's own status (0 done, 1 not implemented), or 2 when the call
// failed: a trap, or a status that is neither.
EM_JS(int, lab_page_call, (int s0, int s1, int s2, int s3), {
  return globalThis.labPageHost.call(s0, s1, s2, s3);
});
EM_JS(int, lab_page_collect, (), {
  return globalThis.labPageHost.collect(HEAPU8) ? 0 : 1;
});
EM_JS(void, lab_page_take_error, (char* buffer, int capacity), {
  stringToUTF8(globalThis.labPageHost.takeError(), buffer, capacity);
});
// clang-format on

std::string take_error() {
  std::array<char, 1024> text{};
  lab_page_take_error(text.data(), static_cast<int>(text.size()));
  return text.data();
}

class WorkerPageHost final : public lab::PageHost {
 public:
  std::string stage(int slot, const std::vector<lab::ExternalBuffer>& buffers) override {
    lab_page_stage_begin(slot);
    for (const lab::ExternalBuffer& b : buffers)
      lab_page_stage_buffer(b.name, b.data, static_cast<double>(b.bytes),
                            static_cast<double>(b.element_bytes), b.output ? 1 : 0);
    return lab_page_stage_end() == 0 ? "" : take_error();
  }

  lab::KernelStatus call(int, const std::vector<int32_t>& sizes, std::string* error) override {
    const auto size = [&](size_t i) { return i < sizes.size() ? sizes[i] : 0; };
    switch (lab_page_call(size(0), size(1), size(2), size(3))) {
      case 0: return lab::KernelStatus::done;
      case 1: return lab::KernelStatus::not_implemented;
      default: *error = take_error(); return lab::KernelStatus::done;
    }
  }

  std::string collect(int, const std::vector<lab::ExternalBuffer>&) override {
    return lab_page_collect() == 0 ? "" : take_error();
  }
};

}  // namespace

void install_page_host() {
  static WorkerPageHost host;
  lab::set_page_host(&host);
}
