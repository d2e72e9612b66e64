// The student's modules, compiled in the page, as the lab worker keeps them:
// the JavaScript half of cpp/lab/page_kernels.h, which the C++ runner reaches
// through cpp/bindings/page_host.cpp. A classic script: web/worker.js loads it
// with importScripts, and it sets globalThis.labPageHost.
//
// Each module has a memory of its own, so it can never write into the lab's.
// For each problem the host makes a fresh instance (a trap or a wild write in
// an earlier run leaves nothing behind), copies the buffers in above the
// module's own data, each between guard bytes, and after the calls checks the
// guards and the inputs before it copies the outputs back.
'use strict';

(() => {
  const GUARD_BYTES = 4096;
  const GUARD_VALUE = 0xa5;
  const WASM_PAGE = 65536;
  const count = (n) => n.toLocaleString('en-US');

  const modules = new Map(); // slot → WebAssembly.Module
  let pending = null; // {slot, buffers} while the C++ side lists the buffers
  let staged = null; // {instance, memory, buffers: [{name, data, bytes, elementBytes, output, at}], end, invoke}
  let error = '';

  // Why a module cannot be a kernel, or '' when it can.
  function problemWith(module) {
    const imports = WebAssembly.Module.imports(module);
    if (imports.length > 0) {
      const names = imports.map((i) => i.name).join(', ');
      return `Your module needs ${names} from outside, and the lab gives a kernel nothing: it may only compute on its buffers.`;
    }
    const kinds = new Map(WebAssembly.Module.exports(module).map((e) => [e.name, e.kind]));
    if (kinds.get('lab_entry') !== 'function' || kinds.get('memory') !== 'memory' || kinds.get('__heap_base') !== 'global')
      return 'The module does not export lab_entry, memory and __heap_base, which the lab calls and fills.';
    return '';
  }

  // The entry with the buffers' addresses bound, so a timed call allocates nothing.
  // Sizes beyond what the entry takes are ignored by WebAssembly.
  function bind(entry, at) {
    const bound = entry.bind(null, ...at);
    return (s0, s1, s2, s3) => bound(s0, s1, s2, s3);
  }

  // The guard bytes: before the first buffer, between buffers, after the last.
  function gaps() {
    const { buffers, start, end } = staged;
    const edges = [start, ...buffers.flatMap((b) => [b.at, b.at + b.bytes]), end];
    return buffers.concat([null]).map((_, i) => [edges[2 * i], edges[2 * i + 1]]);
  }

  // A sentence for each way a kernel can trap.
  function trapMessage(e) {
    const text = String(e?.message ?? e);
    const why = [
      [/out of bounds/, 'It read or wrote past the end of its own memory: an index far outside its buffers.'],
      [/unreachable/, 'It reached code marked unreachable: __builtin_trap(), or undefined behaviour such as a missing return.'],
      [/divide by zero|division by zero/, 'An integer division by zero.'],
      [/overflow|unrepresentable/, 'An integer division or float-to-integer conversion overflowed.'],
      [/call stack/i, 'It called itself until the stack ran out.'],
    ].find(([pattern]) => pattern.test(text));
    return `Your kernel trapped (${text}).${why ? ` ${why[1]}` : ''}`;
  }

  // Where a byte outside every buffer lies, in the student's terms.
  function describeStray(address) {
    const { buffers } = staged;
    const after = buffers.filter((b) => b.at + b.bytes <= address).at(-1);
    const before = buffers.find((b) => b.at > address);
    const near = after && (!before || address - (after.at + after.bytes) < before.at - address) ? after : before;
    const element = Math.floor((address - near.at) / near.elementBytes);
    const length = near.bytes / near.elementBytes;
    const where = near === after ? `past the end of ${near.name}` : `before the start of ${near.name}`;
    return (
      `Your kernel wrote ${where}: element ${count(element)}, where ${near.name} holds ${count(length)} ` +
      `(elements 0 to ${count(length - 1)}).`
    );
  }

  // Lays the buffers out above the instance's own data, each between guard
  // bytes, grows its memory to hold them, and copies them in.
  function place(instance, buffers) {
    const { memory, __heap_base: heapBase, lab_entry: entry } = instance.exports;
    let cursor = Math.ceil(heapBase.value / 16) * 16 + GUARD_BYTES;
    const placed = buffers.map((b) => {
      const at = cursor;
      cursor = Math.ceil((at + b.bytes) / 16) * 16 + GUARD_BYTES;
      return { ...b, at };
    });
    const end = cursor;
    const short = end - memory.buffer.byteLength;
    if (short > 0) memory.grow(Math.ceil(short / WASM_PAGE));
    const bytes = new Uint8Array(memory.buffer);
    const start = placed[0].at - GUARD_BYTES;
    bytes.fill(GUARD_VALUE, start, end);
    for (const b of placed) bytes.set(b.heap.subarray(b.data, b.data + b.bytes), b.at);
    return {
      memory,
      buffers: placed,
      start,
      end,
      invoke: bind(
        entry,
        placed.map((b) => b.at),
      ),
    };
  }

  // The first byte at which two byte arrays of one length differ, or -1.
  function firstDifference(a, b) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
    return -1;
  }

  globalThis.labPageHost = {
    // '' when the module can run as a kernel, or why not.
    add(slot, bytes) {
      let module;
      try {
        module = new WebAssembly.Module(bytes);
      } catch (e) {
        return `The compiled module is not valid WebAssembly here (${e.message}).`;
      }
      const problem = problemWith(module);
      if (!problem) modules.set(slot, module);
      return problem;
    },

    begin(slot) {
      pending = { slot, buffers: [] };
    },

    buffer(name, heap, data, bytes, elementBytes, output) {
      pending.buffers.push({ name, heap, data, bytes, elementBytes, output });
    },

    // Copies the listed buffers into a fresh instance; false (see takeError) when it cannot.
    stage() {
      const { slot, buffers } = pending;
      pending = null;
      staged = null;
      const module = modules.get(slot);
      if (!module) return this.fail('This compiled kernel is no longer loaded; compile it again.');
      try {
        staged = place(new WebAssembly.Instance(module, {}), buffers);
        return true;
      } catch (e) {
        return this.fail(
          `Your module could not be given this problem's buffers (${e.message}): it may ask for more memory than a page can have.`,
        );
      }
    },

    // The entry's status (0 done, 1 not implemented), or 2 when the call
    // failed: a trap, or a status that is neither (see takeError).
    call(s0, s1, s2, s3) {
      let status;
      try {
        status = staged.invoke(s0, s1, s2, s3);
      } catch (e) {
        error = trapMessage(e);
        return 2;
      }
      if (status === 0 || status === 1) return status;
      error = `Your kernel returned ${status}, which is neither KernelStatus::done nor KernelStatus::not_implemented.`;
      return 2;
    },

    // Checks the guard bytes and the inputs, then copies the outputs back
    // into the lab's heap; false (see takeError) when the kernel broke a rule.
    collect(heap) {
      const bytes = new Uint8Array(staged.memory.buffer);
      for (const [from, to] of gaps()) {
        for (let address = from; address < to; address++) if (bytes[address] !== GUARD_VALUE) return this.fail(describeStray(address));
      }
      for (const b of staged.buffers.filter((buffer) => !buffer.output)) {
        const copy = bytes.subarray(b.at, b.at + b.bytes);
        const original = heap.subarray(b.data, b.data + b.bytes);
        const changed = firstDifference(copy, original);
        if (changed >= 0)
          return this.fail(
            `Your kernel wrote into its input ${b.name} at element ${count(Math.floor(changed / b.elementBytes))}: ` +
              'inputs are read-only, and the next call would compute on changed data. The run is refused.',
          );
      }
      for (const b of staged.buffers.filter((buffer) => buffer.output)) heap.set(bytes.subarray(b.at, b.at + b.bytes), b.data);
      return true;
    },

    fail(message) {
      error = message;
      return false;
    },

    takeError() {
      const message = error;
      error = '';
      return message;
    },
  };
})();
