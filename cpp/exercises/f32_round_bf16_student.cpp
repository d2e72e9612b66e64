// Exercise (Precision lesson): round f32 values to bf16, to nearest with
// ties to even.
//
// x holds n floats, n from 1 up; write n bf16 bit patterns to y. A bf16 is the
// top 16 bits of an f32 (sign, 8 exponent bits, 7 mantissa bits), so rounding
// decides, from the low 16 bits, whether the top half goes up by one:
//   above half way (low bits > 0x8000): up; below: down;
//   exactly half way (0x8000): up only if that makes the top half even.
// A carry out of the mantissa moves the exponent up, which is right: the
// largest floats round to infinity. A NaN must stay a NaN (keep its top half
// and set bit 6, the quiet bit, so a payload only in the low half survives).
// Read a float's bits with std::memcpy into a uint32_t.
//
// When you are done: return KernelStatus::done, run `npm run check`, then
// `npm start` and open the Precision lesson to time it beside the lab's.
#include <cstring>

#include "core/source_file.h"
#include "exercises/student_kernels.h"

namespace lab {

KernelStatus f32_round_bf16_student(const float* x, uint16_t* y, int64_t n) {
  (void)x, (void)y, (void)n;
  // TODO(student): for each element, its bits, the NaN case, then the rounding.
  return KernelStatus::not_implemented;
}

}  // namespace lab

LAB_SOURCE_DEFINE(f32_round_bf16_student_cpp)
