// Stopping an interview from outside: Ctrl-C, SIGTERM or SIGHUP (a closed terminal) is
// remembered, and a read that waits for the user ends at once, so the session can save its
// answers and restore the terminal. A local guard of the interview; this small interface is
// all the interview needs, so a shared interrupt guard in util can take its place.
#pragma once

namespace kansrijk::cli {

class StopSignal {
public:
  // Installs the handlers for SIGINT, SIGTERM and SIGHUP; forgets an earlier stop.
  StopSignal();
  // Puts the previous handlers back.
  ~StopSignal();
  StopSignal(const StopSignal &) = delete;
  StopSignal &operator=(const StopSignal &) = delete;

  // Whether a stop signal has arrived since construction.
  [[nodiscard]] static bool requested();
};

} // namespace kansrijk::cli
