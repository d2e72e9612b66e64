// LAB_THIS_FILE: the path of the file it is written in, relative to the
// repository root (cpp/kernels/matmul/f32_matmul_loop_orders.cpp), for the
// catalog's lists of the sources a kernel shows. It is __FILE__, which the
// build shortens with -fmacro-prefix-map=<repository root>/= (set for every
// target in the top-level CMakeLists.txt), so the path is the one that was
// compiled, never typed a second time.
#pragma once

#define LAB_THIS_FILE __FILE__
