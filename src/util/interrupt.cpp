// The stop-signal flag and its handlers.
#include <atomic>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <kansrijk/util/interrupt.hpp>
#include <unistd.h>

namespace kansrijk::util {

namespace {

// NOLINTBEGIN(cppcoreguidelines-avoid-non-const-global-variables): the state a signal
// handler reads and writes can only live here.
std::atomic<int> g_signal{0}; // the stop signal received, 0 for none
std::atomic<bool> g_end_stdin{false};
static_assert(std::atomic<int>::is_always_lock_free && std::atomic<bool>::is_always_lock_free,
              "the flags are set from a signal handler");

struct sigaction g_old_int {};
struct sigaction g_old_term {};
struct sigaction g_old_hup {};
struct sigaction g_old_quit {};
// NOLINTEND(cppcoreguidelines-avoid-non-const-global-variables)

extern "C" void on_stop_signal(int signal) {
  g_signal.store(signal);
  if (g_end_stdin.load()) { // dup2 and open are async-signal-safe
    const int saved_errno = errno;
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0) {
      ::dup2(null_fd, STDIN_FILENO);
      ::close(null_fd);
    }
    errno = saved_errno;
  }
}

} // namespace

InterruptGuard::InterruptGuard(StdinOnStop on_stop) {
  g_signal.store(0);
  g_end_stdin.store(on_stop == StdinOnStop::end);
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0; // no SA_RESTART: a blocking read returns EINTR and the reader sees the flag
  sigaction(SIGINT, &action, &g_old_int);
  sigaction(SIGTERM, &action, &g_old_term);
  sigaction(SIGHUP, &action, &g_old_hup);
  sigaction(SIGQUIT, &action, &g_old_quit); // Ctrl-\ stops like Ctrl-C: terminal restored, answers kept
  if (g_old_quit.sa_handler == SIG_IGN) {   // ignored by whoever started us (a background job): so be it
    sigaction(SIGQUIT, &g_old_quit, nullptr);
  }
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
  sigaction(SIGHUP, &g_old_hup, nullptr);
  sigaction(SIGQUIT, &g_old_quit, nullptr);
  g_signal.store(0);
  g_end_stdin.store(false);
}

int InterruptGuard::exit_code() noexcept {
  const int signal = g_signal.load();
  return 128 + (signal != 0 ? signal : SIGINT);
}

bool interrupt_requested() noexcept { return g_signal.load(std::memory_order_relaxed) != 0; }

} // namespace kansrijk::util
