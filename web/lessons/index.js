// The lessons, in teaching order. A lesson is one module whose default export is
// {id, number, title, mount(session) → section}; adding one is adding a line here.
// The pages after the lessons are not lessons: {id, title, mount(session, {lessons})},
// no number, nothing of their own to run.
import measuring from './measuring.js';
import loops from './loops.js';
import blocking from './blocking.js';
import vectorization from './vectorization.js';
import threads from './threads.js';
import fusion from './fusion.js';
import quantization from './quantization.js';
import precision from './precision.js';
import roofline from './roofline.js';
import capstone from './capstone.js';
import report from '../report/report-page.js';
import grade from '../grade/grade-page.js';

export const lessons = [measuring, loops, blocking, vectorization, threads, fusion, quantization, precision, roofline, capstone];

export const pages = [report, grade];
