// The stop signals of an interview. The handler does only what is async-signal-safe: it
// records the stop and puts /dev/null on standard input, so that the read in progress (a
// plain read() or libedit's readline, interrupted by the signal) sees the end of input.
#include <atomic>
#include <csignal>
#include <fcntl.h>
#include <kansrijk/cli/stop_signal.hpp>
#include <unistd.h>

namespace kansrijk::cli {

namespace {

std::atomic<bool> g_stopped{false};
constexpr int k_signals[] = {SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[3];

extern "C" void on_stop(int /*signal*/) {
  g_stopped.store(true);
  const int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    ::dup2(null_fd, STDIN_FILENO);
    ::close(null_fd);
  }
}

} // namespace

StopSignal::StopSignal() {
  g_stopped.store(false);
  struct sigaction action {};
  action.sa_handler = on_stop;
  sigemptyset(&action.sa_mask);
  for (std::size_t i = 0; i < std::size(k_signals); ++i) {
    sigaction(k_signals[i], &action, &g_previous[i]);
  }
}

StopSignal::~StopSignal() {
  for (std::size_t i = 0; i < std::size(k_signals); ++i) {
    sigaction(k_signals[i], &g_previous[i], nullptr);
  }
}

bool StopSignal::requested() { return g_stopped.load(); }

} // namespace kansrijk::cli
