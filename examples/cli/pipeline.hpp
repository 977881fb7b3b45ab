#pragma once
// Documents in, results out in input order, with the work spread over threads and memory bounded
// however long the input.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace econind::cli {

// Calls `next(job)` on a reader thread until it returns false, `work(job)` (returning an Outcome)
// on `threads` worker threads, and `emit(outcome)` on the calling thread in the order next()
// produced the jobs. At most `window` jobs are read ahead of the one last emitted. Job and Outcome
// are default-constructible and movable; the three functions must not throw.
template <class Job, class Outcome, class Next, class Work, class Emit>
void run_ordered(unsigned threads, std::size_t window, Next next, Work work, Emit emit) {
  if (threads == 0) threads = 1;
  if (window < threads) window = threads;
  std::mutex m;
  std::condition_variable room, job_ready, result_ready;
  std::deque<std::pair<std::size_t, Job>> queue;
  std::map<std::size_t, Outcome> done;
  std::size_t produced = 0, emitted = 0;
  bool reading = true;

  std::thread reader([&] {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(m);
        room.wait(lock, [&] { return produced - emitted < window; });
      }
      Job job;
      if (!next(job)) break;
      std::lock_guard<std::mutex> lock(m);
      queue.emplace_back(produced++, std::move(job));
      job_ready.notify_one();
    }
    std::lock_guard<std::mutex> lock(m);
    reading = false;
    job_ready.notify_all();
    result_ready.notify_all();
  });

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (;;) {
        std::pair<std::size_t, Job> item;
        {
          std::unique_lock<std::mutex> lock(m);
          job_ready.wait(lock, [&] { return !queue.empty() || !reading; });
          if (queue.empty()) return;
          item = std::move(queue.front());
          queue.pop_front();
        }
        Outcome outcome = work(item.second);
        std::lock_guard<std::mutex> lock(m);
        done.emplace(item.first, std::move(outcome));
        result_ready.notify_one();
      }
    });
  }

  for (;;) {
    Outcome outcome;
    {
      std::unique_lock<std::mutex> lock(m);
      result_ready.wait(lock, [&] { return done.count(emitted) != 0 || (!reading && emitted == produced); });
      auto it = done.find(emitted);
      if (it == done.end()) break;
      outcome = std::move(it->second);
      done.erase(it);
    }
    emit(outcome);
    std::lock_guard<std::mutex> lock(m);
    ++emitted;
    room.notify_one();
  }
  reader.join();
  for (std::thread& w : workers) w.join();
}

}  // namespace econind::cli
