// Some kernel files are compiled twice from the very same text: once as is,
// so the compiler may vectorize them, and once with its vectorizers switched
// off (cpp/CMakeLists.txt says how). This names the two copies apart.
#pragma once

#include "core/source_file.h"

#if defined(LAB_SCALAR_VARIANT)
#define LAB_C_VARIANT(name) name##_scalar
#else
#define LAB_C_VARIANT(name) name##_autovec
#endif

// Its source path is defined once, by the copy the compiler may vectorize
// (core/source_file.h).
#if defined(LAB_SCALAR_VARIANT)
#define LAB_C_VARIANT_SOURCE(id)
#else
#define LAB_C_VARIANT_SOURCE(id) LAB_SOURCE_DEFINE(id)
#endif
