// The expert GEMM's loop nest, the one BLIS uses, and how it is split over threads.
//
//   for jc: columns of C, nc at a time
//     for pc: K, kc at a time           pack B[pc.., jc..] (kc x nc)   -> L2
//       for ic: rows of C, mc at a time pack A[ic.., pc..] (mc x kc)   -> L2
//         for jr: one B sliver (kc x kCols)                            -> L1
//           for ir: one A sliver (kRows x kc), the micro-kernel on one tile of C
//
// The innermost loop runs the micro-kernel with the same B sliver on every
// A sliver of the block, so that sliver stays in L1; the packed A block is
// reread once per B sliver from L2. The block sizes (Blocking) say how much
// each level holds; f32_matmul_4x8_packed_wasmsimd.cpp chooses them.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "core/source_file.h"
#include "core/thread_pool.h"
#include "kernels/matmul/f32_matmul_4x8_packed_wasmsimd_packing.h"

namespace lab::gemm {

struct Blocking {
  int64_t mc;  // rows of the packed A block
  int64_t kc;  // steps along K per packed block
  int64_t nc;  // columns of the packed B panel
};

namespace {

// A thread's packing buffer, kept between calls and grown when a call needs
// more: a GEMM call then allocates nothing. 64-byte aligned, a cache line, so
// no packed vector straddles two lines.
class PackBuffer {
 public:
  float* at_least(int64_t floats) {
    if (floats > size_) {
      data_.reset(static_cast<float*>(::operator new[](sizeof(float) * floats, kAlign)));
      size_ = floats;
    }
    return data_.get();
  }

 private:
  static constexpr std::align_val_t kAlign{64};
  struct Free {
    void operator()(float* p) const { ::operator delete[](p, kAlign); }
  };
  std::unique_ptr<float[], Free> data_;
  int64_t size_ = 0;
};

// Where gemm_block packs: each thread's own PackBuffers, kept between calls.
// A caller with no heap (a freestanding module) passes its own static ones:
// any type with a(floats) and b(floats) that return that much room.
struct ThreadPackBuffers {
  static float* a(int64_t floats) {
    thread_local PackBuffer buffer;
    return buffer.at_least(floats);
  }
  static float* b(int64_t floats) {
    thread_local PackBuffer buffer;
    return buffer.at_least(floats);
  }
};

inline int64_t round_up(int64_t x, int64_t to) { return (x + to - 1) / to * to; }

// Splits [0, total) into blocks of about `most` (never more), all the same size
// but for the last: K = 257 with kc = 256 runs as 129 + 128, not 256 + 1.
inline int64_t even_step(int64_t total, int64_t most) {
  const int64_t blocks = (total + most - 1) / most;
  return (total + blocks - 1) / blocks;
}

// B packed whole, once, for a matrix many products reuse (a model's weights):
// for each block of K (as gemm_block splits K), every kCols-column sliver of B
// one after another, so the sliver at column j of the block at row pc starts
// at pc * padded_n + j * kc. A product that reuses it packs no B at all.
template <class Tile>
struct PrepackedB {
  PrepackedB(const float* b, int64_t k, int64_t n, const Blocking& blocking)
      : k(k),
        n(n),
        kc_step(even_step(k, blocking.kc)),
        padded_n(round_up(n, Tile::kCols)),
        data(static_cast<size_t>(k * padded_n)) {
    for (int64_t pc = 0; pc < k; pc += kc_step)
      pack_b<Tile>(b + pc * n, n, std::min(kc_step, k - pc), n, data.data() + pc * padded_n);
  }
  const float* panel(int64_t pc, int64_t kc, int64_t j) const {
    return data.data() + pc * padded_n + j * kc;
  }

