// The lessons, in teaching order. A lesson is one module whose default export is
// {id, number, title, mount(session) → section}; adding one is adding a line here.
import measuring from './measuring.js';
import loops from './loops.js';
import blocking from './blocking.js';
import vectorization from './vectorization.js';
import threads from './threads.js';
import fusion from './fusion.js';
import quantization from './quantization.js';
import precision from './precision.js';
import roofline from './roofline.js';

export const lessons = [measuring, loops, blocking, vectorization, threads, fusion, quantization, precision, roofline];
