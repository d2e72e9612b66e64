// A persistent pool of pthreads. Its workers start once, when the pool is
// built, and sleep between jobs: a parallel kernel pays for waking them, never
// for creating them. The thread that calls run() works too, so a pool of P
// threads has P - 1 workers.
#pragma once

#include <pthread.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>
#include "core/source_file.h"

namespace lab {

class ThreadPool {
 public:
  // Starts up to `threads` - 1 workers. Where the platform refuses a thread (a
  // WebAssembly build without threads, or a full worker pool) it keeps the ones
  // it got: size() says how many threads it really has.
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Calls body(t) once for every t in [0, tasks), spread over min(threads,
  // size()) threads, and returns when all calls are done. Threads take the
  // next task as they finish one, so uneven tasks still balance.
  void run(int64_t tasks, int threads, const std::function<void(int64_t)>& body);

  // How many workers this pool has ever started: stays at size() - 1 however
  // many jobs run, which is what "persistent" means (the tests check it).
  int64_t workers_started() const { return started_.load(); }

 private:
  static void* worker_main(void* self);
  void work_loop(int index);
  void take_tasks();

  std::vector<pthread_t> workers_;
  pthread_mutex_t mutex_ = PTHREAD_MUTEX_INITIALIZER;
  pthread_cond_t wake_ = PTHREAD_COND_INITIALIZER;  // a job was posted, or stop
  pthread_cond_t idle_ = PTHREAD_COND_INITIALIZER;  // the job's last helper finished

  // The current job, written under mutex_ before generation_ moves on.
  const std::function<void(int64_t)>* body_ = nullptr;
  int64_t tasks_ = 0;
  int helpers_ = 0;       // workers with index < helpers_ take part in this job
  int busy_helpers_ = 0;  // helpers that have not finished this job yet
  uint64_t generation_ = 0;
  bool stop_ = false;
  std::atomic<int64_t> next_task_{0};
  std::atomic<int64_t> started_{0};
  pthread_mutex_t run_mutex_ = PTHREAD_MUTEX_INITIALIZER;  // one job at a time
};

// The lab's pool, one thread per logical core, built on first use.
ThreadPool& shared_pool();

// Runs body over [0, tasks) on `threads` threads of the shared pool.
void parallel_for(int64_t tasks, int threads, const std::function<void(int64_t)>& body);

// Splits rows [0, m) into chunks of whole tiles of `tile_rows` rows and calls
// body(row0, row1) for each, on `threads` threads: each call owns rows no other
// touches, so a kernel that writes only its own rows of C needs no locks. Four
// chunks per thread, taken as threads free up, keep a slow core from holding up
// the rest. One thread: a single call on the calling thread, nothing to wake.
template <class Body>
void parallel_rows(int64_t m, int64_t tile_rows, int64_t threads, const Body& body) {
  if (threads <= 1) {
    body(int64_t{0}, m);
    return;
  }
  const int64_t row_tiles = (m + tile_rows - 1) / tile_rows;
  const int64_t chunks = row_tiles < 4 * threads ? row_tiles : 4 * threads;
  parallel_for(chunks, static_cast<int>(threads), [&](int64_t chunk) {
    const int64_t row0 = chunk * row_tiles / chunks * tile_rows;
    const int64_t row1 = (chunk + 1) * row_tiles / chunks * tile_rows;
    body(row0 < m ? row0 : m, row1 < m ? row1 : m);
  });
}

}  // namespace lab

LAB_SOURCE_HEADER(thread_pool_h)

LAB_SOURCE_DECLARE(thread_pool_cpp)
