// A promise's answer, or `otherwise` when it gives none within ms: a browser
// call over a protocol can hang, and a caller that polls or reports must not.
// The promise is left running; a failure it meets later is dropped, since
// nobody waits for it any more.
export function answerWithin(promise, ms, otherwise) {
  promise.catch(() => {});
  let timer;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, ms, otherwise)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
