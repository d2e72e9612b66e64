#include "lab/relaxed_kernels.h"

#include "core/source_file.h"
#include "kernels/i8_matmul/i8_matmul_problem.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_loops.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_packing.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_tile.h"
#include "kernels/matmul/f32_matmul_problem.h"
#include "kernels/probe/probe_problems.h"
#include "kernels/relaxed/relaxed_entry.h"
#include "lab/page_kernels.h"

namespace lab {

namespace {

// A module's kernel has no run function of its own: register_module_kernel gives it one.
std::vector<Kernel> describe() {
  return {
      {"f32_mul_add_13chains_relaxedsimd",
       "roofline",
       "FMA ceiling",
       {DType::f32, Variant::relaxed_simd, Role::ceiling_probe},
       "13 independent chains of f32x4.relaxed_madd, one fused multiply-add per step where the "
       "CPU has one, all in registers: the ceiling of a kernel that uses FMA. One thread.",
       source::f32_mul_add_13chains_relaxedsimd_cpp,
       {source::relaxed_entry_h},
       &kMulAddF32,
       {},
       false,
       nullptr},
      {"f32_matmul_4x8_packed_relaxedsimd",
       "roofline",
       "expert GEMM, FMA",
       {DType::f32, Variant::relaxed_simd, Role::expert},
       "The expert GEMM's packing, blocking and 4 x 8 micro-kernel with one f32x4.relaxed_madd "
       "per step instead of a mul and an add. One thread.",
       source::f32_matmul_4x8_packed_relaxedsimd_cpp,
       {source::f32_matmul_4x8_packed_wasmsimd_tile_h,
        source::f32_matmul_4x8_packed_wasmsimd_loops_h,
        source::f32_matmul_4x8_packed_wasmsimd_packing_h, source::relaxed_entry_h},
       &kMatmulF32,
       {},
       false,
       nullptr},
      {"i8_matmul_4x4_relaxeddot",
       "quantization",
       "int8 relaxed dot",
       {DType::i8, Variant::relaxed_simd, Role::register_blocked},
       "A 4 x 4 tile of int32 sums fed by i32x4.relaxed_dot_i8x16_i7x16_add, sixteen int8 "
       "products per instruction; B split into its low seven bits and its sign, two dots that "
       "are exact on every CPU. One thread.",
       source::i8_matmul_4x4_relaxeddot_cpp,
       {source::relaxed_entry_h},
       &kMatmulI8,
       {},
       false,
       nullptr},
  };
}

RelaxedSimdStatus& status() {
  static RelaxedSimdStatus s{
      false, "Nothing has looked for relaxed SIMD: only the page's lab worker does.", {}};
  return s;
}

}  // namespace

const std::vector<Kernel>& relaxed_kernels() {
  static const std::vector<Kernel> kernels = describe();
  return kernels;
}

int relaxed_slot(size_t index) { return -1 - static_cast<int>(index); }

const RelaxedSimdStatus& enable_relaxed_simd(const std::string& reason) {
  RelaxedSimdStatus& s = status();
  if (s.available) return s;
  s.reason = reason;
  if (!reason.empty()) return s;
  for (size_t i = 0; i < relaxed_kernels().size(); ++i) {
    const KernelRegistration r = register_module_kernel(relaxed_kernels()[i], relaxed_slot(i));
    if (!r.kernel) {
      for (const std::string& name : s.kernels) unregister_kernel(name);
      s.kernels.clear();
      s.reason = r.error;
      return s;
    }
    s.kernels.emplace_back(r.kernel->name);
  }
  s.available = true;
  return s;
}

const RelaxedSimdStatus& relaxed_simd_status() { return status(); }

}  // namespace lab
