// Numbers in messages, written for people: whole numbers with thousands
// separators (1,048,576), others to a few significant digits (2.5, 0.333),
// and NaN and the infinities spelled as JavaScript spells them, since the
// page shows these messages beside what the learner typed.
#pragma once
#if !defined(LAB_UPPER_LAYER)
#error \
    "lab/number_text.h is the upper layer: kernels, models, demos and exercises may include only core/ and kernel headers"
#endif

#include <string>

namespace lab {

// 1048576 -> "1,048,576"; 2.5 -> "2.5"; 1.0 / 3 -> "0.3333"; 1e-7 -> "1e-7";
// 1e300 -> "1e+300"; NaN -> "NaN"; infinity -> "Infinity", "-Infinity".
// A number that is not whole always shows a decimal, so it never reads as a
// whole one: 12345.01 -> "12,345.0".
std::string number_text(double value);

// A size in MiB for a message: whole MiB from 10 MiB up, else a few digits.
std::string mib_text(double bytes);

}  // namespace lab
