#pragma once

#include <vector>

#include "core/json_writer.h"
#include "core/source_file.h"

namespace lab {

// The demo "quantization_bit_sweep": a rows x cols matrix whose rows differ
// in magnitude by a factor of 1000, quantized and dequantized at 8, 6, 4 and 2
// bits, with one scale for the whole matrix and with one scale per row. Writes
// the bit widths and, per scheme, the max abs error, the relative Frobenius
// error and the signal-to-noise ratio in dB at each width.
// args: rows, cols (validated by the demo registry).
void quantization_bit_sweep(const std::vector<double>& args, JsonWriter& out);

// The demo "int8_quantize_vector": six numbers quantized per tensor to int8,
// as a student would by hand. Writes max_abs, scale, the codes, the values
// they stand for, and the largest |x - q scale| against its bound, scale / 2.
// args: x0 ... x5.
void int8_quantize_vector(const std::vector<double>& args, JsonWriter& out);

}  // namespace lab

LAB_SOURCE_DECLARE(quantization_demos_cpp)
