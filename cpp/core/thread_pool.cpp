#include "core/thread_pool.h"

#include <unistd.h>

#include <algorithm>
#include "core/source_file.h"

namespace lab {

namespace {

struct WorkerStart {
  ThreadPool* pool;
  int index;
};

}  // namespace

ThreadPool::ThreadPool(int threads) {
  for (int index = 0; index + 1 < threads; ++index) {
    pthread_t thread;
    auto* start = new WorkerStart{this, index};
    // pthread_create, not std::thread: it reports a refused thread as an error
    // code, where std::thread would throw, and WebAssembly builds run without
    // exception handling.
    if (pthread_create(&thread, nullptr, &ThreadPool::worker_main, start) != 0) {
      delete start;
      break;
    }
    workers_.push_back(thread);
    started_.fetch_add(1);
  }
}

ThreadPool::~ThreadPool() {
  pthread_mutex_lock(&mutex_);
  stop_ = true;
  pthread_cond_broadcast(&wake_);
  pthread_mutex_unlock(&mutex_);
  for (pthread_t thread : workers_) pthread_join(thread, nullptr);
}

void* ThreadPool::worker_main(void* arg) {
  const WorkerStart start = *static_cast<WorkerStart*>(arg);
  delete static_cast<WorkerStart*>(arg);
  start.pool->work_loop(start.index);
  return nullptr;
}

void ThreadPool::take_tasks() {
  for (int64_t t = next_task_.fetch_add(1); t < tasks_; t = next_task_.fetch_add(1)) (*body_)(t);
}

void ThreadPool::work_loop(int index) {
  uint64_t seen = 0;
  pthread_mutex_lock(&mutex_);
  for (;;) {
    while (!stop_ && generation_ == seen) pthread_cond_wait(&wake_, &mutex_);
    if (stop_) break;
    seen = generation_;
    if (index >= helpers_) continue;  // not needed for this job: back to sleep
    pthread_mutex_unlock(&mutex_);
    take_tasks();
    pthread_mutex_lock(&mutex_);
    // The caller returns only when every helper got here, so body_ and tasks_
    // cannot change under a helper that is still taking tasks.
    if (--busy_helpers_ == 0) pthread_cond_signal(&idle_);
  }
  pthread_mutex_unlock(&mutex_);
}

void ThreadPool::run(int64_t tasks, int threads, const std::function<void(int64_t)>& body) {
  const int helpers = static_cast<int>(
      std::min<int64_t>({static_cast<int64_t>(std::max(threads, 1)) - 1,
                         static_cast<int64_t>(workers_.size()), std::max<int64_t>(tasks - 1, 0)}));
  if (helpers == 0) {
    for (int64_t t = 0; t < tasks; ++t) body(t);
    return;
  }
  pthread_mutex_lock(&run_mutex_);
  pthread_mutex_lock(&mutex_);
  body_ = &body;
  tasks_ = tasks;
  helpers_ = helpers;
  busy_helpers_ = helpers;
  next_task_.store(0);
  ++generation_;
  pthread_cond_broadcast(&wake_);
  pthread_mutex_unlock(&mutex_);

  take_tasks();

  pthread_mutex_lock(&mutex_);
  while (busy_helpers_ > 0) pthread_cond_wait(&idle_, &mutex_);
  body_ = nullptr;
  pthread_mutex_unlock(&mutex_);
  pthread_mutex_unlock(&run_mutex_);
}

ThreadPool& shared_pool() {
  // In the browser this is navigator.hardwareConcurrency: the same number the
  // module's prestarted pool of Web Workers is sized by.
  static ThreadPool pool(static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN))));
  return pool;
}

void parallel_for(int64_t tasks, int threads, const std::function<void(int64_t)>& body) {
  shared_pool().run(tasks, threads, body);
}

}  // namespace lab

LAB_SOURCE_DEFINE(thread_pool_cpp)
