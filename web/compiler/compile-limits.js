// The limits a compile in the page runs under. The page's handle enforces them
// (it refuses a large source before the compiler loads, and ends a compile that
// runs too long), and the messages name them, so they live in one place.

// A student's exercise is a page or two of C++; 64 KiB is far beyond that and
// still keeps a pasted accident from tying up the compiler.
export const SOURCE_LIMIT_BYTES = 64 * 1024;

// A compile of an exercise takes a few seconds; one that takes 30 is stuck
// (a template or constexpr loop without end), and its worker is ended.
export const COMPILE_TIME_LIMIT_S = 30;
