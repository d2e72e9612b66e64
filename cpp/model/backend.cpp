#include "model/backend.h"

#include "kernels/i8_matmul/i8_matmul_grouped.h"

namespace lab::model {

void Scratch::reserve(int64_t rows, int64_t widest_input) {
  codes.resize(rows * (widest_input + widest_input % 2));
  scales.resize(rows * group_count(widest_input, kInt8Group));
}

const Backend& backend(BackendKind kind) {
  switch (kind) {
    case BackendKind::naive: return naive_backend();
    case BackendKind::optimized: return optimized_backend();
    case BackendKind::int8: return int8_backend();
  }
  return naive_backend();
}

const char* backend_name(BackendKind kind) {
  switch (kind) {
    case BackendKind::naive: return "naive";
    case BackendKind::optimized: return "optimized";
    case BackendKind::int8: return "int8";
  }
  return "";
}

}  // namespace lab::model
