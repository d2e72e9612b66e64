// What the linker may leave a kernel to call, and what a student is told when
// their kernel calls anything else. A kernel's module links with no libc, so
// every function it calls must be in its own files; the one exception is
// <cmath>, whose functions come from the WASI sysroot's libc.a, pure code that
// imports nothing.

// The functions of <cmath> a kernel may call, float and double. (Several
// compile to one wasm instruction and never reach the linker.) long double is
// left out: its arithmetic lives in compiler-rt, which a kernel does not link.
const MATH = `acos acosh asin asinh atan atan2 atanh cbrt ceil copysign cos cosh erf erfc exp exp2 expm1 fabs fdim floor fma fmax
  fmin fmod frexp hypot ilogb ldexp lgamma llrint llround log log10 log1p log2 logb lrint lround modf nan nearbyint nextafter pow
  remainder remquo rint round scalbln scalbn sin sinh sqrt tan tanh tgamma trunc`.split(/\s+/);
const MATH_FUNCTIONS = new Set(MATH.flatMap((name) => [name, `${name}f`]));

const ALLOCATION = /^(malloc|calloc|realloc|free|aligned_alloc|posix_memalign|memalign|valloc)$|^operator (new|delete)/;
const PRINTING =
  /^(printf|vprintf|fprintf|vfprintf|dprintf|puts|putchar|putc|fputs|fputc|fwrite|perror|write)$|\bstd::.*\b(cout|cerr|clog|ostream)\b/;

// The functions wasm-ld could not find, in the order it named them. It writes
// `wasm-ld: error: file.o: undefined symbol: name`, with C++ names demangled.
export function undefinedSymbols(output) {
  const names = output.split('\n').flatMap((text) => /undefined symbol: (.+)$/.exec(text)?.[1] ?? []);
  return [...new Set(names)];
}

export const onlyMath = (symbols) => symbols.length > 0 && symbols.every((name) => MATH_FUNCTIONS.has(name));

// "a", "a and b", "a, b and c".
function listed(names) {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

// One sentence for each reason the symbols are refused. exercise: the name of
// the function the lab's entry calls, which the student's file must define.
export function linkRefusal(symbols, exercise) {
  const allocating = symbols.filter((symbol) => ALLOCATION.test(symbol));
  const printing = symbols.filter((symbol) => PRINTING.test(symbol));
  const entryCalls = symbols.filter((symbol) => symbol.startsWith(`lab::${exercise}(`));
  const unknown = symbols.filter((symbol) => ![allocating, printing, entryCalls].some((group) => group.includes(symbol)));
  const sentences = [];
  if (allocating.length) {
    sentences.push(
      `Your kernel calls ${listed(allocating)}, but a kernel must not allocate memory: ` +
        'the lab owns all memory, hands the kernel its buffers, and times only arithmetic and memory traffic.',
    );
  }
  if (printing.length)
    sentences.push(`Your kernel calls ${listed(printing)}, but a kernel cannot print: there is no console inside a timed kernel.`);
  if (entryCalls.length) {
    sentences.push(
      `The lab calls ${listed(entryCalls)}, and your file defines no function with that name and signature: ` +
        'keep the stub’s signature, as cpp/exercises/student_kernels.h declares it.',
    );
  }
  if (unknown.length) {
    sentences.push(`Your kernel calls ${listed(unknown)}, which no file defines: write it in your file, or remove the call.`);
  }
  return sentences.join(' ');
}

// A linked module must stand alone: the lab gives it nothing to import.
export function importsRefusal(imports) {
  if (!imports.length) return null;
  const names = imports.map(({ module, name }) => `${module}.${name}`);
  return `Your module imports ${listed(names)}, but a kernel's module must stand alone: the lab gives it nothing to import.`;
}
