// The paths of the files the page shows, as the compiler saw them.
//
// LAB_THIS_FILE is __FILE__, which the build shortens with
// -fmacro-prefix-map=<repository root>/= (set for every target in the
// top-level CMakeLists.txt), so it reads cpp/kernels/matmul/f32_matmul_loop_orders.cpp.
// The catalog lists a kernel's sources through the variables below, so a path
// is never typed: moving a file moves its path with it.
//
//   LAB_SOURCE_HEADER(id)   in a header: lab::source::id is that header's path
//   LAB_SOURCE_DECLARE(id)  in a header: lab::source::id is defined in a .cpp
//   LAB_SOURCE_DEFINE(id)   in that .cpp: lab::source::id is the .cpp's path
//
// Use them at global scope, outside any namespace.
#pragma once

#define LAB_THIS_FILE __FILE__

#define LAB_SOURCE_HEADER(id)                      \
  namespace lab::source {                          \
  inline constexpr const char* id = LAB_THIS_FILE; \
  }

#define LAB_SOURCE_DECLARE(id) \
  namespace lab::source {      \
  extern const char* const id; \
  }

#define LAB_SOURCE_DEFINE(id)           \
  namespace lab::source {               \
  extern const char* const id;          \
  const char* const id = LAB_THIS_FILE; \
  }

LAB_SOURCE_HEADER(source_file_h)
