// Stop signals (SIGINT from Ctrl-C, SIGTERM from a service manager or CI runner, SIGHUP from a
// closed terminal) turned into a flag that long-running work polls, so a run can stop
// cleanly: temporary files removed, whole results kept, the terminal restored. One guard for
// every subcommand that runs long (batch; the interview with StdinOnStop::end).
#pragma once

namespace kansrijk::util {

// What the signal does besides setting the flag.
enum class StdinOnStop {
  keep, // a blocking read of standard input returns EINTR (the handler is installed without SA_RESTART)
  end,  // standard input is replaced by /dev/null, so a pending read (libedit's too) sees its end
};

// Catches SIGINT, SIGTERM, SIGHUP and SIGQUIT (Ctrl-backslash) while it lives and restores the
// previous handlers afterwards.
// Only one guard may live at a time.
class InterruptGuard {
public:
  explicit InterruptGuard(StdinOnStop on_stop = StdinOnStop::keep);
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard &) = delete;
  InterruptGuard &operator=(const InterruptGuard &) = delete;

  // The exit code for the run that was stopped: 128 + the signal (130 for SIGINT, 143 for
  // SIGTERM, 129 for SIGHUP, 131 for SIGQUIT).
  [[nodiscard]] static int exit_code() noexcept;
};

// Whether a stop signal arrived while a guard lived; cheap enough to poll per block read.
// False when no guard lives.
[[nodiscard]] bool interrupt_requested() noexcept;

} // namespace kansrijk::util