  int64_t k, n, kc_step, padded_n;
  std::vector<float> data;
};

// C[i0:i1, j0:j1] = A[i0:i1, :] * B[:, j0:j1]; a, b and c are whole
// row-major matrices (row strides k, n and n). With `prepacked`, b is not read:
// its panels are taken from there.
template <class Tile, class Buffers = ThreadPackBuffers>
void gemm_block(const float* a, const float* b, float* c, int64_t n, int64_t k, int64_t i0,
                int64_t i1, int64_t j0, int64_t j1, const Blocking& blocking,
                const PrepackedB<Tile>* prepacked) {
  if (k == 0) {
    for (int64_t i = i0; i < i1; ++i) std::fill(c + i * n + j0, c + i * n + j1, 0.0f);
    return;
  }
  const int64_t kc_step = even_step(k, blocking.kc);
  const int64_t mc_step = round_up(std::min(blocking.mc, i1 - i0), Tile::kRows);
  const int64_t nc_step = round_up(std::min(blocking.nc, j1 - j0), Tile::kCols);
  float* packed_a = Buffers::a(mc_step * kc_step);
  float* packed_b = prepacked ? nullptr : Buffers::b(kc_step * nc_step);
  for (int64_t jc = j0; jc < j1; jc += nc_step) {
    const int64_t nc = std::min(nc_step, j1 - jc);
    for (int64_t pc = 0; pc < k; pc += kc_step) {
      const int64_t kc = std::min(kc_step, k - pc);
      const float* b_panel = packed_b;
      if (prepacked)
        b_panel = prepacked->panel(pc, kc, jc);
      else
        pack_b<Tile>(b + pc * n + jc, n, kc, nc, packed_b);
      for (int64_t ic = i0; ic < i1; ic += mc_step) {
        const int64_t mc = std::min(mc_step, i1 - ic);
        pack_a<Tile>(a + ic * k + pc, k, mc, kc, packed_a);
        for (int64_t jr = 0; jr < nc; jr += Tile::kCols)
          for (int64_t ir = 0; ir < mc; ir += Tile::kRows)
            Tile::run(packed_a + ir * kc, b_panel + jr * kc, kc, c + (ic + ir) * n + jc + jr, n,
                      std::min(Tile::kRows, mc - ir), std::min(Tile::kCols, nc - jr), pc > 0);
      }
    }
  }
}

// C = A * B on `threads` threads. Each thread takes its own columns of C (whole
// B slivers) and packs its own B panel and its own copy of A's blocks: no
// thread waits for another's packing, so there is no barrier inside the call.
// Repacking A per thread costs m k copies per thread against 2 m n k / threads
// flops of work, small unless n is tiny; when C has fewer column slivers than
// threads, the rows are split as well.
template <class Tile>
void gemm(const float* a, const float* b, float* c, int64_t m, int64_t n, int64_t k,
          int64_t threads, const Blocking& blocking, const PrepackedB<Tile>* prepacked = nullptr) {
  if (m == 0 || n == 0) return;
  const int64_t col_tiles = (n + Tile::kCols - 1) / Tile::kCols;
  const int64_t row_tiles = (m + Tile::kRows - 1) / Tile::kRows;
  const int64_t col_parts = std::max<int64_t>(1, std::min(threads, col_tiles));
  const int64_t row_parts = std::max<int64_t>(1, std::min(threads / col_parts, row_tiles));
  if (col_parts * row_parts == 1) {
    gemm_block<Tile>(a, b, c, n, k, 0, m, 0, n, blocking, prepacked);
    return;
  }
  parallel_for(col_parts * row_parts, static_cast<int>(threads), [&](int64_t task) {
    const int64_t col = task % col_parts, row = task / col_parts;
    const int64_t j0 = std::min(n, col * col_tiles / col_parts * Tile::kCols);
    const int64_t j1 = std::min(n, (col + 1) * col_tiles / col_parts * Tile::kCols);
    const int64_t i0 = std::min(m, row * row_tiles / row_parts * Tile::kRows);
    const int64_t i1 = std::min(m, (row + 1) * row_tiles / row_parts * Tile::kRows);
    gemm_block<Tile>(a, b, c, n, k, i0, i1, j0, j1, blocking, prepacked);
  });
}

}  // namespace
}  // namespace lab::gemm

LAB_SOURCE_HEADER(f32_matmul_4x8_packed_wasmsimd_loops_h)
